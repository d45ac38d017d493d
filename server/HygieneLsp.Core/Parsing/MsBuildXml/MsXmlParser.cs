using System.Text;
using System.Xml;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Parsing.MsBuildXml;

/// <summary>
/// Reads MSBuild XML with System.Xml (well-formedness, entity decoding) and pins every element, attribute value and
/// text run to exact character offsets of the original text: the reader's line info gives where a name starts, a
/// short scan of the raw text from there gives the quotes and angle brackets. DTDs are refused and no external
/// resource is ever resolved, because workspaces are untrusted. Elements nest at most <see cref="MaxDepth"/> deep (the
/// evaluator walks the tree recursively; real projects nest five or six).
/// </summary>
public static class MsXmlParser
{
    public const int MaxDepth = 256;

    /// <summary>The error message of a document past <see cref="MaxDepth"/>: a budget, not a syntax error.</summary>
    public static readonly string TooDeep = $"elements nest deeper than {MaxDepth} levels";

    public static MsXmlDocument Parse(string original)
    {
        // A byte order mark left in the text (an editor buffer) is not XML: parse after it, shift offsets back.
        var shift = original.StartsWith('\uFEFF') ? 1 : 0;
        var text = original[shift..];
        var lines = new LineIndex(text);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = true,
        };
        MsXmlElement? root = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var info = (IXmlLineInfo)reader;
            var stack = new Stack<(MsXmlElement Element, StringBuilder Text)>();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        if (stack.Count >= MaxDepth) return new MsXmlDocument(original, null, new MsXmlError(TooDeep, new TextPosition(info.LineNumber - 1, info.LinePosition - 1)));
                        var parent = stack.Count > 0 ? stack.Peek().Element : null;
                        var element = new MsXmlElement(reader.Name, parent);
                        var nameAt = Locate(text, lines, info, reader.Name);
                        element.Start = nameAt - 1 + shift;
                        var scan = nameAt + reader.Name.Length;
                        var isEmpty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                var attribute = ReadAttribute(text, lines, info, reader, shift);
                                element.AddAttribute(attribute);
                                scan = attribute.End - shift;
                            } while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }
                        var close = text.IndexOf('>', scan);
                        if (close < 0) throw new XmlException("Unterminated start tag.", null, info.LineNumber, info.LinePosition);
                        element.StartTagEnd = close + 1 + shift;
                        parent?.AddChild(element);
                        root ??= element;
                        if (isEmpty)
                        {
                            element.IsEmpty = true;
                            element.End = element.StartTagEnd;
                            element.ContentStart = element.ContentEnd = element.End;
                        }
                        else
                        {
                            element.ContentStart = element.StartTagEnd;
                            stack.Push((element, new StringBuilder()));
                        }
                        break;
                    }
                    case XmlNodeType.EndElement:
                    {
                        var (element, content) = stack.Pop();
                        var nameAt = Locate(text, lines, info, reader.Name);
                        element.ContentEnd = nameAt - 2 + shift;
                        var close = text.IndexOf('>', nameAt);
                        element.End = (close < 0 ? text.Length : close + 1) + shift;
                        element.Text = content.ToString();
                        break;
                    }
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (stack.Count > 0) stack.Peek().Text.Append(reader.Value);
                        break;
                }
            }
            return new MsXmlDocument(original, root, null);
        }
        catch (XmlException e)
        {
            var position = new TextPosition(Math.Max(0, e.LineNumber - 1), Math.Max(0, e.LinePosition - 1));
            return new MsXmlDocument(original, null, new MsXmlError(FirstSentence(e.Message), position));
        }
    }

    private static MsXmlAttribute ReadAttribute(string text, LineIndex lines, IXmlLineInfo info, XmlReader reader, int shift)
    {
        var nameAt = Locate(text, lines, info, reader.Name);
        var i = nameAt + reader.Name.Length;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '=')) i++;
        var quote = i < text.Length ? text[i] : '"';
        var valueStart = i + 1;
        var valueEnd = text.IndexOf(quote, valueStart);
        if (valueEnd < 0) throw new XmlException("Unterminated attribute value.", null, info.LineNumber, info.LinePosition);
        return new MsXmlAttribute(reader.Name, reader.Value, nameAt + shift, valueStart + shift, valueEnd + shift, quote);
    }

    /// <summary>
    /// The offset of a name the reader reports at its current line/column. Verified against the raw text and, when a
    /// byte order mark or similar shifts the column, found by a short search on the same line.
    /// </summary>
    private static int Locate(string text, LineIndex lines, IXmlLineInfo info, string name)
    {
        var offset = lines.GetOffset(new TextPosition(info.LineNumber - 1, info.LinePosition - 1));
        if (Matches(text, offset, name)) return offset;
        for (var delta = 1; delta <= 2; delta++)
        {
            if (Matches(text, offset + delta, name)) return offset + delta;
            if (Matches(text, offset - delta, name)) return offset - delta;
        }
        return offset;
    }

    private static bool Matches(string text, int offset, string name) =>
        offset >= 0 && offset + name.Length <= text.Length && string.CompareOrdinal(text, offset, name, 0, name.Length) == 0;

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).Trim();
    }
}
