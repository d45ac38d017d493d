using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Discovery;

/// <summary>
/// Which folders are never scanned as a workspace. The filesystem root holds the whole machine (other users' files,
/// mounted disks) and /proc, /sys and /dev, whose files are endless or change under the reader: no project lives
/// there, and a scan would only cost time and show nothing useful, so it is refused with a message saying what to
/// open instead. A home folder is scanned, within the walk's limits (<see cref="WorkspaceWalker"/>): people do keep
/// projects there, and ~/.npmrc holds real tokens worth a warning.
/// </summary>
public static class WorkspaceRoots
{
    private static readonly string[] SystemFolders = ["/proc", "/sys", "/dev"];

    /// <summary>Why <paramref name="folder"/> is not scanned, in words; null when it is.</summary>
    public static string? Refusal(string folder)
    {
        var root = Paths.Normalize(folder);
        if (root == "/" || (root.Length <= 3 && root.EndsWith(":/", StringComparison.Ordinal)))
            return $"{root} is the root of the file system, not a project; it is not scanned (open a project folder instead)";
        if (SystemFolders.FirstOrDefault(s => Paths.IsUnder(root, s)) is { } system)
            return $"{root} is inside {system}, which holds the kernel's pseudo-files, not a project; it is not scanned";
        return null;
    }
}
