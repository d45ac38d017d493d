using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.TypeScript;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.TypeScript;

/// <summary>tsc maps that land in a folder a package publishes: error when they embed sources, with the packaging cause.</summary>
public class TsconfigExposureTests
{
    private static IReadOnlyList<Finding> Analyze(string root)
    {
        var engine = new Engine([new TsconfigMapAnalyzer(AnalyzerCatalog.CreateExposure())]);
        return engine.Analyze(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default);
    }

    private const string Tsconfig = "{\"compilerOptions\": {\"outDir\": \"dist\", \"sourceMap\": true, \"inlineSources\": true}}";

    [Fact]
    public void MapsWithSourcesInAPublishedFolderAreErrors()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"dist\"], \"scripts\": {\"prepublishOnly\": \"tsc\"}}");
        dir.Write("tsconfig.json", Tsconfig);
        var findings = Analyze(dir.Path);
        var map = findings.Single(f => f.RuleId == "build/tsc-source-map");
        Assert.Equal(Severity.Error, map.Severity);
        Assert.Contains("npm 'lib' would publish them", map.Message);
        Assert.Contains(map.Related, r => r.Location.Path.EndsWith("package.json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"lib\"], \"scripts\": {\"build\": \"tsc\"}}")]
    [InlineData("{\"name\": \"lib\", \"private\": true, \"scripts\": {\"build\": \"tsc -p .\"}}")]
    public void MapsThatNothingPublishesAreNotReported(string packageJson)
    {
        using var dir = new TempDir();
        dir.Write("package.json", packageJson);
        dir.Write("tsconfig.json", Tsconfig);
        Assert.Empty(Analyze(dir.Path));
        dir.Write("package.json", packageJson.Replace("\"lib\"]", "\"dist\"]").Replace("\"private\": true", "\"version\": \"1.0.0\""));
        Assert.Equal(Severity.Error, Analyze(dir.Path).Single(f => f.RuleId == "build/tsc-source-map").Severity);
    }

    [Theory]
    [InlineData("{\"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"dist\", \"!**/*.map\"], \"scripts\": {\"build\": \"tsc\"}}", null)]
    [InlineData("{\"name\": \"lib\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}", "*.map\n")]
    public void MapsThePackageKeepsOutAreNotReported(string packageJson, string? npmignore)
    {
        using var dir = new TempDir();
        dir.Write("package.json", packageJson);
        if (npmignore is not null) dir.Write(".npmignore", npmignore);
        dir.Write("tsconfig.json", Tsconfig);
        Assert.DoesNotContain(Analyze(dir.Path), f => f.RuleId.StartsWith("build/tsc", StringComparison.Ordinal));
    }

    [Fact]
    public void MapsOfAnExtensionThatVscodeignoreKeepsOutAreNotReported()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"ext\", \"publisher\": \"me\", \"version\": \"1.0.0\", \"engines\": {\"vscode\": \"^1.90.0\"}, \"scripts\": {\"vscode:prepublish\": \"tsc -p ./\"}}");
        dir.Write(".vscodeignore", "src/**\n**/*.map\n");
        dir.Write("tsconfig.json", "{\"compilerOptions\": {\"outDir\": \"out\", \"sourceMap\": true}}");
        Assert.DoesNotContain(Analyze(dir.Path), f => f.RuleId.StartsWith("build/tsc", StringComparison.Ordinal));
        dir.Write(".vscodeignore", "src/**\n");
        Assert.Equal(Severity.Warning, Assert.Single(Analyze(dir.Path), f => f.RuleId == "build/tsc-source-map").Severity);
    }

    [Theory]
    [InlineData("\"build\": \"ng build\"")]                                  // Angular compiles TypeScript itself
    [InlineData("\"build\": \"tsc --noEmit && vite build\"")]                 // tsc only type-checks
    [InlineData("\"build\": \"tsc -p other/tsconfig.json\"")]                 // another config is compiled
    public void ConfigsThatNoScriptCompilesAreNotReported(string scripts)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"scripts\": {" + scripts + "}}");
        dir.Write("tsconfig.json", Tsconfig);
        Assert.DoesNotContain(Analyze(dir.Path), f => f.RuleId.StartsWith("build/tsc", StringComparison.Ordinal));
    }

    [Fact]
    public void ATemplateInsideAPublishedPackageIsNotCompiledByIt()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"scaffold\", \"version\": \"2.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
        dir.Write("tsconfig.json", "{\"compilerOptions\": {\"outDir\": \"lib\"}}");
        dir.Write("templates/app/tsconfig.json", "{\"compilerOptions\": {\"inlineSourceMap\": true, \"inlineSources\": true}}");
        Assert.Empty(Analyze(dir.Path));
    }

    [Theory]
    [InlineData("%name%")]
    [InlineData("{{projectName}}")]
    public void ATemplateProjectsOwnBuildScriptDoesNotRunHere(string name)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"cli\", \"version\": \"2.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
        dir.Write("tsconfig.json", "{\"compilerOptions\": {\"outDir\": \"lib\"}}");
        dir.Write("lib/templates/app/package.json", "{\"name\": \"" + name + "\", \"version\": \"0.1.0\", \"scripts\": {\"build\": \"tsc\"}}");
        dir.Write("lib/templates/app/tsconfig.json", "{\"compilerOptions\": {\"inlineSourceMap\": true, \"inlineSources\": true}}");
        Assert.Empty(Analyze(dir.Path));
    }

    [Fact]
    public void AnExampleInsideAPublishedPackageIsPartOfItAndItsScriptsDoNotRun()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"cli\", \"version\": \"2.0.0\"}");
        dir.Write("examples/demo/package.json", "{\"name\": \"demo\", \"version\": \"0.1.0\", \"scripts\": {\"build\": \"tsc\"}}");
        dir.Write("examples/demo/tsconfig.json", "{\"compilerOptions\": {\"sourceMap\": true, \"inlineSources\": true}}");
        Assert.Empty(Analyze(dir.Path));
    }

    [Fact]
    public void NoEmitInheritedThroughExtendsMeansNoMaps()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}");
        dir.Write("configs/strict.json", "{\"compilerOptions\": {\"noEmit\": true}}");
        dir.Write("tsconfig.json", "{\"extends\": \"./configs/strict.json\", \"compilerOptions\": {\"outDir\": \"dist\", \"sourceMap\": true}}");
        Assert.Empty(Analyze(dir.Path));
        dir.Write("configs/strict.json", "{\"compilerOptions\": {\"noEmit\": false}}");
        Assert.Single(Analyze(dir.Path));
    }

    [Fact]
    public void MapsOfAnOpenSourcePackageAreInformation()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"license\": \"MIT\", \"repository\": \"github:acme/lib\", \"scripts\": {\"build\": \"tsc\"}}");
        dir.Write("tsconfig.json", Tsconfig);
        var map = Analyze(dir.Path).Single(f => f.RuleId == "build/tsc-source-map");
        Assert.Equal(Severity.Information, map.Severity);
        Assert.Contains("Open source", map.Message);
        dir.Write(".hygienelsp.json", "{\"openSource\": \"strict\"}");
        Assert.Equal(Severity.Error, Analyze(dir.Path).Single(f => f.RuleId == "build/tsc-source-map").Severity);
    }
}
