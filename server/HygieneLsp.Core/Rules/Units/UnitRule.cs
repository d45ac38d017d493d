using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;

namespace HygieneLsp.Core.Rules.Units;

/// <summary>
/// A rule written once over ship units: it picks the files it cares about in each published unit, and reports one
/// finding per unit and cause (the config place the packager names), in the unit's rule family
/// (`npm/…`, `vsix/…`, `dotnet/…`).
/// </summary>
public abstract class UnitRule : IItemizedAnalyzer
{
    /// <summary>The id without its family, e.g. `source-map-shipped`.</summary>
    protected abstract string Suffix { get; }

    protected abstract Severity DefaultSeverity { get; }

    protected abstract string Summary(ShipUnitKind kind);

    protected abstract string Help { get; }

    public abstract string Name { get; }

    public IReadOnlyList<RuleDescriptor> Rules => _rules ??= ShipUnitKind.RulePrefixes
        .Select(prefix => new RuleDescriptor($"{prefix}/{Suffix}", DefaultSeverity, Summary(KindOf(prefix)), Help)).ToList();
    private IReadOnlyList<RuleDescriptor>? _rules;

    public string RuleIdFor(ShipUnit unit) => $"{unit.Kind.RulePrefix}/{Suffix}";

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    /// <summary>One item per published unit: an edit re-runs the rule on the units whose inputs it touched.</summary>
    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) => ShipUnits.PublishedItems(context);

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        if (ShipUnits.RefOfItem(context, item.Key) is not { } unitRef) return null;
        var findings = new List<Finding>();
        foreach (var unit in ShipUnits.Resolve(context, unitRef, includeUnpublished: false, cancellationToken))
        {
            context.Skipped.Report(unit.Skipped);
            findings.AddRange(Analyze(context, unit, cancellationToken));
        }
        return findings;
    }

    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken) => Itemized.Concat(outputs);

    /// <summary>The findings for one unit (also used on artifacts, whose units come from an archive).</summary>
    public abstract IEnumerable<Finding> Analyze(AnalysisContext context, ShipUnit unit, CancellationToken cancellationToken);

    /// <summary>Files grouped by the place their finding goes: the packager's cause, and the bundled dependency they came with.</summary>
    protected static IEnumerable<IGrouping<(SourceLocation Location, string? Dependency), T>> ByCause<T>(AnalysisContext context, ShipUnit unit,
        IEnumerable<T> items, Func<T, ShipUnitFile> file) =>
        items.GroupBy(i => (unit.Packager.CauseOf(context, unit, file(i)), file(i).Dependency));

    protected static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>
    /// One level lower for files that stay in intermediate build layers (<see cref="ShipUnit.LayersOnly"/>): only an
    /// exported or pushed build cache carries them.
    /// </summary>
    protected static Severity Exposed(ShipUnit unit, Severity severity) => !unit.LayersOnly ? severity : severity switch
    {
        Severity.Error => Severity.Warning,
        Severity.Warning => Severity.Information,
        _ => severity,
    };

    private static ShipUnitKind KindOf(string prefix) => prefix switch
    {
        "vsix" => ShipUnitKind.Vsix,
        "dotnet" => ShipUnitKind.DotNetPublish,
        "artifact" => ShipUnitKind.Archive,
        "docker" => ShipUnitKind.Docker,
        _ => ShipUnitKind.Npm,
    };
}
