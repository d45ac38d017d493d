using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Cli;

/// <summary>Which PATHs of `check` are release artifacts rather than workspaces, and which workspace produced one.</summary>
public static class ArtifactPaths
{
    private static readonly string[] Extensions = [".tgz", ".tar.gz", ".tar", ".vsix", ".nupkg", ".snupkg", ".zip"];
    private static readonly string[] Manifests = ["package.json", "*.csproj", "*.fsproj", "*.vbproj", "*.sln", "*.slnx"];

    public static bool IsArtifact(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The artifacts to check at <paramref name="path"/>: the file itself; for a folder holding artifacts and no
    /// package manifest or project (a CI `out/`), those artifacts; empty for a workspace folder; null when the path is
    /// neither.
    /// </summary>
    public static IReadOnlyList<string>? In(string path)
    {
        if (File.Exists(path)) return IsArtifact(path) ? [path] : null;
        if (!Directory.Exists(path)) return null;
        try
        {
            if (Manifests.Any(m => Directory.EnumerateFiles(path, m).Any())) return [];
            return Directory.EnumerateFiles(path).Where(IsArtifact).Select(Paths.Normalize).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The folder an artifact sits in when it is a package folder (`npm pack` writes the tarball there).</summary>
    public static string? WorkspaceOf(string artifact)
    {
        var folder = Paths.Parent(Paths.Normalize(artifact));
        return File.Exists(Path.Combine(folder, "package.json")) ? folder : null;
    }
}
