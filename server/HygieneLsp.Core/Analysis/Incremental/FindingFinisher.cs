using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// What the engine does to every finding after the analyzers: the user's severity (off drops it), the default
/// fingerprint (rule, relative path, the text under the squiggle), the suppressions of .hygienelsp.json and inline
/// comments. Each needs the text of the finding's file, so that outcome is memoised per finding, that file's stamp and
/// the suppression config: an analysis that recomputes one item does not re-read the files of the other items' findings.
/// The fixes are then made safe for this run: a fix that creates a file is checked against every unit
/// (<see cref="Fixes.CreatedFileGuard"/>), and the suppressions are added where they can be written without a unit
/// shipping the config (<see cref="SuppressionFixes"/>). Both are lazy: the units are computed only when a finding has a
/// fix that creates a file that does not exist yet. The suppressions are memoised like the outcome, and also by what
/// they read besides the finding's file: the config file's stamp and, while it does not exist, the plan for creating it
/// (reading each finding's file again for them cost 60 ms of a 2,000-package edit). The guard and the suppression
/// builder live as long as the run's context: a first scan finishes its findings so far at every progress report, on
/// one snapshot, and a new guard each time recomputed every unit's ship set (583 ms per report on 100 real packages).
/// </summary>
internal sealed class FindingFinisher
{
    private Dictionary<string, Outcome> _memo = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlyList<Fix>> _suppressionMemo = new(StringComparer.Ordinal);
    private SuppressionConfig? _config;
    private BaselineFileCreation.Plan? _plan;
    private int _planGeneration;
    private AnalysisContext? _runContext;
    private Fixes.CreatedFileGuard? _guard;
    private SuppressionFixes? _suppressions;

    private sealed record Outcome(Severity? Severity, string? Fingerprint);

    /// <summary>The kept findings with their final severity, fingerprint and fixes, in the order given.</summary>
    public List<Finding> Finish(IReadOnlyList<Finding> findings, AnalysisContext context, SuppressionConfig config)
    {
        var (files, root, settings) = (context.Files, context.Root, context.Settings);
        if (!ReferenceEquals(context, _runContext))
        {
            _runContext = context;
            GuardsBuilt++;
            _guard = new Fixes.CreatedFileGuard(context);
            _suppressions = new SuppressionFixes(context);
        }
        var (guard, suppressions) = (_guard!, _suppressions!);
        if (!ReferenceEquals(config, _config))
        {
            _memo = new Dictionary<string, Outcome>(StringComparer.Ordinal);
            _config = config;
        }
        var used = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        var usedSuppressions = new Dictionary<string, IReadOnlyList<Fix>>(StringComparer.Ordinal);
        var environment = Profile.Enabled ? Profile.Time("finish: suppression environment", () => SuppressionEnvironment(context)) : SuppressionEnvironment(context);
        var kept = new List<Finding>(findings.Count);
        foreach (var raw in findings)
        {
            var severity = settings.SeverityFor(raw.RuleId, raw.Severity);
            if (severity == Severity.Off) continue;
            var key = string.Join('\u001f', raw.RuleId, raw.Location.Path, raw.Location.Range.ToString(), severity.ToString(), raw.Fingerprint ?? "",
                raw.Message, files.Stamp(raw.Location.Path));
            if (!_memo.TryGetValue(key, out var outcome) && !used.TryGetValue(key, out outcome))
                outcome = Profile.Enabled ? Profile.Time("finish: outcome", () => Compute(raw with { Severity = severity }, files, root, config)) : Compute(raw with { Severity = severity }, files, root, config);
            used[key] = outcome;
            if (outcome.Severity is not { } final) continue;
            var finished = raw with { Severity = final, Fingerprint = outcome.Fingerprint };
            var suppressionKey = key + '\u001f' + environment;
            if (!_suppressionMemo.TryGetValue(suppressionKey, out var silencing) && !usedSuppressions.TryGetValue(suppressionKey, out silencing))
                silencing = Profile.Enabled ? Profile.Time("finish: suppressions", () => suppressions.For(finished)) : suppressions.For(finished);
            usedSuppressions[suppressionKey] = silencing;
            var started = Profile.Enabled ? Profile.Start() : 0;
            kept.Add(finished with { Fixes = [.. raw.Fixes.Select(guard.Checked).OfType<Fix>(), .. silencing] });
            if (Profile.Enabled) Profile.Add("finish: guard", started);
        }
        _memo = used; // only what this run used: the memos never outgrow the findings
        _suppressionMemo = usedSuppressions;
        return kept;
    }

    /// <summary>How many fix guards were built: one per run, however often it reports (a test counter).</summary>
    public int GuardsBuilt { get; private set; }

    /// <summary>The run is over: its snapshot's guard and suppression builder are let go (the next run has another snapshot).</summary>
    public void EndRun() => (_runContext, _guard, _suppressions) = (null, null, null);

    /// <summary>
    /// What the suppressions read besides a finding's own file: the config's stamp, or while there is none, which plan
    /// creating it takes (memoised by the stamps of the folder's files, so the same object while they stay).
    /// </summary>
    private string SuppressionEnvironment(AnalysisContext context)
    {
        var config = Paths.Combine(context.Root, SuppressionConfig.FileName);
        if (context.Files.FileExists(config)) return "config " + context.Files.Stamp(config);
        var plan = BaselineFileCreation.For(context);
        if (!ReferenceEquals(plan, _plan))
        {
            _plan = plan;
            _planGeneration++;
        }
        return "plan " + _planGeneration;
    }

    private static Outcome Compute(Finding finding, IFileView files, string root, SuppressionConfig config)
    {
        var withPrint = finding with { Fingerprint = finding.Fingerprint ?? DefaultFingerprint(finding, files, root) };
        return Suppressor.Apply([withPrint], files, config) is [var kept] ? new Outcome(kept.Severity, kept.Fingerprint) : new Outcome(null, null);
    }

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
}
