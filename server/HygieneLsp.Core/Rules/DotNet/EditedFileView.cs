using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>A file view with a fix's edits applied in memory, to re-evaluate a project as it would be after the fix.</summary>
public sealed class EditedFileView : IFileView
{
    private readonly IFileView _inner;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    private EditedFileView(IFileView inner) => _inner = inner;

    /// <summary>The view after the edits, or null when a file cannot be read or the edits overlap.</summary>
    public static EditedFileView? Create(IFileView inner, IEnumerable<FileEdit> edits)
    {
        var view = new EditedFileView(inner);
        foreach (var edit in edits)
        {
            var text = view._texts.TryGetValue(edit.Path, out var t) ? t : edit.CreateFile ? "" : inner.ReadAllText(edit.Path);
            if (text is null) return null;
            try { view._texts[edit.Path] = TextEdits.Apply(text, edit.Edits); }
            catch (ArgumentException) { return null; }
        }
        return view;
    }

    public string? TextOf(string path) => _texts.TryGetValue(path, out var t) ? t : null;

    public bool FileExists(string path) => _texts.ContainsKey(path) || _inner.FileExists(path);
    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
    public string? ReadAllText(string path) => _texts.TryGetValue(path, out var t) ? t : _inner.ReadAllText(path);
    public Stream? OpenRead(string path) =>
        _texts.TryGetValue(path, out var t) ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(t), writable: false) : _inner.OpenRead(path);
    public long? GetLength(string path) => _texts.TryGetValue(path, out var t) ? System.Text.Encoding.UTF8.GetByteCount(t) : _inner.GetLength(path);
    public IReadOnlyList<DirectoryEntry> List(string directory) => _inner.List(directory);
    public string Stamp(string path) => _texts.TryGetValue(path, out var t) ? "edited:" + t.GetHashCode() : _inner.Stamp(path);
}
