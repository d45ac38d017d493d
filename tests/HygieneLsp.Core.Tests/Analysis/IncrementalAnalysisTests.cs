using System.Collections.Immutable;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Analysis;

/// <summary>
/// Incremental analysis, one test per kind of input an item can depend on: an edit re-runs exactly the items that read
/// what it changed (counted through <see cref="IncrementalAnalysis.ItemComputed"/>), the findings change as they should,
/// and they always equal a one-shot analysis of the same snapshot. The fixture is a small monorepo with a private
/// workspace root: packages a and b (tsc, `files: ["dist"]`, a's dist with maps), c (webpack without maps, a
/// .npmignore), d (a .npmignore without `*.map`).
/// </summary>
public sealed class IncrementalAnalysisTests : IDisposable
{
    private readonly TempDir _dir = new("incremental");
    private readonly Engine _engine = AnalyzerCatalog.CreateEngine();
    private readonly IncrementalAnalysis _analysis;
    private readonly List<(string Analyzer, string Item)> _computed = [];
    private FileView _files = new(ImmutableDictionary<string, BufferOverlay>.Empty, new DiskStamps());
    private WorkspaceIndex _index;
    private int _version;

    public IncrementalAnalysisTests()
    {
        _dir.Write("package.json", """{ "name": "mono", "private": true, "workspaces": ["packages/*"] }""");
        _dir.Write(".gitignore", "node_modules/\n");
        _dir.Write(".git/HEAD", "ref: refs/heads/main\n");
        foreach (var p in new[] { "a", "b" })
        {
            _dir.Write($"packages/{p}/package.json", $$"""
                {
                  "name": "@mono/{{p}}",
                  "version": "1.0.0",
                  "main": "dist/index.js",
                  "files": ["dist"],
                  "scripts": { "build": "tsc -p tsconfig.json" }
                }
                """);
            _dir.Write($"packages/{p}/tsconfig.json", """{ "compilerOptions": { "outDir": "dist" } }""");
            _dir.Write($"packages/{p}/src/index.ts", "export const x = 1;\n");
            _dir.Write($"packages/{p}/dist/index.js", "exports.x = 1;\n" + (p == "a" ? "//# sourceMappingURL=index.js.map\n" : ""));
        }
        _dir.Write("packages/a/dist/index.js.map", """{"version":3,"sources":["../src/index.ts"],"sourcesContent":["export const x = 1;\n"],"mappings":"AAAA"}""");
        _dir.Write("packages/c/package.json", """
            { "name": "@mono/c", "version": "1.0.0", "main": "dist/main.js", "scripts": { "build": "webpack --mode production" } }
            """);
        _dir.Write("packages/c/.npmignore", "src/\nwebpack.config.js\n");
        _dir.Write("packages/c/webpack.config.js", "module.exports = { mode: 'production', devtool: false, output: { path: __dirname + '/dist' } };\n");
        _dir.Write("packages/c/dist/main.js", "console.log(1);\n");
        _dir.Write("packages/d/package.json", """{ "name": "@mono/d", "version": "1.0.0", "main": "lib/index.js" }""");
        _dir.Write("packages/d/.npmignore", "src/\n");
        _dir.Write("packages/d/lib/index.js", "module.exports = 1;\n");
        _analysis = _engine.Track(Root);
        _analysis.ItemComputed = (analyzer, item) => { lock (_computed) _computed.Add((analyzer, item)); };
        _index = WorkspaceIndex.Build(_files, Root);
    }

    private string Root => Paths.Normalize(_dir.Path);

    private string P(string relative) => Root + "/" + relative;

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs the analysis and checks it against a one-shot analysis of the same snapshot; returns what ran.</summary>
    private (IReadOnlyList<Finding> Findings, List<(string Analyzer, string Item)> Computed) Run()
    {
        _computed.Clear();
        var findings = _analysis.Run(_files, _index, EngineSettings.Default);
        var fresh = AnalyzerCatalog.CreateEngine().Analyze(_files, WorkspaceIndex.Build(_files, Root), EngineSettings.Default);
        Assert.Equal(Canonical(fresh), Canonical(findings));
        return (findings, [.. _computed]);
    }

