using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Units;
using HygieneLsp.Core.Rules.Vsix;
using HygieneLsp.Core.Tests.Packaging.Vsix;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Vsix;

/// <summary>
/// The .env and conflict findings on real-looking trees, each fix applied on disk and checked with the real vsce:
/// its listing after the fix is a subset of the listing before minus the .env files, `vsce package` agrees with the
/// verdicts ("will refuse" / "would ship"), and the edited file keeps every other byte.
/// </summary>
public sealed class VsixEnvFileAnalyzerTests
{
    private const string Manifest = "{\n  \"name\": \"demo\",\n  \"publisher\": \"hygiene\",\n  \"version\": \"1.0.0\",\n  \"repository\": \"https://example.com/r\",\n" +
                                    "  \"engines\": { \"vscode\": \"^1.80.0\" }FILES\n}\n";

    private static TempDir Tree(string? files, params (string Path, string Text)[] entries)
    {
        var dir = new TempDir("hygiene-vsix-rule");
        dir.Write("package.json", Manifest.Replace("FILES", files is null ? "" : ",\n  \"files\": " + files));
        dir.Write("README.md", "# demo\n");
        dir.Write("LICENSE", "MIT\n");
        dir.Write("out/extension.js", "exports.activate = () => {};\n");
        foreach (var (p, t) in entries) dir.Write(p, t);
        return dir;
    }

    internal static IReadOnlyList<Finding> Analyze(string root)
    {
        var engine = new Engine([new EnvFileShippedRule(), new VsixConflictAnalyzer()]);
        return engine.Analyze(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default);
    }

    private static HashSet<string> VsceList(string root)
    {
        var listing = VsceOracle.List([(root, true)], Path.GetTempPath())[0];
        return listing.Files ?? throw new InvalidOperationException("vsce refused: " + listing.Error);
    }

    private static ProcessResult VscePackage(string root) => VsceOracle.Package(root);

    private static void Apply(Fix fix)
    {
        foreach (var e in fix.Edits)
            File.WriteAllText(e.Path, TextEdits.Apply(e.CreateFile ? "" : File.ReadAllText(e.Path), e.Edits));
    }

    private static string Squiggled(Finding f)
    {
        var text = File.ReadAllText(f.Location.Path);
        var lines = new LineIndex(text);
        return text[lines.GetOffset(f.Location.Range.Start)..lines.GetOffset(f.Location.Range.End)];
    }

    private static void AssertFixShrinks(string root, Fix fix, params string[] gone)
    {
        var before = VsceList(root);
        Apply(fix);
        var after = VsceList(root);
        Assert.Subset(before, after);
        foreach (var g in gone)
        {
            Assert.Contains(g, before);
            Assert.DoesNotContain(g, after);
        }
        Assert.Equal(before.Except(gone).Where(p => !p.EndsWith(".vscodeignore", StringComparison.Ordinal)).Order(), after.Order());
    }

    [Fact]
    public void DotEnvNotExcludedByVscodeignore_SquiggleOnLastLineWhereTheFixAppends_VsceRefusesBeforeAndPacksAfter()
    {
        const string ignore = "# sources\nsrc/**"; // no final newline: the fix must add one before its lines
        using var dir = Tree(null, (".vscodeignore", ignore), (".env", "TOKEN=1\n"), ("src/a.ts", "x\n"));
        var f = Assert.Single(Analyze(dir.Path));
        Assert.Equal("vsix/env-file-shipped", f.RuleId);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("src/**", Squiggled(f)); // not the comment on line 1: the fix appends after this line
        Assert.Contains("vsce will refuse to package", f.Message);
        var package = VscePackage(dir.Path);
        Assert.NotEqual(0, package.ExitCode);
        Assert.Contains(".env", package.Stdout + package.Stderr);

        AssertFixShrinks(dir.Path, Assert.Single(f.Repairs()), ".env");
        var text = dir.Read(".vscodeignore");
        Assert.StartsWith(ignore, text);
        Assert.Equal(ignore + "\n**/.env\n", text);
        Assert.Empty(Analyze(dir.Path));
        Assert.Equal(0, VscePackage(dir.Path).ExitCode);
    }

