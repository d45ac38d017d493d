using HygieneLsp.Core.Analysis;

namespace HygieneLsp.Core.Packaging;

/// <summary>One packager's units of a workspace folder (npm packages, .vsix, .NET publish and pack, ...).</summary>
public interface IShipUnitProvider
{
    /// <param name="includeUnpublished">Also list units nobody publishes (private packages, refused extensions): `ls` and
    /// the What ships view show them; rules never need their ship sets, so providers skip computing them otherwise.</param>
    IEnumerable<ShipUnit> Units(AnalysisContext context, bool includeUnpublished, CancellationToken cancellationToken);
}
