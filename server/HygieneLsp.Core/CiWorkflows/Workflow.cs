namespace HygieneLsp.Core.CiWorkflows;

/// <summary>
/// A GitHub Actions workflow (or a composite action's step list) read with positions. Only what the rules ask is
/// kept as typed values; the YAML nodes stay reachable for locations and edits.
/// </summary>
public sealed record Workflow
{
    public required string Path { get; init; }
    public required string Text { get; init; }
    /// <summary>The repository folder the workflow belongs to: the folder holding its <c>.github</c>.</summary>
    public required string RepositoryRoot { get; init; }
    public required YamlMapping Root { get; init; }
    public string? Name { get; init; }
    /// <summary>Event names of <c>on:</c> (string, list or mapping form).</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];
    public YamlNode? On { get; init; }
    public YamlNode? Permissions { get; init; }
    public YamlMapping? Env { get; init; }
    public string? DefaultWorkingDirectory { get; init; }
    public string? DefaultShell { get; init; }
    public IReadOnlyList<WorkflowJob> Jobs { get; init; } = [];

    public WorkflowJob? Job(string id) => Jobs.FirstOrDefault(j => j.Id == id);
}

public sealed class WorkflowJob
{
    public required string Id { get; init; }
    public required YamlMapping Node { get; init; }
    public string? If { get; init; }
    public IReadOnlyList<string> Needs { get; init; } = [];
    public YamlNode? Permissions { get; init; }
    public YamlMapping? Env { get; init; }
    /// <summary>A job that calls a reusable workflow (<c>uses:</c> at job level) has no steps of its own.</summary>
    public string? Uses { get; init; }
    public string? DefaultWorkingDirectory { get; init; }
    public string? DefaultShell { get; init; }
    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];
    /// <summary>The <c>steps:</c> sequence, for inserting a step.</summary>
    public YamlSequence? StepsNode { get; init; }
}

public sealed class WorkflowStep
{
    public required int Index { get; init; }
    public required YamlMapping Node { get; init; }
    public string? Name { get; init; }
    public string? Id { get; init; }
    public string? If { get; init; }
    public YamlScalar? Run { get; init; }
    public YamlScalar? RunKey { get; init; }
    public YamlScalar? Uses { get; init; }
    public YamlScalar? UsesKey { get; init; }
    public YamlMapping? With { get; init; }
    public YamlMapping? Env { get; init; }
    public string? Shell { get; init; }
    public string? WorkingDirectory { get; init; }
    public YamlScalar? WorkingDirectoryNode { get; init; }

    /// <summary>The action's name without version and path: <c>docker/build-push-action@v6</c> → <c>docker/build-push-action</c>; sub-actions keep their path (<c>changesets/action/publish</c>).</summary>
    public string? ActionName => Uses?.Value is { } u && !u.StartsWith("./", StringComparison.Ordinal) && !u.StartsWith("docker://", StringComparison.Ordinal)
        ? (u.IndexOf('@') is var at && at >= 0 ? u[..at] : u).ToLowerInvariant()
        : null;

    public string? WithValue(string key) => With?.Scalar(key);

    /// <summary>How messages name the step: its name, else its run text's first line, else its action.</summary>
    public string Display => Name ?? (Run is { } r ? FirstLine(r.Value) : Uses?.Value ?? $"step {Index + 1}");

    private static string FirstLine(string s)
    {
        var line = s.TrimStart().Split('\n')[0].Trim();
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}
