using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.BuildConfigs.Angular;

/// <summary>
/// Predicts `ng build` maps from angular.json: the build target's <c>options</c>, then each selected configuration
/// (script <c>-c/--configuration a,b</c>, else <c>defaultConfiguration</c>) merged SHALLOWLY in order, so a
/// configuration's <c>sourceMap</c> object replaces the base one. <c>sourceMap</c> is a bool or
/// <c>{ scripts, styles, hidden, vendor, sourcesContent }</c> (scripts/styles/sourcesContent default true).
/// Default false. Output: outputPath (string or { base }), else dist/&lt;project&gt;.
/// </summary>
public static class AngularPlanner
{
    public const string RuleId = "build/angular-sourcemap";

    public static BuildPlan? Plan(PlanRequest request)
    {
        var path = request.ProjectDirectory + "/angular.json";
        var text = request.Files.ReadAllText(path);
        if (text is null) return null;
        var doc = JsoncParser.Parse(text);
        if (doc.Root is not JsoncObject root || root.Get("projects") is not JsoncObject projects) return null;
        var requested = request.Command?.Option("--configuration", "-c")?.Value;
        var wanted = ProjectArgument(request.Command);
        var outputs = new List<PredictedMaps>();
        foreach (var project in projects.Properties)
        {
            if (wanted is not null && project.Key.Value != wanted) continue;
            if (project.Value is not JsoncObject p) continue;
            var targets = p.Get("architect") as JsoncObject ?? p.Get("targets") as JsoncObject;
            if (targets?.Get("build") is not JsoncObject build) continue;
            var names = (requested ?? build.GetString("defaultConfiguration"))?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            var layers = new List<JsoncObject>();
            if (build.Get("options") is JsoncObject options) layers.Add(options);
            foreach (var n in names)
                if ((build.Get("configurations") as JsoncObject)?.Get(n) is JsoncObject cfg) layers.Add(cfg);
            // Shallow merge: the last layer that has the key decides it.
            JsoncNode? Last(string key) => layers.Select(l => l.Get(key)).LastOrDefault(v => v is not null);
            var sourceMap = Last("sourceMap");
            var outcome = Outcome(sourceMap);
            var outputPath = Last("outputPath") switch
            {
                JsoncString s => s.Value,
                JsoncObject o => o.GetString("base"),
                _ => null,
            } ?? "dist/" + project.Key.Value;
            var dir = request.Resolve(outputPath);
            var cause = sourceMap is not null ? new SourceLocation(path, doc.RangeOf(sourceMap)) : new SourceLocation(path, doc.RangeOf(project.Key));
            outputs.Add(new PredictedMaps
            {
                Tool = "angular",
                RuleId = RuleId,
                ConfigPath = path,
                OutputDirectory = dir,
                SampleFile = dir + (outcome.WritesMapFile ? "/browser/main.js.map" : "/browser/main.js"),
                Outcomes = [outcome],
                HasUnknown = sourceMap is not null && outcome == MapOutcome.None && sourceMap is not (JsoncLiteral or JsoncObject),
                Cause = cause,
                Explanation = $"sourceMap in {(names.Length == 0 ? "the build options" : "configuration " + string.Join(",", names))}",
                IsWebApp = true,
                Fixes = Fixes(path, doc, sourceMap, outcome),
            });
        }
        return outputs.Count == 0 ? null : new BuildPlan("angular", path, outputs);
    }

    /// <summary>`ng build &lt;project&gt;`: the first positional after `build` that is not an option's value.</summary>
    private static string? ProjectArgument(Scripts.ShellCommand? command)
    {
        if (command is null) return null;
        var args = command.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i].Value;
            if (a is "build" or "b") continue;
            if (a.StartsWith('-')) { if (!a.Contains('=') && i + 1 < args.Count && !args[i + 1].Value.StartsWith('-') && a is "-c" or "--configuration") i++; continue; }
            return a;
        }
        return null;
    }

    public static MapOutcome Outcome(JsoncNode? sourceMap)
    {
        switch (sourceMap)
        {
            case JsoncLiteral { Kind: JsoncLiteralKind.True }:
                return new MapOutcome(MapKind.Linked, true);
            case JsoncObject o:
                {
                    var scripts = o.GetBool("scripts") ?? true;
                    var styles = o.GetBool("styles") ?? true;
                    if (!scripts && !styles) return MapOutcome.None;
                    return new MapOutcome(o.GetBool("hidden") == true ? MapKind.Hidden : MapKind.Linked, o.GetBool("sourcesContent") ?? true);
                }
            default:
                return MapOutcome.None;
        }
    }

    private static PlanFixes Fixes(string path, JsoncDocument doc, JsoncNode? sourceMap, MapOutcome outcome)
    {
        if (sourceMap is null || !outcome.Emits) return new PlanFixes(null, null);
        var disable = new FileEdit(path, [JsoncEdits.ReplaceValue(doc, sourceMap, "false")]);
        FileEdit? drop = null;
        if (outcome.SourcesContent)
        {
            drop = sourceMap switch
            {
                JsoncObject o when o.Get("sourcesContent") is { } sc => new FileEdit(path, [JsoncEdits.ReplaceValue(doc, sc, "false")]),
                JsoncObject o => new FileEdit(path, [JsoncEdits.InsertProperty(doc, o, "sourcesContent", "false")]),
                _ => new FileEdit(path, [JsoncEdits.ReplaceValue(doc, sourceMap, "{ \"scripts\": true, \"styles\": true, \"sourcesContent\": false }")]),
            };
        }
        return new PlanFixes([disable], drop is null ? null : [drop]);
    }
}
