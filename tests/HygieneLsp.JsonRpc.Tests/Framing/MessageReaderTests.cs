using System.Text;
using HygieneLsp.JsonRpc.Framing;
using HygieneLsp.JsonRpc.Tests.Support;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.JsonRpc.Tests.Framing;

public sealed class MessageReaderTests
{
    private readonly ListLogger _log = new();

    [Fact]
    public async Task Byte_by_byte_frames_are_reassembled()
    {
        var bodies = await ReadAll(Concat(Frame("{\"a\":1}"), Frame("{\"b\":\"é😀\"}")), _ => 1);

        Assert.Equal(["{\"a\":1}", "{\"b\":\"é😀\"}"], bodies);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task Back_to_back_frames_in_one_read_are_all_returned()
    {
        var data = Concat(Frame("[1]"), Frame("[2]"), Frame("[3]"));

        var bodies = await ReadAll(data, _ => data.Length);

        Assert.Equal(["[1]", "[2]", "[3]"], bodies);
    }

    [Fact]
    public async Task Content_length_counts_utf8_bytes_not_chars()
    {
        const string body = "{\"t\":\"é😀中\"}";
        var header = $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n";
        Assert.NotEqual(body.Length, Encoding.UTF8.GetByteCount(body));

        // Split inside the emoji's four bytes: chunks of 3 never align with character boundaries here.
        var bodies = await ReadAll(Concat(Encoding.ASCII.GetBytes(header), Encoding.UTF8.GetBytes(body), Frame("{}")), _ => 3);

        Assert.Equal([body, "{}"], bodies);
    }

    [Theory]
    [InlineData("content-length: 2\r\n\r\n{}")]
    [InlineData("CONTENT-LENGTH:2\r\n\r\n{}")]
    [InlineData("Content-Length:   2  \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}")]
    [InlineData("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("X-Custom: 1\r\nContent-Length: 2\r\nX-Other: a:b:c\r\n\r\n{}")]
    public async Task Header_names_are_case_insensitive_and_other_headers_ignored(string raw)
    {
        var bodies = await ReadAll(Encoding.ASCII.GetBytes(raw), _ => 5);

        Assert.Equal(["{}"], bodies);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("Content-Type: text/plain\r\n\r\n", "without a valid Content-Length")]
    [InlineData("Content-Length: abc\r\n\r\n", "invalid Content-Length")]
    [InlineData("Content-Length: -5\r\n\r\n", "invalid Content-Length")]
    [InlineData("Content-Length: +5\r\n\r\n", "invalid Content-Length")]
    [InlineData("Content-Length: 99999999999999999999999\r\n\r\n", "invalid Content-Length")]
    [InlineData("Content-Length: 2\r\nContent-Length: 3\r\n\r\n", "contradictory")]
    [InlineData("garbage without colon\r\n\r\n", "malformed header line")]
    public async Task A_header_block_without_a_usable_length_is_logged_and_skipped(string badBlock, string logged)
    {
        var bodies = await ReadAll(Concat(Encoding.ASCII.GetBytes(badBlock), Frame("{\"ok\":true}")), _ => 7);

        Assert.Equal(["{\"ok\":true}"], bodies);
        Assert.True(_log.Contains(LogLevel.Warning, logged), string.Join("\n", _log.Entries));
    }

    [Fact]
    public async Task Garbage_glued_before_a_header_is_skipped_and_the_frame_recovered()
    {
        var data = Concat(Encoding.ASCII.GetBytes("}junk{\"x\":1}"), Frame("{\"n\":1}"), Encoding.ASCII.GetBytes("\r\n\r\n"), Frame("{\"n\":2}"));

        var bodies = await ReadAll(data, _ => 4);

        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], bodies);
        Assert.True(_log.Contains(LogLevel.Warning, "garbage"));
    }

    [Fact]
    public async Task Endless_garbage_without_terminator_is_discarded_without_growing_or_hanging()
    {
        var garbage = new byte[300_000];
        new Random(7).NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = garbage[i] is (byte)'\r' or (byte)'\n' ? (byte)'x' : garbage[i];
        }

        var bodies = await ReadAll(Concat(garbage, Encoding.ASCII.GetBytes("\r\n\r\n"), Frame("{}")), i => 1000 + i);

        Assert.Equal(["{}"], bodies);
        Assert.True(_log.Contains(LogLevel.Warning, "without a header terminator"));
    }

