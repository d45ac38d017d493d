using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// <see cref="IShipExposure"/> over npm ship sets: which publishable packages would pack a file at this path, whether
/// it exists or a build is predicted to write it. A path belongs to the innermost package folder that holds it.
/// </summary>
public sealed class NpmShipExposure : IShipExposure
{
    public const string UnitKind = "npm";

    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath)
    {
        var path = Paths.Normalize(absolutePath);
        var packages = NpmPackageDiscovery.Discover(context);
        // Stubs and parts of a package (dist/esm/package.json) are not owners: the package around them packs the path.
        var owner = packages.Where(p => p.IsPackage && p.EnclosingPackage is null && Paths.IsUnder(path, p.Root) && path != p.Root)
            .OrderByDescending(p => p.Root.Length)
            .FirstOrDefault();
        if (owner is null || !owner.IsPublishedToNpm) return [];
        var relative = Paths.Relative(owner.Root, path);
        var reason = NpmShipSets.For(context, owner, packages).WouldShip(relative);
        return reason.Included ? [new ShipExposureHit(UnitKind, owner.DisplayName, reason.Text, reason.Location, owner.OpennessIn(context.Files))] : [];
    }
}
