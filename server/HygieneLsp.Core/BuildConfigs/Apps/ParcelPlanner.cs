using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Apps;

/// <summary>
/// `parcel build` (always a production build, whatever NODE_ENV says) writes a linked map beside every bundle of every
/// target, and every map carries the sources (<c>inlineSources: false</c> only adds a sourceRoot). Off with
/// <c>--no-source-maps</c> (it wins over any target setting) or a target's <c>"sourceMap": false</c>; inline with
/// <c>"sourceMap": { "inline": true }</c>. Targets, as Parcel 2.16 resolves them (tests/oracles): the library fields
/// <c>main</c>, <c>module</c>, <c>browser</c> (written where the field says; <c>--dist-dir</c> ignored;
/// <c>"targets": { "main": false }</c> drops one), custom <c>targets</c> entries (their <c>distDir</c>, else
/// <c>--dist-dir</c> or <c>dist</c>, plus <c>/name</c> when there are several), else the default target
/// (<c>targets.default.distDir</c>, which wins over <c>--dist-dir</c>, else <c>dist</c>). <c>--target</c> picks. An HTML
/// entry with a library field fails the build.
/// </summary>
public static class ParcelPlanner
{
    public const string RuleId = "build/parcel-sourcemaps";

    private static readonly string[] LibraryFields = ["main", "module", "browser"];

    private sealed record Target(string Name, string Directory, string SampleFile, JsNode? Settings);

    public static BuildPlan? Plan(PlanRequest request)
    {
        var cmd = request.Command;
        if (cmd is null || request.Manifest is null) return null;
        var noMaps = cmd.Has("--no-source-maps");
        var targets = request.Manifest.Property("targets")?.Value as JsObjectLiteral;
        var distFlag = cmd.Option("--dist-dir")?.Value;
        var picked = cmd.Options("--target").Select(o => o.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var list = new List<Target>();
        foreach (var field in LibraryFields)
        {
            if (request.Manifest.Property(field)?.Value is not JsStringLiteral { Value: var output }) continue;
            var settings = Setting(targets, field);
            if (settings is JsKeywordLiteral { Word: "false" }) continue;
            var file = request.Resolve(output);
            list.Add(new Target(field, Paths.Parent(file), file + ".map", settings));
        }
        var custom = targets?.Members.OfType<JsProperty>()
            .Where(p => p.Key is not null && !LibraryFields.Contains(p.Key) && p.Key is not ("types" or "default") && p.Value is JsObjectLiteral)
            .ToList() ?? [];
        foreach (var p in custom)
        {
            var dir = DistDir(p.Value) is { } d ? request.Resolve(d)
                : request.Resolve((distFlag ?? "dist") + (custom.Count > 1 ? "/" + p.Key : ""));
            list.Add(new Target(p.Key!, dir, dir + "/index.js.map", p.Value));
        }
        if (list.Count == 0)
        {
            var settings = Setting(targets, "default");
            var dir = request.Resolve(DistDir(settings) ?? distFlag ?? "dist");
            list.Add(new Target("default", dir, dir + "/index.js.map", settings));
        }
        if (picked.Count > 0) list = list.Where(t => picked.Contains(t.Name)).ToList();
        // An HTML entry cannot become a library's .js output: Parcel stops with an error and writes nothing (the
        // "main": "index.js" that npm init leaves in an app's package.json does this).
        var fails = list.Any(t => LibraryFields.Contains(t.Name))
            && cmd.Positionals.Any(a => a.Value.EndsWith(".html", StringComparison.OrdinalIgnoreCase));

        var buildWord = cmd.Args.FirstOrDefault(a => a.Value == "build");
        var cause = buildWord is not null ? request.ScriptLocation(buildWord) : request.CommandLocation!;
        var outputs = list.Select(t =>
        {
            var outcome = noMaps || fails ? MapOutcome.None : Outcome(t.Settings);
            return new PredictedMaps
            {
                Tool = "parcel",
                RuleId = RuleId,
                ConfigPath = request.Manifest.Path,
                OutputDirectory = t.Directory,
                SampleFile = t.SampleFile,
                Outcomes = [outcome],
                Cause = cause,
                Explanation = t.Name == "default"
                    ? "parcel build makes source maps unless --no-source-maps"
                    : $"parcel build makes source maps for the \"{t.Name}\" target unless --no-source-maps",
                IsWebApp = true,
                Fixes = new PlanFixes(outcome.Emits && buildWord is not null
                    ? ConfigEdits.Combine([ConfigEdits.InsertInScript(request.Manifest, cmd.Script, buildWord.End, " --no-source-maps")])
                    : null, null),
            };
        }).ToList();
        return outputs.Count == 0 ? null : new BuildPlan("parcel", request.Manifest.Path, outputs);
    }

    private static JsNode? Setting(JsObjectLiteral? targets, string name) =>
        targets?.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == name)?.Value;

    private static string? DistDir(JsNode? settings) =>
        (settings as JsObjectLiteral)?.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == "distDir")?.Value is JsStringLiteral s ? s.Value : null;

    /// <summary>A target's <c>sourceMap</c>: false = none, an object with <c>inline: true</c> = inline, anything else = linked.</summary>
    private static MapOutcome Outcome(JsNode? settings)
    {
        var sourceMap = (settings as JsObjectLiteral)?.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == "sourceMap")?.Value;
        return sourceMap switch
        {
            JsKeywordLiteral { Word: "false" } => MapOutcome.None,
            JsObjectLiteral o when o.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == "inline")?.Value is JsKeywordLiteral { Word: "true" }
                => new MapOutcome(MapKind.Inline, true),
            _ => new MapOutcome(MapKind.Linked, true),
        };
    }
}
