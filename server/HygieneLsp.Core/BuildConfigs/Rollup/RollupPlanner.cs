using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Rollup;

/// <summary>
/// Predicts Rollup 4 maps per output: <c>output.sourcemap</c> (true → linked, 'inline', 'hidden'),
/// <c>sourcemapExcludeSources</c>; CLI <c>-m/--sourcemap [inline|hidden]</c> and <c>--sourcemapExcludeSources</c>
/// override every output. Configs may be objects, arrays or functions of the command-line arguments.
/// The default invocation is <c>rollup -c</c>.
/// </summary>
public static class RollupPlanner
{
    public const string RuleId = "build/rollup-sourcemap";
    public static readonly string[] ConfigNames = ["rollup.config.mjs", "rollup.config.cjs", "rollup.config.js", "rollup.config.ts", "rollup.config.mts", "rollup.config.cts"];

    public static string? ConfigPath(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is not null && !cmd.Has("-c", "--config")) return null;
        if (cmd?.Option("--config", "-c") is { Value: { } c } && !c.StartsWith('-')) return request.Resolve(c);
        return ConfigNames.Select(n => request.ProjectDirectory + "/" + n).FirstOrDefault(request.Files.FileExists);
    }

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        var configPath = ConfigPath(request);
        var commandArgs = new JsObject();
        commandArgs.Set("c", JsValue.Of(true));
        commandArgs.Set("config", JsValue.Of(true));
        var extraEnv = new Dictionary<string, string?>();
        if (cmd is not null)
        {
            foreach (var a in cmd.Args.Where(a => a.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                var eq = a.Value.IndexOf('=');
                if (eq < 0) commandArgs.Set(a.Value[2..], JsValue.Of(true));
                else commandArgs.Set(a.Value[2..eq], JsValue.Of(a.Value[(eq + 1)..]));
            }
            if (cmd.Option("--environment")?.Value is { } environment)
                foreach (var pair in environment.Split(','))
                {
                    var colon = pair.IndexOf(':');
                    if (colon < 0) extraEnv[pair] = "true";
                    else extraEnv[pair[..colon]] = pair[(colon + 1)..];
                }
        }
        var configs = new List<JsValue>();
        var set = new OutcomeSet();
        string? anchorPath = configPath;
        JsValue? root = null;
        if (configPath is not null)
        {
            var loaded = request.Load(configPath, request.Environment(extraEnv));
            if (loaded is null) return null;
            var (loader, module) = loaded.Value;
            root = JsEvaluator.PerOption(module.ConfigValue,
                o => o is JsFunctionValue ? loader.Evaluator.Call(o, [commandArgs], o.Source) : o, module.ConfigValue.Source);
            foreach (var option in root.Options)
            {
                if (option is JsArray arr) { configs.AddRange(arr.Items); set.HasUnknown |= arr.HasUnknownItems; }
                else configs.Add(option);
            }
        }
        else if (cmd is not null && cmd.Has("-c", "--config")) return null;
        else if (cmd is null) return null;
        else
        {
            configs.Add(new JsObject()); // CLI-only build
            anchorPath = request.Manifest?.Path;
        }

        var cliMap = cmd?.Option("--sourcemap", "-m");
        var cliExclude = cmd?.Has("--sourcemapExcludeSources") == true;
        // One prediction per output folder: an array of configs/outputs may write to several.
        // Several outputs into one folder all happen: each has its own possible outcomes, and the folder surely
        // gets maps when one output surely makes them (see Folder below).
        var byDir = new Dictionary<string, (List<OutcomeSet> Outputs, List<ConfigEditTarget> Targets)>(StringComparer.Ordinal);
        var filesByDir = new Dictionary<string, List<OutputFile>?>(StringComparer.Ordinal);
        (OutcomeSet Set, List<ConfigEditTarget> Targets) For(string dir)
        {
            if (!byDir.TryGetValue(dir, out var entry)) byDir[dir] = entry = ([], []);
            var own = new OutcomeSet { HasUnknown = set.HasUnknown };
            entry.Outputs.Add(own);
            return (own, entry.Targets);
        }
        foreach (var config in configs)
        {
            if (config is not JsObject obj) { set.HasUnknown = true; continue; }
            var output = obj.Get("output");
            var outputs = output is JsArray oa ? oa.Items : [output];
            foreach (var o in outputs.SelectMany(x => x.Options))
            {
                var dir = cmd?.Option("--dir", "-d")?.Value ?? (JsEvaluator.GetMember(o, "dir", null) as JsPrimitive)?.AsString;
                var file = cmd?.Option("--file", "-o")?.Value ?? (JsEvaluator.GetMember(o, "file", null) as JsPrimitive)?.AsString;
                var outDir = dir is not null ? request.Resolve(dir) : file is not null ? Workspace.Paths.Parent(request.Resolve(file)) : request.ProjectDirectory;
                var (target, excludeEdits) = For(outDir);
                var named = file is not null ? [OutputFile.Of(request.Resolve(file))] : Files(obj, o, outDir, cmd);
                if (!filesByDir.TryGetValue(outDir, out var known)) filesByDir[outDir] = known = [];
                if (named is null) filesByDir[outDir] = null;
                else known?.AddRange(named);
                var exclude = cliExclude || JsOperators.ToBool(JsEvaluator.GetMember(o, "sourcemapExcludeSources", null)) == true;
                var values = cliMap is { } c
                    ? [JsValue.Of(c.Value switch { null or "true" => true, "false" => false, var v => v })]
                    : JsEvaluator.GetMember(o, "sourcemap", null).Options;
                foreach (var v in values)
                {
                    var outcome = v switch
                    {
                        JsPrimitive { Value: "inline" } => new MapOutcome(MapKind.Inline, !exclude),
                        JsPrimitive { Value: "hidden" } => new MapOutcome(MapKind.Hidden, !exclude),
                        JsPrimitive p when JsOperators.ToBool(p) == true => new MapOutcome(MapKind.Linked, !exclude),
                        JsPrimitive => MapOutcome.None,
                        _ => null,
                    };
                    if (outcome is null) { target.HasUnknown = true; continue; }
                    target.Add(outcome, v.Source, v);
                    if (outcome.Emits && outcome.SourcesContent && o is JsObject oo && oo.TryGetEntry("sourcemap", out var entry))
                        excludeEdits.Add(new ConfigEditTarget(oo, entry!));
                }
            }
        }
        anchorPath ??= request.ProjectDirectory;
        if (byDir.Count == 0) For(request.ProjectDirectory).Set.HasUnknown = true;
        var predictions = new List<PredictedMaps>();
        foreach (var (outDir, (outputSets, targets)) in byDir)
        {
            var outSet = Folder(outputSets);
            var cause = cliMap is { } cm ? request.ScriptLocation(cm.Flag) : outSet.CauseSource?.Location ?? PlanRequest.Anchor(root?.Source, anchorPath);
            predictions.Add(new PredictedMaps
            {
                Tool = "rollup",
                RuleId = RuleId,
                ConfigPath = anchorPath,
                OutputDirectory = outDir,
                SampleFile = outDir + (outSet.Outcomes.Any(x => x.WritesMapFile) ? "/index.js.map" : "/index.js"),
                Files = filesByDir.GetValueOrDefault(outDir) is { Count: > 0 } named && !set.HasUnknown ? named.Distinct().ToList() : null,
                Outcomes = outSet.Outcomes,
                HasUnknown = outSet.HasUnknown || set.HasUnknown,
                Cause = cause,
                Explanation = "output.sourcemap " + string.Join(" / ", outSet.Emitting.Select(e => e.Value?.ToString()).Distinct()),
                Fixes = Fixes(request, All(outputSets), cliMap, targets), // every emitting value in the folder, sure or not
            });
        }
        return new BuildPlan("rollup", anchorPath, predictions);
    }

    /// <summary>
    /// An output.dir's entry chunks: entryFileNames (default [name].js) filled with each input's name (a path's file
    /// name without extension, or an input object's keys); maps are the chunk name plus .map. Null when unknown
    /// (a function, sourcemapFileNames, an unknown input).
    /// </summary>
    private static List<OutputFile>? Files(JsObject config, JsValue output, string outDir, ShellCommand? cmd)
    {
        if (cmd?.Option("--entryFileNames") is not null || OutputNames.Member(output, "sourcemapFileNames") is not JsPrimitive { IsUndefined: true }) return null;
        var template = OutputNames.Member(output, "entryFileNames") switch
        {
            JsPrimitive { IsUndefined: true } => "[name].js",
            JsPrimitive { Value: string t } => t,
            _ => null,
        };
        if (template is null) return null;
        if (template.Contains("[format]", StringComparison.Ordinal))
        {
            if (OutputNames.Member(output, "format") is not JsPrimitive { Value: string format }) return null;
            template = template.Replace("[format]", format, StringComparison.Ordinal);
        }
        var names = new List<string>();
        switch (config.Get("input"))
        {
            case JsPrimitive { Value: string i }: names.Add(OutputNames.EntryName(i)); break;
            case JsArray { HasUnknownItems: false } a when a.Items.All(x => x is JsPrimitive { Value: string }):
                names.AddRange(a.Items.Select(x => OutputNames.EntryName((string)((JsPrimitive)x).Value!)));
                break;
            case JsObject { HasUnknownEntries: false } o: names.AddRange(o.Keys); break;
            default: return null;
        }
        var files = new List<OutputFile>();
        foreach (var n in names)
        {
            if (OutputNames.Fill(template, n) is not { } f) return null;
            files.Add(OutputFile.Of(JsBuiltinPath.Normalize(outDir + "/" + f)));
        }
        return files;
    }

    /// <summary>
    /// One folder's outcomes from its outputs: the outputs that surely emit when there are any (the folder surely
    /// gets their maps, whatever the others do), else every output's possible outcomes.
    /// </summary>
    private static OutcomeSet Folder(List<OutcomeSet> outputs)
    {
        var sure = outputs.Where(o => !o.HasUnknown && o.Items.Count > 0 && o.Items.All(i => i.Outcome.Emits)).ToList();
        var folder = new OutcomeSet { HasUnknown = sure.Count == 0 && outputs.Any(o => o.HasUnknown) };
        foreach (var o in sure.Count > 0 ? sure : outputs) folder.Items.AddRange(o.Items);
        return folder;
    }

    private static OutcomeSet All(List<OutcomeSet> outputs)
    {
        var all = new OutcomeSet();
        foreach (var o in outputs) all.Items.AddRange(o.Items);
        return all;
    }

    /// <summary>An output object whose `sourcemap` entry a fix can add `sourcemapExcludeSources: true` next to.</summary>
    private sealed record ConfigEditTarget(JsObject Output, JsEntry SourcemapEntry);

    private static PlanFixes Fixes(PlanRequest request, OutcomeSet set, (ShellWord Flag, string? Value, ShellWord? ValueWord)? cli, List<ConfigEditTarget> excludeTargets)
    {
        if (cli is { } c && request.Manifest is not null && request.Command is not null)
        {
            var script = request.Command.Script;
            var after = (c.ValueWord ?? c.Flag).End;
            return new PlanFixes(
                ConfigEdits.Combine([ConfigEdits.RemoveScriptWords(request.Manifest, script, c.Flag, c.ValueWord)]),
                request.Command.Has("--sourcemapExcludeSources") ? null : ConfigEdits.Combine([ConfigEdits.InsertInScript(request.Manifest, script, after, " --sourcemapExcludeSources")]));
        }
        var emitting = set.Emitting.ToList();
        if (emitting.Count == 0) return new PlanFixes(null, null);
        var disable = ConfigEdits.Combine(emitting.Select(e => ConfigEdits.ReplaceValue(e.Source, "false")));
        var drop = ConfigEdits.Combine(excludeTargets.Select(t =>
            t.Output.TryGetEntry("sourcemapExcludeSources", out var existing) && existing!.Value.Source is { } es
                ? ConfigEdits.ReplaceValue(es, "true")
                : ConfigEdits.InsertAfterProperty(t.SourcemapEntry.PropertySource, "sourcemapExcludeSources", "true")).DistinctBy(e => e?.Edits.FirstOrDefault()));
        return new PlanFixes(disable, drop);
    }
}
