using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// One area of knowledge (tsconfig maps, npm ship sets, secrets, ...). Reads the workspace through the context,
/// never executes anything, and returns findings. Must not throw for bad input: malformed files yield no findings.
/// </summary>
public interface IAnalyzer
{
    /// <summary>A short name for logs and the crash finding.</summary>
    string Name { get; }

    /// <summary>Rule ids this analyzer can report, with their default severities.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken);
}

/// <summary>The static description of a rule: id, default severity, a one-line summary, a help text for SARIF.</summary>
public sealed record RuleDescriptor(string Id, Severity DefaultSeverity, string Summary, string Help);