    private static List<string> Canonical(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.RuleId}|{f.Location.Path}|{f.Location.Range}|{f.Severity}|{f.Message}|{f.Related.Count}|{f.Fixes.Count}|{f.Fingerprint}").ToList();

    /// <summary>An unsaved editor buffer, as the server sets it, and the path told to the analysis.</summary>
    private void Edit(string relative, string text)
    {
        _files = _files.WithOverlay(P(relative), new BufferOverlay(text, ++_version));
        _analysis.Note([P(relative)]);
    }

    /// <summary>A file created on disk: a new walk, the path told to the analysis.</summary>
    private void Create(string relative, string text)
    {
        _dir.Write(relative, text);
        _files.DiskStamps!.ForgetUnder(P(relative));
        _index = WorkspaceIndex.Build(_files, Root);
        _analysis.Note([P(relative)]);
    }

    private static bool InUnit(string item, string package) => item.EndsWith("/packages/" + package, StringComparison.Ordinal);

    private static bool OnlyTouches(IEnumerable<(string Analyzer, string Item)> computed, params string[] packages) =>
        computed.All(c => packages.Any(p => c.Item.Contains("/packages/" + p + "/", StringComparison.Ordinal) || InUnit(c.Item, p)));

    [Fact]
    public void Nothing_changed_recomputes_nothing()
    {
        var first = Run();
        Assert.NotEmpty(first.Computed);
        var again = Run();
        Assert.Empty(again.Computed);
        Assert.Equal(Canonical(first.Findings), Canonical(again.Findings));
    }

    [Fact]
    public void A_files_entry_edit_recomputes_that_package_only_and_changes_its_map_finding()
    {
        var before = Run();
        Assert.Contains(before.Findings, f => f.RuleId == "npm/source-map-shipped" && f.Location.Path == P("packages/a/package.json"));
        Edit("packages/a/package.json", _dir.Read("packages/a/package.json").Replace("\"files\": [\"dist\"]", "\"files\": [\"dist\", \"!dist/**/*.map\"]"));
        var after = Run();
        Assert.DoesNotContain(after.Findings, f => f.RuleId == "npm/source-map-shipped" && f.Location.Path == P("packages/a/package.json"));
        // a's unit rules, secrets, builds and tsconfig exposure ran again; nothing of b, c or d did.
        Assert.Contains(after.Computed, c => c.Analyzer == "shipped source maps" && InUnit(c.Item, "a"));
        Assert.Contains(after.Computed, c => c.Analyzer == "secrets" && InUnit(c.Item, "a"));
        Assert.True(OnlyTouches(after.Computed, "a"), string.Join(", ", after.Computed));
    }

    [Fact]
    public void An_ignore_file_edit_recomputes_that_package_only()
    {
        var before = Run();
        Assert.DoesNotContain(before.Findings, f => f.RuleId == "npm/source-map-shipped" && f.Location.Path.StartsWith(P("packages/d/"), StringComparison.Ordinal));
        Create("packages/d/lib/index.js.map", """{"version":3,"sources":["../src/index.ts"],"sourcesContent":["module.exports = 1;\n"],"mappings":"AAAA"}""");
        var created = Run();
        Assert.Contains(created.Findings, f => f.RuleId == "npm/source-map-shipped" && f.Location.Path.StartsWith(P("packages/d/"), StringComparison.Ordinal));
        Edit("packages/d/.npmignore", "src/\n*.map\n");
        var after = Run();
        Assert.DoesNotContain(after.Findings, f => f.RuleId == "npm/source-map-shipped" && f.Location.Path.StartsWith(P("packages/d/"), StringComparison.Ordinal));
        Assert.Contains(after.Computed, c => c.Analyzer == "shipped source maps" && InUnit(c.Item, "d"));
        Assert.True(OnlyTouches(after.Computed, "d"), string.Join(", ", after.Computed));
    }

