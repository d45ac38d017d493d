using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>
/// Predictions for files that do not exist yet: WouldShipAll is asked on a generated tree, then the files are written
/// into a copy of it and the real npm packs the copy; each prediction must match.
/// </summary>
public sealed class NpmWouldShipDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] BuildOutputs =
    [
        "dist/cli.js.map", "dist/new/x.js", "dist/new/x.js.map", "lib/gen.js.map", "out/a.js", "out/.env", ".env.new",
        "types/x.d.ts", "build/x.js", "docs/api.md", "newdir/.env", "lib/sub/gen.js", "src/gen.ts", "test/gen.test.js",
        "Dist/gen.js", "bin/gen", "coverage/lcov.info", "dist/sub/deep/y.js.map", "x.orig.map", "README.txt",
    ];

    [Fact]
    public void WouldShipAgreesWithNpmOnceTheFilesExist()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_NPM_SEED"), out var s) ? s : 11_2026;
        var count = Math.Max(50, (int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_NPM_TREES"), out var c) ? c : 1000) / 4);
        var random = new Random(seed + 1);
        using var temp = new TempDir("hygiene-npm-would");
        var folders = new List<string>();
        var predictions = new List<Dictionary<string, bool>>();
        var trees = new List<PackageTree>();
        for (var i = 0; i < count; i++)
        {
            var tree = PackageTreeGenerator.Generate(random, i);
            trees.Add(tree);
            var before = Path.Combine(temp.Path, "b" + i);
            tree.WriteTo(before);
            var root = Paths.Normalize(before);
            var set = NpmPackWalker.Build(FileView.Disk, new NpmPackage(root, NpmManifest.Parse(root + "/package.json", File.ReadAllText(root + "/package.json"))));
            var extra = BuildOutputs.Where(p => random.Next(3) == 0 && !tree.Files.ContainsKey(p) && !Blocked(p, tree)).ToList();
            predictions.Add(set.WouldShipAll(extra).ToDictionary(kv => kv.Key, kv => kv.Value.Included));
            var after = tree.Clone();
            foreach (var p in extra) after.Files[p] = "generated";
            var folder = Path.Combine(temp.Path, "a" + i);
            after.WriteTo(folder);
            folders.Add(folder);
        }
        var packed = NpmPackOracle.Pack(folders);
        var mismatches = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (packed[i] is not { } npm) continue;
            foreach (var (path, predicted) in predictions[i])
                if (npm.Contains(path) != predicted)
                    mismatches.Add($"tree {i}: {path} predicted {(predicted ? "ships" : "stays out")}, npm disagrees" + (mismatches.Count == 0 ? "; the tree before:\n" + trees[i] : ""));
        }
        output.WriteLine($"seed {seed}: {count} trees, {predictions.Sum(p => p.Count)} predictions, {mismatches.Count} wrong");
        Assert.True(mismatches.Count == 0, $"seed {seed}:\n" + string.Join("\n", mismatches.Take(20)));
    }

    // A new file must not land in a symlinked folder or below an existing file.
    private static bool Blocked(string path, PackageTree tree)
    {
        var parts = path.Split('/');
        for (var i = 1; i <= parts.Length; i++)
        {
            var prefix = string.Join('/', parts.Take(i));
            if (tree.Links.ContainsKey(prefix)) return true;
            if (i < parts.Length && tree.Files.ContainsKey(prefix)) return true;
        }
        return false;
    }
}
