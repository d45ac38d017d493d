using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.JsConfig;

/// <summary>Statement and library idioms real configs use: switch, try/catch, array methods, webpack-merge v4/v5.</summary>
public class JsEvaluatorIdiomTests
{
    private static JsValue Eval(string code, JsEnvironment? env = null, params (string Name, string Text)[] siblings)
    {
        using var dir = new TempDir();
        foreach (var (name, text) in siblings) dir.Write(name, text);
        dir.Write("config.js", code);
        var loader = new JsModuleLoader(FileView.Disk, env ?? JsEnvironment.Production());
        return loader.LoadEntry(Paths.Normalize(Path.Combine(dir.Path, "config.js")))!.ConfigValue;
    }

    private static JsValue Key(JsValue config, string key) => Assert.IsType<JsObject>(config).Get(key);

    private static IReadOnlyList<object?> Options(JsValue v) =>
        v.Options.Select(o => o is JsPrimitive p ? (p.IsUndefined ? "undefined" : p.Value) : o.GetType().Name).ToList();

    [Fact]
    public void Switch_on_a_known_value_runs_the_matching_case_with_fall_through_until_break()
    {
        const string code = """
            let devtool = 'unset';
            let extra = 'none';
            switch (process.env.NODE_ENV) {
              case 'development':
                devtool = 'eval';
                break;
              case 'staging':
              case 'production':
                devtool = 'source-map';
                // falls through
              case 'test':
                extra = 'fell';
                break;
              default:
                devtool = false;
            }
            module.exports = { devtool, extra };
            """;
        var config = Eval(code);
        Assert.Equal(["source-map"], Options(Key(config, "devtool")));
        Assert.Equal(["fell"], Options(Key(config, "extra")));

        var other = Eval(code, new JsEnvironment(new Dictionary<string, string?> { ["NODE_ENV"] = "qa" }));
        Assert.Equal([false], Options(Key(other, "devtool")));
        Assert.Equal(["none"], Options(Key(other, "extra")));
    }

    [Fact]
    public void Switch_on_an_unknown_value_makes_every_case_possible_and_returns_from_all_cases_end_the_function()
    {
        var config = Eval("""
            function pick(target) {
              switch (target) {
                case 'web': return { devtool: 'source-map' };
                case 'node': return { devtool: false };
                default: throw new Error('unknown target ' + target);
              }
            }
            module.exports = pick(process.env.TARGET);
            """);
        // Either case's object; never undefined (the default throws, so no config comes from it).
        Assert.Equal(["source-map", false], Options(JsEvaluator.GetMember(config, "devtool", null)));
    }

    [Fact]
    public void Switch_returning_a_config_per_mode_in_a_function_export()
    {
        var config = Eval("""
            module.exports = (env, argv) => {
              switch (argv.mode) {
                case 'development':
                  return { devtool: 'eval-source-map' };
                case 'production':
                default:
                  return { devtool: 'hidden-source-map' };
              }
            };
            """);
        var loader = new JsModuleLoader(FileView.Disk, JsEnvironment.Production());
        var argv = new JsObject();
        argv.Set("mode", JsValue.Of("production"));
        var result = loader.Evaluator.Call(config, [new JsObject(), argv], null);
        Assert.Equal(["hidden-source-map"], Options(Key(result, "devtool")));
    }

    [Fact]
    public void Try_around_an_optional_require_makes_the_catch_possible()
    {
        const string code = """
            let local = { devtool: false };
            try {
              local = require('./local.config');
            } catch (e) {
              console.log('no local config', e.message);
            }
            module.exports = { devtool: local.devtool, mode: 'production' };
            """;
        // The file is missing: the require throws in real life, so the default object may remain.
        var missing = Eval(code);
        Assert.Equal(["production"], Options(Key(missing, "mode")));
        Assert.Contains(false, Options(Key(missing, "devtool")));

        // The file is there: nothing in the try block can throw, the catch never runs.
        var present = Eval(code, null, ("local.config.js", "module.exports = { devtool: 'source-map' };\n"));
        Assert.Equal(["source-map"], Options(Key(present, "devtool")));
    }

    [Fact]
    public void A_sure_throw_runs_the_catch_and_finally_always_runs()
    {
        var config = Eval("""
            const config = { devtool: 'source-map' };
            try {
              throw new Error('no maps here');
            } catch {
              config.devtool = false;
            } finally {
              config.mode = 'production';
            }
            module.exports = config;
            """);
        Assert.Equal([false], Options(Key(config, "devtool")));
        Assert.Equal(["production"], Options(Key(config, "mode")));
    }

    [Fact]
    public void Statements_after_an_unknown_call_in_a_try_are_only_possible()
    {
        var config = Eval("""
            const config = { devtool: false };
            try {
              const Analyzer = require('bundle-analyzer-not-modelled');
              config.devtool = 'source-map';
            } catch (e) {}
            module.exports = config;
            """);
        Assert.Equal([false, "source-map"], Options(Key(config, "devtool")));
    }

