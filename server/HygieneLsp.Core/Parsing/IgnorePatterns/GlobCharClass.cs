using System.Text;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// Parses a `[...]` class the way minimatch does: `!`/`^` negation, ranges (reversed ones dropped), POSIX classes as
/// Unicode categories, a one-character class as that literal, an unterminated `[` as a literal.
/// </summary>
internal static class GlobCharClass
{
    private static readonly (string Name, string Translation, bool Negated)[] PosixClasses =
    [
        ("[:alnum:]", @"\p{L}\p{Nl}\p{Nd}", false),
        ("[:alpha:]", @"\p{L}\p{Nl}", false),
        ("[:ascii:]", @"\x00-\x7f", false),
        ("[:blank:]", @"\p{Zs}\t", false),
        ("[:cntrl:]", @"\p{Cc}", false),
        ("[:digit:]", @"\p{Nd}", false),
        ("[:graph:]", @"\p{Z}\p{C}", true),
        ("[:lower:]", @"\p{Ll}", false),
        ("[:print:]", @"\p{C}", false),
        ("[:punct:]", @"\p{P}", false),
        ("[:space:]", @"\p{Z}\t\r\n\v\f", false),
        ("[:upper:]", @"\p{Lu}", false),
        ("[:word:]", @"\p{L}\p{Nl}\p{Nd}\p{Pc}", false),
        ("[:xdigit:]", "A-Fa-f0-9", false),
    ];

    /// <summary>Never matches: a class that can match nothing poisons the whole segment.</summary>
    public const string NoMatch = "(?!)";

    private static string BraceEscape(char c) => c is '[' or ']' or '\\' or '-' ? "\\" + c : c.ToString();

    /// <summary>Returns the regex source, how many characters were consumed (0 = not a class) and whether it is magic.</summary>
    public static (string Source, int Consumed, bool Magic) Parse(string glob, int position)
    {
        var pos = position;
        var ranges = new List<string>();
        var negs = new List<string>();
        var i = pos + 1;
        var sawStart = false;
        var escaping = false;
        var negate = false;
        var endPos = pos;
        char? rangeStart = null;
        while (i < glob.Length)
        {
            var c = glob[i];
            if (c is '!' or '^' && i == pos + 1)
            {
                negate = true;
                i++;
                continue;
            }
            if (c == ']' && sawStart && !escaping)
            {
                endPos = i + 1;
                break;
            }
            sawStart = true;
            if (c == '\\' && !escaping)
            {
                escaping = true;
                i++;
                continue;
            }
            if (c == '[' && !escaping)
            {
                var matched = false;
                foreach (var (name, translation, neg) in PosixClasses)
                {
                    if (!glob.AsSpan(i).StartsWith(name, StringComparison.Ordinal)) continue;
                    if (rangeStart is not null) return (NoMatch, glob.Length - pos, true);
                    i += name.Length;
                    (neg ? negs : ranges).Add(translation);
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            escaping = false;
            if (rangeStart is { } rs)
            {
                if (c > rs) ranges.Add(BraceEscape(rs) + "-" + BraceEscape(c));
                else if (c == rs) ranges.Add(BraceEscape(c));
                rangeStart = null;
                i++;
                continue;
            }
            if (i + 2 < glob.Length && glob[i + 1] == '-' && glob[i + 2] == ']')
            {
                ranges.Add(BraceEscape(c) + BraceEscape('-'));
                i += 2;
                continue;
            }
            if (i + 1 < glob.Length && glob[i + 1] == '-')
            {
                rangeStart = c;
                i += 2;
                continue;
            }
            ranges.Add(BraceEscape(c));
            i++;
        }
        if (endPos < i) return ("", 0, false);
        if (ranges.Count == 0 && negs.Count == 0) return (NoMatch, glob.Length - pos, true);
        if (negs.Count == 0 && ranges.Count == 1 && !negate && IsSingleChar(ranges[0]))
        {
            var r = ranges[0].Length == 2 ? ranges[0][1] : ranges[0][0];
            return (GlobEscapes.RegexEscape(r), endPos - pos, false);
        }
        var sranges = "[" + (negate ? "^" : "") + string.Concat(ranges) + "]";
        var snegs = "[" + (negate ? "" : "^") + string.Concat(negs) + "]";
        var comb = ranges.Count > 0 && negs.Count > 0 ? "(" + sranges + "|" + snegs + ")"
            : ranges.Count > 0 ? sranges
            : snegs;
        return (comb, endPos - pos, true);
    }

    // /^\\?.$/ : one character, optionally escaped (JS '.' excludes line terminators).
    private static bool IsSingleChar(string s) =>
        (s.Length == 1 && !IsLineTerminator(s[0])) || (s.Length == 2 && s[0] == '\\' && !IsLineTerminator(s[1]));

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';
}
