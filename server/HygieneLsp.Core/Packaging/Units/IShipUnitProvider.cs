using HygieneLsp.Core.Analysis;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// A unit before its files are known: which provider makes it, a key unique among that provider's units, and its root.
/// Listing refs is cheap (discovery only); <see cref="IShipUnitProvider.Resolve"/> computes the ship set, so rules and
/// views compute the units they need one by one, and nobody computes a unit nobody asked for.
/// </summary>
public sealed record ShipUnitRef(IShipUnitProvider Provider, string Key, string Root);

/// <summary>One packager's units of a workspace folder (npm packages, .vsix, .NET publish and pack, ...).</summary>
public interface IShipUnitProvider
{
    /// <summary>
    /// Whether a unit ships only files under its root (an npm package, an extension). A .NET project can publish a
    /// sibling folder's files and a Docker build copies from its context, so they are not: a change below another folder
    /// may still reach them.
    /// </summary>
    bool BoundedByRoot => false;

    /// <param name="includeUnpublished">Also list units nobody publishes (private packages, refused extensions): `ls` and
    /// the What ships view show them; rules never need their ship sets, so providers skip computing them otherwise.</param>
    IEnumerable<ShipUnit> Units(AnalysisContext context, bool includeUnpublished, CancellationToken cancellationToken) =>
        Refs(context, includeUnpublished).SelectMany(r => Resolve(context, r, includeUnpublished, cancellationToken));

    /// <summary>The provider's units without their files; unpublished ones only when asked (where that is known without a ship set).</summary>
    IReadOnlyList<ShipUnitRef> Refs(AnalysisContext context, bool includeUnpublished);

    /// <summary>The unit(s) a ref stands for, with their files (a .NET project gives its publish output and its package);
    /// none when the ref's unit turns out unpublished and those were not asked for.</summary>
    IReadOnlyList<ShipUnit> Resolve(AnalysisContext context, ShipUnitRef unit, bool includeUnpublished, CancellationToken cancellationToken);
}
