using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace HygieneLsp.Core.Artifacts.Archives;

/// <summary>
/// The entry count a zip's end-of-central-directory record declares, read before ZipArchive loads the whole central
/// directory into objects (a few hundred bytes per entry): a small zip declaring millions of entries is refused
/// instead of costing gigabytes.
/// </summary>
internal static class ZipEntryCountProbe
{
    private const int EndRecordLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The declared count, or null when no end record is found (ZipArchive then reports the damage).</summary>
    public static long? Read(SafeFileHandle file)
    {
        var length = RandomAccess.GetLength(file);
        if (length < EndRecordLength) return null;
        var tailLength = (int)Math.Min(length, EndRecordLength + MaxCommentLength);
        var tail = new byte[tailLength];
        if (!ReadExactly(file, tail, length - tailLength)) return null;
        var at = tail.AsSpan().LastIndexOf("PK\x05\x06"u8);
        if (at < 0 || at + EndRecordLength > tail.Length) return null;
        long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
        if (count != ushort.MaxValue) return count;

        // Zip64: a locator just before the end record points at the zip64 end record, which holds the real count.
        var locator = at - 20;
        if (locator < 0 || !tail.AsSpan(locator).StartsWith("PK\x06\x07"u8)) return count;
        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(locator + 8));
        Span<byte> record = stackalloc byte[40];
        if (recordOffset < 0 || recordOffset > length - record.Length || !ReadExactly(file, record, recordOffset)) return null;
        if (!record.StartsWith("PK\x06\x06"u8)) return null;
        var count64 = BinaryPrimitives.ReadInt64LittleEndian(record[32..]);
        return count64 < 0 ? long.MaxValue : count64;
    }

    private static bool ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        for (var done = 0; done < buffer.Length;)
        {
            var n = RandomAccess.Read(file, buffer[done..], offset + done);
            if (n == 0) return false;
            done += n;
        }
        return true;
    }
}
