using HygieneLsp.Core.CiWorkflows;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// The builds a workspace defines: every Dockerfile, built from its own folder unless a compose file (`build:` as a
/// path or as `context` / `dockerfile` / `target`) or a GitHub workflow step of docker/build-push-action (`context`,
/// `file`, `target`) builds it, in which case those builds stand for it.
/// </summary>
public static class DockerBuildDiscovery
{
    public static IReadOnlyList<DockerBuild> Find(IFileView files, IReadOnlyList<string> workspaceFiles, string root)
    {
        var dockerfiles = workspaceFiles.Where(f => DockerfileNames.IsDockerfile(Path.GetFileName(f))).ToList();
        var named = new List<DockerBuild>();
        foreach (var compose in workspaceFiles.Where(f => DockerfileNames.IsComposeFile(Path.GetFileName(f))))
            named.AddRange(FromCompose(files, compose));
        foreach (var workflow in workspaceFiles.Where(f => f.Contains("/.github/workflows/", StringComparison.Ordinal) && (f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))))
            named.AddRange(FromWorkflow(files, workflow, root));
        named = named.Where(b => files.FileExists(b.DockerfilePath) && files.DirectoryExists(b.ContextRoot))
            .DistinctBy(b => (b.DockerfilePath, b.ContextRoot, b.Target)).ToList();
        var builds = new List<DockerBuild>(named);
        foreach (var d in dockerfiles.Where(d => named.All(n => n.DockerfilePath != d)))
            builds.Add(new DockerBuild(d, Paths.Parent(d), null, "its own folder as the build context", null));
        return builds.OrderBy(b => b.DockerfilePath, StringComparer.Ordinal).ThenBy(b => b.ContextRoot, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<DockerBuild> FromCompose(IFileView files, string composePath)
    {
        var text = files.ReadAllText(composePath);
        if (text is null || YamlTree.Parse(text) is not YamlMapping doc || doc.Mapping("services") is not { } services) yield break;
        var index = new LineIndex(text);
        var dir = Paths.Parent(composePath);
        foreach (var (key, value) in services.Entries)
        {
            if (value is not YamlMapping service || service.Get("build") is not { } build) continue;
            string? context = null, dockerfile = null, target = null;
            if (build is YamlScalar s) context = s.Value;
            else if (build is YamlMapping m) { context = m.Scalar("context"); dockerfile = m.Scalar("dockerfile"); target = m.Scalar("target"); }
            if (context is not null && (context.Contains("://", StringComparison.Ordinal) || context.Contains('$'))) continue;
            var contextRoot = Paths.Combine(dir, context ?? ".");
            var dockerfilePath = Paths.Combine(contextRoot, dockerfile ?? "Dockerfile");
            yield return new DockerBuild(dockerfilePath, contextRoot, target, $"service '{key.Value}' of {Path.GetFileName(composePath)}",
                new SourceLocation(composePath, index.GetRange(build.Start, build.End)));
        }
    }

    private static IEnumerable<DockerBuild> FromWorkflow(IFileView files, string workflowPath, string root)
    {
        var text = files.ReadAllText(workflowPath);
        if (text is null || !text.Contains("docker/build-push-action", StringComparison.Ordinal) || YamlTree.Parse(text) is not YamlMapping doc || doc.Mapping("jobs") is not { } jobs) yield break;
        var index = new LineIndex(text);
        foreach (var (_, job) in jobs.Entries)
        {
            if ((job as YamlMapping)?.Sequence("steps") is not { } steps) continue;
            foreach (var step in steps.Items.OfType<YamlMapping>())
            {
                if (step.Scalar("uses") is not { } uses || !uses.StartsWith("docker/build-push-action", StringComparison.Ordinal)) continue;
                // Without `context` the action builds the Git context (the commit, not the folder): untracked files are not in it.
                if (step.Mapping("with") is not { } with || with.Scalar("context") is not { } context || context.Contains("${{", StringComparison.Ordinal)) continue;
                var contextRoot = Paths.Combine(root, context);
                var file = with.Scalar("file") is { } f && !f.Contains("${{", StringComparison.Ordinal) ? Paths.Combine(root, f) : contextRoot + "/Dockerfile";
                yield return new DockerBuild(file, contextRoot, with.Scalar("target"), $"a docker/build-push-action step of {Path.GetFileName(workflowPath)}",
                    new SourceLocation(workflowPath, index.GetRange(with.Start, with.End)));
            }
        }
    }
}
