namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// A secret-named identifier (<c>apiKey</c>, <c>CLIENT_SECRET</c>, <c>"auth_token"</c>, <c>db_password</c>) assigned
/// a literal of 10+ characters with Shannon entropy ≥ 3.5 that mixes letters with digits or symbols and is not a
/// placeholder, a code expression, a URL or a path. Keys, tokens and secrets are drawn from token alphabets
/// (base64, hex, URL-safe), so a value with other characters (<c>"msal:acquireTokenStart"</c>) is a label; only
/// password-named values may hold any symbol. In program code the value must be a quoted literal. Read by hand
/// rather than by regex: minified bundles hit the word "key" constantly, and each hit must cost a few dozen
/// character checks at most.
/// </summary>
public sealed class GenericSecretDetector : ISecretDetector
{
    private const int MaxIdentifier = 64;
    private const int MinValue = 10;
    private const int MaxValue = 256;
    private const double MinEntropy = 3.5;

    private static readonly string[] Qualifiers =
    [
        "secret", "token", "password", "passwd", "pwd", "credential", "apikey", "accesskey", "privatekey", "clientkey",
        "secretkey", "signingkey", "masterkey", "encryptionkey", "auth",
    ];

    /// <summary>Names that contain a qualifier but name something that is not a secret.</summary>
    private static readonly string[] Excluded =
    [
        "author", "tokenizer", "tokentype", "tokenize", "authorize", "authority", "authurl", "authuri", "authdomain",
        "authendpoint", "authmode", "authmethod", "authtype", "authprovider", "authheader", "authscheme", "authflow",
        "passwordfield", "passwordlength", "passwordpolicy", "passwordhint", "passwordlabel", "secretname", "keyid",
        "tokenurl", "tokenendpoint", "tokenname", "tokenfile", "secretfile", "passwordfile", "credentialsfile",
        "pwdfield", "tokenkey", "secretref", "secretpath", "tokenpath",
        // Pagination cursors and idempotency tokens (AWS NextToken, ContinuationToken, WAF ChangeToken, S3 Marker):
        // opaque, but handed out by the service to anyone who lists.
        "nexttoken", "pagetoken", "continuationtoken", "changetoken", "paginationtoken", "synctoken", "requesttoken",
        "lifecycleactiontoken", "idempotencytoken", "cancellationtoken", "cursortoken",
        "authenticationmethod", "authenticationtype", "authenticationscheme", "authenticationflow", "authenticationmode",
        // A hash of a secret is no secret (detect-secrets' hashed_secret, Helm's checksum/secret annotations).
        "hash", "checksum", "digest", "fingerprint",
    ];

