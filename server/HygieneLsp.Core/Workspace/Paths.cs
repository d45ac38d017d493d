namespace HygieneLsp.Core.Workspace;

/// <summary>Path conventions of the engine: absolute, full, forward slashes, no trailing slash.</summary>
public static class Paths
{
    /// <summary>Linux's PATH_MAX: no file has a longer path, so a longer one written in a config names nothing.</summary>
    public const int MaxLength = 4096;

    public static string Normalize(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        return full.Length > 1 && full.EndsWith('/') && !full.EndsWith(":/") ? full.TrimEnd('/') : full;
    }

    public static string Parent(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    public static string Combine(string directory, string relative) => Normalize(Path.Combine(directory, relative));

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it.</summary>
    public static bool IsUnder(string path, string directory) =>
        path == directory || path.StartsWith(directory.EndsWith('/') ? directory : directory + "/", StringComparison.Ordinal);
}
