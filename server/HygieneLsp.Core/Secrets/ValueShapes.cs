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

    /// <summary>
    /// Words joined by separators, numbers only as whole short segments: <c>markup.heading.1</c> (a syntax scope),
    /// <c>providers/cloud.firestore/eventTypes/document.create</c> (an event type), <c>Auth/id-token-created</c>. A random
    /// secret mixes letters and digits inside its runs; these are names.
    /// </summary>
    public static bool IsWordPath(ReadOnlySpan<char> v)
    {
        var segments = 0;
        var words = 0;
        foreach (var range in v.SplitAny("-_./:"))
        {
            var segment = v[range];
            if (segment.IsEmpty) continue;
            segments++;
            if (Digits(segment)) { if (segment.Length > 4) return false; continue; }
            var (acronyms, longWords) = (0, 0);
            if (!IsCamelWords(segment, maxSingles: 0, ref acronyms, ref longWords)) return false;
            words++;
        }
        return segments >= 2 && words >= 1;
    }

    /// <summary>
    /// One identifier of camelCase or PascalCase words with at most a short version number: <c>microsoftOAuth2Api</c>,
    /// <c>googleFirebaseCloudFirestoreOAuth2Api</c>. Random keys change case every letter or two and mix in digits.
    /// </summary>
    public static bool IsCamelIdentifier(ReadOnlySpan<char> v)
    {
        if (v.IsEmpty || !char.IsAsciiLetter(v[0])) return false;
        var digits = 0;
        var lettersStart = -1;
        var letterRuns = 0;
        var acronyms = 0;
        var words = 0;
        for (var i = 0; i <= v.Length; i++)
        {
            var letter = i < v.Length && char.IsAsciiLetter(v[i]);
            if (letter) { if (lettersStart < 0) lettersStart = i; continue; }
            if (lettersStart >= 0)
            {
                if (!IsCamelWords(v[lettersStart..i], maxSingles: 1, ref acronyms, ref words)) return false;
                letterRuns++;
                lettersStart = -1;
            }
            if (i == v.Length) break;
            if (!char.IsAsciiDigit(v[i])) return false;
            // A version number: one or two digits after a word (OAuth2, V3), at most two of them in the whole name.
            var run = 1;
            while (i + 1 < v.Length && char.IsAsciiDigit(v[i + 1])) { i++; run++; }
            digits += run;
            if (run > 2 || digits > 2) return false;
            // …and a new word (or the end) after it: OAuth2Api, never 2api.
            if (i + 1 < v.Length && !char.IsAsciiLetterUpper(v[i + 1])) return false;
        }
        // Mostly lower case, as words are: random keys are half capitals.
        var letters = 0;
        var lower = 0;
        foreach (var c in v)
        {
            if (char.IsAsciiLetter(c)) letters++;
            if (char.IsAsciiLetterLower(c)) lower++;
        }
        // Three real words at least (discord, Auth, Api): two short runs of letters are as likely random.
        return words >= 3 && 3 * lower >= 2 * letters;
    }

    /// <summary>
    /// Letters that split into words: lower case (<c>event</c>, two letters or more), capitalised with at least two lower
    /// case letters (<c>Types</c>, <c>Api</c>), or one acronym of up to four capitals (<c>ID</c> before <c>Token</c>).
    /// <paramref name="maxSingles"/> one-letter words are allowed (the O of OAuth). Random keys change case every letter
    /// or two, so they break one of these at once.
    /// </summary>
    private static bool IsCamelWords(ReadOnlySpan<char> s, int maxSingles, ref int acronyms, ref int words)
    {
        var singles = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            if (char.IsAsciiLetterLower(s[i]))
            {
                while (i < s.Length && char.IsAsciiLetterLower(s[i])) i++;
                if (i - start < 2 && ++singles > maxSingles) return false;
                if (!Pronounceable(s[start..i])) return false;
                if (i - start >= 3) words++;
                continue;
            }
            if (!char.IsAsciiLetterUpper(s[i])) return false;
            var upper = i;
            while (upper < s.Length && char.IsAsciiLetterUpper(s[upper])) upper++;
            var capitals = upper < s.Length && char.IsAsciiLetterLower(s[upper]) ? upper - i - 1 : upper - i; // the last one may start a word
            if (capitals == 1 && ++singles > maxSingles) return false;
            if (capitals > 1 && (capitals > 4 || ++acronyms > 1)) return false;
            i += capitals;
            if (i < s.Length && char.IsAsciiLetterUpper(s[i]))
            {
                var word = i++;
                while (i < s.Length && char.IsAsciiLetterLower(s[i])) i++;
                if (i - word < 3 || !Pronounceable(s[word..i])) return false; // a capital and fewer than two lower case letters
                words++;
            }
        }
        return true;
    }

    /// <summary>Twenty letters or more, both cases, that do not split into words: a random key without digits.</summary>
    public static bool IsRandomLetters(ReadOnlySpan<char> v)
    {
        if (v.Length < 20) return false;
        bool upper = false, lower = false;
        foreach (var c in v)
        {
            if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (char.IsAsciiLetterLower(c)) lower = true;
            else return false;
        }
        if (!upper || !lower) return false;
        // Names capitalise each word (ThisIsTheConstantName), with one acronym at most; random letters put capitals
        // side by side again and again.
        var runs = 0;
        for (var i = 1; i < v.Length; i++)
            if (char.IsAsciiLetterUpper(v[i]) && char.IsAsciiLetterUpper(v[i - 1]) && (i == 1 || !char.IsAsciiLetterUpper(v[i - 2]))) runs++;
        return runs >= 2;
    }

    /// <summary>A word of three letters or more has a vowel and no more than four consonants in a row (lengths, not xkcdq).</summary>
    private static bool Pronounceable(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return true;
        var vowel = false;
        var consonants = 0;
        foreach (var c in word)
        {
            if ("aeiouyAEIOUY".Contains(c)) { vowel = true; consonants = 0; }
            else if (++consonants > 4) return false;
        }
        return vowel;
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
