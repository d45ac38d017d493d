using System.Globalization;
using System.Text;

namespace HygieneLsp.Core.Parsing.JsConfig;

/// <summary>
/// Splits JS/TS source into tokens with exact ranges. Never throws and always advances: anything it does not
/// understand becomes an <see cref="JsTokenKind.Invalid"/> token (a run of such characters is one token), an
/// unterminated string/comment/template ends at the end of the text. Regex-versus-division is decided from the
/// previous token, as a parser would. At most <see cref="MaxTokens"/> tokens are made: the rest of the text is not
/// read (each token costs about 100 bytes with its parse; 4 MB of stray punctuation was half a gigabyte).
/// </summary>
public static class JsTokenizer
{
    private static readonly string[] Punctuators =
    [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
        "**", "<<", ">>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".", "@",
    ];

    private static readonly HashSet<string> RegexAfterWords =
    [
        "return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await", "else", "do",
    ];

    /// <summary>Far above any config or manifest (a 1 MB package.json has about 120,000), far below what memory allows.</summary>
    public const int MaxTokens = 500_000;

    public static List<JsToken> Tokenize(string text) => Tokenize(text, out _);

    /// <param name="truncated">True when the text held more than <see cref="MaxTokens"/> tokens and the rest was not read.</param>
    public static List<JsToken> Tokenize(string text, out bool truncated)
    {
        truncated = false;
        var tokens = new List<JsToken>();
        // true entries mark a '{' that opened a template substitution; its '}' resumes the template.
        var braces = new Stack<bool>();
        var i = 0;
        var newLine = false;
        if (text.StartsWith("#!", StringComparison.Ordinal)) i = SkipLine(text, 0);
        while (true)
        {
            i = SkipTrivia(text, i, ref newLine);
            if (i < text.Length && tokens.Count >= MaxTokens)
            {
                truncated = true;
                tokens.Add(new JsToken(JsTokenKind.EndOfFile, i, i, "", newLine));
                return tokens;
            }
            if (i >= text.Length)
            {
                tokens.Add(new JsToken(JsTokenKind.EndOfFile, text.Length, text.Length, "", newLine));
                return tokens;
            }
            var c = text[i];
            JsToken token;
            if (c == '"' || c == '\'') token = ScanString(text, i, newLine);
            else if (c == '`')
            {
                token = ScanTemplate(text, i + 1, i, newLine, head: true);
                if (token.Kind == JsTokenKind.TemplateHead) braces.Push(true);
            }
            else if (c == '}' && braces.Count > 0 && braces.Peek())
            {
                braces.Pop();
                token = ScanTemplate(text, i + 1, i, newLine, head: false);
                if (token.Kind == JsTokenKind.TemplateMiddle) braces.Push(true);
            }
            else if (IsDigit(c) || (c == '.' && i + 1 < text.Length && IsDigit(text[i + 1]))) token = ScanNumber(text, i, newLine);
            else if (IsIdentifierStart(c)) token = ScanIdentifier(text, i, newLine);
            else if (c == '/' && RegexAllowed(tokens)) token = ScanRegex(text, i, newLine);
            else
            {
                token = ScanPunctuator(text, i, newLine);
                if (token.Is("{")) braces.Push(false);
                else if (token.Is("}") && braces.Count > 0) braces.Pop();
            }
            tokens.Add(token);
            i = token.End;
            newLine = false;
        }
    }

    private static int SkipLine(string text, int i)
    {
        while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
        return i;
    }

