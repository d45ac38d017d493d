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
            List<OutputFile>? files = [];
            var dropTargets = new List<(JsObject Options, JsEntry Sourcemap)>();
            foreach (var o in options.Options)
            {
                if (o is not JsObject obj) { set.HasUnknown = true; continue; }
                if (obj.Get("write") is JsPrimitive { Value: false }) { set.Add(MapOutcome.None, null); continue; }
                var cwd = obj.Get("absWorkingDir") is JsPrimitive { Value: string wd } ? wd : request.ProjectDirectory;
                var outdir = (obj.Get("outdir") as JsPrimitive)?.AsString;
                var outfile = (obj.Get("outfile") as JsPrimitive)?.AsString;
                dirs.Add(Resolve(cwd, outdir) ?? (outfile is not null ? Workspace.Paths.Parent(Resolve(cwd, outfile)!) : cwd));
                var named = outfile is not null ? [OutputFile.Of(Resolve(cwd, outfile)!)]
                    : outdir is not null && obj.Get("entryNames") is JsPrimitive { IsUndefined: true } && OutExtension(obj) is { } ext
                        && Outbase(obj.Get("outbase"), cwd) is var (knownBase, outbase) && knownBase
                        ? FilesInOutdir(Resolve(cwd, outdir)!, cwd, EntryPoints(obj.Get("entryPoints")), ext, outbase) : null;
                if (named is null) files = null;
                else files?.AddRange(named);
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
            yield return set.ForScriptCall("esbuild", RuleId, scriptPath, dirs.FirstOrDefault() ?? request.ProjectDirectory, call, "false", dropSources)
                with { Files = files is { Count: > 0 } && options.Options.All(o => o is JsObject) ? files : null };
        }
    }

    /// <summary>
    /// The entry points as (output name or null, input path): an array of paths or `{ in, out }` objects, or an
    /// object of out → in. Null when unknown or a glob.
    /// </summary>
    private static List<(string? Out, string In)>? EntryPoints(JsValue value)
    {
        var result = new List<(string?, string)>();
        switch (value)
        {
            case JsArray { HasUnknownItems: false } a:
                foreach (var item in a.Items)
                {
                    if (item is JsPrimitive { Value: string p }) result.Add((null, p));
                    else if (item is JsObject o && o.Get("in") is JsPrimitive { Value: string i } && o.Get("out") is JsPrimitive { Value: string ot }) result.Add((ot, i));
                    else return null;
                }
                break;
            case JsObject { HasUnknownEntries: false } o:
                foreach (var key in o.Keys)
                    if (o.Get(key) is JsPrimitive { Value: string i }) result.Add((key, i));
                    else return null;
                break;
            default:
                return null;
        }
        return result.Count == 0 || result.Any(r => r.Item2.Contains('*')) ? null : result;
    }

    /// <summary>outExtension['.js'] (default .js); null when not a known string.</summary>
    private static string? OutExtension(JsObject options) =>
        OutputNames.Member(options.Get("outExtension"), ".js") switch
        {
            JsPrimitive { IsUndefined: true } => ".js",
            JsPrimitive { Value: string e } => e,
            _ => null,
        };

    /// <summary>
    /// esbuild's names in an outdir: each entry's path relative to the entries' lowest common folder (the default
    /// outbase), with a script extension replaced by the out extension; an explicit out name as given.
    /// </summary>
    internal static List<OutputFile>? FilesInOutdir(string outdir, string cwd, List<(string? Out, string In)>? entries, string extension, string? outbase = null)
    {
        if (entries is null) return null;
        var scripts = new[] { ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts" };
        var inputs = entries.Select(e => Resolve(cwd, e.In)!).ToList();
        var common = Workspace.Paths.Parent(inputs[0]);
        foreach (var i in inputs.Skip(1))
            while (!Workspace.Paths.IsUnder(i, common) && common.Length > 1) common = Workspace.Paths.Parent(common);
        // An explicit outbase keeps the entries' folders below it (outbase "." with src/index.ts writes dist/src/index.js).
        if (outbase is not null)
        {
            if (!inputs.All(i => Workspace.Paths.IsUnder(i, outbase))) return null; // esbuild writes those above outdir: not predicted
            common = outbase;
        }
        var files = new List<OutputFile>();
        for (var k = 0; k < entries.Count; k++)
        {
            var (explicitOut, _) = entries[k];
            if (explicitOut is not null) { files.Add(OutputFile.Of(JsBuiltinPath.Normalize(outdir + "/" + explicitOut + extension))); continue; }
            var rel = Workspace.Paths.Relative(common, inputs[k]);
            var ext = scripts.FirstOrDefault(e => rel.EndsWith(e, StringComparison.Ordinal));
            if (ext is null) return null; // css, assets: other names
            files.Add(OutputFile.Of(JsBuiltinPath.Normalize(outdir + "/" + rel[..^ext.Length] + extension)));
        }
        return files;
    }

    /// <summary>The `outbase` option: (true, null) when absent, (true, folder) when a known string, (false, null) when unknown.</summary>
    private static (bool Known, string? Folder) Outbase(JsValue value, string cwd) => value switch
    {
        JsPrimitive { IsUndefined: true } => (true, null),
        JsPrimitive { Value: string s } => (true, Resolve(cwd, s)),
        _ => (false, null),
    };

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
                Files = outfile is not null ? [OutputFile.Of(request.Resolve(outfile))]
                    : outdir is not null && !cmd.Args.Any(a => a.Value.StartsWith("--entry-names", StringComparison.Ordinal) || a.Value.StartsWith("--out-extension", StringComparison.Ordinal))
                        ? FilesInOutdir(dir, request.ProjectDirectory, cmd.Positionals.Select(p => ((string?)null, p.Value)).ToList() is { Count: > 0 } e && e.All(x => !x.Item2.Contains('*')) ? e : null, ".js",
                            cmd.Option("--outbase")?.Value is { } cliBase ? Resolve(request.ProjectDirectory, cliBase) : null)
                        : null,
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
