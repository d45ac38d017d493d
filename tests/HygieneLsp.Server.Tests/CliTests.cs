using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

public class CliTests
{
    private static (int Code, string Out, string Err) Check(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HygieneCli.Run(["check", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static TempWorkspace Workspace()
    {
        var ws = new TempWorkspace();
        ws.WriteCompiledTsconfig("tsconfig.json", "{\n  \"compilerOptions\": {\n    \"sourceMap\": true\n  }\n}\n");
        ws.WriteCompiledTsconfig("packages/my lib/tsconfig.json", "{\"compilerOptions\": {\"inlineSourceMap\": true}}");
        return ws;
    }

    [Fact]
    public void TextOutputIsCompilerStyleAndWarningsExitZero()
    {
        using var ws = Workspace();
        var (code, output, _) = Check(ws.Root);
        Assert.Equal(0, code);
        Assert.Contains("tsconfig.json:3:5: warning build/tsc-source-map: ", output);
        Assert.Contains("packages/my lib/tsconfig.json:1:22: warning build/tsc-inline-source-map: ", output);
        Assert.Contains("2 problem(s): 0 error(s), 2 warning(s)", output);
    }

    [Fact]
    public void AnUnknownRuleIdIsAUsageErrorNamingTheNearestRules()
    {
        using var ws = Workspace();
        var (code, _, err) = Check(ws.Root, "--rule", "secrets/generic:off");
        Assert.Equal(2, code);
        Assert.Contains("unknown rule 'secrets/generic'", err);
        Assert.Contains("secrets/generic-secret", err);
        Assert.Equal(0, Check(ws.Root, "--rule", "secrets/generic-secret:off").Code);
    }

    [Fact]
    public void TheFilesystemRootIsRefusedAtOnceWithTheReason()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Refused before any walk: nothing is reported (a walk of / would find the machine's own .npmrc and maps).
        var (code, output, err) = Check("/");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("/ is the root of the file system, not a project; it is not scanned (open a project folder instead)", err);
    }

    [Fact]
    public void TheInputBudgetRuleIsKnownToRule()
    {
        using var ws = Workspace();
        ws.Write("webpack.config.js", "let s = 'x'; for (;;) s += s; module.exports = {};");
        var (code, output, _) = Check(ws.Root);
        Assert.Equal(0, code);
        Assert.Contains("webpack.config.js:1:1: info hygiene/input-skipped: webpack.config.js: evaluation stopped: a string grew past 1,048,576 characters; its build settings are unknown.", output);
        var (offCode, offOutput, _) = Check(ws.Root, "--rule", "hygiene/input-skipped:off");
        Assert.Equal(0, offCode);
        Assert.DoesNotContain("hygiene/input-skipped", offOutput);
    }

    [Fact]
    public void AnErrorSeverityFailsTheGateAndUsageErrorsExitTwo()
    {
        using var ws = Workspace();
        Assert.Equal(1, Check(ws.Root, "--rule", "build/tsc-source-map:error").Code);
        Assert.Equal(0, Check(ws.Root, "--rule=build/tsc-source-map:off", "--rule=build/tsc-inline-source-map:off").Code);
        Assert.Equal(2, Check(ws.Root, "--format", "xml").Code);
        Assert.Equal(2, Check(ws.Root, "--rule", "nonsense").Code);
        Assert.Equal(2, Check(Path.Combine(ws.Root, "missing")).Code);
        Assert.Equal(2, Check(ws.Root, "--what").Code);
    }

    [Fact]
    public void JsonHasTheDocumentedShape()
    {
        using var ws = Workspace();
        var (code, output, _) = Check(ws.Root, "--format", "json");
        Assert.Equal(0, code);
        var json = JObject.Parse(output);
        Assert.Equal(1, (int)json["version"]!);
        var first = (JObject)json["findings"]![0]!;
        foreach (var key in new[] { "ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "package", "related", "fixes" })
            Assert.True(first.ContainsKey(key), key);
        Assert.Equal("packages/my lib/tsconfig.json", first["file"]!.ToString());
        Assert.Equal("Set \"inlineSourceMap\" to false", first["fixes"]![0]!["title"]!.ToString());
    }

    [Fact]
    public void SarifPassesTheRealSarifValidator()
    {
        using var ws = Workspace();
        var (_, output, _) = Check(ws.Root, "--format", "sarif", "--rule", "build/tsc-source-map:error");
        var sarif = JObject.Parse(output);
        Assert.Equal("2.1.0", sarif["version"]!.ToString());
        var results = (JArray)sarif.SelectToken("runs[0].results")!;
        Assert.Equal(2, results.Count);
        Assert.Contains(results, r => r["level"]!.ToString() == "error" && r.SelectToken("locations[0].physicalLocation.artifactLocation.uri")!.ToString() == "tsconfig.json");
        Assert.Contains(results, r => r.SelectToken("locations[0].physicalLocation.artifactLocation.uri")!.ToString() == "packages/my%20lib/tsconfig.json");

        var file = Path.Combine(ws.Root, "out.sarif");
        File.WriteAllText(file, output);
        var validator = Path.Combine(RepoPaths.OracleBin, "sarif-multitool");
        var result = ProcessRunner.Run(validator, ["validate", file, "--output", Path.Combine(ws.Root, "validation.sarif")], ws.Root, TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var validation = JObject.Parse(File.ReadAllText(Path.Combine(ws.Root, "validation.sarif")));
        var problems = ((JArray)validation.SelectToken("runs[0].results")!).Where(r => r["level"]?.ToString() is "error" or "warning" || r["level"] is null).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p["ruleId"]}: {p.SelectToken("message.text") ?? p.SelectToken("message.id")}")));
    }

    private static (int Code, string Out, string Err) Rules(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HygieneCli.Run(["rules", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void RulesListsEveryRuleWithSeveritySummaryAndDocumentation()
    {
        var catalog = Core.Analysis.RuleCatalog.All(Core.Analysis.AnalyzerCatalog.CreateEngine());
        var (code, text, _) = Rules();
        Assert.Equal(0, code);
        foreach (var rule in catalog)
        {
            Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(rule.Id)} +{rule.DefaultSeverity.ToName()} +{System.Text.RegularExpressions.Regex.Escape(rule.Summary)}$", text);
            Assert.Contains(Core.Rules.RuleDocumentation.Url(rule.Id)!, text);
        }
        Assert.Contains("hygiene/config-error", text);

        var (jsonCode, json, _) = Rules("--format", "json");
        Assert.Equal(0, jsonCode);
        var rules = (JArray)JObject.Parse(json)["rules"]!;
        Assert.Equal(catalog.Count, rules.Count);
        Assert.All(rules, r => Assert.StartsWith("https://github.com/hygiene-lsp/hygiene-lsp/blob/main/", r["docs"]!.ToString()));
        Assert.Equal("error", rules.Single(r => r["id"]!.ToString() == "npm/source-map-shipped")["defaultSeverity"]!.ToString());
    }

    [Fact]
    public void RulesPrintsOnePageAndRejectsUnknownIds()
    {
        var (code, page, _) = Rules("npm/env-file-shipped");
        Assert.Equal(0, code);
        Assert.StartsWith("# npm/env-file-shipped", page);
        Assert.Contains("## How to suppress", page);
        var (bad, _, err) = Rules("npm/env-file");
        Assert.Equal(2, bad);
        Assert.Contains("unknown rule 'npm/env-file'", err);
        Assert.Contains("npm/env-file-shipped", err);
    }

    [Fact]
    public void SarifRulesLinkTheirDocumentation()
    {
        using var ws = Workspace();
        var sarif = JObject.Parse(Check(ws.Root, "--format", "sarif").Out);
        Assert.Equal("https://github.com/hygiene-lsp/hygiene-lsp", sarif.SelectToken("runs[0].tool.driver.informationUri")!.ToString());
        var rules = (JArray)sarif.SelectToken("runs[0].tool.driver.rules")!;
        Assert.Contains(rules, r => r["id"]!.ToString() == "hygiene/internal-error");
        Assert.All(rules, r =>
        {
            Assert.Equal(Core.Rules.RuleDocumentation.Url(r["id"]!.ToString()), r["helpUri"]!.ToString());
            Assert.StartsWith("# " + r["id"], r.SelectToken("help.markdown")!.ToString());
        });
    }
}
