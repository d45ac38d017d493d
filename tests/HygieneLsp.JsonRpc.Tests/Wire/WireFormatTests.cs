using System.Text;
using HygieneLsp.JsonRpc.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Tests.Wire;

/// <summary>Exact bytes on the wire, read back with the strict parser of <see cref="RawPeer"/>.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public async Task A_notification_is_one_frame_whose_length_counts_utf8_bytes()
    {
        await using var peer = new RawPeer();

        await peer.Connection.SendNotificationAsync("note", new { Text = "é😀" }).WithTimeout();
        var frame = await peer.ReadFrameAsync();

        const string expected = "{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"text\":\"é😀\"}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(frame.Body));
        Assert.Equal($"Content-Length: {Encoding.UTF8.GetByteCount(expected)}", frame.Header);
        Assert.NotEqual(expected.Length, Encoding.UTF8.GetByteCount(expected));
    }

    [Fact]
    public async Task Hundred_concurrent_notifications_give_hundred_well_formed_frames()
    {
        await using var peer = new RawPeer();
        var payload = new string('x', 5000) + "é";

        // 500 KB exceeds the pipe's buffer: read while they are written, as a real peer does.
        var sends = Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => peer.Connection.SendNotificationAsync("n", new { I = i, Payload = payload }))));

        var seen = new HashSet<int>();
        for (var i = 0; i < 100; i++)
        {
            var frame = await peer.ReadFrameAsync();
            Assert.Equal("n", (string?)frame.Message["method"]);
            Assert.Equal(payload, (string?)frame.Message["params"]!["payload"]);
            Assert.True(seen.Add((int)frame.Message["params"]!["i"]!));
        }

        Assert.Equal(100, seen.Count);
        await sends.WithTimeout();
    }

    [Fact]
    public async Task A_null_result_is_sent_as_an_explicit_null()
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("nothing", (_, _) => Task.FromResult<JToken?>(null), HandlerMode.Parallel);
        peer.Connection.Start();

        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nothing\"}");
        var frame = await peer.ReadFrameAsync();

        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}", Encoding.UTF8.GetString(frame.Body));
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("\"1\"", "\"1\"")]
    [InlineData("0", "0")]
    [InlineData("-3", "-3")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    public async Task Ids_are_echoed_exactly_whether_numbers_or_strings(string id, string echoed)
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("echo", (p, _) => Task.FromResult(p), HandlerMode.Serial);
        peer.Connection.Start();

        await peer.SendFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"echo\",\"params\":[1]}}");
        var frame = await peer.ReadFrameAsync();

        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":{echoed},\"result\":[1]}}", Encoding.UTF8.GetString(frame.Body));
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", ErrorCodes.ParseError, "null")]
    [InlineData("not json at all", ErrorCodes.ParseError, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"hunter2\" hunter2}}", ErrorCodes.ParseError, "null")]
    [InlineData("{\"a\":1} trailing", ErrorCodes.ParseError, "null")]
    [InlineData("", ErrorCodes.ParseError, "null")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}]", ErrorCodes.InvalidRequest, "null")]
    [InlineData("42", ErrorCodes.InvalidRequest, "null")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"m\"}", ErrorCodes.InvalidRequest, "9")]
    [InlineData("{\"id\":\"s\",\"method\":\"m\"}", ErrorCodes.InvalidRequest, "\"s\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4}", ErrorCodes.InvalidRequest, "4")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":12}", ErrorCodes.InvalidRequest, "5")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"m\"}", ErrorCodes.InvalidRequest, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"m\"}", ErrorCodes.InvalidRequest, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}", ErrorCodes.InvalidRequest, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"m\",\"params\":\"text\"}", ErrorCodes.InvalidRequest, "6")]
    public async Task Bad_messages_are_answered_with_the_right_code_and_id(string body, int code, string id)
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("m", (_, _) => Task.FromResult<JToken?>("ran"), HandlerMode.Serial);
        peer.Connection.Start();

        await peer.SendFrameAsync(body);
        var frame = await peer.ReadFrameAsync();

        Assert.Equal(code, frame.ErrorCode);
        Assert.Equal(id, frame.Message["id"]!.ToString(Formatting.None));
        Assert.Null(frame.Message["result"]);
        Assert.DoesNotContain("hunter2", frame.Message.ToString());
        Assert.DoesNotContain(peer.Log.Entries, e => e.Text.Contains("hunter2"));

        // Still serving afterwards.
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":100,\"method\":\"m\"}");
        Assert.Equal("ran", (string?)(await peer.ReadFrameAsync()).Message["result"]);
    }

    [Fact]
    public async Task Responses_are_never_answered_even_when_malformed()
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("m", (_, _) => Task.FromResult<JToken?>("marker"), HandlerMode.Serial);
        peer.Connection.Start();

        var pending = peer.Connection.SendRequestAsync("ask", null);
        var id = (await peer.ReadFrameAsync()).Message["id"]!.ToString(Formatting.None);
        await peer.SendFrameAsync("{\"id\":" + id + ",\"result\":\"lenient\"}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":777,\"error\":{\"code\":1,\"message\":\"stray\"}}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"you sent garbage\"}}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":\"end\",\"method\":\"m\"}");

        Assert.Equal("lenient", (string?)await pending.WithTimeout());
        Assert.Equal("end", (string?)(await peer.ReadFrameAsync()).Message["id"]);
        Assert.True(peer.Log.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "you sent garbage"));
    }

    [Fact]
    public async Task Garbage_and_bad_headers_between_frames_cost_nothing_but_a_log_line()
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("m", (p, _) => Task.FromResult(p), HandlerMode.Serial);
        peer.Connection.Start();

        await peer.SendAsync("Content-Length: nope\r\n\r\n");
        await peer.SendAsync("Content-Type: only\r\n\r\n");
        await peer.SendAsync("\r\n\r\n");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"v\":\"é\"}}");
        var frame = await peer.ReadFrameAsync();

        Assert.Equal(1, (int)frame.Message["id"]!);
        Assert.Equal("é", (string?)frame.Message["result"]!["v"]);
        Assert.True(peer.Log.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "Content-Length"));
    }

    [Fact]
    public async Task Serializer_is_camel_case_omits_nulls_keeps_explicit_names_dictionary_keys_and_date_strings()
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler<Probe, Probe>(
            "probe", (p, _) => Task.FromResult(p with { Missing = null }), HandlerMode.Parallel);
        peer.Connection.Start();

        await peer.SendFrameAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"probe\",\"params\":{\"someValue\":3,\"When\":\"2026-01-02T03:04:05Z\"," +
            "\"custom_NAME\":\"c\",\"Map\":{\"File:///A.ts\":1},\"missing\":\"x\"}}");
        var frame = await peer.ReadFrameAsync();

        Assert.Equal(
            "{\"someValue\":3,\"when\":\"2026-01-02T03:04:05Z\",\"custom_NAME\":\"c\",\"map\":{\"File:///A.ts\":1}}",
            frame.Message["result"]!.ToString(Formatting.None));
    }

    private sealed record Probe(
        int SomeValue, string When, [property: JsonProperty("custom_NAME")] string Custom, Dictionary<string, int> Map, string? Missing);
}
