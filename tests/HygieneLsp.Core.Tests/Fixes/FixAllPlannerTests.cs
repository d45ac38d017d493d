using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes;
using HygieneLsp.Core.Tests.Packaging.Npm;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Fixes;

/// <summary>
/// Fix-all applies every preferred repair: two fixes that insert at the same place (both append to .npmignore, both
/// create it) are both applied, the second computed again on the edited text; suppressions are never applied.
/// </summary>
public sealed class FixAllPlannerTests
{
    private static (FixAllPlanner.Result Result, IReadOnlyList<Finding> Before) PlanAll(string root)
    {
        var engine = AnalyzerCatalog.CreateEngine();
        var index = WorkspaceIndex.Build(FileView.Disk, root);
        var findings = engine.Analyze(FileView.Disk, index, EngineSettings.Default);
        return (new FixAllPlanner(engine).Plan(FileView.Disk, index, EngineSettings.Default, findings, _ => true), findings);
    }

    private static void Write(IEnumerable<FileEdit> edits)
    {
        foreach (var edit in edits) File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));
    }

    [Theory]
    [InlineData("src\n", "src\n.env\n*.map\n")]
    [InlineData(null, "# Copied from .gitignore: npm stops reading .gitignore once .npmignore exists.\nnode_modules\n.env\n*.map\n")]
    public void TwoFixesAppendingToOneIgnoreFileAreBothApplied(string? npmignore, string expected)
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("package.json", "{ \"name\": \"both\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\" }");
        dir.Write(".gitignore", "node_modules\n");
        if (npmignore is not null) dir.Write(".npmignore", npmignore);
        dir.Write("dist/index.js", "module.exports = 1;\n//# sourceMappingURL=index.js.map\n");
        dir.Write("dist/index.js.map", "{\"version\":3,\"sources\":[\"../src/index.ts\"],\"sourcesContent\":[\"export const a = 1;\"],\"mappings\":\"AAAA\"}");
        dir.Write(".env", "MODE=dev\n");
        dir.Write("src/index.ts", "export const a = 1;\n");
        var packedBefore = NpmPackOracle.Pack([root])[0]!;
        Assert.Contains("dist/index.js.map", packedBefore);
        Assert.Contains(".env", packedBefore);

        var (result, before) = PlanAll(root);
        Assert.Contains(before, f => f.RuleId == "npm/source-map-shipped");
        Assert.Contains(before, f => f.RuleId == "npm/env-file-shipped");
        Assert.Equal(0, result.Unapplied);
        Assert.Equal(2, result.Applied.Count);
        Write(result.Edits);

        Assert.Equal(expected, dir.Read(".npmignore"));
        var (_, after) = PlanAll(root);
        Assert.DoesNotContain(after, f => f.RuleId is "npm/source-map-shipped" or "npm/env-file-shipped");
        var packedAfter = NpmPackOracle.Pack([root])[0]!;
        Assert.Subset(packedBefore, packedAfter);
        Assert.DoesNotContain("dist/index.js.map", packedAfter);
        Assert.DoesNotContain(".env", packedAfter);
    }

    [Fact]
    public void SuppressionsAndUnpreferredRepairsAreNeverApplied()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        dir.Write("tsconfig.json", "{\n  \"compilerOptions\": { \"outDir\": \"dist\", \"sourceMap\": true }\n}\n");
        dir.Write("package.json", "{ \"name\": \"p\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\", \"scripts\": { \"build\": \"tsc\" } }");
        var (result, before) = PlanAll(root);
        var finding = Assert.Single(before);
        Assert.Contains(finding.Fixes, f => f.Kind == FixKind.Suppress);
        Assert.Equal(["Set \"sourceMap\" to false"], result.Applied);
        var edit = Assert.Single(result.Edits);
        Assert.EndsWith("/tsconfig.json", edit.Path);

        var only = new Finding { RuleId = "x/y", Severity = Severity.Error, Message = "m", Location = finding.Location, Fixes = finding.Fixes.Where(f => f.Kind == FixKind.Suppress).ToList() };
        var planner = new FixAllPlanner(AnalyzerCatalog.CreateEngine());
        Assert.Empty(planner.Plan(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, [only], _ => true).Edits);
    }

    [Fact]
    public void IdenticalFixesOfOneCauseAreAppliedOnce()
    {
        var edit = new FileEdit("/w/.npmignore", [new TextEdit(new TextRange(new TextPosition(1, 0), new TextPosition(1, 0)), "*.map\n")]);
        var a = new Fix("Exclude", [edit], IsPreferred: true);
        var b = new Fix("Exclude", [edit with { }], IsPreferred: true);
        var other = new Fix("Append", [edit with { Edits = [new TextEdit(edit.Edits[0].Range, ".env\n")] }], IsPreferred: true);
        var (batch, deferred) = FixAllPlanner.Batch([a, b, other]);
        Assert.Equal([a], batch);
        Assert.Equal(1, deferred);
    }
}
