using Newtonsoft.Json.Linq;

namespace HygieneLsp.Bench.RealCorpus;

/// <summary>One installed package: its folder, name and the code files its manifest points at.</summary>
public sealed record InstalledPackage(string Name, string Dir, IReadOnlyList<string> Entries);

/// <summary>
/// The packages installed under bench/corpus-packages/node_modules (real tools and their dependencies, pinned by their
/// own lock file so that adding a test oracle does not change the corpus), sorted by name so the corpus built from them
/// is the same on every machine.
/// </summary>
public static class CorpusPackages
{
    private static readonly string[] CodeExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];

    /// <summary>The repository root: HYGIENE_REPO_ROOT, else the first folder above the bench binary holding the solution.</summary>
    public static string RepoRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("HYGIENE_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv)) return Path.GetFullPath(fromEnv);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HygieneLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory + "; set HYGIENE_REPO_ROOT");
    }

    public static string NodeModules(string repoRoot) => Path.Combine(repoRoot, "bench", "corpus-packages", "node_modules");

    public static IReadOnlyList<InstalledPackage> List(string nodeModules)
    {
        var names = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(nodeModules))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith('.')) continue;
            if (name.StartsWith('@')) names.AddRange(Directory.EnumerateDirectories(dir).Select(d => name + "/" + Path.GetFileName(d)));
            else names.Add(name);
        }
        names.Sort(StringComparer.Ordinal);
        var packages = new List<InstalledPackage>();
        foreach (var name in names)
        {
            var dir = Path.Combine(nodeModules, name);
            var manifest = ReadManifest(Path.Combine(dir, "package.json"));
            if (manifest != null) packages.Add(new InstalledPackage(name, dir, Entries(dir, manifest)));
        }
        return packages;
    }

    private static JObject? ReadManifest(string path)
    {
        try
        {
            return File.Exists(path) ? JObject.Parse(File.ReadAllText(path)) : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// module, main, bin, then every target of exports (no wildcard subpaths), resolved to existing code files, first
    /// occurrence kept. Native addons, JSON and declaration files are not entry points a bundler can start from.
    /// </summary>
    private static IReadOnlyList<string> Entries(string dir, JObject manifest)
    {
        var raw = new List<string>();
        foreach (var field in new[] { "module", "main" })
            if (manifest[field] is JValue { Type: JTokenType.String } v) raw.Add((string)v!);
        switch (manifest["bin"])
        {
            case JValue { Type: JTokenType.String } bin: raw.Add((string)bin!); break;
            case JObject bins: raw.AddRange(bins.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Value).OfType<JValue>().Select(v => v.ToString())); break;
        }
        if (manifest["exports"] is { } exports) CollectTargets(exports, raw);
        if (raw.Count == 0) raw.Add("index.js");

        var resolved = new List<string>();
        foreach (var target in raw)
        {
            var file = Resolve(dir, target);
            if (file != null && !resolved.Contains(file, StringComparer.Ordinal)) resolved.Add(file);
        }
        return resolved;
    }

    private static void CollectTargets(JToken token, List<string> into)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.String } v when !v.ToString().Contains('*'): into.Add(v.ToString()); break;
            case JArray items: foreach (var item in items) CollectTargets(item, into); break;
            case JObject conditions:
                foreach (var p in conditions.Properties())
                    if (!p.Name.Contains('*') && p.Name != "types") CollectTargets(p.Value, into);
                break;
        }
    }

    private static string? Resolve(string dir, string target)
    {
        var root = Path.GetFullPath(dir) + Path.DirectorySeparatorChar;
        foreach (var candidate in new[] { target, target + ".js", Path.Combine(target, "index.js") })
        {
            var full = Path.GetFullPath(Path.Combine(dir, candidate));
            if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full)) continue;
            if (full.EndsWith(".d.ts", StringComparison.Ordinal) || full.EndsWith(".d.mts", StringComparison.Ordinal) || full.EndsWith(".d.cts", StringComparison.Ordinal)) return null;
            return CodeExtensions.Contains(Path.GetExtension(full)) ? full : null;
        }
        return null;
    }
}
