using HygieneLsp.Core.Findings;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Cli.Reports;

/// <summary>The documented JSON shape (version 1): paths relative to the checked folder, 1-based positions.</summary>
public sealed class JsonReport : IReportWriter
{
    public void Write(ReportContext context, TextWriter output)
    {
        var findings = new JArray();
        foreach (var f in context.Findings)
        {
            var range = f.Location.Range;
            findings.Add(new JObject
            {
                ["ruleId"] = f.RuleId,
                ["severity"] = f.Severity.ToName(),
                ["message"] = f.Message,
                ["file"] = context.Relative(f.Location.Path),
                ["line"] = range.Start.Line + 1,
                ["column"] = range.Start.Character + 1,
                ["endLine"] = range.End.Line + 1,
                ["endColumn"] = range.End.Character + 1,
                ["package"] = f.Package,
                ["fingerprint"] = f.Fingerprint,
                ["related"] = new JArray(f.Related.Select(r => new JObject
                {
                    ["file"] = context.Relative(r.Location.Path),
                    ["line"] = r.Location.Range.Start.Line + 1,
                    ["column"] = r.Location.Range.Start.Character + 1,
                    ["message"] = r.Message,
                })),
                ["fixes"] = new JArray(f.Fixes.Select(x => new JObject { ["title"] = x.Title })),
            });
        }
        var root = new JObject { ["version"] = 1, ["findings"] = findings };
        using var writer = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        root.WriteTo(writer);
        writer.Flush();
        output.WriteLine();
    }
}
