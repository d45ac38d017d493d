using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Vsix;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Maps;

/// <summary>
/// vsix/source-map-shipped: source maps (files or inline) already on disk that `vsce package` would put in the .vsix.
/// vsce has no source map check of its own and ignores neither `*.map` nor `**/*.map` by default. One finding per
/// extension and cause; error when the maps embed original sources.
/// </summary>
public sealed class VsixSourceMapAnalyzer : IAnalyzer
{
    public const string RuleId = "vsix/source-map-shipped";

    public string Name => "vsix source maps";

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new(RuleId, Severity.Error, "Source map would be packaged into the .vsix",
            "vsce packages every file under the extension that .vscodeignore (or `files`) does not keep out, and has no default ignore for maps. " +
            "Note `*.map` in .vscodeignore only matches at the root: use `**/*.map`."),
    ];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        foreach (var extension in VsixExtension.FindAll(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var set = VsixShipSetBuilder.Get(context, extension);
            if (set.Errors.Count > 0) continue; // vsce refuses to package: the conflict rule says why
            var maps = new List<(VsixShippedFile File, ShippedMap Map)>();
            foreach (var file in set.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (file.Dependency is null && ShippedMapStats.Inspect(context, extension.Root, file.Path) is { } map) maps.Add((file, map));
            }
            foreach (var group in maps.GroupBy(m => m.File.Reason.Location ?? extension.Manifest.PackageLocation))
            {
                var list = group.ToList();
                var found = list.Select(m => m.Map).ToList();
                var linked = list.Where(m => !m.Map.IsInline).Select(m => m.File.Path).ToList();
                var fixes = linked.Count > 0 ? VsixExclusionFix.Create(context.Files, set, ["**/*.map"], "Exclude source maps from the .vsix (**/*.map)", linked) : [];
                var (severity, note) = ShippedMapStats.Judge(found, extension.Manifest.Openness, context);
                yield return new Finding
                {
                    RuleId = RuleId,
                    Severity = severity,
                    Message = ShippedMapStats.Describe(found, $"the .vsix of {extension.DisplayName}", "would be packaged into") + note,
                    Location = group.Key,
                    Package = extension.DisplayName,
                    Related = list.Select(m => new RelatedLocation(new SourceLocation(extension.Root + "/" + m.File.Path, TextRange.Empty),
                        $"{m.File.Path} ships in the .vsix ({(m.Map.IsInline ? "inline map" : "map")}, {m.Map.Inspection.SourcesContentCount:N0} embedded source(s)): {m.File.Reason.Text}")).ToList(),
                    Fixes = fixes,
                    Fingerprint = Fingerprints.Of(RuleId, extension.DisplayName, string.Join(",", list.Select(m => m.File.Path))),
                };
            }
        }
    }
}
