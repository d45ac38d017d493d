using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Esbuild;

/// <summary>
/// Predicts esbuild maps from build scripts (`esbuild.build/buildSync/context({...})`, found by evaluating the
/// script) and from CLI calls in npm scripts. sourcemap: true/'linked' → linked, 'external' → file without comment,
/// 'inline', 'both'; CLI bare <c>--sourcemap</c> is linked, or inline when writing to stdout. Sources are embedded
/// unless <c>sourcesContent: false</c> / <c>--sources-content=false</c>.
/// </summary>
public static class EsbuildPlanner
{
    public const string RuleId = "build/esbuild-sourcemap";

    public static MapOutcome? Outcome(JsValue sourcemap, bool sourcesContent, bool toStdout = false) => sourcemap switch
    {
        JsPrimitive { Value: "inline" } => new MapOutcome(MapKind.Inline, sourcesContent),
        JsPrimitive { Value: "external" } => new MapOutcome(MapKind.Hidden, sourcesContent),
        JsPrimitive { Value: "both" } => new MapOutcome(MapKind.InlineAndFile, sourcesContent),
        JsPrimitive { Value: "linked" } or JsPrimitive { Value: true } => new MapOutcome(toStdout ? MapKind.Inline : MapKind.Linked, sourcesContent),
        JsPrimitive { Value: false } or JsPrimitive { IsUndefined: true } => MapOutcome.None,
        _ => null,
    };

    /// <summary>Predictions for the esbuild API calls a build script makes.</summary>
    public static IEnumerable<PredictedMaps> FromCalls(PlanRequest request, string scriptPath, IEnumerable<RecordedCall> calls)
    {
        foreach (var call in calls.Where(c => c.Api.StartsWith("esbuild.", StringComparison.Ordinal)))
        {
            var set = new OutcomeSet { HasUnknown = !call.Certain || call.Api == "esbuild.context" };
            var options = call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Unknown();
            var dirs = new List<string>();
            var dropTargets = new List<(JsObject Options, JsEntry Sourcemap)>();
            foreach (var o in options.Options)
            {
                if (o is not JsObject obj) { set.HasUnknown = true; continue; }
                if (obj.Get("write") is JsPrimitive { Value: false }) { set.Add(MapOutcome.None, null); continue; }
                var cwd = obj.Get("absWorkingDir") is JsPrimitive { Value: string wd } ? wd : request.ProjectDirectory;
                var outdir = (obj.Get("outdir") as JsPrimitive)?.AsString;
                var outfile = (obj.Get("outfile") as JsPrimitive)?.AsString;
                dirs.Add(Resolve(cwd, outdir) ?? (outfile is not null ? Workspace.Paths.Parent(Resolve(cwd, outfile)!) : cwd));
                var sources = obj.Get("sourcesContent") is not JsPrimitive { Value: false };
                if (obj.HasUnknownAfter("sourcesContent")) set.HasUnknown = true;
                foreach (var v in obj.Get("sourcemap").Options)
                {
                    var outcome = Outcome(v, sources);
                    if (outcome is null) { set.HasUnknown = true; continue; }
                    set.Add(outcome, v.Source, v);
                    if (outcome.Emits && outcome.SourcesContent && obj.TryGetEntry("sourcemap", out var e)) dropTargets.Add((obj, e!));
                }
            }
            var dropSources = ConfigEdits.Combine(dropTargets.Select(t => t.Options.TryGetEntry("sourcesContent", out var sc) && sc!.Value.Source is { } s
                ? ConfigEdits.ReplaceValue(s, "false")
                : ConfigEdits.InsertAfterProperty(t.Sourcemap.PropertySource, "sourcesContent", "false")).DistinctBy(e => e?.Edits.FirstOrDefault()));
            yield return set.ForScriptCall("esbuild", RuleId, scriptPath, dirs.FirstOrDefault() ?? request.ProjectDirectory, call, "false", dropSources);
        }
    }

    private static string? Resolve(string cwd, string? path) =>
        path is null ? null : path.StartsWith('/') ? JsBuiltinPath.Normalize(path) : JsBuiltinPath.Normalize(cwd + "/" + path);

    /// <summary>An `esbuild ...` command in an npm script.</summary>
    public static BuildPlan? FromCli(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is null) return null;
        var flag = cmd.Args.LastOrDefault(a => a.Value == "--sourcemap" || a.Value.StartsWith("--sourcemap=", StringComparison.Ordinal));
        var sources = cmd.Option("--sources-content")?.Value != "false";
        var outdir = cmd.Option("--outdir")?.Value;
        var outfile = cmd.Option("--outfile")?.Value;
        var toStdout = outdir is null && outfile is null;
        var value = flag is null ? JsValue.Undefined : flag.Value.Contains('=') ? JsValue.Of(flag.Value[(flag.Value.IndexOf('=') + 1)..]) : JsValue.Of(true);
        var outcome = Outcome(value, sources, toStdout) ?? MapOutcome.None;
        var dir = outdir is not null ? request.Resolve(outdir) : outfile is not null ? Workspace.Paths.Parent(request.Resolve(outfile)) : request.ProjectDirectory;
        var script = cmd.Script;
        var cause = flag is not null ? request.ScriptLocation(flag) : request.CommandLocation!;
        return new BuildPlan("esbuild", request.Manifest.Path,
        [
            new PredictedMaps
            {
                Tool = "esbuild",
                RuleId = RuleId,
                ConfigPath = request.Manifest.Path,
                OutputDirectory = dir,
                SampleFile = outfile is not null && !outcome.WritesMapFile ? request.Resolve(outfile) : outfile is not null ? request.Resolve(outfile) + ".map" : dir + "/index.js.map",
                Outcomes = [outcome],
                Cause = cause,
                Explanation = flag?.Value ?? "no --sourcemap",
                Fixes = new PlanFixes(
                    flag is null ? null : ConfigEdits.Combine([ConfigEdits.RemoveScriptWords(request.Manifest, script, flag)]),
                    flag is null || !sources ? null : ConfigEdits.Combine([ConfigEdits.InsertInScript(request.Manifest, script, flag.End, " --sources-content=false")])),
            },
        ]);
    }
}
