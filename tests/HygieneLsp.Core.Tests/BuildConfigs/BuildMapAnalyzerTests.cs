using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Build;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.BuildConfigs;

public class BuildMapAnalyzerTests
{
    /// <summary>An exposure that says "npm package 'lib' publishes everything under dist/".</summary>
    private sealed class PublishesDist(string root) : IShipExposure
    {
        public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) =>
            Paths.IsUnder(absolutePath, root + "/dist")
                ? [new ShipExposureHit("npm package", "lib", "\"files\" includes dist", new SourceLocation(root + "/package.json", TextRange.Empty))]
                : [];
    }

    private static IReadOnlyList<Finding> Analyze(TempDir dir, IShipExposure? exposure = null)
    {
        var root = Paths.Normalize(dir.Path);
        var engine = new Engine([new BuildMapAnalyzer(exposure ?? new PublishesDist(root))]);
        return engine.AnalyzeFolder(root, EngineSettings.Default);
    }

    [Theory]
    [InlineData("examples/counter")]
    [InlineData("playground/css-sourcemap")]
    [InlineData("packages/kit/test/fixtures/app")]
    public void Example_and_fixture_web_apps_are_not_deployed_from_here(string folder)
    {
        using var dir = new TempDir();
        const string config = "export default { build: { sourcemap: true } };\n";
        dir.Write(folder + "/package.json", "{ \"name\": \"demo\", \"private\": true, \"scripts\": { \"build\": \"vite build\" } }");
        dir.Write(folder + "/vite.config.js", config);
        Assert.Empty(Analyze(dir, NoShipExposure.Instance));
        // The same app as the workspace's own project is a web deploy: a warning.
        dir.Write("app/package.json", "{ \"name\": \"site\", \"private\": true, \"scripts\": { \"build\": \"vite build\" } }");
        dir.Write("app/vite.config.js", config);
        Assert.Equal(Severity.Warning, Assert.Single(Analyze(dir, NoShipExposure.Instance)).Severity);
    }

    [Fact]
    public void Shipped_maps_are_errors_on_the_devtool_value_with_fixes()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"files\": [\"dist\"] }");
        var cfg = dir.Write("webpack.config.js", "module.exports = {\n  // keep\n  devtool: 'source-map',\n};\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal("build/webpack-devtool", f.RuleId);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(new TextPosition(2, 11), f.Location.Range.Start);
        Assert.Single(f.Related);
        var repairs = f.Fixes.Where(x => x.Kind == FixKind.Repair).ToList(); // the engine adds suppressions too
        var disable = repairs.Single(x => x.IsPreferred).Edits.Single();
        Assert.Equal("module.exports = {\n  // keep\n  devtool: false,\n};\n", TextEdits.Apply(File.ReadAllText(cfg), disable.Edits));
        var drop = repairs.Single(x => !x.IsPreferred).Edits.Single();
        Assert.Equal("module.exports = {\n  // keep\n  devtool: 'nosources-source-map',\n};\n", TextEdits.Apply(File.ReadAllText(cfg), drop.Edits));
    }

    [Fact]
    public void Web_build_not_shipped_is_a_warning_and_nosources_lower()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"app\", \"private\": true, \"scripts\": { \"build\": \"vite build\" } }");
        dir.Write("vite.config.ts", "import { defineConfig } from 'vite'\nexport default defineConfig({ build: { outDir: 'www', sourcemap: 'hidden' } })\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("served publicly when www/ is deployed", f.Message);
    }

    [Fact]
    public void Unknown_conditions_are_may_and_lower_severity_and_unknown_values_are_silent()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\" }");
        dir.Write("webpack.config.js", "module.exports = { devtool: process.env.MAPS ? 'source-map' : false };\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("may write", f.Message);

        using var dir2 = new TempDir();
        dir2.Write("webpack.config.js", "module.exports = { devtool: require('./somewhere-missing').devtool };\n");
        Assert.Empty(Analyze(dir2));
    }

    [Fact]
    public void Library_maps_that_nothing_publishes_are_not_reported()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"scripts\": { \"build\": \"rollup -c -m\" } }");
        dir.Write("rollup.config.mjs", "export default { input: 'src/a.js', output: { dir: 'out' } };\n");
        Assert.Empty(Analyze(dir));
        dir.Write("rollup.config.mjs", "export default { input: 'src/a.js', output: { dir: 'dist' } };\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal("build/rollup-sourcemap", f.RuleId);
        Assert.Equal(dir.Path.Replace('\\', '/') + "/package.json", f.Location.Path);
    }

    [Fact]
    public void Rollup_outputs_sharing_a_folder_surely_map_when_one_of_them_surely_does()
    {
        // Both outputs are written; the one without maps does not make the other's maps uncertain.
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"scripts\": { \"build\": \"rollup -c\" } }");
        dir.Write("rollup.config.mjs", "export default [\n  { input: 'a.js', output: { file: 'dist/a.js', sourcemap: true } },\n  { input: 'b.js', output: { file: 'dist/b.js' } },\n];\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains(" writes source maps", f.Message);
    }

    [Fact]
    public void Cra_next_parcel_babel_are_predicted()
    {
        using var dir = new TempDir();
        // Next 15 builds with webpack, so its webpack hook decides.
        dir.Write("package.json", "{\n  \"name\": \"app\",\n  \"dependencies\": { \"next\": \"^15.5.0\" },\n  \"scripts\": {\n    \"build\": \"react-scripts build\",\n    \"build:lib\": \"babel src -d dist --source-maps inline\",\n    \"bundle\": \"parcel build src/index.html\"\n  }\n}\n");
        dir.Write(".env.production", "GENERATE_SOURCEMAP=true\n");
        dir.Write("next.config.js", "module.exports = {\n  webpack(config, { dev, isServer }) {\n    if (!dev && !isServer) config.devtool = 'hidden-source-map';\n    return config;\n  },\n};\n");
        var findings = Analyze(dir);
        Assert.Contains(findings, f => f.RuleId == "build/cra-sourcemap" && f.Location.Path.EndsWith(".env.production", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "build/next-sourcemaps" && f.Message.Contains("hidden"));
        Assert.Contains(findings, f => f.RuleId == "build/parcel-sourcemaps");
        // build:lib is not `build` and nothing (prepublishOnly, CI) runs it: possible only, one level lower.
        Assert.Contains(findings, f => f.RuleId == "build/babel-sourcemaps" && f.Severity == Severity.Warning && f.Message.StartsWith("`npm run build:lib` (babel src -d dist --source-maps inline) may write", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("16.4.6", "next build", false)]            // Turbopack by default: the hook never runs (Next refuses to build)
    [InlineData("16.4.6", "next build --webpack", true)]
    [InlineData("16.4.6", "next build --turbopack", false)] // Turbopack, hook ignored
    [InlineData("15.5.4", "next build", true)]             // webpack by default
    [InlineData("15.5.4", "next build --turbopack", false)]
    public void Next_webpack_hook_counts_only_in_a_webpack_build(string installed, string script, bool maps)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"app\", \"dependencies\": { \"next\": \"latest\" }, \"scripts\": { \"build\": \"" + script + "\" } }\n");
        dir.Write("node_modules/next/package.json", "{ \"name\": \"next\", \"version\": \"" + installed + "\" }\n");
        dir.Write("next.config.js", "module.exports = {\n  webpack(config, { dev, isServer }) {\n    if (!dev && !isServer) config.devtool = 'source-map';\n    return config;\n  },\n};\n");
        Assert.Equal(maps, Analyze(dir).Any(f => f.RuleId == "build/next-sourcemaps"));
    }

    [Theory]
    [InlineData("{}", false)]
    [InlineData("{ \"next\": \"^16.0.0\" }", false)]
    [InlineData("{ \"next\": \"~15.3.2\" }", true)]
    [InlineData("{ \"next\": \"14.2.0\" }", true)]
    public void Next_version_comes_from_package_json_when_not_installed(string dependencies, bool maps)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"app\", \"dependencies\": " + dependencies + ", \"scripts\": { \"build\": \"next build\" } }\n");
        dir.Write("next.config.js", "module.exports = { webpack: (config) => { config.devtool = 'source-map'; return config; } };\n");
        Assert.Equal(maps, Analyze(dir).Any(f => f.RuleId == "build/next-sourcemaps"));
    }

    [Theory]
    [InlineData("babel src -d dist", ".babelrc")]
    [InlineData("babel src -d dist", "babel.config.json")]
    [InlineData("swc src -d dist", ".swcrc")]
    public void Creating_a_transpiler_config_replans_the_project(string script, string config)
    {
        // The plan cache keys on every config file the tool would read, present or not.
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"t\", \"scripts\": { \"build\": \"" + script + "\" } }\n");
        dir.Write("src/index.js", "export const x = 1;\n");
        var root = Paths.Normalize(dir.Path);
        var cache = new BuildPlanCache();
        Assert.DoesNotContain(cache.Get(FileView.Disk, root, root).SelectMany(p => p.Outputs), o => o.AnyEmits);
        dir.Write(config, "{ \"sourceMaps\": true }\n");
        Assert.Contains(cache.Get(FileView.Disk, root, root).SelectMany(p => p.Outputs), o => o.AnyEmits);
    }

    [Fact]
    public void Cra_script_env_false_turns_maps_off()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"app\", \"scripts\": { \"build\": \"GENERATE_SOURCEMAP=false react-scripts build\" } }");
        Assert.Empty(Analyze(dir));
    }

    /// <summary>Publishes exactly the files named (like npm with a forgetful .npmignore).</summary>
    private sealed class PublishesFiles(params string[] paths) : IShipExposure
    {
        public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) =>
            paths.Contains(absolutePath) ? [new ShipExposureHit("npm package", "@acme/cli", "nothing excludes *.map", null)] : [];
    }

    [Theory]
    [InlineData("--sourcemap", new[] { "dist", "src" })]
    [InlineData("--sourcemap=linked", new[] { "dist", "src" })]
    [InlineData("--sourcemap=inline", new[] { "dist" })]
    [InlineData("--sourcemap=external", new string[0])]
    public void Bun_outfile_maps_are_predicted_where_each_bun_writes_them(string flag, string[] folders)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"b\", \"version\": \"1.0.0\", \"scripts\": { \"build\": \"bun build src/main.ts --outfile dist/cli.js " + flag + "\" } }\n");
        dir.Write("src/main.ts", "console.log(1);\n");
        var root = Paths.Normalize(dir.Path);
        var (plans, _) = HygieneLsp.Core.BuildConfigs.BuildPlanner.PlanProject(FileView.Disk, root);
        var emitting = plans.SelectMany(p => p.Outputs).Where(o => o.Tool == "bun" && o.AnyEmits).ToList();
        Assert.Equal(folders.Select(f => root + "/" + f), emitting.Select(o => o.OutputDirectory));
    }

    [Fact]
    public void Leaked_cli_fixture_bun_linked_map_next_to_the_bin_is_an_error()
    {
        var root = Paths.Normalize(Path.Combine(RepoPaths.Fixtures, "leaked-cli"));
        var engine = new Engine([new BuildMapAnalyzer(new PublishesFiles(root + "/cli.js.map"))]);
        var f = Assert.Single(engine.AnalyzeFolder(root, EngineSettings.Default));
        Assert.Equal("build/bun-sourcemap", f.RuleId);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(root + "/package.json", f.Location.Path);
        var fixedText = TextEdits.Apply(File.ReadAllText(root + "/package.json"), f.Fixes.Single(x => x.Kind == FixKind.Repair).Edits.Single().Edits);
        Assert.Contains("\"build\": \"bun build src/main.ts --target node --outfile cli.js\",", fixedText);
    }
}

public class BuildMapAnalyzerLibraryTests
{
    [Fact]
    public void Library_builds_are_not_reported_as_deployed_web_apps()
    {
        using var dir = new TempDir();
        dir.Write("webpack.config.js", "module.exports = { devtool: 'source-map', output: { library: { type: 'umd', name: 'x' } } };\n");
        dir.Write("vite.config.mjs", "export default { build: { sourcemap: true, lib: { entry: 'src/a.js' } } };\n");
        var engine = new Engine([new BuildMapAnalyzer(NoShipExposure.Instance)]);
        Assert.Empty(engine.AnalyzeFolder(Paths.Normalize(dir.Path), EngineSettings.Default));
    }
}
