using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Suppression;

/// <summary>
/// Suppressions that keep data: a comment line never lands inside a string or block, a new baseline entry never separates
/// an entry from its comment, and creating .hygienelsp.json never makes a package ship it.
/// </summary>
public sealed class SuppressionSafetyTests
{
    private static Finding At(string path, int line, string rule = "secrets/generic-secret", string fingerprint = "0123456789abcdef0123456789abcdef") => new()
    {
        RuleId = rule,
        Severity = Severity.Error,
        Message = "m",
        Location = new SourceLocation(path, new TextRange(new TextPosition(line, 0), new TextPosition(line, 1))),
        Fingerprint = fingerprint,
    };

    private static AnalysisContext Context(string root)
    {
        root = Paths.Normalize(root);
        return new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache());
    }

    [Theory]
    [InlineData("a.js", "const s = `line one\nline two ${x}\nthree`;\n", 1)]
    [InlineData("a.ts", "const re = /a\\\n/;\nconst q = 'x\\\nsecond';\n", 3)]
    [InlineData("deploy.yml", "jobs:\n  a:\n    steps:\n      - run: |\n          echo one\n          curl -H token\n", 5)]
    [InlineData("deploy.yaml", "script: >-\n  first\n  second\n", 2)]
    [InlineData(".env", "A=1\nKEY=\"first\nsecond\"\n", 2)]
    [InlineData("run.sh", "cat <<EOF > x\nTOKEN=abc\nEOF\n", 1)]
    [InlineData("tool.py", "HELP = \"\"\"\ntoken = abc\n\"\"\"\n", 1)]
    [InlineData("app.config", "<config>\n<!-- old:\n<add key=\"k\" />\n-->\n</config>\n", 2)]
    [InlineData("site.css", "/* note\na { b: c }\n*/\n", 1)]
    [InlineData("Program.cs", "var s = @\"first\nsecond\";\n", 1)]
    [InlineData("run.sh", "curl -u user \\\n  --token abc\n", 1)]
    [InlineData("README.md", "text\n```\ntoken = abc\n```\n", 2)]
    public void NoLineCommentWhereItWouldChangeTheFile(string name, string content, int line)
    {
        using var dir = new TempDir();
        var path = Paths.Normalize(dir.Write(name, content));
        Assert.Null(new SuppressionFixes(Context(dir.Path)).SuppressOnLine(At(path, line)));
    }

    [Theory]
    [InlineData("a.js", "const s = `one`;\nconst key = 'abc';\n", 1)]
    [InlineData("deploy.yml", "jobs:\n  a:\n    steps:\n      - run: |\n          echo one\n      - env:\n          TOKEN: abc\n", 6)]
    [InlineData(".env", "A=\"one\"\nKEY=abc\n", 1)]
    [InlineData("run.sh", "cat <<EOF > x\nhello\nEOF\nTOKEN=abc\n", 3)]
    [InlineData("app.config", "<config>\n<!-- note -->\n<add key=\"k\" />\n</config>\n", 2)]
    [InlineData(".npmignore", "# comment\nsrc\n", 1)]
    public void ALineCommentWhereItChangesNothing(string name, string content, int line)
    {
        using var dir = new TempDir();
        var path = Paths.Normalize(dir.Write(name, content));
        var fix = new SuppressionFixes(Context(dir.Path)).SuppressOnLine(At(path, line));
        Assert.NotNull(fix);
        Assert.Equal("Suppress secrets/generic-secret on this line", fix!.Title);
        File.WriteAllText(path, TextEdits.Apply(content, fix.Edits[0].Edits));
        Assert.Empty(Suppressor.Apply([At(path, line + 1)], FileView.Disk, SuppressionConfig.Empty(dir.Path)));
    }

    [Theory]
    [InlineData(
        "{\n  \"baseline\": [\n    \"aaaa\", // first\n    \"bbbb\" // second: accepted test key\n  ]\n}\n",
        "{\n  \"baseline\": [\n    \"aaaa\", // first\n    \"bbbb\", // second: accepted test key\n    \"0123456789abcdef0123456789abcdef\"\n  ]\n}\n")]
    [InlineData(
        "{\n  \"baseline\": [\n    \"aaaa\", // first\n    \"bbbb\", // second\n  ],\n}\n",
        "{\n  \"baseline\": [\n    \"aaaa\", // first\n    \"bbbb\", // second\n    \"0123456789abcdef0123456789abcdef\",\n  ],\n}\n")]
    [InlineData(
        "{\n  \"baseline\": [\n    \"aaaa\" /* why:\n       a fixture */\n  ]\n}\n",
        "{\n  \"baseline\": [\n    \"aaaa\", /* why:\n       a fixture */\n    \"0123456789abcdef0123456789abcdef\"\n  ]\n}\n")]
    [InlineData(
        "{ \"baseline\": [\"aaaa\" /* c */] }",
        "{ \"baseline\": [\"aaaa\" /* c */, \"0123456789abcdef0123456789abcdef\"] }")]
    [InlineData(
        "{\r\n  \"baseline\": [\r\n    \"aaaa\" // first\r\n  ]\r\n}\r\n",
        "{\r\n  \"baseline\": [\r\n    \"aaaa\", // first\r\n    \"0123456789abcdef0123456789abcdef\"\r\n  ]\r\n}\r\n")]
    public void ANewBaselineEntryGoesAfterTheLastEntryAndItsComment(string existing, string expected)
    {
        using var dir = new TempDir();
        dir.Write(SuppressionConfig.FileName, existing);
        var root = Paths.Normalize(dir.Path);
        var fix = new SuppressionFixes(Context(root)).AddToBaseline(At(root + "/a.js", 0));
        Assert.NotNull(fix);
        Assert.Equal("Add secrets/generic-secret to the baseline", fix!.Title);
        Assert.Equal(expected, TextEdits.Apply(existing, Assert.Single(fix.Edits).Edits));
    }

    [Fact]
    public void ABaselineWithASyntaxErrorIsNotEdited()
    {
        using var dir = new TempDir();
        dir.Write(SuppressionConfig.FileName, "{ \"baseline\": [\"aaaa\" \"bbbb\"] }");
        Assert.Null(new SuppressionFixes(Context(dir.Path)).AddToBaseline(At(Paths.Normalize(dir.Path) + "/a.js", 0)));
    }

    [Fact]
    public void CreatingTheConfigInAnNpmPackageRootKeepsItOutOfThePackage()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"pkg\", \"version\": \"1.0.0\" }");
        dir.Write(".gitignore", "node_modules\n*.log\n");
        dir.Write("index.js", "module.exports = 1;\n");
        var root = Paths.Normalize(dir.Path);
        var before = ShipUnits.Published(Context(root)).Single().Files.Select(f => f.Path).ToList();

        var fix = new SuppressionFixes(Context(root)).AddToBaseline(At(root + "/index.js", 0));
        Assert.NotNull(fix);
        Assert.StartsWith("Add secrets/generic-secret to the baseline (and keep .hygienelsp.json out of pkg)", fix!.Title);
        Assert.Equal(2, fix.Edits.Count);
        foreach (var edit in fix.Edits) File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));

        var after = ShipUnits.Published(Context(root)).Single().Files.Select(f => f.Path).ToList();
        Assert.DoesNotContain(SuppressionConfig.FileName, after);
        Assert.Subset(before.ToHashSet(), after.ToHashSet());
        Assert.Contains("*.log", dir.Read(".npmignore")); // .gitignore carried over: npm stops reading it once .npmignore exists
    }

    [Fact]
    public void CreatingTheConfigWhereNoPackageShipsItIsJustTheFile()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"pkg\", \"version\": \"1.0.0\", \"files\": [\"index.js\"] }");
        dir.Write("index.js", "x\n");
        var root = Paths.Normalize(dir.Path);
        var fix = new SuppressionFixes(Context(root)).AddToBaseline(At(root + "/index.js", 0));
        Assert.Equal("Add secrets/generic-secret to the baseline", fix!.Title);
        Assert.True(Assert.Single(fix.Edits).CreateFile);
    }

    [Fact]
    public void CreatingTheConfigInAnExtensionRootAddsItToVscodeignore()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"ext\", \"publisher\": \"p\", \"version\": \"1.0.0\", \"engines\": { \"vscode\": \"^1.90.0\" } }");
        dir.Write(".vscodeignore", "src/**\n");
        dir.Write("out/extension.js", "x\n");
        var root = Paths.Normalize(dir.Path);
        var fix = new SuppressionFixes(Context(root)).AddToBaseline(At(root + "/out/extension.js", 0));
        Assert.NotNull(fix);
        Assert.Contains("keep .hygienelsp.json out of", fix!.Title);
        foreach (var edit in fix.Edits) File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));
        Assert.Equal("src/**\n.hygienelsp.json\n", dir.Read(".vscodeignore"));
        Assert.DoesNotContain(ShipUnits.Published(Context(root)).Single().Files, f => f.Path == SuppressionConfig.FileName);
    }
}
