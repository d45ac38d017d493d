using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis;

/// <summary>
/// Runs every analyzer over a workspace folder and applies the user's severities. An analyzer that throws yields
/// one internal finding instead of taking the caller (server or CLI) down.
/// </summary>
public sealed class Engine
{
    public const string InternalErrorRuleId = "hygiene/internal-error";
    public const string ConfigErrorRuleId = "hygiene/config-error";

    private readonly IReadOnlyList<IAnalyzer> _analyzers;

    public Engine(IReadOnlyList<IAnalyzer> analyzers)
    {
        _analyzers = analyzers;
    }

    public IReadOnlyList<IAnalyzer> Analyzers => _analyzers;

    public IEnumerable<RuleDescriptor> Rules => _analyzers.SelectMany(a => a.Rules);

    public AnalysisCache Cache { get; } = new();

    public IReadOnlyList<Finding> Analyze(IFileView files, WorkspaceIndex index, EngineSettings settings, CancellationToken cancellationToken = default)
    {
        var context = new AnalysisContext(files, index, settings, Cache);
        var findings = new List<Finding>();
        foreach (var analyzer in _analyzers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                foreach (var finding in analyzer.Analyze(context, cancellationToken))
                {
                    var severity = settings.SeverityFor(finding.RuleId, finding.Severity);
                    if (severity == Severity.Off) continue;
                    findings.Add(finding with { Severity = severity, Fingerprint = finding.Fingerprint ?? DefaultFingerprint(finding, files, index.Root) });
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                findings.Add(new Finding
                {
                    RuleId = InternalErrorRuleId,
                    Severity = Severity.Warning,
                    Message = $"HygieneLsp could not finish the '{analyzer.Name}' checks here ({e.GetType().Name}); other checks still ran.",
                    Location = new SourceLocation(index.Root, TextRange.Empty),
                });
            }
        }
        var config = context.Config;
        var (guard, suppressions) = (new Fixes.CreatedFileGuard(context), new SuppressionFixes(context));
        var kept = Suppressor.Apply(findings, files, config).Select(f => WithSafeFixes(f, guard, suppressions)).ToList();
        if (config.Problems.Count > 0)
        {
            kept.Add(new Finding
            {
                RuleId = ConfigErrorRuleId,
                Severity = Severity.Warning,
                Message = string.Join(" ", config.Problems) + " The rest of the file still applies.",
                Location = new SourceLocation(config.Path, TextRange.Empty),
                Fingerprint = Fingerprints.Of(ConfigErrorRuleId, SuppressionConfig.FileName),
            });
        }
        kept.Sort(FindingOrder.Instance);
        return kept;
    }

    /// <summary>
    /// The finding's fixes that create files, checked against every unit (a new ignore file must not ship elsewhere), then
    /// "Suppress &lt;rule&gt; on this line" and "Add &lt;rule&gt; to the baseline" where they can be written safely.
    /// </summary>
    private static Finding WithSafeFixes(Finding finding, Fixes.CreatedFileGuard guard, SuppressionFixes suppressions) =>
        finding with { Fixes = [.. finding.Fixes.Select(guard.Checked).OfType<Fix>(), .. suppressions.For(finding)] };

    /// <summary>Rule, path relative to the workspace and the text under the squiggle: survives edits elsewhere in the file.</summary>
    private static string DefaultFingerprint(Finding finding, IFileView files, string root)
    {
        var text = files.ReadAllText(finding.Location.Path);
        var anchor = "";
        if (text is not null)
        {
            var lines = new LineIndex(text);
            var start = lines.GetOffset(finding.Location.Range.Start);
            var end = lines.GetOffset(finding.Location.Range.End);
            anchor = text[start..Math.Max(start, end)];
        }
        return Fingerprints.Of(finding.RuleId, Paths.Relative(root, finding.Location.Path), anchor);
    }

    /// <summary>Analyzes a folder from disk (the CLI's path).</summary>
    public IReadOnlyList<Finding> AnalyzeFolder(string root, EngineSettings settings, CancellationToken cancellationToken = default)
    {
        var files = FileView.Disk;
        var index = WorkspaceIndex.Build(files, root, cancellationToken);
        return Analyze(files, index, settings, cancellationToken);
    }
}

/// <summary>Deterministic order: path, position, rule.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c != 0) return c;
        c = x.Location.Range.Start.CompareTo(y.Location.Range.Start);
        if (c != 0) return c;
        return string.CompareOrdinal(x.RuleId, y.RuleId);
    }
}
