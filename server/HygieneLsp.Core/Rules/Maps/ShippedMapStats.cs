using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.SourceMaps;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Maps;

/// <summary>One source map that would ship: a .map file or a map inlined at the end of a script, and what it carries.</summary>
public sealed record ShippedMap(string RelativePath, bool IsInline, SourceMapInspection Inspection)
{
    public bool EmbedsSources => Inspection.SourcesContentCount > 0;
    public bool EmbedsOwnSources => Inspection.FirstPartyContentCount > 0;
}

/// <summary>
/// Finds the source maps among shipped files: `.map` files read streaming, and scripts whose last bytes carry an
/// inline `sourceMappingURL=data:` map (only the tail is read). Both are memoised per file stamp.
/// </summary>
public static class ShippedMapStats
{
    private static readonly string[] ScriptExtensions = [".js", ".mjs", ".cjs"];

    /// <summary>Cache kinds of a `.map` file's inspection and of a script's inline map (null when it has none).</summary>
    public const string MapCacheKind = "map-inspection";
    public const string InlineCacheKind = "inline-map";

    public static bool IsScript(string path) => ScriptExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <param name="absolute">The workspace file to read.</param>
    /// <param name="relativePath">Its path inside the unit, for messages.</param>
    public static ShippedMap? Inspect(AnalysisContext context, string absolute, string relativePath)
    {
        if (relativePath.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
        {
            var inspection = context.Cache.GetOrAdd(MapCacheKind, absolute, context.Files, () => SourceMapReader.Inspect(context.Files, absolute));
            // A `.map` that is valid JSON but no source map (a data file) is not a leak; a broken one is reported as a map.
            if (inspection.IsComplete && !inspection.LooksLikeSourceMap) return null;
            return new ShippedMap(relativePath, false, inspection);
        }
        if (!ScriptExtensions.Any(e => relativePath.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return null;
        var inline = context.Cache.GetOrAdd(InlineCacheKind, absolute, context.Files, () =>
        {
            var reference = InlineSourceMapFinder.Find(context.Files, absolute);
            return reference.Kind == SourceMapReferenceKind.Inline ? InlineSourceMapFinder.Inspect(context.Files, absolute, reference) : null;
        });
        return inline is null ? null : new ShippedMap(relativePath, true, inline);
    }

    /// <summary>Whether any original file embedded in the map at <paramref name="absolute"/> is a workspace file (memoised per stamp).</summary>
    public static bool EmbedsWorkspaceSources(AnalysisContext context, string absolute) =>
        context.Cache.GetOrAdd("map-sources-in-workspace", absolute, context.Files, () =>
        {
            var found = false;
            SourceMapReader.Inspect(context.Files, absolute, source =>
            {
                if (!found && Secrets.MapSourcePaths.Resolve(context.Files, absolute, source.Path, context.Root) is { } original && Paths.IsUnder(original, context.Root)) found = true;
            });
            return found;
        });

    /// <summary>
    /// How sure a map finding is: error when the maps embed the package's own sources (or could not be read to the
    /// end), warning when they carry only third-party code or only paths and names, information when the package is
    /// open source (the sources are published already). The reason is appended to the message when lowered.
    /// </summary>
    public static (Severity Severity, string Note) Judge(IReadOnlyList<ShippedMap> maps, Packaging.SourceOpenness openness, AnalysisContext context)
    {
        if (context.TreatsAsOpenSource(openness))
            return (Severity.Information, openness.MapNote);
        if (maps.Any(m => m.Inspection.FirstPartyContentCount > 0 || !m.Inspection.IsComplete)) return (Severity.Error, "");
        return (Severity.Warning, "");
    }

    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };

    /// <summary>"3 source maps would ship in @acme/cli, embedding 1,906 original files (59.8 MB)".</summary>
    public static string Describe(IReadOnlyList<ShippedMap> maps, string unit, string verb = "would ship in")
    {
        var count = maps.Count == 1 ? "1 source map" : $"{maps.Count:N0} source maps";
        var inline = maps.Count(m => m.IsInline);
        var inlineText = inline == 0 ? "" : inline == maps.Count ? (inline == 1 ? " (inline in " + maps[0].RelativePath + ")" : " (inline)") : $" ({inline} inline)";
        var files = maps.Sum(m => m.Inspection.SourcesContentCount);
        var vendored = maps.Sum(m => m.Inspection.VendoredContentCount);
        var own = files - vendored;
        var bytes = maps.Sum(m => m.Inspection.SourcesContentBytes);
        var broken = maps.Count(m => !m.Inspection.IsComplete);
        var tail = files == 0 ? ", without embedded sources (file paths and names still leak)"
            : vendored == 0 ? $", embedding {files:N0} original file{(files == 1 ? "" : "s")} ({FormatBytes(bytes)})"
            : own == 0 ? $", embedding only third-party code: {vendored:N0} file{(vendored == 1 ? "" : "s")} from node_modules ({FormatBytes(bytes)})"
            : $", embedding {own:N0} of your files and {vendored:N0} from node_modules ({FormatBytes(bytes)})";
        var brokenText = broken > 0 ? $"; {broken} could not be fully read" : "";
        return $"{count}{inlineText} {verb} {unit}{tail}{brokenText}.";
    }
}
