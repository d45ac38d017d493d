using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.CiWorkflows;

/// <summary>
/// Reads GitHub Actions workflow files and composite actions into <see cref="Workflow"/>. Files over
/// <see cref="MaxBytes"/>, unreadable files and malformed YAML give null.
/// </summary>
public static class WorkflowReader
{
    /// <summary>The largest workflow read (GitHub's own limit on a workflow file is far lower in practice).</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>True for <c>…/.github/workflows/NAME.yml|yaml</c> directly in that folder (GitHub reads no subfolders).</summary>
    public static bool IsWorkflowPath(string path)
    {
        var p = path.Replace('\\', '/');
        if (!(p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))) return false;
        var slash = p.LastIndexOf('/');
        return slash >= 0 && p[..slash].EndsWith("/.github/workflows", StringComparison.Ordinal);
    }

    /// <summary>The folder holding the <c>.github</c> folder of a path inside it.</summary>
    public static string RepositoryRootOf(string path)
    {
        var p = path.Replace('\\', '/');
        var at = p.LastIndexOf("/.github/", StringComparison.Ordinal);
        return at >= 0 ? p[..at] : Paths.Parent(p);
    }

    public static Workflow? Read(IFileView files, string path)
    {
        var length = files.GetLength(path);
        if (length is null || length > MaxBytes) return null;
        var text = files.ReadAllText(path);
        if (text is null || text.Length > MaxBytes) return null;
        return Parse(path, text);
    }

    public static Workflow? Parse(string path, string text)
    {
        if (YamlTree.Parse(text) is not YamlMapping root) return null;
        var defaults = root.Mapping("defaults")?.Mapping("run");
        var jobs = new List<WorkflowJob>();
        if (root.Get("jobs") is YamlMapping jobMap)
            foreach (var (key, value) in jobMap.Entries)
                if (value is YamlMapping job) jobs.Add(ReadJob(key.Value, job));
        return new Workflow
        {
            Path = path,
            Text = text,
            RepositoryRoot = RepositoryRootOf(path),
            Root = root,
            Name = root.Scalar("name"),
            On = root.Get("on"),
            Triggers = TriggerNames(root.Get("on")),
            Permissions = root.Get("permissions"),
            Env = root.Mapping("env"),
            DefaultWorkingDirectory = defaults?.Scalar("working-directory"),
            DefaultShell = defaults?.Scalar("shell"),
            Jobs = jobs,
        };
    }

    /// <summary>A composite action (<c>action.yml</c> with <c>runs.using: composite</c>) as a one-job workflow; null for other actions.</summary>
    public static Workflow? ReadCompositeAction(IFileView files, string path)
    {
        var length = files.GetLength(path);
        if (length is null || length > MaxBytes) return null;
        var text = files.ReadAllText(path);
        if (text is null || YamlTree.Parse(text) is not YamlMapping root) return null;
        if (root.Mapping("runs") is not { } runs || !string.Equals(runs.Scalar("using"), "composite", StringComparison.OrdinalIgnoreCase)) return null;
        var steps = runs.Sequence("steps");
        return new Workflow
        {
            Path = path,
            Text = text,
            RepositoryRoot = RepositoryRootOf(path),
            Root = root,
            Name = root.Scalar("name"),
            Jobs = [new WorkflowJob { Id = "(composite)", Node = runs, Steps = ReadSteps(steps), StepsNode = steps }],
        };
    }

    private static WorkflowJob ReadJob(string id, YamlMapping job)
    {
        var steps = job.Sequence("steps");
        var defaults = job.Mapping("defaults")?.Mapping("run");
        return new WorkflowJob
        {
            Id = id,
            Node = job,
            If = ScalarText(job.Get("if")),
            Needs = job.Get("needs") switch
            {
                YamlScalar s => [s.Value],
                YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList(),
                _ => [],
            },
            Permissions = job.Get("permissions"),
            Env = job.Mapping("env"),
            Uses = job.Scalar("uses"),
            DefaultWorkingDirectory = defaults?.Scalar("working-directory"),
            DefaultShell = defaults?.Scalar("shell"),
            Steps = ReadSteps(steps),
            StepsNode = steps,
        };
    }

    private static List<WorkflowStep> ReadSteps(YamlSequence? steps)
    {
        var list = new List<WorkflowStep>();
        if (steps is null) return list;
        for (var i = 0; i < steps.Items.Count; i++)
        {
            if (steps.Items[i] is not YamlMapping step) continue;
            list.Add(new WorkflowStep
            {
                Index = i,
                Node = step,
                Name = step.Scalar("name"),
                Id = step.Scalar("id"),
                If = ScalarText(step.Get("if")),
                Run = step.Get("run") as YamlScalar,
                RunKey = step.KeyNode("run"),
                Uses = step.Get("uses") as YamlScalar,
                UsesKey = step.KeyNode("uses"),
                With = step.Mapping("with"),
                Env = step.Mapping("env"),
                Shell = step.Scalar("shell"),
                WorkingDirectory = step.Scalar("working-directory"),
                WorkingDirectoryNode = step.Get("working-directory") as YamlScalar,
            });
        }
        return list;
    }

    /// <summary><c>if:</c> may be a string or a bare boolean; both read as text.</summary>
    private static string? ScalarText(YamlNode? node) => (node as YamlScalar)?.Value;

    private static List<string> TriggerNames(YamlNode? on) => on switch
    {
        YamlScalar s => [s.Value],
        YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList(),
        YamlMapping map => map.Entries.Select(e => e.Key.Value).ToList(),
        _ => [],
    };
}
