using System.Buffers;
using System.Text.Json;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

/// <summary>
/// Feeds a <see cref="Utf8JsonReader"/> from a stream through one pooled buffer: only the current token has to fit
/// (the buffer grows for a long string, such as a map's <c>mappings</c>), so a 60 MB map costs a few MB. The reader
/// is a ref struct, so callers hold it and pass it here by reference to be refilled.
/// </summary>
internal sealed class Utf8JsonFeed : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _end;
    private bool _eof;

    public Utf8JsonFeed(Stream stream) => _stream = stream;

    /// <summary>Creates the reader over the first block, after skipping a UTF-8 byte order mark and a <c>)]}'</c> line.</summary>
    public Utf8JsonReader Start(JsonReaderOptions options)
    {
        Fill();
        if (_end >= 2 && (_buffer[0], _buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            throw new InvalidDataException("it is UTF-16; source maps are UTF-8 JSON.");
        var skip = 0;
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) skip = 3;
        // The spec allows a line starting with ")]}" before the JSON, against script inclusion.
        if (_end - skip >= 3 && _buffer[skip] == (byte)')' && _buffer[skip + 1] == (byte)']' && _buffer[skip + 2] == (byte)'}')
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', skip, _end - skip);
            skip = newline < 0 ? _end : newline + 1;
        }
        if (skip > 0) Shift(skip);
        return new Utf8JsonReader(_buffer.AsSpan(0, _end), _eof, new JsonReaderState(options));
    }

    /// <summary>Reads the next token, refilling as needed; false at the end of the document.</summary>
    public bool Read(ref Utf8JsonReader reader)
    {
        while (!reader.Read())
        {
            if (_eof) return false;
            Shift((int)reader.BytesConsumed);
            if (_end == _buffer.Length) Grow();
            Fill();
            reader = new Utf8JsonReader(_buffer.AsSpan(0, _end), _eof, reader.CurrentState);
        }
        return true;
    }

    /// <summary>Skips the current value (a container with everything in it); the reader ends on its last token.</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName) ReadOrThrow(ref reader);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = reader.CurrentDepth;
        do ReadOrThrow(ref reader);
        while (!(reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth));
    }

    /// <summary>Reads a token that must exist: the document ending here means it was cut off.</summary>
    public void ReadOrThrow(ref Utf8JsonReader reader)
    {
        if (!Read(ref reader)) throw new JsonException("The map ends early: it is truncated.");
    }

    private void Shift(int consumed)
    {
        if (consumed == 0) return;
        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _end - consumed);
        _end -= consumed;
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Fill()
    {
        while (_end < _buffer.Length && !_eof)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0) _eof = true;
            else _end += n;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
