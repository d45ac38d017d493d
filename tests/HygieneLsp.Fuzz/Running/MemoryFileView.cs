using System.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Fuzz.Running;

/// <summary>
/// A workspace folder held in memory, so a case costs no disk writes. Paths outside the folder fall through to the
/// real disk, as they would for a workspace on disk: a config that names /etc/passwd or /proc/self/pagemap reaches
/// the real file, which is exactly what the engine must refuse to read.
/// </summary>
public sealed class MemoryFileView : IFileView
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly string _root;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, bool>> _folders = new(StringComparer.Ordinal);

    public MemoryFileView(string root, IReadOnlyDictionary<string, string> files)
    {
        _root = Paths.Normalize(root);
        _folders[_root] = new(StringComparer.Ordinal);
        foreach (var (relative, text) in files)
        {
            var path = Paths.Normalize(_root + "/" + relative);
            if (!Paths.IsUnder(path, _root) || path == _root) continue;
            _files[path] = text;
            // Register each folder on the way down with its parent.
            for (var child = path; child != _root; child = Paths.Parent(child))
            {
                var parent = Paths.Parent(child);
                var entries = _folders.TryGetValue(parent, out var e) ? e : _folders[parent] = new(StringComparer.Ordinal);
                entries[child[(parent.Length + (parent == "/" ? 0 : 1))..]] = child != path;
                if (child != path && !_folders.ContainsKey(child)) _folders[child] = new(StringComparer.Ordinal);
            }
        }
    }

    private bool Inside(string path) => Paths.IsUnder(path, _root);

    public bool FileExists(string path) => Inside(path) ? _files.ContainsKey(path) : FileView.Disk.FileExists(path);

    public bool DirectoryExists(string path) => Inside(path) ? _folders.ContainsKey(path) : FileView.Disk.DirectoryExists(path);

    public string? ReadAllText(string path) => Inside(path) ? _files.GetValueOrDefault(path) : FileView.Disk.ReadAllText(path);

    public Stream? OpenRead(string path) =>
        Inside(path) ? _files.TryGetValue(path, out var text) ? new MemoryStream(Utf8.GetBytes(text), writable: false) : null : FileView.Disk.OpenRead(path);

    public long? GetLength(string path) =>
        Inside(path) ? _files.TryGetValue(path, out var text) ? Utf8.GetByteCount(text) : null : FileView.Disk.GetLength(path);

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        if (!Inside(directory)) return FileView.Disk.List(directory);
        if (!_folders.TryGetValue(directory, out var entries)) return [];
        var prefix = directory == "/" ? "/" : directory + "/";
        return entries.Select(e => new DirectoryEntry(e.Key, prefix + e.Key, e.Value, false)).ToList();
    }

    public string Stamp(string path) =>
        Inside(path) ? _files.TryGetValue(path, out var text) ? "memory:" + text.Length + ":" + text.GetHashCode() : "missing" : FileView.Disk.Stamp(path);
}
