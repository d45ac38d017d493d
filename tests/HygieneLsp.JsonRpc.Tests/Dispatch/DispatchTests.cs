using HygieneLsp.JsonRpc.Tests.Support;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Tests.Dispatch;

/// <summary>Handler outcomes become the right responses; two real connections talk over pipes.</summary>
public sealed class DispatchTests
{
    [Fact]
    public async Task Typed_request_round_trip_with_camel_case_both_ways()
    {
        await using var pair = new LoopbackPair();
        pair.Server.AddRequestHandler<AddParams, AddResult>(
            "math/add", (p, _) => Task.FromResult(new AddResult(p.Left + p.Right)), HandlerMode.Parallel);
        pair.Start();

        var result = await pair.Client.SendRequestAsync<AddResult>("math/add", new AddParams(2, 40)).WithTimeout();

        Assert.Equal(42, result!.Sum);
    }

    [Fact]
    public async Task Unknown_request_is_method_not_found_and_unknown_notifications_are_dropped_silently()
    {
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("known", (_, _) => Task.FromResult<JToken?>(1), HandlerMode.Serial);
        peer.Connection.Start();

        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{}}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"method\":\"some/notification\"}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"known\"}");

        var first = await peer.ReadFrameAsync();
        var second = await peer.ReadFrameAsync();
        var byId = new[] { first, second }.ToDictionary(f => (int)f.Message["id"]!);
        Assert.Equal(ErrorCodes.MethodNotFound, byId[1].ErrorCode);
        Assert.Equal(1, (int)byId[2].Message["result"]!);
        Assert.DoesNotContain(peer.Log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Params_that_do_not_convert_are_invalid_params_and_the_handler_does_not_run()
    {
        await using var pair = new LoopbackPair();
        var ran = 0;
        pair.Server.AddRequestHandler<AddParams, AddResult>(
            "math/add", (p, _) => { ran++; return Task.FromResult(new AddResult(p.Left + p.Right)); }, HandlerMode.Serial);
        pair.Start();

        var bad = await Assert.ThrowsAsync<RemoteErrorException>(
            () => pair.Client.SendRequestAsync("math/add", new JObject { ["left"] = "hunter2-not-a-number" }).WithTimeout());
        var wrongShape = await Assert.ThrowsAsync<RemoteErrorException>(
            () => pair.Client.SendRequestAsync("math/add", new JArray(1, 2)).WithTimeout());

        Assert.Equal(ErrorCodes.InvalidParams, bad.Code);
        Assert.Equal(ErrorCodes.InvalidParams, wrongShape.Code);
        Assert.Equal("math/add", bad.Method);
        Assert.Equal(0, ran);

        // The error names where, never what: params may carry secrets and the message reaches logs.
        Assert.Contains("left", bad.RemoteMessage);
        Assert.DoesNotContain("hunter2", bad.RemoteMessage);
        Assert.DoesNotContain(pair.ServerLog.Entries, e => e.Text.Contains("hunter2"));
    }

    [Fact]
    public async Task A_handler_exception_is_internal_error_without_stack_and_the_server_keeps_working()
    {
        await using var pair = new LoopbackPair();
        var calls = 0;
        pair.Server.AddRequestHandler(
            "flaky",
            (_, _) => ++calls == 1 ? throw new InvalidOperationException("boom") : Task.FromResult<JToken?>("fine"),
            HandlerMode.Serial);
        pair.Server.AddRequestHandler("async-boom", async (_, _) =>
        {
            await Task.Yield();
            throw new FormatException("late boom");
        }, HandlerMode.Parallel);
        pair.Start();

        var error = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync("flaky", null).WithTimeout());
        var late = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync("async-boom", null).WithTimeout());
        var after = await pair.Client.SendRequestAsync("flaky", null).WithTimeout();

        Assert.Equal(ErrorCodes.InternalError, error.Code);
        Assert.Equal("boom", error.RemoteMessage);
        Assert.Equal(ErrorCodes.InternalError, late.Code);
        Assert.Equal("late boom", late.RemoteMessage);
        Assert.Equal("fine", (string?)after);
        Assert.True(pair.ServerLog.Contains(LogLevel.Error, "flaky"));
    }

    [Fact]
    public async Task A_JsonRpcException_passes_its_code_message_and_data_through()
    {
        await using var pair = new LoopbackPair();
        pair.Server.AddRequestHandler(
            "refuse",
            (_, _) => throw new JsonRpcException(ErrorCodes.ContentModified, "stale", new JObject { ["why"] = "edited" }),
            HandlerMode.Parallel);
        pair.Start();

        var error = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync("refuse", null).WithTimeout());

        Assert.Equal(ErrorCodes.ContentModified, error.Code);
        Assert.Equal("stale", error.RemoteMessage);
        Assert.Equal("edited", (string?)error.ErrorData!["why"]);
    }

    [Fact]
    public async Task A_notification_handler_exception_is_logged_and_not_fatal()
    {
        await using var pair = new LoopbackPair();
        var typedCalls = 0;
        pair.Server.AddNotificationHandler("explode", (_, _) => throw new InvalidOperationException("kaput"), HandlerMode.Serial);
        pair.Server.AddNotificationHandler<AddParams>("typed", (_, _) => { typedCalls++; return Task.CompletedTask; }, HandlerMode.Serial);
        pair.Server.AddRequestHandler("ping", (_, _) => Task.FromResult<JToken?>("pong"), HandlerMode.Serial);
        pair.Start();

        await pair.Client.SendNotificationAsync("explode", null).WithTimeout();
        await pair.Client.SendNotificationAsync("typed", new JObject { ["left"] = "x" }).WithTimeout();
        await pair.Client.SendNotificationAsync("typed", new AddParams(1, 2)).WithTimeout();

        // Serial order: once ping is answered, the notifications before it were handled.
        Assert.Equal("pong", (string?)await pair.Client.SendRequestAsync("ping", null).WithTimeout());
        Assert.True(pair.ServerLog.Contains(LogLevel.Error, "explode"));
        Assert.True(pair.ServerLog.Contains(LogLevel.Error, "typed"));
        Assert.Equal(1, typedCalls);
    }

    [Fact]
    public async Task Gate_refuses_requests_with_its_error_drops_notifications_and_never_sees_cancel()
    {
        await using var pair = new LoopbackPair();
        var seen = new List<(string Method, bool IsRequest)>();
        var noted = 0;
        pair.Server.Gate = (method, isRequest) =>
        {
            lock (seen)
            {
                seen.Add((method, isRequest));
            }

            return method.StartsWith("locked", StringComparison.Ordinal)
                ? new JsonRpcException(ErrorCodes.ServerNotInitialized, "not yet")
                : null;
        };
        pair.Server.AddRequestHandler("locked/read", (_, _) => Task.FromResult<JToken?>("leak"), HandlerMode.Parallel);
        pair.Server.AddNotificationHandler("locked/note", (_, _) => { noted++; return Task.CompletedTask; }, HandlerMode.Serial);
        pair.Server.AddRequestHandler("open", (_, _) => Task.FromResult<JToken?>("ok"), HandlerMode.Serial);
        pair.Start();

        var refused = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync("locked/read", null).WithTimeout());
        var unknownRefused = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync("locked/unknown", null).WithTimeout());
        await pair.Client.SendNotificationAsync("locked/note", null).WithTimeout();
        await pair.Client.SendNotificationAsync("$/cancelRequest", new { id = 999 }).WithTimeout();
        Assert.Equal("ok", (string?)await pair.Client.SendRequestAsync("open", null).WithTimeout());

        Assert.Equal(ErrorCodes.ServerNotInitialized, refused.Code);
        Assert.Equal("not yet", refused.RemoteMessage);
        Assert.Equal(ErrorCodes.ServerNotInitialized, unknownRefused.Code);
        Assert.Equal(0, noted);
        Assert.Equal([("locked/read", true), ("locked/unknown", true), ("locked/note", false), ("open", true)], seen);
        Assert.True(pair.ServerLog.Contains(LogLevel.Warning, "locked/note"));
    }

    [Fact]
    public async Task A_handler_can_await_a_request_to_the_peer_without_deadlock()
    {
        await using var pair = new LoopbackPair();
        pair.Client.AddRequestHandler("peer/config", (p, _) => Task.FromResult<JToken?>("cfg-" + (string?)p!["key"]), HandlerMode.Serial);
        pair.Server.AddRequestHandler("work", async (_, ct) =>
        {
            // A serial handler holds the queue while it waits on the peer: the response must bypass that queue.
            var a = await pair.Server.SendRequestAsync<string>("peer/config", new { key = "a" }, ct);
            var b = await pair.Server.SendRequestAsync<string>("peer/config", new { key = "b" }, ct);
            return new JValue($"{a},{b}");
        }, HandlerMode.Serial);
        pair.Start();

        var result = await pair.Client.SendRequestAsync<string>("work", null).WithTimeout();

        Assert.Equal("cfg-a,cfg-b", result);
    }

    [Fact]
    public async Task Remote_errors_and_null_results_come_back_typed()
    {
        await using var pair = new LoopbackPair();
        pair.Server.AddRequestHandler("null", (_, _) => Task.FromResult<JToken?>(null), HandlerMode.Parallel);
        pair.Start();

        Assert.Null(await pair.Client.SendRequestAsync<AddResult>("null", null).WithTimeout());
        Assert.Equal(0, await pair.Client.SendRequestAsync<int>("null", null).WithTimeout());
        var missing = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync<int>("absent", null).WithTimeout());
        Assert.Equal(ErrorCodes.MethodNotFound, missing.Code);
    }

    [Fact]
    public async Task Responses_with_string_ids_reach_the_right_caller_and_unknown_ids_are_ignored()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();

        var pending = peer.Connection.SendRequestAsync("ask", new { q = 1 });
        var request = await peer.ReadFrameAsync();
        var id = request.Message["id"]!;
        Assert.Equal(JTokenType.Integer, id.Type);

        // A string id that looks the same is a different request; an unknown id is ignored.
        await peer.SendFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":\"{id}\",\"result\":\"wrong\"}}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":424242,\"result\":\"stray\"}");
        Assert.False(await pending.CompletesWithin(TimeSpan.FromMilliseconds(200)));
        await peer.SendFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"right\"}}");

        Assert.Equal("right", (string?)await pending.WithTimeout());
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ask\",\"params\":{\"q\":1}}", System.Text.Encoding.UTF8.GetString(request.Body));
    }

    private sealed record AddParams(int Left, int Right);

    private sealed record Document(string Uri);

    private sealed record Context(IReadOnlyList<Document>? Items, string? Note);

    private sealed record ActionParams(Document Document, Context Context);

    [Fact]
    public async Task Missing_required_members_are_invalid_params_naming_the_member()
    {
        await using var pair = new LoopbackPair();
        var ran = 0;
        pair.Server.AddRequestHandler<ActionParams, AddResult>(
            "act", (p, _) => { ran++; return Task.FromResult(new AddResult(p.Document.Uri.Length)); }, HandlerMode.Parallel);
        pair.Start();

        async Task<string> Refused(JToken? parameters)
        {
            var e = await Assert.ThrowsAsync<RemoteErrorException>(() => pair.Client.SendRequestAsync("act", parameters).WithTimeout());
            Assert.Equal(ErrorCodes.InvalidParams, e.Code);
            return e.RemoteMessage;
        }

        Assert.Contains("ActionParams is required", await Refused(null));
        Assert.Contains("'document' is required", await Refused(new JObject()));
        Assert.Contains("'context' is required", await Refused(new JObject { ["document"] = new JObject { ["uri"] = "u" }, ["context"] = null }));
        Assert.Contains("'context.items[0].uri' is required",
            await Refused(new JObject { ["document"] = new JObject { ["uri"] = "u" }, ["context"] = new JObject { ["items"] = new JArray(new JObject()) } }));
        Assert.Equal(0, ran);
        // Optional members may be left out.
        var ok = await pair.Client.SendRequestAsync("act", new JObject { ["document"] = new JObject { ["uri"] = "abc" }, ["context"] = new JObject() }).WithTimeout();
        Assert.Equal(3, (int)ok!["sum"]!);
    }

    private sealed record AddResult(int Sum);
}
