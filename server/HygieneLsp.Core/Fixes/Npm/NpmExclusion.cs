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
    public bool Covers(string relativePath) => GlobPattern.Compile(IgnoreLine, GlobOptions.NpmIgnore).Match(relativePath);
}
