using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Vite;

/// <summary>
/// Predicts `vite build` maps (Vite 8): <c>build.sourcemap</c> (true → linked, 'inline', 'hidden'), overridden per
/// output by <c>build.rolldownOptions.output.sourcemap</c> (alias rollupOptions, spread after Vite's defaults);
/// CLI <c>--sourcemap</c> / <c>--outDir</c> merge over the config. Output goes to root + outDir (default dist).
/// Config functions get <c>{ command: 'build', mode, isSsrBuild: false, isPreview: false }</c>.
/// </summary>
public static class VitePlanner
{
    public const string RuleId = "build/vite-sourcemap";
    public static readonly string[] ConfigNames = ["vite.config.js", "vite.config.mjs", "vite.config.ts", "vite.config.cjs", "vite.config.mts", "vite.config.cts"];

    public static string? ConfigPath(PlanRequest request)
    {
        if (request.Command?.Option("--config", "-c") is { Value: { } c }) return request.Resolve(c);
        return ConfigNames.Select(n => request.ProjectDirectory + "/" + n).FirstOrDefault(request.Files.FileExists);
    }

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        var configPath = ConfigPath(request);
        JsValue config = new JsObject();
        JsModuleLoader? loader = null;
        if (configPath is not null && request.Load(configPath) is { } loaded)
        {
            loader = loaded.Loader;
            var mode = cmd?.Option("--mode", "-m")?.Value ?? "production";
            var envArg = new JsObject();
            envArg.Set("command", JsValue.Of("build"));
            envArg.Set("mode", JsValue.Of(mode));
            envArg.Set("isSsrBuild", JsValue.Of(false));
            envArg.Set("isPreview", JsValue.Of(false));
            config = JsEvaluator.PerOption(loaded.Module.ConfigValue,
                o => o is JsFunctionValue ? loader.Evaluator.Call(o, [envArg], o.Source) : o, loaded.Module.ConfigValue.Source);
        }
        else if (cmd is null) return null;

        var set = new OutcomeSet();
        var outDirs = new List<string>();
        var webApp = true;
        var cliSourcemap = cmd?.Option("--sourcemap");
        foreach (var option in config.Options)
        {
            if (option is not JsObject obj) { set.HasUnknown = true; continue; }
            var build = obj.Get("build");
            // Library mode and SSR builds are published or run on a server, not served as static files.
            if (JsEvaluator.GetMember(build, "lib", null) is JsObject ||
                JsOperators.ToBool(JsEvaluator.GetMember(build, "ssr", null)) == true)
                webApp = false;
            var root = obj.Get("root") is JsPrimitive { Value: string r } ? request.Resolve(r) : request.ProjectDirectory;
            var outDir = cmd?.Option("--outDir")?.Value ?? (JsEvaluator.GetMember(build, "outDir", null) is JsPrimitive { Value: string od } ? od : "dist");
            outDirs.Add(outDir.StartsWith('/') ? JsBuiltinPath.Normalize(outDir) : JsBuiltinPath.Normalize(root + "/" + outDir));
            var baseValue = cliSourcemap is { } c
                ? JsValue.Of(c.Value switch { null or "true" => true, "false" => false, var v => v })
                : JsEvaluator.GetMember(build, "sourcemap", null);
            var rollup = JsEvaluator.GetMember(build, "rolldownOptions", null) is JsPrimitive { IsUndefined: true }
                ? JsEvaluator.GetMember(build, "rollupOptions", null)
                : JsEvaluator.GetMember(build, "rolldownOptions", null);
            var outputs = JsEvaluator.GetMember(rollup, "output", null);
            var outputList = outputs switch
            {
                JsArray a => a.Items.Count == 0 ? [JsValue.Undefined] : a.Items,
                _ => new List<JsValue> { outputs },
            };
            foreach (var output in outputList)
                foreach (var o in output.Options)
                {
                    var overrides = o is JsObject oo && oo.TryGetEntry("sourcemap", out _);
                    if (o is JsObject oh && oh.HasUnknownAfter("sourcemap")) set.HasUnknown = true;
                    var value = overrides ? ((JsObject)o).Get("sourcemap") : baseValue;
                    foreach (var v in value.Options) AddSourcemap(set, v);
                }
        }
        var dir = outDirs.FirstOrDefault() ?? request.ProjectDirectory + "/dist";
        var anchorPath = configPath ?? request.Manifest?.Path ?? request.ProjectDirectory;
        var cause = cliSourcemap is { } cs ? request.ScriptLocation(cs.Flag)
            : set.CauseSource?.Location ?? PlanRequest.Anchor(config.Source, anchorPath);
        return new BuildPlan("vite", anchorPath,
        [
            new PredictedMaps
            {
                Tool = "vite",
                RuleId = RuleId,
                ConfigPath = anchorPath,
                OutputDirectory = dir,
                SampleFile = dir + (set.Outcomes.Any(x => x.WritesMapFile) ? "/assets/index.js.map" : "/assets/index.js"),
                Outcomes = set.Outcomes,
                HasUnknown = set.HasUnknown,
                Cause = cause,
                Explanation = "build.sourcemap " + string.Join(" / ", set.Emitting.Select(e => e.Value?.ToString()).Distinct()),
                IsWebApp = webApp,
                Fixes = Fixes(request, set, cliSourcemap),
            },
        ]);
    }

    private static void AddSourcemap(OutcomeSet set, JsValue v)
    {
        var outcome = v switch
        {
            JsPrimitive { Value: "inline" } => new MapOutcome(MapKind.Inline, true),
            JsPrimitive { Value: "hidden" } => new MapOutcome(MapKind.Hidden, true),
            JsPrimitive p when JsOperators.ToBool(p) == true => new MapOutcome(MapKind.Linked, true),
            JsPrimitive => MapOutcome.None,
            _ => null,
        };
        if (outcome is null) set.HasUnknown = true;
        else set.Add(outcome, v.Source, v);
    }

    private static PlanFixes Fixes(PlanRequest request, OutcomeSet set, (ShellWord Flag, string? Value, ShellWord? ValueWord)? cli)
    {
        if (cli is { } c && request.Manifest is not null && request.Command is not null)
            return new PlanFixes(ConfigEdits.Combine([ConfigEdits.RemoveScriptWords(request.Manifest, request.Command.Script, c.Flag, c.ValueWord)]), null);
        var emitting = set.Emitting.ToList();
        if (emitting.Count == 0) return new PlanFixes(null, null);
        return new PlanFixes(ConfigEdits.Combine(emitting.Select(e => ConfigEdits.ReplaceValue(e.Source, "false"))), null);
    }
}
