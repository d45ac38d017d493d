namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// npm registry credentials in <c>.npmrc</c> syntax: <c>//registry/:_authToken=VALUE</c>, <c>_auth=</c>,
/// <c>_password=</c>. A value that starts with <c>${</c> is read from the environment by npm and is fine. Only
/// npmrc-shaped text counts: the key after a registry scope (<c>//host/path/:</c>, also inside a shell
/// <c>echo</c> or a CI step), or, outside program code, at the start of a line (an <c>.npmrc</c> file). Code that
/// merely names the key (<c>this._authToken = data.accessToken</c>) is not a credential.
/// </summary>
public sealed class NpmrcAuthDetector : ISecretDetector
{

    public SecretKind Kind => SecretKind.NpmrcAuthToken;
    public IReadOnlyList<string> Keywords { get; } = ["_auth", "_password"];
    public bool KeywordsCaseSensitive => true; // npm reads these keys as written

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        if (hit > 0 && (CharClasses.IsAlnum(text[hit - 1]) || text[hit - 1] == '_')) return false;
        if (!IsNpmrcKeyPosition(text, hit, kind)) return false;
        var i = hit;
        while (i < text.Length && i - hit < 16 && (CharClasses.IsAlnum(text[i]) || text[i] == '_')) i++;
        var key = text.Slice(hit, i - hit);
        if (!key.Equals("_authToken", StringComparison.OrdinalIgnoreCase) && !key.Equals("_auth", StringComparison.OrdinalIgnoreCase)
            && !key.Equals("_password", StringComparison.OrdinalIgnoreCase)) return false;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i >= text.Length || text[i] != '=') return false;
        i++;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        var quote = i < text.Length && text[i] is '"' or '\'' ? text[i] : '\0';
        if (quote != '\0') i++;
        var start = i;
        while (i < text.Length && i - start < 512 && text[i] is not ('\r' or '\n' or ' ' or '\t' or '"' or '\'' or '`' or ';' or '\\')) i++;
        var value = text.Slice(start, i - start);
        if (value.Length < 8 || value.StartsWith("${", StringComparison.Ordinal) || Placeholders.IsPlaceholder(value)) return false;
        // Tokens and _auth/_password values are base64, UUIDs or npm_…; anything else is code talking about
        // .npmrc (a regex like /_authToken=([^$].*)/), not a credential.
        if (value.ContainsAnyExcept(CharClasses.TokenAlphabet)) return false;
        if (Entropy.Shannon(value) < 3.0) return false;
        candidate = new SecretCandidate(hit, i, start, i);
        return true;
    }

    private static bool IsNpmrcKeyPosition(ReadOnlySpan<char> text, int hit, TextKind kind)
    {
        if (hit > 0 && text[hit - 1] == ':')
        {
            // The registry scope, back to the start of its word: "//registry.npmjs.org/".
            var j = hit - 1;
            while (j > 0 && hit - j < 512 && text[j - 1] is not (' ' or '\t' or '\n' or '\r' or '"' or '\'' or '`' or '=' or '(' or ',' or '[' or '{' or '>')) j--;
            var scope = text[j..(hit - 1)];
            return scope.Length > 2 && scope.StartsWith("//", StringComparison.Ordinal);
        }
        if (kind == TextKind.Code) return false;
        var i = hit;
        while (i > 0 && text[i - 1] is ' ' or '\t') i--;
        return i == 0 || text[i - 1] is '\n' or '\r';
    }
}
