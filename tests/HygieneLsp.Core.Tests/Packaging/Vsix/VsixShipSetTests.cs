using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Fixes.Vsix;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Packaging.Vsix;

/// <summary>Reasons, hypothetical paths, discovery, caching and the reusable exclusion fix (as the map rule will call it).</summary>
public sealed class VsixShipSetTests
{
    private const string Manifest = "{\"name\":\"demo\",\"publisher\":\"h\",\"version\":\"1.0.0\",\"engines\":{\"vscode\":\"^1.80.0\"}DEPS}";

    private static TempDir Tree(string deps = "", params (string Path, string Text)[] entries)
    {
        var dir = new TempDir("hygiene-vsix-set");
        dir.Write("package.json", Manifest.Replace("DEPS", deps));
        foreach (var (p, t) in entries) dir.Write(p, t);
        return dir;
    }

    private static VsixShipSet Build(string root) => VsixShipSetBuilder.Build(FileView.Disk, VsixExtension.Load(FileView.Disk, root));

    [Fact]
    public void ReasonsPointAtTheDecidingLine()
    {
        using var dir = Tree("", (".vscodeignore", "# c\nout/**\n!out/keep.js\n"), ("out/keep.js", "1"), ("out/drop.js", "2"), ("README.md", "r"), ("a.txt", "a"));
        var set = Build(dir.Path);
        Assert.Equal(["README.md", "a.txt", "out/keep.js", "package.json"], set.Files.Select(f => f.Path));
        var keep = set.Get("out/keep.js")!.Reason;
        Assert.Equal(VsixRuleKind.IgnoreLine, keep.Rule!.Kind);
        Assert.Equal(2, keep.Location!.Range.Start.Line);
        Assert.Contains("line 3 \"!out/keep.js\"", keep.Text);
        var a = set.Get("a.txt")!.Reason;
        Assert.Null(a.Rule);
        Assert.Equal(0, a.Location!.Range.Start.Line);
        var drop = set.Excluded.Single(e => e.Path == "out/drop.js").Reason;
        Assert.Contains(".vscodeignore line 2 \"out/**\"", drop.Text);
        Assert.Equal(1, set.Get("out/keep.js")!.Size);
    }

    [Fact]
    public void WouldShipAnswersForPredictedOutputs()
    {
        using var dir = Tree(",\"dependencies\":{\"dep\":\"*\"}", (".vscodeignore", "src/**\n*.map\n"),
            ("node_modules/dep/package.json", "{\"name\":\"dep\",\"version\":\"1.0.0\"}"), ("node_modules/dev/package.json", "{\"name\":\"dev\",\"version\":\"1.0.0\"}"));
        dir.Write("package.json", dir.Read("package.json").Replace("}DEPS", "}").Replace("\"dependencies\"", "\"devDependencies\":{\"dev\":\"*\"},\"dependencies\""));
        var set = Build(dir.Path);
        Assert.True(set.WouldShip("dist/extension.js.map").Included); // *.map has no matchBase in vsce: root only
        Assert.False(set.WouldShip("extension.js.map").Included);
        Assert.False(set.WouldShip("src/a.ts").Included);
        Assert.True(set.WouldShip("node_modules/dep/dist/index.js.map").Included);
        Assert.False(set.WouldShip("node_modules/dev/index.js").Included);
        Assert.False(set.WouldShip("node_modules/dep/node_modules/x/index.js").Included);
        Assert.Equal("dependency of package.json", Assert.Single(set.Dependencies).Reason);
    }

    [Fact]
    public void MissingProductionDependencyMeansVsceRefuses()
    {
        using var dir = Tree(",\"dependencies\":{\"absent\":\"*\"},\"optionalDependencies\":{\"opt\":\"*\"}");
        var set = Build(dir.Path);
        Assert.Contains(set.Errors, e => e.Contains("missing: absent", StringComparison.Ordinal));
        Assert.DoesNotContain(set.Errors, e => e.Contains("opt", StringComparison.Ordinal));
        var noDeps = VsixShipSetBuilder.Build(FileView.Disk, VsixExtension.Load(FileView.Disk, dir.Path), new VsixPackOptions { NoDependencies = true });
        Assert.Empty(noDeps.Errors);
    }

