using System.Buffers;
using System.Text;

namespace HygieneLsp.Core.Secrets;

/// <summary>
/// Decodes a stream (UTF-8, or UTF-16 after its byte order mark) through one pooled byte buffer. A StreamReader
/// allocates ~48 KB of buffers per file, which on a package of thousands of small files was most of the scan's
/// allocation; this reader allocates a decoder and nothing else. Invalid bytes become U+FFFD.
/// </summary>
internal sealed class PooledTextReader : TextReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream _stream;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _pos;
    private int _len;
    private bool _eof;
    private Decoder? _decoder;
    private char? _carry; // the second half of a surrogate pair that did not fit a one-character read

    public PooledTextReader(Stream stream) => _stream = stream;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        if (destination.IsEmpty) return 0;
        if (_carry is char c)
        {
            destination[0] = c;
            _carry = null;
            return 1;
        }
        if (destination.Length == 1)
        {
            Span<char> two = stackalloc char[2];
            var got = Read(two);
            if (got == 0) return 0;
            destination[0] = two[0];
            if (got == 2) _carry = two[1];
            return 1;
        }
        _decoder ??= DetectEncoding();
        while (true)
        {
            if (_pos == _len && !_eof) Fill();
            _decoder.Convert(_bytes.AsSpan(_pos, _len - _pos), destination, flush: _eof, out var used, out var chars, out _);
            _pos += used;
            if (chars > 0 || (_eof && _pos == _len)) return chars;
        }
    }

    /// <summary>Reads the byte order mark, if any, and skips it.</summary>
    private Decoder DetectEncoding()
    {
        while (_len < 3 && !_eof) Fill(append: true);
        var bom = _bytes.AsSpan(0, _len);
        if (bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _pos = 3;
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { _pos = 2; return new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetDecoder(); }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { _pos = 2; return new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetDecoder(); }
        return Utf8.GetDecoder();
    }

    private void Fill(bool append = false)
    {
        if (!append) _pos = _len = 0;
        var n = _stream.Read(_bytes, _len, _bytes.Length - _len);
        if (n <= 0) _eof = true;
        else _len += n;
    }

    protected override void Dispose(bool disposing)
    {
        if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        base.Dispose(disposing);
    }
}
