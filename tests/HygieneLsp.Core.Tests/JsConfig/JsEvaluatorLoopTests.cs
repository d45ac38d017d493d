using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.JsConfig;

/// <summary>Loops: sure iterations over known values, "possible" passes otherwise (never more certain than the real run).</summary>
public class JsEvaluatorLoopTests
{
    private static JsValue Eval(string code)
    {
        using var dir = new TempDir();
        dir.Write("config.js", code);
        var loader = new JsModuleLoader(FileView.Disk, JsEnvironment.Production());
        return loader.LoadEntry(Paths.Normalize(Path.Combine(dir.Path, "config.js")))!.ConfigValue;
    }

    private static JsValue Key(JsValue config, string key) => Assert.IsType<JsObject>(config).Get(key);

    private static IReadOnlyList<object?> Options(JsValue v) =>
        v.Options.Select(o => o is JsPrimitive p ? (p.IsUndefined ? "undefined" : p.Value) : o.GetType().Name).Distinct().ToList();

    [Fact]
    public void A_loop_over_unknown_values_that_turns_maps_off_leaves_both_outcomes_possible()
    {
        var config = Eval("""
            const config = { devtool: 'source-map' };
            for (const arg of process.argv) {
              if (arg === '--no-maps') config.devtool = false;
            }
            module.exports = config;
            """);
        Assert.Equal(["source-map", false], Options(Key(config, "devtool")));
    }

    [Fact]
    public void A_while_loop_with_an_unknown_test_runs_only_possibly()
    {
        var config = Eval("""
            let devtool = 'source-map';
            while (process.env.RETRY) { devtool = false; }
            module.exports = { devtool };
            """);
        Assert.Equal(["source-map", false], Options(Key(config, "devtool")));
    }

    [Fact]
    public void What_one_pass_sets_is_seen_by_the_next_pass()
    {
        // The second iteration turns maps on from the flag the first one set.
        var config = Eval("""
            const config = { devtool: false };
            let seen = false;
            for (const x of process.argv) {
              if (seen) config.devtool = 'source-map';
              seen = true;
            }
            module.exports = config;
            """);
        Assert.Contains("source-map", Options(Key(config, "devtool")));
    }

    [Fact]
    public void For_of_over_a_known_array_runs_once_per_item_for_sure()
    {
        var config = Eval("""
            const targets = ['node', 'webworker'];
            const configs = [];
            for (const target of targets) {
              configs.push({ target, devtool: target === 'node' ? 'source-map' : false });
            }
            module.exports = configs;
            """);
        var array = Assert.IsType<JsArray>(config);
        Assert.False(array.HasUnknownItems);
        Assert.Equal(2, array.Items.Count);
        Assert.Equal(["source-map"], Options(Key(array.Items[0], "devtool")));
        Assert.Equal([false], Options(Key(array.Items[1], "devtool")));
    }

    [Fact]
    public void Counting_loops_break_continue_and_returns_follow_the_known_values()
    {
        var config = Eval("""
            let n = 0;
            for (let i = 0; i < 5; i++) {
              if (i === 1) continue;
              if (i === 3) break;
              n += 10;
            }
            function first(list) {
              for (const item of list) { if (item.startsWith('hidden')) return item; }
              return 'none';
            }
            const keys = [];
            for (const k in { a: 1, b: 2 }) keys.push(k);
            let m = 0;
            do { m++; } while (m < 3);
            module.exports = { n, pick: first(['source-map', 'hidden-source-map', 'eval']), keys: keys.join(','), m };
            """);
        Assert.Equal([20d], Options(Key(config, "n")));
        Assert.Equal(["hidden-source-map"], Options(Key(config, "pick")));
        Assert.Equal(["a,b"], Options(Key(config, "keys")));
        Assert.Equal([3d], Options(Key(config, "m")));
    }

    [Fact]
    public void A_build_api_call_in_a_loop_over_known_options_is_certain_and_over_unknown_ones_possible()
    {
        using var dir = new TempDir();
        dir.Write("build.mjs", """
            import * as esbuild from 'esbuild';
            for (const format of ['esm', 'cjs']) {
              await esbuild.build({ entryPoints: ['src/a.ts'], format, sourcemap: true, outdir: 'dist/' + format });
            }
            for (const extra of process.argv.slice(2)) {
              await esbuild.build({ entryPoints: [extra], outdir: 'extra' });
            }
            """);
        var loader = new JsModuleLoader(FileView.Disk, JsEnvironment.Production());
        loader.LoadEntry(Paths.Normalize(Path.Combine(dir.Path, "build.mjs")));
        Assert.Equal([true, true, false, false], loader.Calls.Select(c => c.Certain).ToList());
    }
}
