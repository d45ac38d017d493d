using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// A signed JSON Web Token: three base64url parts whose first decodes to a JSON header naming an <c>alg</c>.
/// Decoding the header is what keeps random <c>eyJ…</c> base64 (embedded JSON, inline maps) from firing.
/// </summary>
public sealed partial class JwtDetector : ISecretDetector
{
    [GeneratedRegex(@"\GeyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{5,8000}\.[A-Za-z0-9_-]{16,2000}(?![A-Za-z0-9_.-])", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Pattern();

    public SecretKind Kind => SecretKind.Jwt;
    public IReadOnlyList<string> Keywords { get; } = ["eyJ"];
    public bool KeywordsCaseSensitive => true;

    public bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate)
    {
        candidate = default;
        if (CharClasses.StartsInsideToken(text, hit) || (hit > 0 && text[hit - 1] == '.')) return false;
        ValueMatch m = default;
        var found = false;
        try
        {
            foreach (var match in Pattern().EnumerateMatches(text, hit)) { m = match; found = true; break; }
        }
        catch (RegexMatchTimeoutException) { return false; }
        if (!found || m.Index != hit) return false;
        var dot = hit + text.Slice(hit, m.Length).IndexOf('.');
        if (!HeaderNamesAlgorithm(text.Slice(hit, dot - hit))) return false;
        candidate = new SecretCandidate(m.Index, m.Index + m.Length, m.Index, m.Index + m.Length);
        return true;
    }

    private static bool HeaderNamesAlgorithm(ReadOnlySpan<char> part)
    {
        if (part.Length > 2000) return false;
        Span<byte> utf8 = stackalloc byte[part.Length];
        for (var i = 0; i < part.Length; i++) utf8[i] = (byte)part[i];
        Span<byte> decoded = stackalloc byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (Base64Url.DecodeFromUtf8(utf8, decoded, out _, out var written) != System.Buffers.OperationStatus.Done) return false;
        var json = Encoding.UTF8.GetString(decoded[..written]);
        return json.StartsWith('{') && json.Contains("\"alg\"", StringComparison.Ordinal) && !json.Contains("\"none\"", StringComparison.OrdinalIgnoreCase);
    }
}
