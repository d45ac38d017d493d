using System.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Finds the <c>sourceMappingURL</c> comment at the end of a script by reading only its tail. The comment must be the
/// last thing in the file (trailing whitespace and a closing <c>*/</c> allowed), as bundlers write it and browsers read
/// it: a mention inside code (source-map-support's own regexes) is not a reference. An inline map's base64 can be
/// longer than the tail; the finder then walks back over the base64 run alone, never over code.
/// </summary>
public static class InlineSourceMapFinder
{
    /// <summary>How much of the end of a file is read first; a longer trailing run (an inline map) is followed back block by block.</summary>
    public const int TailBytes = 8 * 1024;

    /// <summary>Block size when following a long inline map back to its start.</summary>
    private const int BlockBytes = 256 * 1024;

    /// <summary>The longest inline map followed back to its start (the map itself must then be read anyway).</summary>
    public const long MaxInlineBytes = 1L << 30;

    private const string Directive = "sourceMappingURL=";
    private const int HeaderBytes = 4096;

    public static SourceMapReference Find(IFileView files, string path)
    {
        Stream? stream;
        try { stream = files.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return SourceMapReference.None; }
        if (stream is null) return SourceMapReference.None;
        using (stream)
        {
            try { return Find(stream); }
            catch (IOException) { return SourceMapReference.None; }
        }
    }

