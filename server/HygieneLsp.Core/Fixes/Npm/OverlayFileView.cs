using System.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Fixes.Npm;

/// <summary>
/// A file view with some files replaced or created in memory: how a fix's effect on a ship set is computed before
/// the fix is offered.
/// </summary>
public sealed class OverlayFileView : IFileView
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly IFileView _inner;
    private readonly IReadOnlyDictionary<string, string> _texts;

    public OverlayFileView(IFileView inner, IReadOnlyDictionary<string, string> texts)
    {
        _inner = inner;
        _texts = texts;
    }

    public bool FileExists(string path) => _texts.ContainsKey(path) || _inner.FileExists(path);
    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
    public string? ReadAllText(string path) => _texts.TryGetValue(path, out var t) ? t : _inner.ReadAllText(path);

    public Stream? OpenRead(string path) =>
        _texts.TryGetValue(path, out var t) ? new MemoryStream(Utf8.GetBytes(t), writable: false) : _inner.OpenRead(path);

    public long? GetLength(string path) => _texts.TryGetValue(path, out var t) ? Utf8.GetByteCount(t) : _inner.GetLength(path);

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        var entries = _inner.List(directory);
        var added = _texts.Keys.Where(p => Paths.Parent(p) == directory && entries.All(e => e.FullPath != p)).ToList();
        if (added.Count == 0) return entries;
        var list = entries.ToList();
        list.AddRange(added.Select(p => new DirectoryEntry(Path.GetFileName(p), p, false, false)));
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }

    public string Stamp(string path) => _texts.TryGetValue(path, out var t) ? "overlay:" + t.GetHashCode() : _inner.Stamp(path);
}
