namespace HygieneLsp.Core.Packaging;

/// <summary>
/// Files that AI coding agents keep in a project folder. Local ones (Claude Code's settings.local.json and
/// CLAUDE.local.md, aider's chat and input histories) are the developer's own: permissions, commands run, whole
/// conversations with code pasted in; they have shipped inside real npm packages. Shared agent configuration
/// (.claude/, .cursor/, …) is meant for the repository, not for a package: it ships harmlessly but pointlessly.
/// Instructions files meant to be public (CLAUDE.md, AGENTS.md) are not agent files here.
/// </summary>
public static class AgentFiles
{
    private static readonly string[] ConfigFolders = [".claude", ".cursor", ".windsurf", ".continue", ".gemini", ".codex", ".aider.tags.cache.v3", ".aider.tags.cache.v4"];

    public enum Kind { None, Local, Config }

    /// <summary>What the file at <paramref name="path"/> (relative, forward slashes) is to an agent.</summary>
    public static Kind Classify(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.Equals("CLAUDE.local.md", StringComparison.OrdinalIgnoreCase) || name.StartsWith(".aider.", StringComparison.Ordinal) && IsAiderHistory(name))
            return Kind.Local;
        var folder = FolderOf(path);
        if (folder is null) return name.StartsWith(".aider", StringComparison.Ordinal) ? Kind.Config : Kind.None;
        // settings.local.json and any *.local.* file under an agent folder are machine-local by the agent's own convention.
        return name.Contains(".local.", StringComparison.OrdinalIgnoreCase) || folder.StartsWith(".aider", StringComparison.Ordinal) ? Kind.Local : Kind.Config;
    }

    /// <summary>The `**/`-anchored glob that keeps this agent file (and its siblings of the same kind) out.</summary>
    public static string? ExclusionGlob(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (FolderOf(path) is { } folder) return $"**/{folder}/**";
        if (name.StartsWith(".aider", StringComparison.Ordinal)) return "**/.aider*";
        return Classify(path) == Kind.None ? null : "**/" + name;
    }

    private static bool IsAiderHistory(string name) =>
        name.EndsWith(".history.md", StringComparison.Ordinal) || name.EndsWith("history", StringComparison.Ordinal);

    /// <summary>The agent folder the path is in (the innermost segment that names one), or null.</summary>
    private static string? FolderOf(string path)
    {
        var segments = path.Split('/');
        for (var i = segments.Length - 2; i >= 0; i--)
            if (ConfigFolders.Contains(segments[i], StringComparer.Ordinal)) return segments[i];
        return null;
    }
}
