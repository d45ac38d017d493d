using System.Text;
using System.Text.Json;
using HygieneLsp.Core.Artifacts.SourceMaps;

namespace HygieneLsp.Core.Tests.Artifacts;

/// <summary>
/// The map reader's JSON tokenizer against System.Text.Json's Utf8JsonReader as the oracle: the same tokens on
/// generated documents (read through buffers small enough that every token and every multi-byte character crosses a
/// refill), the same strings as the generator meant, and the same verdict (valid or not) on thousands of mutations.
/// </summary>
public sealed class StreamingJsonReaderTests
{
    private static readonly int[] BufferSizes = [8, 9, 13, 64, StreamingJsonReader.DefaultBufferSize];

    private readonly record struct Tok(JsonToken Type, string? Text, long? Integer);

    private static List<Tok> Ours(byte[] bytes, int bufferSize, bool decodeStrings = true)
    {
        var tokens = new List<Tok>();
        using var r = new StreamingJsonReader(new MemoryStream(bytes), bufferSize: bufferSize);
        while (r.Read())
        {
            string? text = null;
            long? integer = null;
            if (r.Token == JsonToken.PropertyName) text = r.GetString().ToString();
            else if (r.Token == JsonToken.String && decodeStrings) text = r.GetString().ToString();
            else if (r.TryGetInt64(out var n)) integer = n;
            tokens.Add(new Tok(r.Token, text, integer));
        }
        return tokens;
    }

    private static List<Tok> Oracle(byte[] bytes)
    {
        var tokens = new List<Tok>();
        var r = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        while (r.Read())
        {
            var type = r.TokenType switch
            {
                JsonTokenType.StartObject => JsonToken.StartObject,
                JsonTokenType.EndObject => JsonToken.EndObject,
                JsonTokenType.StartArray => JsonToken.StartArray,
                JsonTokenType.EndArray => JsonToken.EndArray,
                JsonTokenType.PropertyName => JsonToken.PropertyName,
                JsonTokenType.String => JsonToken.String,
                JsonTokenType.Number => JsonToken.Number,
                JsonTokenType.True => JsonToken.True,
                JsonTokenType.False => JsonToken.False,
                JsonTokenType.Null => JsonToken.Null,
                _ => throw new InvalidOperationException(r.TokenType.ToString()),
            };
            long? integer = type == JsonToken.Number && r.TryGetInt64(out var n) ? n : null;
            tokens.Add(new Tok(type, null, integer));
        }
        return tokens;
    }

    private static bool OracleAccepts(byte[] bytes)
    {
        try { Oracle(bytes); return true; }
        catch (JsonException) { return false; }
    }

    private static bool WeAccept(byte[] bytes, int bufferSize, out string? error)
    {
        error = null;
        // A document is one value: a stream with no tokens is no document (our Read says false, the oracle throws).
        try { return Ours(bytes, bufferSize, decodeStrings: bytes.Length % 2 == 0).Count > 0; }
        catch (JsonException e) { error = e.Message; return false; }
    }

