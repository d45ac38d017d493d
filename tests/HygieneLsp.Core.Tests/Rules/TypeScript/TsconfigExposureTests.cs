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
        dir.Write("package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"dist\"]}");
        dir.Write("tsconfig.json", Tsconfig);
        var findings = Analyze(dir.Path);
        var map = findings.Single(f => f.RuleId == "build/tsc-source-map");
        Assert.Equal(Severity.Error, map.Severity);
        Assert.Contains("npm 'lib' would publish them", map.Message);
        Assert.Contains(map.Related, r => r.Location.Path.EndsWith("package.json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"lib\"]}")]
    [InlineData("{\"name\": \"lib\", \"private\": true}")]
    public void MapsThatDoNotShipStayWarnings(string packageJson)
    {
        using var dir = new TempDir();
        dir.Write("package.json", packageJson);
        dir.Write("tsconfig.json", Tsconfig);
        var map = Analyze(dir.Path).Single(f => f.RuleId == "build/tsc-source-map");
        Assert.Equal(Severity.Warning, map.Severity);
        Assert.DoesNotContain("would publish", map.Message);
    }
}
