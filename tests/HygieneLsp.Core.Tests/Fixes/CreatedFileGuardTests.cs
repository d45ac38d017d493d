using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Fixes;

/// <summary>
/// A fix that creates a file is checked against every unit: the .npmignore an npm fix creates must not then ship in the
/// Docker image that copies the folder, nor a new .dockerignore in the npm package (found by the fix property test).
/// </summary>
public sealed class CreatedFileGuardTests
{
    private static IReadOnlyList<ShipUnit> Units(string root) =>
        ShipUnits.Published(new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache()));

    [Fact]
    public void AnNpmFixBesideADockerImageKeepsTheNewIgnoreFilesOutOfBoth()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("package.json", "{ \"name\": \"svc\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\" }");
        dir.Write("dist/index.js", "module.exports = 1;\n");
        dir.Write("dist/index.js.map", "{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"export const a = 1;\"],\"mappings\":\"AAAA\"}");
        dir.Write("Dockerfile", "FROM node:22-slim\nWORKDIR /app\nCOPY . .\n");
        var before = Units(root);

        var finding = Assert.Single(AnalyzerCatalog.CreateEngine().AnalyzeFolder(root, EngineSettings.Default), f => f.RuleId == "npm/source-map-shipped");
        var fix = finding.Fixes.First(f => f.Kind == FixKind.Repair);
        Assert.StartsWith("Exclude source maps from the package: create .npmignore with \"*.map\" (and keep .npmignore out of", fix.Title);
        foreach (var edit in fix.Edits) File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));

        var after = Units(root);
        Assert.Empty(CreatedFileGuard.Growth(before, after));
        Assert.DoesNotContain(after.Single(u => u.Kind == ShipUnitKind.Npm).Files, f => f.Path == "dist/index.js.map");
        Assert.True(File.Exists(Path.Combine(root, ".dockerignore")), "the image would have copied the new .npmignore");
    }

    [Fact]
    public void AProjectOutsideThePackageThatPublishesItsFilesIsCheckedToo()
    {
        // Only npm packages and extensions are bounded by their root; a .NET project can publish files of a sibling
        // folder, so the .npmignore created in pkg/ must be checked against it although app/ does not hold pkg/.
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("pkg/package.json", "{ \"name\": \"pkg\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\" }");
        dir.Write("pkg/dist/index.js", "module.exports = 1;\n");
        dir.Write("pkg/dist/index.js.map", "{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"export const a = 1;\"],\"mappings\":\"AAAA\"}");
        dir.Write("app/app.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>" +
            "<ItemGroup><Content Include=\"../pkg/**\" Exclude=\"../pkg/**/*.map\" CopyToPublishDirectory=\"PreserveNewest\" LinkBase=\"pkg\" /></ItemGroup></Project>");
        var before = Units(root);
        Assert.Contains(before, u => u.Kind != ShipUnitKind.Npm && u.Files.Any(f => f.Path.EndsWith("index.js", StringComparison.Ordinal)));

        var finding = Assert.Single(AnalyzerCatalog.CreateEngine().AnalyzeFolder(root, EngineSettings.Default), f => f.RuleId == "npm/source-map-shipped");
        var fix = finding.Fixes.First(f => f.Kind == FixKind.Repair && f.Edits.Any(e => e.CreateFile));
        Assert.Contains("keep .npmignore out of the publish output of app", fix.Title);
        foreach (var edit in fix.Edits)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(edit.Path)!);
            File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));
        }
        Assert.Empty(CreatedFileGuard.Growth(before, Units(root)));
    }

    [Fact]
    public void AFixThatCreatesNothingIsLeftAsItIs()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        var guard = new CreatedFileGuard(new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache()));
        var fix = new Fix("Edit", [new FileEdit(root + "/a.txt", [new TextEdit(TextRange.Empty, "x")])], IsPreferred: true);
        Assert.Same(fix, guard.Checked(fix));
    }
}
