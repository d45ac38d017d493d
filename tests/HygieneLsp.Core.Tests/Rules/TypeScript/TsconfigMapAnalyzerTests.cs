using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.TypeScript;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.TypeScript;

public class TsconfigMapAnalyzerTests
{
    internal static IReadOnlyList<Finding> Analyze(string root, IFileView? files = null)
    {
        files ??= FileView.Disk;
        var engine = new Engine([new TsconfigMapAnalyzer(AnalyzerCatalog.CreateExposure())]);
        return engine.Analyze(files, WorkspaceIndex.Build(files, root), EngineSettings.Default);
    }

    /// <summary>A published package whose build runs tsc: tsc writes maps only where a script compiles the config, and they matter where they ship.</summary>
    internal static void CompiledBy(TempDir dir, string folder = "", string command = "tsc") =>
        dir.Write((folder.Length == 0 ? "" : folder + "/") + "package.json",
            "{\"name\": \"" + (folder.Length == 0 ? "lib" : folder.Replace('/', '-')) + "\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"" + command + "\"}}");

    private static string Squiggled(Finding f)
    {
        var text = File.ReadAllText(f.Location.Path);
        var lines = new LineIndex(text);
        return text[lines.GetOffset(f.Location.Range.Start)..lines.GetOffset(f.Location.Range.End)];
    }

    [Fact]
    public void ReportsOwnSourceMapOnTheKeyAndTheFixTouchesOnlyTheValue()
    {
        using var dir = new TempDir();
        const string text = "{\n  // build\n  \"compilerOptions\": {\n    \"outDir\": \"dist\",\n    \"sourceMap\": true, /* keep */\n  },\n}\n";
        var path = dir.Write("tsconfig.json", text);
        CompiledBy(dir);
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.Equal("build/tsc-source-map", finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("npm 'lib' would publish them", finding.Message);
        Assert.Equal("\"sourceMap\": true", Squiggled(finding));
        Assert.Contains("into dist", finding.Message);

        var edit = Assert.Single(Assert.Single(finding.Repairs()).Edits);
        Assert.Equal(Paths.Normalize(path), edit.Path);
        File.WriteAllText(path, TextEdits.Apply(text, edit.Edits));
        Assert.Equal(text.Replace("\"sourceMap\": true", "\"sourceMap\": false"), File.ReadAllText(path));
        Assert.Empty(Analyze(dir.Path));
    }

    [Fact]
    public void ABaseInTheWorkspaceIsReportedOnceOnItsKey()
    {
        using var dir = new TempDir();
        dir.Write("tsconfig.base.json", "{\"compilerOptions\": {\"sourceMap\": true}}");
        dir.Write("packages/a/tsconfig.json", "{\"extends\": \"../../tsconfig.base.json\"}");
        dir.Write("packages/b/tsconfig.json", "{\"extends\": [\"../../tsconfig.base\"], \"compilerOptions\": {\"outDir\": \"out\"}}");
        CompiledBy(dir, "packages/a");
        CompiledBy(dir, "packages/b", "tsc -p tsconfig.json");
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.EndsWith("tsconfig.base.json", finding.Location.Path);
        Assert.Equal(2, finding.Related.Count(r => r.Message.Contains("inherits sourceMap", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnInheritedPackageValueIsReportedOnTheExtendsEntryAndFixedByOverride()
    {
        using var dir = new TempDir();
        dir.Write("node_modules/@acme/tsconfig/package.json", "{\"name\": \"@acme/tsconfig\", \"tsconfig\": \"base.json\"}");
        dir.Write("node_modules/@acme/tsconfig/base.json", "{\"compilerOptions\": {\"declaration\": true, \"declarationMap\": true}}");
        const string text = "{\n  \"extends\": \"@acme/tsconfig\",\n  \"compilerOptions\": {\n    \"strict\": true\n  }\n}\n";
        var path = dir.Write("tsconfig.json", text);
        CompiledBy(dir);
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.Equal("build/tsc-declaration-map", finding.RuleId);
        Assert.Equal("\"@acme/tsconfig\"", Squiggled(finding));
        Assert.Contains(finding.Related, r => r.Location.Path.EndsWith("base.json", StringComparison.Ordinal));

        File.WriteAllText(path, TextEdits.Apply(text, Assert.Single(Assert.Single(finding.Repairs()).Edits).Edits));
        Assert.Equal("{\n  \"extends\": \"@acme/tsconfig\",\n  \"compilerOptions\": {\n    \"strict\": true,\n    \"declarationMap\": false\n  }\n}\n", File.ReadAllText(path));
        Assert.Empty(Analyze(dir.Path));
    }

    [Theory]
    [InlineData("{\"compilerOptions\": {\"sourceMap\": true, \"noEmit\": true}}")]
    [InlineData("{\"compilerOptions\": {\"sourceMap\": true, \"emitDeclarationOnly\": true, \"declaration\": true}}")]
    [InlineData("{\"compilerOptions\": {\"declarationMap\": true}}")]
    [InlineData("{\"compilerOptions\": {\"inlineSources\": true}}")]
    [InlineData("{\"extends\": \"./missing.json\"}")]
    [InlineData("{\"extends\": \"./tsconfig.json\", \"compilerOptions\": {\"sourceMap\": false}}")]
    [InlineData("{\"compilerOptions\": {\"sourceMap\": ")]
    [InlineData("{\"compilerOptions\": {\"sourceMap\": \"true\"}}")]
    [InlineData("\0\u0001binary junk")]
    public void NoFindingWhereNoMapIsWritten(string tsconfig)
    {
        using var dir = new TempDir();
        dir.Write("tsconfig.json", tsconfig);
        CompiledBy(dir);
        Assert.Empty(Analyze(dir.Path));
    }

    [Fact]
    public void UnsavedBufferTextWinsOverDisk()
    {
        using var dir = new TempDir();
        var path = Paths.Normalize(dir.Write("tsconfig.json", "{}"));
        CompiledBy(dir);
        var view = FileView.Disk.WithOverlay(path, new BufferOverlay("{\"compilerOptions\": {\"inlineSourceMap\": true}}", 3));
        Assert.Equal("build/tsc-inline-source-map", Assert.Single(Analyze(dir.Path, view)).RuleId);
        Assert.Empty(Analyze(dir.Path));
    }
}
