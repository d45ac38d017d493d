using HygieneLsp.Core.Analysis;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Which final Docker images would hold a file (existing or a predicted build output), for the build rules: a map a
/// webpack config makes is an error when a COPY or a RUN build puts it in an image. Files only in earlier stages'
/// layers are not exposure here (the unit rules report them as warnings).
/// </summary>
public sealed class DockerShipExposure : IShipExposure
{
    public const string UnitKind = "Docker image";

    private static readonly DockerUnitProvider Provider = new();

    /// <summary>Only the builds whose context folder holds the path are planned (none at all in a folder without Docker).</summary>
    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) =>
        Provider.Refs(context, includeUnpublished: false)
            .Where(r => Workspace.Paths.IsUnder(absolutePath, r.Root))
            .SelectMany(r => Provider.Resolve(context, r, includeUnpublished: false, CancellationToken.None))
            .Where(u => u.Kind == ShipUnitKind.Docker && !u.LayersOnly)
            .SelectMany(u => u.Files.Where(f => f.Source == absolutePath).Take(1)
                .Select(f => new ShipExposureHit(UnitKind, u.Name, $"{f.Path} in the image: {f.Reason}", f.ReasonLocation, u.Openness)))
            .ToList();
}
