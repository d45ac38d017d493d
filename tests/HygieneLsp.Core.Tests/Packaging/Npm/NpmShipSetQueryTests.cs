using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>Reasons, hypothetical paths, editor buffers, exposure and listings on small packages.</summary>
public sealed class NpmShipSetQueryTests
{
    private static AnalysisContext Context(string root, IFileView? files = null)
    {
        files ??= FileView.Disk;
        return new AnalysisContext(files, WorkspaceIndex.Build(files, root), EngineSettings.Default, new AnalysisCache());
    }

    private static NpmShipSet ShipSet(AnalysisContext context)
    {
        var packages = NpmPackageDiscovery.Discover(context);
        return NpmShipSets.For(context, packages.Single(p => p.Root == context.Root), packages);
    }

    [Fact]
    public void APredictedMapUnderAFilesFolderShipsBecauseOfThatEntry()
    {
        using var t = new TempDir();
        t.Write("package.json", "{\n  \"name\": \"cli\",\n  \"version\": \"1.0.0\",\n  \"files\": [\"dist\"]\n}");
        t.Write("src/cli.ts", "x");
        var set = ShipSet(Context(Paths.Normalize(t.Path)));
        var reason = set.WouldShip("dist/cli.js.map");
        Assert.True(reason.Included);
        Assert.Equal(NpmRuleKind.FilesEntry, reason.Rule!.Kind);
        Assert.Equal("matched files entry \"dist\"", reason.Text);
        Assert.Equal(3, reason.Location!.Range.Start.Line);
        Assert.False(set.WouldShip("src/cli.js.map").Included);
        Assert.Equal("excluded by no files entry matches it", set.WouldShip("src/cli.js.map").Text);
    }

    [Fact]
    public void AnUnsavedNpmignoreBufferWinsOverDisk()
    {
        using var t = new TempDir();
        var root = Paths.Normalize(t.Path);
        t.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\" }");
        t.Write(".npmignore", "");
        t.Write("dist/a.js.map", "{}");
        Assert.True(ShipSet(Context(root)).Contains("dist/a.js.map"));
        var view = FileView.Disk.WithOverlay(root + "/.npmignore", new BufferOverlay("# maps\n*.map\n", 2));
        var set = ShipSet(Context(root, view));
        Assert.False(set.Contains("dist/a.js.map"));
        var reason = set.WouldShip("dist/a.js.map");
        Assert.Equal(".npmignore line 2 \"*.map\"", reason.Rule!.Describe());
        Assert.Contains(set.Excluded, e => e.Path == "dist/a.js.map" && !e.Reason.Included);
    }

    [Fact]
    public void ExposureAndListingCoverPublishableAndPrivatePackages()
    {
        using var t = new TempDir();
        var root = Paths.Normalize(t.Path);
        t.Write("package.json", "{ \"name\": \"mono\", \"version\": \"0.0.0\", \"private\": true, \"workspaces\": [\"packages/*\"] }");
        t.Write("packages/a/package.json", "{ \"name\": \"@acme/a\", \"version\": \"2.0.0\" }");
        t.Write("packages/a/index.js", "12345");
        t.Write(".npmignore", "*.map\n");
        var context = Context(root);
        var exposure = new NpmShipExposure();
        var hit = Assert.Single(exposure.WhoShips(context, root + "/packages/a/dist/x.js"));
        Assert.Equal("@acme/a", hit.UnitName);
        Assert.Empty(exposure.WhoShips(context, root + "/packages/a/dist/x.js.map")); // the root .npmignore applies to members
        Assert.Empty(exposure.WhoShips(context, root + "/tools/x.js")); // private root
        var listing = NpmPackageListings.For(context);
        Assert.Equal(["mono", "@acme/a"], listing.Select(l => l.Name));
        Assert.True(listing[0].IsPrivate);
        var a = listing[1];
        Assert.Equal("2.0.0", a.Version);
        Assert.Equal(root, a.WorkspaceRoot);
        Assert.Equal(["index.js", "package.json"], a.Files.Select(f => f.Path));
        Assert.Equal(5, a.Files[0].Size);
        Assert.Equal(a.Files.Sum(f => f.Size), a.TotalSize);
    }

    [Fact]
    public void ShipSetsAreCachedUntilAnIgnoreFileOrTheFileSetChanges()
    {
        using var t = new TempDir();
        var root = Paths.Normalize(t.Path);
        t.Write("package.json", "{ \"name\": \"c\", \"version\": \"1.0.0\" }");
        t.Write(".npmignore", "");
        t.Write("a.js", "x");
        var cache = new AnalysisCache();
        AnalysisContext Ctx(IFileView f) => new(f, WorkspaceIndex.Build(f, root), EngineSettings.Default, cache);
        NpmShipSet Set(AnalysisContext c) => NpmShipSets.For(c, NpmPackageDiscovery.Discover(c).Single(), NpmPackageDiscovery.Discover(c));
        var first = Set(Ctx(FileView.Disk));
        Assert.Same(first, Set(Ctx(FileView.Disk)));
        var edited = FileView.Disk.WithOverlay(root + "/.npmignore", new BufferOverlay("a.js", 1));
        var second = Set(Ctx(edited));
        Assert.NotSame(first, second);
        Assert.False(second.Contains("a.js"));
        t.Write("b.js", "x");
        var third = Set(Ctx(FileView.Disk));
        Assert.True(third.Contains("b.js"));
    }
}
