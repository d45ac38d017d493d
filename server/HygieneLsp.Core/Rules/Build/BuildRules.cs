using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.Angular;
using HygieneLsp.Core.BuildConfigs.Apps;
using HygieneLsp.Core.BuildConfigs.Next;
using HygieneLsp.Core.BuildConfigs.Bun;
using HygieneLsp.Core.BuildConfigs.Esbuild;
using HygieneLsp.Core.BuildConfigs.Rollup;
using HygieneLsp.Core.BuildConfigs.Tsup;
using HygieneLsp.Core.BuildConfigs.Vite;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Rules.Build;

/// <summary>The build rules, one per tool. Default severity is the shipped case; the analyzer lowers it per finding.</summary>
public static class BuildRules
{
    private const string Help = "Production builds that write source maps into a published package or a deployed folder expose the original source code (sourcesContent) or at least file paths and names. Turn maps off for production, keep them out of what ships, or drop the embedded sources.";

    public static readonly List<RuleDescriptor> All =
    [
        new(WebpackPlanner.RuleId, Severity.Error, "webpack devtool makes source maps in production builds.", Help),
        new(VitePlanner.RuleId, Severity.Error, "Vite build.sourcemap makes source maps in production builds.", Help),
        new(RollupPlanner.RuleId, Severity.Error, "Rollup output.sourcemap makes source maps that ship.", Help),
        new(EsbuildPlanner.RuleId, Severity.Error, "esbuild sourcemap makes source maps that ship.", Help),
        new(BunPlanner.RuleId, Severity.Error, "Bun sourcemap makes source maps that ship.", Help),
        new(TsupPlanner.RuleId, Severity.Error, "tsup sourcemap makes source maps that ship.", Help),
        new(NextPlanner.RuleId, Severity.Warning, "Next.js production browser source maps are served publicly.", Help),
        new(CreateReactAppPlanner.RuleId, Severity.Warning, "Create React App builds make source maps unless GENERATE_SOURCEMAP=false.", Help),
        new(ParcelPlanner.RuleId, Severity.Warning, "parcel build makes source maps unless --no-source-maps.", Help),
        new(TranspilerPlanner.BabelRuleId, Severity.Error, "babel --source-maps makes source maps that ship.", Help),
        new(AngularPlanner.RuleId, Severity.Warning, "angular.json sourceMap makes production source maps that are served publicly.", Help),
        new(TranspilerPlanner.SwcRuleId, Severity.Error, "swc source maps that ship.", Help),
        new(BuildConfigs.Microbundle.MicrobundlePlanner.RuleId, Severity.Error, "microbundle makes source maps (with the sources) unless --no-sourcemap.", Help),
    ];
}
