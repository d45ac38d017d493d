using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.JsConfig;

public class JsEvaluatorTests
{
    private static (JsModuleLoader Loader, JsValue Value) Load(TempDir dir, string file, JsEnvironment? env = null)
    {
        var loader = new JsModuleLoader(FileView.Disk, env ?? JsEnvironment.Production());
        var module = loader.LoadEntry(Paths.Normalize(Path.Combine(dir.Path, file)));
        return (loader, module!.ConfigValue);
    }

    private static string? Str(JsValue v) => (v as JsPrimitive)?.Value as string;

    [Theory]
    [InlineData(".babelrc")]
    [InlineData(".swcrc")]
    public void Extensionless_rc_files_are_read_as_json(string name)
    {
        // Babel and SWC read these as JSON(5); as a JS program the object would be a block with a label.
        using var dir = new TempDir();
        dir.Write(name, "{\n  // maps for production\n  \"sourceMaps\": \"inline\",\n  \"env\": { \"production\": { \"sourceMaps\": true } }\n}\n");
        var (_, value) = Load(dir, name);
        var obj = Assert.IsType<JsObject>(value);
        Assert.Equal("inline", Str(obj.Get("sourceMaps")));
        Assert.IsType<JsObject>(obj.Get("env"));
    }

    [Fact]
    public void Production_indicators_pick_the_production_branch()
    {
        using var dir = new TempDir();
        dir.Write("webpack.config.js", """
            const isProd = process.env.NODE_ENV === 'production';
            const analyze = process.env.ANALYZE;
            module.exports = {
              devtool: isProd ? 'hidden-source-map' : 'eval',
              other: analyze ? 'a' : 'b',
              out: require('path').resolve(__dirname, 'build'),
            };
            """);
        var (_, value) = Load(dir, "webpack.config.js");
        var obj = Assert.IsType<JsObject>(value);
        Assert.Equal("hidden-source-map", Str(obj.Get("devtool")));
        Assert.IsType<JsChoice>(obj.Get("other"));
        Assert.Equal(Paths.Normalize(dir.Path) + "/build", Str(obj.Get("out")));
        Assert.Equal("'hidden-source-map'", obj.Get("devtool").Source!.Document.TextOf(obj.Get("devtool").Source!.Node));
    }

    [Fact]
    public void Function_config_with_if_and_returns()
    {
        using var dir = new TempDir();
        dir.Write("webpack.config.js", """
            module.exports = (env, argv) => {
              const dev = argv.mode !== 'production';
              const config = { devtool: 'source-map' };
              if (!dev) {
                config.devtool = false;
              }
              if (env.unknownFlag) return { devtool: 'eval' };
              return config;
            };
            """);
        var (loader, value) = Load(dir, "webpack.config.js");
        var argv = new JsObject();
        argv.Set("mode", JsValue.Of("production"));
        var env = new JsObject();
        env.AddUnknownSpread(null); // flags other than the known ones are unknown
        var result = loader.Evaluator.Call(value, [env, argv], null);
        var options = result.Options.OfType<JsObject>().Select(o => o.Get("devtool")).ToList();
        Assert.Equal(2, options.Count); // unknown flag: either the eval object or the config with devtool false
        Assert.Contains(options, o => o is JsPrimitive { Value: false });
        Assert.Contains(options, o => Str(o) == "eval");
    }

    [Fact]
    public void Merged_sibling_configs_later_wins_and_cycles_stop()
    {
        using var dir = new TempDir();
        dir.Write("webpack.common.js", "const x = require('./webpack.prod');\nmodule.exports = { devtool: 'source-map', output: { path: '/a', filename: 'x.js' } };");
        dir.Write("webpack.prod.ts", """
            import { merge } from 'webpack-merge';
            import common from './webpack.common';
            export default merge(common, { devtool: 'nosources-source-map', output: { path: '/b' } });
            """);
        var (_, value) = Load(dir, "webpack.prod.ts");
        var obj = Assert.IsType<JsObject>(value);
        Assert.Equal("nosources-source-map", Str(obj.Get("devtool")));
        var output = Assert.IsType<JsObject>(obj.Get("output"));
        Assert.Equal("/b", Str(output.Get("path")));
        Assert.Equal("x.js", Str(output.Get("filename")));
    }

    [Fact]
    public void Esbuild_calls_are_recorded_with_certainty()
    {
        using var dir = new TempDir();
        dir.Write("build.mjs", """
            import * as esbuild from 'esbuild';
            const watch = process.argv.includes('--watch');
            async function main() {
              if (watch) { const ctx = await esbuild.context({ sourcemap: true }); await ctx.watch(); }
              else await esbuild.build({ entryPoints: ['src/a.ts'], outdir: 'dist', sourcemap: 'inline' });
            }
            main().catch(() => process.exit(1));
            """);
        var (loader, _) = Load(dir, "build.mjs");
        Assert.Equal(2, loader.Calls.Count);
        Assert.All(loader.Calls, c => Assert.False(c.Certain));
    }

    [Fact]
    public void Unknown_spread_hides_earlier_keys_only()
    {
        using var dir = new TempDir();
        dir.Write("c.js", "const base = require('some-package');\nmodule.exports = { devtool: 'eval', ...base, mode: 'production' };");
        var (_, value) = Load(dir, "c.js");
        var obj = Assert.IsType<JsObject>(value);
        Assert.IsType<JsUnknown>(obj.Get("devtool"));
        Assert.Equal("production", Str(obj.Get("mode")));
    }
}
