using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Npm;

namespace HygieneLsp.Core.Packaging;

/// <summary>One file a packaging unit would publish, with the reason in words and the config place behind it.</summary>
public sealed record ShipUnitFile(string Path, long Bytes, string Reason, SourceLocation? ReasonLocation);

/// <summary>A packaging unit (npm package, VS Code extension) and exactly what it would publish.</summary>
public sealed record ShipUnit(string Kind, string Name, string? Version, string Root, bool IsPrivate, IReadOnlyList<ShipUnitFile> Files, IReadOnlyList<string> Errors)
{
    public long TotalBytes => Files.Sum(f => f.Bytes);
}

/// <summary>
/// Every packaging unit of a workspace folder with its ship set: what `hygiene-lsp ls`, the "What ships" view and the
/// secret scanner's "shipped files" all read, so they cannot disagree.
/// </summary>
public static class ShipUnits
{
    public static IReadOnlyList<ShipUnit> For(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        var units = new List<ShipUnit>();
        foreach (var npm in NpmPackageListings.For(context, cancellationToken))
        {
            units.Add(new ShipUnit(NpmShipExposure.UnitKind, npm.Name, npm.Version, npm.Root, npm.IsPrivate,
                npm.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason, f.ReasonLocation)).ToList(), npm.Errors));
        }
        return units;
    }

    /// <summary>Absolute paths of the files publishable units would ship (private npm packages are never published).</summary>
    public static IEnumerable<(string Unit, string Path)> ShippedFiles(AnalysisContext context) =>
        For(context).Where(u => !u.IsPrivate).SelectMany(u => u.Files.Select(f => (u.Name, u.Root + "/" + f.Path)));
}
