using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Build;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.BuildConfigs;

/// <summary>Which script is the release build, webpack-cli 3 env flags, public folders, and messages that name the script.</summary>
public class ScriptRolePlannerTests
{
    private sealed class PublishesDist(string root) : IShipExposure
    {
        public IReadOnlyList<ShipExposureHit> WhoShips(AnalysisContext context, string absolutePath) =>
            Paths.IsUnder(absolutePath, root + "/dist")
                ? [new ShipExposureHit("npm package", "lib", "\"files\" includes dist", new SourceLocation(root + "/package.json", TextRange.Empty))]
                : [];
    }

    private static IReadOnlyList<Finding> Analyze(TempDir dir, bool publishesDist = true)
    {
        var root = Paths.Normalize(dir.Path);
        IShipExposure exposure = publishesDist ? new PublishesDist(root) : NoShipExposure.Instance;
        return new Engine([new BuildMapAnalyzer(exposure)]).AnalyzeFolder(root, EngineSettings.Default)
            .Where(f => f.RuleId.StartsWith("build/", StringComparison.Ordinal)).ToList();
    }

    private static Finding For(IReadOnlyList<Finding> findings, string configName) =>
        Assert.Single(findings, f => f.Location.Path.EndsWith("/" + configName, StringComparison.Ordinal));

    private static void TwoWebpackConfigs(TempDir dir, string scripts)
    {
        dir.Write("package.json", "{ \"name\": \"lib\", \"scripts\": { " + scripts + " } }\n");
        dir.Write("webpack.prod.js", "module.exports = { mode: 'production', devtool: 'source-map' };\n");
        dir.Write("webpack.quick.js", "module.exports = { mode: 'production', devtool: 'inline-source-map' };\n");
    }

    [Fact]
    public void The_script_a_ci_workflow_runs_is_the_release_build_and_the_others_are_possible()
    {
        using var dir = new TempDir();
        TwoWebpackConfigs(dir, "\"build\": \"webpack --config webpack.quick.js\", \"build:prod\": \"webpack --config webpack.prod.js\"");
        dir.Write(".github/workflows/release.yml", "on: push\njobs:\n  publish:\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: |\n          npm run build:prod\n          npm publish\n");
        var findings = Analyze(dir);
        var prod = For(findings, "webpack.prod.js");
        Assert.Equal(Severity.Error, prod.Severity);
        Assert.StartsWith("`npm run build:prod` (webpack --config webpack.prod.js) writes source maps", prod.Message);
        var quick = For(findings, "webpack.quick.js");
        Assert.Equal(Severity.Warning, quick.Severity);
        Assert.StartsWith("`npm run build` (webpack --config webpack.quick.js) may write", quick.Message);
        Assert.Contains("not run by the release (`npm run build:prod`)", quick.Message);
    }

    [Fact]
    public void Without_ci_build_is_the_release_build_and_prepublish_chains_are_followed()
    {
        using var dir = new TempDir();
        TwoWebpackConfigs(dir, "\"build\": \"webpack --config webpack.quick.js\", \"bundle\": \"webpack --config webpack.prod.js\"");
        var findings = Analyze(dir);
        Assert.Equal(Severity.Error, For(findings, "webpack.quick.js").Severity);
        Assert.Equal(Severity.Warning, For(findings, "webpack.prod.js").Severity);

        // prepublishOnly → npm run release → run-s bundle: bundle is what ships.
        TwoWebpackConfigs(dir, "\"build\": \"webpack --config webpack.quick.js\", \"bundle\": \"webpack --config webpack.prod.js\", \"release\": \"run-s bundle\", \"prepublishOnly\": \"npm run release\"");
        findings = Analyze(dir);
        Assert.Equal(Severity.Error, For(findings, "webpack.prod.js").Severity);
        Assert.Equal(Severity.Warning, For(findings, "webpack.quick.js").Severity);
    }

