using HygieneLsp.Core.BuildConfigs.Bun;
using HygieneLsp.Core.BuildConfigs.Esbuild;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// A JS/TS build script (`node build.mjs`): evaluated statically, its esbuild/Bun API calls become predictions.
/// Nothing is executed; calls under unknown conditions are "may".
/// </summary>
public static class BuildScriptPlanner
{
    public static BuildPlan? Plan(PlanRequest request, string scriptPath, List<string> dependencies)
    {
        var loaded = request.Load(scriptPath);
        if (loaded is null) return null;
        dependencies.AddRange(loaded.Value.Loader.LoadedFiles);
        var calls = loaded.Value.Loader.Calls;
        var outputs = EsbuildPlanner.FromCalls(request, scriptPath, calls).Concat(BunPlanner.FromCalls(request, scriptPath, calls)).ToList();
        return outputs.Count == 0 ? null : new BuildPlan(outputs[0].Tool, scriptPath, outputs);
    }
}
