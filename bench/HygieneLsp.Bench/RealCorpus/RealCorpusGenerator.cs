using System.Security.Cryptography;

namespace HygieneLsp.Bench.RealCorpus;

/// <summary>
/// A corpus shaped like published web packages but made of real code: esbuild bundles (minified, with their maps and
/// sourcesContent) of the packages installed in bench/corpus-packages, source files, package.json files and READMEs copied from
/// them, in about the synthetic corpus's proportions by bytes, carrying the same planted secrets. Where the real material
/// runs out before the target size the corpus is smaller: nothing is copied twice to pad it.
/// </summary>
public sealed class RealCorpusGenerator
{
    private const double BundleShare = 0.55, MapShare = 0.38, SourceShare = 0.04, DocShare = 0.02;
    private const long MaxSourceFile = 256 * 1024;
    private static readonly string[] SourceExtensions = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];

    private readonly string corpus;
    private readonly long target;
    private readonly HashSet<string> contentHashes = [];
    private readonly List<(string Rel, string Type, long Bytes)> written = [];
    private readonly List<string> failures = [];
    private int esmBundles;

    private RealCorpusGenerator(string corpus, long target)
    {
        this.corpus = Path.GetFullPath(corpus);
        this.target = target;
    }

    public static int Run(string corpus, long targetBytes, int seed)
    {
        var root = CorpusPackages.RepoRoot();
        var nodeModules = CorpusPackages.NodeModules(root);
        var esbuild = Path.Combine(nodeModules, ".bin", "esbuild");
        if (!File.Exists(esbuild))
        {
            Console.Error.WriteLine($"esbuild missing at {esbuild}: (cd bench/corpus-packages && npm install)");
            return 2;
        }
        var packages = CorpusPackages.List(nodeModules);
        var generator = new RealCorpusGenerator(corpus, targetBytes);
        Directory.CreateDirectory(generator.corpus);
        // esbuild writes each map's sources relative to the map; built in a staging folder that reaches the packages
        // through a symbolic link (and --preserve-symlinks), they read "../…/node_modules/pkg/…" wherever the repository
        // and the corpus are, so the corpus has the same bytes on every machine.
        var staging = Directory.CreateTempSubdirectory("hygiene-real-corpus-").FullName;
        var link = Path.Combine(staging, "node_modules");
        List<string> bundles;
        try
        {
            Directory.CreateSymbolicLink(link, nodeModules);
            bundles = generator.WriteBundles(packages, new EsbuildBundler(esbuild), rel => Path.Combine(link, Path.GetRelativePath(nodeModules, rel)), Path.Combine(staging, "out"));
        }
        finally
        {
            if (Directory.Exists(link)) Directory.Delete(link);   // the link only, never what it points at
            Directory.Delete(staging, recursive: true);
        }
        var sources = generator.CopySources(packages);
        generator.CopyDocs(packages);
        var secrets = CorpusGenerator.PlantedSecrets(targetBytes, seed);
        var plantable = sources.Where(s => !s.Contains(".d.", StringComparison.Ordinal)).ToList();
        var planted = SecretPlanting.Plant(generator.corpus, secrets, plantable, bundles);
        generator.Report(packages, planted);
        return 0;
    }

    private List<string> WriteBundles(IReadOnlyList<InstalledPackage> packages, EsbuildBundler bundler, Func<string, string> staged, string stagingOut)
    {
        // Breadth first: every package's first entry point, then their other entry points, then the same as ES modules
        // (many packages publish both formats). Later passes only run while the bundle budget is not met.
        var jobs = packages.Where(p => p.Entries.Count > 0).Select(p => (Package: p, Entry: p.Entries[0], Format: "cjs"))
            .Concat(packages.SelectMany(p => p.Entries.Skip(1).Select(e => (Package: p, Entry: e, Format: "cjs"))))
            .Concat(packages.SelectMany(p => p.Entries.Select(e => (Package: p, Entry: e, Format: "esm"))))
            .ToList();
        var budget = (long)(target * BundleShare);
        long bundleBytes = 0;
        var accepted = new List<string>();
        var usedOutputs = new HashSet<string>(StringComparer.Ordinal);
        var batch = Math.Max(1, Environment.ProcessorCount);
        for (var i = 0; i < jobs.Count && bundleBytes < budget; i += batch)
        {
            var slice = jobs.Skip(i).Take(batch).Select(j => (Job: j, Out: OutputFor(j.Package, j.Entry, j.Format, usedOutputs))).ToList();
            var results = new (bool Ok, string Error)[slice.Count];
            Parallel.For(0, slice.Count, new ParallelOptions { MaxDegreeOfParallelism = batch }, k =>
            {
                var ok = bundler.Bundle(staged(slice[k].Job.Entry), Path.Combine(stagingOut, slice[k].Out), slice[k].Job.Format, out var error);
                results[k] = (ok, error);
            });
            // Accepted in job order, so the corpus does not depend on the batch size or on which build finished first.
            for (var k = 0; k < slice.Count; k++)
            {
                var rel = slice[k].Out;
                var js = Path.Combine(stagingOut, rel);
                if (!results[k].Ok)
                {
                    failures.Add($"{slice[k].Job.Package.Name} {Path.GetRelativePath(slice[k].Job.Package.Dir, slice[k].Job.Entry)} ({slice[k].Job.Format}): {results[k].Error}");
                    Delete(js);
                    continue;
                }
                var size = new FileInfo(js).Length;
                if (bundleBytes >= budget || size < 512 || !contentHashes.Add(CodeHash(js)))
                {
                    Delete(js);   // budget met, an empty (types-only) bundle, or the same bytes as one already kept
                    continue;
                }
                bundleBytes += size;
                var to = Path.Combine(corpus, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Move(js, to, overwrite: true);
                File.Move(js + ".map", to + ".map", overwrite: true);
                accepted.Add(rel);
                if (slice[k].Job.Format == "esm") esmBundles++;
            }
        }
        KeepSomeMaps(accepted, (long)(bundleBytes * (MapShare / BundleShare)));
        return accepted;
    }

    /// <summary>
    /// Like real packages, only some ship their maps (a map is 2-5 times its bundle): keep them in bundle order while
    /// they fit the maps' share, and take the map comment out of the bundles whose map is dropped.
    /// </summary>
    private void KeepSomeMaps(List<string> bundles, long budget)
    {
        long total = 0;
        foreach (var rel in bundles)
        {
            var js = Path.Combine(corpus, rel);
            var map = new FileInfo(js + ".map");
            if (total + map.Length <= budget)
            {
                total += map.Length;
                written.Add((rel + ".map", "map", map.Length));
            }
            else
            {
                map.Delete();
                DropMapComment(js);
            }
            written.Add((rel, "bundle", new FileInfo(js).Length));
        }
    }

    /// <summary>dist/cjs/index.js for an entry point named index; its whole path flattened when that name is taken.</summary>
    private static string OutputFor(InstalledPackage package, string entry, string format, HashSet<string> used)
    {
        var rel = Path.GetRelativePath(package.Dir, entry).Replace('\\', '/');
        var name = $"{package.Name}/dist/{format}/{Path.GetFileNameWithoutExtension(rel)}.js";
        if (!used.Add(name)) used.Add(name = $"{package.Name}/dist/{format}/{rel.Replace('/', '-').Replace('.', '-')}.js");
        return name;
    }

    private static void DropMapComment(string js)
    {
        var text = File.ReadAllText(js);
        var at = text.LastIndexOf("//# sourceMappingURL=", StringComparison.Ordinal);
        if (at >= 0) File.WriteAllText(js, text[..at]);
    }

    private List<string> CopySources(IReadOnlyList<InstalledPackage> packages)
    {
        var budget = (long)(target * SourceShare);
        var perPackage = Math.Max(budget / 30, 64 * 1024);   // so a few large packages do not make up all of it
        long total = 0;
        var copied = new List<string>();
        foreach (var package in packages)
        {
            long mine = 0;
            foreach (var rel in FilesOf(package.Dir))
            {
                if (total >= budget) return copied;
                if (mine >= perPackage) break;
                if (!SourceExtensions.Contains(Path.GetExtension(rel))) continue;
                var size = new FileInfo(Path.Combine(package.Dir, rel)).Length;
                if (size == 0 || size > MaxSourceFile) continue;
                var to = $"{package.Name}/src/{rel}";
                if (!Copy(Path.Combine(package.Dir, rel), to, "source")) continue;
                copied.Add(to);
                total += size;
                mine += size;
            }
        }
        return copied;
    }

    private void CopyDocs(IReadOnlyList<InstalledPackage> packages)
    {
        var budget = (long)(target * DocShare);
        long total = 0;
        foreach (var package in packages)
        {
            var readme = Directory.EnumerateFiles(package.Dir).Select(Path.GetFileName).OfType<string>()
                .Where(n => n.StartsWith("readme", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault();
            foreach (var (name, type) in new[] { ("package.json", "json"), (readme, "markdown") })
            {
                if (name == null || total >= budget) continue;
                if (Copy(Path.Combine(package.Dir, name), $"{package.Name}/{name}", type)) total += written[^1].Bytes;
            }
        }
    }

    /// <summary>Every file of a package folder (not its nested node_modules), by relative path, ordinal order.</summary>
    private static IEnumerable<string> FilesOf(string dir) =>
        Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(r => !r.StartsWith("node_modules/", StringComparison.Ordinal) && !r.Contains("/node_modules/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private bool Copy(string from, string rel, string type)
    {
        if (!contentHashes.Add(Hash(from))) return false;
        var to = Path.Combine(corpus, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
        written.Add((rel, type, new FileInfo(to).Length));
        return true;
    }

    /// <summary>A bundle's hash without its map comment, which names the output file: two entry points that bundle to
    /// the same code are one bundle.</summary>
    private static string CodeHash(string js)
    {
        var text = File.ReadAllText(js);
        var at = text.LastIndexOf("//# sourceMappingURL=", StringComparison.Ordinal);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(at < 0 ? text : text[..at])));
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static void Delete(string js)
    {
        foreach (var f in new[] { js, js + ".map" })
            if (File.Exists(f)) File.Delete(f);
    }


    private void Report(IReadOnlyList<InstalledPackage> packages, IReadOnlyList<SecretPlanting.Planted> planted)
    {
        var total = written.Sum(w => w.Bytes);
        Console.WriteLine($"wrote {total / 1e6:F1} MB in {written.Count} files to {corpus} (target {target / 1e6:F0} MB)");
        var shares = new[] { ("bundle", BundleShare), ("map", MapShare), ("source", SourceShare), ("json", DocShare), ("markdown", DocShare) };
        foreach (var (type, share) in shares)
        {
            var bytes = written.Where(w => w.Type == type).Sum(w => w.Bytes);
            Console.WriteLine($"  {type,-8} {written.Count(w => w.Type == type),6} files {bytes / 1e6,8:F1} MB {(total == 0 ? 0 : 100.0 * bytes / total),5:F1}%");
        }
        var docs = written.Where(w => w.Type is "json" or "markdown").Sum(w => w.Bytes);
        if (docs < target * DocShare * 0.95)
            Console.WriteLine($"  json + markdown: every package.json and README was used ({docs / 1e6:F1} of {target * DocShare / 1e6:F1} MB): the real material ran out, nothing is duplicated to pad it");
        if (total < target * 0.95)
            Console.WriteLine($"  the corpus is {100.0 * total / target:F0}% of the target: the installed packages have no more distinct material");
        var bundled = written.Where(w => w.Type == "bundle").Select(w => PackageOf(w.Rel, packages)).Distinct().ToList();
        Console.WriteLine($"bundled packages ({bundled.Count} of {packages.Count} installed): {string.Join(' ', bundled)}");
        Console.WriteLine($"bundles: {esmBundles} of {written.Count(w => w.Type == "bundle")} built as ES modules, the others as CommonJS");
        Console.WriteLine($"entry points esbuild could not bundle ({failures.Count}, skipped):");
        foreach (var f in failures) Console.WriteLine("  " + f);
        Console.WriteLine($"planted secrets ({planted.Count}, the synthetic corpus's, values not shown):");
        foreach (var p in planted) Console.WriteLine($"  {p.RelativePath}:{p.Line} {p.Kind}");
    }

    private static string PackageOf(string rel, IReadOnlyList<InstalledPackage> packages) =>
        packages.Select(p => p.Name).Where(n => rel.StartsWith(n + "/", StringComparison.Ordinal)).MaxBy(n => n.Length) ?? rel;
}
