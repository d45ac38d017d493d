using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Tests.Packaging.Npm;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Units;

/// <summary>
/// The rules written once over units, on every unit kind: AI agent files in an npm package and a .vsix, maps and .env
/// files in a .NET publish output (vendored wwwroot/lib maps left alone), and predicted build outputs joined to the
/// unit that would ship them.
/// </summary>
public sealed class UnitRulesTests
{
    private static AnalysisContext Context(string root) =>
        new(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache());

    private static List<Finding> Run(IAnalyzer rule, string root) => rule.Analyze(Context(root), CancellationToken.None).ToList();

    private static void Apply(Fix fix)
    {
        foreach (var edit in fix.Edits)
        {
            var old = edit.CreateFile ? "" : File.ReadAllText(edit.Path);
            File.WriteAllText(edit.Path, TextEdits.Apply(old, edit.Edits));
        }
    }

    [Theory]
    [InlineData(".claude/settings.local.json", AgentFiles.Kind.Local)]
    [InlineData("CLAUDE.local.md", AgentFiles.Kind.Local)]
    [InlineData("tools/.aider.chat.history.md", AgentFiles.Kind.Local)]
    [InlineData(".aider.input.history", AgentFiles.Kind.Local)]
    [InlineData(".claude/settings.json", AgentFiles.Kind.Config)]
    [InlineData(".claude/commands/release.md", AgentFiles.Kind.Config)]
    [InlineData("docs/.cursor/rules/style.mdc", AgentFiles.Kind.Config)]
    [InlineData(".aider.conf.yml", AgentFiles.Kind.Config)]
    [InlineData("CLAUDE.md", AgentFiles.Kind.None)]
    [InlineData("AGENTS.md", AgentFiles.Kind.None)]
    [InlineData("src/claude/client.ts", AgentFiles.Kind.None)]
    [InlineData("dist/settings.local.json", AgentFiles.Kind.None)]
    public void AgentFilesAreClassifiedByTheAgentsOwnConventions(string path, AgentFiles.Kind expected) =>
        Assert.Equal(expected, AgentFiles.Classify(path));