    private static int SkipTrivia(string text, int i, ref bool newLine)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') { newLine = true; i++; }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF') i++;
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/') i = SkipLine(text, i);
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 2;
                if (text.AsSpan(i, stop - i).IndexOfAny('\n', '\r') >= 0) newLine = true;
                i = stop;
            }
            else break;
        }
        return i;
    }

    private static bool RegexAllowed(List<JsToken> tokens)
    {
        if (tokens.Count == 0) return true;
        var prev = tokens[^1];
        return prev.Kind switch
        {
            JsTokenKind.Punctuator => prev.Value is not (")" or "]" or "}" or "++" or "--"),
            JsTokenKind.Identifier => RegexAfterWords.Contains(prev.Value),
            JsTokenKind.TemplateHead or JsTokenKind.TemplateMiddle or JsTokenKind.Invalid => true,
            _ => false,
        };
    }

    private static JsToken ScanString(string text, int start, bool newLine)
    {
        var quote = text[start];
        var sb = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote) return new JsToken(JsTokenKind.String, start, i + 1, sb.ToString(), newLine);
            if (c == '\n' || c == '\r') break;
            if (c == '\\') { i = ReadEscape(text, i, sb); continue; }
            sb.Append(c);
            i++;
        }
        return new JsToken(JsTokenKind.String, start, i, sb.ToString(), newLine, Unterminated: true);
    }

    /// <summary>Scans template text after a backtick (head) or a substitution's '}' up to '${' or the closing backtick.</summary>
    private static JsToken ScanTemplate(string text, int i, int start, bool newLine, bool head)
    {
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
                return new JsToken(head ? JsTokenKind.Template : JsTokenKind.TemplateTail, start, i + 1, sb.ToString(), newLine);
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                return new JsToken(head ? JsTokenKind.TemplateHead : JsTokenKind.TemplateMiddle, start, i + 2, sb.ToString(), newLine);
            if (c == '\\') { i = ReadEscape(text, i, sb); continue; }
            sb.Append(c);
            i++;
        }
        return new JsToken(head ? JsTokenKind.Template : JsTokenKind.TemplateTail, start, i, sb.ToString(), newLine, Unterminated: true);
    }

    private static int ReadEscape(string text, int i, StringBuilder sb)
    {
        if (i + 1 >= text.Length) return i + 1;
        var e = text[i + 1];
        switch (e)
        {
            case 'n': sb.Append('\n'); return i + 2;
            case 't': sb.Append('\t'); return i + 2;
            case 'r': sb.Append('\r'); return i + 2;
            case 'b': sb.Append('\b'); return i + 2;
            case 'f': sb.Append('\f'); return i + 2;
            case 'v': sb.Append('\v'); return i + 2;
            case '0' when !(i + 2 < text.Length && IsDigit(text[i + 2])): sb.Append('\0'); return i + 2;
            case '\r': return i + 2 < text.Length && text[i + 2] == '\n' ? i + 3 : i + 2;
            case '\n': return i + 2;
            case 'x' when i + 3 < text.Length && IsHex(text[i + 2]) && IsHex(text[i + 3]):
                sb.Append((char)int.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                return i + 4;
            case 'u':
                if (i + 2 < text.Length && text[i + 2] == '{')
                {
                    var close = text.IndexOf('}', i + 3);
                    if (close > i + 3 && close - i - 3 <= 6 &&
                        int.TryParse(text.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) &&
                        cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF))
                    {
                        sb.Append(char.ConvertFromUtf32(cp));
                        return close + 1;
                    }
                    return i + 2;
                }
                if (i + 5 < text.Length &&
                    int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var u))
                {
                    sb.Append((char)u);
                    return i + 6;
                }
                return i + 2;
            default: sb.Append(e); return i + 2;
        }
    }

    private static JsToken ScanNumber(string text, int start, bool newLine)
    {
        var i = start;
        if (text[i] == '0' && i + 1 < text.Length && "xXoObB".Contains(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && (IsHex(text[i]) || text[i] == '_')) i++;
        }
        else
        {
            while (i < text.Length && (IsDigit(text[i]) || text[i] == '_')) i++;
            if (i < text.Length && text[i] == '.') { i++; while (i < text.Length && (IsDigit(text[i]) || text[i] == '_')) i++; }
            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                var j = i + 1;
                if (j < text.Length && (text[j] == '+' || text[j] == '-')) j++;
                if (j < text.Length && IsDigit(text[j])) { i = j; while (i < text.Length && IsDigit(text[i])) i++; }
            }
        }
        if (i < text.Length && text[i] == 'n') i++;
        return new JsToken(JsTokenKind.Number, start, i, text[start..i].Replace("_", ""), newLine);
    }

    private static JsToken ScanIdentifier(string text, int start, bool newLine)
    {
        var i = start + 1;
        while (i < text.Length && IsIdentifierPart(text[i])) i++;
        return new JsToken(JsTokenKind.Identifier, start, i, text[start..i], newLine);
    }

    private static JsToken ScanRegex(string text, int start, bool newLine)
    {
        var i = start + 1;
        var inClass = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r') break;
            if (c == '\\') { i += 2; continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass)
            {
                i++;
                while (i < text.Length && IsIdentifierPart(text[i])) i++;
                return new JsToken(JsTokenKind.Regex, start, i, text[start..i], newLine);
            }
            i++;
        }
        i = Math.Min(i, text.Length);
        return new JsToken(JsTokenKind.Regex, start, i, text[start..i], newLine, Unterminated: true);
    }

    private static JsToken ScanPunctuator(string text, int start, bool newLine)
    {
        foreach (var p in Punctuators)
        {
            if (string.CompareOrdinal(text, start, p, 0, p.Length) != 0) continue;
            // `a?.5:b` is a conditional, not optional chaining.
            if (p == "?." && start + 2 < text.Length && IsDigit(text[start + 2])) continue;
            return new JsToken(JsTokenKind.Punctuator, start, start + p.Length, p, newLine);
        }
        // Characters no token starts with (a backslash, control characters, stray symbols): a run of them is one invalid token.
        var end = start;
        do end += char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
        while (end < text.Length && end - start < 4096 && StartsNoToken(text[end]));
        return new JsToken(JsTokenKind.Invalid, start, end, text.Substring(start, end - start), newLine);
    }

    private static readonly System.Buffers.SearchValues<char> PunctuatorStarts = System.Buffers.SearchValues.Create(Punctuators.Select(p => p[0]).Distinct().ToArray());

    /// <summary>A character that begins no token and no trivia: it can only be part of an invalid run.</summary>
    private static bool StartsNoToken(char c) =>
        !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '`' or '\uFEFF' or '\u2028' or '\u2029') && !IsDigit(c) && !IsIdentifierStart(c)
        && !PunctuatorStarts.Contains(c) && !char.IsSurrogate(c);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
    private static bool IsHex(char c) => IsDigit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';
    private static bool IsIdentifierStart(char c) => c == '$' || c == '_' || c == '#' || char.IsLetter(c);
    private static bool IsIdentifierPart(char c) => c == '$' || c == '_' || char.IsLetterOrDigit(c) || c == '\u200C' || c == '\u200D';
}
