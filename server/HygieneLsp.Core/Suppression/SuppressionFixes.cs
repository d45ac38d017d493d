using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// Fixes that silence one finding: a comment line above it in the file's own comment syntax and indentation, or its
/// fingerprint added to the baseline of <c>.hygienelsp.json</c> (created when missing, otherwise edited in place so
/// comments and formatting survive). Neither touches what ships.
/// </summary>
public static class SuppressionFixes
{
    public const string SuppressTitle = "Suppress on this line";
    public const string BaselineTitle = "Add to baseline";

    /// <summary>Null when the file has no comment syntax (package.json) or cannot be read.</summary>
    public static Fix? SuppressOnLine(Finding finding, IFileView files)
    {
        var path = finding.Location.Path;
        var syntax = CommentSyntax.For(path);
        if (syntax is null) return null;
        var text = files.ReadAllText(path);
        if (text is null) return null;
        var index = new LineIndex(text);
        var line = Math.Clamp(finding.Location.Range.Start.Line, 0, index.LineCount - 1);
        var lineStart = index.GetOffset(new TextPosition(line, 0));
        var indent = JsoncEdits.IndentOfLine(text, lineStart);
        var newline = LineEnding(text, lineStart);
        var comment = indent + syntax.Open + " " + InlineDirectives.IgnoreNextLine + " " + finding.RuleId + (syntax.Close is null ? "" : " " + syntax.Close) + newline;
        var at = new TextPosition(line, 0);
        return new Fix(SuppressTitle, [new FileEdit(path, [new TextEdit(new TextRange(at, at), comment)])]);
    }

    /// <summary>Null when the config exists but cannot be edited safely (not an object, baseline not an array) or already lists the finding.</summary>
    public static Fix? AddToBaseline(Finding finding, IFileView files, string root)
    {
        var normalizedRoot = Paths.Normalize(root);
        var path = Paths.Combine(normalizedRoot, SuppressionConfig.FileName);
        var fingerprint = Suppressor.FingerprintOf(finding, normalizedRoot);
        var quoted = JsoncEdits.Quote(fingerprint);
        var text = files.FileExists(path) ? files.ReadAllText(path) : null;
        if (text is null)
        {
            var content = "{\n  \"baseline\": [\n    " + quoted + "\n  ]\n}\n";
            return new Fix(BaselineTitle, [new FileEdit(path, [new TextEdit(TextRange.Empty, content)], CreateFile: true)]);
        }
        var doc = JsoncParser.Parse(text);
        if (doc.Root is not JsoncObject obj) return null;
        TextEdit edit;
        switch (obj.Get("baseline"))
        {
            case JsoncArray array:
                if (array.Items.Any(i => i is JsoncString s && string.Equals(s.Value, fingerprint, StringComparison.OrdinalIgnoreCase))) return null;
                edit = JsoncEdits.AppendArrayItem(doc, array, quoted);
                break;
            case null when obj.GetProperty("baseline") is null:
                edit = JsoncEdits.InsertProperty(doc, obj, "baseline", "[" + quoted + "]");
                break;
            default:
                return null;
        }
        return new Fix(BaselineTitle, [new FileEdit(path, [edit])]);
    }

    private static string LineEnding(string text, int near)
    {
        var nl = text.IndexOf('\n', near);
        if (nl > 0) return text[nl - 1] == '\r' ? "\r\n" : "\n";
        return text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
    }
}
