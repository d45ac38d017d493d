using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Turns a JSON string token into UTF-16 in a reused buffer. Invalid UTF-8 (a map written from a file in another
/// encoding) is decoded with replacement characters rather than rejected: the rest of that original file must still
/// be scanned, at the right lines.
/// </summary>
internal sealed class JsonStringDecoder : IDisposable
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private char[] _chars = ArrayPool<char>.Shared.Rent(16 * 1024);

    /// <summary>The string value of the reader's current token; valid until the next call.</summary>
    public ReadOnlyMemory<char> Decode(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan; // the feed keeps each token contiguous: never a sequence
        // UTF-8 never has fewer bytes than UTF-16 code units, and escapes only shrink.
        if (_chars.Length < raw.Length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(raw.Length);
        }
        try { return _chars.AsMemory(0, reader.CopyString(_chars)); }
        catch (InvalidOperationException) { return _chars.AsMemory(0, DecodeLeniently(raw, reader.ValueIsEscaped, _chars)); }
    }

    private static int DecodeLeniently(ReadOnlySpan<byte> raw, bool escaped, Span<char> output)
    {
        if (!escaped) return Lenient.GetChars(raw, output);
        var n = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var slash = raw[i..].IndexOf((byte)'\\');
            var run = slash < 0 ? raw[i..] : raw.Slice(i, slash);
            n += Lenient.GetChars(run, output[n..]);
            i += run.Length;
            if (slash < 0 || i + 1 >= raw.Length) break;
            var e = raw[i + 1];
            i += 2;
            switch (e)
            {
                case (byte)'n': output[n++] = '\n'; break;
                case (byte)'r': output[n++] = '\r'; break;
                case (byte)'t': output[n++] = '\t'; break;
                case (byte)'b': output[n++] = '\b'; break;
                case (byte)'f': output[n++] = '\f'; break;
                case (byte)'u' when i + 4 <= raw.Length && TryHex(raw.Slice(i, 4), out var unit):
                    output[n++] = unit; // surrogate halves pair up as they are written
                    i += 4;
                    break;
                default: output[n++] = (char)e; break; // \" \\ \/ (the reader has already rejected anything else)
            }
        }
        return n;
    }

    private static bool TryHex(ReadOnlySpan<byte> hex, out char value)
    {
        var v = 0;
        foreach (var b in hex)
        {
            var d = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (d < 0) { value = default; return false; }
            v = v * 16 + d;
        }
        value = (char)v;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
