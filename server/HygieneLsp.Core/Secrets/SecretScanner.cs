using HygieneLsp.Core.Secrets.Detectors;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Finds secrets in text in one pass: the keyword prefilter finds candidate spots, detectors read a bounded window
/// at each, overlapping candidates keep the most specific kind, documented example values are dropped, and each
/// survivor becomes a <see cref="SecretMatch"/> (position, redacted preview, fingerprint), the value itself
/// never leaving this class. Stateless and thread-safe.
/// </summary>
public sealed partial class SecretScanner
{
    private readonly ISecretDetector[] _detectors;
    private readonly KeywordIndex _keywords;

    /// <summary>Detectors in priority order: when two match overlapping text, the earlier one wins.</summary>
    public SecretScanner(IEnumerable<ISecretDetector> detectors)
    {
        _detectors = detectors.ToArray();
        if (_detectors.Length > 64) throw new ArgumentException("At most 64 detectors.");
        _keywords = new KeywordIndex(_detectors);
    }

    public static SecretScanner Default { get; } = new(DefaultDetectors());

    public static IEnumerable<ISecretDetector> DefaultDetectors()
    {
        yield return new PrivateKeyDetector();
        foreach (var d in TokenPatterns.All()) yield return d;
        yield return new JwtDetector();
        yield return new NpmrcAuthDetector();
        yield return new ConnectionStringDetector();
        yield return new UrlCredentialsDetector();
        yield return new GenericSecretDetector();
    }

    /// <summary>Scans a whole text held in memory, read as data (the most permissive kind).</summary>
    public IReadOnlyList<SecretMatch> ScanText(string text, CancellationToken cancellationToken = default) =>
        ScanText(text, TextKind.Data, cancellationToken);

    /// <summary>Scans a whole text held in memory, from an ordinary file.</summary>
    public IReadOnlyList<SecretMatch> ScanText(ReadOnlySpan<char> text, TextKind kind, CancellationToken cancellationToken = default) =>
        ScanText(text, kind, FileRole.Ordinary, cancellationToken);

    /// <summary>Scans a whole text held in memory, from a file of <paramref name="role"/> (documentation, test, lockfile…).</summary>
    public IReadOnlyList<SecretMatch> ScanText(ReadOnlySpan<char> text, TextKind kind, FileRole role, CancellationToken cancellationToken = default)
    {
        var raw = FindCandidates(text, 0, text.Length, kind, role, cancellationToken);
        if (raw.Count == 0) return [];
        var cursor = new LineCursor(text, 0, 0);
        var matches = new List<SecretMatch>(raw.Count);
        foreach (var c in raw) matches.Add(ToMatch(text, c, ref cursor));
        return matches;
    }

    /// <summary>A candidate after overlap resolution: which detector, where in the scanned text, and how sure.</summary>
    internal readonly record struct Raw(int Detector, SecretCandidate Candidate, SecretAssessment Assessment);

    /// <summary>Candidates whose keyword hit lies in [from, to); detectors may read past <paramref name="to"/>.</summary>
    internal List<Raw> FindCandidates(ReadOnlySpan<char> text, int from, int to, TextKind kind, FileRole role, CancellationToken cancellationToken)
    {
        var found = new List<Raw>();
        var checkedAt = 0;
        foreach (var sweep in _keywords.Sweeps)
        {
            var pos = from;
            while (true)
            {
                var hit = sweep.Next(text, pos, to);
                if (hit < 0) break;
                if (++checkedAt % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
                var candidates = sweep.StartingWith(text[hit]);
                foreach (var entry in candidates)
                {
                    if (candidates.Length > 1 && !sweep.IsAt(text, hit, entry)) continue;
                    foreach (var d in entry.Detectors)
                        if (_detectors[d].TryMatch(text, hit, kind, out var candidate)) found.Add(new Raw(d, candidate, SecretAssessment.Certain));
                }
                pos = hit + 1;
            }
        }
        return Resolve(text, found, kind, role);
    }

    /// <summary>
    /// Drops documented examples and what <see cref="SecretAssessor"/> says is no secret, then keeps one candidate per
    /// overlapping group (the highest-priority detector, then the longest), in text order.
    /// </summary>
    private List<Raw> Resolve(ReadOnlySpan<char> text, List<Raw> found, TextKind kind, FileRole role)
    {
        if (found.Count == 0) return found;
        found.Sort((a, b) => a.Candidate.Start != b.Candidate.Start ? a.Candidate.Start.CompareTo(b.Candidate.Start) : a.Detector.CompareTo(b.Detector));
        var kept = new List<Raw>(found.Count);
        foreach (var candidate in found)
        {
            if (Placeholders.IsDocumentedExample(text[candidate.Candidate.ValueStart..candidate.Candidate.ValueEnd].ToString())) continue;
            if (SecretAssessor.Assess(text, _detectors[candidate.Detector].Kind, candidate.Candidate, kind, role) is not { } assessment) continue;
            var f = candidate with { Assessment = assessment };
            if (kept.Count > 0 && f.Candidate.Start < kept[^1].Candidate.End)
            {
                var last = kept[^1];
                var better = f.Detector < last.Detector
                    || (f.Detector == last.Detector && f.Candidate.End - f.Candidate.Start > last.Candidate.End - last.Candidate.Start);
                if (better) kept[^1] = f;
                continue;
            }
            kept.Add(f);
        }
        return kept;
    }

    private SecretMatch ToMatch(ReadOnlySpan<char> text, Raw raw, ref LineCursor cursor)
    {
        var c = raw.Candidate;
        var kind = _detectors[raw.Detector].Kind;
        var value = text[c.ValueStart..c.ValueEnd].ToString();
        var start = cursor.MoveTo(c.Start);
        var valueStart = cursor.MoveTo(c.ValueStart);
        var valueEnd = cursor.MoveTo(c.ValueEnd);
        var end = cursor.MoveTo(c.End);
        return new SecretMatch(kind, new(start, end), new(valueStart, valueEnd), Redaction.Preview(value, kind), Redaction.Fingerprint(kind, value))
        {
            Confidence = raw.Assessment.Confidence,
            Reason = raw.Assessment.Reason,
        };
    }
}
