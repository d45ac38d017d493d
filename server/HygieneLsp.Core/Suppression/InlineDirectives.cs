namespace HygieneLsp.Core.Suppression;

/// <summary>
/// Reads <c>hygiene-ignore-line [rules]</c> and <c>hygiene-ignore-next-line [rules]</c> from a line, in any comment
/// syntax (<c>//</c>, <c>#</c>, <c>/* */</c>, <c>&lt;!-- --&gt;</c>, <c>;</c>, <c>--</c>). Rules are ids, <c>category/*</c>
/// or a bare category, separated by spaces or commas; none means every rule. Text after <c>--</c> is a reason.
/// </summary>
public static class InlineDirectives
{
    public const string IgnoreLine = "hygiene-ignore-line";
    public const string IgnoreNextLine = "hygiene-ignore-next-line";

    private static readonly string[] Openers = ["//", "#", "/*", "<!--", ";", "--"];

    /// <summary>True when <paramref name="line"/> holds <paramref name="directive"/> in a comment, covering <paramref name="ruleId"/>.</summary>
    public static bool Covers(ReadOnlySpan<char> line, string directive, string ruleId)
    {
        var at = line.IndexOf(directive, StringComparison.Ordinal);
        if (at < 0) return false;
        var end = at + directive.Length;
        if (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not ('*' or '-' or ',')) return false; // a longer word
        var before = line[..at];
        var inComment = false;
        foreach (var o in Openers) if (before.Contains(o, StringComparison.Ordinal)) { inComment = true; break; }
        if (!inComment) return false;
        var rest = line[end..];
        var close = rest.IndexOf("*/", StringComparison.Ordinal);
        if (close >= 0) rest = rest[..close];
        close = rest.IndexOf("-->", StringComparison.Ordinal);
        if (close >= 0) rest = rest[..close];
        var any = false;
        foreach (var range in rest.SplitAny(' ', '\t', ','))
        {
            var token = rest[range].Trim();
            if (token.IsEmpty) continue;
            if (token.SequenceEqual("--")) break;
            any = true;
            if (Matches(token, ruleId)) return true;
        }
        return !any;
    }

    private static bool Matches(ReadOnlySpan<char> token, string ruleId)
    {
        if (token.Equals(ruleId, StringComparison.Ordinal)) return true;
        if (token.EndsWith("/*") && ruleId.AsSpan().StartsWith(token[..^1], StringComparison.Ordinal)) return true;
        return !token.Contains('/') && ruleId.Length > token.Length && ruleId[token.Length] == '/' && ruleId.AsSpan().StartsWith(token, StringComparison.Ordinal);
    }
}