    [Fact]
    public void GeneratedDocumentsGiveTheOraclesTokensAndTheMeantStrings()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var gen = new Generator(new Random(seed));
            var (json, strings) = gen.Document();
            var bytes = Encoding.UTF8.GetBytes(json);
            var oracle = Oracle(bytes);
            foreach (var size in BufferSizes)
            {
                var ours = Ours(bytes, size);
                Assert.Equal(oracle.Select(t => (t.Type, t.Integer)), ours.Select(t => (t.Type, t.Integer)));
                Assert.Equal(strings, ours.Where(t => t.Text is not null).Select(t => t.Text!));
            }
        }
    }

    [Fact]
    public void SkippingAStringValidatesItTheSameAsDecodingIt()
    {
        // Skipping happens when a caller does not ask for a string (a map's "mappings", contents while only counting).
        for (var seed = 0; seed < 200; seed++)
        {
            var (json, _) = new Generator(new Random(seed)).Document();
            var bytes = Encoding.UTF8.GetBytes(json);
            foreach (var size in BufferSizes)
                Assert.Equal(Oracle(bytes).Select(t => t.Type), Ours(bytes, size, decodeStrings: false).Select(t => t.Type));
        }
    }

    [Fact]
    public void MutatedDocumentsAreAcceptedExactlyWhenTheOracleAcceptsThem()
    {
        // Bytes a typo, a cut or corruption would bring: structure, quotes, escapes, digits, controls (no invalid
        // UTF-8: we decode it leniently on purpose, see InvalidUtf8IsReplacedNotRejected).
        var alphabet = "{}[],:\"\\/ubfnrt0123456789abcdefABCDEF.-+eEls \n\t\u0001\u001f\u007fx".Select(c => (byte)c).ToArray();
        var structure = "{}[],:\"".Select(c => (byte)c).ToArray();
        var random = new Random(2026);
        byte Pick() => random.Next(2) == 0 ? structure[random.Next(structure.Length)] : alphabet[random.Next(alphabet.Length)];
        var checkedCases = 0;
        var rejected = 0;
        for (var i = 0; i < 6000; i++)
        {
            var (json, _) = new Generator(new Random(i), small: true).Document();
            var bytes = Encoding.UTF8.GetBytes(json).ToList();
            for (var m = random.Next(1, 4); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0: bytes.RemoveAt(at); break;
                    case 1: bytes.Insert(at, Pick()); break;
                    default: bytes[at] = Pick(); break;
                }
            }
            if (random.Next(10) == 0 && bytes.Count > 0) // cut off, as a partly written file is
            {
                var cut = random.Next(bytes.Count);
                bytes.RemoveRange(cut, bytes.Count - cut);
            }
            var doc = bytes.ToArray();
            var expected = OracleAccepts(doc);
            foreach (var size in new[] { 8, 64 })
            {
                var actual = WeAccept(doc, size, out var error);
                Assert.True(expected == actual,
                    $"oracle {(expected ? "accepts" : "rejects")}, we {(actual ? "accept" : "reject: " + error)} (buffer {size}): {Encoding.UTF8.GetString(doc)}");
            }
            checkedCases++;
            if (!expected) rejected++;
        }
        // Both verdicts must be well represented, or the comparison says little.
        Assert.InRange(rejected, checkedCases / 10, checkedCases * 9 / 10);
    }

    [Theory]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[,1]")]
    [InlineData("{,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":}")]
    [InlineData("{1:2}")]
    [InlineData("[01]")]
    [InlineData("[-]")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[1e]")]
    [InlineData("[1e+]")]
    [InlineData("[-01]")]
    [InlineData("[1E+5, -0.0e-0, 0]")]
    [InlineData("[tru]")]
    [InlineData("[nulll]")]
    [InlineData("[\"\\x\"]")]
    [InlineData("[\"\\u12G4\"]")]
    [InlineData("[\"tab\tinside\"]")]
    [InlineData("[\"del\u007f ok\"]")]
    [InlineData("{} x")]
    [InlineData("[] []")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\":1 \"b\":2}")]
    [InlineData("// comment\n{}")]
    [InlineData("{\"a\":[1,{\"b\":null}],\"c\":true}")]
    public void EdgeCasesGetTheOraclesVerdict(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var size in BufferSizes) Assert.Equal(OracleAccepts(bytes), WeAccept(bytes, size, out _));
    }

    [Fact]
    public void EveryPrefixOfADocumentIsTruncated()
    {
        var (json, _) = new Generator(new Random(11)).Document();
        var bytes = Encoding.UTF8.GetBytes(json);
        for (var n = 1; n < bytes.Length; n++)
        {
            var prefix = bytes[..n];
            if (prefix.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r')) continue;
            if (OracleAccepts(prefix)) continue; // a prefix can be a whole value (a number at the root)
            var e = Assert.Throws<JsonException>(() => Ours(prefix, 8));
            Assert.Contains("byte", e.Message);
        }
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void NestingDepthLimitMatchesTheOracle(int depth, bool valid)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.Equal(valid, OracleAccepts(bytes));
        Assert.Equal(valid, WeAccept(bytes, 64, out _));
    }

    [Theory]
    [InlineData("9223372036854775807", 9223372036854775807L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("-0", 0L)]
    [InlineData("3", 3L)]
    public void IntegersReadLikeTheOracle(string number, long value)
    {
        var t = Assert.Single(Ours(Encoding.UTF8.GetBytes(number), 8));
        Assert.Equal(value, t.Integer);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("184467440737095516150")]
    [InlineData("3.0")]
    [InlineData("3e0")]
    public void NonIntegersAreNotInt64(string number)
    {
        Assert.Null(Assert.Single(Ours(Encoding.UTF8.GetBytes(number), 8)).Integer);
        Assert.Null(Assert.Single(Oracle(Encoding.UTF8.GetBytes(number))).Integer);
    }

    [Fact]
    public void InvalidUtf8IsReplacedNotRejected()
    {
        // A map written from a Latin-1 file: the rest of the original must still be read, at the right place.
        byte[] bytes = [.. "[\"caf"u8, 0xE9, .. "\\nnext\", \"x"u8, 0xF0, 0x9F, .. "\"]"u8];
        foreach (var size in BufferSizes)
            Assert.Equal(["caf\uFFFD\nnext", "x\uFFFD"], Ours(bytes, size).Where(t => t.Text is not null).Select(t => t.Text!));
    }

    [Fact]
    public void Utf8LengthCountsEscapesAsWhatTheyStandFor()
    {
        var value = "a\"b\\\n\u00e9\u4e2d😀\ud800x";
        var json = "[\"a\\\"b\\\\\\n\\u00e9\u4e2d\\ud83d\\ude00\\ud800x\"]";
        using var r = new StreamingJsonReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), bufferSize: 8);
        r.Read();
        r.Read();
        r.SkipString();
        // The lone surrogate counts as the U+FFFD a UTF-8 encoder would write for it.
        Assert.Equal(Encoding.UTF8.GetByteCount(value), r.StringUtf8Length);
    }

    [Fact]
    public void WhitespaceOnlyIsNoDocumentAndContentAfterTheRootIsAnError()
    {
        Assert.Empty(Ours(" \n\t "u8.ToArray(), 8));
        Assert.Throws<JsonException>(() => Ours("{} {}"u8.ToArray(), 8));
        Assert.Equal(2, Ours("{}  \n"u8.ToArray(), 8).Count);
    }

    [Fact]
    public void Utf16IsAClearError()
    {
        var e = Assert.Throws<InvalidDataException>(() => new StreamingJsonReader(new MemoryStream([0xFF, 0xFE, (byte)'{', 0])));
        Assert.Contains("UTF-16", e.Message);
    }

    /// <summary>Random JSON written with random escaping choices, and the strings it means, in document order.</summary>
    private sealed class Generator(Random random, bool small = false)
    {
        private readonly List<string> _strings = [];

        public (string Json, List<string> Strings) Document()
        {
            var sb = new StringBuilder();
            Value(sb, 0);
            return (sb.ToString(), _strings);
        }

        private void Space(StringBuilder sb)
        {
            if (random.Next(4) == 0) sb.Append(" \n\t\r"[..random.Next(1, 5)]);
        }

        private void Value(StringBuilder sb, int depth)
        {
            Space(sb);
            // The root is a container (as a map is), deeper levels anything.
            var kind = depth == 0 ? random.Next(2) : depth >= (small ? 3 : 6) ? random.Next(2, 7) : random.Next(7);
            switch (kind)
            {
                case 0:
                    sb.Append('{');
                    var members = random.Next(small ? 4 : 7);
                    for (var i = 0; i < members; i++)
                    {
                        if (i > 0) sb.Append(',');
                        Space(sb);
                        String(sb);
                        Space(sb);
                        sb.Append(':');
                        Value(sb, depth + 1);
                    }
                    Space(sb);
                    sb.Append('}');
                    break;
                case 1:
                    sb.Append('[');
                    var n = random.Next(small ? 4 : 8);
                    for (var i = 0; i < n; i++)
                    {
                        if (i > 0) sb.Append(',');
                        Value(sb, depth + 1);
                    }
                    Space(sb);
                    sb.Append(']');
                    break;
                case 2:
                case 3:
                    String(sb);
                    break;
                case 4:
                    sb.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                    break;
                default:
                    sb.Append(random.Next(6) switch
                    {
                        0 => random.Next(-1000, 1000).ToString(),
                        1 => "-0",
                        2 => random.NextInt64().ToString(),
                        3 => $"{random.Next(100)}.{random.Next(1000)}",
                        4 => $"{random.Next(-9, 9)}e{(random.Next(2) == 0 ? "+" : "-")}{random.Next(30)}",
                        _ => "123456789012345678901234567890",
                    });
                    break;
            }
            Space(sb);
        }

        private void String(StringBuilder sb)
        {
            var meant = new StringBuilder();
            sb.Append('"');
            var length = random.Next(10) == 0 ? random.Next(50, small ? 60 : 3000) : random.Next(0, 12);
            for (var i = 0; i < length; i++)
            {
                switch (random.Next(12))
                {
                    case 0: Escape(sb, meant, random.Next(8)); break;
                    case 1: meant.Append('é'); sb.Append('é'); break;
                    case 2: meant.Append('中'); sb.Append(random.Next(2) == 0 ? "中" : "\\u4E2D"); break;
                    case 3: meant.Append("😀"); sb.Append(random.Next(2) == 0 ? "😀" : "\\ud83d\\uDE00"); break;
                    case 4: meant.Append('\ud800'); sb.Append("\\ud800"); break; // a lone surrogate: kept as the code unit
                    case 5: var c = (char)random.Next(0, 0x20); meant.Append(c); sb.Append($"\\u{(int)c:x4}"); break;
                    default: var a = (char)random.Next('a', 'z' + 1); meant.Append(a); sb.Append(a); break;
                }
            }
            sb.Append('"');
            _strings.Add(meant.ToString());
        }

        private static void Escape(StringBuilder sb, StringBuilder meant, int which)
        {
            var (escape, value) = which switch
            {
                0 => ("\\\"", '"'), 1 => ("\\\\", '\\'), 2 => ("\\/", '/'), 3 => ("\\b", '\b'),
                4 => ("\\f", '\f'), 5 => ("\\n", '\n'), 6 => ("\\r", '\r'), _ => ("\\t", '\t'),
            };
            sb.Append(escape);
            meant.Append(value);
        }
    }
}
