using HygieneLsp.Core.Artifacts.SourceMaps;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Artifacts;

/// <summary>The repository's reproduction of the 2026 cli.js.map leak: the map and its link are seen, nothing secret-shaped fires.</summary>
public sealed class LeakedCliFixtureTests
{
    private static string Fixture(string name) => Paths.Normalize(Path.Combine(RepoPaths.Fixtures, "leaked-cli", name));

    [Fact]
    public void BundleLinksItsMapAndTheMapCarriesBothSources()
    {
        var reference = InlineSourceMapFinder.Find(FileView.Disk, Fixture("cli.js"));
        Assert.Equal(SourceMapReferenceKind.Linked, reference.Kind);
        Assert.Equal("cli.js.map", reference.Url);
        var paths = new List<string?>();
        var inspection = SourceMapReader.Inspect(FileView.Disk, Fixture("cli.js.map"), s => paths.Add(s.Path));
        Assert.True(inspection.IsComplete, inspection.Error);
        Assert.Equal(3, inspection.Version);
        Assert.Equal(2, inspection.SourceCount);
        Assert.Equal(2, inspection.SourcesContentCount);
        Assert.Equal(["src/main.ts", "src/agent.ts"], paths);
    }

    [Fact]
    public void NoSecretFindingsInTheFixture()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "leaked-cli"), "*", SearchOption.AllDirectories))
        {
            var r = SecretScanner.Default.ScanFile(FileView.Disk, Paths.Normalize(file));
            Assert.True(r.Matches.Count == 0 && r.Embedded.Count == 0, $"{Path.GetFileName(file)}: {string.Join(", ", r.Matches.Select(m => m.Preview))}");
        }
    }
}
