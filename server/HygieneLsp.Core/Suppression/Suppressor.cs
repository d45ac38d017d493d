using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// Applies the user's suppressions to findings: severities from <c>rules</c> (off removes), <c>ignorePaths</c>,
/// the <c>baseline</c> of fingerprints, and inline <c>hygiene-ignore-line</c> / <c>hygiene-ignore-next-line</c> comments
/// on the finding's line. Files are read once per call, through the file view (open buffers count).
/// </summary>
public static class Suppressor
{
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IFileView files, SuppressionConfig config)
    {
        var lines = new Dictionary<string, (string Text, LineIndex Index)?>(StringComparer.Ordinal);
        var kept = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            var severity = config.SeverityFor(f.RuleId) ?? f.Severity;
            if (severity == Severity.Off) continue;
            if (config.IsIgnoredPath(f.Location.Path)) continue;
            if (config.Baseline.Count > 0 && config.Baseline.Contains(FingerprintOf(f, config.Root))) continue;
            if (IsSuppressedInline(f, files, lines)) continue;
            kept.Add(severity == f.Severity ? f : f with { Severity = severity });
        }
        return kept;
    }

    /// <summary>
    /// The identity a baseline stores: the finding's own fingerprint (secrets hash their value), otherwise a hash of
    /// rule, path relative to the folder, and message, so a baseline survives moving the folder.
    /// </summary>
    public static string FingerprintOf(Finding finding, string root)
    {
        if (!string.IsNullOrEmpty(finding.Fingerprint)) return finding.Fingerprint;
        var path = Paths.IsUnder(finding.Location.Path, root) ? Paths.Relative(root, finding.Location.Path) : finding.Location.Path;
        return Redaction.Hash(finding.RuleId + "\n" + path + "\n" + finding.Message);
    }

    private static bool IsSuppressedInline(Finding f, IFileView files, Dictionary<string, (string Text, LineIndex Index)?> cache)
    {
        var path = f.Location.Path;
        if (!cache.TryGetValue(path, out var entry))
        {
            var text = files.FileExists(path) && (files.GetLength(path) ?? 0) <= 16 * 1024 * 1024 ? files.ReadAllText(path) : null;
            entry = text is null ? null : (text, new LineIndex(text));
            cache[path] = entry;
        }
        if (entry is not { } e) return false;
        var line = f.Location.Range.Start.Line;
        if (line < 0 || line >= e.Index.LineCount) return false;
        if (InlineDirectives.Covers(Line(e, line), InlineDirectives.IgnoreLine, f.RuleId)) return true;
        return line > 0 && InlineDirectives.Covers(Line(e, line - 1), InlineDirectives.IgnoreNextLine, f.RuleId);
    }

    private static ReadOnlySpan<char> Line((string Text, LineIndex Index) e, int line)
    {
        var start = e.Index.GetOffset(new TextPosition(line, 0));
        var end = line + 1 < e.Index.LineCount ? e.Index.GetOffset(new TextPosition(line + 1, 0)) : e.Text.Length;
        return e.Text.AsSpan(start, end - start).TrimEnd("\r\n");
    }
}
