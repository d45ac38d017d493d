using System.Diagnostics;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>Planning a project is cheap enough to run on every keystroke: measured, with a generous bound.</summary>
public class BuildPlannerTimingTests
{
    private readonly ITestOutputHelper _output;

    public BuildPlannerTimingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Planning_a_merged_webpack_project_takes_milliseconds()
    {
        using var dir = new TempDir();
        var cases = OracleCaseGenerator.Generate(1).Where(c => c.Files.ContainsKey("webpack.prod.js")).Take(1).ToList();
        foreach (var (rel, content) in cases[0].Files) dir.Write(rel, content);
        dir.Write("vite.config.ts", "import { defineConfig } from 'vite';\nexport default defineConfig(({ mode }) => ({ build: { sourcemap: mode === 'production' ? 'hidden' : true } }));\n");
        var root = Paths.Normalize(dir.Path);
        BuildPlanner.PlanProject(FileView.Disk, root); // warm up (JIT)
        const int runs = 200;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) BuildPlanner.PlanProject(FileView.Disk, root);
        var perRun = watch.Elapsed.TotalMilliseconds / runs;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
        _output.WriteLine($"plan webpack-merge + vite project: {perRun:F2} ms, {allocated / 1024} KiB allocated per run");
        // Time depends on how loaded the machine is (bench/ holds the speed numbers); what a plan allocates does not.
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated / 1024} KiB allocated per plan ({perRun:F1} ms)");
    }
}
