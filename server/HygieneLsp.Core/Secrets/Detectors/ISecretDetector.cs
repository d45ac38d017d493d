namespace HygieneLsp.Core.Secrets.Detectors;

/// <summary>
/// Finds one kind of secret at a keyword hit. The scanner finds keywords in one cheap pass over the text and calls
/// a detector only where one of its keywords occurs, so each detector looks at a bounded window after the hit
/// (never rescans the text): total work stays linear however long a minified line is.
/// </summary>
public interface ISecretDetector
{
    SecretKind Kind { get; }

    /// <summary>Literal strings (matched case-insensitively) at which this detector may find something.</summary>
    IReadOnlyList<string> Keywords { get; }

    /// <summary>True when the keywords only occur in one case (token prefixes like <c>AKIA</c>, <c>eyJ</c>): a cheaper search.</summary>
    bool KeywordsCaseSensitive => false;

    /// <summary>Tries to read a secret at the keyword hit <paramref name="hit"/> of <paramref name="text"/>, a text of <paramref name="kind"/>.</summary>
    bool TryMatch(ReadOnlySpan<char> text, int hit, TextKind kind, out SecretCandidate candidate);
}

/// <summary>Offsets in the scanned text: the whole match and the value inside it (the value is what is fingerprinted).</summary>
public readonly record struct SecretCandidate(int Start, int End, int ValueStart, int ValueEnd);

/// <summary>Character classes shared by detectors.</summary>
internal static class CharClasses
{
    public static bool IsAlnum(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    /// <summary>Characters that continue a token (base64/base64url/identifier): a key preceded by one is part of a larger blob.</summary>
    public static bool ContinuesToken(char c) => IsAlnum(c) || c is '_' or '-' or '+' or '/';

    /// <summary>Base64, base64url, hex and URL-safe characters: what keys and tokens are made of.</summary>
    public static readonly System.Buffers.SearchValues<char> TokenAlphabet =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.=+/~");

    public static bool StartsInsideToken(ReadOnlySpan<char> text, int hit) => hit > 0 && ContinuesToken(text[hit - 1]);
}
