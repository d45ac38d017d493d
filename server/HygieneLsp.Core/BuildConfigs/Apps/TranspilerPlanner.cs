using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Apps;

/// <summary>
/// Babel and SWC CLIs: <c>-s/--source-maps [true|inline|both]</c> (SWC also reads .swcrc <c>sourceMaps</c>,
/// with <c>inlineSourcesContent</c> defaulting to true); maps carry the sources. Output: -d/--out-dir or the
/// folder of -o/--out-file.
/// </summary>
public static class TranspilerPlanner
{
    public const string BabelRuleId = "build/babel-sourcemaps";
    public const string SwcRuleId = "build/swc-sourcemaps";

    public static BuildPlan? Plan(PlanRequest request, bool swc)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is null) return null;
        ShellWord? flag = null, valueWord = null;
        string? value = null;
        for (var i = 0; i < cmd.Args.Count; i++)
        {
            var a = cmd.Args[i];
            if (a.Value is "-s" or "--source-maps")
            {
                flag = a;
                valueWord = i + 1 < cmd.Args.Count && cmd.Args[i + 1].Value is "true" or "inline" or "both" ? cmd.Args[i + 1] : null;
                value = valueWord?.Value ?? "true";
            }
            else if (a.Value.StartsWith("--source-maps=", StringComparison.Ordinal)) { flag = a; valueWord = null; value = a.Value[14..]; }
        }
        SourceLocation? cause = flag is not null ? request.ScriptLocation(flag) : null;
        var sources = true;
        ValueSource? rcSource = null;
        if (swc && flag is null)
        {
            var rcPath = cmd.Option("--config-file")?.Value is { } rc ? request.Resolve(rc) : request.ProjectDirectory + "/.swcrc";
            if (request.Files.FileExists(rcPath) && request.Load(rcPath) is { } loaded && loaded.Module.ConfigValue is JsObject swcrc)
            {
                var sm = swcrc.Get("sourceMaps");
                value = sm switch { JsPrimitive { Value: true } => "true", JsPrimitive { Value: "inline" } => "inline", _ => null };
                rcSource = sm.Source;
                if (rcSource is not null) cause = rcSource.Location;
                sources = swcrc.Get("inlineSourcesContent") is not JsPrimitive { Value: false };
            }
        }
        var outcome = value switch
        {
            "true" => new MapOutcome(MapKind.Linked, sources),
            "inline" => new MapOutcome(MapKind.Inline, sources),
            "both" => new MapOutcome(MapKind.InlineAndFile, sources),
            _ => MapOutcome.None,
        };
        var dir = cmd.Option("--out-dir", "-d")?.Value is { } d ? request.Resolve(d)
            : cmd.Option("--out-file", "-o")?.Value is { } f ? Workspace.Paths.Parent(request.Resolve(f)) : request.ProjectDirectory;
        var tool = swc ? "swc" : "babel";
        var disable = flag is not null ? ConfigEdits.RemoveScriptWords(request.Manifest, cmd.Script, flag, valueWord)
            : rcSource is not null ? ConfigEdits.ReplaceValue(rcSource, "false") : null;
        return new BuildPlan(tool, request.Manifest.Path,
        [
            new PredictedMaps
            {
                Tool = tool,
                RuleId = swc ? SwcRuleId : BabelRuleId,
                ConfigPath = request.Manifest.Path,
                OutputDirectory = dir,
                SampleFile = dir + (outcome.WritesMapFile ? "/index.js.map" : "/index.js"),
                Outcomes = [outcome],
                Cause = cause ?? request.CommandLocation!,
                Explanation = value is null ? "no source maps" : $"source maps {value}",
                Fixes = new PlanFixes(outcome.Emits && disable is not null ? [disable] : null, null),
            },
        ]);
    }
}
