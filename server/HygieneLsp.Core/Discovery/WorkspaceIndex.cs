using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Discovery;

/// <summary>
/// The files of one workspace folder, found by one walk. Analyzers pick what they read from here, so the disk is
/// walked once per change of the file set rather than once per rule.
/// </summary>
public sealed class WorkspaceIndex
{
    public WorkspaceIndex(string root, IReadOnlyList<string> files, bool truncated)
    {
        Root = root;
        Files = files;
        Truncated = truncated;
    }

    public string Root { get; }

    /// <summary>Every file outside pruned folders, absolute, sorted ordinally.</summary>
    public IReadOnlyList<string> Files { get; }

    public bool Truncated { get; }

    public IEnumerable<string> Named(string fileName) =>
        Files.Where(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.Ordinal));

    public IEnumerable<string> Matching(Func<string, bool> fileNamePredicate) =>
        Files.Where(f => fileNamePredicate(Path.GetFileName(f)));

    public static WorkspaceIndex Build(IFileView files, string root, CancellationToken cancellationToken = default)
    {
        var walker = new WorkspaceWalker(files);
        var list = walker.Walk(root, cancellationToken);
        return new WorkspaceIndex(Paths.Normalize(root), list, walker.Truncated);
    }
}
