using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>
/// The files below a folder, for expanding item globs. Skips bin/, obj/ (build output), .git/ and node_modules/,
/// does not follow symbolic links to folders, and stops at a fixed count so a huge tree cannot stall analysis.
/// </summary>
public static class ProjectFileLister
{
    public const int MaxFiles = 20_000;

    private static readonly HashSet<string> Pruned = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules" };

    public static IReadOnlyList<string> List(IFileView files, string directory)
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0 && result.Count < MaxFiles)
        {
            var dir = pending.Pop();
            foreach (var entry in files.List(dir))
            {
                if (entry.IsDirectory)
                {
                    if (!entry.IsSymbolicLink && !Pruned.Contains(entry.Name)) pending.Push(entry.FullPath);
                }
                else if (result.Count < MaxFiles)
                {
                    result.Add(entry.FullPath);
                }
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
