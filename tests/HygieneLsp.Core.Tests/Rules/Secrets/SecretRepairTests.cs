using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Rules.Secrets;
using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Rules.Secrets;

/// <summary>
/// A shipped secret gets real fixes before any suppression: the value moved to an environment variable where that is
/// exact, and the file kept out of the package; exactly one is preferred, and never a suppression.
/// </summary>
public sealed class SecretRepairTests
{
    private static readonly SecretSamples S = new(77);

    private static IReadOnlyList<Finding> Check(string root) => AnalyzerCatalog.CreateEngine().AnalyzeFolder(Paths.Normalize(root), EngineSettings.Default);

    private static Finding SecretIn(IReadOnlyList<Finding> findings, string file) =>
        Assert.Single(findings, f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal) && f.Location.Path.EndsWith("/" + file, StringComparison.Ordinal));

    private static void Apply(Fix fix)
    {
        foreach (var edit in fix.Edits) File.WriteAllText(edit.Path, TextEdits.Apply(edit.CreateFile ? "" : File.ReadAllText(edit.Path), edit.Edits));
    }

    [Fact]
    public void AShippedNodeScriptGetsTheEnvironmentVariablePreferredAndTheExclusionOffered()
    {
        using var dir = new TempDir();
        var key = S.GitHub();
        dir.Write("package.json", "{ \"name\": \"tool\", \"version\": \"1.0.0\" }");
        var before = "#!/usr/bin/env node\nconst config = {\n  githubToken: \"" + key + "\", // used for the API\n  retries: 3,\n};\nconsole.log(process.argv);\n";
        var path = dir.Write("scripts/release.js", before);
        var finding = SecretIn(Check(dir.Path), "release.js");
        Assert.Equal(Severity.Error, finding.Severity);

        var repairs = finding.Repairs();
        Assert.Equal(["Move the value to the environment variable GITHUB_TOKEN", "Exclude scripts/release.js from the package: create .npmignore with \"/scripts/release.js\""], repairs.Select(f => f.Title));
        Assert.Equal([true, false], repairs.Select(f => f.IsPreferred));
        Assert.All(finding.Fixes.Where(f => f.Kind == FixKind.Suppress), f => Assert.False(f.IsPreferred));
        Assert.Contains(finding.Fixes, f => f.Title == "Suppress secrets/github-token on this line");
        Assert.Contains(finding.Fixes, f => f.Title.StartsWith("Add secrets/github-token to the baseline", StringComparison.Ordinal));

        Apply(repairs[0]);
        Assert.Equal(before.Replace("\"" + key + "\"", "process.env.GITHUB_TOKEN"), File.ReadAllText(path));
        Assert.DoesNotContain(Check(dir.Path), f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal));
    }

    [Fact]
    public void TypeScriptKeepsItsStringType()
    {
        using var dir = new TempDir();
        var key = S.Stripe();
        dir.Write("package.json", "{ \"name\": \"svc\", \"version\": \"1.0.0\", \"files\": [\"src\"] }");
        var before = "import { readFileSync } from \"node:fs\";\nexport const STRIPE_KEY: string = '" + key + "';\n";
        var path = dir.Write("src/billing.ts", before);
        var fix = SecretIn(Check(dir.Path), "billing.ts").Repairs()[0];
        Assert.Equal("Move the value to the environment variable STRIPE_KEY", fix.Title);
        Apply(fix);
        Assert.Equal("import { readFileSync } from \"node:fs\";\nexport const STRIPE_KEY: string = process.env.STRIPE_KEY ?? \"\";\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("src/widget.js", "export const client = { apiKey: \"{0}\" };\n")]             // nothing says it runs on Node (browser code)
    [InlineData("src/a.js", "const url = \"https://x/?key={0}\"; process.exit(0);\n")]          // the secret is part of a longer string
    [InlineData("src/b.js", "const token = \"{0}\" + suffix; process.exit(0);\n")]             // an operator after it
    [InlineData("src/c.js", "call(\"{0}\"); process.exit(0);\n")]                              // no name to derive the variable from
    [InlineData("src/d.json", "{ \"token\": \"{0}\" }\n")]                                       // not a script
    public void NoEnvironmentVariableFixWhereItIsNotExact(string file, string template)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"src\"] }");
        dir.Write(file, template.Replace("{0}", S.GitHub()));
        var finding = SecretIn(Check(dir.Path), Path.GetFileName(file));
        Assert.DoesNotContain(finding.Fixes, f => f.Title.StartsWith(EnvironmentVariableFix.TitlePrefix, StringComparison.Ordinal));
        Assert.Contains(finding.Repairs(), f => f.Title.StartsWith("Exclude src/", StringComparison.Ordinal));
    }

    [Fact]
    public void ABundleWithAMapIsNotEditedInPlace()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\" }");
        dir.Write("dist/index.js", "const token = \"" + S.GitHub() + "\"; process.exit(0);\n//# sourceMappingURL=index.js.map\n");
        dir.Write("dist/index.js.map", "{\"version\":3,\"sources\":[],\"mappings\":\"\"}");
        var finding = SecretIn(Check(dir.Path), "index.js");
        Assert.DoesNotContain(finding.Fixes, f => f.Title.StartsWith(EnvironmentVariableFix.TitlePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void AShippedDataFileGetsThePreferredExclusionProvedByRepacking()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"cfg\", \"version\": \"1.0.0\", \"files\": [\"config\", \"index.js\"] }");
        dir.Write("index.js", "module.exports = 1;\n");
        dir.Write("config/service.yml", "service:\n  api_key: " + S.GenericKey() + "\n");
        var root = Paths.Normalize(dir.Path);
        var finding = SecretIn(Check(root), "service.yml");
        var fix = Assert.Single(finding.Repairs());
        Assert.True(fix.IsPreferred);
        Assert.Equal("Exclude config/service.yml from the package: add \"!config/service.yml\" to \"files\"", fix.Title);
        Apply(fix);
        var files = ShipUnits.Published(new AnalysisContext(FileView.Disk, Core.Discovery.WorkspaceIndex.Build(FileView.Disk, root), EngineSettings.Default, new AnalysisCache()))
            .Single().Files.Select(f => f.Path).ToList();
        Assert.Contains("index.js", files);
        Assert.DoesNotContain("config/service.yml", files);
    }

    [Fact]
    public void ASecretInAShippedMapPrefersKeepingTheMapOutAndOffersTheFixInTheSource()
    {
        using var dir = new TempDir();
        var source = "const telemetry = {\n  apiToken: \"" + S.GitHub() + "\",\n};\nprocess.stdout.write(String(telemetry));\n";
        dir.Write("package.json", "{ \"name\": \"@acme/cli\", \"version\": \"1.0.0\", \"bin\": \"cli.js\", \"files\": [\"cli.js\", \"cli.js.map\"] }");
        dir.Write("cli.js", "process.stdout.write('x');\n//# sourceMappingURL=cli.js.map\n");
        dir.Write("cli.js.map", new Newtonsoft.Json.Linq.JObject
        {
            ["version"] = 3, ["sources"] = new Newtonsoft.Json.Linq.JArray("src/telemetry.js"),
            ["sourcesContent"] = new Newtonsoft.Json.Linq.JArray(source), ["mappings"] = "AAAA",
        }.ToString());
        var original = dir.Write("src/telemetry.js", source);
        var finding = SecretIn(Check(dir.Path), "telemetry.js");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(finding.Related, r => r.Location.Path.EndsWith("/cli.js.map", StringComparison.Ordinal));
        var repairs = finding.Repairs();
        Assert.Equal(["Exclude cli.js.map from the package: remove \"cli.js.map\" from \"files\"", "Move the value to the environment variable API_TOKEN"],
            repairs.Select(f => f.Title));
        Assert.Equal([true, false], repairs.Select(f => f.IsPreferred));
        Assert.EndsWith("/package.json", repairs[0].Edits.Single().Path);
        Assert.Equal(Paths.Normalize(original), repairs[1].Edits.Single().Path);
    }

    [Theory]
    [InlineData("clientSecret", "CLIENT_SECRET")]
    [InlineData("api-key", "API_KEY")]
    [InlineData("APIKey", "API_KEY")]
    [InlineData("DB_PASSWORD", "DB_PASSWORD")]
    [InlineData("key2", "KEY2")]
    [InlineData("$token", "TOKEN")]
    [InlineData("9lives", null)]
    [InlineData("--", null)]
    public void EnvironmentVariableNames(string key, string? expected) => Assert.Equal(expected, EnvironmentVariableFix.EnvName(key));
}
