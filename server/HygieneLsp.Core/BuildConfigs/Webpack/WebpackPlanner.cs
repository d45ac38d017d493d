using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Webpack;

/// <summary>
/// Predicts webpack 5 production maps. The default invocation (no script) is
/// <c>webpack --mode production --config-node-env production --env production</c>; a script's own flags replace it.
/// CLI flags win over the config (mode, devtool, output path). With devtool unset no mode makes a map
/// (production: false, development: eval), so maps come only from devtool or the SourceMapDevTool plugins.
/// </summary>
public static class WebpackPlanner
{
    public const string RuleId = "build/webpack-devtool";
    public static readonly string[] ConfigNames = ["webpack.config.js", "webpack.config.mjs", "webpack.config.cjs", "webpack.config.ts", "webpack.config.mts", "webpack.config.cts"];

    public static string? ConfigPath(PlanRequest request)
    {
        if (request.Command?.Option("--config", "-c") is { Value: { } c }) return request.Resolve(c);
        return ConfigNames.Select(n => request.ProjectDirectory + "/" + n).FirstOrDefault(request.Files.FileExists);
    }

    public static BuildPlan? Plan(PlanRequest request)
    {
        var configPath = ConfigPath(request);
        if (configPath is null) return null;
        var cmd = request.Command;
        var cliMode = cmd is null ? "production" : cmd.Option("--mode")?.Value;
        var nodeEnv = cmd is null ? "production" : cmd.Option("--config-node-env", "--node-env")?.Value;
        var envFlags = new Dictionary<string, string?>();
        if (nodeEnv is not null) envFlags["NODE_ENV"] = nodeEnv;
        var loaded = request.Load(configPath, request.Environment(envFlags));
        if (loaded is null) return null;
        var (loader, module) = loaded.Value;

        var envArg = EnvArgument(request);
        var envObj = envArg as JsObject ?? new JsObject();
        var argv = new JsObject();
        argv.Set("mode", cliMode is null ? JsValue.Undefined : JsValue.Of(cliMode));
        argv.Set("env", envArg);

        var value = JsEvaluator.PerOption(module.ConfigValue,
            o => o is JsFunctionValue ? loader.Evaluator.Call(o, [envArg, argv], o.Source) : o, module.ConfigValue.Source);

        // Multi-compiler arrays: one prediction per index.
        var byIndex = new SortedDictionary<int, List<JsValue>>();
        var unknownShape = false;
        foreach (var option in value.Options)
        {
            if (option is JsArray array)
            {
                unknownShape |= array.HasUnknownItems;
                for (var i = 0; i < array.Items.Count; i++) Add(byIndex, i, array.Items[i]);
            }
            else Add(byIndex, 0, option);
        }
        var outputs = new List<PredictedMaps>();
        foreach (var (_, configs) in byIndex)
            outputs.Add(PredictOne(request, configPath, configs, unknownShape));
        return new BuildPlan("webpack", configPath, outputs);
    }

    /// <summary>
    /// The `env` a function config receives. webpack-cli 4+: `--env key=value` / `--env flag` fill an object that
    /// also has WEBPACK_BUNDLE and WEBPACK_BUILD. webpack-cli 3 (yargs): `--env.key=value`, `--env.key value`,
    /// `--env.flag` fill an object with values coerced like yargs (true/false, numbers); a bare `--env value` makes
    /// env that string; no --env at all leaves it undefined. The default invocation is `--env production`.
    /// </summary>
    private static JsValue EnvArgument(PlanRequest request)
    {
        var cmd = request.Command;
        var envObj = new JsObject();
        if (cmd is null)
        {
            envObj.Set("WEBPACK_BUNDLE", JsValue.Of(true));
            envObj.Set("WEBPACK_BUILD", JsValue.Of(true));
            envObj.Set("production", JsValue.Of(true));
            return envObj;
        }
        var dotted = cmd.Args.Any(a => a.Value.StartsWith("--env.", StringComparison.Ordinal));
        var cli3 = dotted || PackageVersions.Major(request, "webpack-cli") == 3;
        if (!cli3)
        {
            envObj.Set("WEBPACK_BUNDLE", JsValue.Of(true));
            envObj.Set("WEBPACK_BUILD", JsValue.Of(true));
        }
        JsValue? plain = null;
        var any = false;
        for (var i = 0; i < cmd.Args.Count; i++)
        {
            var a = cmd.Args[i].Value;
            var next = i + 1 < cmd.Args.Count && !cmd.Args[i + 1].Value.StartsWith('-') ? cmd.Args[i + 1].Value : null;
            if (a.StartsWith("--env.", StringComparison.Ordinal))
            {
                any = true;
                var eq = a.IndexOf('=');
                var key = eq < 0 ? a[6..] : a[6..eq];
                string? raw = eq >= 0 ? a[(eq + 1)..] : next;
                if (eq < 0 && next is not null) i++;
                SetPath(envObj, key, raw is null ? JsValue.Of(true) : Coerce(raw));
                continue;
            }
            var kv = a == "--env" ? next : a.StartsWith("--env=", StringComparison.Ordinal) ? a[6..] : null;
            if (kv is null) continue;
            if (a == "--env") i++;
            any = true;
            if (cli3) { plain = JsValue.Of(kv); continue; }
            var sep = kv.IndexOf('=');
            if (sep < 0) envObj.Set(kv, JsValue.Of(true));
            else envObj.Set(kv[..sep], JsValue.Of(kv[(sep + 1)..]));
        }
        if (cli3 && plain is not null && !dotted) return plain;
        return cli3 && !any ? JsValue.Undefined : envObj;
    }

