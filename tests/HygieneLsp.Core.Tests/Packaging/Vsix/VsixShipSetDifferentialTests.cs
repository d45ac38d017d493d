using System.Diagnostics;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>Generated extension folders listed by the pinned vsce and by <see cref="VsixShipSet"/>: the sets must be equal.</summary>
public sealed class VsixShipSetDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void AgreesWithVsceLsOnGeneratedExtensions()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_VSIX_SEED"), out var s) ? s : 21_2026;
        var count = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_VSIX_TREES"), out var c) ? c : 300;
        var random = new Random(seed);
        using var temp = new TempDir("hygiene-vsix-diff");
        var trees = Enumerable.Range(0, count).Select(i => ExtensionTreeGenerator.Generate(random, i)).ToList();
        var folders = trees.Select((t, i) => Path.Combine(temp.Path, "e" + i)).ToList();
        for (var i = 0; i < count; i++) trees[i].WriteTo(folders[i]);
        var clock = Stopwatch.StartNew();
        var expected = VsceOracle.List(folders);
        var vsceTime = clock.Elapsed;
        clock.Restart();
        var actual = folders.Select(f => VsixShipSet.Build(FileView.Disk, f).Files.Select(x => x.Path).ToHashSet(StringComparer.Ordinal)).ToList();
        var oursTime = clock.Elapsed;
        var failures = Enumerable.Range(0, count).Where(i => expected[i] is { } e && !e.SetEquals(actual[i])).ToList();
        var refused = expected.Count(e => e is null);
        output.WriteLine($"seed {seed}: {count} extensions, {failures.Count} disagreements, {refused} refused by vsce; vsce {vsceTime.TotalSeconds:F1}s, ours {oursTime.TotalMilliseconds:F0}ms");
        Assert.True(refused < count / 10, $"vsce refused {refused} of {count} folders");
        if (failures.Count == 0) return;
        var i0 = failures[0];
        Assert.Fail($"seed {seed}: {failures.Count} of {count} disagree. First (e{i0}):\n{trees[i0]}\nvsce only: [{string.Join(", ", expected[i0]!.Except(actual[i0]))}]\nours only: [{string.Join(", ", actual[i0].Except(expected[i0]!))}]");
    }
}
