namespace HygieneLsp.Core.Text;

/// <summary>Replace <see cref="Range"/> of one file with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextRange Range, string NewText);

/// <summary>Edits to one file. <see cref="CreateFile"/> means the file does not exist yet and is created with the edits applied to empty text.</summary>
public sealed record FileEdit(string Path, IReadOnlyList<TextEdit> Edits, bool CreateFile = false);

/// <summary>Applies text edits to a string; edits must not overlap. Used by fixes (to check their effect) and by tests.</summary>
public static class TextEdits
{
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var index = new LineIndex(text);
        var ordered = edits
            .Select(e => (Start: index.GetOffset(e.Range.Start), End: index.GetOffset(e.Range.End), e.NewText))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.End)
            .ToList();
        var sb = new System.Text.StringBuilder(text);
        var previousStart = int.MaxValue;
        foreach (var (start, end, newText) in ordered)
        {
            if (end > previousStart) throw new ArgumentException("Overlapping text edits.");
            sb.Remove(start, end - start).Insert(start, newText);
            previousStart = start;
        }
        return sb.ToString();
    }
}
