using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.JsConfig;

/// <summary>
/// The evaluation budget: the first limit reached stops the whole evaluation and says which, in words; a real config
/// stays far inside it; and the object index that replaced scanning keeps the scan's answers.
/// </summary>
public class JsBudgetTests
{
    private static (JsModuleLoader Loader, JsValue? Config) Eval(string code, params (string Name, string Text)[] siblings)
    {
        using var dir = new TempDir();
        dir.Write("config.js", code);
        foreach (var (name, text) in siblings) dir.Write(name, text);
        var loader = new JsModuleLoader(FileView.Disk, JsEnvironment.Production());
        var module = loader.LoadEntry(Paths.Normalize(Path.Combine(dir.Path, "config.js")));
        return (loader, module?.ConfigValue);
    }

    [Fact]
    public void A_real_shaped_config_stays_inside_the_budget()
    {
        var (loader, config) = Eval("""
            const path = require('path');
            const entries = {};
            for (const name of ['main', 'admin', 'worker']) entries[name] = `./src/${name}.ts`;
            const plugins = [1, 2, 3].map(n => ({ n })).filter(p => p.n > 1);
            module.exports = { entry: entries, plugins, devtool: process.env.NODE_ENV === 'production' ? false : 'eval', output: { path: path.resolve(__dirname, 'dist') } };
            """);
        Assert.Null(loader.Evaluator.Budget.StoppedBy);
        Assert.Empty(loader.Skips);
        Assert.IsType<JsObject>(config);
    }

    [Fact]
    public void Endless_work_stops_after_the_step_budget()
    {
        var (loader, _) = Eval("let n = 0;\nfunction spin() { for (let i = 0; i < 200; i++) n = n + i; }\nfor (;;) for (;;) spin();\nmodule.exports = { n };");
        Assert.Equal("evaluation stopped after 200,000 steps", loader.Evaluator.Budget.StoppedBy);
    }

    [Fact]
    public void Recursion_past_the_call_depth_is_unknown_and_the_evaluation_goes_on()
    {
        // Real build scripts walk folders recursively over names the reader cannot know: that must not stop them.
        var (loader, config) = Eval("function down(n) { return down(n + 1); }\nmodule.exports = { deep: down(0), devtool: 'source-map' };");
        Assert.Null(loader.Evaluator.Budget.StoppedBy);
        var obj = Assert.IsType<JsObject>(config);
        Assert.IsType<JsUnknown>(obj.Get("deep"));
        Assert.Equal("source-map", Assert.IsType<JsPrimitive>(obj.Get("devtool")).Value);
    }

    [Fact]
    public void Joining_one_long_string_many_times_is_measured_before_it_is_built()
    {
        var (loader, _) = Eval("let s = 'x'; for (let i = 0; i < 19; i++) s = s + s;\nconst parts = []; for (let i = 0; i < 200; i++) parts.push(s);\nmodule.exports = { banner: parts.join('') };");
        Assert.Equal("evaluation stopped: a string grew past 1,048,576 characters", loader.Evaluator.Budget.StoppedBy);
    }

    [Fact]
    public void A_budget_spent_in_a_required_file_is_reported_on_the_entry_naming_that_file()
    {
        var (loader, _) = Eval("module.exports = require('./common.js');", ("common.js", "let a = [1, 2];\nfor (;;) a = a.concat(a);\nmodule.exports = a;"));
        var skip = Assert.Single(loader.Skips);
        Assert.EndsWith("/config.js", skip.Path);
        Assert.Equal("evaluation stopped: an array grew past 100,000 items (in common.js); its build settings are unknown", skip.Reason);
    }

    [Fact]
    public void An_oversized_required_file_is_not_read_and_said_so()
    {
        var (loader, _) = Eval("module.exports = require('./huge.js');", ("huge.js", "module.exports = '" + new string('a', JsModuleLoader.MaxFileChars) + "';"));
        var skip = Assert.Single(loader.Skips);
        Assert.EndsWith("/huge.js", skip.Path);
        Assert.Equal("larger than 2,000,000 characters; not read, so what it exports is unknown", skip.Reason);
    }

    [Fact]
    public void The_object_index_answers_like_a_scan_from_the_last_entry()
    {
        var o = new JsObject();
        o.Set("a", JsValue.Of(1.0));
        o.Set("b", JsValue.Of(2.0));
        o.AddUnknownSpread(null);
        o.Set("a", JsValue.Of(3.0));
        Assert.Equal(3.0, Assert.IsType<JsPrimitive>(o.Get("a")).Value);
        Assert.IsType<JsUnknown>(o.Get("b")); // written before the unknown spread: it may have been overwritten
        Assert.IsType<JsUnknown>(o.Get("c")); // never written: the spread may have set it
        Assert.True(o.HasUnknownAfter("b"));
        Assert.False(o.HasUnknownAfter("a"));
        var copy = o.ShallowCopy();
        copy.Set("b", JsValue.Of(4.0));
        Assert.Equal(4.0, Assert.IsType<JsPrimitive>(copy.Get("b")).Value);
        Assert.IsType<JsUnknown>(o.Get("b"));
        Assert.Equal(["a", "b"], o.Keys.ToList());
    }

    // Fuzz seed 20261205 case 16: a package.json whose 4.4 MB were mostly stray backslashes took `check` to 609 MB: one
    // token, one or two parse errors per character, in every reader. A run of such characters is one token now.
    [Fact]
    public void Stray_characters_are_one_token_per_run_and_errors_stop_at_the_cap()
    {
        var text = "{\"scripts\":{\"build\":\"tsc\"},\"x\":[\"on\"" + new string('\\', 250_000) + "]}";
        var tokens = JsTokenizer.Tokenize(text, out var truncated);
        Assert.False(truncated);
        Assert.InRange(tokens.Count, 10, 100); // the backslashes are 62 runs of 4,096, not 250,000 tokens
        Assert.Equal(text, string.Concat(tokens.Select(t => text[t.Start..t.End]))); // and nothing is lost or doubled (no trivia here)

        var document = JsDocument.ParseExpression(text);
        Assert.InRange(document.Errors.Count, 1, JsParser.MaxErrors);
        Assert.False(document.IsTruncated);
    }

    [Fact]
    public void A_text_of_more_tokens_than_the_budget_is_read_up_to_it_and_says_so()
    {
        var text = "module.exports = [" + string.Concat(Enumerable.Repeat("1,", JsTokenizer.MaxTokens)) + "];";
        var tokens = JsTokenizer.Tokenize(text, out var truncated);
        Assert.True(truncated);
        Assert.Equal(JsTokenizer.MaxTokens + 1, tokens.Count); // and the end-of-file token
        var document = JsDocument.Parse(text);
        Assert.True(document.IsTruncated);

        // Through the loader: the config is read as far as the budget goes, and the skip is said.
        var (loader, _) = Eval(text);
        Assert.Contains(loader.Skips, s => s.Reason.Contains("tokens; the rest was not read", StringComparison.Ordinal));
    }
}
