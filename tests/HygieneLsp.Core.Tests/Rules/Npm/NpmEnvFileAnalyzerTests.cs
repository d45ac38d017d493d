using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Tests.Packaging.Npm;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Npm;

/// <summary>
/// npm/env-file-shipped on small real-looking packages: finding placement, and each fix kind applied on disk and
/// checked with the real `npm pack` (the .env files gone, nothing else changed, the rest of the edited file intact).
/// </summary>
public sealed class NpmEnvFileAnalyzerTests
{
    private static List<Finding> Analyze(string root)
    {
        var files = FileView.Disk;
        var index = WorkspaceIndex.Build(files, root);
        var context = new AnalysisContext(files, index, EngineSettings.Default, new AnalysisCache());
        return new EnvFileShippedRule().Analyze(context, CancellationToken.None).ToList();
    }

    private static HashSet<string> NpmPack(string root) => NpmPackOracle.Pack([root])[0] ?? throw new InvalidOperationException("npm refused " + root);

    /// <summary>Applies the fix on disk; returns, per edited file, the text before.</summary>
    private static Dictionary<string, string?> Apply(Fix fix)
    {
        var before = new Dictionary<string, string?>();
        foreach (var edit in fix.Edits)
        {
            var old = edit.CreateFile ? null : File.ReadAllText(edit.Path);
            before[edit.Path] = old;
            File.WriteAllText(edit.Path, TextEdits.Apply(old ?? "", edit.Edits));
        }
        return before;
    }

    /// <summary>Every edit is a pure insertion, so the old text is the new text minus the inserted span.</summary>
    private static void AssertOnlyInserted(Fix fix, Dictionary<string, string?> before)
    {
        foreach (var edit in fix.Edits.Where(e => !e.CreateFile))
        {
            var old = before[edit.Path]!;
            var now = File.ReadAllText(edit.Path);
            var e = Assert.Single(edit.Edits);
            Assert.Equal(e.Range.Start, e.Range.End);
            var at = new LineIndex(old).GetOffset(e.Range.Start);
            Assert.Equal(old, now.Remove(at, e.NewText.Length));
        }
    }

    private static void AssertFixRemovesOnly(string root, Finding finding, params string[] envFiles)
    {
        var packedBefore = NpmPack(root);
        foreach (var f in envFiles) Assert.Contains(f, packedBefore);
        var fix = finding.Fixes[0];
        var before = Apply(fix);
        AssertOnlyInserted(fix, before);
        var packedAfter = NpmPack(root);
        var expected = packedBefore.Where(p => !envFiles.Contains(p) && p != "package.json").ToHashSet();
        Assert.Equal(expected.Order(), packedAfter.Where(p => p != "package.json").Order());
        Assert.Empty(Analyze(root));
    }

    [Fact]
    public void FilesEntryCauseGetsTheSquiggleAndAFilesNegationFix()
    {
        using var t = new TempDir();
        t.Write("package.json", "{\n  \"name\": \"@acme/cli\",\n  \"version\": \"1.0.0\",\n  // npm is strict JSON: no comments here\n  \"files\": [\n    \"dist\",\n    \"README.md\"\n  ]\n}\n".Replace("  // npm is strict JSON: no comments here\n", ""));
        t.Write("dist/index.js", "x");
        t.Write("dist/.env", "A=1");
        t.Write("dist/sub/.env.production", "A=1");
        t.Write(".env", "A=1");
        t.Write("README.md", "r");
        var finding = Assert.Single(Analyze(t.Path));
        Assert.Equal("npm/env-file-shipped", finding.RuleId);
        Assert.Equal(".env and .env.production would ship in @acme/cli (2 files: dist/.env, dist/sub/.env.production).", finding.Message);
        Assert.Equal(Paths.Normalize(t.Path) + "/package.json", finding.Location.Path);
        Assert.Equal(new TextPosition(4, 4), finding.Location.Range.Start); // the "dist" entry
        Assert.Equal(2, finding.Related.Count);
        Assert.Contains("\"!**/.env\"", finding.Fixes[0].Title);
        AssertFixRemovesOnly(t.Path, finding, "dist/.env", "dist/sub/.env.production");
        Assert.Contains("    \"README.md\",\n    \"!**/.env\",\n    \"!**/.env.*\"\n  ]", File.ReadAllText(Path.Combine(t.Path, "package.json")));
    }

