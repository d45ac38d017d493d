using System.Text;
using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// One cleaned pattern of moby/patternmatcher (what `.dockerignore` lines and `COPY --exclude` become), compiled the
/// way patternmatcher compiles it: an exact string, a prefix (`dir/**`), a suffix (anything starting with `**`,
/// which patternmatcher then compares as a plain suffix, even `**foo`), or a regular expression where `*` and `?`
/// stop at `/` and `**/` spans any number of folders. Go's regexp escapes are mapped to .NET's one by one.
/// </summary>
public sealed class DockerPattern
{
    private enum Kind { Exact, Prefix, Suffix, Regex, Bad }

    private readonly Kind _kind;
    private readonly Regex? _regex;

    internal DockerPattern(string cleaned, bool exclusion)
    {
        Cleaned = cleaned;
        Exclusion = exclusion;
        Dirs = cleaned.Split('/');
        (_kind, _regex) = Compile(cleaned);
    }

    /// <summary>The pattern after `filepath.Clean`, without its `!`.</summary>
    public string Cleaned { get; }

    /// <summary>True for a `!` exception (re-includes what earlier lines excluded).</summary>
    public bool Exclusion { get; }

    internal string[] Dirs { get; }

    /// <summary>False when Go's regexp would reject the compiled form: matching then fails the build.</summary>
    public bool IsUsable => _kind != Kind.Bad;

    public bool Match(string path) => _kind switch
    {
        Kind.Exact => path == Cleaned,
        Kind.Prefix => path.StartsWith(Cleaned[..^2], StringComparison.Ordinal),
        Kind.Suffix => path.EndsWith(Cleaned[2..], StringComparison.Ordinal) || (Cleaned[2..] is { Length: > 0 } suffix && suffix[0] == '/' && path == suffix[1..]),
        Kind.Regex => _regex!.IsMatch(path),
        _ => false,
    };

    private static (Kind, Regex?) Compile(string pattern)
    {
        var reg = new StringBuilder("^");
        var kind = Kind.Exact;
        var inClass = false;
        var i = 0;
        for (var p = 0; p < pattern.Length; i++)
        {
            var ch = pattern[p++];
            if (ch == '*')
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    p++;
                    if (p < pattern.Length && pattern[p] == '/') p++;
                    if (p == pattern.Length)
                    {
                        if (kind == Kind.Exact) kind = Kind.Prefix;
                        else { reg.Append(".*"); kind = Kind.Regex; }
                    }
                    else
                    {
                        reg.Append("(.*/)?");
                        kind = Kind.Regex;
                    }
                    if (i == 0) kind = Kind.Suffix;
                }
                else
                {
                    reg.Append("[^/]*");
                    kind = Kind.Regex;
                }
            }
            else if (ch == '?')
            {
                reg.Append("[^/]");
                kind = Kind.Regex;
            }
            else if (".+()|{}$".Contains(ch))
            {
                reg.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                if (p < pattern.Length)
                {
                    if (GoEscape(pattern[p++], inClass) is not { } translated) return (Kind.Bad, null);
                    reg.Append(translated);
                    kind = Kind.Regex;
                }
                else reg.Append("\\\\");
            }
            else if (ch is '[' or ']')
            {
                inClass = ch == '[' || (inClass && ch != ']');
                reg.Append(ch);
                kind = Kind.Regex;
            }
            else reg.Append(ch);
        }
        if (kind != Kind.Regex) return (kind, null);
        reg.Append('$');
        try { return (Kind.Regex, new Regex(reg.ToString(), RegexOptions.CultureInvariant)); }
        catch (ArgumentException) { return (Kind.Bad, null); }
    }

    /// <summary>`\x` as Go's regexp reads it: punctuation is literal, a few letters are classes or controls, the rest is an error.</summary>
    private static string? GoEscape(char c, bool inClass)
    {
        if (c < 128 && !char.IsLetterOrDigit(c)) return "\\" + c;
        string Cls(string body) => inClass ? body : "[" + body + "]";
        return c switch
        {
            'd' => Cls("0-9"),
            'w' => Cls("0-9A-Za-z_"),
            's' => Cls("\\t\\n\\f\\r "),
            'D' => inClass ? null : "[^0-9]",
            'W' => inClass ? null : "[^0-9A-Za-z_]",
            'S' => inClass ? null : "[^\\t\\n\\f\\r ]",
            't' => "\\t", 'n' => "\\n", 'r' => "\\r", 'f' => "\\f", 'v' => "\\v", 'a' => "\\a",
            _ => null, // \b \B \A \z \Q \x \p and octal are left out: never seen in an ignore file, and not worth guessing
        };
    }
}