    [Fact]
    public void NpmPackageShippingClaudeLocalSettings_WarnsOnTheName_FixVerifiedByNpmPack()
    {
        using var t = new TempDir();
        t.Write("package.json", "{\n  \"name\": \"@acme/tool\",\n  \"version\": \"1.2.0\"\n}\n");
        t.Write("index.js", "module.exports = 1;\n");
        t.Write(".claude/settings.local.json", "{ \"permissions\": { \"allow\": [\"Bash(npm publish:*)\"] } }\n");
        t.Write(".claude/commands/release.md", "Release the package.\n");
        t.Write("CLAUDE.md", "Project notes.\n");
        var finding = Assert.Single(Run(new AgentFileShippedRule(), t.Path));
        Assert.Equal("npm/agent-file-shipped", finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(".claude/settings.local.json", finding.Message);
        Assert.Equal(Path.Combine(t.Path, "package.json").Replace('\\', '/'), finding.Location.Path);
        Assert.Equal(2, finding.Related.Count);

        var before = NpmPackOracle.Pack([t.Path])[0]!;
        Assert.Contains(".claude/settings.local.json", before);
        Apply(finding.Fixes.First(f => f.Kind == FixKind.Repair));
        var after = NpmPackOracle.Pack([t.Path])[0]!;
        Assert.Equal(before.Where(p => !p.StartsWith(".claude/", StringComparison.Ordinal) && p != ".npmignore").Order(),
            after.Where(p => p != ".npmignore").Order());
        Assert.Contains("CLAUDE.md", after); // instructions meant to be public stay
        Assert.Empty(Run(new AgentFileShippedRule(), t.Path));
    }

    [Fact]
    public void SharedAgentConfigIsInformation_AndPrivatePackagesAreNotReported()
    {
        using var t = new TempDir();
        t.Write("lib/package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\" }\n");
        t.Write("lib/.cursor/rules/style.mdc", "Use tabs.\n");
        t.Write("app/package.json", "{ \"name\": \"app\", \"version\": \"1.0.0\", \"private\": true }\n");
        t.Write("app/.claude/settings.local.json", "{}\n");
        var finding = Assert.Single(Run(new AgentFileShippedRule(), t.Path));
        Assert.Equal(Severity.Information, finding.Severity);
        Assert.Equal("lib", finding.Package);
    }

    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";
    private const string OwnMap = "{\"version\":3,\"file\":\"app.js\",\"sources\":[\"../../Scripts/app.ts\"],\"sourcesContent\":[\"export const secretSauce = 42;\\n\"],\"mappings\":\"AAAA\"}";

    [Fact]
    public void WebProjectPublishingItsOwnMap_IsADotnetError_WithAVerifiedFix_VendoredLibrariesAreNot()
    {
        using var t = new TempDir();
        t.Write("Web/Web.csproj", WebProject);
        t.Write("Web/wwwroot/js/app.js", "console.log(1);\n//# sourceMappingURL=app.js.map\n");
        t.Write("Web/wwwroot/js/app.js.map", OwnMap);
        t.Write("Web/Scripts/app.ts", "export const secretSauce = 42;\n"); // the map's own source is here: built in this workspace
        t.Write("Web/wwwroot/lib/bootstrap/dist/css/bootstrap.css.map",
            "{\"version\":3,\"sources\":[\"../../scss/bootstrap.scss\"],\"sourcesContent\":[\"// bootstrap\\n\"],\"mappings\":\"AAAA\"}");
        // The Blazor template's copy of bootstrap: its scss sources are nowhere in the workspace, so it was built elsewhere.
        t.Write("Web/wwwroot/css/bootstrap/bootstrap.min.css.map",
            "{\"version\":3,\"sources\":[\"../../scss/_root.scss\"],\"sourcesContent\":[\":root{}\\n\"],\"mappings\":\"AAAA\"}");
        var finding = Assert.Single(Run(new SourceMapShippedRule(), t.Path));
        Assert.Equal("dotnet/source-map-shipped", finding.RuleId);
        Assert.Single(finding.Related);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("the publish output of Web", finding.Message);
        Assert.DoesNotContain(finding.Related, r => r.Location.Path.Contains("bootstrap", StringComparison.Ordinal));

        var fix = Assert.Single(finding.Fixes, f => f.Kind == FixKind.Repair);
        Apply(fix);
        var project = t.Read("Web/Web.csproj");
        Assert.StartsWith(WebProject[..WebProject.IndexOf("</Project>", StringComparison.Ordinal)], project);
        Assert.Contains("CopyToPublishDirectory=\"Never\"", project);
        Assert.Empty(Run(new SourceMapShippedRule(), t.Path));
    }

    [Fact]
    public void EnvFileCopiedToThePublishOutput_IsReportedOnTheItemThatCopiesIt()
    {
        using var t = new TempDir();
        t.Write("Svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n" +
                                  "  <ItemGroup>\n    <None Update=\".env\" CopyToOutputDirectory=\"PreserveNewest\" />\n  </ItemGroup>\n</Project>\n");
        t.Write("Svc/Program.cs", "System.Console.WriteLine();\n");
        t.Write("Svc/.env", "API_URL=https://example.org\n");
        var finding = Assert.Single(Run(new EnvFileShippedRule(), t.Path));
        Assert.Equal("dotnet/env-file-shipped", finding.RuleId);
        Assert.EndsWith("Svc.csproj", finding.Location.Path);
        Assert.Equal(6, finding.Location.Range.Start.Line); // the <None Update=".env"> element
        Assert.Contains("dotnet publish copies it", finding.Related[0].Message);
    }

    [Fact]
    public void PredictedMapsJoinTheUnitThatWouldShipThem_WithTheConfigLine()
    {
        using var t = new TempDir();
        // Its entry point makes it a package (a webpack build with nothing to load would be an app, not published).
        t.Write("package.json", "{ \"name\": \"cli\", \"version\": \"1.0.0\", \"bin\": \"dist/cli.js\", \"scripts\": { \"build\": \"webpack\" } }\n");
        t.Write("webpack.config.js", "module.exports = {\n  mode: 'production',\n  entry: './src/cli.js',\n  output: { filename: 'cli.js' },\n  devtool: 'source-map',\n};\n");
        t.Write("src/cli.js", "console.log(1);\n");
        var context = Context(t.Path);
        var plain = Assert.Single(ShipUnits.For(context), u => u.Kind == ShipUnitKind.Npm);
        Assert.DoesNotContain(plain.Files, f => f.IsPredicted);
        var unit = Assert.Single(ShipUnits.For(context, includePredicted: true), u => u.Kind == ShipUnitKind.Npm);
        var map = Assert.Single(unit.Files, f => f.IsPredicted);
        Assert.Equal("dist/cli.js.map", map.Path);
        Assert.EndsWith("webpack.config.js", map.PredictedBy!.Path);
        Assert.Equal(4, map.PredictedBy.Range.Start.Line);
        Assert.StartsWith("predicted: the webpack production build writes it", map.Reason);
    }
}
