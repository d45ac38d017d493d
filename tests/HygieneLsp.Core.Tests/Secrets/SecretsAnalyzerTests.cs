using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Secrets;

public sealed class SecretsAnalyzerTests
{
    private static readonly SecretSamples S = new(31);

    private static AnalysisContext Context(string root, EngineSettings? settings = null, AnalysisCache? cache = null) =>
        new(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), settings ?? EngineSettings.Default, cache ?? new AnalysisCache());

    private static SecretsAnalyzer Shipping(string root, params string[] relative) =>
        new(_ => relative.Select(r => ("my-pkg", Paths.Combine(root, r))));

    private static string Show(IEnumerable<Finding> fs) => string.Join("\n", fs.Select(f => $"{f.Severity} {f.RuleId} {Paths.Relative("/", f.Location.Path)}:{f.Location.Range.Start}"));

    [Fact]
    public void ShippedFileWithASecretIsAnErrorOnTheSecret()
    {
        using var dir = new TempDir();
        var token = S.GitHub();
        dir.Write("dist/index.js", "module.exports = {\n  token: \"" + token + "\"\n};\n");
        var root = Paths.Normalize(dir.Path);
        var findings = Shipping(root, "dist/index.js").Analyze(Context(root), default).ToList();
        var f = Assert.Single(findings);
        Assert.Equal("secrets/github-token", f.RuleId);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("my-pkg", f.Package);
        Assert.Equal(new TextPosition(1, 10), f.Location.Range.Start);
        Assert.Contains("ships in my-pkg", f.Message);
        Assert.DoesNotContain(token, f.Message);
    }

    [Fact]
    public void SecretInAShippedMapIsReportedAtTheOriginalFileWithTheMapRelated()
    {
        using var dir = new TempDir();
        var key = S.Stripe();
        var original = "export const pay = () => {\n  const k = '" + key + "';\n};\n";
        dir.Write("src/pay.ts", original);
        dir.Write("dist/pay.js.map", "{\"version\":3,\"sources\":[\"webpack://shop/./src/pay.ts\"],\"sourcesContent\":[" + Newtonsoft.Json.JsonConvert.ToString(original) + "],\"mappings\":\"\"}");
        var root = Paths.Normalize(dir.Path);
        var findings = Shipping(root, "dist/pay.js.map").Analyze(Context(root), default).ToList();
        var f = Assert.Single(findings);
        Assert.Equal("secrets/stripe-key", f.RuleId);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(Paths.Combine(root, "src/pay.ts"), f.Location.Path);
        Assert.Equal(new TextPosition(1, 13), f.Location.Range.Start);
        Assert.Contains(f.Related, r => r.Location.Path == Paths.Combine(root, "dist/pay.js.map"));
        Assert.Contains("line 2", f.Message);
    }

    [Fact]
    public void ASecretInAnEmbeddedOriginalThatIsNotInTheWorkspacePointsIntoTheEmbeddedText()
    {
        using var dir = new TempDir();
        var key = S.Stripe();
        var original = "export const pay = () => {\n  const k = '" + key + "';\n};\n";
        dir.Write("dist/pay.js.map", "{\"version\":3,\"sources\":[\"webpack://shop/./src/other.ts\",\"webpack://shop/./src/pay.ts\"],\"sourcesContent\":[\"x\"," +
                                     Newtonsoft.Json.JsonConvert.ToString(original) + "],\"mappings\":\"\"}");
        var root = Paths.Normalize(dir.Path);
        var f = Assert.Single(Shipping(root, "dist/pay.js.map").Analyze(Context(root), default));
        var map = Paths.Combine(root, "dist/pay.js.map");
        Assert.Equal(map, f.Location.Path); // the CLI and SARIF still name a real file
        var embedded = f.EmbeddedSource;
        Assert.NotNull(embedded);
        Assert.Equal(map, embedded.MapPath);
        Assert.Equal(1, embedded.SourceIndex); // the second entry of `sources`
        Assert.Equal("webpack://shop/./src/pay.ts", embedded.SourcePath);
        Assert.Equal(new TextPosition(1, 13), embedded.Range.Start); // line 2 of the embedded text, at the value

        // With the original in the workspace the finding is on it, and there is nothing embedded to show.
        dir.Write("src/pay.ts", original);
        var onOriginal = Assert.Single(Shipping(root, "dist/pay.js.map").Analyze(Context(root), default));
        Assert.Equal(Paths.Combine(root, "src/pay.ts"), onOriginal.Location.Path);
        Assert.Null(onOriginal.EmbeddedSource);
    }

    [Fact]
    public void CredentialFilesThatDoNotShipAreWarningsAndOtherFilesNeedTheWideSetting()
    {
        using var dir = new TempDir();
        dir.Write(".env.local", "OPENAI_API_KEY=" + S.OpenAi() + "\n");
        dir.Write("config/appsettings.Development.json", "{ \"ConnectionStrings\": { \"Db\": \"Server=db;Database=x;User Id=sa;Password=" + S.Password() + ";\" } }");
        dir.Write("scripts/deploy.sh", "export SLACK=" + S.Slack() + "\n");
        dir.Write("README.md", "Set API_KEY=<your-key> in .env\n");
        var root = Paths.Normalize(dir.Path);
        var analyzer = Shipping(root);
        var narrow = analyzer.Analyze(Context(root), default).ToList();
        Assert.True(narrow.Count == 2, Show(narrow));
        Assert.All(narrow, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(narrow, f => f.RuleId == "secrets/openai-api-key");
        Assert.Contains(narrow, f => f.RuleId == "secrets/connection-string-password");

        var wide = analyzer.Analyze(Context(root, EngineSettings.Default with { ScanWholeWorkspaceForSecrets = true }), default).ToList();
        Assert.True(wide.Count == 3, Show(wide));
        Assert.Contains(wide, f => f.RuleId == "secrets/slack-token" && f.Severity == Severity.Warning);
    }

    [Fact]
    public void NpmrcTokenFixReadsTheTokenFromTheEnvironmentAndKeepsTheRest()
    {
        using var dir = new TempDir();
        var token = S.Npm();
        var before = "# registry settings\r\nregistry=https://registry.npmjs.org/\r\n//registry.npmjs.org/:_authToken=" + token + "\r\nsave-exact=true\r\n";
        var path = dir.Write(".npmrc", before);
        var root = Paths.Normalize(dir.Path);
        var findings = Shipping(root).Analyze(Context(root), default).ToList();
        var f = Assert.Single(findings);
        Assert.Equal(Severity.Warning, f.Severity);
        var fix = Assert.Single(f.Repairs());
        Assert.Equal(NpmrcTokenFix.Title, fix.Title);
        var edit = Assert.Single(fix.Edits);
        var after = TextEdits.Apply(before, edit.Edits);
        Assert.Equal(before.Replace(token, "${NPM_TOKEN}"), after);
        File.WriteAllText(path, after);
        Assert.Empty(Shipping(root).Analyze(Context(root), default));
    }

    [Fact]
    public void ScansAreCachedByStampAndRedoneWhenTheFileChanges()
    {
        using var dir = new TempDir();
        var path = dir.Write("dist/a.js", "x = 1;\n");
        var root = Paths.Normalize(dir.Path);
        var cache = new AnalysisCache();
        var analyzer = Shipping(root, "dist/a.js");
        Assert.Empty(analyzer.Analyze(Context(root, cache: cache), default));
        File.WriteAllText(path, "x = '" + S.Google() + "';\n// longer now\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Assert.Single(analyzer.Analyze(Context(root, cache: cache), default));
    }

    [Fact]
    public void FilesScannedInParallelReportInPathOrderEveryTime()
    {
        using var dir = new TempDir();
        var names = Enumerable.Range(0, 60).Select(i => $"dist/f{i:D2}.js").ToArray();
        foreach (var n in names) dir.Write(n, "x=1;\nconst t = \"" + S.GitHub() + "\";\n" + new string(';', 20_000 * (n.Length % 7)) + "\nconst u = \"" + S.Npm() + "\";\n");
        var root = Paths.Normalize(dir.Path);
        var analyzer = Shipping(root, names.Reverse().ToArray());
        var first = Show(analyzer.Analyze(Context(root), default));
        Assert.Equal(120, first.Split('\n').Length);
        var expected = names.Order(StringComparer.Ordinal).SelectMany(n => new[] { n + ":2", n + ":4" }).ToList();
        var actual = first.Split('\n').Select(l => l.Split(' ')[2]).Select(l => l[(l.IndexOf("dist/", StringComparison.Ordinal))..l.LastIndexOf(':')]).ToList();
        Assert.Equal(expected, actual);
        for (var round = 0; round < 5; round++) Assert.Equal(first, Show(analyzer.Analyze(Context(root), default)));
    }

    [Fact]
    public void CancellingAParallelScanThrowsOperationCanceled()
    {
        using var dir = new TempDir();
        var names = Enumerable.Range(0, 20).Select(i => $"dist/f{i}.js").ToArray();
        foreach (var n in names) dir.Write(n, "const t = \"" + S.GitHub() + "\";\n");
        var root = Paths.Normalize(dir.Path);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Shipping(root, names).Analyze(Context(root), cancelled.Token).ToList());
    }
}
