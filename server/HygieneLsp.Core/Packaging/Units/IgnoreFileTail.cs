using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging;

/// <summary>
/// Where a finding about a file that an ignore file (.npmignore, .vscodeignore) fails to keep out belongs: the last
/// non-blank line, after which the fix appends the missing pattern. The first line is often a comment or an unrelated
/// pattern (`src/`), and a squiggle there points at nothing to change.
/// </summary>
public static class IgnoreFileTail
{
    public static TextRange Range(string text)
    {
        var lines = new LineIndex(text);
        for (var line = lines.LineCount - 1; line >= 0; line--)
        {
            var start = lines.GetOffset(new TextPosition(line, 0));
            var end = line + 1 < lines.LineCount ? lines.GetOffset(new TextPosition(line + 1, 0)) : text.Length;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > start) return lines.GetRange(start, end);
        }
        return TextRange.Empty;
    }
}
