using System.Text;
using HygieneLsp.Core.CiWorkflows;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Rules.Workflows;

/// <summary>
/// "Check what ships before publishing": inserts a step running <see cref="Command"/> directly before the publishing
/// step, at the same indentation (dash column and key column copied from that step), with the step's own
/// <c>working-directory</c>, the file's line breaks, and the blank line between steps when the file uses one. Comment
/// lines directly above the publishing step stay with it. Every other byte of the file is kept.
/// </summary>
public static class GateStepFix
{
    /// <summary>The check the inserted step runs: the .NET tool installed globally, then its check of the workspace (exit 1 on any error).</summary>
    public const string Command = "dotnet tool install --global HygieneLsp && hygiene-lsp check .";

    public const string StepName = "Check what ships";

    public const string Title = "Insert a \"" + StepName + "\" step before this publish";

    public static Fix? For(Workflow workflow, WorkflowStep step)
    {
        var text = workflow.Text;
        if (step.Node.IsFlow) return null;
        // The step's dash: the '-' before the mapping, across spaces (and a line break for `-\n  name: x`).
        var dash = step.Node.Start - 1;
        while (dash >= 0 && text[dash] is ' ' or '\t' or '\n' or '\r') dash--;
        if (dash < 0 || text[dash] != '-') return null;
        var dashLineStart = LineStart(text, dash);
        if (!IsBlank(text, dashLineStart, dash)) return null; // `steps: - x` on one line, or a tab-indented oddity
        var dashColumn = dash - dashLineStart;
        var keyColumn = step.Node.Start - LineStart(text, step.Node.Start);
        if (keyColumn <= dashColumn) return null;

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var insertAt = StartOfLeadingComments(text, dashLineStart, dashColumn);
        var blankBefore = insertAt > 0 && PreviousLineIsBlank(text, insertAt);

        var indent = new string(' ', dashColumn);
        var afterDash = new string(' ', keyColumn - dashColumn - 1);
        var keyIndent = new string(' ', keyColumn);
        var sb = new StringBuilder();
        sb.Append(indent).Append('-').Append(afterDash).Append("name: ").Append(StepName).Append(newline);
        if (step.WorkingDirectoryNode is { } wd && !text.AsSpan(wd.Start, wd.End - wd.Start).ContainsAny('\r', '\n'))
            sb.Append(keyIndent).Append("working-directory: ").Append(text, wd.Start, wd.End - wd.Start).Append(newline);
        sb.Append(keyIndent).Append("run: ").Append(Command).Append(newline);
        if (blankBefore) sb.Append(newline);

        var lines = new LineIndex(text);
        var at = lines.GetPosition(insertAt);
        var edit = new FileEdit(workflow.Path, [new TextEdit(new TextRange(at, at), sb.ToString())]);
        return new Fix(Title, [edit], IsPreferred: true);
    }

    private static int LineStart(string text, int offset)
    {
        var i = offset;
        while (i > 0 && text[i - 1] is not ('\n' or '\r')) i--;
        return i;
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (text[i] is not (' ' or '\t')) return false;
        return true;
    }

    /// <summary>Moves up over comment lines at the dash's column directly above the step: they describe the publishing step.</summary>
    private static int StartOfLeadingComments(string text, int lineStart, int dashColumn)
    {
        var start = lineStart;
        while (start > 0)
        {
            var prevStart = LineStart(text, start - 1 - (start >= 2 && text[start - 1] == '\n' && text[start - 2] == '\r' ? 1 : 0));
            var lineText = text[prevStart..start].TrimEnd('\r', '\n');
            var trimmed = lineText.TrimStart(' ');
            if (!trimmed.StartsWith('#') || lineText.Length - trimmed.Length != dashColumn) break;
            start = prevStart;
        }
        return start;
    }

    private static bool PreviousLineIsBlank(string text, int lineStart)
    {
        var end = lineStart - 1;
        if (end >= 1 && text[end] == '\n' && text[end - 1] == '\r') end--;
        var prevStart = LineStart(text, end);
        return IsBlank(text, prevStart, end);
    }
}
