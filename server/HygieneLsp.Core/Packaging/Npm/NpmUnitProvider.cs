using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.Npm;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>Every npm package of the folder as a unit: what `npm pack` would put in its tarball. VS Code extensions are left to the .vsix provider.</summary>
public sealed class NpmUnitProvider : IShipUnitProvider
{
    public bool BoundedByRoot => true;

    public IReadOnlyList<ShipUnitRef> Refs(AnalysisContext context, bool includeUnpublished) =>
        NpmPackageDiscovery.Discover(context)
            .Where(p => !p.IsVsCodeExtension && p.IsPackage && p.EnclosingPackage is null && (includeUnpublished || p.IsPublishedToNpm))
            .Select(p => new ShipUnitRef(this, p.Root, p.Root)).ToList();

    public IReadOnlyList<ShipUnit> Resolve(AnalysisContext context, ShipUnitRef unit, bool includeUnpublished, CancellationToken cancellationToken)
    {
        if (NpmPackageDiscovery.AtRoot(context, unit.Key) is not { } package || (!includeUnpublished && !package.IsPublishedToNpm)) return [];
        var packages = NpmPackageDiscovery.Discover(context);
        var set = NpmShipSets.For(context, package, packages);
        return
        [
            new ShipUnit(ShipUnitKind.Npm, package.DisplayName, package.Manifest.Version, package.Root, package.IsPublishedToNpm,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location) { Dependency = f.Reason.BundledDependency }).ToList(),
                set.Errors)
            {
                Excluded = set.Excluded.Select(x => new ShipUnitFile(x.Path + (x.IsDirectory ? "/" : ""), 0, x.Reason.Text, x.Reason.Location)).ToList(),
                NotPublishedReason = package.NotPublishedReason,
                Skipped = set.Skipped,
                Openness = package.OpennessIn(context.Files),
                Anchor = package.Manifest.PackageLocation,
                Packager = new NpmPackager(set, packages),
            },
        ];
    }
}

/// <summary>npm's answers for rules: findings go on the `files` entry or ignore line that lets a file in; fixes are proved by re-packing.</summary>
public sealed class NpmPackager(NpmShipSet ship, IReadOnlyList<NpmPackage> all) : IShipUnitPackager
{
    public NpmShipSet Ship => ship;

    public SourceLocation CauseOf(AnalysisContext context, ShipUnit unit, ShipUnitFile file) =>
        ship.Get(file.Path) is { } shipped ? NpmFindingCause.For(context, ship, shipped).Location : file.ReasonLocation ?? unit.Anchor;

    public IReadOnlyList<Fix> Exclude(AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family)
    {
        var paths = files.Select(f => f.Path).ToList();
        var exclusions = family == ShippedFileFamily.NamedFiles
            ? paths.Select(NpmExclusion.ForFile).ToList()
            : ShippedFileFamilies.ExclusionGlobs(family, paths).Select(ToNpm).ToList();
        var title = family switch
        {
            ShippedFileFamily.SourceMaps => "Exclude source maps from the package",
            ShippedFileFamily.EnvFiles => "Exclude .env files from the package",
            ShippedFileFamily.NamedFiles => $"Exclude {string.Join(", ", paths)} from the package",
            _ => "Exclude agent files from the package",
        };
        return NpmExclusionFixes.Build(context.Files, ship.Package, ship, all, paths, exclusions, title);
    }

    public string? Refuses(ShipUnitFile file) => null;

    public string? WouldShip(AnalysisContext context, ShipUnit unit, string relativePath) =>
        ship.WouldShip(relativePath) is { Included: true } reason ? reason.Text : null;

    public bool ReportsDependencyMaps => true;

    /// <summary>`**/x` as a `files` negation; as an ignore line without the `**/` when the rest has no slash (npm matches such lines at any depth).</summary>
    private static NpmExclusion ToNpm(string glob)
    {
        var rest = glob.StartsWith("**/", StringComparison.Ordinal) ? glob[3..] : glob;
        return new NpmExclusion("!" + glob, rest.Contains('/') ? glob : rest);
    }
}
