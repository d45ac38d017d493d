namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Values that stand in for a secret rather than being one: template and environment references, documentation
/// fillers, masked values, and strings too regular to be random (one repeated character, counting sequences,
/// a short repeated pattern). Known documented examples are matched by hash so this file holds no key-shaped text.
/// </summary>
public static class Placeholders
{
    private static readonly string[] Markers =
    [
        "${", "{{", "}}", "process.env", "import.meta.env", "<", ">", "$(", "%(", "#{", "xxxx", "****", "…", "...",
        "your-", "your_", "yourtoken", "yourkey", "yoursecret", "yourpassword", "changeme", "change_me", "change-me",
        "example", "placeholder", "dummy", "sample", "redacted", "insert", "replace", "fake", "notreal", "not_real",
        "not-a-real", "todo", "lorem", "secret_here", "token_here", "key_here",
    ];

    /// <summary>SHA-256 (first 32 hex digits, see <see cref="Redaction.Hash"/>) of key values published in vendor docs.</summary>
    private static readonly HashSet<string> DocumentedExamples = new(StringComparer.Ordinal)
    {
        "1a5d44a2dca19669d72edf4c4f1c27c4", // AWS docs access key id
        "78314b11be2e581549ac1c4f616563fa", // AWS docs secret access key
        "2cafc0970149a84f3b9e62eaf169f36f", // Stripe docs test secret key
        "f2d6ca16515033e5dce14eba840b979d", // Stripe docs test secret key (older)
        "7f75367e7881255134e1375e723d1dea", // jwt.io sample token
        "bc3ae723f57c6b9e3fd80b699fcc420f", // GitHub docs OAuth app token (gho_16C7…)
        "82e74299544e00738f9c0acb69b1eb34", // GitHub docs app user token (ghu_16C7…, the same body)
    };

    public static bool IsDocumentedExample(string value) => DocumentedExamples.Contains(Redaction.Hash(value));

    /// <summary>True when <paramref name="value"/> is a placeholder or too regular to be a real secret.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return true;
        foreach (var m in Markers)
            if (value.Contains(m, StringComparison.OrdinalIgnoreCase)) return true;
        if (value[0] == '$' && value.Length > 1 && (char.IsLetter(value[1]) || value[1] == '_')) return true; // $NPM_TOKEN
        if (value[0] == '%' && value[^1] == '%') return true; // %DB_PASSWORD%
        return IsRegular(value) || NamesAField(value);
    }

    /// <summary>Words that name a credential field.</summary>
    private static readonly string[] CredentialWords =
        ["token", "key", "secret", "password", "passwd", "pass", "pwd", "passphrase", "auth", "sid", "credential", "credentials", "apikey"];

    /// <summary>
    /// Words that name the field instead of filling it: <c>AuthToken</c> (in <c>twilio://AccountSid:AuthToken@…</c>),
    /// <c>personal-access-token123</c>, <c>client_secret_key</c>. Two or more words of two letters or more, in
    /// camelCase or joined by <c>-</c>, <c>_</c> or <c>.</c>, at most a few digits at the end, and one of the words names
    /// a credential. Random keys are not made of words; real passwords seldom name themselves.
    /// </summary>
    public static bool NamesAField(ReadOnlySpan<char> value)
    {
        var end = value.Length;
        while (end > 0 && char.IsAsciiDigit(value[end - 1])) end--;
        if (end == 0 || value.Length - end > 4) return false;
        var body = value[..end];
        int words = 0, i = 0;
        var credential = false;
        while (i < body.Length)
        {
            if (body[i] is '-' or '_' or '.') { i++; continue; }
            if (!char.IsAsciiLetter(body[i])) return false;
            var start = i++;
            // A word: letters up to a separator or to a lower-to-upper turn (camelCase); an upper-case run stays one word.
            while (i < body.Length && char.IsAsciiLetter(body[i]) && !(char.IsAsciiLetterUpper(body[i]) && char.IsAsciiLetterLower(body[i - 1]))) i++;
            var word = body[start..i];
            if (word.Length < 2) return false;
            words++;
            foreach (var w in CredentialWords)
                if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) { credential = true; break; }
        }
        return words >= 2 && credential;
    }

    /// <summary>
    /// A password that says it is one (<c>randompassword</c>, <c>authpassword</c>, <c>mysecret1</c>): what
    /// documentation and scaffolding templates write in example connection strings and URLs.
    /// </summary>
    public static bool NamesItself(ReadOnlySpan<char> password) =>
        password.Contains("password", StringComparison.OrdinalIgnoreCase) || password.Contains("passwd", StringComparison.OrdinalIgnoreCase)
        || password.Contains("passw0rd", StringComparison.OrdinalIgnoreCase) || password.Contains("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>One character repeated, a counting sequence, or a short period repeated: no randomness.</summary>
    public static bool IsRegular(ReadOnlySpan<char> value)
    {
        if (value.Length < 2) return true;
        Span<bool> seen = stackalloc bool[128];
        var distinct = 0;
        foreach (var c in value)
        {
            var k = char.ToLowerInvariant(c);
            if (k >= 128) { distinct = int.MaxValue / 2; break; }
            if (!seen[k]) { seen[k] = true; distinct++; }
        }
        if (distinct == 1 || (value.Length >= 12 && distinct <= 3)) return true;
        var steps = 0;
        for (var i = 1; i < value.Length; i++)
        {
            var d = char.ToLowerInvariant(value[i]) - char.ToLowerInvariant(value[i - 1]);
            if (d is 1 or -1 or 0) steps++;
        }
        if (steps >= (value.Length - 1) * 0.7) return true;
        for (var period = 2; period <= 6 && period * 2 <= value.Length; period++)
        {
            var repeats = true;
            for (var i = period; i < value.Length && repeats; i++)
                if (char.ToLowerInvariant(value[i]) != char.ToLowerInvariant(value[i - period])) repeats = false;
            if (repeats) return true;
        }
        return false;
    }
}
