using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Next;

/// <summary>
/// Predicts `next build` browser maps: <c>productionBrowserSourceMaps: true</c> writes linked .map files (with the
/// sources) under distDir/static. Next 16 builds with Turbopack unless <c>--webpack</c> (older Next with webpack
/// unless <c>--turbopack</c>); only a webpack build runs a <c>webpack(config, { dev, isServer })</c> hook, whose
/// <c>config.devtool</c> for the client production build (dev false, isServer false) then wins over Next's own
/// choice. Turbopack ignores the hook, and Next 16 refuses to build at all when a hook is configured and neither
/// a flag nor a <c>turbopack</c> key says which bundler is meant (next 16.4, tests/oracles). Server bundles get
/// maps too, but .next/server is never served. With <c>output: 'export'</c> the deployed site is the export folder
/// (<c>out</c>, or distDir), its client maps under _next/static.
/// </summary>
public static class NextPlanner
{
    public const string RuleId = "build/next-sourcemaps";
    public static readonly string[] ConfigNames = ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs", "next.config.mts"];

    public static BuildPlan? Plan(PlanRequest request)
    {
        var configPath = ConfigNames.Select(n => request.ProjectDirectory + "/" + n).FirstOrDefault(request.Files.FileExists);
        if (configPath is null || request.Load(configPath) is not { } loaded) return null;
        var (loader, module) = loaded;
        var defaults = new JsObject();
        defaults.Set("defaultConfig", new JsObject());
        var config = JsEvaluator.PerOption(module.ConfigValue,
            o => o is JsFunctionValue ? loader.Evaluator.Call(o, [JsValue.Of("phase-production-build"), defaults], o.Source) : o, module.ConfigValue.Source);
        var set = new OutcomeSet();
        var dirs = new List<string>();
        var exportDirs = new List<string>();
        var (webpack, explicitBundler) = Bundler(request);
        foreach (var option in config.Options)
        {
            if (option is not JsObject obj) { set.HasUnknown = true; continue; }
            var distDir = (obj.Get("distDir") as JsPrimitive)?.AsString;
            // A static export writes the site into `out` (or distDir) with the client maps under _next/static: the deployed folder.
            if (obj.Get("output") is JsPrimitive { Value: "export" }) { exportDirs.Add(request.Resolve(distDir ?? "out")); dirs.Add(request.Resolve(distDir ?? "out")); }
            else dirs.Add(request.Resolve(distDir ?? ".next") + "/static");
            var browserMaps = obj.Get("productionBrowserSourceMaps");
            var hook = obj.Get("webpack");
            if (!webpack && !explicitBundler && hook is JsFunctionValue && obj.Get("turbopack") is JsPrimitive { IsUndefined: true })
            {
                set.Add(MapOutcome.None, hook.Source, hook); // "Webpack is configured while Turbopack is not": no build
                continue;
            }
            foreach (var b in browserMaps.Options)
            {
                var on = JsOperators.ToBool(b);
                if (on is null) { set.HasUnknown = true; continue; }
                var nextDevtool = JsValue.Of(on.Value ? "source-map" : (object)false, b.Source);
                if (hook is not JsFunctionValue || !webpack)
                {
                    set.Add(on.Value ? new MapOutcome(MapKind.Linked, true) : MapOutcome.None, b.Source, b);
                    continue;
                }
                var webpackConfig = new JsObject();
                webpackConfig.AddUnknownSpread(null);
                webpackConfig.Set("devtool", nextDevtool);
                webpackConfig.Set("plugins", new JsArray());
                var context = new JsObject();
                context.AddUnknownSpread(null);
                context.Set("dev", JsValue.Of(false));
                context.Set("isServer", JsValue.Of(false));
                context.Set("nextRuntime", JsValue.Undefined);
                var result = loader.Evaluator.Call(hook, [webpackConfig, context], hook.Source);
                foreach (var r in result.Options)
                    foreach (var d in JsEvaluator.GetMember(r, "devtool", null).Options)
                    {
                        var outcome = d switch
                        {
                            JsPrimitive { Value: false } or JsPrimitive { IsUndefined: true } => MapOutcome.None,
                            JsPrimitive { Value: string s } => WebpackDevtool.Parse(s) ?? MapOutcome.None,
                            _ => null,
                        };
                        if (outcome is null) set.HasUnknown = true;
                        else if (ReferenceEquals(d, nextDevtool)) set.Add(outcome, b.Source, b); // the hook kept Next's own choice
                        else set.Add(outcome, d.Source, d);
                    }
            }
        }
        var dir = dirs.FirstOrDefault() ?? request.ProjectDirectory + "/.next/static";
        var emitting = set.Emitting.ToList();
        return new BuildPlan("next", configPath,
        [
            new PredictedMaps
            {
                Tool = "next",
                RuleId = RuleId,
                ConfigPath = configPath,
                OutputDirectory = dir,
                SampleFile = dir + (exportDirs.Contains(dir) ? "/_next/static" : "") + "/chunks/main.js.map",
                Outcomes = set.Outcomes,
                HasUnknown = set.HasUnknown,
                Cause = set.CauseSource?.Location ?? PlanRequest.Anchor(config.Source, configPath),
                Explanation = (emitting.Any(e => e.Value is JsPrimitive { Value: bool }) ? "productionBrowserSourceMaps" : "webpack hook devtool " + string.Join(" / ", emitting.Select(e => e.Value?.ToString()).Distinct()))
                    + (webpack ? " (webpack build)" : " (Turbopack build)") + (exportDirs.Contains(dir) ? ", output 'export'" : ""),
                IsWebApp = true,
                Fixes = new PlanFixes(emitting.Count == 0 ? null : ConfigEdits.Combine(emitting.Select(e => ConfigEdits.ReplaceValue(e.Source, "false"))), null),
            },
        ]);
    }

    /// <summary>
    /// Which bundler `next build` uses: a flag decides; otherwise the installed Next's major version (16 and later:
    /// Turbopack), else the version range package.json asks for, else the current Next (Turbopack).
    /// </summary>
    private static (bool Webpack, bool Explicit) Bundler(PlanRequest request)
    {
        if (request.Command?.Has("--webpack") == true) return (true, true);
        if (request.Command?.Has("--turbopack", "--turbo") == true) return (false, true);
        return (PackageVersions.Major(request, "next") is int major && major < 16, false);
    }
}
