namespace HygieneLsp.Core.Analysis;

/// <summary>Asks every packager's exposure (npm, vsce, ...) and returns all units that would publish the path.</summary>
public sealed class CompositeShipExposure(params IShipExposure[] parts) : IShipExposure
{
    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) =>
        parts.SelectMany(p => p.WhoShips(context, absolutePath)).ToList();
}
