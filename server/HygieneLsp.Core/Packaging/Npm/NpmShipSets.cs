using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// Ship sets per package, memoised in the <see cref="AnalysisCache"/>: recomputed when package.json, any ignore file
/// under the package (or above it, for workspace members) or the set of files under the package changes.
/// </summary>
public static class NpmShipSets
{
    public static NpmShipSet For(AnalysisContext context, NpmPackage package, IReadOnlyList<NpmPackage> all)
    {
        // Inputs, for incremental runs: the files under the package (scope), package.json and the ignore files (stamped below).
        context.Recorder?.Scope(package.Root);
        var underRoot = context.Index.FilesUnder(package.Root);
        var dependencies = new List<string> { package.PackageJsonPath };
        dependencies.AddRange(underRoot.Where(IsIgnoreFile));
        if (package.WorkspaceRoot is { } root)
        {
            // A member also reads the ignore files of the folders between it and the workspace root (itself included).
            var above = new List<string>();
            for (var dir = package.Root; Paths.IsUnder(dir, root); dir = Paths.Parent(dir))
            {
                foreach (var name in IgnoreFileNames)
                {
                    var f = Paths.Combine(dir, name);
                    context.Recorder?.File(f); // one created later (a packages/.gitignore) changes the set
                    if (context.Index.Contains(f)) above.Add(f);
                }
                if (dir == root || dir == "/") break;
            }
            above.Sort(StringComparer.Ordinal);
            dependencies.AddRange(above);
        }
        var key = package.Root + "|" + Fingerprints.OfList(underRoot);
        return context.Cache.GetOrAdd("npm-shipset", key, dependencies, context.Files,
            () => Analysis.Incremental.Profile.Time("npm ship set (walk)", () => NpmPackWalker.Build(context.Files, package, NpmPackageDiscovery.ContextFor(context.Files, package, all))));
    }

    /// <summary>Every package of the workspace that npm would publish, with its ship set (and all packages, for fixes).</summary>
    public static IEnumerable<(NpmPackage Package, NpmShipSet Ship, IReadOnlyList<NpmPackage> All)> Published(AnalysisContext context,
        CancellationToken cancellationToken)
    {
        var packages = NpmPackageDiscovery.Discover(context);
        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (package.IsPublishedToNpm) yield return (package, For(context, package, packages), packages);
        }
    }

    private static readonly string[] IgnoreFileNames = [".gitignore", ".npmignore"];

    private static bool IsIgnoreFile(string path) =>
        path.EndsWith("/.npmignore", StringComparison.Ordinal) || path.EndsWith("/.gitignore", StringComparison.Ordinal);
}
