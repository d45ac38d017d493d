using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>
/// The files vsce's tinyglobby walk finds in one package folder: `**` with dot files, only files, the folder's own
/// top-level `node_modules` skipped (a nested `src/node_modules` is walked), symbolic links listed as files and never
/// followed (vsce's default without `--follow-symlinks`). Paths come back relative to the extension root.
/// </summary>
internal sealed class VsixCandidateWalker
{
    private const int MaxFiles = 200_000;
    private readonly IFileView _files;
    private readonly Func<string, bool> _prunable;

    /// <param name="prunable">Folders (relative to the extension root) whose every file is known to be excluded; not walked.</param>
    public VsixCandidateWalker(IFileView files, Func<string, bool> prunable)
    {
        _files = files;
        _prunable = prunable;
    }

    public bool Truncated { get; private set; }

    public void Walk(string extensionRoot, string packageFolder, List<string> into, CancellationToken cancellationToken)
    {
        var stack = new Stack<(string Abs, string Rel, bool IsTop)>();
        var prefix = packageFolder == extensionRoot ? "" : Paths.Relative(extensionRoot, packageFolder) + "/";
        stack.Push((packageFolder, prefix.TrimEnd('/'), true));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, rel, isTop) = stack.Pop();
            foreach (var e in _files.List(dir))
            {
                var relPath = rel.Length == 0 ? e.Name : rel + "/" + e.Name;
                if (isTop && e.Name == "node_modules") continue;
                if (e.IsDirectory && !e.IsSymbolicLink)
                {
                    if (!_prunable(relPath)) stack.Push((e.FullPath, relPath, false));
                    continue;
                }
                if (into.Count >= MaxFiles) { Truncated = true; return; }
                into.Add(relPath);
            }
        }
    }
}
