using System.Formats.Tar;
using System.IO.Compression;
using HygieneLsp.Core.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests.RealPackages;

/// <summary>One pinned real package: registry name, exact version, and the integrity of its tarball.</summary>
public sealed record PinnedPackage(string Name, string Version, string Integrity)
{
    public string Spec => Name + "@" + Version;

    /// <summary>A folder-safe key: `@scope/name@1.0.0` → `scope+name@1.0.0`.</summary>
    public string Key => Name.TrimStart('@').Replace('/', '+') + "@" + Version;

    public static IReadOnlyList<PinnedPackage> ReadList(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(c => new PinnedPackage(c[0], c[1], c[2])).ToList();
}

/// <summary>
/// Downloads the pinned packages from the registry with `npm pack NAME@VERSION` (a registry spec runs no scripts),
/// checks each tarball's integrity against the pin, unpacks it without writing outside its folder, and records what
/// `npm pack --dry-run --json --ignore-scripts` lists for the unpacked folder (the oracle for `ls`). Everything is cached
/// under HYGIENE_REAL_PACKAGES_CACHE (default ~/.cache/hygiene-real-packages), keyed by package and version.
/// </summary>
public sealed class RealPackageCache
{
    private const int Batch = 40;

    public RealPackageCache(string root) => Root = root;

    public string Root { get; }

    public static RealPackageCache Default() => new(Environment.GetEnvironmentVariable("HYGIENE_REAL_PACKAGES_CACHE") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hygiene-real-packages"));

    public string PackageFolder(PinnedPackage p) => Path.Combine(Root, "unpacked", p.Key, "package");

    /// <summary>The tarball `npm pack` wrote (npm names it scope-name-version.tgz).</summary>
    public string Tarball(PinnedPackage p) => Path.Combine(Root, "tgz", p.Name.TrimStart('@').Replace('/', '-') + "-" + p.Version + ".tgz");

    private string DoneMarker(PinnedPackage p) => Path.Combine(Root, "unpacked", p.Key, ".complete");

    private string NpmListing(PinnedPackage p) => Path.Combine(Root, "unpacked", p.Key, "npm-pack.json");

    /// <summary>Files npm would pack from the unpacked folder, as npm prints them.</summary>
    public IReadOnlyList<string> NpmFiles(PinnedPackage p) =>
        JArray.Parse(File.ReadAllText(NpmListing(p))).Select(t => (string)t!).ToList();

    /// <summary>Downloads, verifies and unpacks what is missing, then lists with npm what has no listing yet.</summary>
    public void Prepare(IReadOnlyList<PinnedPackage> packages)
    {
        Directory.CreateDirectory(Path.Combine(Root, "tgz"));
        foreach (var chunk in packages.Where(p => !File.Exists(DoneMarker(p))).Chunk(Batch))
        {
            var result = ProcessRunner.Run("npm", ["pack", .. chunk.Select(p => p.Spec), "--json", "--ignore-scripts", "--pack-destination", Path.Combine(Root, "tgz")],
                Root, TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0) throw new InvalidOperationException($"npm pack failed ({result.ExitCode}): {Tail(result.Stderr)}");
            var packed = JArray.Parse(result.Stdout).Cast<JObject>().ToList();
            foreach (var p in chunk)
            {
                var entry = packed.FirstOrDefault(e => (string?)e["name"] == p.Name && (string?)e["version"] == p.Version)
                    ?? throw new InvalidOperationException($"npm pack did not return {p.Spec}");
                if ((string?)entry["integrity"] != p.Integrity)
                    throw new InvalidOperationException($"{p.Spec}: the registry tarball's integrity {(string?)entry["integrity"]} differs from the pinned {p.Integrity}");
                Unpack(Path.Combine(Root, "tgz", (string)entry["filename"]!), Path.Combine(Root, "unpacked", p.Key));
                File.WriteAllText(DoneMarker(p), p.Integrity);
            }
        }
        foreach (var chunk in packages.Where(p => !File.Exists(NpmListing(p))).Chunk(Batch))
        {
            var result = ProcessRunner.Run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", .. chunk.Select(PackageFolder)], Root, TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0) throw new InvalidOperationException($"npm pack --dry-run failed ({result.ExitCode}): {Tail(result.Stderr)}");
            var listed = JArray.Parse(result.Stdout).Cast<JObject>().ToList();
            if (listed.Count != chunk.Length) throw new InvalidOperationException($"npm pack --dry-run listed {listed.Count} packages for {chunk.Length} folders");
            for (var i = 0; i < chunk.Length; i++)
            {
                var files = new JArray(((JArray)listed[i]["files"]!).Select(f => (string)f["path"]!).OrderBy(x => x, StringComparer.Ordinal));
                File.WriteAllText(NpmListing(chunk[i]), files.ToString());
            }
        }
    }

    /// <summary>
    /// Unpacks a .tgz into <paramref name="destination"/>/package: regular files only, nothing outside it. Like npm, the
    /// first path segment is dropped whatever it is (`package/` mostly; @types tarballs use the package's own name).
    /// </summary>
    private static void Unpack(string tgz, string destination)
    {
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        var package = Path.Combine(destination, "package");
        Directory.CreateDirectory(package);
        var full = Path.GetFullPath(package) + Path.DirectorySeparatorChar;
        using var file = File.OpenRead(tgz);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            var slash = entry.Name.IndexOf('/');
            if (slash < 0) continue;
            var target = Path.GetFullPath(Path.Combine(package, entry.Name[(slash + 1)..]));
            if (!target.StartsWith(full, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var output = File.Create(target);
            entry.DataStream?.CopyTo(output);
        }
    }

    private static string Tail(string s) => s.Length <= 2000 ? s : s[^2000..];
}