    [Fact]
    public void A_file_created_under_a_unit_recomputes_that_unit_only()
    {
        Run();
        Create("packages/b/dist/extra.js.map", """{"version":3,"sources":["../src/index.ts"],"sourcesContent":["export const x = 1;\n"],"mappings":"AAAA"}""");
        var after = Run();
        Assert.Contains(after.Findings, f => f.RuleId == "npm/source-map-shipped" && f.Location.Path == P("packages/b/package.json"));
        Assert.Contains(after.Computed, c => c.Analyzer == "shipped source maps" && InUnit(c.Item, "b"));
        // Workspace-wide items (workflows, .NET, unshipped credential files) depend on the whole folder's file set.
        var units = after.Computed.Where(c => !c.Item.EndsWith("*", StringComparison.Ordinal) && c.Item != "unshipped").ToList();
        Assert.True(OnlyTouches(units, "b"), string.Join(", ", units));
    }

    [Fact]
    public void A_tsconfig_edit_replans_that_project_and_rechecks_its_exposure_only()
    {
        var before = Run();
        Assert.DoesNotContain(before.Findings, f => f.RuleId == "build/tsc-source-map");
        Edit("packages/b/tsconfig.json", """{ "compilerOptions": { "outDir": "dist", "sourceMap": true } }""");
        var after = Run();
        var finding = Assert.Single(after.Findings, f => f.RuleId == "build/tsc-source-map");
        Assert.Equal(P("packages/b/tsconfig.json"), finding.Location.Path);
        Assert.Contains("@mono/b", finding.Message);
        Assert.Contains(after.Computed, c => c.Analyzer == "tsconfig source maps" && c.Item == P("packages/b/tsconfig.json"));
        Assert.DoesNotContain(after.Computed, c => c.Analyzer is "shipped source maps" or "secrets");
        Assert.True(OnlyTouches(after.Computed, "b"), string.Join(", ", after.Computed));
    }

    [Fact]
    public void A_build_config_edit_replans_that_folder_only()
    {
        var before = Run();
        Assert.DoesNotContain(before.Findings, f => f.RuleId.StartsWith("build/webpack", StringComparison.Ordinal));
        Edit("packages/c/webpack.config.js", "module.exports = { mode: 'production', devtool: 'source-map', output: { path: __dirname + '/dist' } };\n");
        var after = Run();
        Assert.Contains(after.Findings, f => f.RuleId == "build/webpack-devtool" && f.Location.Path == P("packages/c/webpack.config.js"));
        Assert.Equal([("build", P("packages/c"))], after.Computed);
    }

    [Fact]
    public void A_source_file_nobody_ships_recomputes_nothing()
    {
        Run();
        Edit("packages/a/src/index.ts", "export const x = 2;\n");
        Assert.Empty(Run().Computed);
    }

    [Fact]
    public void A_shipped_file_edit_rescans_that_unit_and_reports_the_secret()
    {
        Run();
        // Built at run time: no token-shaped string is stored in the repository.
        Edit("packages/b/dist/index.js", "exports.x = 1;\nconst token = \"" + "gh" + "p_" + "B7kQ9xW2mZ4pL8vN3rT6yU1sD5fG0hJ3cV8n" + "\";\n");
        var after = Run();
        Assert.Contains(after.Findings, f => f.RuleId == "secrets/github-token" && f.Location.Path == P("packages/b/dist/index.js"));
        Assert.Contains(after.Computed, c => c.Analyzer == "secrets" && InUnit(c.Item, "b"));
        Assert.True(OnlyTouches(after.Computed, "b"), string.Join(", ", after.Computed));
    }

    [Fact]
    public void Making_a_package_private_changes_the_packages_fact_and_drops_its_findings()
    {
        var before = Run();
        Assert.Contains(before.Findings, f => f.Package == "@mono/a");
        Edit("packages/a/package.json", _dir.Read("packages/a/package.json").Replace("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",\n  \"private\": true,"));
        var after = Run();
        Assert.DoesNotContain(after.Findings, f => f.Package == "@mono/a" && f.RuleId.StartsWith("npm/", StringComparison.Ordinal));
        // Who publishes what is a workspace-wide fact: the items that relied on it ran again (b's too: the fact is coarse),
        // not those that did not (b's tsconfig sets no map option, so it never asked who publishes).
        Assert.Contains(after.Computed, c => c.Analyzer == "shipped source maps" && InUnit(c.Item, "b"));
        Assert.DoesNotContain(after.Computed, c => c.Item == P("packages/b/tsconfig.json"));
    }

