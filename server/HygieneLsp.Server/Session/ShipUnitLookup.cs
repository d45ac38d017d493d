using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Session;

/// <summary>
/// Packaging units of the workspace, computed on the current snapshot when a request asks (ship sets come from the
/// engine's cache). The code lens and the hover of one file compute only the units rooted where that file is; the What
/// ships view asks for all, unpublished ones too (a private workspace root lists every file of the monorepo: it is
/// computed when the view asks, never for rules).
/// </summary>
public sealed class ShipUnitLookup(WorkspaceSession session)
{
    /// <summary>The units rooted at <paramref name="root"/> (a package.json's folder), in the workspace folder that holds it.</summary>
    public IReadOnlyList<ShipUnit> UnitsAt(string root, CancellationToken cancellationToken) =>
        UnitsWhere(root, r => r == root, cancellationToken);

    /// <summary>
    /// The units a rule file at <paramref name="path"/> can affect: those rooted in its folder or below (a root
    /// .gitignore applies to the workspace members), and the published ones above it. An unpublished unit above (a
    /// private workspace root, whose ship set is every file of the monorepo) is left out.
    /// </summary>
    public IReadOnlyList<ShipUnit> UnitsAround(string path, CancellationToken cancellationToken)
    {
        var dir = Paths.Parent(path);
        var snapshot = session.Capture();
        var folder = snapshot.FolderHolding(path);
        if (folder is null || !snapshot.Enabled) return [];
        var context = ContextFor(snapshot, folder, cancellationToken);
        return ShipUnits.For(context, cancellationToken, includePredicted: true, roots: r => Paths.IsUnder(r, dir))
            .Concat(ShipUnits.For(context, cancellationToken, includeUnpublished: false, includePredicted: true, roots: r => r != dir && Paths.IsUnder(dir, r)))
            .ToList();
    }

    /// <summary>The units of every workspace folder.</summary>
    public IReadOnlyList<ShipUnit> AllUnits(CancellationToken cancellationToken)
    {
        var snapshot = session.Capture();
        return snapshot.Folders.SelectMany(f => UnitsIn(snapshot, f, null, cancellationToken)).ToList();
    }

    private IReadOnlyList<ShipUnit> UnitsWhere(string path, Func<string, bool> roots, CancellationToken cancellationToken)
    {
        var snapshot = session.Capture();
        var folder = snapshot.FolderHolding(path);
        return folder is null || !snapshot.Enabled ? [] : UnitsIn(snapshot, folder, roots, cancellationToken);
    }

    private IReadOnlyList<ShipUnit> UnitsIn(AnalysisSnapshot snapshot, string folder, Func<string, bool>? roots, CancellationToken cancellationToken) =>
        ShipUnits.For(ContextFor(snapshot, folder, cancellationToken), cancellationToken, includePredicted: true, roots: roots);

    private AnalysisContext ContextFor(AnalysisSnapshot snapshot, string folder, CancellationToken cancellationToken) =>
        new(snapshot.Files, session.IndexFor(folder, snapshot.Files, cancellationToken), snapshot.Settings, session.Engine.Cache);
}
