namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Value shapes that are identifiers, not secrets, whatever key they sit under: ARNs, dates and timestamps, version
/// numbers (<c>15.0.0-canary.684e33d25.0</c>), subresource-integrity hashes (<c>sha512-…</c>), and code labels made
/// of words in one case (<c>auth/wrong-password</c>). UUIDs are identifiers too, except where the name says secret
/// (<see cref="IsUuid"/> is left to the caller, who knows the name).
/// </summary>
public static class ValueShapes
{
    public static bool IsIdentifier(ReadOnlySpan<char> value) =>
        IsArn(value) || IsTimestamp(value) || IsVersion(value) || IsIntegrityHash(value) || IsCodeLabel(value);

    /// <summary><c>arn:partition:service:region:account:resource</c>.</summary>
    public static bool IsArn(ReadOnlySpan<char> value) => value.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>An ISO 8601 date, optionally with a time: <c>2016-09-08T21:47:36Z</c>.</summary>
    public static bool IsTimestamp(ReadOnlySpan<char> v) =>
        v.Length >= 10 && Digits(v[..4]) && v[4] == '-' && Digits(v[5..7]) && v[7] == '-' && Digits(v[8..10])
        && (v.Length == 10 || v[10] is 'T' or ' ' or 't');

    /// <summary>A dotted version with an optional pre-release or build part: <c>v1.2.3</c>, <c>15.0.0-canary.684e33d25.0</c>.</summary>
    public static bool IsVersion(ReadOnlySpan<char> v)
    {
        var i = v.Length > 0 && v[0] is 'v' or 'V' ? 1 : 0;
        var parts = 0;
        while (true)
        {
            var start = i;
            while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
            if (i == start) return false;
            parts++;
            if (i < v.Length && v[i] == '.') { i++; continue; }
            break;
        }
        if (parts < 3) return false;
        if (i == v.Length) return true;
        if (v[i] is not ('-' or '+')) return false;
        foreach (var c in v[(i + 1)..])
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+')) return false;
        return true;
    }

    /// <summary>A subresource-integrity string: <c>sha512-</c> and base64.</summary>
    public static bool IsIntegrityHash(ReadOnlySpan<char> v)
    {
        var dash = v.IndexOf('-');
        if (dash < 0) return false;
        var algorithm = v[..dash];
        if (!(algorithm.SequenceEqual("sha1") || algorithm.SequenceEqual("sha256") || algorithm.SequenceEqual("sha384")
              || algorithm.SequenceEqual("sha512") || algorithm.SequenceEqual("md5"))) return false;
        var body = v[(dash + 1)..];
        if (body.Length < 16) return false;
        foreach (var c in body)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')) return false;
        return true;
    }

    /// <summary>
    /// Words in one case joined by separators, with no digit: <c>auth/wrong-password</c>, <c>INVALID_LOGIN</c>. Random
    /// secrets mix cases or digits; these are error codes, event names and paths.
    /// </summary>
    public static bool IsCodeLabel(ReadOnlySpan<char> v)
    {
        bool lower = false, upper = false, separator = false;
        foreach (var c in v)
        {
            if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (c is '-' or '_' or '/' or '.' or ':') separator = true;
            else return false;
        }
        return separator && lower != upper;
    }

    /// <summary>8-4-4-4-12 hex digits.</summary>
    public static bool IsUuid(ReadOnlySpan<char> v)
    {
        if (v.Length != 36) return false;
        for (var i = 0; i < 36; i++)
        {
            if (i is 8 or 13 or 18 or 23) { if (v[i] != '-') return false; }
            else if (!char.IsAsciiHexDigit(v[i])) return false;
        }
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>
    /// Words of a natural language, not a credential: letters of any script, with spaces and word punctuation, no
    /// digit, and at least one space or non-ASCII letter (<c>SMTP-lösenord</c>, <c>RabbitMQパスワード</c>,
    /// <c>Mot de passe</c>). A password of letters alone is hardly ever non-ASCII; translations usually are.
    /// </summary>
    public static bool IsPhrase(ReadOnlySpan<char> v)
    {
        var letters = 0;
        var wordy = false;
        foreach (var c in v)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c > 127) wordy = true;
            }
            else if (c == ' ') wordy = true;
            else if (c > 127 && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                         or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.OtherPunctuation
                         or System.Globalization.UnicodeCategory.DashPunctuation or System.Globalization.UnicodeCategory.OpenPunctuation
                         or System.Globalization.UnicodeCategory.ClosePunctuation or System.Globalization.UnicodeCategory.InitialQuotePunctuation
                         or System.Globalization.UnicodeCategory.FinalQuotePunctuation or System.Globalization.UnicodeCategory.SpaceSeparator) { }
            else if (c is not ('-' or '\'' or '.' or ',' or ':' or '(' or ')' or '/' or '&' or '?' or '!')) return false;
        }
        return wordy && letters >= 2;
    }
}
