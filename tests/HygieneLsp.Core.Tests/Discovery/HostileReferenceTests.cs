using System.Diagnostics;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Discovery;

/// <summary>
/// Paths written inside the workspace (tsconfig `extends`, `require`/`import`, MSBuild `Import`, a map's `sources`) are
/// untrusted: they are read only when they name a regular file inside the workspace folder. Each test has a control
/// where the same file inside the folder is read, so it fails if the guard reads nothing at all.
/// </summary>
public class HostileReferenceTests
{
    private static IReadOnlyList<Finding> Check(string root)
    {
        var watch = Stopwatch.StartNew();
        var findings = AnalyzerCatalog.CreateEngine().AnalyzeFolder(root, EngineSettings.Default);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"{watch.Elapsed}");
        Assert.DoesNotContain(findings, f => f.RuleId == Engine.InternalErrorRuleId);
        return findings;
    }

    private static (TempDir Outside, TempDir Workspace) Pair()
    {
        var outside = new TempDir("outside");
        var workspace = new TempDir("ws");
        return (outside, workspace);
    }

    // The 29-byte tsconfig: {"extends":"/proc/1/pagemap"} read an endless /proc file past 2 GB resident.
    [Fact]
    public void Tsconfig_extends_of_an_endless_proc_file_reads_nothing()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.Null(FileView.Disk.ReadAllText("/proc/self/pagemap"));
        Assert.False(FileView.Disk.FileExists("/proc/self/pagemap"));
        using var ws = new TempDir();
        ws.Write("package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
        ws.Write("tsconfig.json", "{\"extends\":\"/proc/1/pagemap\"}");
        Assert.Equal(29, new FileInfo(Path.Combine(ws.Path, "tsconfig.json")).Length);
        ws.Write("app/tsconfig.json", "{\"extends\":\"/proc/self/pagemap\", \"compilerOptions\": {\"sourceMap\": true}}");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Check(ws.Path);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 256L * 1024 * 1024);
    }

    [Fact]
    public void Tsconfig_extends_reads_a_base_inside_the_workspace_but_not_outside_or_through_a_link()
    {
        var (outside, ws) = Pair();
        using (outside)
        using (ws)
        {
            const string Base = "{\"compilerOptions\": {\"sourceMap\": true, \"inlineSources\": true}}";
            outside.Write("tsconfig.base.json", Base);
            ws.Write("package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
            ws.Write("tsconfig.json", "{\"extends\": \"" + Path.Combine(outside.Path, "tsconfig.base.json") + "\"}");
            ws.Write("linked/package.json", "{\"name\": \"b\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
            ws.Write("linked/tsconfig.json", "{\"extends\": \"./base.json\"}");
            if (OperatingSystem.IsLinux())
            {
                File.CreateSymbolicLink(Path.Combine(ws.Path, "linked/base.json"), Path.Combine(outside.Path, "tsconfig.base.json"));
                ws.Write("zero/package.json", "{\"name\": \"c\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
                ws.Write("zero/tsconfig.json", "{\"extends\": \"./zero.json\"}");
                File.CreateSymbolicLink(Path.Combine(ws.Path, "zero/zero.json"), "/dev/zero");
            }
            Assert.DoesNotContain(Check(ws.Path), f => f.RuleId.StartsWith("build/tsc-", StringComparison.Ordinal));
            // Control: the same base inside the workspace is read.
            ws.Write("tsconfig.base.json", Base);
            ws.Write("tsconfig.json", "{\"extends\": \"./tsconfig.base.json\"}");
            Assert.Contains(Check(ws.Path), f => f.RuleId == "build/tsc-source-map");
        }
    }

    [Fact]
    public void A_config_require_reads_inside_the_workspace_only()
    {
        var (outside, ws) = Pair();
        using (outside)
        using (ws)
        {
            const string Base = "module.exports = { mode: 'production', devtool: 'source-map', output: { filename: 'main.js' } };";
            outside.Write("webpack.base.js", Base);
            ws.Write("package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"webpack\"}}");
            ws.Write("webpack.config.js", "const p = require('/etc/passwd');\nmodule.exports = require('" + Path.Combine(outside.Path, "webpack.base.js") + "');");
            Assert.DoesNotContain(Check(ws.Path), f => f.RuleId == "build/webpack-devtool");
            ws.Write("webpack.base.js", Base);
            ws.Write("webpack.config.js", "module.exports = require('./webpack.base.js');");
            Assert.Contains(Check(ws.Path), f => f.RuleId == "build/webpack-devtool");
        }
    }

    [Fact]
    public void An_msbuild_import_reads_inside_the_workspace_only()
    {
        var (outside, ws) = Pair();
        using (outside)
        using (ws)
        {
            const string Props = "<Project>\n  <PropertyGroup>\n    <DebugType>embedded</DebugType>\n    <EmbedAllSources>true</EmbedAllSources>\n  </PropertyGroup>\n</Project>\n";
            outside.Write("sources.props", Props);
            const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <Import Project=\"IMPORT\" />\n  <Import Project=\"/etc/passwd\" />\n</Project>\n";
            ws.Write("Lib/Lib.csproj", Project.Replace("IMPORT", Path.Combine(outside.Path, "sources.props")));
            Assert.DoesNotContain(Check(ws.Path), f => f.RuleId == "dotnet/embedded-sources");
            ws.Write("sources.props", Props);
            ws.Write("Lib/Lib.csproj", Project.Replace("IMPORT", "../sources.props"));
            Assert.Contains(Check(ws.Path), f => f.RuleId == "dotnet/embedded-sources");
        }
    }

    [Fact]
    public void A_map_source_names_a_workspace_file_only()
    {
        var (outside, ws) = Pair();
        using (outside)
        using (ws)
        {
            var secretFile = outside.Write("secret.ts", "export const x = 1;\n");
            var inside = ws.Write("src/app.ts", "export const y = 2;\n");
            var map = ws.Write("dist/app.js.map", "{}");
            var root = Paths.Normalize(ws.Path);
            Assert.Equal(Paths.Normalize(inside), MapSourcePaths.Resolve(FileView.Disk, Paths.Normalize(map), "../src/app.ts", root));
            Assert.Null(MapSourcePaths.Resolve(FileView.Disk, Paths.Normalize(map), "/etc/passwd", root));
            Assert.Null(MapSourcePaths.Resolve(FileView.Disk, Paths.Normalize(map), "file://" + secretFile, root));
            Assert.Null(MapSourcePaths.Resolve(FileView.Disk, Paths.Normalize(map), "../../../../../../../../etc/passwd", root));
            if (!OperatingSystem.IsLinux()) return;
            File.CreateSymbolicLink(Path.Combine(ws.Path, "src/linked.ts"), secretFile);
            File.CreateSymbolicLink(Path.Combine(ws.Path, "src/zero.ts"), "/dev/zero");
            Assert.Null(MapSourcePaths.Resolve(FileView.Disk, Paths.Normalize(map), "../src/linked.ts", root));
            Assert.Null(MapSourcePaths.Resolve(FileView.Disk, Paths.Normalize(map), "../src/zero.ts", root));
        }
    }

    [Fact]
    public void The_confined_view_sees_the_folder_and_nothing_through_links_out_of_it()
    {
        var (outside, ws) = Pair();
        using (outside)
        using (ws)
        {
            outside.Write("lib/x.js", "x");
            ws.Write("a.js", "a");
            var view = new ConfinedFileView(FileView.Disk, ws.Path);
            Assert.True(view.FileExists(Path.Combine(ws.Path, "a.js")));
            Assert.False(view.FileExists(Path.Combine(outside.Path, "lib/x.js")));
            Assert.False(view.FileExists(Path.Combine(ws.Path, "../" + Path.GetFileName(outside.Path) + "/lib/x.js")));
            Assert.Null(view.ReadAllText("/etc/passwd"));
            Assert.Empty(view.List("/etc"));
            if (!OperatingSystem.IsLinux()) return;
            Directory.CreateSymbolicLink(Path.Combine(ws.Path, "lib"), Path.Combine(outside.Path, "lib"));
            Assert.False(view.FileExists(Path.Combine(ws.Path, "lib/x.js")));
            Assert.True(FileView.Disk.FileExists(Path.Combine(ws.Path, "lib/x.js")));
        }
    }
}
