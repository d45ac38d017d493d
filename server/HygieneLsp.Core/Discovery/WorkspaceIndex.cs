using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Discovery;

/// <summary>
/// The files of one workspace folder, found by one walk. Analyzers pick what they read from here, so the disk is
/// walked once per change of the file set rather than once per rule.
/// </summary>
public sealed class WorkspaceIndex
{
    public WorkspaceIndex(string root, IReadOnlyList<string> files, bool truncated)
        : this(root, files, truncated ? "the walk stopped early; files past that point are not checked" : null)
    {
    }

    /// <param name="limit">Why the walk stopped early or was refused (see <see cref="Limit"/>); null when it finished.</param>
    public WorkspaceIndex(string root, IReadOnlyList<string> files, string? limit)
    {
        Root = root;
        Files = IsSorted(files) ? files : files.Order(StringComparer.Ordinal).ToList();
        Limit = limit;
    }

    public string Root { get; }

    /// <summary>Every file outside pruned folders, absolute, sorted ordinally.</summary>
    public IReadOnlyList<string> Files { get; }

    public bool Truncated => Limit is not null;

    /// <summary>Which limit stopped the walk early, in words (files past it are not in the index); null when it finished.</summary>
    public string? Limit { get; }

    public IEnumerable<string> Named(string fileName) =>
        Files.Where(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.Ordinal));

    public IEnumerable<string> Matching(Func<string, bool> fileNamePredicate) =>
        Files.Where(f => fileNamePredicate(Path.GetFileName(f)));

    /// <summary>True when the index holds this file (a binary search of the sorted list).</summary>
    public bool Contains(string path) => LowerBound(path) is var i && i < Files.Count && Files[i] == path;

    /// <summary>
    /// The files under a folder. In an ordinally sorted list every path starting with "folder/" sits in one run,
    /// so this is a binary search and a slice, not a pass over the whole workspace (ship-set keys ask it for every
    /// package on every re-scan).
    /// </summary>
    public IReadOnlyList<string> FilesUnder(string directory)
    {
        var prefix = directory.EndsWith('/') ? directory : directory + "/";
        var start = LowerBound(prefix);
        var end = start;
        while (end < Files.Count && Files[end].StartsWith(prefix, StringComparison.Ordinal)) end++;
        if (start == end) return [];
        var slice = new string[end - start];
        for (var i = start; i < end; i++) slice[i - start] = Files[i];
        return slice;
    }

    private int LowerBound(string value)
    {
        int lo = 0, hi = Files.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Files[mid], value) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static bool IsSorted(IReadOnlyList<string> files)
    {
        for (var i = 1; i < files.Count; i++)
            if (string.CompareOrdinal(files[i - 1], files[i]) > 0) return false;
        return true;
    }

    /// <summary>Walks <paramref name="root"/>; a folder that is never scanned (<see cref="WorkspaceRoots"/>) gives an empty index saying why.</summary>
    public static WorkspaceIndex Build(IFileView files, string root, CancellationToken cancellationToken = default)
    {
        if (WorkspaceRoots.Refusal(root) is { } refusal) return new WorkspaceIndex(Paths.Normalize(root), [], refusal);
        var walker = new WorkspaceWalker(files);
        var list = walker.Walk(root, cancellationToken);
        return new WorkspaceIndex(Paths.Normalize(root), list, walker.Limit);
    }
}