    [Fact]
    public void The_root_gitignore_reaches_every_member_and_reruns_their_ship_sets()
    {
        Run();
        Edit(".gitignore", "node_modules/\n*.map\n");
        var after = Run();
        foreach (var p in new[] { "a", "b", "c", "d" })
            Assert.Contains(after.Computed, c => c.Analyzer == "shipped source maps" && InUnit(c.Item, p));
    }

    [Fact]
    public void A_private_workspace_root_is_never_a_unit_item()
    {
        var first = Run();
        Assert.DoesNotContain(first.Computed, c => c.Item.EndsWith(":" + Root, StringComparison.Ordinal));
        Assert.Contains(first.Computed, c => c.Analyzer == "shipped source maps" && InUnit(c.Item, "a"));
    }

    [Fact]
    public void A_cancelled_run_keeps_the_items_it_finished()
    {
        Run();
        Edit("packages/a/package.json", _dir.Read("packages/a/package.json").Replace("1.0.0", "1.0.1"));
        Edit("packages/b/package.json", _dir.Read("packages/b/package.json").Replace("1.0.0", "1.0.1"));
        using var cancel = new CancellationTokenSource();
        _computed.Clear();
        var stopAfter = 3;
        _analysis.ItemComputed = (analyzer, item) =>
        {
            lock (_computed) _computed.Add((analyzer, item));
            if (_computed.Count == stopAfter) cancel.Cancel();
        };
        Assert.ThrowsAny<OperationCanceledException>(() => _analysis.Run(_files, _index, EngineSettings.Default, null, cancel.Token));
        var finished = _computed.ToList();
        Assert.InRange(finished.Count, stopAfter, stopAfter + Environment.ProcessorCount); // and the items in flight when it was cancelled
        _analysis.ItemComputed = (analyzer, item) => { lock (_computed) _computed.Add((analyzer, item)); };
        var resumed = Run();
        // The resumed run computes the rest, not what the cancelled one finished.
        Assert.NotEmpty(resumed.Computed);
        Assert.Empty(resumed.Computed.Intersect(finished));
    }

    [Fact]
    public void A_streaming_run_checks_fixes_against_the_units_once_however_often_it_reports()
    {
        // A package with a map and neither `files` nor .npmignore: its fix creates .npmignore, which the guard checks
        // against every unit. Each progress report finishes the findings so far; they share the run's snapshot.
        _dir.Write("packages/e/package.json", """{ "name": "@mono/e", "version": "1.0.0", "main": "dist/e.js" }""");
        _dir.Write("packages/e/dist/e.js", "exports.e = 1;\n//# sourceMappingURL=e.js.map\n");
        _dir.Write("packages/e/dist/e.js.map", """{"version":3,"sources":["../src/e.ts"],"sourcesContent":["export const e = 1;\n"],"mappings":"AAAA"}""");
        _index = WorkspaceIndex.Build(_files, Root);
        var reports = 0;
        var options = new RunOptions { OnProgress = (_, _) => reports++, ProgressInterval = TimeSpan.Zero };
        var findings = _analysis.Run(_files, _index, EngineSettings.Default, options);
        Assert.True(reports >= 1, "the run reported no progress");
        Assert.Equal(1, _analysis.FixGuardsBuilt);
        var map = findings.Single(f => f.RuleId == "npm/source-map-shipped" && f.Location.Path.Contains("/packages/e/", StringComparison.Ordinal));
        Assert.Contains(map.Fixes, x => x.Edits.Any(e => e.CreateFile && e.Path.EndsWith("/packages/e/.npmignore", StringComparison.Ordinal)));
        AssertFixesAsFresh(findings);
        Run();
        Assert.Equal(2, _analysis.FixGuardsBuilt); // a new run, a new snapshot
    }

