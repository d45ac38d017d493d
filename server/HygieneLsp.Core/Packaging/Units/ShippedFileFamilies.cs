namespace HygieneLsp.Core.Packaging;

/// <summary>
/// The exclusion globs for a family of shipped files, in `**/`-anchored form (one glob per kind of file present):
/// every packager turns them into its own syntax (an npm `files` negation or ignore line, a .vscodeignore line).
/// Named files are their own exact paths, relative to the unit's root.
/// </summary>
public static class ShippedFileFamilies
{
    public static IReadOnlyList<string> ExclusionGlobs(ShippedFileFamily family, IEnumerable<string> paths) => family switch
    {
        ShippedFileFamily.SourceMaps => ["**/*.map"],
        ShippedFileFamily.EnvFiles => paths.Select(BaseName).Any(n => n == ".env") && paths.Select(BaseName).Any(n => n != ".env")
            ? ["**/.env", "**/.env.*"]
            : paths.Select(BaseName).Any(n => n == ".env") ? ["**/.env"] : ["**/.env.*"],
        ShippedFileFamily.AgentFiles => paths.Select(AgentFiles.ExclusionGlob).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        ShippedFileFamily.NamedFiles => paths.Distinct(StringComparer.Ordinal).ToList(),
        _ => [],
    };

    private static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
