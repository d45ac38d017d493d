using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// Adds one fingerprint to the <c>baseline</c> array of an existing <c>.hygienelsp.json</c>, keeping comments with
/// the entries they describe: the new entry goes on its own line after the last entry's line, past a comment that
/// trails the last entry on that line (`"3f9a…", // accepted: test key`), never between an entry and its comment.
/// A one-line array stays on one line. A missing <c>baseline</c> property is added to the object.
/// </summary>
public static class BaselineEntryEdit
{
    /// <summary>The edits, or null when the file is not an object or `baseline` is not an array (editing it could lose data).</summary>
    public static IReadOnlyList<TextEdit>? Add(JsoncDocument doc, string quoted)
    {
        if (doc.Root is not JsoncObject obj || doc.Errors.Count > 0) return null;
        return obj.Get("baseline") switch
        {
            JsoncArray array => Append(doc, array, quoted),
            null when obj.GetProperty("baseline") is null => [JsoncEdits.InsertProperty(doc, obj, "baseline", "[" + quoted + "]")],
            _ => null,
        };
    }

    private static IReadOnlyList<TextEdit> Append(JsoncDocument doc, JsoncArray array, string quoted)
    {
        var text = doc.Text;
        if (array.Items.Count == 0 || !text.AsSpan(array.Start, array.End - array.Start).Contains('\n'))
            return [AppendOnOneLine(doc, array, quoted)];
        var last = array.Items[^1];
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var indent = JsoncEdits.IndentOfLine(text, last.Start);
        var (comma, lineEnd) = AfterLastEntry(text, last.End, array.End - 1);
        var edits = new List<TextEdit>();
        if (comma < 0) edits.Add(new TextEdit(doc.Lines.GetRange(last.End, last.End), ","));
        // The file's trailing-comma style: `last,` before `]` gets `new,` too.
        edits.Add(new TextEdit(doc.Lines.GetRange(lineEnd, lineEnd), newline + indent + quoted + (comma >= 0 ? "," : "")));
        return edits;
    }

    /// <summary>`["a" /* c */]` → `["a" /* c */, "new"]`: after the last entry's trailing comments.</summary>
    private static TextEdit AppendOnOneLine(JsoncDocument doc, JsoncArray array, string quoted)
    {
        if (array.Items.Count == 0) return JsoncEdits.AppendArrayItem(doc, array, quoted);
        var last = array.Items[^1];
        var (comma, _) = AfterLastEntry(doc.Text, last.End, array.End - 1);
        var at = comma >= 0 ? comma + 1 : SkipBlockComments(doc.Text, last.End, array.End - 1);
        return new TextEdit(doc.Lines.GetRange(at, at), comma >= 0 ? " " + quoted + "," : ", " + quoted);
    }

    /// <summary>
    /// From the end of the last entry to the end of its line: the offset of its comma (or -1), and the offset where that
    /// line ends, past spaces and comments (a block comment that runs onto later lines is followed to its end).
    /// </summary>
    private static (int Comma, int LineEnd) AfterLastEntry(string text, int from, int close)
    {
        var i = from;
        var comma = -1;
        while (i < close)
        {
            var c = text[i];
            if (c is ' ' or '\t') { i++; continue; }
            if (c == ',' && comma < 0) { comma = i++; continue; }
            if (c == '/' && i + 1 < close && text[i + 1] == '/')
            {
                while (i < close && text[i] is not ('\r' or '\n')) i++;
                break;
            }
            if (c == '/' && i + 1 < close && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 || end + 2 > close ? close : end + 2;
                continue;
            }
            break; // a line break, or the closing bracket on the same line
        }
        return (comma, i);
    }

    private static int SkipBlockComments(string text, int from, int close)
    {
        var i = from;
        var after = from;
        while (i < close)
        {
            if (text[i] is ' ' or '\t') { i++; continue; }
            if (text[i] == '/' && i + 1 < close && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0 || end + 2 > close) break;
                i = after = end + 2;
                continue;
            }
            break;
        }
        return after;
    }
}
