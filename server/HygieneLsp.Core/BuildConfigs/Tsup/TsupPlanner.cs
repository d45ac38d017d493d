using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Tsup;

/// <summary>
/// Predicts tsup maps: <c>sourcemap</c> true → .map + comment, 'inline' → inline, with sources (tsup builds with
/// esbuild). Config from tsup.config.* (first found, in tsup's order) or package.json "tsup"; CLI flags
/// (<c>--sourcemap [inline]</c>, <c>-d/--out-dir</c>) override it. outDir defaults to dist.
/// </summary>
public static class TsupPlanner
{
    public const string RuleId = "build/tsup-sourcemap";
    public static readonly string[] ConfigNames = ["tsup.config.ts", "tsup.config.cts", "tsup.config.mts", "tsup.config.js", "tsup.config.cjs", "tsup.config.mjs", "tsup.config.json"];

    public static string? ConfigPath(PlanRequest request)
    {
        if (request.Command?.Option("--config")?.Value is { } c && c != "false") return request.Resolve(c);
        return ConfigNames.Select(n => request.ProjectDirectory + "/" + n).FirstOrDefault(request.Files.FileExists);
    }

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        var configPath = ConfigPath(request);
        var noConfig = cmd?.Has("--no-config") == true;
        JsValue config = JsValue.Undefined;
        var anchorPath = configPath;
        var cliOptions = new JsObject();
        if (!noConfig && configPath is not null && request.Load(configPath) is { } loaded)
        {
            var m = loaded.Module.ConfigValue;
            if (configPath.EndsWith(".json", StringComparison.Ordinal) && m is JsObject jm && jm.TryGetEntry("tsup", out var te)) m = te!.Value;
            config = JsEvaluator.PerOption(m, o => o is JsFunctionValue ? loaded.Loader.Evaluator.Call(o, [cliOptions], o.Source) : o, m.Source);
        }
        else if (!noConfig && request.Manifest?.Property("tsup")?.Value is JsObjectLiteral tsupKey)
        {
            var loader = new JsModuleLoader(request.Files, request.Environment()) { EntryPath = request.Manifest.Path };
            request.Loaders.Add(loader); // its budget counts like a config file's
            var module = new JsModuleContext(request.Manifest.Path, request.Manifest.Document, 0);
            config = loader.Evaluator.Evaluate(tsupKey, new JsScope(null), module);
            anchorPath = request.Manifest.Path;
        }
        else if (cmd is null) return null;
        anchorPath ??= request.Manifest?.Path ?? request.ProjectDirectory;

        var cliMap = cmd?.Option("--sourcemap");
        var cliOut = cmd?.Option("--out-dir", "-d")?.Value;
        var set = new OutcomeSet();
        var dirs = new List<string>();
        var configs = config.Options.SelectMany(o => o is JsArray a ? a.Items : [o]).ToList();
        foreach (var c in configs)
        {
            var obj = c as JsObject ?? (c is JsPrimitive { IsUndefined: true } ? new JsObject() : null);
            if (obj is null) { set.HasUnknown = true; continue; }
            dirs.Add(request.Resolve(cliOut ?? (obj.Get("outDir") as JsPrimitive)?.AsString ?? "dist"));
            var values = cliMap is { } cm ? [JsValue.Of(cm.Value is "inline" ? "inline" : true)] : obj.Get("sourcemap").Options;
            foreach (var v in values)
            {
                MapOutcome? outcome = v switch
                {
                    JsPrimitive { Value: "inline" } => new MapOutcome(MapKind.Inline, true),
                    JsPrimitive p when JsOperators.ToBool(p) == true => new MapOutcome(MapKind.Linked, true),
                    JsPrimitive => MapOutcome.None,
                    _ => null,
                };
                if (outcome is null) set.HasUnknown = true;
                else set.Add(outcome, v.Source, v);
            }
        }
        var dir = dirs.FirstOrDefault() ?? request.ProjectDirectory + "/dist";
        var emitting = set.Emitting.ToList();
        PlanFixes fixes = cliMap is { } f && request.Manifest is not null && cmd is not null
            ? new PlanFixes(ConfigEdits.Combine([ConfigEdits.RemoveScriptWords(request.Manifest, cmd.Script, f.Flag, f.ValueWord)]), null)
            : new PlanFixes(emitting.Count == 0 ? null : ConfigEdits.Combine(emitting.Select(e => ConfigEdits.ReplaceValue(e.Source, "false"))), null);
        return new BuildPlan("tsup", anchorPath,
        [
            new PredictedMaps
            {
                Tool = "tsup",
                RuleId = RuleId,
                ConfigPath = anchorPath,
                OutputDirectory = dir,
                SampleFile = dir + (set.Outcomes.Any(x => x.WritesMapFile) ? "/index.js.map" : "/index.js"),
                Outcomes = set.Outcomes,
                HasUnknown = set.HasUnknown,
                Cause = cliMap is { } c2 ? request.ScriptLocation(c2.Flag) : set.CauseSource?.Location ?? PlanRequest.Anchor(config.Source, anchorPath),
                Explanation = "sourcemap " + string.Join(" / ", emitting.Select(e => e.Value?.ToString()).Distinct()),
                Fixes = fixes,
            },
        ]);
    }
}
