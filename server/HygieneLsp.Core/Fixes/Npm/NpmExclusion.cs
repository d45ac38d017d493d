using HygieneLsp.Core.Parsing.IgnorePatterns;

namespace HygieneLsp.Core.Fixes.Npm;

/// <summary>
/// One kind of file to keep out of a package, written both ways npm accepts: as a `files` negation (anchored by
/// `**/`, since `files` entries do not match base names when they contain a slash) and as an ignore-file line.
/// </summary>
public sealed record NpmExclusion(string FilesNegation, string IgnoreLine)
{
    public static readonly IReadOnlyList<NpmExclusion> EnvFiles = [new("!**/.env", ".env"), new("!**/.env.*", ".env.*")];
    public static readonly IReadOnlyList<NpmExclusion> SourceMaps = [new("!**/*.map", "*.map")];

    /// <summary>Whether this exclusion's ignore line matches the file (a path relative to the package root).</summary>
    /// <remarks>A leading `/` anchors the line at the package root, as npm's ignore walker reads it.</remarks>
    public bool Covers(string relativePath) =>
        GlobPattern.Compile(IgnoreLine.StartsWith('/') ? IgnoreLine[1..] : IgnoreLine, GlobOptions.NpmIgnore).Match(relativePath);

    /// <summary>Exactly one file: `!path` in `files`, `/path` (anchored) in an ignore file. Glob characters are escaped.</summary>
    public static NpmExclusion ForFile(string relativePath)
    {
        var escaped = Escape(relativePath);
        return new NpmExclusion("!" + escaped, "/" + escaped);
    }

    private static string Escape(string path)
    {
        var sb = new System.Text.StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (c is '*' or '?' or '[' or ']' or '{' or '}' or '!' or '#' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