    /// <summary>Finds the reference in a seekable stream; a non-seekable stream yields <see cref="SourceMapReference.None"/>.</summary>
    public static SourceMapReference Find(Stream stream)
    {
        if (!stream.CanSeek) return SourceMapReference.None;
        var length = stream.Length;
        if (length == 0) return SourceMapReference.None;
        var tailStart = Math.Max(0, length - TailBytes);
        var tail = ReadRange(stream, tailStart, (int)(length - tailStart));
        var end = tail.Length;
        end = SkipSpaceBack(tail, end);
        if (end >= 2 && tail[end - 2] == '*' && tail[end - 1] == '/') end = SkipSpaceBack(tail, end - 2);
        if (end == 0) return SourceMapReference.None;
        var wordEnd = tailStart + end;
        var wordStart = WalkBack(stream, tail, tailStart, end);
        if (wordStart < 0) return SourceMapReference.None;

        var header = Encoding.Latin1.GetString(ReadRange(stream, wordStart, (int)Math.Min(HeaderBytes, wordEnd - wordStart)));
        long markerOffset;
        var at = 0;
        if (header.Length >= 3 && IsMarker(header.AsSpan(0, 3)))
        {
            markerOffset = wordStart;
            at = 3;
        }
        else
        {
            // `//# sourceMappingURL=`: the marker precedes the word, separated by spaces on the same line.
            var beforeStart = Math.Max(0, wordStart - 64);
            var before = ReadRange(stream, beforeStart, (int)(wordStart - beforeStart));
            var i = before.Length;
            while (i > 0 && before[i - 1] is (byte)' ' or (byte)'\t') i--;
            if (i < 3 || !IsMarker(Encoding.Latin1.GetString(before, i - 3, 3))) return SourceMapReference.None;
            markerOffset = beforeStart + i - 3;
        }
        if (!header.AsSpan(at).StartsWith(Directive, StringComparison.Ordinal)) return SourceMapReference.None;
        at += Directive.Length;
        var urlStart = wordStart + at;
        if (urlStart >= wordEnd) return SourceMapReference.None;
        var url = header.AsSpan(at);
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',');
            if (comma < 0) return SourceMapReference.None;
            var mediaType = url[5..comma].ToString();
            return new SourceMapReference
            {
                Kind = SourceMapReferenceKind.Inline,
                CommentOffset = markerOffset,
                MediaType = mediaType,
                IsBase64 = mediaType.EndsWith(";base64", StringComparison.OrdinalIgnoreCase),
                DataStart = urlStart + comma + 1,
                DataEnd = wordEnd,
            };
        }
        var urlLength = (int)Math.Min(2048, wordEnd - urlStart);
        return new SourceMapReference
        {
            Kind = SourceMapReferenceKind.Linked,
            CommentOffset = markerOffset,
            Url = Encoding.UTF8.GetString(ReadRange(stream, urlStart, urlLength)),
        };
    }

    /// <summary>
    /// A cheap look at a script's decoded end (<paramref name="tail"/>; <paramref name="isWholeFile"/> when it starts
    /// at the file's start): false only when <see cref="Find(Stream)"/> would certainly find no inline map, because
    /// the last word of the file (the run of URL characters it reads back over) names no <c>data:</c> URL.
    /// </summary>
    public static bool MayEndWithInlineMap(ReadOnlySpan<char> tail, bool isWholeFile)
    {
        var end = tail.TrimEnd(" \t\r\n\f\v").Length;
        if (tail[..end].EndsWith("*/", StringComparison.Ordinal)) end = tail[..(end - 2)].TrimEnd(" \t\r\n\f\v").Length;
        if (end == 0) return false;
        var start = end;
        while (start > 0 && tail[start - 1] < 0x80 && IsWordByte((byte)tail[start - 1])) start--;
        if (start == 0 && !isWholeFile) return true; // the word may begin before this window
        var word = tail[start..end];
        var directive = word.IndexOf(Directive, StringComparison.Ordinal);
        return directive >= 0 && word[(directive + Directive.Length)..].StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Inspects an inline map in place, decoding its base64 as it streams.</summary>
    public static SourceMapInspection Inspect(IFileView files, string path, SourceMapReference reference,
        Action<SourceMapSource>? visit = null, CancellationToken cancellationToken = default)
    {
        if (reference.Kind != SourceMapReferenceKind.Inline) return SourceMapInspection.Failed("The file has no inline source map.");
        if (reference.IsBase64)
        {
            return SourceMapReader.Inspect(() =>
            {
                var s = files.OpenRead(path);
                return s is null ? null : new Base64RangeStream(s, reference.DataStart, reference.DataEnd);
            }, visit, cancellationToken);
        }
        // Percent-encoded JSON is rare and written by hand; decode it in memory when it is of reasonable size.
        var size = reference.DataEnd - reference.DataStart;
        if (size > 8 * 1024 * 1024) return SourceMapInspection.Failed("The inline map is percent-encoded and too large to decode.");
        using var stream = files.OpenRead(path);
        if (stream is null) return SourceMapInspection.Failed("The file could not be opened.");
        string json;
        try { json = Uri.UnescapeDataString(Encoding.UTF8.GetString(ReadRange(stream, reference.DataStart, (int)size))); }
        catch (Exception e) when (e is IOException or UriFormatException) { return SourceMapInspection.Failed("The inline map could not be decoded: " + e.Message); }
        return SourceMapReader.InspectText(json, visit);
    }

    private static bool IsMarker(ReadOnlySpan<char> s) => s is "//#" or "//@" or "/*#" or "/*@";

    /// <summary>Characters of a data URL or a map URL; code punctuation (quotes, parens, braces) stops the walk at once.</summary>
    private static bool IsWordByte(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'+' or (byte)'/' or (byte)'=' or (byte)':' or (byte)';' or (byte)',' or (byte)'.' or (byte)'-'
            or (byte)'_' or (byte)'%' or (byte)'?' or (byte)'&' or (byte)'~' or (byte)'#' or (byte)'@' or (byte)'!'
            or (byte)'*' or (byte)'$';

    private static int SkipSpaceBack(byte[] buffer, int end)
    {
        while (end > 0 && buffer[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v') end--;
        return end;
    }

    /// <summary>Start offset of the run of word bytes that ends at <paramref name="end"/> in the tail; -1 when too long.</summary>
    private static long WalkBack(Stream stream, byte[] tail, long tailStart, int end)
    {
        var i = end;
        while (i > 0 && IsWordByte(tail[i - 1])) i--;
        if (i > 0 || tailStart == 0) return tailStart + i;
        // The run reaches the start of the tail: a long inline map. Follow it back block by block.
        var blockEnd = tailStart;
        var buffer = new byte[BlockBytes];
        while (blockEnd > 0)
        {
            if (tailStart + end - blockEnd > MaxInlineBytes) return -1;
            var blockStart = Math.Max(0, blockEnd - buffer.Length);
            var n = (int)(blockEnd - blockStart);
            stream.Position = blockStart;
            stream.ReadExactly(buffer, 0, n);
            var j = n;
            while (j > 0 && IsWordByte(buffer[j - 1])) j--;
            if (j > 0) return blockStart + j;
            blockEnd = blockStart;
        }
        return 0;
    }

    private static byte[] ReadRange(Stream stream, long start, int count)
    {
        var buffer = new byte[count];
        stream.Position = start;
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n <= 0) break;
            read += n;
        }
        return read == count ? buffer : buffer[..read];
    }
}
