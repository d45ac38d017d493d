using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>One packed file as `hygiene-lsp ls` shows it.</summary>
public sealed record NpmListedFile(string Path, long Size, string Reason, SourceLocation? ReasonLocation);

/// <summary>One package as `hygiene-lsp ls` shows it: identity, whether npm publish would accept it, what it packs.</summary>
public sealed record NpmPackageListing(
    string Name,
    string? Version,
    string Root,
    bool IsPrivate,
    string? WorkspaceRoot,
    IReadOnlyList<NpmListedFile> Files,
    long TotalSize,
    IReadOnlyList<string> Errors);

/// <summary>Builds the listing of every npm package in a workspace folder (private ones too, flagged).</summary>
public static class NpmPackageListings
{
    public static IReadOnlyList<NpmPackageListing> For(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        var packages = NpmPackageDiscovery.Discover(context);
        var result = new List<NpmPackageListing>(packages.Count);
        foreach (var package in packages.OrderBy(p => p.Root, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ship = NpmShipSets.For(context, package, packages);
            result.Add(new NpmPackageListing(
                package.DisplayName,
                package.Manifest.Version,
                package.Root,
                package.IsPrivate,
                package.WorkspaceRoot,
                ship.Files.Select(f => new NpmListedFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location)).ToList(),
                ship.TotalSize,
                ship.Errors));
        }
        return result;
    }
}
