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
                    if (Paths.Combine(dir, name) is var f && context.Index.Contains(f)) above.Add(f);
                if (dir == root || dir == "/") break;
            }
            above.Sort(StringComparer.Ordinal);
            dependencies.AddRange(above);
        }
        var key = package.Root + "|" + Hash(underRoot);
        return context.Cache.GetOrAdd("npm-shipset", key, dependencies, context.Files,
            () => NpmPackWalker.Build(context.Files, package, NpmPackageDiscovery.ContextFor(context.Files, package, all)));
    }

    private static readonly string[] IgnoreFileNames = [".gitignore", ".npmignore"];

    private static bool IsIgnoreFile(string path) =>
        path.EndsWith("/.npmignore", StringComparison.Ordinal) || path.EndsWith("/.gitignore", StringComparison.Ordinal);

    /// <summary>A digest of the file list, one path per line, encoded through one buffer (no array per path).</summary>
    private static string Hash(IEnumerable<string> paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            foreach (var p in paths)
            {
                var need = Encoding.UTF8.GetMaxByteCount(p.Length) + 1;
                if (need > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(need);
                }
                var n = Encoding.UTF8.GetBytes(p, buffer);
                buffer[n] = (byte)'\n';
                sha.AppendData(buffer, 0, n + 1);
            }
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }
}