    /// <summary>Every fix of every finding, edits included: what a code action would apply.</summary>
    private static List<string> FixesOf(IEnumerable<Finding> findings) =>
        findings.SelectMany(f => f.Fixes.Select(x => $"{f.RuleId}|{f.Location.Path}|{f.Location.Range}|{x.Title}|{x.Kind}|" +
            string.Join(";", x.Edits.Select(e => $"{e.Path}:{e.CreateFile}:{string.Join(",", e.Edits.Select(t => t.Range + "=" + t.NewText))}")))).ToList();

    private void AssertFixesAsFresh(IReadOnlyList<Finding> findings) =>
        Assert.Equal(FixesOf(AnalyzerCatalog.CreateEngine().Analyze(_files, WorkspaceIndex.Build(_files, Root), EngineSettings.Default)), FixesOf(findings));

    [Fact]
    public void The_suppression_fixes_follow_the_config_and_the_plan_for_creating_it()
    {
        const string Baseline = "Add npm/source-map-shipped to the baseline";
        var first = Run().Findings;
        AssertFixesAsFresh(first);
        var map = first.Single(f => f.RuleId == "npm/source-map-shipped");
        var create = map.Fixes.Single(x => x.Title.StartsWith(Baseline, StringComparison.Ordinal));
        Assert.Contains(create.Edits, e => e.CreateFile); // no config yet: the fix creates it

        // A config appears: the same finding's baseline fix now edits it.
        Create(".hygienelsp.json", "{\n  \"baseline\": []\n}\n");
        var second = Run().Findings;
        AssertFixesAsFresh(second);
        var edit = second.Single(f => f.RuleId == "npm/source-map-shipped").Fixes.Single(x => x.Title.StartsWith(Baseline, StringComparison.Ordinal));
        Assert.DoesNotContain(edit.Edits, e => e.CreateFile);

        // Listing the finding there: it is gone.
        Edit(".hygienelsp.json", "{\n  \"baseline\": [\"" + map.Fingerprint + "\"]\n}\n");
        Assert.DoesNotContain(Run().Findings, f => f.RuleId == "npm/source-map-shipped");

        // Without the config, and with a root that publishes its folder: creating the config now needs an exclusion too.
        File.Delete(P(".hygienelsp.json"));
        _files.DiskStamps!.ForgetUnder(P(".hygienelsp.json"));
        _files = _files.WithOverlay(P(".hygienelsp.json"), null);
        _index = WorkspaceIndex.Build(_files, Root);
        _analysis.Note([P(".hygienelsp.json")]);
        Edit("package.json", """{ "name": "mono", "version": "1.0.0", "workspaces": ["packages/*"], "files": ["packages/*/dist", "*.json"] }""");
        var third = Run().Findings;
        AssertFixesAsFresh(third);
        var kept = third.First(f => f.RuleId == "npm/source-map-shipped").Fixes.SingleOrDefault(x => x.Title.StartsWith(Baseline, StringComparison.Ordinal));
        Assert.True(kept is null || kept.Title.Contains("keep .hygienelsp.json out of", StringComparison.Ordinal) && kept.Edits.Count > 1,
            "a config the root package would ship must come with its exclusion, or not be offered");
    }

    [Fact]
    public void A_credential_file_is_an_error_while_a_unit_ships_it_and_a_warning_after_it_is_kept_out()
    {
        Create("packages/d/.env", "STRIPE_SECRET=" + "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dcQ2" + "\n");
        Severity SecretSeverity(IReadOnlyList<Finding> findings) =>
            findings.Single(f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal) && f.Location.Path == P("packages/d/.env")).Severity;
        Assert.Equal(Severity.Error, SecretSeverity(Run().Findings)); // d's .npmignore does not keep .env out
        Edit("packages/d/.npmignore", "src/\n.env\n");
        Assert.Equal(Severity.Warning, SecretSeverity(Run().Findings)); // in the workspace only
        Edit("packages/d/.npmignore", "src/\n");
        Assert.Equal(Severity.Error, SecretSeverity(Run().Findings));
    }
}
