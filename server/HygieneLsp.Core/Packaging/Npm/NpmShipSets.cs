using System.Security.Cryptography;
using System.Text;
using HygieneLsp.Core.Analysis;
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
        var underRoot = context.Index.Files.Where(f => Paths.IsUnder(f, package.Root)).ToList();
        var dependencies = new List<string> { package.PackageJsonPath };
        dependencies.AddRange(underRoot.Where(IsIgnoreFile));
        if (package.WorkspaceRoot is { } root)
            dependencies.AddRange(context.Index.Files.Where(f => IsIgnoreFile(f) && Paths.IsUnder(package.Root, Paths.Parent(f)) && Paths.IsUnder(f, root)));
        var key = package.Root + "|" + Hash(underRoot);
        return context.Cache.GetOrAdd("npm-shipset", key, dependencies, context.Files,
            () => NpmPackWalker.Build(context.Files, package, NpmPackageDiscovery.ContextFor(context.Files, package, all)));
    }

    private static bool IsIgnoreFile(string path) =>
        path.EndsWith("/.npmignore", StringComparison.Ordinal) || path.EndsWith("/.gitignore", StringComparison.Ordinal);

    private static string Hash(IEnumerable<string> paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in paths) sha.AppendData(Encoding.UTF8.GetBytes(p + "\n"));
        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }
}
