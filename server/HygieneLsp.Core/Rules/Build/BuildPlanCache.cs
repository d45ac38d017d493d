using System.Collections.Concurrent;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Build;

/// <summary>
/// Memoises each project folder's plans with the files they were computed from: reused while none of those
/// files' stamps changed (the dependencies are only known after planning, hence not AnalysisCache's upfront form).
/// </summary>
public sealed class BuildPlanCache
{
    private readonly ConcurrentDictionary<string, (string Stamp, IReadOnlyList<string> Dependencies, IReadOnlyList<BuildPlan> Plans)> _entries = new(StringComparer.Ordinal);

    public IReadOnlyList<BuildPlan> Get(IFileView files, string projectDirectory)
    {
        if (_entries.TryGetValue(projectDirectory, out var hit) && Stamp(files, hit.Dependencies) == hit.Stamp) return hit.Plans;
        var (plans, deps) = BuildPlanner.PlanProject(files, projectDirectory);
        _entries[projectDirectory] = (Stamp(files, deps), deps, plans);
        return plans;
    }

    private static string Stamp(IFileView files, IReadOnlyList<string> deps) => string.Join("|", deps.Select(files.Stamp));
}
