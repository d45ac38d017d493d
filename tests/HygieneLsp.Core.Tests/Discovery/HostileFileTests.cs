using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Discovery;

/// <summary>
/// A workspace is untrusted: devices and FIFOs are never read (one is endless, the other blocks), symlinks are never
/// followed out of the workspace folder, and the whole engine finishes on such a tree.
/// </summary>
public class HostileFileTests
{
    private static void MakeFifo(string path) =>
        Assert.Equal(0, ProcessRunner.Run("mkfifo", [path], Path.GetDirectoryName(path)!).ExitCode);

    [Fact]
    public void DevicesAndFifosAreNotFilesForTheEngine()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "fifo.js.map");
        MakeFifo(fifo);
        var device = Path.Combine(dir.Path, "app.js.map");
        File.CreateSymbolicLink(device, "/dev/zero");
        var regular = dir.Write("real.js.map", "{}");
        Assert.True(FileKinds.IsRegularFile(regular));
        foreach (var path in new[] { fifo, device, "/dev/zero", "/dev/null" })
        {
            Assert.False(FileKinds.IsRegularFile(path), path);
            Assert.False(FileView.Disk.FileExists(path), path);
            Assert.Null(FileView.Disk.ReadAllText(path));
            Assert.Null(FileView.Disk.OpenRead(path));
        }
    }

    [Fact]
    public void TheWalkSkipsDevicesFifosAndLinksThatLeaveTheWorkspace()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var outside = new TempDir("outside");
        outside.Write("secret/.env", "TOKEN=x");
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"a\", \"version\": \"1.0.0\"}");
        dir.Write("src/inner/kept.js", "");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "root"), "/");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "elsewhere"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "env-link"), Path.Combine(outside.Path, "secret", ".env"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.js.map"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "alias"), Path.Combine(dir.Path, "src")); // stays inside: walked once
        MakeFifo(Path.Combine(dir.Path, "pipe"));
        var files = WorkspaceIndex.Build(FileView.Disk, dir.Path).Files.Select(f => Paths.Relative(Paths.Normalize(dir.Path), f)).ToList();
        Assert.Equal(2, files.Count);
        Assert.Contains("package.json", files);
        Assert.Single(files, f => f.EndsWith("inner/kept.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWholeEngineFinishesOnAHostileTree()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "tsconfig.base.json"), "/dev/zero");
        dir.Write("tsconfig.json", "{\"extends\": \"./tsconfig.base.json\", \"compilerOptions\": {\"sourceMap\": true}}");
        dir.Write("webpack.config.js", "module.exports = require('./zero.js');");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.js"), "/dev/zero");
        MakeFifo(Path.Combine(dir.Path, ".npmignore"));
        // A blocked FIFO read never returns: the generous bound only turns such a hang into a failure.
        var findings = await Task.Run(() => AnalyzerCatalog.CreateEngine().AnalyzeFolder(dir.Path, EngineSettings.Default))
            .WaitAsync(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(findings, f => f.RuleId == Engine.InternalErrorRuleId);
    }
}
