using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace HygieneLsp.Core.Artifacts.SourceMaps;

internal enum JsonToken : byte { None, StartObject, EndObject, StartArray, EndArray, PropertyName, String, Number, True, False, Null }

/// <summary>
/// A pull reader for UTF-8 JSON streams, written for source maps: most of a map's bytes are a few huge strings (each
/// embedded original file, the mappings), and this reader never needs a token to fit in its buffer. A string is
/// consumed lazily: skipped with a vectorised search for its end, or decoded in runs (bulk transcode between escapes)
/// straight into one reused char buffer. System.Text.Json's reader validates escaped strings byte by byte and needs
/// each string whole in its buffer, which cost as much as scanning the decoded text. The grammar is strict JSON
/// (RFC 8259: no comments, no trailing commas) and agrees with System.Text.Json on what is valid
/// (StreamingJsonReaderTests compares both on generated and mutated documents). Strings are decoded leniently:
/// invalid UTF-8 becomes U+FFFD and <c>\u</c> escapes are written as the UTF-16 code units they name, so one bad
/// byte in an original file does not hide the rest of it. Errors are <see cref="JsonException"/>s with the byte offset.
/// </summary>
internal sealed class StreamingJsonReader : IDisposable
{
    public const int DefaultBufferSize = 64 * 1024;

    // Where a string's plain run stops: its closing quote, an escape, or a control character (invalid inside strings).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    private enum Expect : byte { Value, FirstInArray, FirstInObject, Name, CommaOrEnd, Nothing }

    private readonly Stream _stream;
    private readonly int _maxDepth;
    private readonly bool[] _isObject; // container kind per depth
    private readonly bool _pooled;
    private byte[] _buffer;
    private int _pos, _end;
    private long _base; // stream offset of _buffer[0]
    private bool _eof;
    private char[] _chars = ArrayPool<char>.Shared.Rent(16 * 1024);
    private int _charCount;
    private int _depth;
    private Expect _expect = Expect.Value;
    private bool _stringPending; // a String token whose body has not been read yet
    private bool _started;
    private long _integer;
    private bool _isInteger;

    /// <param name="bufferSize">Bytes read at a time; tests pass a few bytes so every token crosses a refill.</param>
    public StreamingJsonReader(Stream stream, int maxDepth = 64, int bufferSize = DefaultBufferSize)
    {
        if (bufferSize < 8) throw new ArgumentOutOfRangeException(nameof(bufferSize), "At least 8 bytes: a \\u escape must fit.");
        _stream = stream;
        _maxDepth = maxDepth;
        _isObject = new bool[maxDepth + 1];
        _pooled = bufferSize >= DefaultBufferSize;
        _buffer = _pooled ? ArrayPool<byte>.Shared.Rent(bufferSize) : new byte[bufferSize];
        SkipPreamble();
    }

    public JsonToken Token { get; private set; }

    /// <summary>UTF-8 size of the last string read or skipped, escapes counted as what they stand for.</summary>
    public long StringUtf8Length { get; private set; }

    /// <summary>
    /// Moves to the next token; false at the end of the document (only whitespace after the root value, or nothing).
    /// A string the caller did not read is skipped (and validated) first.
    /// </summary>
    public bool Read()
    {
        if (_stringPending) ConsumeString(decode: false);
        while (true)
        {
            var b = NextNonWhitespace();
            if (b < 0)
            {
                // The end: after the root value, or in a stream with no JSON at all (whitespace only).
                if (_expect == Expect.Nothing || !_started) { Token = JsonToken.None; return false; }
                throw Truncated();
            }
            _started = true;
            switch (_expect)
            {
                case Expect.Nothing:
                    throw Invalid(b, "after the end of the JSON document");
                case Expect.CommaOrEnd:
                    if (b == ',') { _pos++; _expect = _isObject[_depth] ? Expect.Name : Expect.Value; continue; }
                    if (b == (_isObject[_depth] ? '}' : ']')) return EndContainer();
                    throw Invalid(b, _isObject[_depth] ? "where ',' or '}' should follow a value" : "where ',' or ']' should follow a value");
                case Expect.FirstInObject:
                    if (b == '}') return EndContainer();
                    return ReadName(b);
                case Expect.Name:
                    return ReadName(b);
                case Expect.FirstInArray:
                    if (b == ']') return EndContainer();
                    return ReadValue(b);
                default:
                    return ReadValue(b);
            }
        }
    }

