using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;

namespace HygieneLsp.Core.BuildConfigs.Apps;

/// <summary>
/// Babel and SWC CLIs: <c>-s/--source-maps [true|inline|both]</c>, which wins over the config files; without it
/// Babel reads <c>sourceMaps</c> from babel.config.*, then .babelrc* or package.json <c>babel</c> (the nearer wins;
/// <c>env[BABEL_ENV || NODE_ENV]</c> over the top level), SWC from .swcrc. Babel maps always carry the sources;
/// SWC's unless .swcrc says <c>inlineSourcesContent: false</c> (flag or not). Output: -d/--out-dir or the folder of
/// -o/--out-file. Checked against @babel/cli 8.1 and @swc/cli 0.8 (tests/oracles).
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
        var unknown = false;
        ValueSource? configFallback = null;
        if (swc)
        {
            var rcPath = cmd.Option("--config-file")?.Value is { } rc ? request.Resolve(rc) : request.ProjectDirectory + "/.swcrc";
            if (request.Files.FileExists(rcPath) && request.Load(rcPath) is { } loaded && loaded.Module.ConfigValue is JsObject swcrc)
            {
                sources = swcrc.Get("inlineSourcesContent") is not JsPrimitive { Value: false };
                var rcMaps = swcrc.Get("sourceMaps");
                if (flag is null) (value, rcSource) = (MapValue(rcMaps), rcMaps.Source);
                else if (MapValue(rcMaps) is not null) configFallback = rcMaps.Source;
            }
        }
        else
        {
            // Without the flag the config decides; with it, the config is what is left once a fix removes the flag.
            var (configValue, configSource, configUnknown) = BabelSourceMaps(request);
            if (flag is null) (value, rcSource, unknown) = (configValue, configSource, configUnknown);
            else if (configValue is not null) configFallback = configSource;
        }
        if (rcSource is not null && value is not null) cause = rcSource.Location;
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
        var alsoConfig = configFallback is not null ? ConfigEdits.ReplaceValue(configFallback, "false") : null;
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
                HasUnknown = unknown,
                Cause = cause ?? request.CommandLocation!,
                Explanation = value is null ? "no source maps" : $"source maps {value}",
                Fixes = new PlanFixes(outcome.Emits && disable is not null ? (alsoConfig is null ? [disable] : ConfigEdits.Combine([disable, alsoConfig])) : null, null),
            },
        ]);
    }

    private static string? MapValue(JsValue v) => v switch
    {
        JsPrimitive { Value: true } => "true",
        JsPrimitive { Value: "inline" } => "inline",
        JsPrimitive { Value: "both" } => "both",
        _ => null,
    };

    private static readonly string[] ProjectConfigs = ["babel.config.json", "babel.config.js", "babel.config.cjs", "babel.config.mjs", "babel.config.cts"];
    private static readonly string[] FileConfigs = [".babelrc", ".babelrc.json", ".babelrc.js", ".babelrc.cjs", ".babelrc.mjs", ".babelrc.cts"];

    /// <summary>Every Babel config file the plan of <paramref name="directory"/> depends on, present or not (creating one changes it).</summary>
    public static IEnumerable<string> BabelConfigFiles(string directory) => ProjectConfigs.Concat(FileConfigs).Select(n => directory + "/" + n);

    /// <summary>
    /// <c>sourceMaps</c> as Babel merges it for the project's files: the project-wide config, then the file-relative
    /// one (.babelrc* or package.json <c>babel</c>), each with its <c>env</c> block for the build's environment over its
    /// top level. A config written as a function is not evaluated: unknown.
    /// </summary>
    private static (string? Value, ValueSource? Source, bool Unknown) BabelSourceMaps(PlanRequest request)
    {
        var env = request.Environment().ProcessEnv;
        var envName = env.GetValueOrDefault("BABEL_ENV") ?? env.GetValueOrDefault("NODE_ENV") ?? "development";
        string? value = null;
        ValueSource? source = null;
        var unknown = false;
        void Apply(JsValue config)
        {
            if (config is not JsObject obj) { unknown = true; return; }
            foreach (var layer in new[] { obj.Get("sourceMaps"), obj.Get("env") is JsObject envs && envs.Get(envName) is JsObject e ? e.Get("sourceMaps") : JsValue.Undefined })
            {
                if (layer is JsPrimitive { IsUndefined: true }) continue;
                if (layer is not JsPrimitive) { unknown = true; continue; }
                (value, source) = (MapValue(layer), layer.Source);
            }
        }
        foreach (var files in new[] { ProjectConfigs, FileConfigs })
        {
            var path = files.Select(n => request.ProjectDirectory + "/" + n).FirstOrDefault(request.Files.FileExists);
            if (path is not null && request.Load(path) is { } loaded) Apply(loaded.Module.ConfigValue);
            else if (files == FileConfigs && request.Manifest is not null && request.Load(request.Manifest.Path) is { } pkg
                     && pkg.Module.ConfigValue is JsObject manifest && manifest.Get("babel") is JsObject babel) Apply(babel);
        }
        return (value, source, unknown);
    }
}
