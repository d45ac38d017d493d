using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Suppression;

public sealed class SuppressionTests
{
    private static Finding At(string path, int line, string rule = "secrets/jwt", string? fingerprint = "0123456789abcdef0123456789abcdef") => new()
    {
        RuleId = rule,
        Severity = Severity.Error,
        Message = "m",
        Location = new SourceLocation(path, new TextRange(new TextPosition(line, 4), new TextPosition(line, 9))),
        Fingerprint = fingerprint,
    };

    /// <summary>The suppression fixes of a finding in the workspace folder <paramref name="root"/>, as the engine offers them.</summary>
    internal static SuppressionFixes FixesIn(string root) =>
        new(new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, Paths.Normalize(root)), EngineSettings.Default, new AnalysisCache()));

    [Theory]
    [InlineData("a.js", "x();\n// hygiene-ignore-next-line secrets/jwt\nconst t = 1;\n", 2, true)]
    [InlineData("a.js", "x();\n// hygiene-ignore-next-line secrets/other\nconst t = 1;\n", 2, false)]
    [InlineData("a.js", "x();\n// hygiene-ignore-next-line secrets/*\nconst t = 1;\n", 2, true)]
    [InlineData("a.js", "x();\n// hygiene-ignore-next-line secrets -- test fixture\nconst t = 1;\n", 2, true)]
    [InlineData("a.js", "x();\n// hygiene-ignore-next-line\nconst t = 1;\n", 2, true)]
    [InlineData("a.js", "// hygiene-ignore-next-line secrets/jwt\nx();\nconst t = 1;\n", 2, false)]
    [InlineData("a.js", "const t = 1; // hygiene-ignore-line\n", 0, true)]
    [InlineData("a.js", "const t = 1; /* hygiene-ignore-line secrets/jwt, npm/x */ f();\n", 0, true)]
    [InlineData("a.js", "const t = 1; /* hygiene-ignore-line npm/x */\n", 0, false)]
    [InlineData(".env", "# hygiene-ignore-next-line secrets/jwt\r\nTOKEN=abc\r\n", 1, true)]
    [InlineData("a.html", "<!-- hygiene-ignore-next-line secrets/jwt -->\n<meta content=x>\n", 1, true)]
    [InlineData("a.js", "const s = 'hygiene-ignore-line'; const t = 1;\n", 0, false)]
    [InlineData("a.js", "x(); // hygiene-ignore-lines\n", 0, false)]
    public void InlineComments(string name, string content, int line, bool suppressed)
    {
        using var dir = new TempDir();
        var path = Paths.Normalize(dir.Write(name, content));
        var kept = Suppressor.Apply([At(path, line)], FileView.Disk, SuppressionConfig.Empty(dir.Path));
        Assert.Equal(suppressed, kept.Count == 0);
    }

    [Fact]
    public void ConfigRulesIgnorePathsAndBaseline()
    {
        using var dir = new TempDir();
        dir.Write(".hygienelsp.json", """
            {
              // severities
              "rules": { "secrets/jwt": "warning", "secrets/*": "info", "npm/source-map-shipped": "off", },
              "ignorePaths": ["fixtures", "/docs/**/*.md", "*.snap"],
              /* accepted */
              "baseline": ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
            }
            """);
        var root = Paths.Normalize(dir.Path);
        var config = SuppressionConfig.Load(FileView.Disk, root);
        Assert.Empty(config.Problems);
        Finding[] findings =
        [
            At(root + "/src/a.ts", 0),                                           // → warning
            At(root + "/src/b.ts", 0, "secrets/aws-access-key", "b"),             // → info
            At(root + "/src/c.ts", 0, "npm/source-map-shipped", null),            // off
            At(root + "/test/fixtures/x.js", 0, "secrets/jwt", "c"),             // ignored folder at any depth
            At(root + "/docs/api/v1/readme.md", 0, "secrets/jwt", "d"),          // anchored glob
            At(root + "/other/docs/readme.md", 0, "secrets/jwt", "e"),           // not under /docs
            At(root + "/src/__snapshots__/a.snap", 0, "secrets/jwt", "f"),        // extension at any depth
            At(root + "/src/d.ts", 0, "secrets/jwt", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), // baseline (case-insensitive hex)
        ];
        var kept = Suppressor.Apply(findings, FileView.Disk, config);
        Assert.Equal(["/src/a.ts:Warning", "/src/b.ts:Information", "/other/docs/readme.md:Warning"],
            kept.Select(f => f.Location.Path[root.Length..] + ":" + f.Severity));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"rules\": {\"a/b\": \"loud\"}, \"ignorePaths\": \"x\", \"baseline\": [1]}")]
    public void MalformedConfigIsReportedNotThrown(string text)
    {
        using var dir = new TempDir();
        dir.Write(".hygienelsp.json", text);
        var config = SuppressionConfig.Load(FileView.Disk, dir.Path);
        Assert.NotEmpty(config.Problems);
    }

    [Theory]
    [InlineData("src/app.ts", "function f() {\n    const key = 1;\n}\n", 1, "function f() {\n    // hygiene-ignore-next-line secrets/jwt\n    const key = 1;\n}\n")]
    [InlineData(".env", "A=1\r\n\tTOKEN=2\r\n", 1, "A=1\r\n\t# hygiene-ignore-next-line secrets/jwt\r\n\tTOKEN=2\r\n")]
    [InlineData("index.html", "<html>\n  <meta x>\n", 1, "<html>\n  <!-- hygiene-ignore-next-line secrets/jwt -->\n  <meta x>\n")]
    [InlineData("site.css", "a{}\nb { c: d }", 1, "a{}\n/* hygiene-ignore-next-line secrets/jwt */\nb { c: d }")]
    public void SuppressOnThisLineInsertsACommentThatSuppresses(string name, string content, int line, string expected)
    {
        using var dir = new TempDir();
        var path = Paths.Normalize(dir.Write(name, content));
        var finding = At(path, line);
        var fix = FixesIn(dir.Path).SuppressOnLine(finding);
        Assert.NotNull(fix);
        var after = TextEdits.Apply(content, Assert.Single(fix!.Edits).Edits);
        Assert.Equal(expected, after);
        File.WriteAllText(path, after);
        Assert.Empty(Suppressor.Apply([At(path, line + 1)], FileView.Disk, SuppressionConfig.Empty(dir.Path)));
    }

    [Fact]
    public void NoCommentFixForPlainJson()
    {
        using var dir = new TempDir();
        var path = Paths.Normalize(dir.Write("package.json", "{\n  \"x\": 1\n}\n"));
        Assert.Null(FixesIn(dir.Path).SuppressOnLine(At(path, 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{\n  // keep me\n  \"rules\": { \"secrets/*\": \"warning\" }\n}\n")]
    [InlineData("{\n\t\"baseline\": [\n\t\t\"1111111111111111\", // old\n\t],\n\t\"ignorePaths\": []\n}\n")]
    [InlineData("{}")]
    public void AddToBaselineCreatesOrEditsTheConfigAndSuppresses(string? existing)
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        if (existing is not null) dir.Write(".hygienelsp.json", existing);
        var finding = At(root + "/src/a.ts", 3);
        var fix = FixesIn(root).AddToBaseline(finding);
        Assert.NotNull(fix);
        var edit = Assert.Single(fix!.Edits);
        Assert.Equal(existing is null, edit.CreateFile);
        var after = TextEdits.Apply(existing ?? "", edit.Edits);
        if (existing is not null)
        {
            // Every byte of the original survives, in order (the edit only inserts).
            var i = 0;
            foreach (var c in existing) { i = after.IndexOf(c, i); Assert.True(i >= 0, after); i++; }
        }
        dir.Write(".hygienelsp.json", after);
        var config = SuppressionConfig.Load(FileView.Disk, root);
        Assert.Empty(config.Problems);
        Assert.Empty(Suppressor.Apply([finding], FileView.Disk, config));
        Assert.Null(FixesIn(root).AddToBaseline(finding)); // already there
    }

    [Fact]
    public void FindingsWithoutFingerprintGetAStableOne()
    {
        var a = At("/w/one/src/a.ts", 1, "npm/x", null);
        var b = At("/v/one/src/a.ts", 7, "npm/x", null);
        Assert.Equal(Suppressor.FingerprintOf(a, "/w/one"), Suppressor.FingerprintOf(b, "/v/one"));
    }
}
