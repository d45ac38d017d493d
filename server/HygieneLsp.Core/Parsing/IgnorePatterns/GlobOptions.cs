namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// The minimatch options the packagers use. Defaults are minimatch's defaults (all off): braces, extglobs and
/// globstars on, comments and negation recognised.
/// </summary>
public sealed record GlobOptions
{
    /// <summary>How ignore-walk (npm-packlist) compiles .npmignore/.gitignore lines and package.json `files` rules.</summary>
    public static readonly GlobOptions NpmIgnore = new() { Dot = true, MatchBase = true, NoCase = true, FlipNegate = true };

    /// <summary>How vsce matches .vscodeignore lines: dot files match, no matchBase, case-sensitive.</summary>
    public static readonly GlobOptions VsceIgnore = new() { Dot = true };

    /// <summary>`*`, `?` and classes may match a leading dot.</summary>
    public bool Dot { get; init; }
    /// <summary>A pattern without a slash is matched against the path's last segment (so at any depth).</summary>
    public bool MatchBase { get; init; }
    public bool NoCase { get; init; }
    /// <summary>A match of a `!` pattern returns true (the caller reads <see cref="GlobPattern.Negate"/>), as ignore-walk wants.</summary>
    public bool FlipNegate { get; init; }
    public bool NoBrace { get; init; }
    /// <summary>Turns extglobs (`+(a|b)`, `!(x)`, ...) off.</summary>
    public bool NoExt { get; init; }
    public bool NoGlobstar { get; init; }
    public bool NoNegate { get; init; }
    public bool NoComment { get; init; }
}
