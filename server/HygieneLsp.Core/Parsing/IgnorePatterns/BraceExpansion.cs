using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// Bash-style brace expansion with the exact rules of the brace-expansion package minimatch uses
/// (`a{b,c}d`, `{1..3}`, `{a..e..2}`, nested sets, escapes, the leading `{}` quirk), bounded in count and length.
/// </summary>
public static class BraceExpansion
{
    /// <summary>One past the most alternatives a pattern may have (<see cref="GlobPattern.MaxAlternatives"/>): expanding stops there.</summary>
    public const int MaxExpansions = GlobPattern.MaxAlternatives + 1;
    public const int MaxTotalLength = 4_000_000;

    // Private-use placeholders stand in for escaped characters while expanding (the package uses random NUL-wrapped tokens).
    private const string EscSlash = "\uE000S\uE000";
    private const string EscOpen = "\uE000O\uE000";
    private const string EscClose = "\uE000C\uE000";
    private const string EscComma = "\uE000M\uE000";
    private const string EscPeriod = "\uE000P\uE000";

    private static readonly Regex NumericSequence = new(@"^-?\d+\.\.-?\d+(?:\.\.-?\d+)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex AlphaSequence = new(@"^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?\z", RegexOptions.CultureInvariant);

    /// <summary>minimatch's braceExpand: returns the pattern itself when it has no brace set worth expanding.</summary>
    public static IReadOnlyList<string> ExpandPattern(string pattern, bool noBrace)
    {
        if (noBrace || !HasBraceSet(pattern)) return [pattern];
        return Expand(pattern);
    }

    public static List<string> Expand(string str)
    {
        if (string.IsNullOrEmpty(str)) return [];
        if (str.StartsWith("{}", StringComparison.Ordinal)) str = "\\{\\}" + str[2..];
        return ExpandCore(EscapeBraces(str), true).Select(UnescapeBraces).ToList();
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    /// <summary>
    /// /\{(?:(?!\{).)*\}/ in one pass (the regex rescans from every brace: quadratic on a 64 KB pattern): a `{` with a
    /// `}` after it on the same line and no other `{` between.
    /// </summary>
    private static bool HasBraceSet(string s)
    {
        var open = false;
        foreach (var c in s)
        {
            if (c == '{') open = true;
            else if (c == '}' && open) return true;
            else if (IsLineBreak(c)) open = false;
        }
        return false;
    }

    /// <summary>/,(?!,).*\}/ in one pass: a comma not followed by a comma, then a `}` later on the same line.</summary>
    private static bool HasCommaThenClose(string s)
    {
        var armed = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (IsLineBreak(c)) armed = false;
            else if (c == ',' && (i + 1 >= s.Length || s[i + 1] != ',')) armed = true;
            else if (c == '}' && armed) return true;
        }
        return false;
    }

    private static string EscapeBraces(string s) => s
        .Replace("\\\\", EscSlash).Replace("\\{", EscOpen).Replace("\\}", EscClose).Replace("\\,", EscComma).Replace("\\.", EscPeriod);

    private static string UnescapeBraces(string s) => s
        .Replace(EscSlash, "\\").Replace(EscOpen, "{").Replace(EscClose, "}").Replace(EscComma, ",").Replace(EscPeriod, ".");

    private static List<string> Combine(List<string> acc, string pre, List<string> values, bool dropEmpties)
    {
        var output = new List<string>();
        long length = 0;
        foreach (var a in acc)
        {
            foreach (var v in values)
            {
                if (output.Count >= MaxExpansions) return output;
                var expansion = a + pre + v;
                if (dropEmpties && expansion.Length == 0) continue;
                if (length + expansion.Length > MaxTotalLength) return output;
                output.Add(expansion);
                length += expansion.Length;
            }
        }
        return output;
    }

    private static readonly List<string> EmptyValue = [""];

    private static List<string> ExpandCore(string str, bool isTop)
    {
        var acc = new List<string> { "" };
        var dropEmpties = false;
        var firstGroup = true;
        while (true)
        {
            var m = Balanced.Match('{', '}', str);
            if (m is null) return Combine(acc, str, EmptyValue, dropEmpties);
            var (pre, body, post) = m.Value;
            if (pre.EndsWith('$'))
            {
                acc = Combine(acc, pre + "{" + body + "}", EmptyValue, dropEmpties && post.Length == 0);
                firstGroup = false;
                if (post.Length == 0) break;
                str = post;
                continue;
            }
            var isNumeric = NumericSequence.IsMatch(body);
            var isAlpha = AlphaSequence.IsMatch(body);
            var isSequence = isNumeric || isAlpha;
            var isOptions = body.Contains(',');
            if (!isSequence && !isOptions)
            {
                if (HasCommaThenClose(post))
                {
                    str = pre + "{" + body + EscClose + post;
                    isTop = true;
                    continue;
                }
                return Combine(acc, pre + "{" + body + "}" + post, EmptyValue, dropEmpties);
            }
            if (firstGroup)
            {
                dropEmpties = isTop && !isSequence;
                firstGroup = false;
            }
            List<string> values;
            if (isSequence)
            {
                values = ExpandSequence(body, isAlpha);
            }
            else
            {
                var n = ParseCommaParts(body);
                if (n.Count == 1)
                {
                    n = ExpandCore(n[0], false).Select(x => "{" + x + "}").ToList();
                    if (n.Count == 1)
                    {
                        acc = Combine(acc, pre + n[0], EmptyValue, dropEmpties && post.Length == 0);
                        if (post.Length == 0) break;
                        str = post;
                        continue;
                    }
                }
                var dropsEmpties = dropEmpties && post.Length == 0 && pre.Length == 0 && acc.All(a => a.Length == 0);
                values = [];
                long valuesLength = 0;
                foreach (var part in n)
                {
                    var full = false;
                    foreach (var v in ExpandCore(part, false))
                    {
                        if (dropsEmpties && v.Length == 0) continue;
                        if (values.Count >= MaxExpansions || valuesLength + v.Length > MaxTotalLength) { full = true; break; }
                        values.Add(v);
                        valuesLength += v.Length;
                    }
                    if (full) break;
                }
            }
            acc = Combine(acc, pre, values, dropEmpties && post.Length == 0);
            if (post.Length == 0) break;
            str = post;
        }
        return acc;
    }

    private static List<string> ParseCommaParts(string str)
    {
        if (str.Length == 0) return [""];
        var m = Balanced.Match('{', '}', str);
        if (m is null) return str.Split(',').ToList();
        var (pre, body, post) = m.Value;
        var p = pre.Split(',').ToList();
        p[^1] += "{" + body + "}";
        var postParts = ParseCommaParts(post);
        if (post.Length > 0)
        {
            p[^1] += postParts[0];
            p.AddRange(postParts.Skip(1));
        }
        return p;
    }

    private static List<string> ExpandSequence(string body, bool isAlpha)
    {
        var n = body.Split("..");
        var result = new List<string>();
        var x = Numeric(n[0]);
        var y = Numeric(n[1]);
        var width = Math.Max(n[0].Length, n[1].Length);
        long incr = n.Length == 3 ? Math.Max(Math.Abs(Numeric(n[2])), 1) : 1;
        var reverse = y < x;
        if (reverse) incr = -incr;
        var pad = n.Any(e => e.Length >= 2 && (e[0] == '0' && char.IsAsciiDigit(e[1]) || e[0] == '-' && e.Length >= 3 && e[1] == '0' && char.IsAsciiDigit(e[2])));
        long length = 0;
        for (var i = x; (reverse ? i >= y : i <= y) && result.Count < MaxExpansions; i += incr)
        {
            string c;
            if (isAlpha)
            {
                c = ((char)i).ToString();
                if (c == "\\") c = "";
            }
            else
            {
                c = i.ToString(CultureInfo.InvariantCulture);
                if (pad)
                {
                    var need = width - c.Length;
                    if (need > 0)
                    {
                        var z = new string('0', need);
                        c = i < 0 ? "-" + z + c[1..] : z + c;
                    }
                }
            }
            if (length + c.Length > MaxTotalLength) break;
            result.Add(c);
            length += c.Length;
        }
        return result;
    }

    // JS: !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0)
    private static long Numeric(string s) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : s.Length > 0 ? s[0] : 0;

    /// <summary>The balanced-match package: the first balanced pair of delimiters, with the text before, inside and after.</summary>
    private static class Balanced
    {
        public static (string Pre, string Body, string Post)? Match(char a, char b, string str)
        {
            var r = Range(a, b, str);
            if (r is null) return null;
            var (start, end) = r.Value;
            return (str[..start], str[(start + 1)..end], str[(end + 1)..]);
        }

        private static (int, int)? Range(char a, char b, string str)
        {
            var ai = str.IndexOf(a);
            var bi = ai + 1 <= str.Length ? str.IndexOf(b, ai + 1) : -1;
            var i = ai;
            (int, int)? result = null;
            if (ai >= 0 && bi > 0)
            {
                var begs = new Stack<int>();
                var left = str.Length;
                int? right = null;
                while (i >= 0 && result is null)
                {
                    if (i == ai)
                    {
                        begs.Push(i);
                        ai = i + 1 <= str.Length ? str.IndexOf(a, i + 1) : -1;
                    }
                    else if (begs.Count == 1)
                    {
                        result = (begs.Pop(), bi);
                    }
                    else
                    {
                        if (begs.TryPop(out var beg) && beg < left)
                        {
                            left = beg;
                            right = bi;
                        }
                        bi = i + 1 <= str.Length ? str.IndexOf(b, i + 1) : -1;
                    }
                    i = ai < bi && ai >= 0 ? ai : bi;
                }
                if (begs.Count > 0 && right is not null) result = (left, right.Value);
            }
            return result;
        }
    }
}
