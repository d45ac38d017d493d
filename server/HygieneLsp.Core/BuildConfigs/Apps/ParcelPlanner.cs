using HygieneLsp.Core.Parsing.JsConfig;

namespace HygieneLsp.Core.BuildConfigs.Apps;

/// <summary>
/// `parcel build` makes linked maps by default, with sources inlined for browser production builds; off with
/// <c>--no-source-maps</c> or package.json <c>targets.default.sourceMap: false</c>. Output: --dist-dir or dist.
/// </summary>
public static class ParcelPlanner
{
    public const string RuleId = "build/parcel-sourcemaps";

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is null) return null;
        var noMaps = cmd.Has("--no-source-maps");
        var targetOff = request.Manifest.Property("targets")?.Value is JsObjectLiteral targets
            && targets.Members.OfType<JsProperty>().FirstOrDefault(p => p.Key == "default")?.Value is JsObjectLiteral def
            && def.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == "sourceMap")?.Value is JsKeywordLiteral { Word: "false" };
        var emits = !noMaps && !targetOff;
        var dir = cmd.Option("--dist-dir")?.Value is { } d ? request.Resolve(d) : request.ProjectDirectory + "/dist";
        var buildWord = cmd.Args.FirstOrDefault(a => a.Value == "build");
        return new BuildPlan("parcel", request.Manifest.Path,
        [
            new PredictedMaps
            {
                Tool = "parcel",
                RuleId = RuleId,
                ConfigPath = request.Manifest.Path,
                OutputDirectory = dir,
                SampleFile = dir + "/index.js.map",
                Outcomes = [emits ? new MapOutcome(MapKind.Linked, true) : MapOutcome.None],
                Cause = buildWord is not null ? request.ScriptLocation(buildWord) : request.CommandLocation!,
                Explanation = "parcel build makes source maps unless --no-source-maps",
                IsWebApp = true,
                Fixes = new PlanFixes(emits && buildWord is not null ? ConfigEdits.Combine([ConfigEdits.InsertInScript(request.Manifest, cmd.Script, buildWord.End, " --no-source-maps")]) : null, null),
            },
        ]);
    }
}