    private static JsValue Coerce(string raw) =>
        raw switch
        {
            "true" => JsValue.Of(true),
            "false" => JsValue.Of(false),
            _ when double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && !raw.StartsWith('0') || raw == "0" => JsValue.Of(double.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsValue.Of(raw),
        };

    /// <summary>`--env.a.b=1` sets env.a.b (yargs dot notation).</summary>
    private static void SetPath(JsObject target, string key, JsValue value)
    {
        var parts = key.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target.Get(parts[i]) is not JsObject inner) { inner = new JsObject(); target.Set(parts[i], inner); }
            target = inner;
        }
        target.Set(parts[^1], value);
    }

    private static void Add(SortedDictionary<int, List<JsValue>> map, int index, JsValue v)
    {
        if (!map.TryGetValue(index, out var list)) map[index] = list = [];
        list.Add(v);
    }

    private static PredictedMaps PredictOne(PlanRequest request, string configPath, List<JsValue> configs, bool unknownShape)
    {
        var cmd = request.Command;
        var set = new OutcomeSet { HasUnknown = unknownShape };
        var outDirs = new List<string>();
        List<OutputFile>? files = [];
        var webApp = true;
        ShellWord? cliDevtoolWord = null;
        var cliDevtool = cmd?.Option("--devtool", "-d");
        var noDevtool = cmd?.Args.FirstOrDefault(a => a.Value == "--no-devtool");
        foreach (var config in configs)
        {
            if (config is not JsObject obj) { set.HasUnknown = true; continue; }
            var outcomes = new OutcomeSet();
            if (noDevtool is not null) outcomes.Add(MapOutcome.None, null);
            else if (cliDevtool is { Value: { } cliValue })
            {
                cliDevtoolWord = cliDevtool.Value.Flag;
                outcomes.Add(cliValue == "false" ? MapOutcome.None : WebpackDevtool.Parse(cliValue) ?? MapOutcome.None, null);
            }
            else
                foreach (var d in obj.Get("devtool").Options)
                    AddDevtool(outcomes, d);
            var plugin = PluginOutcome(obj);
            foreach (var item in outcomes.Items)
            {
                // A plugin added only possibly (`cond && plugin`, a filtered or conditionally pushed item): both ways.
                if (plugin is { Certain: false }) set.Add(item.Outcome, item.Source, item.Value);
                var combined = plugin is null ? item.Outcome
                    : !item.Outcome.Emits ? plugin.Value.Outcome
                    : item.Outcome with { SourcesContent = item.Outcome.SourcesContent || plugin.Value.Outcome.SourcesContent, Kind = item.Outcome.WritesMapFile || !plugin.Value.Outcome.WritesMapFile ? item.Outcome.Kind : plugin.Value.Outcome.Kind };
                set.Add(combined, !item.Outcome.Emits && plugin is not null ? plugin.Value.Source : item.Source, item.Value);
            }
            set.HasUnknown |= outcomes.HasUnknown;
            var output = obj.Get("output");
            // Libraries and node targets are published, not deployed: only the ship exposure decides for them.
            if (JsEvaluator.GetMember(output, "library", null) is JsObject or JsArray or JsPrimitive { Value: string } ||
                obj.Get("target") is JsPrimitive { Value: string t } && (t.StartsWith("node", StringComparison.Ordinal) || t.StartsWith("async-node", StringComparison.Ordinal) || t == "electron-main"))
                webApp = false;
            var path = cmd?.Option("--output-path", "-o")?.Value is { } cliOut ? request.Resolve(cliOut)
                : JsEvaluator.GetMember(output, "path", null) is JsPrimitive { Value: string p } ? request.Resolve(p)
                : request.ProjectDirectory + "/dist";
            outDirs.Add(path);
            var named = Files(obj, path, cmd);
            if (named is null) files = null;
            else files?.AddRange(named);
        }
        var outDir = outDirs.FirstOrDefault() ?? request.ProjectDirectory + "/dist";
        var cause = cliDevtoolWord is not null ? request.ScriptLocation(cliDevtoolWord)
            : set.CauseSource?.Location ?? PlanRequest.Anchor(configs.FirstOrDefault()?.Source, configPath);
        return new PredictedMaps
        {
            Tool = "webpack",
            RuleId = RuleId,
            ConfigPath = configPath,
            OutputDirectory = outDir,
            SampleFile = outDir + (set.Outcomes.Any(o => o.WritesMapFile) ? "/main.js.map" : "/main.js"),
            Files = files is { Count: > 0 } && configs.All(c => c is JsObject) ? files.Distinct().ToList() : null,
            Outcomes = set.Outcomes,
            HasUnknown = set.HasUnknown,
            Cause = cause,
            Explanation = cliDevtoolWord is not null && cliDevtool?.Value is { } cv ? $"--devtool {cv}" : Explain(set),
            IsWebApp = webApp,
            Fixes = Fixes(request, set, cliDevtool),
        };
    }

    /// <summary>
    /// The entry bundles and their maps: output.filename (CLI --output-filename; default [name].js) filled with
    /// each entry's name (a string or array entry is `main`), an entry descriptor's own filename, and the map name
    /// from a SourceMapDevToolPlugin filename or output.sourceMapFilename (default [file].map). An explicit
    /// chunkFilename adds one chunk. Null when a name is not a known string.
    /// </summary>
    private static List<OutputFile>? Files(JsObject config, string outputPath, ShellCommand? cmd)
    {
        var output = config.Get("output");
        var filenameValue = cmd?.Option("--output-filename")?.Value is { } cliName ? JsValue.Of(cliName) : OutputNames.Member(output, "filename");
        var filename = filenameValue switch { JsPrimitive { IsUndefined: true } => "[name].js", JsPrimitive { Value: string f } => f, _ => null };
        if (filename is null) return null;
        var mapTemplate = MapTemplate(config) ?? OutputNames.Member(output, "sourceMapFilename") switch
        {
            JsPrimitive { IsUndefined: true } => "[file].map",
            JsPrimitive { Value: string m } => m,
            _ => null,
        };
        if (mapTemplate is null) return null;
        var bundles = new List<(string Name, string Template)>();
        switch (config.Get("entry"))
        {
            case JsPrimitive { IsUndefined: true } or JsPrimitive { Value: string } or JsArray:
                bundles.Add(("main", filename));
                break;
            case JsObject { HasUnknownEntries: false } entries:
                foreach (var key in entries.Keys)
                {
                    var own = entries.Get(key) is JsObject descriptor ? descriptor.Get("filename") : JsValue.Undefined;
                    if (own is JsPrimitive { Value: string ownName }) bundles.Add((key, ownName));
                    else if (own is JsPrimitive { IsUndefined: true }) bundles.Add((key, filename));
                    else return null;
                }
                break;
            default:
                return null;
        }
        if (OutputNames.Member(output, "chunkFilename") is JsPrimitive { Value: string chunk }) bundles.Add(("0", chunk));
        var result = new List<OutputFile>();
        foreach (var (name, template) in bundles)
        {
            var file = OutputNames.Fill(template, name);
            var map = file is null ? null : OutputNames.Fill(mapTemplate, name, file);
            if (file is null || map is null) return null;
            result.Add(new OutputFile(JsBuiltinPath.Normalize(outputPath + "/" + file), JsBuiltinPath.Normalize(outputPath + "/" + map)));
        }
        return result;
    }

    /// <summary>A SourceMapDevToolPlugin's filename template (its maps' names), when it has one.</summary>
    private static string? MapTemplate(JsObject config)
    {
        if (config.Get("plugins") is not JsArray plugins) return null;
        foreach (var p in plugins.Items.SelectMany(i => i.Options).OfType<JsObject>())
            if (p.ClassName == "SourceMapDevToolPlugin" && OutputNames.Member(p.Get("options"), "filename") is JsPrimitive { Value: string f })
                return f;
        return null;
    }

    private static void AddDevtool(OutcomeSet set, JsValue d)
    {
        switch (d)
        {
            case JsPrimitive { IsUndefined: true } or JsPrimitive { Value: false }:
                set.Add(MapOutcome.None, d.Source, d);
                break;
            case JsPrimitive { Value: string s }:
                set.Add(WebpackDevtool.Parse(s) ?? MapOutcome.None, d.Source, d);
                break;
            default:
                set.HasUnknown = true;
                break;
        }
    }

    /// <summary>
    /// A SourceMapDevToolPlugin / EvalSourceMapDevToolPlugin in `plugins` makes maps whatever devtool says. Certain
    /// when the item is surely there; an item that is "the plugin or a falsy value" (webpack skips falsy plugins)
    /// is only possible.
    /// </summary>
    private static (MapOutcome Outcome, ValueSource? Source, bool Certain)? PluginOutcome(JsObject config)
    {
        if (config.Get("plugins") is not JsArray plugins) return null;
        foreach (var item in plugins.Items)
        {
            var certain = item is JsObject;
            foreach (var p in item.Options.OfType<JsObject>())
            {
                if (p.ClassName == "EvalSourceMapDevToolPlugin") return (new MapOutcome(MapKind.Inline, true), p.Source, certain);
                if (p.ClassName != "SourceMapDevToolPlugin") continue;
                var options = p.Get("options");
                var filename = JsEvaluator.GetMember(options, "filename", null);
                var append = JsEvaluator.GetMember(options, "append", null);
                var noSources = JsOperators.ToBool(JsEvaluator.GetMember(options, "noSources", null)) == true;
                var kind = filename is JsPrimitive { Value: string } ? (append is JsPrimitive { Value: false } ? MapKind.Hidden : MapKind.Linked) : MapKind.Inline;
                return (new MapOutcome(kind, !noSources), p.Source, certain);
            }
        }
        return null;
    }

    private static string Explain(OutcomeSet set)
    {
        var values = set.Emitting.Select(e => e.Value).OfType<JsPrimitive>().Select(p => p.ToString()).Distinct().ToList();
        return values.Count > 0 ? $"devtool {string.Join(" / ", values)}" : set.Emitting.Any() ? "SourceMapDevToolPlugin" : "devtool";
    }

    private static PlanFixes Fixes(PlanRequest request, OutcomeSet set, (ShellWord Flag, string? Value, ShellWord? ValueWord)? cli)
    {
        if (cli is { } c && request.Manifest is not null && request.Command is not null)
        {
            // `--devtool false` rather than removing the flag: without it the config's own devtool would apply.
            var script = request.Command.Script;
            var disable = c.ValueWord is { } valueWord
                ? ConfigEdits.ReplaceScriptWord(request.Manifest, script, valueWord, "false")
                : ConfigEdits.ReplaceScriptWord(request.Manifest, script, c.Flag, c.Flag.Value[..(c.Flag.Value.IndexOf('=') + 1)] + "false");
            var ns = c.Value is not null && WebpackDevtool.WithoutSources(c.Value) is { } nsv
                ? (c.ValueWord is { } vw ? ConfigEdits.ReplaceScriptWord(request.Manifest, script, vw, nsv)
                    : ConfigEdits.ReplaceScriptWord(request.Manifest, script, c.Flag, c.Flag.Value[..(c.Flag.Value.IndexOf('=') + 1)] + nsv))
                : null;
            return new PlanFixes(ConfigEdits.Combine([disable]), ConfigEdits.Combine([ns]));
        }
        var emitting = set.Emitting.Where(e => e.Value is JsPrimitive { Value: string }).ToList();
        if (emitting.Count == 0 || emitting.Count != set.Emitting.Count()) return new PlanFixes(null, null);
        var disableEdits = ConfigEdits.Combine(emitting.Select(e => ConfigEdits.ReplaceValue(e.Source, "false")));
        var withSources = emitting.Where(e => e.Outcome.SourcesContent).ToList();
        var nsEdits = withSources.Count == 0 ? null : ConfigEdits.Combine(withSources.Select(e =>
            WebpackDevtool.WithoutSources((string)((JsPrimitive)e.Value!).Value!) is { } v ? ConfigEdits.ReplaceValue(e.Source, ConfigEdits.Quote(e.Source, v)) : null));
        return new PlanFixes(disableEdits, nsEdits);
    }
}
