namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>What a file's first bytes say it is, what its name says, and, for neither, why.</summary>
/// <param name="NamedFormat">The format the extension implies; null for an extension this reader does not know.</param>
/// <param name="Problem">Set when <paramref name="Format"/> is <see cref="ArchiveFormat.Unknown"/>.</param>
public readonly record struct ArchiveFormatDetection(ArchiveFormat Format, ArchiveFormat? NamedFormat, string? Problem);

/// <summary>
/// Decides the format from magic bytes: gzip <c>1f 8b</c>, zip <c>PK\3\4</c> (or <c>PK\5\6</c>, an empty zip), tar's
/// <c>ustar</c> at offset 257. The extension only helps where bytes cannot: an old v7 tar has no magic, so a <c>.tar</c>
/// whose first block is a valid header (or the empty archive's zero block) is read as tar.
/// </summary>
public static class ArchiveFormatDetector
{
    private const int HeadLength = 512;

    public static ArchiveFormat? FromExtension(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".tgz", StringComparison.Ordinal) || name.EndsWith(".tar.gz", StringComparison.Ordinal)) return ArchiveFormat.TarGzip;
        if (name.EndsWith(".tar", StringComparison.Ordinal)) return ArchiveFormat.Tar;
        return Path.GetExtension(name) is ".zip" or ".vsix" or ".nupkg" or ".snupkg" ? ArchiveFormat.Zip : null;
    }

    /// <summary>Reads the first 512 bytes of <paramref name="path"/>; throws only what opening the file throws.</summary>
    public static ArchiveFormatDetection Detect(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[HeadLength];
        var length = 0;
        while (length < HeadLength)
        {
            var n = RandomAccess.Read(handle, head[length..], length);
            if (n == 0) break;
            length += n;
        }
        return Detect(head[..length], FromExtension(path));
    }

    public static ArchiveFormatDetection Detect(ReadOnlySpan<byte> head, ArchiveFormat? named)
    {
        if (head.IsEmpty) return new(ArchiveFormat.Unknown, named, "The file is empty.");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b])) return new(ArchiveFormat.TarGzip, named, null);
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return new(ArchiveFormat.Zip, named, null);
        if (head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8)) return new(ArchiveFormat.Tar, named, null);
        if (named == ArchiveFormat.Tar && head.Length == HeadLength && (!head.ContainsAnyExcept((byte)0) || TarHeaderFields.HasValidChecksum(head)))
            return new(ArchiveFormat.Tar, named, null);
        var shown = Convert.ToHexString(head[..Math.Min(4, head.Length)]).ToLowerInvariant();
        return new(ArchiveFormat.Unknown, named,
            $"Not an archive this reader knows: it starts with {string.Join(' ', Enumerable.Range(0, shown.Length / 2).Select(i => shown.Substring(i * 2, 2)))}, not gzip (1f 8b), zip (50 4b 03 04) or tar (ustar at byte 257).");
    }
}
