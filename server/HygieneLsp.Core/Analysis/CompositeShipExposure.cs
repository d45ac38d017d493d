namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Asks every packager's exposure (npm, vsce, ...) and returns all units that would publish the path. A path longer than
/// any file can have (an `outDir` of eight million characters) ships nowhere, and is not matched against every rule.
/// </summary>
public sealed class CompositeShipExposure(params IShipExposure[] parts) : IShipExposure
{
    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) =>
        absolutePath.Length > Workspace.Paths.MaxLength ? [] : parts.SelectMany(p => p.WhoShips(context, absolutePath)).ToList();
}
