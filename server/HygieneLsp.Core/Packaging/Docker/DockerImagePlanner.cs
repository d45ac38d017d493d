using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Predicts one build's image from the workspace: reads the Dockerfile and the ignore file in use, walks the context
/// (a repository's .git and installed node_modules sent as one entry each), adds the outputs the workspace's own
/// builds are predicted to write into it, and plays the stages. Memoised on the Dockerfile, the ignore files, the
/// project configs under the context and the workspace's file list.
/// </summary>
public static class DockerImagePlanner
{
    private static readonly IReadOnlySet<string> Collapsed = new HashSet<string>(StringComparer.Ordinal) { ".git", "node_modules" };

    public static ImagePrediction Plan(AnalysisContext context, DockerBuild build)
    {
        var (inUse, preferred) = DockerIgnoreLocator.Find(context.Files, build);
        var configs = context.Index.FilesUnder(build.ContextRoot).Where(IsBuildConfig).ToList();
        var dependencies = new List<string> { build.DockerfilePath, build.DockerfilePath + ".dockerignore", build.ContextRoot + "/.dockerignore", build.ContextRoot + "/.containerignore" };
        dependencies.AddRange(configs);
        var key = $"{build.DockerfilePath}|{build.ContextRoot}|{build.Target}|{Fingerprints.OfList(context.Index.Files)}";
        return context.Cache.GetOrAdd("docker.image", key, dependencies, context.Files,
            () => Plan(context, build, inUse is null ? null : context.Files.ReadAllText(inUse), inUse ?? preferred));
    }

    /// <summary>The prediction with <paramref name="ignoreText"/> as the ignore file's text (null: no ignore file), for proving a fix.</summary>
    public static ImagePrediction Plan(AnalysisContext context, DockerBuild build, string? ignoreText, string ignorePath)
    {
        var dockerfile = DockerfileParser.Parse(build.DockerfilePath, context.Files.ReadAllText(build.DockerfilePath) ?? "");
        var patterns = ignoreText is null ? [] : DockerIgnoreFile.Parse(ignorePath, ignoreText).Patterns.ToList();
        var listing = DockerContextWalker.Walk(context.Files, build.ContextRoot, patterns, collapse: Collapsed);
        var matcher = patterns.Count > 0 ? DockerPatternMatcher.Create(patterns, out _) : null;
        var outputs = new WorkspaceBuildOutputs(context);
        return DockerImagePredictor.Predict(build, dockerfile, listing, ignoreText is null ? null : ignorePath,
            PredictedContextFiles(context, build, outputs), outputs, matcher);
    }

    private static bool IsBuildConfig(string path)
    {
        var name = Path.GetFileName(path);
        return name is "package.json" or "angular.json" || name.StartsWith("tsconfig", StringComparison.Ordinal) || name.Contains(".config.", StringComparison.Ordinal);
    }

    /// <summary>Maps the workspace's builds write under the context before `docker build` runs (CI builds, then copies dist/).</summary>
    private static List<PredictedContextFile> PredictedContextFiles(AnalysisContext context, DockerBuild build, IBuildOutputSource outputs)
    {
        var files = new List<PredictedContextFile>();
        foreach (var folder in outputs.ProjectFolders.Where(f => Paths.IsUnder(f, build.ContextRoot)))
            foreach (var output in outputs.Outputs(folder).Where(o => o.Certainty is not null))
                foreach (var path in output.ShipQueries().Where(p => Paths.IsUnder(p, build.ContextRoot) && !context.Files.FileExists(p)))
                {
                    var verb = output.Certainty == Certainty.Definitely ? "writes" : "may write";
                    files.Add(new PredictedContextFile(path, $"predicted: the {output.Tool} production build {verb} it ({output.Explanation})", output.Cause));
                }
        return files;
    }

    private sealed class WorkspaceBuildOutputs(AnalysisContext context) : IBuildOutputSource
    {
        private readonly BuildPlanCache _plans = BuildPlanCache.Of(context);
        private IReadOnlyList<string>? _folders;

        public IReadOnlyList<string> ProjectFolders => _folders ??= BuildPlanCache.ProjectFolders(context);

        public IReadOnlyList<PredictedMaps> Outputs(string projectFolder) =>
            ProjectFolders.Contains(projectFolder) ? _plans.Get(context.Files, projectFolder, context.Root).SelectMany(p => p.Outputs).ToList() : [];
    }
}
