using HygieneLsp.JsonRpc.Tests.Support;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Tests.Lifecycle;

/// <summary>End of input, dispose and output failure: nothing hangs, nothing waits forever, every request answered.</summary>
public sealed class ClosingTests
{
    [Fact]
    public async Task Clean_end_of_input_completes_without_error()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();

        peer.CloseInput();

        await peer.Connection.Completion.WithTimeout();
        Assert.True(peer.Connection.Completion.IsCompletedSuccessfully);
        Assert.DoesNotContain(peer.Log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task End_of_input_mid_body_completes_too()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();

        await peer.SendAsync("Content-Length: 50\r\n\r\n{\"jsonrpc\"");
        peer.CloseInput();

        await peer.Connection.Completion.WithTimeout();
        Assert.True(peer.Log.Contains(LogLevel.Warning, "inside a message body"));
    }

    [Fact]
    public async Task End_of_input_fails_pending_requests_cancels_handlers_and_still_answers_them()
    {
        await using var peer = new RawPeer();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connection.AddRequestHandler("slow", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }, HandlerMode.Serial);
        peer.Connection.Start();

        var ours = peer.Connection.SendRequestAsync("peer/question", null);
        await peer.ReadFrameAsync();
        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"slow\"}");
        await started.Task.WithTimeout();
        peer.CloseInput();

        var closed = await Assert.ThrowsAsync<ConnectionClosedException>(() => ours.WithTimeout());
        Assert.Contains("peer/question", closed.Message);
        var answer = await peer.ReadFrameAsync();
        Assert.Equal(3, (int)answer.Message["id"]!);
        Assert.Equal(ErrorCodes.RequestCancelled, answer.ErrorCode);
        await peer.Connection.Completion.WithTimeout();
    }

    [Fact]
    public async Task A_notification_arriving_just_before_end_of_input_is_still_handled()
    {
        await using var peer = new RawPeer();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connection.AddNotificationHandler("last/words", (_, _) => { handled.TrySetResult(); return Task.CompletedTask; }, HandlerMode.Serial);
        peer.Connection.Start();

        await peer.SendAsync([.. RawPeer.Frame("{\"jsonrpc\":\"2.0\",\"method\":\"last/words\"}")]);
        peer.CloseInput();

        await handled.Task.WithTimeout();
        await peer.Connection.Completion.WithTimeout();
    }

    [Fact]
    public async Task Dispose_completes_and_later_sends_fail_clearly()
    {
        var peer = new RawPeer();
        peer.Connection.Start();

        await peer.DisposeAsync();
        await peer.Connection.Completion.WithTimeout();

        await Assert.ThrowsAsync<ConnectionClosedException>(() => peer.Connection.SendRequestAsync("x", null).WithTimeout());
        await Assert.ThrowsAsync<ConnectionClosedException>(() => peer.Connection.SendNotificationAsync("x", null).WithTimeout());
        await peer.Connection.DisposeAsync(); // idempotent
        peer.Connection.Start(); // no-op once closed
    }

    [Fact]
    public async Task Dispose_before_start_completes()
    {
        await using var peer = new RawPeer();

        await peer.Connection.DisposeAsync().AsTask().WithTimeout();

        Assert.True(peer.Connection.Completion.IsCompleted);
    }

    [Fact]
    public async Task Dispose_from_inside_a_handler_does_not_wait_for_that_handler()
    {
        await using var peer = new RawPeer();
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Connection.AddNotificationHandler("exit-like", async (_, _) =>
        {
            await peer.Connection.DisposeAsync();
            disposed.SetResult();
        }, HandlerMode.Serial);
        // Waiting for itself would cost the whole grace period: an hour here, so only not waiting meets the timeouts.
        peer.Connection.HandlerGrace = TimeSpan.FromHours(1);
        peer.Connection.Start();

        await peer.SendFrameAsync("{\"jsonrpc\":\"2.0\",\"method\":\"exit-like\"}");
        await disposed.Task.WithTimeout();
        await peer.Connection.Completion.WithTimeout();
    }

    [Fact]
    public async Task Queued_output_is_flushed_before_completion()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();

        var sends = Enumerable.Range(0, 20).Select(i => peer.Connection.SendNotificationAsync("n", new { i })).ToList();
        var dispose = peer.Connection.DisposeAsync().AsTask();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i, (int)(await peer.ReadFrameAsync()).Message["params"]!["i"]!);
        }

        await dispose.WithTimeout();
        await Task.WhenAll(sends).WithTimeout();
    }

    [Fact]
    public async Task An_absurd_length_closes_the_connection_cleanly()
    {
        await using var peer = new RawPeer();
        peer.Connection.Start();

        await peer.SendAsync("Content-Length: 999999999999\r\n\r\n{}");

        await peer.Connection.Completion.WithTimeout();
        Assert.True(peer.Log.Contains(LogLevel.Error, "exceeds the limit"));
    }

    [Fact]
    public async Task A_failing_output_ends_the_connection_and_fails_sends()
    {
        var log = new ListLogger();
        var input = new System.IO.Pipelines.Pipe();
        await using var connection = new JsonRpcConnection(input.Reader.AsStream(), new BrokenStream(), log);
        connection.Start();

        await Assert.ThrowsAsync<ConnectionClosedException>(() => connection.SendNotificationAsync("x", null).WithTimeout());
        await connection.Completion.WithTimeout();
        await Assert.ThrowsAsync<ConnectionClosedException>(() => connection.SendRequestAsync("y", null).WithTimeout());
        Assert.True(log.Contains(LogLevel.Error, "output failed"));
        await input.Writer.CompleteAsync();
    }

    [Fact]
    public async Task Start_twice_reads_once()
    {
        await using var peer = new RawPeer();
        var calls = 0;
        peer.Connection.AddRequestHandler("count", (_, _) => Task.FromResult<JToken?>(Interlocked.Increment(ref calls)), HandlerMode.Serial);
        peer.Connection.Start();
        peer.Connection.Start();

        for (var i = 1; i <= 5; i++)
        {
            await peer.SendFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"count\"}}");
            Assert.Equal(i, (int)(await peer.ReadFrameAsync()).Message["result"]!);
        }

        Assert.Equal(5, calls);
    }

    /// <summary>An output whose peer went away.</summary>
    private sealed class BrokenStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set { } }

        public override void Flush() => throw new IOException("Broken pipe");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("Broken pipe"));
    }
}
