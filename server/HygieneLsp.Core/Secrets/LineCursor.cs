using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Turns increasing offsets of a text into line/column positions in one forward walk (line breaks as
/// <see cref="LineIndex"/> counts them: \n, \r\n, lone \r). Text without \r is counted with vectorised searches.
/// </summary>
internal ref struct LineCursor
{
    private readonly ReadOnlySpan<char> _text;
    private int _pos;
    private int _line;
    private int _column;

    public LineCursor(ReadOnlySpan<char> text, int line, int column)
    {
        _text = text;
        _line = line;
        _column = column;
    }

    public readonly int Offset => _pos;

    public TextPosition MoveTo(int offset)
    {
        if (offset > _pos)
        {
            var span = _text[_pos..offset];
            if (span.IndexOf('\r') < 0)
            {
                var breaks = span.Count('\n');
                if (breaks == 0) _column += span.Length;
                else
                {
                    _line += breaks;
                    _column = span.Length - span.LastIndexOf('\n') - 1;
                }
            }
            else
            {
                for (var i = _pos; i < offset; i++)
                {
                    var c = _text[i];
                    if (c == '\n' || (c == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n'))) { _line++; _column = 0; }
                    else _column++;
                }
            }
            _pos = offset;
        }
        return new TextPosition(_line, _column);
    }
}
