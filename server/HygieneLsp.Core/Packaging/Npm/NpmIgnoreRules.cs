using System.Text.RegularExpressions;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.IgnorePatterns;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>One compiled rule line and where it came from.</summary>
public sealed record NpmIgnoreRule(GlobPattern Pattern, NpmRuleOrigin Origin);

/// <summary>
/// Turns ignore-file text and npm's synthetic rule lists into rules exactly as ignore-walk does: split on `\r?\n`,
/// trim (JavaScript's trim), drop blank and `#` lines, compile with {matchBase, dot, nocase, flipNegate}.
/// </summary>
public static class NpmIgnoreRules
{
    private static readonly Regex LineBreak = new("\r?\n", RegexOptions.CultureInvariant);

    /// <summary>
    /// Rules of an ignore file; each origin points at the trimmed text of its line. Lines past the file's pattern
    /// budget are left out and noted in <paramref name="skipped"/>.
    /// </summary>
    public static List<NpmIgnoreRule> FromFile(string path, string text, NpmRuleKind kind, string? detail = null, List<Analysis.InputSkip>? skipped = null)
    {
        var rules = new List<NpmIgnoreRule>();
        var budget = new IgnoreFileBudget(path);
        LineIndex? lines = null;
        var number = 0;
        foreach (var (start, line) in Lines(text))
        {
            if (budget.Exhausted) break;
            number++;
            var trimmed = GlobEscapes.JsTrim(line);
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            lines ??= new LineIndex(text);
            var lead = line.IndexOf(trimmed, StringComparison.Ordinal);
            var range = lines.GetRange(start + lead, start + lead + trimmed.Length);
            var pattern = GlobPattern.Compile(trimmed, GlobOptions.NpmIgnore);
            if (!budget.Admit(pattern, number)) continue;
            rules.Add(new NpmIgnoreRule(pattern, new NpmRuleOrigin(kind, trimmed, new SourceLocation(path, range), detail)));
        }
        skipped?.AddRange(budget.Skipped);
        return rules;
    }

    /// <summary>
    /// The lines of a text as ignore-walk splits it (/\r?\n/), with where each starts, one at a time: a file of a
    /// million lines stops being read where its budget runs out instead of being split whole first.
    /// </summary>
    private static IEnumerable<(int Start, string Line)> Lines(string text)
    {
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                yield return (start, text[start..]);
                yield break;
            }
            var end = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            yield return (start, text[start..end]);
            start = newline + 1;
        }
    }

    /// <summary>
    /// Rules npm injects as text (defaults, strict rules, `files`): each item may still split into several lines. With a
    /// <paramref name="budget"/> (the user's `files`, not npm's own lists), items past it are left out and noted.
    /// </summary>
    public static List<NpmIgnoreRule> FromItems(IEnumerable<(string Text, NpmRuleOrigin Origin)> items, IgnoreFileBudget? budget = null,
        List<Analysis.InputSkip>? skipped = null)
    {
        var rules = new List<NpmIgnoreRule>();
        var item = 0;
        foreach (var (text, origin) in items)
        {
            if (budget?.Exhausted == true) break;
            item++;
            foreach (var line in LineBreak.Split(text))
            {
                var trimmed = GlobEscapes.JsTrim(line);
                if (trimmed.Length == 0 || trimmed[0] == '#') continue;
                var pattern = GlobPattern.Compile(trimmed, GlobOptions.NpmIgnore);
                if (budget is not null && !budget.Admit(pattern, item)) continue;
                rules.Add(new NpmIgnoreRule(pattern, origin));
            }
        }
        if (budget is not null) skipped?.AddRange(budget.Skipped);
        return rules;
    }
}