    [Theory]
    [InlineData("\"build\": \"vite build --mode staging\"", "--mode staging is not the production build")]
    [InlineData("\"build:prod\": \"vite build\", \"build:staging\": \"vite build --outDir dist\"", "named for 'staging'")]
    public void Other_modes_are_possible_only_and_say_why(string scripts, string reason)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"app\", \"private\": true, \"scripts\": { " + scripts + " } }\n");
        dir.Write("vite.config.js", "export default { build: { sourcemap: true } };\n");
        var f = Assert.Single(Analyze(dir, publishesDist: false));
        if (reason.StartsWith("named", StringComparison.Ordinal))
        {
            // build:prod is the release build: it makes the same maps and is the one reported, as a warning.
            Assert.Equal(Severity.Warning, f.Severity);
            Assert.StartsWith("`npm run build:prod` (vite build) writes", f.Message);
            return;
        }
        Assert.Equal(Severity.Information, f.Severity);
        Assert.Contains("may write", f.Message);
        Assert.EndsWith($"Reported as possible only: {reason}.", f.Message);
    }

    [Fact]
    public void A_dockerfile_run_line_picks_the_release_script()
    {
        using var dir = new TempDir();
        TwoWebpackConfigs(dir, "\"build\": \"webpack --config webpack.quick.js\", \"build:docker\": \"webpack --config webpack.prod.js\"");
        dir.Write("Dockerfile", "FROM node:22\nCOPY . .\nRUN yarn install --frozen-lockfile && \\\n    yarn build:docker\nCMD [\"node\", \"server.js\"]\n");
        var findings = Analyze(dir);
        Assert.Equal(Severity.Error, For(findings, "webpack.prod.js").Severity);
        Assert.Equal(Severity.Warning, For(findings, "webpack.quick.js").Severity);
    }

    [Fact]
    public void A_bare_ng_build_is_not_the_deploy_build_when_ci_builds_the_production_configuration()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"shop\", \"private\": true, \"scripts\": { \"build\": \"ng build\" } }\n");
        dir.Write("angular.json", """
            { "projects": { "shop": { "architect": { "build": {
              "options": { "outputPath": "dist/shop", "sourceMap": true },
              "configurations": { "production": { "sourceMap": false } }
            } } } } }
            """);
        var bare = Assert.Single(Analyze(dir, publishesDist: false));
        Assert.Equal(Severity.Warning, bare.Severity); // no CI: `npm run build` is the deploy build

        dir.Write(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    steps:\n      - run: npx ng build --configuration production # deploy build\n");
        var f = Assert.Single(Analyze(dir, publishesDist: false));
        Assert.Equal(Severity.Information, f.Severity);
        Assert.StartsWith("`npm run build` (ng build) may write", f.Message);
        Assert.Contains(".github/workflows/deploy.yml runs `ng build --configuration production` itself", f.Message);
    }

    [Theory]
    [InlineData("      - run: npm run build -- --configuration production\n")]
    [InlineData("      - run: yarn build --configuration=production\n")]
    public void Arguments_ci_passes_to_the_script_are_part_of_the_build(string step)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"shop\", \"private\": true, \"scripts\": { \"build\": \"ng build\" } }\n");
        dir.Write("angular.json", """
            { "projects": { "shop": { "architect": { "build": {
              "options": { "outputPath": "dist/shop", "sourceMap": true },
              "configurations": { "production": { "sourceMap": false } }
            } } } } }
            """);
        dir.Write(".github/workflows/pages.yml", "jobs:\n  pages:\n    steps:\n" + step);
        Assert.Empty(Analyze(dir, publishesDist: false)); // the production configuration turns the maps off
    }

    [Theory]
    [InlineData("webpack --env.production", "env.production", null)]
    [InlineData("webpack --env.NODE_ENV=production", "env.NODE_ENV === 'production'", null)]
    [InlineData("webpack --env.target web --mode production", "env.target === 'web'", null)]
    [InlineData("webpack --env.maps=true", "env.maps === true", null)]
    [InlineData("webpack --env production", "env === 'production'", "3.3.12")]
    [InlineData("webpack --env production", "env.production", "5.1.4")]
    [InlineData("webpack --env mode=prod", "env.mode === 'prod'", null)]
    public void Webpack_cli_env_flags_reach_function_configs(string script, string test, string? installedCli)
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"scripts\": { \"build\": \"" + script + "\" } }\n");
        if (installedCli is not null) dir.Write("node_modules/webpack-cli/package.json", "{ \"name\": \"webpack-cli\", \"version\": \"" + installedCli + "\" }\n");
        dir.Write("webpack.config.js", "module.exports = (env) => ({\n  devtool: " + test + " ? 'source-map' : false,\n});\n");
        var f = Assert.Single(Analyze(dir));
        Assert.Equal(Severity.Error, f.Severity);
    }

    [Fact]
    public void Webpack_cli_3_without_env_passes_undefined()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\", \"devDependencies\": { \"webpack-cli\": \"^3.3.0\" }, \"scripts\": { \"build\": \"webpack\" } }\n");
        // webpack-cli 3 calls the function with env undefined when no --env is given (4+ passes an object).
        dir.Write("webpack.config.js", "module.exports = (env) => ({\n  devtool: env ? false : 'source-map',\n});\n");
        Assert.Equal(Severity.Error, Assert.Single(Analyze(dir)).Severity);
    }

    [Fact]
    public void Rollup_into_a_public_folder_that_index_html_serves_is_a_web_app_output()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"svelte-app\", \"private\": true, \"scripts\": { \"build\": \"rollup -c\", \"dev\": \"rollup -c -w\" } }\n");
        dir.Write("rollup.config.js", "const production = !process.env.ROLLUP_WATCH;\nexport default {\n  input: 'src/main.js',\n  output: { sourcemap: true, format: 'iife', file: 'public/build/bundle.js' },\n};\n");
        Assert.Empty(Analyze(dir, publishesDist: false)); // no page serves it yet: a library output nothing publishes

        dir.Write("public/index.html", "<!doctype html>\n<link rel='stylesheet' href='/build/bundle.css'>\n<script defer src='/build/bundle.js'></script>\n");
        var f = Assert.Single(Analyze(dir, publishesDist: false));
        Assert.Equal("build/rollup-sourcemap", f.RuleId);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("`npm run build` (rollup -c) writes source maps with the original source code embedded (output.sourcemap true) into public/build/: served publicly when public/ is deployed (public/index.html loads its scripts).", f.Message);
    }

    [Fact]
    public void A_config_no_script_runs_is_named_by_its_default_invocation()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"lib\" }\n");
        dir.Write("webpack.config.js", "module.exports = { devtool: 'source-map' };\n");
        var f = Assert.Single(Analyze(dir));
        Assert.StartsWith("`webpack --mode production` (no package.json script runs webpack; read as its production build) writes", f.Message);
    }

    // Sonarr's shape: the root's script runs frontend/build/webpack.config.js with --config; the config's own folder,
    // planned on its own, has no package.json, so nothing may be said about scripts there.
    [Fact]
    public void A_config_in_a_folder_without_package_json_says_so_rather_than_that_no_script_runs_it()
    {
        using var dir = new TempDir();
        dir.Write("package.json", "{ \"name\": \"tv\", \"version\": \"4.0.0\", \"main\": \"index.ts\", \"scripts\": { \"build\": \"webpack --config ./frontend/build/webpack.config.js\" } }\n");
        dir.Write("frontend/build/webpack.config.js", "module.exports = (env) => ({ mode: env.production ? 'production' : 'development', devtool: env.production ? 'source-map' : 'eval-source-map', output: { path: __dirname + '/../../_output/UI' } });\n");
        var findings = Analyze(dir);
        Assert.DoesNotContain(findings, f => f.Message.Contains("no package.json script runs", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.StartsWith("`webpack --mode production` (its folder has no package.json; read as its production build)", StringComparison.Ordinal));
    }
}
