using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Packaging.Npm;

/// <summary>Malformed, binary, huge and looping inputs: a clear result, no crash, no false finding.</summary>
public sealed class NpmBadInputTests
{
    private static (AnalysisContext Context, IReadOnlyList<NpmPackage> Packages) Load(string root)
    {
        var files = FileView.Disk;
        var context = new AnalysisContext(files, WorkspaceIndex.Build(files, root), EngineSettings.Default, new AnalysisCache());
        return (context, NpmPackageDiscovery.Discover(context));
    }

    [Fact]
    public void InvalidPackageJsonIsReportedAsAnErrorAndYieldsNoFinding()
    {
        using var t = new TempDir();
        t.Write("package.json", "{ \"name\": \"x\", \"files\": [\"dist\", }");
        t.Write(".env", "A=1");
        var (context, packages) = Load(Paths.Normalize(t.Path));
        Assert.NotNull(Assert.Single(packages).Manifest.Error);
        Assert.Empty(new EnvFileShippedRule().Analyze(context, CancellationToken.None));
    }

    [Fact]
    public void BinaryHugeAndDirectoryIgnoreFilesDoNotCrash()
    {
        using var t = new TempDir();
        var root = Paths.Normalize(t.Path);
        t.Write("package.json", "{ \"name\": \"x\", \"version\": \"1.0.0\" }");
        File.WriteAllBytes(Path.Combine(t.Path, ".npmignore"), Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 10 }).ToArray());
        t.Write("lib/.gitignore", new string('*', 100_000) + "a\n{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}{u,v}{w,x}\n+(a|+(b|+(c|+(d))))\n[[:alpha:]-z]\n");
        Directory.CreateDirectory(Path.Combine(t.Path, "docs", ".npmignore"));
        t.Write("docs/a.md", "x");
        t.Write("lib/a.js", "x");
        var (context, packages) = Load(root);
        var set = NpmShipSets.For(context, packages.Single(), packages);
        Assert.Contains("lib/a.js", set.Files.Select(f => f.Path));
        Assert.Contains(set.Errors, e => e.Contains("docs/.npmignore"));
    }

    [Fact]
    public void SymlinkLoopsAreNotFollowed()
    {
        using var t = new TempDir();
        var root = Paths.Normalize(t.Path);
        t.Write("package.json", "{ \"name\": \"x\", \"version\": \"1.0.0\" }");
        t.Write("a/b.js", "x");
        File.CreateSymbolicLink(Path.Combine(t.Path, "a", "loop"), "..");
        var (context, packages) = Load(root);
        var set = NpmShipSets.For(context, packages.Single(), packages);
        Assert.Equal(["a/b.js", "package.json"], set.Files.Select(f => f.Path));
        Assert.Contains(set.Excluded, e => e.Path == "a/loop");
    }
}
