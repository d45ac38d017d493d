using HygieneLsp.JsonRpc.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Tests.Dispatch;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_during_the_handler_answers_request_cancelled()
    {
        await using var peer = new RawPeer();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connection.AddRequestHandler("slow", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }, HandlerMode.Parallel);
        peer.Connection.Start();

        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"method\":\"slow\"}");
        await started.Task.WithTimeout();
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":\"r1\"}}");
        var frame = await peer.ReadFrameAsync();

        Assert.Equal("r1", (string?)frame.Message["id"]);
        Assert.Equal(ErrorCodes.RequestCancelled, frame.ErrorCode);
    }

    [Fact]
    public async Task Cancel_before_the_handler_starts_answers_request_cancelled_without_running_it()
    {
        await using var peer = new RawPeer();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuedRan = false;
        peer.Connection.AddRequestHandler("block", async (_, _) => { await release.Task; return "blocked"; }, HandlerMode.Serial);
        peer.Connection.AddRequestHandler("queued", (_, _) => { queuedRan = true; return Task.FromResult<JToken?>("ran"); }, HandlerMode.Serial);
        peer.Connection.Start();

        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"block\"}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"queued\"}");
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":2}}");
        // The cancel is handled by the reader at once; give it a moment, then let the queue move.
        await Task.Delay(100);
        release.SetResult();

        var first = await peer.ReadFrameAsync();
        var second = await peer.ReadFrameAsync();

        Assert.Equal("blocked", (string?)first.Message["result"]);
        Assert.Equal(2, (int)second.Message["id"]!);
        Assert.Equal(ErrorCodes.RequestCancelled, second.ErrorCode);
        Assert.False(queuedRan);
    }

    [Fact]
    public async Task Cancelling_our_request_sends_cancel_to_the_peer_and_cancels_the_task()
    {
        await using var pair = new LoopbackPair();
        var serverTokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.AddRequestHandler("forever", async (_, ct) =>
        {
            using var registration = ct.Register(() => serverTokenCancelled.TrySetResult());
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }, HandlerMode.Parallel);
        pair.Server.AddRequestHandler("ping", (_, _) => Task.FromResult<JToken?>("pong"), HandlerMode.Serial);
        pair.Start();
        using var cts = new CancellationTokenSource();

        var call = pair.Client.SendRequestAsync("forever", null, cts.Token);
        await started.Task.WithTimeout();
        cts.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WithTimeout());
        Assert.Equal(cts.Token, cancelled.CancellationToken);
        await serverTokenCancelled.Task.WithTimeout();

        // The late RequestCancelled response for the forgotten id is ignored; the connection keeps working.
        Assert.Equal("pong", (string?)await pair.Client.SendRequestAsync("ping", null).WithTimeout());
    }

    [Fact]
    public async Task Cancelling_our_request_puts_exactly_one_cancel_request_on_the_wire()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();
        using var cts = new CancellationTokenSource();

        var call = peer.Connection.SendRequestAsync("slow/thing", new { a = 1 }, cts.Token);
        var request = await peer.ReadFrameAsync();
        cts.Cancel();
        cts.Cancel();
        var cancel = await peer.ReadFrameAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WithTimeout());
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":" + request.Message["id"] + "}}",
            System.Text.Encoding.UTF8.GetString(cancel.Body));
        await peer.Connection.SendNotificationAsync("marker", null).WithTimeout();
        Assert.Equal("marker", (string?)(await peer.ReadFrameAsync()).Message["method"]);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => peer.Connection.SendRequestAsync("never", null, new CancellationToken(canceled: true)));
        await peer.Connection.SendNotificationAsync("marker", null).WithTimeout();

        Assert.Equal("marker", (string?)(await peer.ReadFrameAsync()).Message["method"]);
    }

    [Fact]
    public async Task Every_request_is_answered_exactly_once_under_random_cancellation()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JSONRPC_CANCEL_SEED"), out var s) ? s : 4242;
        var random = new Random(seed);
        await using var peer = new RawPeer();
        peer.Connection.AddRequestHandler("work", async (p, ct) =>
        {
            await Task.Delay((int)p![0]!, ct);
            return p[0];
        }, HandlerMode.Parallel);
        peer.Connection.AddRequestHandler("step", async (p, ct) =>
        {
            await Task.Delay((int)p![0]!, ct);
            return p[0];
        }, HandlerMode.Serial);
        peer.Connection.Start();

        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            var method = random.Next(4) == 0 ? "step" : "work";
            await peer.SendFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"{method}\",\"params\":[{random.Next(0, 5)}]}}");
            if (random.Next(3) == 0)
            {
                var target = random.Next(0, i + 1);
                await peer.SendFrameAsync($"{{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{{\"id\":{target}}}}}");
            }
        }

        var answered = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var frame = await peer.ReadFrameAsync();
            var id = (int)frame.Message["id"]!;
            answered[id] = answered.GetValueOrDefault(id) + 1;
            Assert.True(frame.Message["result"] is not null || frame.ErrorCode == ErrorCodes.RequestCancelled, $"seed {seed}: {frame.Message}");
        }

        Assert.Equal(Enumerable.Range(0, count), answered.Keys.Order());
        Assert.All(answered.Values, n => Assert.Equal(1, n));

        // Nothing more: a marker request is the very next frame.
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":\"end\",\"method\":\"work\",\"params\":[0]}");
        Assert.Equal("end", (string?)(await peer.ReadFrameAsync()).Message["id"]);
    }
}
