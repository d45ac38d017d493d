using System.Formats.Tar;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.Packages;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Tests.Artifacts.Archives;
using HygieneLsp.Core.Tests.Support;

namespace HygieneLsp.Core.Tests.Artifacts.Packages;

/// <summary>
/// `check` on release artifacts made by the real `npm pack` from generated workspaces: every planted problem is found
/// on the artifact's entry, the artifact agrees with the workspace's prediction (or the disagreement is a finding), and
/// crafted hostile archives give findings, never crashes.
/// </summary>
public sealed class ArtifactCheckerTests
{
    private const string OwnMap = "{\"version\":3,\"file\":\"cli.js\",\"sources\":[\"../src/cli.ts\",\"../node_modules/left-pad/index.js\"]," +
                                  "\"sourcesContent\":[\"export const main = () => 1;\\n\",\"module.exports = 1;\\n\"],\"mappings\":\"AAAA\"}";

    private static string Pack(string folder)
    {
        var run = ProcessRunner.Run("npm", ["pack", "--ignore-scripts", "--silent"], folder, TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return Path.Combine(folder, run.Stdout.Trim().Split('\n')[^1].Trim());
    }

    private static TempDir LeakyPackage()
    {
        var t = new TempDir("hygiene-artifact");
        t.Write("package.json", "{ \"name\": \"@acme/leaky\", \"version\": \"1.0.0\", \"license\": \"UNLICENSED\", \"bin\": \"dist/cli.js\" }\n");
        t.Write("dist/cli.js", "#!/usr/bin/env node\nconsole.log(1);\n//# sourceMappingURL=cli.js.map\n");
        t.Write("dist/cli.js.map", OwnMap);
        t.Write(".env.production", "API_URL=https://internal.example\n");
        t.Write(".claude/settings.local.json", "{ \"permissions\": { \"allow\": [] } }\n");
        return t;
    }

    [Fact]
    public void ATarballFromNpmPack_ReportsItsMapEnvAndAgentFileOnTheEntries_AndAgreesWithTheWorkspace()
    {
        using var t = LeakyPackage();
        var tgz = Pack(t.Path);
        var check = ArtifactChecker.Check(tgz, EngineSettings.Default, workspace: t.Path);
        Assert.Null(check.Error);
        Assert.Equal("@acme/leaky", check.Unit!.Name);
        var map = Assert.Single(check.Findings, f => f.RuleId == "npm/source-map-shipped");
        Assert.Equal(Severity.Error, map.Severity);
        Assert.Contains("embedding 1 of your files and 1 from node_modules", map.Message);
        // One finding per artifact and rule, on the artifact; the entries are its related locations.
        Assert.Equal(tgz, map.Location.Path);
        Assert.EndsWith(".tgz!/package/dist/cli.js.map", Assert.Single(map.Related).Location.Path);
        var env = Assert.Single(check.Findings, f => f.RuleId == "npm/env-file-shipped");
        Assert.EndsWith("!/package/.env.production", Assert.Single(env.Related).Location.Path);
        Assert.Single(check.Findings, f => f.RuleId == "npm/agent-file-shipped" && f.Severity == Severity.Warning);
        // The tarball was packed from this very tree: no disagreement with the prediction.
        Assert.DoesNotContain(check.Findings, f => f.RuleId == ArtifactChecker.DiffersFromWorkspace);
        Assert.All(check.Findings, f => Assert.Empty(f.Fixes));
    }

    [Fact]
    public void FilesTheWorkspaceWouldNoLongerShip_AreADisagreement()
    {
        using var t = LeakyPackage();
        var tgz = Pack(t.Path);
        File.Move(tgz, Path.Combine(Path.GetTempPath(), Path.GetFileName(tgz) + Guid.NewGuid().ToString("N") + ".tgz"), overwrite: true);
        tgz = Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(tgz) + "*.tgz").OrderByDescending(File.GetLastWriteTimeUtc).First();
        try
        {
            t.Write(".npmignore", "*.map\n.env*\n.claude\n");
            var check = ArtifactChecker.Check(tgz, EngineSettings.Default, workspace: t.Path);
            var differs = Assert.Single(check.Findings, f => f.RuleId == ArtifactChecker.DiffersFromWorkspace && f.Severity == Severity.Warning);
            Assert.Contains("dist/cli.js.map", differs.Message);
            Assert.Contains(".env.production", differs.Message);
        }
        finally { File.Delete(tgz); }
    }

    [Fact]
    public void TraversalLinksAndHiddenData_AreUnsafeEntries_NeverACrash()
    {
        using var t = new TempDir("hygiene-artifact");
        var tgz = ArchiveFixtures.WriteTar(Path.Combine(t.Path, "evil-1.0.0.tgz"), w =>
        {
            w.AddFile("package/package.json", "{ \"name\": \"evil\", \"version\": \"1.0.0\" }");
            w.AddFile("package/../../home/user/.bashrc", "echo owned");
            w.AddLink(TarEntryType.SymbolicLink, "package/passwd", "../../../etc/passwd");
            w.AddFile("/etc/cron.d/x", "* * * * * root true");
        });
        var check = ArtifactChecker.Check(tgz, EngineSettings.Default);
        Assert.Null(check.Error);
        Assert.True(check.Findings.Count(f => f.RuleId == ArtifactChecker.UnsafeEntry && f.Severity == Severity.Error) >= 3);
        // Escaping names never become files of the unit.
        Assert.DoesNotContain(check.Unit!.Files, f => f.Path.Contains("..", StringComparison.Ordinal) || f.Path.Contains("cron", StringComparison.Ordinal));
    }

