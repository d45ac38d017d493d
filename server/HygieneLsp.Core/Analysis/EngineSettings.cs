using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Analysis;

/// <summary>User settings the engine honours: per-rule severity overrides and scanning scope.</summary>
public sealed record EngineSettings
{
    public static readonly EngineSettings Default = new();

    /// <summary>Rule id → severity; <see cref="Severity.Off"/> disables the rule.</summary>
    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>When true, secrets are searched in every non-ignored workspace file, not only in what ships.</summary>
    public bool ScanWholeWorkspaceForSecrets { get; init; }

    public Severity SeverityFor(string ruleId, Severity defaultSeverity) =>
        RuleSeverities.TryGetValue(ruleId, out var s) ? s : defaultSeverity;
}
