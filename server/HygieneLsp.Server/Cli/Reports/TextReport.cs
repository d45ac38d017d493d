using HygieneLsp.Core.Findings;

namespace HygieneLsp.Server.Cli.Reports;

/// <summary>Compiler-style lines (`path:line:col: severity rule-id: message`) that editors and CI logs link up, then a summary.</summary>
public sealed class TextReport : IReportWriter
{
    public void Write(ReportContext context, TextWriter output)
    {
        foreach (var f in context.Findings)
        {
            var start = f.Location.Range.Start;
            var path = context.Relative(f.Location.Path);
            output.WriteLine($"{(path.Length == 0 ? "." : path)}:{start.Line + 1}:{start.Character + 1}: {f.Severity.ToName()} {f.RuleId}: {f.Message}");
            foreach (var r in f.Related)
                output.WriteLine($"    {context.Relative(r.Location.Path)}:{r.Location.Range.Start.Line + 1}:{r.Location.Range.Start.Character + 1}: {r.Message}");
        }
        var errors = context.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = context.Findings.Count(f => f.Severity == Severity.Warning);
        var others = context.Findings.Count - errors - warnings;
        output.WriteLine(context.Findings.Count == 0
            ? "No problems found."
            : $"{context.Findings.Count} problem(s): {errors} error(s), {warnings} warning(s), {others} note(s).");
    }
}
