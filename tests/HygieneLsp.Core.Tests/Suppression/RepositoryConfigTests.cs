using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Suppression;

/// <summary>
/// The repository's own .hygienelsp.json (dogfood: CI runs `hygiene-lsp check .` on the repository): it reads cleanly,
/// drops findings in the deliberate test material only, and every path it names still exists (a moved fixture folder
/// would otherwise leave a stale entry behind, and its leaks would fail CI for the wrong reason).
/// </summary>
public class RepositoryConfigTests
{
    private static readonly string Root = Paths.Normalize(RepoPaths.Root);
    private static readonly SuppressionConfig Config = SuppressionConfig.Load(FileView.Disk, Root);

    [Fact]
    public void ItReadsCleanly()
    {
        Assert.True(Config.Exists);
        Assert.Empty(Config.Problems);
        Assert.Empty(Config.Rules); // no rule is turned down for the repository: only paths are set aside
    }

    [Theory]
    [InlineData("tests/fixtures/leaked-cli/cli.js.map")]
    [InlineData("tests/HygieneLsp.Fuzz/Seeds/webpack-app/.github/workflows/publish.yml")]
    [InlineData("tests/real-world/problems.md")]
    public void TestMaterialIsIgnored(string relative) => Assert.True(Config.IsIgnoredPath(Paths.Combine(Root, relative)));

    [Theory]
    [InlineData("package.json")]
    [InlineData("out/extension.js")]
    [InlineData("server/HygieneLsp.Server/HygieneLsp.Server.csproj")]
    [InlineData("tests/HygieneLsp.Core.Tests/Secrets/RedactionCanaryTests.cs")]
    [InlineData(".github/workflows/ci.yml")]
    public void WhatShipsOrRunsIsNot(string relative) => Assert.False(Config.IsIgnoredPath(Paths.Combine(Root, relative)));

    [Fact]
    public void EveryIgnoredPathExists()
    {
        var listed = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, SuppressionConfig.FileName)))["ignorePaths"]!
            .Values<string>().ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, p => Assert.True(Directory.Exists(Path.Combine(RepoPaths.Root, p!.TrimStart('/'))), p + " does not exist"));
    }
}
