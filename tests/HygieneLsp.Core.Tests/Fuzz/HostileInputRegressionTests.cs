using System.Text;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Hygiene;
using static HygieneLsp.Core.Tests.Fuzz.InMemoryEngine;

namespace HygieneLsp.Core.Tests.Fuzz;

/// <summary>
/// Each failure the fuzz campaign found (and those the issue reported), reduced by hand to the shape that caused it.
/// Every test runs the whole engine with a time limit: before its fix each of these hung past 30 s, took the process
/// past 1.5 GB, overflowed the stack or threw. The comment on each says what it used to do.
/// </summary>
public class HostileInputRegressionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string> Package(params (string Path, string Text)[] files)
    {
        var workspace = new Dictionary<string, string>(StringComparer.Ordinal) { ["package.json"] = PublishedPackage, ["dist/main.js.map"] = "{\"version\":3,\"sources\":[\"a.ts\"],\"mappings\":\"\"}" };
        foreach (var (path, text) in files) workspace[path] = text;
        return workspace;
    }

    // A mutated webpack config doubled a string 256 times in a loop the evaluator runs for sure: RSS past 2 GB, then OOM.
    [Fact]
    public void A_webpack_config_doubling_a_string_stops_at_the_string_budget_and_plans_nothing()
    {
        var (findings, _) = Analyze(Package(("webpack.config.js",
            "let banner = 'x';\nwhile (true) banner = banner + banner;\nmodule.exports = { mode: 'production', devtool: 'source-map', output: { path: __dirname + '/dist', filename: 'main.js' } };\n")), Limit);
        Assert.DoesNotContain(findings, f => f.RuleId == WebpackPlanner.RuleId);
        Assert.Contains("webpack.config.js: evaluation stopped: a string grew past 1,048,576 characters; its build settings are unknown.", Skips(findings));
    }

    // The same through a template literal in a Vite config (the fuzzer's `u=`${u}${u}`` in build.mjs): out of memory.
    [Fact]
    public void A_vite_config_doubling_a_template_string_stops_at_the_string_budget()
    {
        var (findings, _) = Analyze(Package(("vite.config.ts",
            "import { defineConfig } from 'vite';\nlet u = `${1}`;\nfor (let i = 0; i < 99; i++) u = `${u}${u}`;\nexport default defineConfig({ build: { sourcemap: true, outDir: 'dist' } });\n")), Limit);
        Assert.Contains(Skips(findings), m => m.StartsWith("vite.config.ts: evaluation stopped: a string grew past", StringComparison.Ordinal));
    }

    // `a.push(...a)` in an endless loop doubles the array: memory until the process died.
    [Fact]
    public void A_config_doubling_an_array_stops_at_the_item_budget()
    {
        var (findings, _) = Analyze(Package(("webpack.config.js", "const plugins = [1];\nfor (;;) plugins.push(...plugins);\nmodule.exports = { plugins };\n")), Limit);
        Assert.Contains(Skips(findings), m => m.StartsWith("webpack.config.js: evaluation stopped", StringComparison.Ordinal));
    }

    // Found while reading real packages' build scripts after the fuzz runs: a recursive function whose body nests 150
    // parentheses recursed 40 calls deep with 150 evaluations each and overflowed a server thread's 1.5 MB stack, which
    // ends the process (a stack overflow cannot be caught).
    [Fact]
    public void A_recursive_function_with_deep_nesting_stops_at_the_nesting_budget()
    {
        var body = new string('(', 150) + "f(n + 1)" + new string(')', 150);
        var (findings, _) = Analyze(Package(("webpack.config.js", "function f(n) { return " + body + "; }\nmodule.exports = { devtool: f(0) };\n")), Limit);
        Assert.Contains("webpack.config.js: evaluation stopped: expressions and calls nest deeper than 1,000 levels; its build settings are unknown.", Skips(findings));
    }

    // A brace set per line expanding to ten thousand alternatives, on thousands of lines: `check` ran past 30 s.
    [Fact]
    public void A_gitignore_brace_bomb_is_not_applied_and_is_named_with_its_line()
    {
        var lines = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{0..9}}{{0..9}}{{0..9}}{{0..9}}/x{i}\n"));
        var (findings, _) = Analyze(Package((".gitignore", "dist/*.log\n" + lines)), Limit);
        // Said once for the file, naming the first lines, not once per line.
        Assert.Equal([".gitignore: lines 2, 3, 4 and 2,997 more each: its braces expand to more than 1,000 alternatives; they were not applied."], Skips(findings));
    }

    // Fifty thousand distinct lines: every path matched against every line, and the hypothetical ship sets rebuilt them all.
    [Fact]
    public void A_gitignore_of_fifty_thousand_lines_is_applied_up_to_its_budget()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"generated-{i}/\n"));
        var (findings, _) = Analyze(Package((".gitignore", text)), Limit);
        Assert.True(Skips(findings).Contains(".gitignore: its patterns expand to more than 10,000 alternatives by line 10,001; that line and the rest were not applied."), string.Join(" | ", Skips(findings)));
    }

    // `*(` nested five thousand deep in .npmignore: the extglob parser recursed once per level and killed the process.
    [Fact]
    public void Extglobs_nested_thousands_deep_do_not_overflow_the_stack()
    {
        var (findings, _) = Analyze(Package((".npmignore", new string('*', 1) + string.Concat(Enumerable.Repeat("*(", 5000)) + new string(')', 5000) + "\n")), Limit);
        Assert.Contains(".npmignore: line 1: parentheses nest deeper than 64 levels; that line was not applied.", Skips(findings));
    }

    // `{a,` nested five thousand deep in .gitignore (seed 20261205 case 2606): brace expansion recursed once per level
    // and the stack overflowed, ending the process.
    [Fact]
    public void Braces_nested_thousands_deep_do_not_overflow_the_stack()
    {
        var (findings, _) = Analyze(Package((".gitignore", "dist/\n" + string.Concat(Enumerable.Repeat("{a,", 5000)) + new string('}', 5000) + "\n")), Limit);
        Assert.Contains(".gitignore: line 2: braces nest deeper than 64 levels; that line was not applied.", Skips(findings));
    }

    // An .npmrc of fourteen thousand token lines: one finding each, and each finding re-read the file: 31 s, 9 GB allocated.
    [Fact]
    public void An_npmrc_of_thousands_of_tokens_reports_a_hundred_and_says_so()
    {
        var shapes = new Random(14);
        string Token() => "np" + "m_" + new string(Enumerable.Range(0, 36).Select(_ => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[shapes.Next(56)]).ToArray());
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"//registry{i}.example.com/:_authToken={Token()}\n"));
        var (findings, _) = Analyze(Package((".npmrc", text)), Limit);
        Assert.InRange(findings.Count(f => f.Location.Path.EndsWith("/.npmrc", StringComparison.Ordinal) && f.RuleId.StartsWith("secrets/", StringComparison.Ordinal)), 1, 100);
        Assert.Contains(".npmrc: more than 100 secrets found; only the first 100 are reported.", Skips(findings));
    }

    // A workflow line of `{a: ` nested 100,000 deep became one shell command of 100,000 words; finding the scripts it
    // runs copied the rest of the words for each word: 92 s and 38 GB allocated.
    [Fact]
    public void A_workflow_line_of_deep_flow_nesting_is_not_read_as_a_command()
    {
        var line = "        run: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + new string('}', 100_000) + "\n";
        var workflow = "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: go\n" + line;
        var (findings, _) = Analyze(Package((".github/workflows/publish.yml", workflow)), Limit);
        Assert.Contains(".github/workflows/publish.yml: 1 line(s) longer than 10,000 characters were not read as commands.", Skips(findings));
    }

    // An `outDir` of eight million characters in a tsconfig extending itself: each ship question matched the path
    // against every rule: 12 s and 8.5 GB allocated.
    [Fact]
    public void A_tsconfig_outDir_of_millions_of_characters_ships_nowhere()
    {
        var tsconfig = "{ \"extends\": \"./tsconfig.json\", \"compilerOptions\": { \"sourceMap\": true, \"outDir\": \"" + new string('a', 8_000_000) + "dist\" } }";
        var (findings, _) = Analyze(Package(("tsconfig.json", tsconfig), ("package.json", "{ \"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": { \"build\": \"tsc\" } }")), Limit);
        Assert.DoesNotContain(findings, f => f.RuleId == "build/tsc-source-map" && f.Severity == Severity.Error);
    }

    // An eight-megabyte string in tsconfig.build.json (seed 31 case 1903): the config was parsed for itself, for each
    // config extending it and for its references, past 1.5 GB resident.
    [Fact]
    public void An_eight_megabyte_tsconfig_is_not_read_and_is_said_so()
    {
        var (findings, _) = Analyze(Package(("tsconfig.build.json", "{ \"compilerOptions\": { \"outDir\": \"" + new string('x', 8_000_000) + "\" } }")), Limit);
        Assert.Contains("tsconfig.build.json: larger than 1,000,000 bytes; not read, so its compiler options are unknown.", Skips(findings));
    }

    // An eight-megabyte run in an imported .targets file (seed 32 case 4913): parsed again for every evaluation, 1.2 GB.
    [Fact]
    public void An_eight_megabyte_msbuild_import_is_not_read_and_is_said_so()
    {
        var (findings, _) = Analyze(new Dictionary<string, string>
        {
            ["Web/Web.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <Import Project=\"build/Big.targets\" />\n</Project>\n",
            ["Web/build/Big.targets"] = "<Project><PropertyGroup><Note>" + new string('x', 8_000_000) + "</Note></PropertyGroup></Project>",
        }, Limit);
        Assert.Contains("Web/build/Big.targets: larger than 1,000,000 bytes; not read, so what it sets is unknown.", Skips(findings));
    }

    // `"extends": "./a<NUL>b"`: path normalisation threw, and the tsconfig checks died with an internal error.
    [Fact]
    public void A_tsconfig_extends_holding_a_NUL_names_nothing()
    {
        var (findings, _) = Analyze(Package(("tsconfig.json", "{ \"extends\": \"./base\\u0000.json\", \"compilerOptions\": { \"sourceMap\": true } }")), Limit);
        Assert.DoesNotContain(findings, f => f.RuleId == Engine.InternalErrorRuleId);
    }

    // A .vscodeignore line of millions of characters: building vsce's rules never finished.
    [Fact]
    public void A_vscodeignore_line_of_millions_of_characters_is_read_without_a_hang()
    {
        var line = new string('x', 8_000_000) + "/" + string.Concat(Enumerable.Repeat("*(", 5000)) + new string(')', 5000);
        var extension = "{ \"name\": \"ext\", \"publisher\": \"acme\", \"version\": \"1.0.0\", \"engines\": { \"vscode\": \"^1.90.0\" }, \"main\": \"out/extension.js\" }";
        _ = Analyze(new Dictionary<string, string> { ["package.json"] = extension, [".vscodeignore"] = "src/**\n" + line + "\n", ["out/extension.js"] = "" }, Limit);
    }

    // A 20 MB package.json (a `files` array of 400,000 entries here): every reader parsed it, and npm's rules matched
    // each path against each entry: 62 s, 12 GB allocated, 2 GB resident. Past 5 MB no reader reads it now.
    [Fact]
    public void A_twenty_megabyte_package_json_is_not_read_and_is_said_so()
    {
        var manifest = new StringBuilder("{ \"name\": \"big\", \"version\": \"1.0.0\", \"files\": [");
        for (var i = 0; manifest.Length < 20 * 1024 * 1024; i++) manifest.Append($"\"dist/folder{i % 100}/file-{i}.js\", ");
        manifest.Append("\"dist\"] }");
        var (findings, _) = Analyze(Package(("package.json", manifest.ToString())), Limit);
        Assert.Contains("package.json: larger than 5,000,000 bytes; not read, so what it declares (package, scripts, files) is unknown.", Skips(findings));
    }

    // Under the size budget, a `files` array of 100,000 entries still cost an lstat and a rule each.
    [Fact]
    public void A_files_array_of_a_hundred_thousand_entries_applies_the_first_five_thousand()
    {
        var entries = string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"\"lib/f{i}.js\""));
        var (findings, _) = Analyze(Package(("package.json", "{ \"name\": \"a\", \"version\": \"1.0.0\", \"files\": [" + entries + "] }")), Limit);
        Assert.Contains("package.json: `files` has 100,000 entries; only the first 5,000 were applied.", Skips(findings));
    }

    // Sixty thousand scripts: deciding which script is the release build compared every script with every other.
    [Fact]
    public void A_package_json_with_thousands_of_scripts_reads_the_first_thousand()
    {
        var scripts = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"build:{i}\": \"webpack --config w{i}.js\""));
        var (findings, _) = Analyze(Package(("package.json", "{ \"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": {" + scripts + "} }")), Limit);
        Assert.Contains("package.json: more than 1,000 scripts; the last 19,000 were not read.", Skips(findings));
    }

    // Five hundred nested folders: each entry was asked of every folder above it with new strings each time: 103 s and
    // 60 GB allocated on disk. The walks now stop at 100 levels and say so.
    [Fact]
    public void Five_hundred_nested_folders_are_walked_to_the_depth_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("d/", 500));
        var (findings, _) = Analyze(Package((deep + "leak.js.map", "{}"), ("src/" + string.Concat(Enumerable.Repeat("s/", 90)) + "ok.js", "")), Limit);
        // The workspace walk and the npm walk both stop there: said once.
        Assert.Single(Skips(findings), m => m == "the workspace folder: folders nest deeper than 100 levels; files below that depth are not checked.");
    }

    // The rule can be turned off like any other (`--rule hygiene/input-skipped:off`).
    [Fact]
    public void Input_skipped_can_be_turned_off()
    {
        var settings = new EngineSettings { RuleSeverities = new Dictionary<string, Severity> { [InputSkippedAnalyzer.RuleId] = Severity.Off } };
        var (findings, _) = Analyze(Package(("webpack.config.js", "let s = 'x'; for (;;) s += s; module.exports = {};")), Limit, settings);
        Assert.Empty(Skips(findings));
    }

    [Fact]
    public void The_budget_reporter_runs_after_every_other_analyzer()
    {
        var analyzers = AnalyzerCatalog.CreateAnalyzers();
        Assert.IsType<InputSkippedAnalyzer>(analyzers[^1]);
        Assert.Contains(AnalyzerCatalog.CreateEngine().Rules, r => r.Id == InputSkippedAnalyzer.RuleId && r.DefaultSeverity == Severity.Information);
    }

    // Fuzz seed 20261205 case 459: an 8 MB .vscodeignore (one line) took `check` to 680 MB, every fix and suppression
    // on it copying the text again. Ignore files past 1 MB are not read; the note says so.
    [Theory]
    [InlineData(".vscodeignore")]
    [InlineData(".npmignore")]
    public void An_ignore_file_past_a_megabyte_is_not_read_and_said(string ignoreFile)
    {
        var manifest = ignoreFile == ".vscodeignore"
            ? "{ \"name\": \"acme-ext\", \"publisher\": \"acme\", \"version\": \"1.0.0\", \"engines\": { \"vscode\": \"^1.90.0\" }, \"main\": \"./out/extension.js\" }"
            : PublishedPackage;
        var (findings, _) = Analyze(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["package.json"] = manifest,
            [ignoreFile] = "src/**\n**/tsc" + new string('\\', 1_100_000) + "\n",
            ["out/extension.js"] = "exports.a = 1;\n",
        }, Limit);
        Assert.Contains($"{ignoreFile}: larger than 1,000,000 bytes; not read, so none of its lines were applied.", Skips(findings));
    }
}
