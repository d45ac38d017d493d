namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// <c>-----BEGIN … PRIVATE KEY-----</c> followed by a real base64 body (at least 50 base64 characters, as vsce's
/// secretlint asks, and not a filler). The body may be split across lines, JS string escapes (<c>\n</c>) or string
/// concatenation. The body must run to the <c>-----END</c> line: documentation examples (<c>...</c>, <c>MIIE…</c>,
/// a body cut off with a period) stop it early and do not fire.
/// </summary>
public sealed class PrivateKeyDetector : ISecretDetector
{
    private const int MinBody = 50;
    private const int MaxBlock = 16 * 1024;

    public SecretKind Kind => SecretKind.PrivateKey;
    public IReadOnlyList<string> Keywords { get; } = ["-----BEGIN"];
    public bool KeywordsCaseSensitive => true;

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        var limit = Math.Min(text.Length, hit + MaxBlock);
        var i = hit + "-----BEGIN".Length;
        // Label: " RSA PRIVATE KEY", " OPENSSH PRIVATE KEY", " PGP PRIVATE KEY BLOCK" ...
        var labelEnd = text.Slice(i, Math.Min(64, limit - i)).IndexOf("-----", StringComparison.Ordinal);
        if (labelEnd >= 0) labelEnd += i;
        if (labelEnd < 0) return false;
        var label = text.Slice(i, labelEnd - i);
        if (!label.Contains("PRIVATE KEY", StringComparison.Ordinal)) return false;
        i = labelEnd + 5;
        var bodyStart = -1;
        var bodyEnd = i;
        var count = 0;
        Span<int> freq = stackalloc int[128];
        var lineStart = true;
        while (i < limit)
        {
            var c = text[i];
            if (IsBase64(c))
            {
                if (lineStart && IsHeaderLine(text, i, limit)) { i = SkipLine(text, i, limit); continue; }
                lineStart = false;
                if (bodyStart < 0) bodyStart = i;
                freq[c]++;
                count++;
                bodyEnd = ++i;
                continue;
            }
            if (c is '\n') { lineStart = true; i++; continue; }
            if (c is ' ' or '\t' or '\r' or '"' or '\'' or '`' or '+' or ',') { i++; continue; }
            if (c == '\\')
            {
                // "\n", and "\\n" in a key escaped twice (a JSON string inside a JSON string).
                var j = i + 1;
                while (j < limit && j - i < 4 && text[j] == '\\') j++;
                if (j < limit && text[j] is 'n' or 'r') { lineStart = true; i = j + 1; continue; }
            }
            break;
        }
        if (count < MinBody || bodyStart < 0) return false;
        // A run of the same few characters ("AAAA…", "MIIEvQIBADANBg…" truncated) is not a key.
        double h = 0;
        foreach (var k in freq) if (k > 0) h -= (double)k / count * Math.Log2((double)k / count);
        if (h < 4.0) return false;
        // A real block runs to its END line; a body cut short ("MIIEow…", "…iieR.", "...") stops before it.
        if (i + 8 > limit || !text[i..].StartsWith("-----END", StringComparison.Ordinal)) return false;
        var close = text.Slice(i + 8, Math.Min(80, limit - i - 8)).IndexOf("-----", StringComparison.Ordinal);
        if (close >= 0) close += i + 8;
        var end = close < 0 ? i + 8 : close + 5;
        candidate = new SecretCandidate(hit, end, bodyStart, bodyEnd);
        return true;
    }

    private static bool IsBase64(char c) => CharClasses.IsAlnum(c) || c is '+' or '/' or '=';

    /// <summary>RFC 1421 headers inside the block ("Proc-Type: 4,ENCRYPTED") are not body.</summary>
    private static bool IsHeaderLine(ReadOnlySpan<char> text, int i, int limit)
    {
        var j = i;
        while (j < limit && j - i < 40 && (CharClasses.IsAlnum(text[j]) || text[j] == '-')) j++;
        return j < limit && text[j] == ':';
    }

    private static int SkipLine(ReadOnlySpan<char> text, int i, int limit)
    {
        while (i < limit && text[i] != '\n' && !(text[i] == '\\' && i + 1 < limit && text[i + 1] == 'n')) i++;
        return i;
    }
}