    [Fact]
    public void ManifestVsceDependenciesFalseActsAsNoDependencies()
    {
        using var dir = Tree(",\"dependencies\":{\"absent\":\"*\"},\"vsce\":{\"dependencies\":false}");
        Assert.Empty(Build(dir.Path).Errors);
        var ls = VsixShipSetBuilder.Build(FileView.Disk, VsixExtension.Load(FileView.Disk, dir.Path), new VsixPackOptions { ApplyManifestVsceOptions = false });
        Assert.NotEmpty(ls.Errors);
        // The real tools agree: vsce package reads package.json's vsce options, vsce ls (listFiles) does not.
        dir.Write("README.md", "# demo\n");
        dir.Write("LICENSE", "MIT\n");
        dir.Write("package.json", dir.Read("package.json").Replace("\"version\"", "\"repository\":\"https://example.com/r\",\"version\""));
        Assert.Equal(0, VsceOracle.Package(dir.Path, noDependencies: false).ExitCode);
        Assert.NotNull(VsceOracle.List([(dir.Path, false)], Path.GetTempPath())[0].Error);
    }

    [Fact]
    public void FindsExtensionsAndCachesTheirShipSets()
    {
        using var dir = new TempDir("hygiene-vsix-ws");
        dir.Write("ext/package.json", Manifest.Replace("DEPS", ""));
        dir.Write("lib/package.json", "{\"name\":\"lib\",\"version\":\"1.0.0\"}");
        var index = WorkspaceIndex.Build(FileView.Disk, dir.Path);
        var context = new AnalysisContext(FileView.Disk, index, EngineSettings.Default, new AnalysisCache());
        var ext = Assert.Single(VsixExtension.FindAll(context));
        Assert.EndsWith("/ext", ext.Root);
        Assert.Same(VsixShipSetBuilder.Get(context, ext), VsixShipSetBuilder.Get(context, ext));
    }

    [Fact]
    public void ExclusionFixForMapsCoversPredictedPathsAndVsceAgrees()
    {
        using var dir = Tree("", (".vscodeignore", "src/**\n"), ("out/a.js.map", "{}"), ("out/a.js", "1"));
        var set = Build(dir.Path);
        var fix = Assert.Single(VsixExclusionFix.Create(FileView.Disk, set, ["**/*.map"], "Exclude **/*.map", ["out/a.js.map", "dist/extension.js.map"]));
        var edit = Assert.Single(fix.Edits);
        File.WriteAllText(edit.Path, TextEdits.Apply(File.ReadAllText(edit.Path), edit.Edits));
        Assert.Equal("src/**\n**/*.map\n", dir.Read(".vscodeignore"));
        dir.Write("dist/extension.js.map", "{}");
        var listed = VsceOracle.List([(dir.Path, true)], Path.GetTempPath())[0].Files!;
        Assert.Equal(["out/a.js", "package.json"], listed.Order());
    }

    [Fact]
    public void NoFixWhenTheOnlyWayInIsVsceItself()
    {
        using var dir = Tree("", (".vscodeignore", "**\n"), ("README.md", "r"));
        var set = Build(dir.Path);
        Assert.Empty(VsixExclusionFix.Create(FileView.Disk, set, ["README.md"], "Exclude README.md"));
    }

    [Fact]
    public void BrokenInputsGiveErrorsNotExceptions()
    {
        using var dir = new TempDir("hygiene-vsix-bad");
        dir.Write("package.json", "{ not json");
        dir.Write("node_modules/x/package.json", "[]");
        dir.Write(".vscodeignore", "\0\0binary\u0001\n[[[\n{a,b\n");
        var set = Build(dir.Path);
        Assert.NotEmpty(set.Errors);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "loop"), dir.Path);
        Assert.Contains("loop", Build(dir.Path).Files.Select(f => f.Path));
    }
}
