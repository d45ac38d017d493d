using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>"Would a .vsix carry this path?" over every extension of the workspace, for build-config rules.</summary>
public sealed class VsixShipExposure : IShipExposure
{
    public const string UnitKind = "vsix";
    public static readonly VsixShipExposure Instance = new();

    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath)
    {
        var path = Paths.Normalize(absolutePath);
        var hits = new List<ShipExposureHit>();
        foreach (var ext in VsixExtension.FindAll(context))
        {
            if (path == ext.Root || !Paths.IsUnder(path, ext.Root)) continue;
            var reason = VsixShipSetBuilder.Get(context, ext).WouldShip(Paths.Relative(ext.Root, path));
            if (reason.Included) hits.Add(new ShipExposureHit(UnitKind, ext.DisplayName, reason.Text, reason.Location, ext.Manifest.Openness));
        }
        return hits;
    }
}
