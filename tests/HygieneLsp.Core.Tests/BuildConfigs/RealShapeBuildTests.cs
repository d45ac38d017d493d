using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Build;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>
/// Build shapes from the real-repository study (made-up names, the shape only), checked with the real packagers'
/// exposure: extension bundles, real output names against ignore files, CLI overrides, loops, release scripts.
/// </summary>
public class RealShapeBuildTests
{
    private static List<Finding> Analyze(TempDir dir) =>
        new Engine([new BuildMapAnalyzer(AnalyzerCatalog.CreateExposure())]).AnalyzeFolder(Paths.Normalize(dir.Path), EngineSettings.Default)
            .Where(f => f.RuleId.StartsWith("build/", StringComparison.Ordinal)).ToList();

    private const string Extension = """
        { "name": "ext", "version": "1.0.0", "publisher": "someone", "engines": { "vscode": "^1.80.0" },
          "main": "./dist/extension.js", "scripts": { "vscode:prepublish": "webpack --mode production" } }
        """;

    [Fact]
    public void An_extensions_web_worker_bundle_is_judged_by_the_vsix_not_as_a_public_deploy()
    {
        using var dir = new TempDir();
        dir.Write("package.json", Extension);
        dir.Write(".vscodeignore", "src/**\n**/*.map\n");
        dir.Write("webpack.config.js", "module.exports = { target: 'webworker', devtool: 'nosources-source-map', output: { path: __dirname + '/dist/web' } };\n");
        Assert.Empty(Analyze(dir));

        // Without the exclusion the .vsix carries them.
        dir.Write(".vscodeignore", "src/**\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Contains("which vsix 'ext' would publish", f.Message);
    }

    [Theory]
    [InlineData("filename: 'extension.js'", "", false)]
    [InlineData("filename: '[name].js'", "entry: { extension: './src/extension.ts' }, ", false)]
    [InlineData("filename: '[name].js'", "entry: { extension: './src/extension.ts', worker: './src/worker.ts' }, ", true)] // worker.js.map ships
    [InlineData("filename: 'main.js'", "", true)]
    public void Ignore_lines_naming_the_real_map_file_exclude_it(string filename, string entry, bool reported)
    {
        using var dir = new TempDir();
        dir.Write("package.json", Extension);
        dir.Write(".vscodeignore", "src/**\nnode_modules/**\ndist/extension.js.map\n");
        dir.Write("webpack.config.js", "const path = require('path');\nmodule.exports = { target: 'node', " + entry + "devtool: 'source-map', output: { path: path.resolve(__dirname, 'dist'), " + filename + " } };\n");
        var findings = Analyze(dir);
        Assert.Equal(reported, findings.Count == 1);
        if (reported) Assert.Equal(Severity.Error, findings[0].Severity);
    }

    [Fact]
    public void An_npmignore_line_naming_the_esbuild_outfile_map_excludes_it()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"tool\", \"version\": \"1.0.0\", \"bin\": \"out/cli.js\", \"scripts\": { \"build\": \"esbuild src/cli.ts --bundle --platform=node --sourcemap --outfile=out/cli.js\" } }\n");
        dir.Write(".npmignore", "src/\nout/cli.js.map\n");
        Assert.Empty(Analyze(dir));
        dir.Write(".npmignore", "src/\nout/other.js.map\n");
        Assert.Equal(Severity.Error, Assert.Single(Analyze(dir)).Severity);
    }

    [Fact]
    public void Esbuild_outdir_names_come_from_the_entry_points()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"tool\", \"version\": \"1.0.0\", \"main\": \"lib/index.js\", \"scripts\": { \"build\": \"node build.mjs\" } }\n");
        dir.Write(".npmignore", "src/\nlib/index.js.map\nlib/node/server.js.map\n");
        dir.Write("build.mjs", "import { build } from 'esbuild';\nawait build({ entryPoints: ['src/index.ts', 'src/node/server.ts'], outdir: 'lib', sourcemap: true });\n");
        Assert.Empty(Analyze(dir));
        dir.Write("build.mjs", "import { build } from 'esbuild';\nawait build({ entryPoints: ['src/index.ts', 'src/node/server.ts', 'src/extra.ts'], outdir: 'lib', sourcemap: true });\n");
        Assert.Single(Analyze(dir)); // lib/extra.js.map ships
    }

    [Fact]
    public void Rollup_output_file_map_excluded_by_name_is_not_reported()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\", \"main\": \"dist/lib.cjs\", \"scripts\": { \"build\": \"rollup -c\" } }\n");
        dir.Write(".npmignore", "src/\ndist/lib.cjs.map\n");
        dir.Write("rollup.config.mjs", "export default { input: 'src/index.js', output: { file: 'dist/lib.cjs', format: 'cjs', sourcemap: true } };\n");
        Assert.Empty(Analyze(dir));
    }

    [Fact]
    public void The_release_scripts_devtool_flag_replaces_the_configs_devtool()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"dist\"], \"scripts\": { \"compile\": \"webpack\", \"prepublishOnly\": \"npm run package\", \"package\": \"webpack --mode production --devtool hidden-source-map\" } }\n");
        dir.Write("webpack.config.js", "module.exports = { devtool: 'nosources-source-map', output: { path: __dirname + '/dist' } };\n");
        var f = Assert.Single(Analyze(dir));
        Assert.EndsWith("/package.json", f.Location.Path, StringComparison.Ordinal);
        Assert.Contains("(--devtool hidden-source-map)", f.Message);
    }

    [Theory]
    [InlineData("(env, argv) => ({ mode: argv.mode, devtool: argv.mode === 'production' ? false : 'inline-source-map', entry: './src/index.ts', output: { path: __dirname + '/out', filename: 'index.js' } })", false)]
    // argv.mode kept in a local and handed to a helper that builds the config
    [InlineData("function (env, argv) { const mode = argv.mode || 'none'; return [make(mode)]; };\nfunction make(mode) { return { mode, devtool: mode === 'production' ? false : 'inline-source-map', output: { path: __dirname + '/out', filename: 'index.js' } }; }", false)]
    // .map files of the development build are not rewritten by a release build without maps: they may be left behind
    [InlineData("(env, argv) => ({ devtool: argv.mode === 'production' ? false : 'source-map', output: { path: __dirname + '/out', filename: 'index.js' } })", true)]
    public void A_development_build_of_the_release_config_is_rewritten_by_the_release_build(string config, bool reported)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"renderer\", \"version\": \"1.0.0\", \"publisher\": \"someone\", \"engines\": { \"vscode\": \"^1.80.0\" }, \"main\": \"./out/index.js\", \"scripts\": { \"vscode:prepublish\": \"webpack --mode production\", \"webpack\": \"webpack --mode development\" } }\n");
        dir.Write("webpack.config.js", "module.exports = " + config + ";\n");
        var findings = Analyze(dir);
        Assert.Equal(reported, findings.Count > 0);
        if (reported) Assert.Contains("may write", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_loop_that_may_turn_maps_off_makes_the_finding_possible_only()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"version\": \"1.0.0\", \"files\": [\"dist\"], \"scripts\": { \"build\": \"webpack\" } }\n");
        dir.Write("webpack.config.js", "const config = { devtool: 'source-map', output: { path: __dirname + '/dist' } };\nfor (const arg of process.argv) {\n  if (arg === '--no-maps') config.devtool = false;\n}\nmodule.exports = config;\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("may write", f.Message);
    }

    private const string OldAngularJson = """
        { "projects": { "admin": { "architect": { "build": {
          "builder": "@angular-devkit/build-angular:browser",
          "options": { "outputPath": "dist", "sourceMap": true },
          "configurations": { "production": { "sourceMap": false }, "staging": { "sourceMap": true } }
        } } } } }
        """;

    [Theory]
    [InlineData("\"build\": \"ng build\", \"build:prod\": \"ng build --configuration production\"", null)]
    [InlineData("\"build\": \"ng build\", \"build:prod\": \"npm run build -- --configuration production --aot\"", null)]
    // a build named for another mode may be deployed elsewhere (a staging server): still possible
    [InlineData("\"build\": \"ng build --configuration production\", \"build:staging\": \"ng build -c staging\"", "named for 'staging'")]
    public void Old_angular_bare_ng_build_beside_the_production_build_is_the_development_build(string scripts, string? reportedReason)
    {
        // No defaultConfiguration: a bare `ng build` builds the options alone (development); ng build empties dist first.
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"admin\", \"private\": true, \"scripts\": { " + scripts + " } }\n");
        dir.Write("angular.json", OldAngularJson);
        var findings = Analyze(dir);
        if (reportedReason is null) { Assert.Empty(findings); return; }
        Assert.Contains(reportedReason, Assert.Single(findings).Message);
    }

    [Theory]
    [InlineData("{ output: 'export', productionBrowserSourceMaps: true }", "out/")]
    [InlineData("{ output: 'export', distDir: 'site', productionBrowserSourceMaps: true }", "site/")]
    // a bundle-analyzer wrapper under an unknown switch changes nothing about maps
    [InlineData("require('@next/bundle-analyzer')({ enabled: process.env.ANALYZE === 'true' })({ output: 'export', productionBrowserSourceMaps: true, webpack: (config) => config })", "out/")]
    public void A_next_static_export_with_browser_maps_surely_serves_them_from_the_export_folder(string config, string folder)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"site\", \"private\": true, \"dependencies\": { \"next\": \"15.5.0\" }, \"scripts\": { \"build\": \"next build\" } }\n");
        dir.Write("next.config.js", "module.exports = " + config + ";\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains($" writes source maps with the original source code embedded (productionBrowserSourceMaps", f.Message);
        Assert.Contains($"into {folder}: served publicly when {folder} is deployed", f.Message);
    }

    [Theory]
    [InlineData("microbundle", Severity.Error, "dist/index.js.map")]
    [InlineData("microbundle build --format cjs", Severity.Error, "dist/index.js.map")]
    [InlineData("microbundle --sourcemap inline", Severity.Error, "dist/index.js")]
    [InlineData("microbundle --no-sourcemap", null, null)]
    [InlineData("microbundle --sourcemap false", null, null)]
    [InlineData("microbundle watch", null, null)]
    public void Microbundle_writes_maps_with_sources_beside_main_unless_turned_off(string script, Severity? severity, string? excludedLeavesNothing)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"tiny\", \"version\": \"1.0.0\", \"source\": \"src/index.ts\", \"main\": \"dist/index.js\", \"files\": [\"dist\"], \"scripts\": { \"build\": \"" + script + "\" } }\n");
        var findings = Analyze(dir);
        if (severity is null) { Assert.Empty(findings); return; }
        var f = Assert.Single(findings);
        Assert.Equal("build/microbundle-sourcemap", f.RuleId);
        Assert.Equal(severity, f.Severity);
        Assert.Contains("into dist/, which npm 'tiny' would publish", f.Message);
        var fixedText = HygieneLsp.Core.Text.TextEdits.Apply(File.ReadAllText(Path.Combine(dir.Path, "package.json")), f.Fixes.First(x => x.IsPreferred).Edits.Single().Edits);
        Assert.Contains(script.Contains("inline", StringComparison.Ordinal) ? "microbundle --sourcemap false" : "microbundle --no-sourcemap", fixedText);

        // With --format cjs the only bundle is dist/index.js: excluding its map by name leaves nothing to report.
        if (script.Contains("--format cjs", StringComparison.Ordinal))
        {
            dir.Write(".npmignore", excludedLeavesNothing + "\n");
            dir.Write("package.json", "{ \"name\": \"tiny\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\", \"scripts\": { \"build\": \"" + script + "\" } }\n");
            Assert.Empty(Analyze(dir));
        }
    }

    [Fact]
    public void Esbuild_options_shared_through_spread_into_a_generated_publish_folder_may_ship()
    {
        using var dir = new TempDir();
        dir.Write("package.json", """
            { "name": "sdk", "version": "0.0.0-development", "scripts": { "build": "node scripts/build.mjs" },
              "release": { "plugins": [["@semantic-release/npm", { "pkgRoot": "./pkg" }]] } }
            """);
        dir.Write("scripts/build.mjs", """
            import esbuild from 'esbuild';
            const shared = { sourcemap: 'external', sourcesContent: true, format: 'esm' };
            async function main() {
              await esbuild.build({ entryPoints: ['src/index.ts'], outdir: 'pkg/dist-src', ...shared, sourcemap: false });
              await esbuild.build({ entryPoints: ['pkg/dist-src/index.js'], outdir: 'pkg/dist-bundle', bundle: true, ...shared });
            }
            main();
            """);
        var f = Assert.Single(Analyze(dir));
        Assert.Equal("build/esbuild-sourcemap", f.RuleId);
        Assert.Equal(Severity.Warning, f.Severity); // the generated package.json's file list is unknown: possible only
        Assert.Contains("into pkg/dist-bundle/, which npm 'sdk' may publish", f.Message);
    }

    [Fact]
    public void A_typescript_import_equals_require_is_read_so_the_output_folder_is_known()
    {
        using var dir = new TempDir();
        dir.Write("package.json", """
            { "name": "ext", "version": "1.0.0", "publisher": "someone", "engines": { "vscode": "^1.80.0" },
              "main": "./dist/extension/index.js", "files": ["dist/extension/**/*", "package.json"],
              "scripts": { "bundle": "webpack --mode production" } }
            """);
        dir.Write("webpack.config.ts", "import path = require('path');\nmodule.exports = { target: 'node', devtool: 'source-map', output: { path: path.resolve(__dirname, 'dist/extension'), filename: 'index.js' } };\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("into dist/extension/, which vsix 'ext' would publish", f.Message);
    }
}