    /// <summary>
    /// Last words that make the name an attribute of a secret rather than the secret: <c>credentialType</c>,
    /// <c>TOKEN_PROGRAM_ID</c>, <c>OAUTH_CLIENT_ID</c>, <c>CREDENTIAL_NAME</c>.
    /// </summary>
    private static readonly HashSet<string> AttributeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "ids", "uuid", "guid", "type", "types", "name", "names", "kind", "label", "labels", "field", "fields", "prefix", "suffix",
        "format", "mode", "method", "scheme", "provider", "endpoint", "url", "uri", "urls", "path", "file", "dir", "address", "addr",
        "count", "length", "version", "event", "events", "hint", "placeholder", "message", "title", "description", "text",
    };

    public SecretKind Kind => SecretKind.Generic;
    // "api" is not a keyword: every api-named secret ends in "key" or "secret" (apiKey, API_SECRET), found from there.
    public IReadOnlyList<string> Keywords { get; } = ["secret", "token", "passw", "pwd", "credential", "auth", "key"];

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        // Cheapest test first: most hits ("keys(", "e.key===") are not followed by an assignment at all.
        var identEnd = hit;
        while (identEnd < text.Length && identEnd - hit < MaxIdentifier && IsIdentChar(text[identEnd])) identEnd++;
        var i = identEnd;
        if (i < text.Length && text[i] is '"' or '\'' or '`') i++;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i >= text.Length) return false;
        var separator = text[i];
        if (text[i] == ':')
        {
            i++;
            if (i < text.Length && text[i] == '=') i++;
            else if (i < text.Length && text[i] == ':') return false;
        }
        else if (text[i] == '=')
        {
            i++;
            if (i < text.Length && text[i] is '=' or '>' or '~') return false;
        }
        else return false;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i >= text.Length) return false;

        int start, end;
        var quote = text[i];
        if (quote is '"' or '\'' or '`')
        {
            start = i + 1;
            end = start;
            while (end < text.Length && end - start <= MaxValue && text[end] != quote && text[end] is not ('\n' or '\r' or '\\')) end++;
            if (end >= text.Length || text[end] != quote) return false;
        }
        else
        {
            if (kind == TextKind.Code) return false; // an expression: e.idToken?.secret || "", AuthScheme$1
            start = i;
            end = start;
            while (end < text.Length && end - start <= MaxValue && !IsUnquotedEnd(text[end])) end++;
            if (LooksLikeCode(text.Slice(start, end - start))) return false;
        }
        var value = text.Slice(start, end - start);
        if (value.Length < MinValue) return false;
        // The name is checked only now: at most hits the right-hand side is already not a literal.
        var identStart = hit;
        while (identStart > 0 && hit - identStart < MaxIdentifier && IsIdentChar(text[identStart - 1])) identStart--;
        var ident = text.Slice(identStart, identEnd - identStart);
        var name = ClassifyName(ident);
        if (name == SecretName.None || NamesAnAttribute(ident) || InHashedKey(text, identStart)) return false;
        if (!IsKeyPosition(text, identStart, separator, kind)) return false;
        if (name != SecretName.Password && value.ContainsAnyExcept(CharClasses.TokenAlphabet)) return false;
        if (!IsSecretValue(value) || EchoesName(ident, value)) return false;
        // Keys and tokens are random; a value of words is a name (a syntax scope, an event type, a credential type).
        if (name != SecretName.Password && (ValueShapes.IsWordPath(value) || ValueShapes.IsCamelIdentifier(value))) return false;
        // A password that says it is one (myPassw0rd, yourSecretPassword): what the connection-string and URL rules skip too.
        if (name == SecretName.Password && Placeholders.NamesItself(value)) return false;
        // A UUID under a token name is an id (a request, change or session id); under a key, secret or password name it may be a credential.
        // Under any name whose last word is not the credential (GooglePasswordManager: a passkey provider's AAGUID) it is an id too.
        if (ValueShapes.IsUuid(value) && ((name == SecretName.Token && !NamesACredential(ident)) || !EndsWithCredentialWord(ident))) return false;
        candidate = new SecretCandidate(start, end, start, end);
        return true;
    }

    /// <summary>
    /// The name is a key being assigned, not part of something else: not an ARN or URN segment (<c>…:secret:name</c>),
    /// not the middle branch of a ternary (<c>ok ? _token : 'fallback'</c>), not a TypeScript type alias
    /// (<c>type AuthMethod = "X509Certificate"</c>), not prose inside a string (<c>"Input new password: "</c>).
    /// </summary>
    private static bool IsKeyPosition(ReadOnlySpan<char> text, int identStart, char separator, TextKind kind)
    {
        // …except after an npm registry scope: { "//registry.example.org/:_authToken": "…" } is an .npmrc line as JSON.
        if (identStart > 0 && text[identStart - 1] == ':' && !(identStart > 1 && text[identStart - 2] == '/')) return false;
        if (kind != TextKind.Code) return true;
        var j = identStart;
        while (j > 0 && identStart - j < 16 && text[j - 1] is ' ' or '\t') j--;
        if (separator == ':' && j > 0 && text[j - 1] == '?') return false;
        // "Enter a new password: " inside a string: a word, a space, the name and a colon is prose, never a key in code.
        if (separator == ':' && j < identStart && j > 0 && char.IsAsciiLetter(text[j - 1])) return false;
        return !(j < identStart && j >= 4 && text[(j - 4)..j].SequenceEqual("type") && (j == 4 || !CharClasses.IsAlnum(text[j - 5])));
    }

    private static readonly HashSet<string> CredentialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "secret", "secrets", "key", "password", "passwd", "pwd", "pass", "token", "credential", "credentials", "auth", "apikey",
    };

    /// <summary>The name's last word is the credential itself (<c>dbPassword</c>, <c>API_KEY</c>), not a thing named after one.</summary>
    private static bool EndsWithCredentialWord(ReadOnlySpan<char> ident) => LastWordIn(ident, CredentialWords);

    private static bool NamesAnAttribute(ReadOnlySpan<char> ident) => LastWordIn(ident, AttributeWords);

    private static bool LastWordIn(ReadOnlySpan<char> ident, HashSet<string> words)
    {
        ReadOnlySpan<char> last = default;
        foreach (var word in new WordSplitter(ident)) last = word;
        return !last.IsEmpty && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(last);
    }

    /// <summary>A key path whose earlier segment says hash (<c>checksum/passwords-secret: …</c>, a Helm annotation).</summary>
    private static bool InHashedKey(ReadOnlySpan<char> text, int identStart)
    {
        if (identStart == 0 || text[identStart - 1] != '/') return false;
        var i = identStart - 1;
        while (i > 0 && identStart - i < MaxIdentifier && (IsIdentChar(text[i - 1]) || text[i - 1] is '/' or '.')) i--;
        var key = text[i..(identStart - 1)];
        foreach (var word in (ReadOnlySpan<string>)["checksum", "hash", "digest", "sha"])
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool NamesACredential(ReadOnlySpan<char> ident)
    {
        foreach (var word in (ReadOnlySpan<string>)["secret", "key", "auth", "access", "credential", "api", "bearer"])
            if (ident.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsIdentChar(char c) => CharClasses.IsAlnum(c) || c is '_' or '-' or '$';

    private static bool IsUnquotedEnd(char c) => c is ' ' or '\t' or '\r' or '\n' or ',' or ';' or ')' or '}' or ']' or '"' or '\'' or '`' or '<' or '>';

    private enum SecretName { None, Token, Password }

    private static SecretName ClassifyName(ReadOnlySpan<char> ident)
    {
        if (ident.Length < 3) return SecretName.None;
        Span<char> norm = stackalloc char[ident.Length];
        var n = 0;
        foreach (var c in ident)
            if (c is not ('_' or '-' or '$')) norm[n++] = char.ToLowerInvariant(c);
        var name = norm[..n];
        var qualified = false;
        foreach (var q in Qualifiers) if (name.Contains(q, StringComparison.Ordinal)) { qualified = true; break; }
        if (!qualified) return SecretName.None;
        foreach (var x in Excluded) if (name.Contains(x, StringComparison.Ordinal)) return SecretName.None;
        return name.Contains("passw", StringComparison.Ordinal) || name.Contains("pwd", StringComparison.Ordinal)
            ? SecretName.Password
            : SecretName.Token;
    }

    /// <summary>Unquoted right-hand sides in code are expressions (<c>e.apiKey</c>, <c>getToken()</c>), not literals.</summary>
    private static bool LooksLikeCode(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('(', '[', '{') >= 0) return true;
        // Optional chaining: data?.errors?.password.
        if (value.Contains("?.", StringComparison.Ordinal)) return true;
        // A dotted identifier path: process.env.TOKEN, this.props.secret, t.apiKey.
        var dotted = value.Contains('.') && !value.ContainsAnyExcept(IdentOrDot);
        return dotted;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly System.Buffers.SearchValues<char> IdentOrDot =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.");

    public static bool IsSecretValue(ReadOnlySpan<char> value)
    {
        if (value.Length < MinValue || value.Length > MaxValue) return false;
        bool letter = false, digit = false, symbol = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c)) letter = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else if (c is ' ') return false; // prose, not a key
            else if (c is not ('-' or '_' or '.')) symbol = true;
        }
        // Letters alone are words (a constant's name), unless long, of both cases and not made of words: a random key
        // of 32 letters (one in 280 random alphanumeric keys has no digit).
        if (!letter || !(digit || symbol || ValueShapes.IsRandomLetters(value))) return false;
        if (value.Contains("://", StringComparison.Ordinal) || value[0] is '/' or '.' || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return false;
        if (LooksLikeFileName(value) || ValueShapes.IsIdentifier(value)) return false;
        if (Placeholders.IsPlaceholder(value)) return false;
        // Hex draws from 16 symbols: a random 32-digit key falls under 3.5 one time in nine, so hex keys of 24 digits and
        // more need 3.0 (what a key of repeated or sequential digits does not reach).
        return Entropy.Shannon(value) >= (value.Length >= 24 && !value.ContainsAnyExcept(HexDigits) ? 3.0 : MinEntropy);
    }

    /// <summary>
    /// A label that spells out its own name (<c>FLOW_PASSWORD_REQUIRED = "FlowPasswordRequiredResult"</c>,
    /// <c>token: "oauth2/v2.0/token"</c>): two words of the name recur in the value, or the name's only word does.
    /// Random secrets do not contain words of three letters or more from their variable's name.
    /// </summary>
    internal static bool EchoesName(ReadOnlySpan<char> ident, ReadOnlySpan<char> value)
    {
        int words = 0, shared = 0;
        foreach (var word in new WordSplitter(ident))
        {
            if (word.Length < 3) continue;
            words++;
            foreach (var other in new WordSplitter(value))
                if (other.Equals(word, StringComparison.OrdinalIgnoreCase)) { shared++; break; }
        }
        return shared >= 2 || (words == 1 && shared == 1);
    }

    /// <summary>Words of an identifier or label: split at non-letters and where lower case turns upper (camelCase).</summary>
    private ref struct WordSplitter(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _next;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly WordSplitter GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_next < _text.Length && !char.IsAsciiLetter(_text[_next])) _next++;
            if (_next >= _text.Length) return false;
            var start = _next++;
            while (_next < _text.Length && char.IsAsciiLetter(_text[_next])
                   && !(char.IsAsciiLetterUpper(_text[_next]) && char.IsAsciiLetterLower(_text[_next - 1]))) _next++;
            Current = _text[start.._next];
            return true;
        }
    }

    private static bool LooksLikeFileName(ReadOnlySpan<char> value)
    {
        var dot = value.LastIndexOf('.');
        if (dot <= 0 || value.Length - dot - 1 is < 1 or > 5) return false;
        foreach (var c in value[(dot + 1)..]) if (!char.IsAsciiLetterLower(c)) return false;
        return true;
    }
}
