namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// <c>Password=…</c> / <c>Pwd=…</c> inside an ADO.NET-style connection string: only when the same string also has a
/// connection key (<c>Server=</c>, <c>Data Source=</c>, <c>Host=</c>, <c>User Id=</c>…), so a form field named
/// "password" is not a connection string. Parameters (<c>{0}</c>, <c>$(Var)</c>, <c>%VAR%</c>) are placeholders.
/// </summary>
public sealed class ConnectionStringDetector : ISecretDetector
{
    /// <summary>Connection-string keys, lower case without spaces ("Data Source" → "datasource").</summary>
    private static readonly HashSet<string> ConnectionKeys = new(StringComparer.Ordinal)
    {
        "server", "datasource", "host", "hostname", "address", "addr", "initialcatalog", "database", "userid", "uid",
        "user", "username", "accountname", "endpoint", "port",
    };

    public SecretKind Kind => SecretKind.ConnectionStringPassword;
    public IReadOnlyList<string> Keywords { get; } = ["passw", "pwd"]; // "passw" shares the generic rule's sweep

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        // "t.password=e.password" is a property assignment in minified code, never a connection-string key.
        if (hit > 0 && (CharClasses.IsAlnum(text[hit - 1]) || text[hit - 1] is '_' or '.' or '$')) return false;
        int i;
        if (text[hit..].StartsWith("password", StringComparison.OrdinalIgnoreCase)) i = hit + 8;
        else if (text[hit..].StartsWith("pwd", StringComparison.OrdinalIgnoreCase)) i = hit + 3;
        else return false;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length || text[i] != '=' || (i + 1 < text.Length && text[i + 1] is '=' or '>')) return false;
        i++;
        while (i < text.Length && text[i] == ' ') i++;
        var quote = i < text.Length && text[i] is '\'' ? text[i] : '\0';
        if (quote != '\0') i++;
        var start = i;
        while (i < text.Length && i - start < 256 && text[i] is not (';' or '\r' or '\n' or '"' or '`')
               && (quote == '\0' ? text[i] is not ('\'' or ' ' or '<') : text[i] != quote)) i++;
        var value = text.Slice(start, i - start);
        if (value.Length < 4 || value[0] is '{' or '$' or '%' or '[' or '*' || IsSqlParameter(value) || Placeholders.IsPlaceholder(value)) return false;
        if (IsStopWord(value) || Placeholders.NamesItself(value) || IsMemberRead(value)) return false;
        if (!HasConnectionKey(text, hit, i)) return false;
        candidate = new SecretCandidate(hit, i, start, i);
        return true;
    }

    /// <summary>
    /// <c>@password</c>, <c>@pwd</c>, <c>@p0</c>: a SQL parameter standing for the value. A password that merely starts
    /// with '@' (<c>@Xk29…</c>) has digits in a longer body.
    /// </summary>
    private static bool IsSqlParameter(ReadOnlySpan<char> value)
    {
        if (value[0] != '@') return false;
        var name = value[1..];
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        var digits = false;
        foreach (var c in name)
        {
            if (char.IsAsciiDigit(c)) digits = true;
            else if (!(char.IsAsciiLetter(c) || c == '_')) return false;
        }
        return !digits || name.Length <= 3;
    }

    /// <summary><c>e.password),t.port=…</c>: a dotted identifier path ending the expression, not a literal.</summary>
    private static bool IsMemberRead(ReadOnlySpan<char> value)
    {
        var i = 0;
        var dots = 0;
        while (true)
        {
            if (i >= value.Length || !(char.IsAsciiLetter(value[i]) || value[i] is '_' or '$')) return false;
            while (i < value.Length && (CharClasses.IsAlnum(value[i]) || value[i] is '_' or '$')) i++;
            if (i < value.Length && value[i] == '.') { dots++; i++; continue; }
            return dots > 0 && (i == value.Length || value[i] is ')' or ',' or '}' or ']');
        }
    }

    private static bool IsStopWord(ReadOnlySpan<char> v) =>
        v.Equals("password", StringComparison.OrdinalIgnoreCase) || v.Equals("pass", StringComparison.OrdinalIgnoreCase)
        || v.Equals("passwd", StringComparison.OrdinalIgnoreCase) || v.Equals("secret", StringComparison.OrdinalIgnoreCase)
        || v.Equals("mypassword", StringComparison.OrdinalIgnoreCase) || v.Equals("yourpassword", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Another connection-string key in the same string (bounded look back and ahead on the line). Visits only the
    /// '=' signs of the segment, so a line dense with "password" words costs little.
    /// </summary>
    private static bool HasConnectionKey(ReadOnlySpan<char> text, int hit, int valueEnd)
    {
        var from = hit;
        while (from > 0 && hit - from < 200 && text[from - 1] is not ('\n' or '"' or '`')) from--;
        var to = valueEnd;
        while (to < text.Length && to - valueEnd < 200 && text[to] is not ('\n' or '"' or '`')) to++;
        var segment = text.Slice(from, to - from);
        if (!segment.Contains(';')) return false;
        Span<char> key = stackalloc char[24];
        var at = 0;
        while (true)
        {
            var eq = segment[at..].IndexOf('=');
            if (eq < 0) return false;
            eq += at;
            var n = 0;
            var j = eq - 1;
            while (j >= 0 && n < key.Length && (char.IsAsciiLetter(segment[j]) || segment[j] == ' '))
            {
                if (segment[j] != ' ') key[n++] = char.ToLowerInvariant(segment[j]);
                j--;
            }
            key[..n].Reverse();
            if (n > 0 && ConnectionKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key[..n])) return true;
            at = eq + 1;
        }
    }
}
