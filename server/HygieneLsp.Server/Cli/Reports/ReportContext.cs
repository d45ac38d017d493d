using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Server.Cli.Reports;

/// <summary>What every report format needs: the findings, the folder they are relative to, and the rules that ran.</summary>
public sealed record ReportContext(string Root, IReadOnlyList<Finding> Findings, IReadOnlyList<RuleDescriptor> Rules)
{
    /// <summary>Path relative to the checked folder, forward slashes; paths outside it stay absolute.</summary>
    public string Relative(string path)
    {
        if (!Paths.IsUnder(path, Root)) return path;
        var relative = Paths.Relative(Root, path);
        return relative == "." ? "" : relative;
    }
}

public interface IReportWriter
{
    void Write(ReportContext context, TextWriter output);
}
