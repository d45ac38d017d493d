using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Parsing.Jsonc;

/// <summary>
/// Minimal text edits on a parsed JSONC document: each edit touches only the bytes it must and copies the file's own
/// indentation and line ending, so comments and formatting elsewhere survive byte for byte.
/// </summary>
public static class JsoncEdits
{
    /// <summary>Replaces a value node's text with raw JSON text (e.g. "false").</summary>
    public static TextEdit ReplaceValue(JsoncDocument doc, JsoncNode value, string newJson) =>
        new(doc.RangeOf(value), newJson);

    /// <summary>Inserts `"name": json` as the last property of an object, on its own line when the object spans lines.</summary>
    public static TextEdit InsertProperty(JsoncDocument doc, JsoncObject obj, string name, string json)
    {
        var member = $"{Quote(name)}: {json}";
        return InsertMember(doc, obj.Start, obj.End, obj.Properties.Count > 0 ? obj.Properties[^1].End : (int?)null, member,
            obj.Properties.Count > 0 ? obj.Properties[^1].Start : (int?)null);
    }

    /// <summary>Appends an item (raw JSON) to an array, matching the layout of its existing items.</summary>
    public static TextEdit AppendArrayItem(JsoncDocument doc, JsoncArray array, string json) =>
        InsertMember(doc, array.Start, array.End, array.Items.Count > 0 ? array.Items[^1].End : (int?)null, json,
            array.Items.Count > 0 ? array.Items[^1].Start : (int?)null);

    public static string Quote(string s) => Newtonsoft.Json.JsonConvert.ToString(s);

    private static TextEdit InsertMember(JsoncDocument doc, int open, int close, int? lastEnd, string member, int? lastStart)
    {
        var text = doc.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var closeBracket = Math.Max(open + 1, close - 1); // offset of '}' or ']'
        if (lastEnd is int end && lastStart is int start)
        {
            // After the last member: keep a trailing comma if it has one, add one otherwise.
            var afterLast = SkipSpacesAndComments(text, end, closeBracket);
            var hasComma = afterLast < closeBracket && text[afterLast] == ',';
            var multiline = text.AsSpan(open, closeBracket - open).Contains('\n');
            if (multiline)
            {
                var indent = IndentOfLine(text, start);
                if (hasComma)
                {
                    // `last,` → `last,\n<indent>member,` keeps the file's trailing-comma style.
                    var at = afterLast + 1;
                    return new TextEdit(doc.Lines.GetRange(at, at), newline + indent + member + ",");
                }
                return new TextEdit(doc.Lines.GetRange(end, end), "," + newline + indent + member);
            }
            if (hasComma) return new TextEdit(doc.Lines.GetRange(afterLast + 1, afterLast + 1), " " + member + ",");
            return new TextEdit(doc.Lines.GetRange(end, end), ", " + member);
        }
        // Empty container: `{}` → `{ member }` on one line, or indented one level deeper than the opening line when multiline.
        var inner = text.AsSpan(open + 1, Math.Max(0, closeBracket - open - 1));
        if (inner.Contains('\n'))
        {
            var indent = IndentOfLine(text, open);
            var unit = DetectIndentUnit(text);
            return new TextEdit(doc.Lines.GetRange(open + 1, open + 1), newline + indent + unit + member);
        }
        return new TextEdit(doc.Lines.GetRange(open + 1, closeBracket), " " + member + " ");
    }

    private static int SkipSpacesAndComments(string text, int from, int limit)
    {
        var i = from;
        while (i < limit)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (text[i] == '/' && i + 1 < limit && text[i + 1] == '/')
            {
                while (i < limit && text[i] != '\n') i++;
                continue;
            }
            if (text[i] == '/' && i + 1 < limit && text[i + 1] == '*')
            {
                var e = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = e < 0 ? limit : e + 2;
                continue;
            }
            break;
        }
        return i;
    }

    public static string IndentOfLine(string text, int offset)
    {
        var lineStart = offset;
        while (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r')) lineStart--;
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return text[lineStart..i];
    }

    /// <summary>The file's indentation unit: a tab, or the smallest run of leading spaces (default two).</summary>
    public static string DetectIndentUnit(string text)
    {
        var smallest = int.MaxValue;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('\t')) return "\t";
            var n = 0;
            while (n < line.Length && line[n] == ' ') n++;
            if (n > 0 && n < line.Length && n < smallest) smallest = n;
        }
        return smallest == int.MaxValue ? "  " : new string(' ', smallest);
    }
}
