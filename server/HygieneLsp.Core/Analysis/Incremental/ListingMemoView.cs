using System.Collections.Concurrent;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// A file view that lists each folder once per analysis run. Listing a folder costs a system call per entry (link
/// targets are resolved), and many items list the same folders (each project's build planning looks for CI and
/// deploy files in every folder up to the repository root, `packages/` included): at 2,000 packages, listing
/// `packages/` once per project made a run grow with the square of the package count. A file is known not to exist
/// when its folder's listing lacks it: build planning probes dozens of config names per project (webpack.config.js,
/// vite.config.mts, ...), nearly all absent, and each probe was a system call.
/// </summary>
public sealed class ListingMemoView(IFileView inner) : IFileView
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<DirectoryEntry>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);

    public IFileView Inner => inner;

    public bool FileExists(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash > 0)
        {
            var names = _names.GetOrAdd(path[..slash], dir => List(dir).Select(e => e.Name).ToHashSet(StringComparer.Ordinal));
            if (!names.Contains(path[(slash + 1)..])) return false; // absent from its folder (or the folder is missing)
        }
        return inner.FileExists(path); // present: still asked, a device or FIFO is no file
    }

    public bool DirectoryExists(string path) => _directories.GetOrAdd(path, inner.DirectoryExists);

    public string? ReadAllText(string path) => inner.ReadAllText(path);

    public Stream? OpenRead(string path) => inner.OpenRead(path);

    public long? GetLength(string path) => inner.GetLength(path);

    public IReadOnlyList<DirectoryEntry> List(string directory) => _listings.GetOrAdd(directory, inner.List);

    public string Stamp(string path) => inner.Stamp(path);
}
