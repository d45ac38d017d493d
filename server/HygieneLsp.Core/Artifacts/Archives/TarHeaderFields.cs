namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>The numeric fields of a 512-byte tar header, read strictly (see <see cref="TarMetadataGuard"/> for why strictly).</summary>
internal static class TarHeaderFields
{
    /// <summary>The checksum of a header: every byte summed with the checksum field counted as eight spaces.</summary>
    public static long Checksum(ReadOnlySpan<byte> header)
    {
        long sum = 8 * ' ';
        foreach (var b in header[..148]) sum += b;
        foreach (var b in header[156..]) sum += b;
        return sum;
    }

    // Octal as tar writes it: optional leading spaces or NULs, digits, then only NULs or spaces. A NUL followed by more
    // digits is refused: TarReader versions disagree on where such a field ends.
    public static bool TryParseOctal(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var i = 0;
        while (i < field.Length && field[i] is (byte)' ' or 0) i++;
        var digits = 0;
        for (; i < field.Length && field[i] is >= (byte)'0' and <= (byte)'7'; i++, digits++)
        {
            if (value > (long.MaxValue >> 3)) return false;
            value = value * 8 + (field[i] - '0');
        }
        if (digits > 0 && field[..(i - digits)].Contains((byte)0)) return false;
        for (; i < field.Length; i++)
            if (field[i] is not ((byte)' ' or 0)) return false;
        return true;
    }

    // GNU/star base-256 for sizes of 8 GB and more: 0x80, then a big-endian number.
    public static bool TryParseSize(ReadOnlySpan<byte> field, out long value)
    {
        if (field[0] != 0x80) return TryParseOctal(field, out value);
        value = 0;
        if (field[1..4].ContainsAnyExcept((byte)0) || field[4] >= 0x80) return false;
        foreach (var b in field[4..]) value = (value << 8) | b;
        return true;
    }

    /// <summary>True when the header's checksum field matches its bytes (a real header, not data).</summary>
    public static bool HasValidChecksum(ReadOnlySpan<byte> header) =>
        header.Length >= 512 && TryParseOctal(header.Slice(148, 8), out var stored) && stored != 0 && stored == Checksum(header[..512]);
}
