namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// <c>scheme://user:password@host</c>. Documentation forms (<c>user:password@</c>, <c>:pass@</c>, <c>${PASS}</c>,
/// <c>&lt;password&gt;</c>, <c>****</c>, a password that says it is one such as <c>randompassword</c>, a field name such as
/// <c>AuthToken</c>), anonymous logins and documentation hosts (<c>example.com</c>) are placeholders. The value
/// fingerprinted is the password alone.
/// </summary>
public sealed class UrlCredentialsDetector : ISecretDetector
{
    private static readonly string[] StopWords =
    [
        "password", "pass", "passwd", "pwd", "secret", "pw", "pword", "mypassword", "yourpassword", "userpassword",
        "pa$$word", "p@ssword", "p@ssw0rd", "passw0rd", "token", "apikey", "key", "user", "username", "admin", "root",
        "guest", "test", "demo", "foo", "bar", "baz", "foobar", "hunter2", "letmein", "abc123",
    ];

    public SecretKind Kind => SecretKind.UrlCredentials;
    public IReadOnlyList<string> Keywords { get; } = ["://"];

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        // Scheme: letters before "://" (http, postgres, mongodb+srv, redis, amqp...).
        var s = hit;
        while (s > 0 && hit - s < 20 && (CharClasses.IsAlnum(text[s - 1]) || text[s - 1] is '+' or '.' or '-')) s--;
        if (s == hit || !char.IsAsciiLetter(text[s])) return false;
        var i = hit + 3;
        var userStart = i;
        while (i < text.Length && i - userStart < 128 && IsUserChar(text[i])) i++;
        if (i == userStart || i >= text.Length || text[i] != ':') return false;
        var userEnd = i;
        var passStart = ++i;
        while (i < text.Length && i - passStart < 256 && IsUserChar(text[i])) i++;
        if (i >= text.Length || text[i] != '@' || i + 1 >= text.Length) return false;
        if (!(CharClasses.IsAlnum(text[i + 1]) || text[i + 1] == '[')) return false;
        var password = text.Slice(passStart, i - passStart);
        var user = text.Slice(userStart, userEnd - userStart);
        if (password.Length < 4 || password[0] is '$' or '{' or '%' or ':' or '*') return false;
        if (user[0] is '$' or '{' or '%') return false;
        foreach (var w in StopWords)
            if (password.Equals(w, StringComparison.OrdinalIgnoreCase)) return false;
        if (password.Equals(user, StringComparison.OrdinalIgnoreCase) || Placeholders.IsPlaceholder(password) || Placeholders.NamesItself(password)) return false;
        // Anonymous login (FTP's convention: any password is accepted) and documentation hosts are examples.
        if (user.Equals("anonymous", StringComparison.OrdinalIgnoreCase) || IsDocumentationHost(text, i + 1)) return false;
        candidate = new SecretCandidate(s, i, passStart, i);
        return true;
    }

    /// <summary>
    /// The host after the '@' is a documentation domain (RFC 2606: <c>example.com</c>, <c>.org</c>, <c>.net</c>) or MDN,
    /// whose URL pages use a sample password.
    /// </summary>
    private static bool IsDocumentationHost(ReadOnlySpan<char> text, int hostStart)
    {
        var i = hostStart;
        while (i < text.Length && i - hostStart < 256 && (CharClasses.IsAlnum(text[i]) || text[i] is '.' or '-')) i++;
        var host = text[hostStart..i].TrimEnd('.');
        foreach (var reserved in (ReadOnlySpan<string>)["example.com", "example.org", "example.net", "developer.mozilla.org"])
            if (host.Equals(reserved, StringComparison.OrdinalIgnoreCase)
                || (host.EndsWith(reserved, StringComparison.OrdinalIgnoreCase) && host[^(reserved.Length + 1)] == '.')) return true;
        return false;
    }

    /// <summary>RFC 3986 userinfo characters (unreserved, sub-delims, percent escapes), without ':' and '@'.</summary>
    private static bool IsUserChar(char c) =>
        CharClasses.IsAlnum(c) || c is '-' or '.' or '_' or '~' or '%' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