    [Fact]
    public async Task Clean_end_of_stream_is_not_an_error()
    {
        Assert.Empty(await ReadAll([], _ => 1));
        Assert.Equal(["{}"], await ReadAll(Concat(Frame("{}"), Encoding.ASCII.GetBytes("\r\n")), _ => 1));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task End_of_stream_inside_a_body_ends_reading_with_a_warning()
    {
        var data = Concat(Frame("{}"), Encoding.ASCII.GetBytes("Content-Length: 10\r\n\r\n{\"a\""));

        var bodies = await ReadAll(data, _ => 2);

        Assert.Equal(["{}"], bodies);
        Assert.True(_log.Contains(LogLevel.Warning, "inside a message body"));
    }

    [Fact]
    public async Task End_of_stream_inside_a_header_ends_reading_with_a_warning()
    {
        var bodies = await ReadAll(Encoding.ASCII.GetBytes("Content-Len"), _ => 2);

        Assert.Empty(bodies);
        Assert.True(_log.Contains(LogLevel.Warning, "inside a header"));
    }

    [Fact]
    public async Task An_absurd_length_closes_the_reader_without_allocating_it()
    {
        var data = Concat(Encoding.ASCII.GetBytes("Content-Length: 300000000\r\n\r\n"), Frame("{}"), new byte[1000]);
        var reader = new MessageReader(new ChunkedStream(data, _ => 100), _log);

        // ChunkedStream completes synchronously, so the whole read runs on this thread and its allocations count here.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = await reader.ReadAsync(CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(body);
        Assert.True(allocated < 10_000_000, $"allocated {allocated} bytes");
        Assert.True(_log.Contains(LogLevel.Error, "exceeds the limit"));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_large_body_arriving_in_small_reads_is_exact()
    {
        var payload = new string('é', 1_500_000); // 3 MB of UTF-8: larger than the initial body capacity
        var json = $"{{\"p\":\"{payload}\"}}";

        var bodies = await ReadAll(Concat(Frame(json), Frame("{}")), i => 1 + (i * 7919 % 70_000));

        Assert.Equal([json, "{}"], bodies);
    }

    [Fact]
    public async Task Random_splits_of_random_frames_always_reassemble_exactly()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JSONRPC_FRAMING_SEED"), out var s) ? s : 20261121;
        var random = new Random(seed);
        string[] alphabet = ["a", "Z", "0", " ", "é", "ß", "中", "😀", "\\n", "\\\"", "{", "]"];
        var expected = new List<string>();
        var data = new List<byte>();
        for (var i = 0; i < 300; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var json = $"{{\"i\":{i},\"t\":\"{text}\"}}";
            var body = Encoding.UTF8.GetBytes(json);
            var name = random.Next(3) switch { 0 => "Content-Length", 1 => "content-length", _ => "CONTENT-length" };
            var extra = random.Next(2) == 0 ? "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" : string.Empty;
            var header = random.Next(2) == 0 ? $"{extra}{name}: {body.Length}\r\n\r\n" : $"{name}: {body.Length}\r\n{extra}\r\n";
            data.AddRange(Encoding.ASCII.GetBytes(header));
            data.AddRange(body);
            expected.Add(json);
        }

        var sizes = new Random(seed + 1);
        var bodies = await ReadAll(data.ToArray(), _ => sizes.Next(1, 64));

        Assert.True(expected.SequenceEqual(bodies), $"seed {seed}: first mismatch at {expected.Zip(bodies).TakeWhile(p => p.First == p.Second).Count()}");
    }

    private async Task<List<string>> ReadAll(byte[] data, Func<int, int> chunkSize)
    {
        var reader = new MessageReader(new ChunkedStream(data, chunkSize), _log);
        var bodies = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None).WithTimeout() is { } body)
        {
            bodies.Add(Encoding.UTF8.GetString(body));
            Assert.True(bodies.Count < 10_000, "reader did not stop");
        }

        return bodies;
    }

    private static byte[] Frame(string json) => RawPeer.Frame(json);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
