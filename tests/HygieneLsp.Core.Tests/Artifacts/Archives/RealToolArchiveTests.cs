using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Tests.IgnorePatterns;
using HygieneLsp.Core.Tests.Support;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

/// <summary>
/// Packages made by the real tools (npm pack, vsce package, dotnet pack) read back: the entry list must be exactly what
/// <c>tar -t</c> / <c>unzip -Z1</c> print for the same file, in the same order, with nothing flagged.
/// </summary>
public sealed class RealToolArchiveTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(10);

    // A file name over 100 bytes (the ustar name field) makes npm write a PAX header (path, mtime, size) that the guard
    // must follow; the folders put the whole path past 155 bytes (the ustar prefix) as well.
    private static readonly string LongPath = "lib/a-rather-long-folder-name-for-the-test/another-long-folder-name-inside-it/" + new string('m', 110) + ".js";

    [Fact]
    public void NpmPackTarballListsLikeTar()
    {
        using var dir = new TempDir("hygiene-archive-npm");
        var pkg = Path.Combine(dir.Path, "pkg");
        Write(pkg, "package.json", """{"name":"tiny-pkg","version":"1.2.3","main":"index.js","files":["index.js","lib/","dist/","docs/"]}""");
        Write(pkg, "index.js", "module.exports = require('./lib/a');\n");
        Write(pkg, "lib/a.js", "module.exports = 1;\n");
        Write(pkg, LongPath, "module.exports = 2;\n");
        Write(pkg, "dist/a.js", "x\n//# sourceMappingURL=a.js.map\n");
        Write(pkg, "dist/a.js.map", """{"version":3,"sources":["../src/a.ts"],"sourcesContent":["export const a = 1;"],"mappings":"AAAA"}""");
        Write(pkg, "docs/naïve file.md", "# docs\n");
        Write(pkg, "README.md", "# tiny\n");
        var outDir = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(outDir);

        var pack = ProcessRunner.Run("npm", ["pack", "--pack-destination", outDir, "--ignore-scripts"], pkg, ToolTimeout, CleanNpmEnvironment.Variables);
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
        var tgz = Assert.Single(Directory.GetFiles(outDir, "*.tgz"));

        var expected = List("tar", ["--quoting-style=literal", "-tzf", tgz], dir.Path);
        var (scan, seen) = ArchiveFixtures.Read(tgz);
        output.WriteLine(string.Join('\n', expected));
        Assert.Equal(ArchiveFormat.TarGzip, scan.Format);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Empty(scan.Anomalies);
        Assert.Equal(expected, seen.Select(s => s.Entry.Name));
        Assert.Contains("package/" + LongPath, expected);
        Assert.Equal(File.ReadAllBytes(Path.Combine(pkg, LongPath)), seen.Single(s => s.Entry.Name == "package/" + LongPath).Content);
        Assert.Equal(scan.TotalDeclaredBytes, scan.TotalReadBytes);
    }

    [Theory]
    [InlineData("gnu")]
    [InlineData("pax")]
    [InlineData("ustar")]
    public void GnuTarArchivesListLikeTar(string format)
    {
        // GNU tar writes directories, symlinks, hard links, GNU long names ('L') or PAX headers: the guard must follow them all.
        using var dir = new TempDir("hygiene-archive-gnutar");
        var root = Path.Combine(dir.Path, "pkg");
        var shortEnough = format == "ustar" ? "lib/" + new string('u', 90) + ".js" : LongPath;
        Write(root, "index.js", "module.exports = 1;\n");
        Write(root, shortEnough, new string(ArchiveFixtures.Noise(3000, 9).Select(b => (char)('a' + b % 26)).ToArray()));
        File.CreateSymbolicLink(Path.Combine(root, "lib", "alias.js"), "../index.js");
        var link = ProcessRunner.Run("ln", ["index.js", "hard.js"], root, ToolTimeout);
        Assert.True(link.ExitCode == 0, link.Stderr);
        var tgz = Path.Combine(dir.Path, $"pkg-{format}.tgz");
        var create = ProcessRunner.Run("tar", [$"--format={format}", "--sort=name", "-czf", tgz, "pkg"], dir.Path, ToolTimeout);
        Assert.True(create.ExitCode == 0, create.Stderr);

        var expected = List("tar", ["--quoting-style=literal", "-tzf", tgz], dir.Path);
        output.WriteLine(string.Join('\n', expected));
        var (scan, seen) = ArchiveFixtures.Read(tgz);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Empty(scan.Anomalies);
        Assert.Equal(expected, seen.Select(s => s.Entry.Name));
        Assert.Equal("../index.js", seen.Single(s => s.Entry.Kind == ArchiveEntryKind.SymbolicLink).Entry.LinkTarget);
        Assert.Single(seen, s => s.Entry.Kind == ArchiveEntryKind.HardLink);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, shortEnough)), seen.Single(s => s.Entry.Name == "pkg/" + shortEnough).Content);
    }

    [Fact]
    public void NpmsOwnTarReadsPastALoneZeroBlockAndTheReaderSaysSo()
    {
        using var dir = new TempDir("hygiene-archive-nodetar");
        var tgz = Path.Combine(dir.Path, "hidden.tgz");
        TarArchiveReaderTests.WriteRawTgz(tgz, [TarArchiveReaderTests.RawHeader("package/a.txt", '0', 5), TarArchiveReaderTests.Padded("hello"),
            new byte[512], TarArchiveReaderTests.RawHeader("package/hidden.js", '0', 4), TarArchiveReaderTests.Padded("evil"), new byte[1024]]);

        var npmRoot = ProcessRunner.Run("npm", ["root", "-g"], dir.Path, ToolTimeout, CleanNpmEnvironment.Variables);
        Assert.True(npmRoot.ExitCode == 0, npmRoot.Stderr);
        var nodeTar = Path.Combine(npmRoot.Stdout.Trim(), "npm", "node_modules", "tar");
        var listed = ProcessRunner.Run("node", ["-e", "require(process.argv[1]).t({ file: process.argv[2], sync: true, onentry: e => console.log(e.path) })", nodeTar, tgz],
            dir.Path, ToolTimeout);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Equal(["package/a.txt", "package/hidden.js"], listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["package/a.txt"], List("tar", ["--quoting-style=literal", "-tzf", tgz], dir.Path));

        var (scan, seen) = ArchiveFixtures.Read(tgz);
        Assert.Equal(["package/a.txt"], seen.Select(s => s.Entry.Name));
        Assert.Equal([(ArchiveAnomalyKind.DataAfterEnd, "package/hidden.js")], scan.Anomalies());
    }

    [Fact]
    public void VscePackageListsLikeUnzip()
    {
        using var dir = new TempDir("hygiene-archive-vsce");
        var ext = Path.Combine(dir.Path, "ext");
        Write(ext, "package.json", """
            {"name":"tiny-ext","publisher":"hygiene","version":"0.0.1","engines":{"vscode":"^1.80.0"},"main":"./out/extension.js",
             "activationEvents":["onStartupFinished"],"repository":{"type":"git","url":"https://example.invalid/tiny-ext"}}
            """);
        Write(ext, "out/extension.js", "exports.activate = () => {};\n//# sourceMappingURL=extension.js.map\n");
        Write(ext, "out/extension.js.map", """{"version":3,"sources":["../src/extension.ts"],"mappings":"AAAA"}""");
        Write(ext, LongPath, "module.exports = 2;\n");
        Write(ext, "docs/naïve file.md", "# docs\n");
        Write(ext, "LICENSE", "MIT\n");
        Write(ext, "README.md", "# tiny\n");
        var vsix = Path.Combine(dir.Path, "tiny-ext-0.0.1.vsix");

        var vsce = Path.Combine(RepoPaths.OracleModules, "@vscode", "vsce", "vsce");
        var pack = ProcessRunner.Run("node", [vsce, "package", "--no-dependencies", "-o", vsix], ext, ToolTimeout,
            new Dictionary<string, string> { ["VSCE_TESTS"] = "1" });
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

        AssertListsLikeUnzip(vsix, dir.Path);
    }

    [Fact]
    public void DotnetPackPackagesListLikeUnzip()
    {
        using var dir = new TempDir("hygiene-archive-dotnet");
        var project = Path.Combine(dir.Path, "lib");
        Write(project, "Tiny.Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>Tiny.Lib</PackageId>
                <Version>1.2.3</Version>
                <IncludeSymbols>true</IncludeSymbols>
                <SymbolPackageFormat>snupkg</SymbolPackageFormat>
              </PropertyGroup>
            </Project>
            """);
        Write(project, "A.cs", "namespace Tiny; public static class A { public static int B => 1; }\n");
        var emptySource = Path.Combine(dir.Path, "empty-source");
        Directory.CreateDirectory(emptySource);
        var outDir = Path.Combine(dir.Path, "out");

        var pack = ProcessRunner.Run("dotnet", ["pack", project, "-c", "Release", "-o", outDir, "--source", emptySource, "-nologo", "-v", "q", "-nodeReuse:false"],
            dir.Path, ToolTimeout, new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1" });
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

        AssertListsLikeUnzip(Path.Combine(outDir, "Tiny.Lib.1.2.3.nupkg"), dir.Path);
        AssertListsLikeUnzip(Path.Combine(outDir, "Tiny.Lib.1.2.3.snupkg"), dir.Path);
    }

    private void AssertListsLikeUnzip(string archive, string workDir)
    {
        var expected = List("unzip", ["-Z1", archive], workDir);
        output.WriteLine($"{Path.GetFileName(archive)}:\n  " + string.Join("\n  ", expected));
        var (scan, seen) = ArchiveFixtures.Read(archive);
        Assert.Equal(ArchiveFormat.Zip, scan.Format);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Empty(scan.Anomalies);
        Assert.Equal(expected, seen.Select(s => s.Entry.Name));
        Assert.Equal(scan.TotalDeclaredBytes, scan.TotalReadBytes);
        Assert.All(seen, s => Assert.Equal(s.Entry.Size, s.Content.Length));
    }

    private static List<string> List(string tool, string[] args, string workDir)
    {
        var r = ProcessRunner.Run(tool, args, workDir, ToolTimeout, new Dictionary<string, string> { ["LC_ALL"] = "C.UTF-8" });
        Assert.True(r.ExitCode == 0, $"{tool} failed: {r.Stderr}");
        return r.Stdout.Split('\n').Where(l => l.Length > 0).ToList();
    }

    private static void Write(string root, string relative, string content)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
