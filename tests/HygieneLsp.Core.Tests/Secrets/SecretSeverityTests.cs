using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>
/// What the analyzer makes of the scanner's confidence: the severity of a shipped secret by where it is, the reason in
/// the message, and the guarantee that secrets in ordinary shipped files (the canary's, the benchmark's) stay errors.
/// </summary>
public sealed class SecretSeverityTests
{
    private static readonly SecretSamples S = new(515);

    private static List<Finding> Analyze(string root, params string[] shipped)
    {
        var context = new AnalysisContext(FileView.Disk, WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache());
        return new SecretsAnalyzer(_ => shipped.Select(r => ("my-pkg", Paths.Combine(root, r)))).Analyze(context, default).ToList();
    }

    private static Finding At(List<Finding> findings, string root, string relative) =>
        Assert.Single(findings, f => f.Location.Path == Paths.Combine(root, relative));

    [Fact]
    public void ShippedSecretsAreRatedByWhereTheyAre()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        var gh = S.GitHub();
        var generic = S.GenericKey();
        dir.Write("dist/index.js", "module.exports.t = \"" + gh + "\";\n");
        dir.Write("README.md", "```js\nconst client = new Client({ apiSecret: '" + generic + "' });\n```\n");
        dir.Write("test/setup.js", "process.env.GH_TOKEN = '" + S.GitHub() + "';\n");
        dir.Write("test/fixtures/key.js", "module.exports = `" + S.PrivateKey() + "`;\n");
        dir.Write("lib/client.d.ts", "/**\n * @example\n *   new Client({ apiSecret: '" + S.GenericKey() + "' })\n */\nexport declare class Client {}\n");
        dir.Write("dist/analytics.js", "init({clientToken:\"pub" + S.Random("0123456789abcdef", 32) + "\",site:\"datadoghq.com\"});\n");
        var findings = Analyze(root, "dist/index.js", "README.md", "test/setup.js", "test/fixtures/key.js", "lib/client.d.ts", "dist/analytics.js");

        var bundle = At(findings, root, "dist/index.js");
        Assert.Equal(Severity.Error, bundle.Severity);
        Assert.Contains("Remove it, rotate it", bundle.Message);

        var readme = At(findings, root, "README.md");
        Assert.Equal(Severity.Information, readme.Severity);
        Assert.Contains("in documentation", readme.Message);

        var setup = At(findings, root, "test/setup.js");
        Assert.Equal(Severity.Warning, setup.Severity);
        Assert.Contains("in a test fixture, but shaped like a live GitHub token", setup.Message);

        var key = At(findings, root, "test/fixtures/key.js");
        Assert.Equal(("secrets/private-key", Severity.Information), (key.RuleId, key.Severity));
        Assert.Contains("in a test fixture", key.Message);

        var docComment = At(findings, root, "lib/client.d.ts");
        Assert.Equal(Severity.Information, docComment.Severity);
        Assert.Contains("in a doc comment", docComment.Message);

        var analytics = At(findings, root, "dist/analytics.js");
        Assert.Equal(Severity.Information, analytics.Severity);
        Assert.Contains("public by design", analytics.Message);

        Assert.Equal(6, findings.Count);
        foreach (var f in findings) Assert.DoesNotContain(generic, f.Message);
    }

    [Fact]
    public void ConfidenceChangesNeitherFingerprintNorPreview()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        var value = S.GenericKey();
        dir.Write("dist/a.js", "const apiSecret = \"" + value + "\";\n");
        dir.Write("docs/guide.md", "apiSecret: \"" + value + "\"\n");
        var findings = Analyze(root, "dist/a.js", "docs/guide.md");
        var shipped = At(findings, root, "dist/a.js");
        var doc = At(findings, root, "docs/guide.md");
        Assert.NotEqual(shipped.Severity, doc.Severity);
        Assert.Equal(shipped.Fingerprint, doc.Fingerprint);
        Assert.Contains(value[..4] + "… (secret, redacted)", doc.Message);
        Assert.DoesNotContain(value[4..14], doc.Message);
    }

    [Fact]
    public void FolderNamesAboveTheWorkspaceRootDoNotMakeFilesTests()
    {
        using var parent = new TempDir();
        var rootDir = Path.Combine(parent.Path, "test", "examples", "app");
        Directory.CreateDirectory(rootDir);
        var root = Paths.Normalize(rootDir);
        File.WriteAllText(Path.Combine(rootDir, "index.js"), "const k = \"" + S.Aws() + "\";\n");
        var f = Assert.Single(Analyze(root, "index.js"));
        Assert.Equal(Severity.Error, f.Severity);
    }

    [Fact]
    public void EveryCanaryKindShippedInAnOrdinaryBundleIsAnError()
    {
        using var dir = new TempDir("hygiene-canary");
        var root = Paths.Normalize(dir.Path);
        var planted = Canary.Plant(dir);
        var findings = Analyze(root, "dist/app.js", "dist/app.js.map");
        var inBundle = findings.Where(f => f.Location.Path == Paths.Combine(root, "dist/app.js")).ToList();
        var fromMap = findings.Where(f => f.Related.Any(r => r.Location.Path == Paths.Combine(root, "dist/app.js.map"))).ToList();
        // Kinds planted in the bundle (all but the .npmrc, appsettings and .env ones, which are not shipped here).
        var bundleKinds = planted.Select(p => p.Kind).Where(k => k != SecretKind.NpmrcAuthToken && k != SecretKind.ConnectionStringPassword).Select(k => k.RuleId).ToHashSet();
        Assert.Equal(bundleKinds, inBundle.Select(f => f.RuleId).ToHashSet());
        Assert.Equal(bundleKinds, fromMap.Select(f => f.RuleId).ToHashSet());
        Assert.All(inBundle.Concat(fromMap), f => Assert.Equal(Severity.Error, f.Severity));
    }

    /// <summary>
    /// The benchmark's planted lines (bench/HygieneLsp.Bench/CorpusGenerator.cs: a GitHub token, an AWS key id, a
    /// generic apiKey and a Stripe key), inserted at a line start mid-file into a TypeScript source that has doc
    /// comments and into a one-line minified bundle, as the generator does: each stays an error.
    /// </summary>
    [Fact]
    public void TheBenchmarksPlantedLinesStayErrors()
    {
        using var dir = new TempDir();
        var root = Paths.Normalize(dir.Path);
        const string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        string[] lines =
        [
            "const k=\"" + S.GitHub() + "\";",
            "AWS_KEY=\"AK" + "IA" + S.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "\"",
            "apiKey: '" + S.Random(alnum, 32) + "',",
            "stripe=\"sk" + "_live_" + S.Random(alnum, 24) + "\"",
        ];
        var source = "/**\n * Loads the module.\n * @param name the name\n */\nexport function load(name: string) {\n  return name;\n}\n";
        var bundle = "!function(){var a=1;/** @license MIT */function b(c){return c.key}window.x=b}();";
        var shipped = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var ts = $"src/module{i}.ts";
            dir.Write(ts, source + lines[i] + "\n" + source);
            var js = $"dist/chunk-{i}.js";
            dir.Write(js, bundle + "\n" + lines[i] + "\n" + bundle + "\n");
            shipped.Add(ts);
            shipped.Add(js);
        }
        var findings = Analyze(root, shipped.ToArray());
        Assert.Equal(8, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(["secrets/aws-access-key", "secrets/generic-secret", "secrets/github-token", "secrets/stripe-key"], findings.Select(f => f.RuleId).Distinct().Order());
    }
}
