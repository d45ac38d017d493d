using System.Diagnostics;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>
/// Random package folders packed by the real npm (`npm pack --dry-run --json`, many folders per call) and by
/// <see cref="NpmPackWalker"/>: the file sets must be equal. On a mismatch the test prints the seed and the tree
/// shrunk (one piece at a time) to the smallest one that still disagrees.
/// </summary>
public sealed class NpmShipSetDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void AgreesWithNpmPackOnGeneratedTrees()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_NPM_SEED"), out var s) ? s : 11_2026;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_NPM_TREES"), out var c) ? c : 1000;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        using var temp = new TempDir("hygiene-npm-diff");
        var trees = Enumerable.Range(0, count).Select(i => PackageTreeGenerator.Generate(random, i)).ToList();
        var folders = trees.Select((t, i) => Path.Combine(temp.Path, "t" + i)).ToList();
        for (var i = 0; i < trees.Count; i++) trees[i].WriteTo(folders[i]);
        var writeTime = clock.Elapsed;

        clock.Restart();
        var expected = NpmPackOracle.Pack(folders);
        var npmTime = clock.Elapsed;

        clock.Restart();
        var actual = folders.Select(Ours).ToList();
        var oursTime = clock.Elapsed;

        var failures = Enumerable.Range(0, count).Where(i => expected[i] is not null && !expected[i]!.SetEquals(actual[i])).ToList();
        var refused = Enumerable.Range(0, count).Count(i => expected[i] is null);
        var totalFiles = expected.Where(e => e is not null).Sum(e => e!.Count);
        output.WriteLine($"seed {seed}: {count} trees, {totalFiles} packed files, {failures.Count} disagreements, {refused} refused by npm; " +
                         $"write {writeTime.TotalSeconds:F1}s, npm {npmTime.TotalSeconds:F1}s, ours {oursTime.TotalMilliseconds:F0}ms");
        if (failures.Count == 0) return;

        var first = failures[0];
        var minimal = Minimize(trees[first], temp.Path);
        Assert.Fail($"seed {seed}: {failures.Count} of {count} trees disagree with npm (first: tree {first}).\n" +
                    $"Smallest disagreeing tree:\n{minimal.Tree}\nnpm: [{string.Join(", ", minimal.Npm.Order())}]\nours: [{string.Join(", ", minimal.Ours.Order())}]");
    }

    internal static HashSet<string> Ours(string folder)
    {
        var root = Paths.Normalize(folder);
        var manifest = NpmManifest.Parse(root + "/package.json", FileView.Disk.ReadAllText(root + "/package.json"));
        var set = NpmPackWalker.Build(FileView.Disk, new NpmPackage(root, manifest));
        return set.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }

    private static (PackageTree Tree, HashSet<string> Npm, HashSet<string> Ours) Minimize(PackageTree tree, string tempRoot)
    {
        var round = 0;
        var current = tree;
        while (true)
        {
            var candidates = current.OneSmaller().ToList();
            var folders = candidates.Select((t, i) => Path.Combine(tempRoot, $"min{round}-{i}")).ToList();
            for (var i = 0; i < candidates.Count; i++) candidates[i].WriteTo(folders[i]);
            var npm = NpmPackOracle.Pack(folders);
            var next = -1;
            for (var i = 0; i < candidates.Count && next < 0; i++)
                if (npm[i] is { } n && !n.SetEquals(Ours(folders[i]))) next = i;
            if (next < 0)
            {
                var folder = Path.Combine(tempRoot, $"final{round}");
                current.WriteTo(folder);
                return (current, NpmPackOracle.Pack([folder])[0] ?? [], Ours(folder));
            }
            current = candidates[next];
            round++;
        }
    }
}