    [Fact]
    public void EnvProductionReIncludedByNegation_SquiggleOnTheNegation_FixDeletesItAndKeepsCrlfBytes()
    {
        const string ignore = "config/**\r\n!config/**\r\n# keep\r\nsrc/**\r\n";
        using var dir = Tree(null, (".vscodeignore", ignore), ("config/.env.production", "A=1\n"), ("config/settings.json", "{}\n"));
        var f = Assert.Single(Analyze(dir.Path));
        Assert.Equal("!config/**", Squiggled(f));
        Assert.Contains("would ship", f.Message);
        Assert.Equal(0, VscePackage(dir.Path).ExitCode); // vsce does not refuse .env.production: it ships

        var fix = Assert.Single(f.Repairs());
        Assert.Contains("delete .vscodeignore line 2", fix.Title);
        var before = VsceList(dir.Path);
        Apply(fix);
        var after = VsceList(dir.Path);
        Assert.Subset(before, after);
        Assert.DoesNotContain("config/.env.production", after);
        Assert.Equal("config/**\r\n# keep\r\nsrc/**\r\n**/.env.*\r\n", dir.Read(".vscodeignore"));
    }

    [Fact]
    public void NoIgnoreSource_SquiggleOnName_FixCreatesVscodeignore()
    {
        using var dir = Tree(null, (".env.local", "A=1\n"), ("lib/.env", "B=2\n"), ("node_modules/x/y.js", "1\n"));
        var f = Assert.Single(Analyze(dir.Path));
        Assert.Equal("\"demo\"", Squiggled(f));
        Assert.Contains("refuse to package because of lib/.env", f.Message);
        var fix = Assert.Single(f.Repairs());
        Assert.True(fix.Edits[0].CreateFile);
        AssertFixShrinks(dir.Path, fix, ".env.local", "lib/.env");
        Assert.Equal("**/.env\n**/.env.*\n", dir.Read(".vscodeignore"));
    }

    [Fact]
    public void FilesEntryPullsEnvIn_SquiggleOnEntry_FixRemovesOnlyThatEntry()
    {
        using var dir = Tree("[\n    \"out\",\n    \"config\",\n    \"media\"\n  ]",
            ("config/.env.staging", "A=1\n"), ("media/icon.png", "png"));
        var f = Assert.Single(Analyze(dir.Path));
        Assert.Equal("\"config\"", Squiggled(f));
        var fix = Assert.Single(f.Repairs());
        Assert.Equal("Remove \"config\" from \"files\" in package.json", fix.Title);
        var original = dir.Read("package.json");
        AssertFixShrinks(dir.Path, fix, "config/.env.staging");
        Assert.Equal(original.Replace("\"config\",\n    ", ""), dir.Read("package.json"));
    }

    [Fact]
    public void EnvInsideAProductionDependencyShipsWithoutVsceNoticing()
    {
        using var dir = Tree(null, (".vscodeignore", "src/**\n"),
            ("node_modules/dep/package.json", "{\"name\":\"dep\",\"version\":\"1.0.0\"}"), ("node_modules/dep/.env", "A=1\n"));
        dir.Write("package.json", dir.Read("package.json").Replace("\"engines\"", "\"dependencies\": { \"dep\": \"*\" },\n  \"engines\""));
        var f = Assert.Single(Analyze(dir.Path));
        Assert.Contains("node_modules/dep/.env", f.Message);
        Assert.Contains("would ship", f.Message);
        var vsce = VsceOracle.List([(dir.Path, false)], Path.GetTempPath())[0];
        Assert.True(vsce.Files is not null, "vsce refused: " + vsce.Error);
        var listed = vsce.Files!;
        Assert.Contains("node_modules/dep/.env", listed);
    }

    [Fact]
    public void VscodeignoreBesideFiles_ConflictOnFilesKey_FixRemovesFilesAndVscePacks()
    {
        using var dir = Tree("[\"out\"]", (".vscodeignore", "src/**\n"));
        var f = Assert.Single(Analyze(dir.Path));
        Assert.Equal("vsix/ignore-and-files-conflict", f.RuleId);
        Assert.Equal("\"files\"", Squiggled(f));
        var package = VscePackage(dir.Path);
        Assert.NotEqual(0, package.ExitCode);
        Assert.Contains("Both a .vscodeignore", package.Stdout + package.Stderr);
        var before = VsceList(dir.Path);
        var original = dir.Read("package.json");
        Apply(Assert.Single(f.Repairs()));
        Assert.Equal(before.Order(), VsceList(dir.Path).Order());
        Assert.Equal(original.Replace(",\n  \"files\": [\"out\"]", ""), dir.Read("package.json"));
        Assert.Equal(0, VscePackage(dir.Path).ExitCode);
    }
}
