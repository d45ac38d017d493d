using HygieneLsp.Core.Text;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Features.TextSync;

/// <summary>
/// Applies incremental text changes (ranges in UTF-16 positions, as LSP sends them) to open documents' text.
/// Only touched by the serial notification handlers, so it needs no locking of its own.
/// </summary>
public sealed class DocumentBuffers
{
    private readonly Dictionary<string, (string Text, int Version)> _open = new(StringComparer.Ordinal);

    public bool IsOpen(string path) => _open.ContainsKey(path);

    public void Open(string path, string text, int version) => _open[path] = (text, version);

    public void Close(string path) => _open.Remove(path);

    public string? TextOf(string path) => _open.TryGetValue(path, out var d) ? d.Text : null;

    /// <summary>Applies changes in order (each range refers to the text after the previous change) and returns the new text.</summary>
    public string? Change(string path, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        if (!_open.TryGetValue(path, out var doc)) return null;
        var text = doc.Text;
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text;
                continue;
            }
            var lines = new LineIndex(text);
            var start = lines.GetOffset(new TextPosition(change.Range.Start.Line, change.Range.Start.Character));
            var end = lines.GetOffset(new TextPosition(change.Range.End.Line, change.Range.End.Character));
            if (end < start) (start, end) = (end, start);
            text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
        }
        _open[path] = (text, version);
        return text;
    }
}
