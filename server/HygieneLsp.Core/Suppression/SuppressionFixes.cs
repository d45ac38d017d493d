using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// The fixes that silence a finding, offered after its repairs and never preferred (so neither Auto Fix nor fix-all
/// applies them): "Suppress &lt;rule&gt; on this line", a comment in the file's own syntax above the line, where a
/// comment line cannot change what the file means (<see cref="CommentPlacement"/>); and "Add &lt;rule&gt; to the
/// baseline", the finding's fingerprint in <c>.hygienelsp.json</c>, edited in place (<see cref="BaselineEntryEdit"/>)
/// or created together with whatever keeps it from shipping (<see cref="BaselineFileCreation"/>). Titles name the
/// rule, so several findings on one line are told apart.
/// </summary>
public sealed class SuppressionFixes
{
    private readonly AnalysisContext _context;
    private readonly Lazy<BaselineFileCreation.Plan> _creation;

    public SuppressionFixes(AnalysisContext context)
    {
        _context = context;
        _creation = new Lazy<BaselineFileCreation.Plan>(() => BaselineFileCreation.For(context));
    }

    public static string SuppressTitle(string ruleId) => $"Suppress {ruleId} on this line";

    public static string BaselineTitle(string ruleId) => $"Add {ruleId} to the baseline";

    /// <summary>The suppressions of <paramref name="finding"/> that can be written safely, marked as such.</summary>
    public IReadOnlyList<Fix> For(Finding finding) =>
        new[] { SuppressOnLine(finding), AddToBaseline(finding) }.OfType<Fix>()
            .Select(f => f with { Kind = FixKind.Suppress, IsPreferred = false }).ToList();

    /// <summary>Null when the file has no comment syntax (package.json), cannot be read, or a comment line would change it.</summary>
    public Fix? SuppressOnLine(Finding finding)
    {
        var path = finding.Location.Path;
        var syntax = CommentSyntax.For(path);
        if (syntax is null) return null;
        var text = _context.Files.ReadAllText(path);
        if (text is null) return null;
        var index = new LineIndex(text);
        var line = Math.Clamp(finding.Location.Range.Start.Line, 0, index.LineCount - 1);
        if (!CommentPlacement.CanInsertAbove(path, text, line, syntax)) return null;
        var lineStart = index.GetOffset(new TextPosition(line, 0));
        var indent = JsoncEdits.IndentOfLine(text, lineStart);
        var newline = LineEnding(text, lineStart);
        var comment = indent + syntax.Open + " " + InlineDirectives.IgnoreNextLine + " " + finding.RuleId + (syntax.Close is null ? "" : " " + syntax.Close) + newline;
        var at = new TextPosition(line, 0);
        return new Fix(SuppressTitle(finding.RuleId), [new FileEdit(path, [new TextEdit(new TextRange(at, at), comment)])]);
    }

    /// <summary>
    /// Null when the config exists but cannot be edited safely (a syntax error, not an object, baseline not an array), already
    /// lists the finding, or does not exist and creating it would make some unit ship it.
    /// </summary>
    public Fix? AddToBaseline(Finding finding)
    {
        var root = _context.Root;
        var path = Paths.Combine(root, SuppressionConfig.FileName);
        var fingerprint = Suppressor.FingerprintOf(finding, root);
        var quoted = JsoncEdits.Quote(fingerprint);
        var text = _context.Files.FileExists(path) ? _context.Files.ReadAllText(path) : null;
        var title = BaselineTitle(finding.RuleId);
        if (text is null)
        {
            if (_context.Files.DirectoryExists(path)) return null;
            var plan = _creation.Value;
            if (!plan.Possible) return null;
            var content = "{\n  \"baseline\": [\n    " + quoted + "\n  ]\n}\n";
            var created = new FileEdit(path, [new TextEdit(TextRange.Empty, content)], CreateFile: true);
            return plan.Edits.Count == 0
                ? new Fix(title, [created])
                : new Fix($"{title} (and keep {SuppressionConfig.FileName} out of {string.Join(", ", plan.KeptOutOf)})", [created, .. plan.Edits]);
        }
        var doc = JsoncParser.Parse(text);
        if ((doc.Root as JsoncObject)?.Get("baseline") is JsoncArray array
            && array.Items.Any(i => i is JsoncString s && string.Equals(s.Value, fingerprint, StringComparison.OrdinalIgnoreCase))) return null;
        return BaselineEntryEdit.Add(doc, quoted) is { } edits ? new Fix(title, [new FileEdit(path, edits)]) : null;
    }

    private static string LineEnding(string text, int near)
    {
        var nl = text.IndexOf('\n', near);
        if (nl > 0) return text[nl - 1] == '\r' ? "\r\n" : "\n";
        return text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
    }
}
