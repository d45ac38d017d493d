using System.Text;
using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>Escaping helpers with minimatch's character sets, emitting .NET regex syntax.</summary>
internal static class GlobEscapes
{
    // A JavaScript '.' (no s flag): anything but line terminators.
    private const string JsDot = @"[^\n\r\u2028\u2029]";
    private static readonly Regex BracketedSingle = new(@"((?!\\)" + JsDot + @"|^)\[([^/\\])\]", RegexOptions.CultureInvariant);
    private static readonly Regex BackslashEscape = new(@"\\([^/])", RegexOptions.CultureInvariant);

    /// <summary>Characters a backslash keeps escaped in a glob (minimatch's reSpecials).</summary>
    public static bool IsRegexSpecial(char c) => "().*{}+?[]^$\\!".IndexOf(c) >= 0;

    /// <summary>JavaScript's `\s` set.</summary>
    public static bool IsJsWhitespace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680' or '\u2028' or '\u2029' or '\u202f'
            or '\u205f' or '\u3000' or '\ufeff' || c is >= '\u2000' and <= '\u200a';

    /// <summary>minimatch's regExpEscape for one character.</summary>
    public static string RegexEscape(char c)
    {
        // Whitespace gets a backslash as in JavaScript; .NET reads `\` before a non-word character as that character.
        if (IsJsWhitespace(c)) return "\\" + c;
        return "-[]{}()*+?.,\\^$|#".IndexOf(c) >= 0 ? "\\" + c : c.ToString();
    }

    public static string RegexEscape(string s)
    {
        var sb = new StringBuilder(s.Length * 2);
        foreach (var c in s) sb.Append(RegexEscape(c));
        return sb.ToString();
    }

    /// <summary>minimatch's unescape: `[x]` → `x`, `\x` → `x` (slashes stay).</summary>
    public static string Unescape(string s) =>
        BackslashEscape.Replace(BracketedSingle.Replace(s, "$1$2"), "$1");

    /// <summary>JavaScript's String.prototype.trim (which, unlike .NET, trims U+FEFF and not U+0085).</summary>
    public static string JsTrim(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsJsWhitespace(s[start])) start++;
        while (end > start && IsJsWhitespace(s[end - 1])) end--;
        return start == 0 && end == s.Length ? s : s[start..end];
    }
}
