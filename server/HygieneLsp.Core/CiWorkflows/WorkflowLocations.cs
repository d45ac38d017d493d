using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.CiWorkflows;

/// <summary>Ranges inside a workflow file for findings, from node offsets.</summary>
public sealed class WorkflowLocations
{
    private readonly Workflow _workflow;
    private readonly LineIndex _lines;

    public WorkflowLocations(Workflow workflow)
    {
        _workflow = workflow;
        _lines = new LineIndex(workflow.Text);
    }

    public LineIndex Lines => _lines;

    /// <summary>
    /// The line of a <c>key: value</c> entry: from the key to the end of the value when it is on the same line, else to
    /// the end of the key's line (<c>run: |</c>).
    /// </summary>
    public SourceLocation KeyLine(YamlScalar key, YamlNode value)
    {
        var start = _lines.GetPosition(key.Start);
        var lineEnd = LineEnd(key.Start);
        var end = value.End <= lineEnd ? value.End : lineEnd;
        return new SourceLocation(_workflow.Path, new TextRange(start, _lines.GetPosition(Math.Max(end, key.End))));
    }

    public SourceLocation Of(YamlNode node) =>
        new(_workflow.Path, new TextRange(_lines.GetPosition(node.Start), _lines.GetPosition(Math.Min(node.End, LineEnd(node.Start)))));

    /// <summary>Offset of the end of the line holding <paramref name="offset"/> (before its line break, trailing spaces and comment kept out).</summary>
    private int LineEnd(int offset)
    {
        var text = _workflow.Text;
        var end = offset;
        while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
        while (end > offset && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
