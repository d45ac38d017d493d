using System.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Fixes.Vsix;

/// <summary>
/// A file view with some files replaced (or created) by new text: how a fix's effect is computed before it is
/// offered, without touching disk or the editor.
/// </summary>
public sealed class EditedFileView : IFileView
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly IFileView _inner;
    private readonly IReadOnlyDictionary<string, string> _edited;

    public EditedFileView(IFileView inner, IReadOnlyDictionary<string, string> editedTexts)
    {
        _inner = inner;
        _edited = editedTexts;
    }

    public bool FileExists(string path) => _edited.ContainsKey(path) || _inner.FileExists(path);

    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

    public string? ReadAllText(string path) => _edited.TryGetValue(path, out var t) ? t : _inner.ReadAllText(path);

    public Stream? OpenRead(string path) =>
        _edited.TryGetValue(path, out var t) ? new MemoryStream(Utf8.GetBytes(t), writable: false) : _inner.OpenRead(path);

    public long? GetLength(string path) => _edited.TryGetValue(path, out var t) ? Utf8.GetByteCount(t) : _inner.GetLength(path);

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        var entries = _inner.List(directory).ToList();
        foreach (var path in _edited.Keys)
            if (Paths.Parent(path) == directory && !entries.Any(e => e.FullPath == path))
                entries.Add(new DirectoryEntry(Path.GetFileName(path), path, false, false));
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    public string Stamp(string path) => _edited.TryGetValue(path, out var t) ? "edited:" + t.GetHashCode() : _inner.Stamp(path);
}
