using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Parsing.MsBuildXml;

/// <summary>
/// An attribute with the exact character offsets of its name and of its value between the quotes, so a fix can
/// replace only the value's characters.
/// </summary>
public sealed class MsXmlAttribute
{
    public MsXmlAttribute(string name, string value, int nameStart, int valueStart, int valueEnd, char quote)
    {
        Name = name;
        Value = value;
        NameStart = nameStart;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        Quote = quote;
    }

    public string Name { get; }
    /// <summary>The value with entities decoded (what MSBuild sees).</summary>
    public string Value { get; }
    public int NameStart { get; }
    /// <summary>Offset just after the opening quote.</summary>
    public int ValueStart { get; }
    /// <summary>Offset of the closing quote.</summary>
    public int ValueEnd { get; }
    public char Quote { get; }
    /// <summary>From the name to just after the closing quote.</summary>
    public int End => ValueEnd + 1;
}

/// <summary>
/// An element with exact offsets: <see cref="Start"/> at '&lt;', <see cref="StartTagEnd"/> just after the start tag's
/// '&gt;', <see cref="ContentStart"/>..<see cref="ContentEnd"/> the raw inner text (empty for &lt;X/&gt;),
/// <see cref="End"/> just after the end tag.
/// </summary>
public sealed class MsXmlElement
{
    private readonly List<MsXmlAttribute> _attributes = [];
    private readonly List<MsXmlElement> _children = [];

    public MsXmlElement(string name, MsXmlElement? parent)
    {
        Name = name;
        Parent = parent;
    }

    public string Name { get; }
    public MsXmlElement? Parent { get; }
    public IReadOnlyList<MsXmlAttribute> Attributes => _attributes;
    public IReadOnlyList<MsXmlElement> Children => _children;
    public int Start { get; internal set; }
    public int StartTagEnd { get; internal set; }
    public int ContentStart { get; internal set; }
    public int ContentEnd { get; internal set; }
    public int End { get; internal set; }
    public bool IsEmpty { get; internal set; }
    /// <summary>The decoded text content (text, CDATA, whitespace) of this element, children's text excluded.</summary>
    public string Text { get; internal set; } = "";

    internal void AddAttribute(MsXmlAttribute attribute) => _attributes.Add(attribute);
    internal void AddChild(MsXmlElement child) => _children.Add(child);

    public MsXmlAttribute? Attribute(string name) =>
        _attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public string? AttributeValue(string name) => Attribute(name)?.Value;

    public IEnumerable<MsXmlElement> Elements(string name) =>
        _children.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the element name matches, ignoring case (MSBuild element names are case-insensitive).</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A parse failure: the message and where it happened. A document with an error has no root.</summary>
public sealed record MsXmlError(string Message, TextPosition Position);

/// <summary>A parsed MSBuild file: its text, line index and root element, or an error.</summary>
public sealed class MsXmlDocument
{
    public MsXmlDocument(string text, MsXmlElement? root, MsXmlError? error)
    {
        Text = text;
        Lines = new LineIndex(text);
        Root = root;
        Error = error;
    }

    public string Text { get; }
    public LineIndex Lines { get; }
    public MsXmlElement? Root { get; }
    public MsXmlError? Error { get; }

    public TextRange Range(int start, int end) => Lines.GetRange(start, end);

    public TextRange RangeOf(MsXmlElement element) => Lines.GetRange(element.Start, element.End);

    public TextRange ValueRangeOf(MsXmlAttribute attribute) => Lines.GetRange(attribute.ValueStart, attribute.ValueEnd);

    public TextRange ContentRangeOf(MsXmlElement element) => Lines.GetRange(element.ContentStart, element.ContentEnd);

    /// <summary>The whitespace that precedes <paramref name="element"/> on its line (its indentation).</summary>
    public string IndentOf(MsXmlElement element)
    {
        var i = element.Start;
        while (i > 0 && (Text[i - 1] == ' ' || Text[i - 1] == '\t')) i--;
        return Text[i..element.Start];
    }

    /// <summary>The line break the file uses ("\r\n" when its first break is CRLF).</summary>
    public string NewLine
    {
        get
        {
            var n = Text.IndexOf('\n');
            return n > 0 && Text[n - 1] == '\r' ? "\r\n" : "\n";
        }
    }
}