    /// <summary>Reads a token that must exist: the document ending here means it was cut off.</summary>
    public void ReadOrThrow()
    {
        if (!Read()) throw Truncated();
    }

    /// <summary>Skips the current value: after a property name its value, after a Start token everything to its End token.</summary>
    public void Skip()
    {
        if (Token == JsonToken.PropertyName) ReadOrThrow();
        if (Token is not (JsonToken.StartObject or JsonToken.StartArray)) return;
        var outer = _depth - 1;
        do ReadOrThrow();
        while (!(Token is JsonToken.EndObject or JsonToken.EndArray && _depth == outer));
    }

    /// <summary>
    /// The current string value or property name, decoded into a buffer reused by the next call (valid until then).
    /// A string value can be read once.
    /// </summary>
    public ReadOnlyMemory<char> GetString()
    {
        if (Token == JsonToken.String)
        {
            if (!_stringPending) throw new InvalidOperationException("The string was already read.");
            ConsumeString(decode: true);
        }
        else if (Token != JsonToken.PropertyName) throw new InvalidOperationException("The current token is not a string.");
        return _chars.AsMemory(0, _charCount);
    }

    /// <summary>Skips the current string value without decoding it; <see cref="StringUtf8Length"/> then gives its size.</summary>
    public void SkipString()
    {
        if (Token != JsonToken.String || !_stringPending) throw new InvalidOperationException("No unread string here.");
        ConsumeString(decode: false);
    }

    /// <summary>True when the current property name is <paramref name="name"/>.</summary>
    public bool NameIs(string name) => Token == JsonToken.PropertyName && _chars.AsSpan(0, _charCount).SequenceEqual(name);

    /// <summary>The current number, when it is an integer (no fraction or exponent) that fits in 64 bits.</summary>
    public bool TryGetInt64(out long value)
    {
        value = _integer;
        return Token == JsonToken.Number && _isInteger;
    }

    private bool ReadName(int b)
    {
        if (b != '"') throw Invalid(b, "where a property name in quotes should be");
        _pos++;
        ConsumeString(decode: true);
        var colon = NextNonWhitespace();
        if (colon < 0) throw Truncated();
        if (colon != ':') throw Invalid(colon, "where ':' should follow a property name");
        _pos++;
        _expect = Expect.Value;
        Token = JsonToken.PropertyName;
        return true;
    }

    private bool ReadValue(int b)
    {
        switch (b)
        {
            case '{':
            case '[':
                if (_depth == _maxDepth) throw new JsonException($"The JSON nests deeper than {_maxDepth} levels at byte {Offset}.");
                _pos++;
                _isObject[++_depth] = b == '{';
                _expect = b == '{' ? Expect.FirstInObject : Expect.FirstInArray;
                Token = b == '{' ? JsonToken.StartObject : JsonToken.StartArray;
                return true;
            case '"':
                _pos++;
                _stringPending = true;
                Token = JsonToken.String;
                break;
            case 't': Literal("true"u8); Token = JsonToken.True; break;
            case 'f': Literal("false"u8); Token = JsonToken.False; break;
            case 'n': Literal("null"u8); Token = JsonToken.Null; break;
            default:
                if (b != '-' && !char.IsAsciiDigit((char)b)) throw Invalid(b, "where a value should be");
                ReadNumber();
                Token = JsonToken.Number;
                break;
        }
        _expect = _depth == 0 ? Expect.Nothing : Expect.CommaOrEnd;
        return true;
    }

    private bool EndContainer()
    {
        Token = _isObject[_depth] ? JsonToken.EndObject : JsonToken.EndArray;
        _pos++;
        _depth--;
        _expect = _depth == 0 ? Expect.Nothing : Expect.CommaOrEnd;
        return true;
    }

