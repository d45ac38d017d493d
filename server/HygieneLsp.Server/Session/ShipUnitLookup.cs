using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Session;

/// <summary>The packaging units of the workspace folder that holds a file, computed on the current snapshot (cached by the engine).</summary>
public sealed class ShipUnitLookup(WorkspaceSession session)
{
    public IReadOnlyList<ShipUnit> UnitsAround(string path, CancellationToken cancellationToken)
    {
        var snapshot = session.Capture();
        var folder = snapshot.Folders.Where(f => Paths.IsUnder(path, f)).OrderByDescending(f => f.Length).FirstOrDefault();
        if (folder is null || !snapshot.Enabled) return [];
        var index = session.IndexFor(folder, snapshot.Files, cancellationToken);
        var context = new AnalysisContext(snapshot.Files, index, snapshot.Settings, session.Engine.Cache);
        return ShipUnits.For(context, cancellationToken);
    }
}
