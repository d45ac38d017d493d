using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Rules.Npm;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Maps;

/// <summary>
/// npm/source-map-shipped: source maps (files or inline) already on disk that `npm publish` would pack. One finding per
/// package and cause, on the cause (the `files` entry that lets them in, else the .npmignore, else the name), error
/// when the maps embed original sources, warning when they carry paths and names only.
/// </summary>
public sealed class NpmSourceMapAnalyzer : IAnalyzer
{
    public const string RuleId = "npm/source-map-shipped";

    public string Name => "npm source maps";

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new(RuleId, Severity.Error, "Source map would be published to npm",
            "npm publishes every file that `files`, .npmignore or .gitignore does not keep out, and *.map is in none of npm's built-in lists. " +
            "A map with `sourcesContent` carries the original source files. Exclude maps with a `files` negation or a .npmignore line, or stop the build from writing them."),
    ];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        foreach (var (package, ship, packages) in NpmShipSets.Published(context, cancellationToken))
        {
            var maps = new List<(NpmShippedFile File, ShippedMap Map)>();
            foreach (var file in ship.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ShippedMapStats.Inspect(context, package.Root, file.Path) is { } map) maps.Add((file, map));
            }
            foreach (var group in maps.GroupBy(m => NpmFindingCause.For(context, ship, m.File)))
            {
                var list = group.ToList();
                var (location, bundled) = group.Key;
                var found = list.Select(m => m.Map).ToList();
                var linked = list.Where(m => !m.Map.IsInline).Select(m => m.File.Path).ToList();
                var fixes = bundled is null && linked.Count > 0
                    ? NpmExclusionFixes.Build(context.Files, package, ship, packages, linked, NpmExclusion.SourceMaps, "Exclude source maps from the package")
                    : [];
                var (severity, note) = ShippedMapStats.Judge(found, package.Manifest.Openness, context);
                yield return new Finding
                {
                    RuleId = RuleId,
                    Severity = severity,
                    Message = ShippedMapStats.Describe(found, package.DisplayName) + (bundled is null ? "" : $" They come with bundled dependency \"{bundled}\".") + note,
                    Location = location,
                    Package = package.DisplayName,
                    Related = list.Select(m => new RelatedLocation(new SourceLocation(package.Root + "/" + m.File.Path, TextRange.Empty),
                        $"{m.File.Path} would ship ({(m.Map.IsInline ? "inline map" : "map")}, {m.Map.Inspection.SourcesContentCount:N0} embedded source(s)): {m.File.Reason.Text}")).ToList(),
                    Fixes = fixes,
                    Fingerprint = Fingerprints.Of(RuleId, package.DisplayName, string.Join(",", list.Select(m => m.File.Path))),
                };
            }
        }
    }
}
