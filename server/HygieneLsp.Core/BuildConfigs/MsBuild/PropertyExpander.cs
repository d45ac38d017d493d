using System.Text;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>
/// Expands $(Name) references and MSBuild %XX escapes. Property functions ($([...]), $(X.Method())), item lists
/// @(...) and metadata %(...) are not evaluated: they make the result unknown rather than wrong.
/// </summary>
public static class PropertyExpander
{
    /// <summary>
    /// A value is cut here and unknown: `&lt;D&gt;$(D)$(D)&lt;/D&gt;` written thirty times would double to a billion characters.
    /// </summary>
    public const int MaxValueLength = 1 << 20;

    public static (string Value, bool Unknown) Expand(string text, PropertyTable properties)
    {
        if (text.IndexOf('$') < 0 && text.IndexOf('%') < 0 && text.IndexOf('@') < 0) return (text, false);
        var sb = new StringBuilder(text.Length);
        var unknown = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '$' || c == '@' || c == '%') && i + 1 < text.Length && text[i + 1] == '(')
            {
                var close = MatchingParen(text, i + 1);
                if (close < 0) { sb.Append(text, i, text.Length - i); break; }
                var inner = text[(i + 2)..close].Trim();
                if (c == '$' && IsIdentifier(inner))
                {
                    var (value, u) = properties.Lookup(inner);
                    if (sb.Length + value.Length > MaxValueLength) return (sb.ToString(), true);
                    sb.Append(value);
                    unknown |= u;
                }
                else
                {
                    unknown = true;
                    sb.Append(text, i, close - i + 1);
                }
                i = close;
            }
            else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                sb.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                sb.Append(c);
            }
        }
        return (sb.ToString(), unknown);
    }

    private static int MatchingParen(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == '-');

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
