using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Vsix;
using HygieneLsp.Core.Parsing.Jsonc;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>Every VS Code extension of the folder as a unit: what `vsce package` would put in its .vsix.</summary>
public sealed class VsixUnitProvider : IShipUnitProvider
{
    public bool BoundedByRoot => true;

    // Whether vsce refuses an extension (its errors) is known only from its ship set: every extension is a ref.
    public IReadOnlyList<ShipUnitRef> Refs(AnalysisContext context, bool includeUnpublished) =>
        VsixExtension.FindAll(context).Select(e => new ShipUnitRef(this, e.Root, e.Root)).ToList();

    public IReadOnlyList<ShipUnit> Resolve(AnalysisContext context, ShipUnitRef unit, bool includeUnpublished, CancellationToken cancellationToken)
    {
        if (VsixExtension.FindAll(context).FirstOrDefault(e => e.Root == unit.Key) is not { } extension) return [];
        context.Recorder?.Scope(extension.Root);
        var set = VsixShipSetBuilder.Get(context, extension);
        if (!includeUnpublished && set.Errors.Count > 0) return [];
        return
        [
            new ShipUnit(ShipUnitKind.Vsix, extension.DisplayName, (extension.Manifest.Document?.Root as JsoncObject)?.GetString("version"),
                extension.Root, set.Errors.Count == 0,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location) { Dependency = f.Dependency?.Name }).ToList(),
                set.Errors)
            {
                Excluded = set.Excluded.Select(x => new ShipUnitFile(x.Path, 0, x.Reason.Text, x.Reason.Location)).ToList(),
                NotPublishedReason = set.Errors.Count > 0 ? "vsce refuses to package it" : null,
                Skipped = set.Truncated
                    ? [.. set.Rules.Skipped, new Analysis.InputSkip(extension.Root, "more than 200,000 files; the rest were not listed")]
                    : set.Rules.Skipped,
                Openness = extension.Manifest.Openness,
                Anchor = extension.Manifest.PackageLocation,
                Packager = new VsixPackager(set),
            },
        ];
    }
}

/// <summary>vsce's answers for rules: findings go on the .vscodeignore line or `files` entry that lets a file in; fixes are proved by re-listing.</summary>
public sealed class VsixPackager(VsixShipSet set) : IShipUnitPackager
{
    public VsixShipSet Set => set;

    /// <summary>The `!` line or `files` entry that lets the file in; for a file no .vscodeignore line matches, the end of the file, where the fix appends.</summary>
    public SourceLocation CauseOf(AnalysisContext context, ShipUnit unit, ShipUnitFile file) =>
        file.ReasonLocation is { } location && location.Path == set.IgnoreFilePath && set.Get(file.Path) is { Reason.Rule: null }
            ? new SourceLocation(location.Path, IgnoreFileTail.Range(context.Files.ReadAllText(location.Path) ?? ""))
            : file.ReasonLocation ?? unit.Anchor;

    public IReadOnlyList<Fix> Exclude(AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family)
    {
        var patterns = ShippedFileFamilies.ExclusionGlobs(family, files.Select(f => f.Path)).ToList();
        var title = family switch
        {
            ShippedFileFamily.SourceMaps => "Exclude source maps from the .vsix (**/*.map)",
            ShippedFileFamily.NamedFiles => $"Exclude {string.Join(", ", patterns)} from the .vsix",
            _ => $"Exclude {string.Join(", ", patterns)} in .vscodeignore",
        };
        return VsixExclusionFix.Create(context.Files, set, patterns, title, files.Select(f => f.Path).ToList());
    }

    // vsce's secret scan skips any path containing node_modules (the absolute path, as vsce tests it); secretlint's
    // no-dotenv compares the base name with ".env" exactly (case-sensitive).
    public string? Refuses(ShipUnitFile file) =>
        (file.Path == ".env" || file.Path.EndsWith("/.env", StringComparison.Ordinal)) && !file.Path.Contains("node_modules", StringComparison.Ordinal)
            ? "vsce will refuse to package" : null;

    public string? WouldShip(AnalysisContext context, ShipUnit unit, string relativePath) =>
        set.WouldShip(relativePath) is { Included: true } reason ? reason.Text : null;

    public bool ReportsDependencyMaps => false;
}
