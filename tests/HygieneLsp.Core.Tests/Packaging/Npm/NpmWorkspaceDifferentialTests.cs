using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Tests.IgnorePatterns;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>
/// Monorepos: members packed the way `npm pack --workspaces` (or `npm pack` inside a member) packs them, with the
/// ignore files of the folders above applied as defaults; and workspace roots, whose subfolders npm filters through
/// their package.json files read as ignore files. Many monorepos sit under one outer root so that a single
/// `npm pack --workspaces` covers every member.
/// </summary>
public sealed class NpmWorkspaceDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] RootLines = ["*.map", ".env", "secret.txt", "/dist", "lib/", "!keep.map", "*.md", "test", "sub", "# c", "!.env.production"];

    [Fact]
    public void AgreesWithNpmPackOnWorkspaces()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_NPM_SEED"), out var s) ? s : 11_2026;
        var count = Math.Max(10, (int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_NPM_TREES"), out var c) ? c : 1000) / 25);
        var random = new Random(seed + 2);
        using var temp = new TempDir("hygiene-npm-ws");
        var outer = Paths.Normalize(temp.Path);
        File.WriteAllText(outer + "/package.json", new JObject { ["name"] = "outer", ["version"] = "1.0.0", ["private"] = true, ["workspaces"] = new JArray("m*/packages/*") }.ToString());
        var roots = new List<string>();
        for (var i = 0; i < count; i++) roots.Add(WriteMonorepo(random, outer + "/m" + i, i));

        var memberResults = PackWorkspaces(outer);
        var rootResults = NpmPackOracle.Pack(roots);

        var files = FileView.Disk;
        var context = new AnalysisContext(files, WorkspaceIndex.Build(files, outer), EngineSettings.Default, new AnalysisCache());
        var packages = NpmPackageDiscovery.Discover(context);
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var p in packages)
        {
            HashSet<string>? expected = null;
            if (memberResults.TryGetValue(p.DisplayName, out var m)) expected = m;
            else if (roots.IndexOf(p.Root) is var ri and >= 0) expected = rootResults[ri];
            if (expected is null) continue;
            compared++;
            var ours = NpmShipSets.For(context, p, packages).Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            if (!ours.SetEquals(expected))
                mismatches.Add($"{p.Root}: npm only [{string.Join(", ", expected.Except(ours))}], ours only [{string.Join(", ", ours.Except(expected))}]");
        }
        output.WriteLine($"seed {seed}: {count} monorepos, {compared} packages compared, {mismatches.Count} disagreements");
        Assert.True(compared >= count, "too few packages compared");
        Assert.True(mismatches.Count == 0, $"seed {seed}:\n" + string.Join("\n", mismatches.Take(10)));
    }

    private static string WriteMonorepo(Random r, string root, int i)
    {
        Directory.CreateDirectory(root);
        var workspaces = new JArray("packages/*");
        if (r.Next(3) == 0) workspaces.Add("!packages/skip");
        File.WriteAllText(root + "/package.json", new JObject { ["name"] = $"mono-{i}", ["version"] = "1.0.0", ["workspaces"] = workspaces }.ToString());
        void Lines(string path) => File.WriteAllText(path, string.Join("\n", Enumerable.Range(0, 1 + r.Next(3)).Select(_ => RootLines[r.Next(RootLines.Length)])) + "\n");
        Directory.CreateDirectory(root + "/packages");
        if (r.Next(2) == 0) Lines(root + "/.npmignore");
        if (r.Next(2) == 0) Lines(root + "/.gitignore");
        if (r.Next(3) == 0) Lines(root + "/packages/.gitignore");
        if (r.Next(4) == 0) File.WriteAllText(root + "/packages/.npmignore", r.Next(2) == 0 ? "" : "*.md\n");
        foreach (var f in new[] { "src/a.js", ".env", "keep.map", "x.map", "tools/sub/package.json", "tools/sub/x.js", "tools/sub/.npmignore", "tools/y.js" })
        {
            if (r.Next(2) == 0) continue;
            var full = root + "/" + f;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, f.EndsWith("package.json") ? "{\n  \"name\": \"x\"\n}\n" : f.EndsWith(".npmignore") ? "x.js\n" : "x");
        }
        var members = new List<string> { "a", "b" };
        if (r.Next(3) == 0) members.Add("skip");
        foreach (var (name, j) in members.Select((n, j) => (n, j)))
        {
            var tree = PackageTreeGenerator.Generate(r, i * 10 + j);
            tree.PackageJson["name"] = $"ws-{i}-{name}";
            tree.WriteTo(root + "/packages/" + name);
        }
        return Paths.Normalize(root);
    }

    private static string StripDotSlash(string p) => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;

    private static Dictionary<string, HashSet<string>> PackWorkspaces(string outer)
    {
        var r = ProcessRunner.Run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--workspaces"], outer, TimeSpan.FromMinutes(10), CleanNpmEnvironment.Variables);
        Assert.True(r.ExitCode == 0, "npm pack --workspaces failed: " + r.Stderr);
        return JArray.Parse(r.Stdout).ToDictionary(
            e => (string)e["name"]!,
            e => ((JArray)e["files"]!).Select(f => StripDotSlash((string)f["path"]!)).ToHashSet(StringComparer.Ordinal));
    }
}
