using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Rules.Maps;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Units;

/// <summary>
/// `*/source-map-shipped`: source maps (files, or inline at the end of a script) that a unit would publish. Error when
/// the maps embed the unit's own sources, warning when they carry only third-party code or paths and names,
/// information when the unit is open source. Maps inside dependencies count only where the packager makes them the
/// unit's concern (npm bundledDependencies).
/// </summary>
public sealed class SourceMapShippedRule : UnitRule
{
    protected override string Suffix => "source-map-shipped";
    protected override Severity DefaultSeverity => Severity.Error;
    public override string Name => "shipped source maps";

    protected override string Summary(ShipUnitKind kind) => kind.Id switch
    {
        "vsix" => "Source map would be packaged into the .vsix",
        "npm" => "Source map would be published to npm",
        "docker" => "Source map would be copied into the Docker image",
        "archive" => "Source map inside a release archive",
        _ => "Source map would be published or packed by dotnet",
    };

    protected override string Help =>
        "The packager publishes every file its configuration does not keep out, and *.map is in none of npm's, vsce's or the .NET SDK's default exclusions. " +
        "A map with `sourcesContent` carries the original source files. Exclude maps (a `files` negation or .npmignore line, `**/*.map` in .vscodeignore — " +
        "`*.map` only matches at the root there —, CopyToPublishDirectory=\"Never\"), or stop the build from writing them.";

    public override IEnumerable<Finding> Analyze(AnalysisContext context, ShipUnit unit, CancellationToken cancellationToken)
    {
        var maps = new List<(ShipUnitFile File, ShippedMap Map)>();
        foreach (var file in unit.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.IsPredicted || (file.Dependency is not null && !unit.Packager.ReportsDependencyMaps)) continue;
            if (Analysis.Incremental.Profile.Time("maps: inspect", () => ShippedMapStats.Inspect(context, unit.SourceOf(file), file.Path)) is not { } map) continue;
            if (unit.Packager.TreatsForeignMapsAsVendored && map.EmbedsSources && !ShippedMapStats.EmbedsWorkspaceSources(context, unit.SourceOf(file))) continue;
            maps.Add((file, map));
        }
        var ruleId = RuleIdFor(unit);
        foreach (var group in ByCause(context, unit, maps, m => m.File))
        {
            var list = group.ToList();
            var (location, bundled) = group.Key;
            var found = list.Select(m => m.Map).ToList();
            var linked = list.Where(m => !m.Map.IsInline).Select(m => m.File).ToList();
            var fixes = bundled is null && linked.Count > 0 ? Analysis.Incremental.Profile.Time("maps: fixes", () => unit.Packager.Exclude(context, unit, linked, ShippedFileFamily.SourceMaps)) : [];
            var (severity, note) = ShippedMapStats.Judge(found, unit.Openness, context);
            yield return new Finding
            {
                RuleId = ruleId,
                Severity = Exposed(unit, severity),
                Message = ShippedMapStats.Describe(found, unit.Description) + (bundled is null ? "" : $" They come with bundled dependency \"{bundled}\".") + note,
                Location = location,
                Package = unit.Name,
                Related = list.Select(m => new RelatedLocation(new SourceLocation(unit.SourceOf(m.File), TextRange.Empty),
                    $"{m.File.Path} would ship ({(m.Map.IsInline ? "inline map" : "map")}, {m.Map.Inspection.SourcesContentCount:N0} embedded source(s)): {m.File.Reason}")).ToList(),
                Fixes = fixes,
                Fingerprint = Fingerprints.Of(ruleId, unit.Name, string.Join(",", list.Select(m => m.File.Path))),
            };
        }
    }
}
