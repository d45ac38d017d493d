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

    /// <summary>
    /// One replacement turning <paramref name="before"/> into <paramref name="after"/>: the changed middle, with the
    /// common prefix and suffix kept out of it, so the edit touches only the bytes that differ.
    /// </summary>
    public static TextEdit Minimal(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix &&
               before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix]) suffix++;
        // Never split a CRLF pair: editors place positions between \r and \n differently.
        if (prefix > 0 && before[prefix - 1] == '\r') prefix--;
        if (suffix > 0 && suffix < before.Length && before[before.Length - suffix] == '\n' &&
            before.Length - suffix - 1 >= prefix && before[before.Length - suffix - 1] == '\r') suffix--;
        var lines = new LineIndex(before);
        return new TextEdit(lines.GetRange(prefix, before.Length - suffix), after.Substring(prefix, after.Length - prefix - suffix));
    }
}
