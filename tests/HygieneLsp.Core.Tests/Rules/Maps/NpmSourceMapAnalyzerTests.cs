using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Maps;

/// <summary>npm/source-map-shipped on the shapes real published packages have: stubs, private roots, open-source licenses, vendored code.</summary>
public class NpmSourceMapAnalyzerTests
{
    private static IReadOnlyList<Finding> Analyze(string root)
    {
        var engine = new Engine([new SourceMapShippedRule()]);
        return engine.Analyze(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default)
            .Where(f => f.RuleId == "npm/source-map-shipped").ToList();
    }

    private static string Map(params (string Path, string? Content)[] sources) =>
        "{\"version\":3,\"sources\":[" + string.Join(",", sources.Select(s => "\"" + s.Path + "\"")) + "],\"sourcesContent\":[" +
        string.Join(",", sources.Select(s => s.Content is null ? "null" : "\"" + s.Content + "\"")) + "],\"mappings\":\"AAAA\"}";

    private const string Closed = "{\"name\": \"@acme/cli\", \"version\": \"1.0.0\", \"license\": \"UNLICENSED\"}";

    [Fact]
    public void NestedManifestsWithoutNameAndVersionAreNotPackages()
    {
        using var dir = new TempDir();
        dir.Write("package.json", Closed);
        dir.Write("dist/esm/package.json", "{\"type\": \"module\"}");
        dir.Write("dist/esm/index.js.map", Map(("../../src/index.ts", "export const a = 1;")));
        dir.Write("auth/package.json", "{\"name\": \"@acme/cli/auth\", \"main\": \"../dist/auth.js\"}");
        dir.Write("auth/auth.js.map", Map(("../src/auth.ts", "export const b = 2;")));
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.Equal("@acme/cli", finding.Package);
        Assert.Equal(2, finding.Related.Count);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void ACopyOfTheManifestInsideThePackageIsPartOfIt()
    {
        using var dir = new TempDir();
        dir.Write("package.json", Closed);
        foreach (var flavour in new[] { "esm", "commonjs", "browser" })
        {
            dir.Write($"dist/{flavour}/package.json", "{\"name\": \"@acme/cli\", \"version\": \"1.0.0\", \"type\": \"module\"}");
            dir.Write($"dist/{flavour}/index.js.map", Map(("../../src/index.ts", "export const a = 1;")));
        }
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.EndsWith("/package.json", finding.Location.Path);
        Assert.DoesNotContain("/dist/", finding.Location.Path);
        Assert.Equal(3, finding.Related.Count);
    }

    [Fact]
    public void WorkspaceMembersStayPackagesOfTheirOwn()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"root\", \"version\": \"1.0.0\", \"license\": \"UNLICENSED\", \"workspaces\": [\"packages/*\"], \"files\": [\"index.js\"]}");
        dir.Write("index.js", "");
        dir.Write("packages/a/package.json", "{\"name\": \"a\", \"version\": \"1.0.0\"}");
        dir.Write("packages/a/a.js.map", Map(("src/a.ts", "a")));
        Assert.Equal("a", Assert.Single(Analyze(dir.Path)).Package);
    }

    [Theory]
    [InlineData("{\"name\": \"app\", \"version\": \"1.0.0\", \"private\": true}")]
    [InlineData("{\"name\": \"app\"}")]
    [InlineData("{\"version\": \"1.0.0\"}")]
    public void WhatNpmCannotPublishIsNotReported(string manifest)
    {
        using var dir = new TempDir();
        dir.Write("package.json", manifest);
        dir.Write("dist/app.js.map", Map(("../src/app.ts", "secret sauce")));
        Assert.Empty(Analyze(dir.Path));
    }

    [Theory]
    [InlineData("\"license\": \"MIT\", \"repository\": \"github:acme/cli\"", true)]
    [InlineData("\"license\": \"(MIT OR Apache-2.0)\", \"repository\": {\"type\": \"git\", \"url\": \"git+https://github.com/acme/cli.git\"}", true)]
    [InlineData("\"license\": \"ISC\", \"repository\": \"acme/cli\"", true)]
    [InlineData("\"license\": \"MIT\"", false)]                                                              // no repository
    [InlineData("\"license\": \"UNLICENSED\", \"repository\": \"github:acme/cli\"", false)]
    [InlineData("\"license\": \"SEE LICENSE IN LICENSE.md\", \"repository\": \"github:acme/cli\"", false)]
    [InlineData("\"license\": \"MIT\", \"repository\": \"https://git.internal.acme.example/cli.git\"", false)] // private host
    [InlineData("\"repository\": \"github:acme/cli\"", false)]                                              // no license
    public void OpenSourcePackagesGetInformationClosedOnesErrors(string fields, bool open)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"@acme/cli\", \"version\": \"1.0.0\", " + fields + "}");
        dir.Write("cli.js.map", Map(("src/main.ts", "export {}")));
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.Equal(open ? Severity.Information : Severity.Error, finding.Severity);
        Assert.Equal(open, finding.Message.Contains("Open source", StringComparison.Ordinal));
    }

    [Fact]
    public void StrictPolicyTreatsOpenSourceAsClosed()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{\"name\": \"lib\", \"version\": \"1.0.0\", \"license\": \"MIT\", \"repository\": \"github:acme/lib\"}");
        dir.Write("index.js.map", Map(("src/index.ts", "export {}")));
        Assert.Equal(Severity.Information, Assert.Single(Analyze(dir.Path)).Severity);
        dir.Write(".hygienelsp.json", "{ \"openSource\": \"strict\" }");
        Assert.Equal(Severity.Error, Assert.Single(Analyze(dir.Path)).Severity);
    }

    [Fact]
    public void OwnAndVendoredFilesAreCountedApart()
    {
        using var dir = new TempDir();
        dir.Write("package.json", Closed);
        dir.Write("cli.js.map", Map(("../src/a.ts", "a"), ("../src/b.ts", "b"), ("../node_modules/left-pad/index.js", "pad"), ("webpack://cli/webpack/bootstrap", "boot")));
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.Contains("embedding 2 of your files and 2 from node_modules", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void MapsOfOnlyThirdPartyCodeAreWarnings()
    {
        using var dir = new TempDir();
        dir.Write("package.json", Closed);
        dir.Write("vendor.js.map", Map(("../node_modules/react/index.js", "r"), ("../node_modules/.pnpm/x@1/node_modules/x/a.js", "x"), ("../src/shim.ts", null)));
        var finding = Assert.Single(Analyze(dir.Path));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("only third-party code: 2 files from node_modules", finding.Message);
    }
}
