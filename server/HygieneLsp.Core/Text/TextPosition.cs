namespace HygieneLsp.Core.Text;

/// <summary>A zero-based line and a zero-based column counted in UTF-16 code units (what LSP uses).</summary>
public readonly record struct TextPosition(int Line, int Character) : IComparable<TextPosition>
{
    public int CompareTo(TextPosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"{Line + 1}:{Character + 1}";
}

/// <summary>A half-open range [Start, End) in a text.</summary>
public readonly record struct TextRange(TextPosition Start, TextPosition End)
{
    public static readonly TextRange Empty = new(default, default);

    public bool Contains(TextPosition p) => p.CompareTo(Start) >= 0 && p.CompareTo(End) <= 0;

    public bool Intersects(TextRange other) => Start.CompareTo(other.End) <= 0 && other.Start.CompareTo(End) <= 0;
}
