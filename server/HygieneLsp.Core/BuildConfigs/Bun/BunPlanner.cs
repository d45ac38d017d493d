using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Bun;

/// <summary>
/// Predicts Bun bundler maps: `Bun.build({ sourcemap })` in build scripts ('linked', 'inline', 'external', 'none';
/// true = linked) and `bun build --sourcemap[=kind]` in npm scripts (bare flag = linked). Bun's maps carry the
/// sources. With `--outfile`, an external map is an error (nothing is written), and a linked map goes where --outfile
/// points in the Bun that shipped the 2026 leak but beside the entry point, under the outfile's name, in Bun 1.4 (the
/// oracle's version): both places are predicted, so either Bun is covered.
/// </summary>
public static class BunPlanner
{
    public const string RuleId = "build/bun-sourcemap";

    private static MapOutcome? Outcome(JsValue v, bool cli) => v switch
    {
        JsPrimitive { Value: "inline" } => new MapOutcome(MapKind.Inline, true),
        JsPrimitive { Value: "external" } => new MapOutcome(MapKind.Hidden, true),
        JsPrimitive { Value: "linked" } => new MapOutcome(MapKind.Linked, true),
        JsPrimitive { Value: true } => new MapOutcome(MapKind.Linked, true),
        JsPrimitive { Value: "none" } or JsPrimitive { Value: false } or JsPrimitive { IsUndefined: true } => MapOutcome.None,
        _ => null,
    };

    public static IEnumerable<PredictedMaps> FromCalls(PlanRequest request, string scriptPath, IEnumerable<RecordedCall> calls)
    {
        foreach (var call in calls.Where(c => c.Api == "Bun.build"))
        {
            var set = new OutcomeSet { HasUnknown = !call.Certain };
            var dirs = new List<string>();
            foreach (var o in (call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Unknown()).Options)
            {
                if (o is not JsObject obj) { set.HasUnknown = true; continue; }
                if ((obj.Get("outdir") as JsPrimitive)?.AsString is { } d) dirs.Add(request.Resolve(d));
                foreach (var v in obj.Get("sourcemap").Options)
                {
                    if (Outcome(v, cli: false) is { } outcome) set.Add(outcome, v.Source, v);
                    else set.HasUnknown = true;
                }
            }
            yield return set.ForScriptCall("bun", RuleId, scriptPath, dirs.FirstOrDefault() ?? request.ProjectDirectory, call, "'none'");
        }
    }

    /// <summary>The first entry point of `bun build`: a positional script path that is not an option's value.</summary>
    private static string? Entry(Scripts.ShellCommand cmd)
    {
        var values = cmd.Args.Zip(cmd.Args.Skip(1)).Where(p => p.First.Value.StartsWith('-') && !p.First.Value.Contains('=')).Select(p => p.Second).ToHashSet();
        return cmd.Positionals.Where(a => !values.Contains(a) && a.Value != "build")
            .Select(a => a.Value)
            .FirstOrDefault(v => Path.GetExtension(v) is ".js" or ".jsx" or ".ts" or ".tsx" or ".mjs" or ".cjs" or ".mts" or ".cts");
    }

    /// <summary>`bun build ... --sourcemap[=kind] --outdir x` in an npm script.</summary>
    public static BuildPlan? FromCli(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is null) return null;
        var flag = cmd.Args.LastOrDefault(a => a.Value == "--sourcemap" || a.Value.StartsWith("--sourcemap=", StringComparison.Ordinal));
        var value = flag is null ? JsValue.Undefined : flag.Value.Contains('=') ? JsValue.Of(flag.Value[(flag.Value.IndexOf('=') + 1)..]) : JsValue.Of(true);
        var outcome = Outcome(value, cli: true) ?? MapOutcome.None;
        var outfile = cmd.Option("--outfile")?.Value is { } f ? request.Resolve(f) : null;
        var dir = cmd.Option("--outdir")?.Value is { } o ? request.Resolve(o) : outfile is not null ? Workspace.Paths.Parent(outfile) : request.ProjectDirectory;
        var bundle = outfile ?? dir + "/index.js";
        var places = new List<(string Dir, string Bundle)> { (dir, bundle) };
        if (outfile is not null && cmd.Option("--outdir") is null)
        {
            if (outcome.Kind == MapKind.Hidden) outcome = MapOutcome.None; // "cannot use an external source map without --outdir"
            else if (outcome.Kind == MapKind.Linked && Entry(cmd) is { } entry && Workspace.Paths.Parent(request.Resolve(entry)) is var beside && beside != dir)
                places.Add((beside, beside + "/" + Path.GetFileName(outfile)));
        }
        return new BuildPlan("bun", request.Manifest.Path, places.Select(place => new PredictedMaps
        {
            Tool = "bun",
            RuleId = RuleId,
            ConfigPath = request.Manifest.Path,
            OutputDirectory = place.Dir,
            SampleFile = outcome.WritesMapFile ? place.Bundle + ".map" : place.Bundle,
            Outcomes = [outcome],
            Cause = flag is not null ? request.ScriptLocation(flag) : request.CommandLocation!,
            Explanation = flag?.Value ?? "no --sourcemap",
            Fixes = new PlanFixes(flag is null ? null : ConfigEdits.Combine([ConfigEdits.RemoveScriptWords(request.Manifest, cmd.Script, flag)]), null),
        }).ToList());
    }
}
