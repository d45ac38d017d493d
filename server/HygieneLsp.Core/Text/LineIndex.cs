namespace HygieneLsp.Core.Text;

/// <summary>Maps character offsets in a string to line/column positions and back. Lines end at \n, \r\n or \r.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;

    public TextPosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new TextPosition(line, offset - _lineStarts[line]);
    }

    public TextRange GetRange(int start, int end) => new(GetPosition(start), GetPosition(end));

    /// <summary>The offset of a position, clamped to the text (a column past the line end lands on the line end).</summary>
    public int GetOffset(TextPosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        var lineStart = _lineStarts[position.Line];
        var lineEnd = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : _length;
        return Math.Min(lineStart + Math.Max(0, position.Character), lineEnd);
    }
}