    [Fact]
    public void NpmignoreWithoutEnvLineGetsALineAppended()
    {
        using var t = new TempDir();
        t.Write("package.json", "{ \"name\": \"pkg-a\", \"version\": \"1.0.0\" }");
        t.Write(".npmignore", "# build inputs\nsrc\n*.map");
        t.Write(".env", "A=1");
        t.Write(".env.example", "A=");
        t.Write("index.js", "x");
        t.Write("src/a.ts", "x");
        var finding = Assert.Single(Analyze(t.Path));
        Assert.Equal(".env would ship in pkg-a (1 file: .env).", finding.Message);
        Assert.EndsWith("/.npmignore", finding.Location.Path);
        // The last line, after which the fix appends (line 1 is a comment, line 2 an unrelated pattern).
        Assert.Equal(new TextRange(new TextPosition(2, 0), new TextPosition(2, 5)), finding.Location.Range);
        Assert.Contains("\".env\" to .npmignore", finding.Fixes[0].Title);
        AssertFixRemovesOnly(t.Path, finding, ".env");
        Assert.Equal("# build inputs\nsrc\n*.map\n.env\n", File.ReadAllText(Path.Combine(t.Path, ".npmignore")));
    }

    [Fact]
    public void ReincludingLineIsTheCause()
    {
        using var t = new TempDir();
        t.Write("package.json", "{ \"name\": \"pkg-b\", \"version\": \"1.0.0\" }");
        t.Write(".npmignore", ".env*\n!.env.production\n");
        t.Write(".env.production", "A=1");
        t.Write(".env", "A=1");
        var finding = Assert.Single(Analyze(t.Path));
        Assert.Equal(1, finding.Location.Range.Start.Line);
    }

    [Fact]
    public void GitignoreFallbackIsCarriedOverWhenNpmignoreIsCreated()
    {
        using var t = new TempDir();
        t.Write("package.json", "{ \"name\": \"pkg-c\", \"version\": \"1.0.0\" }");
        t.Write(".gitignore", "secret.txt\r\n/coverage\r\n");
        t.Write("secret.txt", "s");
        t.Write("coverage/lcov.info", "c");
        t.Write(".env", "A=1");
        t.Write("lib/.env.local", "A=1");
        t.Write("lib/index.js", "x");
        var finding = Assert.Single(Analyze(t.Path));
        Assert.Equal(t.Path.Replace('\\', '/') + "/package.json", finding.Location.Path);
        var fix = finding.Fixes[0];
        Assert.True(Assert.Single(fix.Edits).CreateFile);
        AssertFixRemovesOnly(t.Path, finding, ".env", "lib/.env.local");
        Assert.Contains("secret.txt\r\n/coverage\r\n.env\r\n.env.*\r\n", File.ReadAllText(Path.Combine(t.Path, ".npmignore")));
    }

    [Fact]
    public void PrivatePackagesAndTemplatesAreNotReported()
    {
        using var t = new TempDir();
        t.Write("package.json", "{ \"name\": \"app\", \"version\": \"1.0.0\", \"private\": true }");
        t.Write(".env", "A=1");
        t.Write("packages/lib/package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\" }");
        t.Write("packages/lib/.env.example", "A=");
        Assert.Empty(Analyze(t.Path));
    }

    [Fact]
    public void AFilesEntryNamingTheFileIsRemovedNotNegated()
    {
        // ".env" named in files is a required file: a negation cannot exclude it (that fix is rejected by the
        // recomputed ship set); removing the entry can.
        using var t = new TempDir();
        t.Write("package.json", "{\n  \"name\": \"pkg-d\",\n  \"version\": \"1.0.0\",\n  \"files\": [\n    \"index.js\",\n    \".env\",\n    \"lib\"\n  ]\n}\n");
        t.Write("index.js", "x");
        t.Write("lib/a.js", "x");
        t.Write(".env", "A=1");
        var finding = Assert.Single(Analyze(t.Path));
        Assert.Equal(5, finding.Location.Range.Start.Line);
        var fix = Assert.Single(finding.Repairs());
        Assert.Contains("remove \".env\" from \"files\"", fix.Title);
        var packedBefore = NpmPack(t.Path);
        Apply(fix);
        Assert.Equal("{\n  \"name\": \"pkg-d\",\n  \"version\": \"1.0.0\",\n  \"files\": [\n    \"index.js\",\n    \"lib\"\n  ]\n}\n",
            File.ReadAllText(Path.Combine(t.Path, "package.json")));
        Assert.Equal(packedBefore.Where(p => p != ".env").Order(), NpmPack(t.Path).Order());
    }

