using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>Where an npm pack rule comes from.</summary>
public enum NpmRuleKind
{
    /// <summary>npm's built-in default ignores (`.git`, `.DS_Store`, `*.orig`, ...).</summary>
    DefaultIgnore,
    /// <summary>A `files` entry of package.json (re-includes what it matches).</summary>
    FilesEntry,
    /// <summary>The implicit "everything else is out" that a `files` field adds.</summary>
    FilesExcludesRest,
    /// <summary>A `files` entry naming an existing file: required, it beats default ignores.</summary>
    FilesRequiredFile,
    NpmIgnoreLine,
    GitIgnoreLine,
    /// <summary>A line of an ignore file above a workspace package, which npm applies as a default.</summary>
    OutOfTreeIgnoreLine,
    /// <summary>A line of a folder's package.json read as an ignore file (npm does this below a workspace root).</summary>
    PackageJsonAsIgnoreLine,
    /// <summary>Always packed: package.json, README, LICENSE/LICENCE, COPYING at the package root.</summary>
    AlwaysIncluded,
    AlwaysIncludedMain,
    AlwaysIncludedBrowser,
    AlwaysIncludedBin,
    /// <summary>Never packed: /.git, /node_modules, .npmrc, lockfiles.</summary>
    NeverIncluded,
}

/// <summary>One rule line with its origin: what kind, the text as written, and where (file and range) when it is written somewhere.</summary>
public sealed record NpmRuleOrigin(NpmRuleKind Kind, string Text, SourceLocation? Location, string? Detail = null)
{
    /// <summary>Whether the rule, when it decides, lets a file in.</summary>
    public bool Includes => Kind is NpmRuleKind.FilesEntry or NpmRuleKind.FilesRequiredFile or NpmRuleKind.AlwaysIncluded
        or NpmRuleKind.AlwaysIncludedMain or NpmRuleKind.AlwaysIncludedBrowser or NpmRuleKind.AlwaysIncludedBin
        || (Kind is NpmRuleKind.NpmIgnoreLine or NpmRuleKind.GitIgnoreLine or NpmRuleKind.OutOfTreeIgnoreLine or NpmRuleKind.PackageJsonAsIgnoreLine
            && Text.StartsWith('!'));

    /// <summary>A short human description, e.g. `files entry "dist"` or `.npmignore line 3 "!.env"`.</summary>
    public string Describe() => Kind switch
    {
        NpmRuleKind.DefaultIgnore => $"npm's default ignore \"{Text}\"",
        NpmRuleKind.FilesEntry => $"files entry \"{Text}\"",
        NpmRuleKind.FilesExcludesRest => "no files entry matches it",
        NpmRuleKind.FilesRequiredFile => $"files entry \"{Text}\" (an existing file, always packed)",
        NpmRuleKind.NpmIgnoreLine => $".npmignore line {Line} \"{Text}\"",
        NpmRuleKind.GitIgnoreLine => $".gitignore line {Line} \"{Text}\" (npm falls back to .gitignore without .npmignore)",
        NpmRuleKind.OutOfTreeIgnoreLine => $"ignore line \"{Text}\" of {Detail} (applies to workspace packages below it)",
        NpmRuleKind.PackageJsonAsIgnoreLine => $"line \"{Text}\" of {Detail}, which npm reads as an ignore file below a workspace root",
        NpmRuleKind.AlwaysIncluded => $"always included ({Detail ?? Text})",
        NpmRuleKind.AlwaysIncludedMain => $"always included (main \"{Detail}\")",
        NpmRuleKind.AlwaysIncludedBrowser => $"always included (browser \"{Detail}\")",
        NpmRuleKind.AlwaysIncludedBin => $"always included (bin \"{Detail}\")",
        NpmRuleKind.NeverIncluded => $"never published ({Detail ?? Text})",
        _ => Text,
    };

    private int Line => (Location?.Range.Start.Line ?? 0) + 1;
}
