using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Packaging.Vsix;

namespace HygieneLsp.Core.Packaging;

/// <summary>One file a packaging unit would publish, with the reason in words and the config place behind it.</summary>
public sealed record ShipUnitFile(string Path, long Bytes, string Reason, SourceLocation? ReasonLocation);

/// <summary>
/// A packaging unit (npm package, VS Code extension) and exactly what it would publish. <see cref="IsPublished"/> is
/// false for units nobody publishes (private npm packages), which are listed but never reported.
/// </summary>
public sealed record ShipUnit(string Kind, string Name, string? Version, string Root, bool IsPublished, IReadOnlyList<ShipUnitFile> Files, IReadOnlyList<string> Errors)
{
    /// <summary>Paths present but left out, with the rule that keeps them out (folders are not expanded); sizes are 0.</summary>
    public IReadOnlyList<ShipUnitFile> Excluded { get; init; } = [];

    public long TotalBytes => Files.Sum(f => f.Bytes);

    /// <summary>Why nobody publishes the unit ("private", "an app (deployed, not published to npm)"), when it is not published.</summary>
    public string? NotPublishedReason { get; init; }
}

/// <summary>
/// Every packaging unit of a workspace folder with its ship set: what `hygiene-lsp ls`, the "What ships" view and the
/// secret scanner's "shipped files" all read, so they cannot disagree. A VS Code extension is listed as its .vsix.
/// </summary>
public static class ShipUnits
{
    /// <param name="includeUnpublished">List units nobody publishes too (private packages, refused extensions): `ls` and
    /// the What ships view show them; rules never need their ship sets, so they are not computed for them.</param>
    public static IReadOnlyList<ShipUnit> For(AnalysisContext context, CancellationToken cancellationToken = default, bool includeUnpublished = true)
    {
        var units = new List<ShipUnit>();
        var extensions = VsixExtension.FindAll(context);
        var extensionRoots = extensions.Select(e => e.Root).ToHashSet(StringComparer.Ordinal);
        var packages = NpmPackageDiscovery.Discover(context);
        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (extensionRoots.Contains(package.Root) || !package.IsPackage || package.EnclosingPackage is not null) continue;
            if (!includeUnpublished && !package.IsPublishedToNpm) continue;
            var set = NpmShipSets.For(context, package, packages);
            units.Add(new ShipUnit(NpmShipExposure.UnitKind, package.DisplayName, package.Manifest.Version, package.Root, package.IsPublishedToNpm,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location)).ToList(), set.Errors)
            {
                Excluded = set.Excluded.Select(x => new ShipUnitFile(x.Path + (x.IsDirectory ? "/" : ""), 0, x.Reason.Text, x.Reason.Location)).ToList(),
                NotPublishedReason = package.NotPublishedReason,
            });
        }
        foreach (var extension in extensions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var set = VsixShipSetBuilder.Get(context, extension);
            if (!includeUnpublished && set.Errors.Count > 0) continue;
            units.Add(new ShipUnit("vsix", extension.DisplayName, (extension.Manifest.Document?.Root as Parsing.Jsonc.JsoncObject)?.GetString("version"), extension.Root, set.Errors.Count == 0,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location)).ToList(), set.Errors)
            {
                Excluded = set.Excluded.Select(x => new ShipUnitFile(x.Path, 0, x.Reason.Text, x.Reason.Location)).ToList(),
                NotPublishedReason = set.Errors.Count > 0 ? "vsce refuses to package it" : null,
            });
        }
        return units.OrderBy(u => u.Root, StringComparer.Ordinal).ThenBy(u => u.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>Absolute paths of the files that published units would ship.</summary>
    public static IEnumerable<(string Unit, string Path)> ShippedFiles(AnalysisContext context) =>
        For(context, includeUnpublished: false).Where(u => u.IsPublished).SelectMany(u => u.Files.Select(f => (u.Name, u.Root + "/" + f.Path)));
}
