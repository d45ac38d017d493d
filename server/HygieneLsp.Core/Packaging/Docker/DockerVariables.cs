using System.Text;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Build-time variable substitution as BuildKit applies it to FROM, COPY, ADD, WORKDIR, ENV and ARG words: `$NAME`,
/// `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`; an unknown name expands to
/// nothing, an escaped `$` stays literal. Values given on the command line (`--build-arg`) are unknown here: ARG
/// defaults stand for them.
/// </summary>
public static class DockerVariables
{
    public static string Expand(string text, IReadOnlyDictionary<string, string?> values, char escape = '\\')
    {
        if (!text.Contains('$')) return text;
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == escape && i + 1 < text.Length && text[i + 1] == '$') { sb.Append('$'); i++; continue; }
            if (c != '$' || i + 1 >= text.Length) { sb.Append(c); continue; }
            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0) { sb.Append(text[i..]); break; }
                sb.Append(Braced(text[(i + 2)..close], values, escape));
                i = close;
            }
            else if (IsNameStart(text[i + 1]))
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_')) j++;
                sb.Append(Lookup(values, text[(i + 1)..j]) ?? "");
                i = j - 1;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The names a text refers to (`$X`, `${X}`, `${X:-...}`).</summary>
    public static IEnumerable<string> Referenced(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '$') continue;
            var j = text[i + 1] == '{' ? i + 2 : i + 1;
            var k = j;
            while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] == '_')) k++;
            if (k > j && IsNameStart(text[j])) yield return text[j..k];
        }
    }

    private static string Braced(string inner, IReadOnlyDictionary<string, string?> values, char escape)
    {
        var n = 0;
        while (n < inner.Length && (char.IsLetterOrDigit(inner[n]) || inner[n] == '_')) n++;
        var name = inner[..n];
        var value = Lookup(values, name);
        var op = inner[n..];
        if (op.StartsWith(":-", StringComparison.Ordinal)) return string.IsNullOrEmpty(value) ? Expand(op[2..], values, escape) : value;
        if (op.StartsWith('-')) return value ?? Expand(op[1..], values, escape);
        if (op.StartsWith(":+", StringComparison.Ordinal)) return string.IsNullOrEmpty(value) ? "" : Expand(op[2..], values, escape);
        if (op.StartsWith('+')) return value is null ? "" : Expand(op[1..], values, escape);
        return value ?? "";
    }

    private static string? Lookup(IReadOnlyDictionary<string, string?> values, string name) => values.TryGetValue(name, out var v) ? v : null;

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';
}
