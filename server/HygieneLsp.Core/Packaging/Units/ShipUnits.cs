using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Docker;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Packaging.Vsix;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// One file that a unit publishes, for the secret scanner: the unit, how the file ships when that is not the unit's own
/// package (<c>dotnet publish</c>, <c>NuGet package</c>), and the place that sends it there, when there is one.
/// <see cref="Owner"/> and <see cref="File"/> are the unit and its entry, for the fix that keeps the file out.
/// </summary>
public sealed record PublishedFile(string Unit, string Path, string? Via = null, SourceLocation? Decider = null)
{
    /// <summary>The file only stays in intermediate build layers (see <see cref="ShipUnit.LayersOnly"/>).</summary>
    public bool LayersOnly { get; init; }
    public ShipUnit? Owner { get; init; }
    public ShipUnitFile? File { get; init; }
}

/// <summary>
/// Every packaging unit of a workspace folder, from every packager: what `hygiene-lsp ls`, the "What ships" view, the
/// code lens and the unit rules (maps, .env, agent files, secrets) all read, so they cannot disagree.
/// </summary>
public static class ShipUnits
{
    /// <summary>The packagers, in listing order; an artifact or Docker provider joins here.</summary>
    public static readonly IReadOnlyList<IShipUnitProvider> Providers = [new NpmUnitProvider(), new VsixUnitProvider(), new DotNetUnitProvider(), new DockerUnitProvider()];

    /// <param name="includeUnpublished">List units nobody publishes too (private packages, refused extensions, test
    /// projects): `ls` and the What ships view show them; rules never need their ship sets, so they are not computed for them.</param>
    /// <param name="includePredicted">Add the maps production builds are predicted to write (<see cref="PredictedOutputs"/>):
    /// the views show them; rules do not need them (the build rules report predictions on their config lines).</param>
    /// <param name="roots">Only the units whose root passes (the code lens of one package.json, the hover of one ignore
    /// file): the others are not computed.</param>
    public static IReadOnlyList<ShipUnit> For(AnalysisContext context, CancellationToken cancellationToken = default, bool includeUnpublished = true,
        bool includePredicted = false, Func<string, bool>? roots = null)
    {
        var units = Refs(context, includeUnpublished).Where(r => roots is null || roots(r.Root))
            .SelectMany(r => Resolve(context, r, includeUnpublished, cancellationToken))
            .OrderBy(u => u.Root, StringComparer.Ordinal).ThenBy(u => u.Kind.Id, StringComparer.Ordinal).ToList();
        return includePredicted ? PredictedOutputs.Join(context, units, cancellationToken) : units;
    }

    /// <summary>Every provider's unit refs, in listing order (no ship set computed).</summary>
    public static IReadOnlyList<ShipUnitRef> Refs(AnalysisContext context, bool includeUnpublished) =>
        Providers.SelectMany(p => p.Refs(context, includeUnpublished)).ToList();

    /// <summary>
    /// An incremental item per published unit ref (key: provider and unit key; scope: the unit's root, recorded by the
    /// provider when it lists the unit's files). The same list instance as long as the packages, extensions, projects
    /// and Docker builds are (most edits), so the engine has no items to reconcile.
    /// </summary>
    public static IReadOnlyList<Analysis.Incremental.AnalysisItem> PublishedItems(AnalysisContext context)
    {
        object[] inputs = [NpmPackageDiscovery.Discover(context), VsixExtension.FindAll(context), DotNetUnitProvider.ProjectFiles(context), DockerUnitProvider.Builds(context)];
        var last = context.Cache.GetOrAdd("published-items-last", context.Root, [], context.Files, () => new LastItems());
        lock (last)
        {
            if (last.Value is { } known && known.Inputs.SequenceEqual(inputs, ReferenceEqualityComparer.Instance))
                return known.Items;
            var items = Refs(context, includeUnpublished: false).Select(r => new Analysis.Incremental.AnalysisItem(ItemKey(r), r.Root, ScopeIsInput: false)).ToList();
            last.Value = (inputs, items);
            return items;
        }
    }

    private sealed class LastItems
    {
        public (object[] Inputs, IReadOnlyList<Analysis.Incremental.AnalysisItem> Items)? Value;
    }

    /// <summary>The ref an item of <see cref="PublishedItems"/> stands for, on this snapshot; null when it is gone.</summary>
    public static ShipUnitRef? RefOfItem(AnalysisContext context, string itemKey) =>
        context.Memo.GetOrAdd("ship-unit-refs", () => Refs(context.Untracked(), includeUnpublished: false).GroupBy(ItemKey)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).GetValueOrDefault(itemKey);

    private static string ItemKey(ShipUnitRef r) => r.Provider.GetType().Name + ":" + r.Key;

    /// <summary>The unit(s) of one ref, with their files; published ones only unless asked.</summary>
    public static IReadOnlyList<ShipUnit> Resolve(AnalysisContext context, ShipUnitRef unit, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var units = unit.Provider.Resolve(context, unit, includeUnpublished, cancellationToken);
        return includeUnpublished ? units : units.Where(u => u.IsPublished).ToList();
    }

    /// <summary>The units rules report on: published ones only.</summary>
    public static IReadOnlyList<ShipUnit> Published(AnalysisContext context, CancellationToken cancellationToken = default) =>
        For(context, cancellationToken, includeUnpublished: false).Where(u => u.IsPublished).ToList();

    /// <summary>
    /// Every existing file something would publish, for the secret scanner: a secret's finding says the file ships
    /// exactly when a unit lists it. .NET units name the route (publish or pack) and the element that sends the file.
    /// </summary>
    public static IEnumerable<PublishedFile> PublishedFiles(AnalysisContext context, CancellationToken cancellationToken = default) =>
        Published(context, cancellationToken).SelectMany(PublishedFiles);

    /// <summary>The existing files one unit publishes, for the secret scanner.</summary>
    public static IEnumerable<PublishedFile> PublishedFiles(ShipUnit unit) =>
        unit.Files.Where(f => !f.IsPredicted && !f.Path.EndsWith('/') && !IsBuildFile(unit, f)).Select(f =>
            new PublishedFile(unit.Name, unit.SourceOf(f), unit.Kind.Via, unit.Kind.Via is null ? null : f.ReasonLocation) { LayersOnly = unit.LayersOnly, Owner = unit, File = f });

    /// <summary>
    /// A Docker image's own Dockerfile copied into it: what it says (ARG/ENV values) is judged by the Docker rules on
    /// its lines, which also cover the image history; reporting it again as a shipped file would say it twice.
    /// </summary>
    private static bool IsBuildFile(ShipUnit unit, ShipUnitFile file) =>
        unit.Kind.RulePrefix == "docker" && unit.Anchor.Path == unit.SourceOf(file);
}