    [Fact]
    public void TheExclusionMachineryAlsoKeepsSourceMapsOut()
    {
        using var t = new TempDir();
        t.Write("package.json", "{\n\t\"name\": \"maps\",\n\t\"version\": \"1.0.0\",\n\t\"files\": [\"dist\"]\n}\n");
        t.Write("dist/cli.js", "x");
        t.Write("dist/cli.js.map", "{}");
        t.Write("dist/sub/a.js.map", "{}");
        var root = Paths.Normalize(t.Path);
        var files = FileView.Disk;
        var context = new AnalysisContext(files, WorkspaceIndex.Build(files, root), EngineSettings.Default, new AnalysisCache());
        var packages = Core.Packaging.Npm.NpmPackageDiscovery.Discover(context);
        var package = Assert.Single(packages);
        var ship = Core.Packaging.Npm.NpmShipSets.For(context, package, packages);
        var maps = ship.Files.Where(f => f.Path.EndsWith(".map")).Select(f => f.Path).ToList();
        Assert.Equal(2, maps.Count);
        var fixes = Core.Fixes.Npm.NpmExclusionFixes.Build(files, package, ship, packages, maps, Core.Fixes.Npm.NpmExclusion.SourceMaps, "Exclude source maps from the package");
        var fix = Assert.Single(fixes);
        Assert.Equal("Exclude source maps from the package: add \"!**/*.map\" to \"files\"", fix.Title);
        var packedBefore = NpmPack(t.Path);
        var before = Apply(fix);
        AssertOnlyInserted(fix, before);
        Assert.Equal(packedBefore.Where(p => !p.EndsWith(".map") && p != "package.json").Order(), NpmPack(t.Path).Where(p => p != "package.json").Order());
        Assert.Equal("{\n\t\"name\": \"maps\",\n\t\"version\": \"1.0.0\",\n\t\"files\": [\"dist\", \"!**/*.map\"]\n}\n", File.ReadAllText(Path.Combine(t.Path, "package.json")));
    }

    [Fact]
    public void VerifiedFixesAreReusedUntilTheShipSetChanges()
    {
        using var t = new TempDir();
        t.Write("package.json", "{ \"name\": \"memo\", \"version\": \"1.0.0\" }\n");
        t.Write("index.js", "x");
        t.Write(".env", "TOKEN=1\n");
        var root = Paths.Normalize(t.Path);
        var files = FileView.Disk;
        var cache = new AnalysisCache();
        IReadOnlyList<Fix> FixesNow()
        {
            var context = new AnalysisContext(files, WorkspaceIndex.Build(files, root), EngineSettings.Default, cache);
            var packages = Core.Packaging.Npm.NpmPackageDiscovery.Discover(context);
            var package = Assert.Single(packages);
            var ship = Core.Packaging.Npm.NpmShipSets.For(context, package, packages);
            return Core.Fixes.Npm.NpmExclusionFixes.Build(files, package, ship, packages, [".env"], Core.Fixes.Npm.NpmExclusion.EnvFiles, "Exclude .env files");
        }
        var first = FixesNow();
        Assert.Contains(first, f => f.Title.Contains("create .npmignore", StringComparison.Ordinal));
        Assert.Same(first, FixesNow()); // nothing changed: no second walk of the package per fix
        t.Write(".npmignore", "*.log\n"); // a new ignore file: a new ship set, and the fix now appends to it
        var after = FixesNow();
        Assert.NotSame(first, after);
        Assert.Contains(after, f => f.Title.Contains("to .npmignore", StringComparison.Ordinal));
    }
}
