using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// What the engine does to every finding after the analyzers: the user's severity (off drops it), the default
/// fingerprint (rule, relative path, the text under the squiggle), the suppressions of .hygienelsp.json and inline
/// comments, and the "suppress"/"add to baseline" fixes. Each needs the text of the finding's file, so the outcome is
/// memoised per finding, that file's stamp and the suppression config: an analysis that recomputes one item does not
/// re-read the files of the other items' findings.
/// </summary>
internal sealed class FindingFinisher
{
    private Dictionary<string, Outcome> _memo = new(StringComparer.Ordinal);
    private SuppressionConfig? _config;

    private sealed record Outcome(Severity? Severity, string? Fingerprint, IReadOnlyList<Fix> ExtraFixes);

    /// <summary>The kept findings with their final severity, fingerprint and fixes, in the order given.</summary>
    public List<Finding> Finish(IReadOnlyList<Finding> findings, IFileView files, string root, EngineSettings settings, SuppressionConfig config)
    {
        if (!ReferenceEquals(config, _config))
        {
            _memo = new Dictionary<string, Outcome>(StringComparer.Ordinal);
            _config = config;
        }
        var used = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        var kept = new List<Finding>(findings.Count);
        foreach (var raw in findings)
        {
            var severity = settings.SeverityFor(raw.RuleId, raw.Severity);
            if (severity == Severity.Off) continue;
            var key = string.Join('\u001f', raw.RuleId, raw.Location.Path, raw.Location.Range.ToString(), severity.ToString(), raw.Fingerprint ?? "",
                raw.Message, files.Stamp(raw.Location.Path));
            if (!_memo.TryGetValue(key, out var outcome) && !used.TryGetValue(key, out outcome))
                outcome = Compute(raw with { Severity = severity }, files, root, config);
            used[key] = outcome;
            if (outcome.Severity is not { } final) continue;
            kept.Add(raw with
            {
                Severity = final,
                Fingerprint = outcome.Fingerprint,
                Fixes = outcome.ExtraFixes.Count == 0 ? raw.Fixes : [.. raw.Fixes, .. outcome.ExtraFixes],
            });
        }
        _memo = used; // only what this run used: the memo never outgrows the findings
        return kept;
    }

    private static Outcome Compute(Finding finding, IFileView files, string root, SuppressionConfig config)
    {
        var withPrint = finding with { Fingerprint = finding.Fingerprint ?? DefaultFingerprint(finding, files, root) };
        if (Suppressor.Apply([withPrint], files, config) is not [var kept]) return new Outcome(null, null, []);
        var extra = new[] { SuppressionFixes.SuppressOnLine(kept, files), SuppressionFixes.AddToBaseline(kept, files, root) }
            .OfType<Fix>().Select(f => f with { Kind = FixKind.Suppress, IsPreferred = false }).ToList();
        return new Outcome(kept.Severity, kept.Fingerprint, extra);
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
