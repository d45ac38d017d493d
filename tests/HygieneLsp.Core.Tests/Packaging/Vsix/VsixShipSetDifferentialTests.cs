using System.Diagnostics;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>
/// Random extension folders listed by the real vsce (its listFiles, from one node process) and by
/// <see cref="VsixShipSetBuilder"/>: the file sets must be equal, and vsce must fail exactly where we predict an
/// npm list failure. On a mismatch the test prints the seed and the tree shrunk to the smallest one that disagrees.
/// </summary>
public sealed class VsixShipSetDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void AgreesWithVsceOnGeneratedTrees()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_VSIX_SEED"), out var s) ? s : 21_2026;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_VSIX_TREES"), out var c) ? c : 320;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        using var temp = new TempDir("hygiene-vsix-diff");
        var trees = Enumerable.Range(0, count).Select(i => ExtensionTreeGenerator.Generate(random, i)).ToList();
        var folders = trees.Select((t, i) => Path.Combine(temp.Path, "t" + i)).ToList();
        for (var i = 0; i < trees.Count; i++) trees[i].WriteTo(folders[i]);
        var writeTime = clock.Elapsed;

        clock.Restart();
        var expected = VsceOracle.List(Jobs(trees, folders), temp.Path);
        var vsceTime = clock.Elapsed;

        clock.Restart();
        var actual = trees.Select((t, i) => Ours(folders[i], t.NoDependencies)).ToList();
        var oursTime = clock.Elapsed;

        var failures = Enumerable.Range(0, count).Where(i => !Agree(expected[i], actual[i])).ToList();
        var refused = expected.Count(e => e.Error is not null);
        var npmRuns = trees.Count(t => !t.NoDependencies && t.NeedsNpmList);
        var totalFiles = expected.Sum(e => e.Files?.Count ?? 0);
        output.WriteLine($"seed {seed}: {count} trees ({npmRuns} through npm list), {totalFiles} listed files, {refused} refused by vsce, " +
                         $"{failures.Count} disagreements; write {writeTime.TotalSeconds:F1}s, vsce {vsceTime.TotalSeconds:F1}s, ours {oursTime.TotalMilliseconds:F0}ms");
        if (failures.Count == 0) return;

        var first = failures[0];
        var minimal = Minimize(trees[first], temp.Path);
        Assert.Fail($"seed {seed}: {failures.Count} of {count} trees disagree with vsce (first: tree {first}).\n" +
                    $"Smallest disagreeing tree:\n{minimal.Tree}\nvsce: {Show(minimal.Vsce)}\nours: {Show(minimal.Ours)}");
    }

    /// <summary>listFiles is what `vsce ls` prints (checked on a few trees, including ones the oracle lists without npm).</summary>
    [Fact]
    public void ListFilesIsWhatVsceLsPrints()
    {
        var random = new Random(7);
        using var temp = new TempDir("hygiene-vsix-ls");
        var trees = Enumerable.Range(0, 40).Select(i => ExtensionTreeGenerator.Generate(random, i)).ToList();
        var chosen = trees.Select((t, i) => (t, i)).Where(x => x.t.NeedsNpmList).Take(2)
            .Concat(trees.Select((t, i) => (t, i)).Where(x => !x.t.NeedsNpmList && !x.t.NoDependencies).Take(2))
            .Concat(trees.Select((t, i) => (t, i)).Where(x => x.t.NoDependencies).Take(1)).ToList();
        var folders = chosen.Select(x => Path.Combine(temp.Path, "t" + x.i)).ToList();
        for (var k = 0; k < chosen.Count; k++) chosen[k].t.WriteTo(folders[k]);
        var api = VsceOracle.List(Jobs(chosen.Select(x => x.t).ToList(), folders), temp.Path);
        for (var k = 0; k < chosen.Count; k++)
        {
            var cli = VsceOracle.Ls(folders[k], chosen[k].t.NoDependencies);
            Assert.Equal(cli is null, api[k].Error is not null);
            if (cli is not null) Assert.True(cli.SetEquals(api[k].Files!), $"tree {chosen[k].i}: vsce ls {Show(cli)} vs listFiles {Show(api[k].Files)}");
        }
        // The shortcut the oracle takes for trees without dependencies: npm list prints only the root.
        var plain = chosen.Where(x => !x.t.NeedsNpmList && !x.t.NoDependencies).Select((x, k) => folders[chosen.IndexOf(x)]).ToList();
        var withNpm = VsceOracle.List(plain.Select(f => (f, false)).ToList(), temp.Path);
        var withoutNpm = VsceOracle.List(plain.Select(f => (f, true)).ToList(), temp.Path);
        for (var k = 0; k < plain.Count; k++) Assert.True(withNpm[k].Files!.SetEquals(withoutNpm[k].Files!));
    }

    /// <summary>Set HYGIENE_VSIX_REAL_TREE to an extension folder to compare on it (read-only: vsce lists, npm list reads).</summary>
    [Fact]
    public void AgreesWithVsceOnARealTreeWhenGiven()
    {
        var folder = Environment.GetEnvironmentVariable("HYGIENE_VSIX_REAL_TREE");
        if (string.IsNullOrEmpty(folder)) return;
        using var temp = new TempDir("hygiene-vsix-real");
        var clock = Stopwatch.StartNew();
        var vsce = VsceOracle.List([(folder, false)], temp.Path)[0];
        var vsceTime = clock.Elapsed;
        clock.Restart();
        var ours = Ours(folder, noDependencies: false);
        output.WriteLine($"{folder}: vsce {Show(vsce).Length} chars in {vsceTime.TotalSeconds:F1}s; ours {ours.Files.Count} files " +
                         $"({ours.Dependencies.Count} dependency folders) in {clock.ElapsedMilliseconds}ms");
        Assert.True(Agree(vsce, ours), $"vsce: {Show(vsce)}\nours: {Show(ours)}");
    }

    private static List<(string, bool)> Jobs(IReadOnlyList<ExtensionTree> trees, IReadOnlyList<string> folders) =>
        trees.Select((t, i) => (folders[i], t.NoDependencies || !t.NeedsNpmList)).ToList();

    internal static VsixShipSet Ours(string folder, bool noDependencies) =>
        VsixShipSetBuilder.Build(FileView.Disk, VsixExtension.Load(FileView.Disk, folder),
            new VsixPackOptions { NoDependencies = noDependencies, UseYarn = false, ApplyManifestVsceOptions = false });

    private static bool Agree(VsceListing vsce, VsixShipSet ours)
    {
        var npmFails = ours.Errors.Any(e => e.StartsWith("npm list fails", StringComparison.Ordinal));
        if (vsce.Error is not null) return npmFails;
        return !npmFails && vsce.Files!.SetEquals(ours.Files.Select(f => f.Path));
    }

    private static string Show(IEnumerable<string>? files) => files is null ? "(refused)" : "[" + string.Join(", ", files.Order(StringComparer.Ordinal)) + "]";

    private static string Show(VsceListing l) => l.Error is not null ? "(refused: " + l.Error + ")" : Show(l.Files);

    private static string Show(VsixShipSet s) =>
        Show(s.Files.Select(f => f.Path)) + (s.Errors.Count > 0 ? " errors: " + string.Join("; ", s.Errors) : "");

    private static (ExtensionTree Tree, VsceListing Vsce, VsixShipSet Ours) Minimize(ExtensionTree tree, string tempRoot)
    {
        var round = 0;
        var current = tree;
        while (true)
        {
            var candidates = current.OneSmaller().ToList();
            var folders = candidates.Select((_, i) => Path.Combine(tempRoot, $"min{round}-{i}")).ToList();
            for (var i = 0; i < candidates.Count; i++) candidates[i].WriteTo(folders[i]);
            var vsce = VsceOracle.List(Jobs(candidates, folders), tempRoot);
            var next = -1;
            for (var i = 0; i < candidates.Count && next < 0; i++)
                if (!Agree(vsce[i], Ours(folders[i], candidates[i].NoDependencies))) next = i;
            if (next < 0)
            {
                var folder = Path.Combine(tempRoot, $"final{round}");
                current.WriteTo(folder);
                return (current, VsceOracle.List(Jobs([current], [folder]), tempRoot)[0], Ours(folder, current.NoDependencies));
            }
            current = candidates[next];
            round++;
        }
    }
}
