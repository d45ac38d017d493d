using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>
/// The workspace as it will be after a build writes some files: those files (empty) and their folders exist. npm
/// stats `files` entries and lists `directories.bin` at pack time, when build outputs are there, so predictions for
/// outputs must be made against this view rather than against today's disk.
/// </summary>
internal sealed class HypotheticalFileView : IFileView
{
    private readonly IFileView _inner;
    private readonly HashSet<string> _files;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public HypotheticalFileView(IFileView inner, IEnumerable<string> absoluteFiles)
    {
        _inner = inner;
        _files = absoluteFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var f in _files)
            for (var d = Paths.Parent(f); d.Length > 1 && _directories.Add(d); d = Paths.Parent(d)) { }
    }

    public bool FileExists(string path) => _files.Contains(path) || _inner.FileExists(path);
    public bool DirectoryExists(string path) => _directories.Contains(path) || _inner.DirectoryExists(path);
    public string? ReadAllText(string path) => _files.Contains(path) && !_inner.FileExists(path) ? "" : _inner.ReadAllText(path);
    public Stream? OpenRead(string path) => _files.Contains(path) && !_inner.FileExists(path) ? new MemoryStream([], false) : _inner.OpenRead(path);
    public long? GetLength(string path) => _files.Contains(path) && !_inner.FileExists(path) ? 0 : _inner.GetLength(path);
    public string Stamp(string path) => _files.Contains(path) ? "hypothetical" : _inner.Stamp(path);

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        var entries = _inner.List(directory).ToList();
        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var d in _directories)
            if (Paths.Parent(d) == directory && names.Add(d[(d.LastIndexOf('/') + 1)..])) entries.Add(new DirectoryEntry(d[(d.LastIndexOf('/') + 1)..], d, true, false));
        foreach (var f in _files)
            if (Paths.Parent(f) == directory && names.Add(f[(f.LastIndexOf('/') + 1)..])) entries.Add(new DirectoryEntry(f[(f.LastIndexOf('/') + 1)..], f, false, false));
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }
}
