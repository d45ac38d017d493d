using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Discovery;

/// <summary>
/// Walks a workspace folder once, skipping what can never be a config we read (dependency and VCS folders, build
/// intermediates), guarding against symlink loops, and returns every remaining file path. The walk stays within
/// limits (files, folders, depth) so a home folder or a hostile tree costs bounded time and memory; the first limit
/// reached is said in <see cref="Limit"/>.
/// </summary>
public sealed class WorkspaceWalker
{
    /// <summary>Folder names pruned before descending. Packagers that need node_modules (bundleDependencies) walk it themselves.</summary>
    public static readonly IReadOnlySet<string> PrunedFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        "node_modules", ".git", ".hg", ".svn", "bin", "obj", ".vs", ".vscode-test", ".next", ".angular", ".turbo", ".nx", ".yarn", ".pnpm-store",
    };

    public const int DefaultMaxFiles = 200_000;
    public const int DefaultMaxFolders = 100_000;
    /// <summary>Real trees nest a few dozen folders at most; packagers' ignore rules cost the depth squared per file.</summary>
    public const int MaxDepth = 100;

    private readonly IFileView _files;
    private readonly int _maxFiles;
    private readonly int _maxFolders;

    public WorkspaceWalker(IFileView files, int maxFiles = DefaultMaxFiles, int maxFolders = DefaultMaxFolders)
    {
        _files = files;
        _maxFiles = maxFiles;
        _maxFolders = maxFolders;
    }

    /// <summary>True when the walk stopped early at a limit.</summary>
    public bool Truncated => Limit is not null;

    /// <summary>The limit the walk ran into, in words (files past it are not in the result); null when it finished.</summary>
    public string? Limit { get; private set; }

    public List<string> Walk(string root, CancellationToken cancellationToken = default)
    {
        var result = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Path, int Depth)>();
        var folders = 0;
        stack.Push((Paths.Normalize(root), 0));
        var realRoot = RealPath(Paths.Normalize(root));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, depth) = stack.Pop();
            if (!visited.Add(RealPath(dir))) continue; // symlink loop or second link to the same folder
            if (++folders > _maxFolders)
            {
                Limit ??= $"more than {_maxFolders:N0} folders; the walk stopped there and files past it are not checked";
                break;
            }
            var entries = _files.List(dir);
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var e = entries[i];
                // A link is followed only while it stays inside the workspace folder (a link to / or ~ is not).
                if (e.IsSymbolicLink && !Paths.IsUnder(RealPath(e.FullPath), realRoot)) continue;
                if (e.IsDirectory)
                {
                    if (PrunedFolders.Contains(e.Name)) continue;
                    if (depth + 1 > MaxDepth) { Limit ??= $"folders nest deeper than {MaxDepth} levels; files below that depth are not checked"; continue; }
                    stack.Push((e.FullPath, depth + 1));
                }
                else
                {
                    if (!_files.FileExists(e.FullPath)) continue; // a device, FIFO or socket: never read
                    if (result.Count >= _maxFiles)
                    {
                        Limit = $"more than {_maxFiles:N0} files; the walk stopped there and the rest are not checked";
                        stack.Clear();
                        break;
                    }
                    result.Add(e.FullPath);
                }
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>The path with every link along it resolved (a link's own target may itself lie under another link).</summary>
    private string RealPath(string path)
    {
        try
        {
            var parent = Path.GetDirectoryName(path);
            var resolvedParent = parent is null || parent == path ? path : RealPathOfFolder(parent);
            var full = parent is null ? path : Path.Combine(resolvedParent, Path.GetFileName(path));
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
            return Paths.Normalize(target is null ? full : target.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    // Folders repeat for every entry below them: remembered for the length of one walk.
    private readonly Dictionary<string, string> _realFolders = new(StringComparer.Ordinal);

    private string RealPathOfFolder(string folder)
    {
        if (folder.Length <= 1) return folder;
        if (_realFolders.TryGetValue(folder, out var known)) return known;
        return _realFolders[folder] = RealPath(folder);
    }
}