    [Fact]
    public void Array_methods_build_plugin_lists_from_known_arrays()
    {
        var config = Eval("""
            const webpack = require('webpack');
            const addons = [
              { name: 'maps', enabled: process.env.NODE_ENV === 'production', plugin: new webpack.SourceMapDevToolPlugin({ filename: '[file].map' }) },
              { name: 'define', enabled: false, plugin: new webpack.DefinePlugin({}) },
            ];
            const names = addons.map(function (a) { return a.name; });
            module.exports = {
              plugins: [...addons.filter(a => a.enabled).map(a => a.plugin), new webpack.BannerPlugin('x')],
              names: names.join('+'),
              hasMaps: names.includes('maps'),
              found: addons.find(a => a.name === 'define').name,
              some: addons.some(a => a.enabled),
              every: addons.every(a => a.enabled),
              all: [1].concat([2, 3], 4).reduce((sum, n) => sum + n, 0),
              prodLike: process.env.NODE_ENV.startsWith('prod'),
            };
            """);
        var plugins = Assert.IsType<JsArray>(Key(config, "plugins"));
        Assert.Equal(["SourceMapDevToolPlugin", "BannerPlugin"], plugins.Items.Select(p => ((JsObject)p).ClassName));
        Assert.False(plugins.HasUnknownItems);
        Assert.Equal(["maps+define"], Options(Key(config, "names")));
        Assert.Equal([true], Options(Key(config, "hasMaps")));
        Assert.Equal(["define"], Options(Key(config, "found")));
        Assert.Equal([true], Options(Key(config, "some")));
        Assert.Equal([false], Options(Key(config, "every")));
        Assert.Equal([10.0], Options(Key(config, "all")));
        Assert.Equal([true], Options(Key(config, "prodLike")));
    }

    [Fact]
    public void Filter_with_an_undecidable_predicate_keeps_the_item_only_possibly()
    {
        var config = Eval("""
            const plugins = [{ id: 'maps' }, { id: 'other' }].filter(p => p.id !== 'other' && process.env.MAPS);
            if (process.env.ANALYZE) plugins.push({ id: 'analyzer' });
            module.exports = { plugins };
            """);
        var plugins = Assert.IsType<JsArray>(Key(config, "plugins"));
        Assert.True(plugins.HasUnknownItems);
        Assert.Equal(2, plugins.Items.Count); // maps (possibly) and the conditional push (possibly)
        Assert.All(plugins.Items, item => Assert.Contains(false, Options(item)));
    }

    [Theory]
    [InlineData("const merge = require('webpack-merge');\nmodule.exports = merge(common, { mode: 'production', devtool: 'source-map' });\n")]
    [InlineData("const merge = require('webpack-merge');\nmodule.exports = merge.smart(common, { mode: 'production', devtool: 'source-map' });\n")]
    [InlineData("const { merge } = require('webpack-merge');\nmodule.exports = merge(common, { mode: 'production', devtool: 'source-map' });\n")]
    [InlineData("import merge from 'webpack-merge';\nexport default merge(common, { mode: 'production', devtool: 'source-map' });\n")]
    [InlineData("import { merge } from 'webpack-merge';\nexport default merge(common, { mode: 'production', devtool: 'source-map' });\n")]
    public void Webpack_merge_v4_and_v5_call_forms_merge(string tail)
    {
        var head = tail.StartsWith("import", StringComparison.Ordinal) ? "import common from './webpack.common.js';\n" : "const common = require('./webpack.common.js');\n";
        var config = Eval(head + tail, null, ("webpack.common.js", "module.exports = { entry: './src/index.js', devtool: 'eval', plugins: [1] };\n"));
        Assert.Equal(["source-map"], Options(Key(config, "devtool")));
        Assert.Equal(["./src/index.js"], Options(Key(config, "entry")));
    }

    [Fact]
    public void Webpack_merge_strategies_replace_or_prepend_arrays()
    {
        const string common = "module.exports = { plugins: ['a'], entry: ['x'] };\n";
        var v4 = Eval("""
            const merge = require('webpack-merge');
            const common = require('./common');
            module.exports = merge.strategy({ plugins: 'replace', entry: 'prepend' })(common, { plugins: ['b'], entry: ['y'] });
            """, null, ("common.js", common));
        Assert.Equal(["b"], Options(Assert.Single(Assert.IsType<JsArray>(Key(v4, "plugins")).Items)));
        Assert.Equal(["y", "x"], Assert.IsType<JsArray>(Key(v4, "entry")).Items.SelectMany(Options));

        var v5 = Eval("""
            const { mergeWithCustomize, customizeArray } = require('webpack-merge');
            const common = require('./common');
            module.exports = mergeWithCustomize({
              customizeArray: customizeArray({ plugins: 'replace' }),
            })(common, { plugins: ['b'], entry: ['y'] });
            """, null, ("common.js", common));
        Assert.Equal(["b"], Assert.IsType<JsArray>(Key(v5, "plugins")).Items.SelectMany(Options));
        Assert.Equal(["x", "y"], Assert.IsType<JsArray>(Key(v5, "entry")).Items.SelectMany(Options));

        var custom = Eval("""
            const merge = require('webpack-merge');
            const common = require('./common');
            module.exports = merge({
              customizeArray(a, b, key) { if (key === 'plugins') return b; return undefined; },
            })(common, { plugins: ['b'], entry: ['y'] });
            """, null, ("common.js", common));
        Assert.Equal(["b"], Assert.IsType<JsArray>(Key(custom, "plugins")).Items.SelectMany(Options));
        Assert.Equal(["x", "y"], Assert.IsType<JsArray>(Key(custom, "entry")).Items.SelectMany(Options));
    }
}
