namespace HygieneLsp.Core.Secrets;

/// <summary>
/// GitHub's classic tokens (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>) and npm's tokens (<c>npm_</c>)
/// end in a checksum: the CRC-32 of the 30 characters after the prefix, in six base62 digits (0-9, A-Z, a-z). A value
/// whose checksum does not match was never issued (a documentation example, a made-up test value): the shape alone is
/// not a credential. The same check other scanners apply (GitHub's token format announcement, April 2021).
/// </summary>
public static class TokenChecksum
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly uint[] Table = BuildTable();

    /// <summary>True or false for a 40-character classic GitHub or npm token; null for any other value (not checkable).</summary>
    public static bool? Matches(ReadOnlySpan<char> token)
    {
        if (token.Length != 40 || token[3] != '_' || !(token.StartsWith("gh", StringComparison.Ordinal) || token.StartsWith("npm_", StringComparison.Ordinal))) return null;
        var body = token[4..34];
        ulong check = 0;
        foreach (var c in token[34..])
        {
            var digit = Base62.IndexOf(c);
            if (digit < 0) return false;
            check = check * 62 + (ulong)digit;
        }
        return check == Crc32(body);
    }

    /// <summary>The six base62 digits of the CRC-32 of <paramref name="body"/> (a test helper makes valid samples with it).</summary>
    public static string Of(ReadOnlySpan<char> body)
    {
        Span<char> digits = stackalloc char[6];
        ulong value = Crc32(body);
        for (var i = 5; i >= 0; i--) { digits[i] = Base62[(int)(value % 62)]; value /= 62; }
        return new string(digits);
    }

    private static uint Crc32(ReadOnlySpan<char> text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in text) crc = Table[(crc ^ (byte)c) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