    [Fact]
    public void ATruncatedTarball_GivesADamageFinding_AndWhatCameBefore()
    {
        using var t = LeakyPackage();
        var tgz = Pack(t.Path);
        var bytes = File.ReadAllBytes(tgz);
        File.WriteAllBytes(tgz, bytes[..(bytes.Length / 2)]);
        var check = ArtifactChecker.Check(tgz, EngineSettings.Default);
        Assert.Null(check.Error);
        Assert.Contains(check.Findings, f => f.RuleId == ArtifactChecker.Damaged);
    }

    [Fact]
    public void AVsixFromVscePackage_ReportsItsMapOnTheEntry_AndMatchesTheWorkspace()
    {
        using var t = new TempDir("hygiene-artifact-vsix");
        t.Write("package.json", "{\"name\":\"tiny-ext\",\"publisher\":\"hygiene\",\"version\":\"0.0.1\",\"license\":\"UNLICENSED\",\"engines\":{\"vscode\":\"^1.80.0\"}," +
                                "\"main\":\"./out/extension.js\",\"activationEvents\":[\"onStartupFinished\"],\"repository\":\"https://example.invalid/x\"}\n");
        t.Write("out/extension.js", "exports.activate = () => {};\n//# sourceMappingURL=extension.js.map\n");
        t.Write("out/extension.js.map", "{\"version\":3,\"sources\":[\"../src/extension.ts\"],\"sourcesContent\":[\"export function activate() {}\\n\"],\"mappings\":\"AAAA\"}");
        t.Write("LICENSE", "Proprietary\n");
        t.Write("README.md", "# tiny\n");
        var vsix = Path.Combine(Path.GetTempPath(), $"tiny-ext-{Guid.NewGuid():N}.vsix");
        var vsce = Path.Combine(RepoPaths.OracleModules, "@vscode", "vsce", "vsce");
        var pack = ProcessRunner.Run("node", [vsce, "package", "--no-dependencies", "-o", vsix], t.Path, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["VSCE_TESTS"] = "1" });
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
        try
        {
            var check = ArtifactChecker.Check(vsix, EngineSettings.Default, workspace: t.Path);
            Assert.Equal("tiny-ext", check.Unit!.Name);
            var map = Assert.Single(check.Findings, f => f.RuleId == "vsix/source-map-shipped");
            Assert.Equal(Severity.Error, map.Severity);
            Assert.EndsWith(".vsix!/extension/out/extension.js.map", Assert.Single(map.Related).Location.Path);
            Assert.DoesNotContain(check.Findings, f => f.RuleId == ArtifactChecker.DiffersFromWorkspace && f.Severity == Severity.Warning);
        }
        finally { File.Delete(vsix); }
    }

    [Fact]
    public void ANupkgWhoseDllEmbedsItsSources_IsAnEmbeddedSourcesError()
    {
        using var t = new TempDir("hygiene-artifact-nupkg");
        t.Write("lib/Tiny.Secret.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n" +
                                           "    <Version>1.0.0</Version>\n    <DebugType>embedded</DebugType>\n    <EmbedAllSources>true</EmbedAllSources>\n  </PropertyGroup>\n</Project>\n");
        t.Write("lib/Algo.cs", "namespace Tiny; public static class Algo { public static int Secret => 42; }\n");
        var empty = Directory.CreateDirectory(Path.Combine(t.Path, "empty-source")).FullName;
        var outDir = Path.Combine(t.Path, "out");
        var pack = ProcessRunner.Run("dotnet", ["pack", Path.Combine(t.Path, "lib"), "-c", "Release", "-o", outDir, "--source", empty, "-nologo", "-v", "q", "-nodeReuse:false"],
            t.Path, TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1" });
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
        var check = ArtifactChecker.Check(Path.Combine(outDir, "Tiny.Secret.1.0.0.nupkg"), EngineSettings.Default);
        Assert.Equal("Tiny.Secret", check.Unit!.Name);
        var embedded = Assert.Single(check.Findings, f => f.RuleId == "dotnet/embedded-sources");
        Assert.Equal(Severity.Error, embedded.Severity);
        Assert.Contains("Algo.cs", embedded.Message);
        Assert.EndsWith(".nupkg!/lib/net10.0/Tiny.Secret.dll", embedded.Location.Path);
    }

    [Fact]
    public void AnInlineMapAtTheEndOfALargeBundle_IsFoundThroughTheArchive()
    {
        using var t = new TempDir("hygiene-artifact-inline");
        t.Write("package.json", "{ \"name\": \"inline-cli\", \"version\": \"2.0.0\", \"license\": \"UNLICENSED\" }\n");
        var map = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(OwnMap));
        // Larger than the entries kept in memory from the first pass: read back out of the archive, tail first.
        var padding = string.Concat(Enumerable.Repeat("console.log('padding line of a large bundle');\n", 20_000));
        t.Write("cli.js", padding + "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + map + "\n");
        var tgz = Pack(t.Path);
        Assert.True(new FileInfo(Path.Combine(t.Path, "cli.js")).Length > ArtifactFileView.MaxCachedEntryBytes);
        var check = ArtifactChecker.Check(tgz, EngineSettings.Default);
        var finding = Assert.Single(check.Findings, f => f.RuleId == "npm/source-map-shipped");
        Assert.Contains("inline in cli.js", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void NotAnArchive_IsAClearError()
    {
        using var t = new TempDir("hygiene-artifact");
        var path = t.Write("notes.tgz", "just text\n");
        var check = ArtifactChecker.Check(path, EngineSettings.Default);
        Assert.NotNull(check.Error);
        Assert.Null(check.Unit);
    }
}
