using System.Collections.Concurrent;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.Next;
using HygieneLsp.Core.BuildConfigs.Rollup;
using HygieneLsp.Core.BuildConfigs.Tsup;
using HygieneLsp.Core.BuildConfigs.Vite;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// Memoises each project folder's plans with the files they were computed from: reused while none of those
/// files' stamps changed (the dependencies are only known after planning, hence not AnalysisCache's upfront form).
/// </summary>
public sealed class BuildPlanCache
{
    private readonly ConcurrentDictionary<string, (string Stamp, ProjectPlans Project)> _entries = new(StringComparer.Ordinal);

    private static readonly string[] ProjectMarkers =
    [
        "package.json", "angular.json", .. NextPlanner.ConfigNames, .. WebpackPlanner.ConfigNames, .. VitePlanner.ConfigNames, .. RollupPlanner.ConfigNames, .. TsupPlanner.ConfigNames,
    ];

    /// <summary>The engine-wide instance (one per analysis cache), so rules and views share plans.</summary>
    public static BuildPlanCache Of(AnalysisContext context) =>
        context.Cache.GetOrAdd("build-plan-cache", "", [], context.Files, () => new BuildPlanCache());

    /// <summary>Folders that hold a build: a package.json or a bundler/framework config.</summary>
    public static IReadOnlyList<string> ProjectFolders(AnalysisContext context) =>
        Analysis.Incremental.IndexQueries.Matching(context.Index, "build-project-markers", name => ProjectMarkerSet.Contains(name))
            .Select(Paths.Parent).Distinct(StringComparer.Ordinal).ToList();

    private static readonly HashSet<string> ProjectMarkerSet = new(ProjectMarkers, StringComparer.Ordinal);

    /// <summary>The plans of a project folder; configs may read files of <paramref name="workspaceRoot"/> only.</summary>
    public IReadOnlyList<BuildPlan> Get(IFileView files, string projectDirectory, string workspaceRoot) => GetProject(files, projectDirectory, workspaceRoot).Plans;

    /// <summary>The plans of a project folder with the inputs whose reading stopped at a budget.</summary>
    public ProjectPlans GetProject(IFileView files, string projectDirectory, string workspaceRoot)
    {
        if (_entries.TryGetValue(projectDirectory, out var hit) && Stamp(files, hit.Project.Dependencies) == hit.Stamp) return hit.Project;
        var project = BuildPlanner.PlanProject(files, projectDirectory, workspaceRoot);
        _entries[projectDirectory] = (Stamp(files, project.Dependencies), project);
        return project;
    }

    private static string Stamp(IFileView files, IReadOnlyList<string> deps) => string.Join("|", deps.Select(files.Stamp));
}
