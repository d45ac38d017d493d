using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Session;

/// <summary>Packaging units of the workspace, computed on the current snapshot (ship sets come from the engine's cache).</summary>
public sealed class ShipUnitLookup(WorkspaceSession session)
{
    /// <summary>The units of the workspace folder that holds <paramref name="path"/>.</summary>
    public IReadOnlyList<ShipUnit> UnitsAround(string path, CancellationToken cancellationToken)
    {
        var snapshot = session.Capture();
        var folder = snapshot.Folders.Where(f => Paths.IsUnder(path, f)).OrderByDescending(f => f.Length).FirstOrDefault();
        return folder is null || !snapshot.Enabled ? [] : UnitsIn(snapshot, folder, cancellationToken);
    }

    /// <summary>The units of every workspace folder.</summary>
    public IReadOnlyList<ShipUnit> AllUnits(CancellationToken cancellationToken)
    {
        var snapshot = session.Capture();
        return snapshot.Folders.SelectMany(f => UnitsIn(snapshot, f, cancellationToken)).ToList();
    }

    private IReadOnlyList<ShipUnit> UnitsIn(AnalysisSnapshot snapshot, string folder, CancellationToken cancellationToken)
    {
        var index = session.IndexFor(folder, snapshot.Files, cancellationToken);
        var context = new AnalysisContext(snapshot.Files, index, snapshot.Settings, session.Engine.Cache);
        return ShipUnits.For(context, cancellationToken, includePredicted: true);
    }
}