    private void Literal(ReadOnlySpan<byte> word)
    {
        if (!Ensure(word.Length))
        {
            if (word.StartsWith(_buffer.AsSpan(_pos, _end - _pos))) throw Truncated();
            throw Invalid(_buffer[_pos], "where a value should be");
        }
        if (!_buffer.AsSpan(_pos, word.Length).SequenceEqual(word)) throw new JsonException($"Invalid literal at byte {Offset} (expected {Encoding.ASCII.GetString(word)}).");
        _pos += word.Length;
    }

    /// <summary>Reads a number by the JSON grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?, byte by byte (numbers are rare and short in maps).</summary>
    private void ReadNumber()
    {
        _isInteger = true;
        _integer = 0;
        var negative = Peek() == '-';
        if (negative) _pos++;
        var first = Peek();
        if (first < 0) throw Truncated();
        if (!IsDigit(first)) throw Invalid(first, "where a digit should follow '-'");
        if (first == '0') _pos++;
        else
        {
            ulong magnitude = 0;
            var fits = true;
            for (var d = Peek(); IsDigit(d); d = Peek())
            {
                if (fits && magnitude > (ulong.MaxValue - 9) / 10) fits = false;
                if (fits) magnitude = magnitude * 10 + (ulong)(d - '0');
                _pos++;
            }
            if (!fits || magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue)) _isInteger = false;
            else _integer = negative ? unchecked((long)(0UL - magnitude)) : (long)magnitude;
        }
        if (Peek() == '.')
        {
            _isInteger = false;
            _pos++;
            Digits("after the decimal point");
        }
        if (Peek() is 'e' or 'E')
        {
            _isInteger = false;
            _pos++;
            if (Peek() is '+' or '-') _pos++;
            Digits("in the exponent");
        }
    }

    private void Digits(string where)
    {
        var d = Peek();
        if (d < 0) throw Truncated();
        if (!IsDigit(d)) throw Invalid(d, "where a digit should be " + where);
        while (IsDigit(Peek())) _pos++;
    }

    private static bool IsDigit(int b) => (uint)(b - '0') <= 9;

    /// <summary>
    /// Reads the body of a string whose opening quote is consumed, up to and including its closing quote: runs
    /// between escapes are found with one vectorised search and transcoded in bulk (when decoding).
    /// </summary>
    private void ConsumeString(bool decode)
    {
        _stringPending = false;
        if (decode) _charCount = 0;
        long utf8 = 0;
        var afterHighSurrogateEscape = false;
        while (true)
        {
            if (_pos == _end && !Refill()) throw Truncated();
            // Each byte left in the buffer gives at most one char (escapes only shrink): room is made once per fill,
            // and the loop below runs on locals, with no call per escape (a bundle's sources have one every ~16 bytes).
            if (decode) EnsureChars(_end - _pos);
            var buffer = _buffer;
            var chars = _chars;
            var pos = _pos;
            var end = _end;
            var count = _charCount;
            var closed = false;
            var cut = false; // an escape or a character continues past the buffer's end
            while (pos < end)
            {
                var span = buffer.AsSpan(pos, end - pos);
                var stop = span.IndexOfAny(StringStops);
                var runLength = stop < 0 ? span.Length : stop;
                if (runLength > 0)
                {
                    afterHighSurrogateEscape = false;
                    if (decode)
                    {
                        // Not the final block when the run ends at the buffer's end: a multi-byte character may
                        // continue in the next read, and is then decoded whole.
                        Utf8.ToUtf16(span[..runLength], chars.AsSpan(count), out var read, out var written, replaceInvalidSequences: true, isFinalBlock: stop >= 0);
                        count += written;
                        utf8 += read;
                        pos += read;
                        if (read < runLength) { cut = true; break; }
                    }
                    else
                    {
                        utf8 += runLength;
                        pos += runLength;
                    }
                }
                if (stop < 0) break;
                var s = buffer[pos];
                if (s == '"') { pos++; closed = true; break; }
                if (s != '\\') { _pos = pos; throw new JsonException($"A control character (0x{s:X2}) inside a string at byte {Offset}: it must be escaped."); }
                if (end - pos < 2 || buffer[pos + 1] == 'u' && end - pos < 6) { cut = true; break; }
                char unit;
                switch (buffer[pos + 1])
                {
                    case (byte)'"': unit = '"'; break;
                    case (byte)'\\': unit = '\\'; break;
                    case (byte)'/': unit = '/'; break;
                    case (byte)'b': unit = '\b'; break;
                    case (byte)'f': unit = '\f'; break;
                    case (byte)'n': unit = '\n'; break;
                    case (byte)'r': unit = '\r'; break;
                    case (byte)'t': unit = '\t'; break;
                    case (byte)'u':
                        if (!TryHex(buffer.AsSpan(pos + 2, 4), out unit)) { _pos = pos; throw new JsonException($"Invalid \\u escape at byte {Offset}: four hexadecimal digits must follow."); }
                        pos += 4;
                        break;
                    default:
                        _pos = pos;
                        throw new JsonException($"Invalid escape '\\{(char)buffer[pos + 1]}' in a string at byte {Offset}.");
                }
                pos += 2;
                // What the escape stands for in UTF-8: a surrogate pair is one 4-byte character, a lone half U+FFFD (3).
                utf8 += unit < 0x80 ? 1 : unit < 0x800 ? 2 : char.IsLowSurrogate(unit) && afterHighSurrogateEscape ? 1 : 3;
                afterHighSurrogateEscape = char.IsHighSurrogate(unit);
                if (decode) chars[count++] = unit;
            }
            _pos = pos;
            _charCount = count;
            if (closed) break;
            if (cut && !Refill(force: true)) throw Truncated();
        }
        StringUtf8Length = utf8;
    }

    private static bool TryHex(ReadOnlySpan<byte> hex, out char value)
    {
        var v = 0;
        foreach (var b in hex)
        {
            int d = b switch
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

    private void EnsureChars(int more)
    {
        if (_charCount + more <= _chars.Length) return;
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _charCount + more));
        _chars.AsSpan(0, _charCount).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }

    private int NextNonWhitespace()
    {
        while (true)
        {
            while (_pos < _end)
            {
                var b = _buffer[_pos];
                if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return b;
                _pos++;
            }
            if (!Refill()) return -1;
        }
    }

    private int Peek() => _pos < _end || Refill() ? _buffer[_pos] : -1;

    /// <summary>True when at least <paramref name="count"/> unread bytes are in the buffer (reading more if needed).</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
            if (!Refill(force: true)) return false;
        return true;
    }

    /// <summary>Moves unread bytes to the front and reads more; false when nothing more could be read.</summary>
    private bool Refill(bool force = false)
    {
        if (!force && _pos < _end) return true;
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _base += _pos;
            _end -= _pos;
            _pos = 0;
        }
        var before = _end;
        while (_end < _buffer.Length && !_eof)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0) _eof = true;
            else _end += n;
        }
        return _end > before;
    }

    /// <summary>Rejects UTF-16 (a clear error instead of garbage tokens), skips a UTF-8 byte order mark and a <c>)]}'</c> line.</summary>
    private void SkipPreamble()
    {
        Refill(force: true);
        if (_end >= 2 && (_buffer[0], _buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            throw new InvalidDataException("it is UTF-16; source maps are UTF-8 JSON.");
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _pos = 3;
        // The source map spec allows a first line starting with ")]}" against script inclusion.
        if (Ensure(3) && _buffer[_pos] == (byte)')' && _buffer[_pos + 1] == (byte)']' && _buffer[_pos + 2] == (byte)'}')
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
                if (newline >= 0) { _pos += newline + 1; break; }
                _pos = _end;
                if (!Refill()) break;
            }
        }
    }

    private long Offset => _base + _pos;

    private JsonException Truncated() => new($"The JSON ends early at byte {Offset}: it is truncated.");

    private JsonException Invalid(int b, string where) =>
        new($"{(b is >= 0x21 and < 0x7F ? $"'{(char)b}'" : $"Byte 0x{b:X2}")} is not valid {where} (byte {Offset}).");

    public void Dispose()
    {
        if (_pooled && _buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        if (_chars.Length > 0) ArrayPool<char>.Shared.Return(_chars);
        _buffer = [];
        _chars = [];
    }
}
