using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Answers "who would publish a file at this path?" for files that exist or that a build is predicted to write.
/// Implemented over the packagers' ship sets (npm, vsce, NuGet); build-config rules ask it to decide severity.
/// </summary>
public interface IShipExposure
{
    IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath);
}

/// <summary>
/// One packaging unit that would publish the file, the reason in words, the config place that lets it in, and whether
/// the unit's sources are public already (open source), which lowers map findings.
/// </summary>
public sealed record ShipExposureHit(string UnitKind, string UnitName, string Reason, SourceLocation? Cause, Packaging.SourceOpenness? Openness = null);

/// <summary>Used until packagers are known: nothing is known to ship.</summary>
public sealed class NoShipExposure : IShipExposure
{
    public static readonly NoShipExposure Instance = new();

    public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) => [];
}
