using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Framing;

/// <summary>
/// Writes framed messages from one loop fed by a channel, so concurrent senders never interleave bytes; each frame is
/// flushed on its own so the peer sees it at once.
/// </summary>
internal sealed class MessageWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _output;
    private readonly ILogger _logger;
    private readonly Channel<Frame> _queue = Channel.CreateUnbounded<Frame>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _loop;

    public MessageWriter(Stream output, ILogger logger)
    {
        _output = output;
        _logger = logger;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes (without error) when the loop stopped: drained after <see cref="Complete"/>, or failed.</summary>
    public Task Completion => _loop;

    /// <summary>Raised once, from the loop, when writing failed; later messages are refused.</summary>
    public event Action<Exception>? Failed;

    /// <summary>
    /// Queues a message; the task completes once its frame is flushed, or fails with
    /// <see cref="ConnectionClosedException"/> when the writer is closed or broken.
    /// </summary>
    public Task EnqueueAsync(JToken message)
    {
        var frame = new Frame(message);
        if (!_queue.Writer.TryWrite(frame))
        {
            frame.Written.TrySetException(new ConnectionClosedException("The JSON-RPC output is closed."));
        }

        return frame.Written.Task;
    }

    /// <summary>Refuses new messages; queued ones are still written.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Stops a loop that cannot drain (e.g. the peer stopped reading and the pipe is full).</summary>
    public void Abort()
    {
        _queue.Writer.TryComplete();
        _abort.Cancel();
    }

    /// <summary>The exact bytes of one frame: ASCII header, then the UTF-8 JSON body whose BYTE count it declares.</summary>
    public static byte[] Encode(JToken message)
    {
        using var body = new MemoryStream();
        using (var text = new StreamWriter(body, Utf8, leaveOpen: true))
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            message.WriteTo(json);
        }

        var header = Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        var frame = new byte[header.Length + body.Length];
        header.CopyTo(frame, 0);
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(frame.AsSpan(header.Length));
        return frame;
    }

    private async Task WriteLoopAsync()
    {
        Exception? failure = null;
        await foreach (var frame in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (failure is not null)
            {
                frame.Written.TrySetException(Closed(failure));
                continue;
            }

            try
            {
                var bytes = Encode(frame.Message);
                await _output.WriteAsync(bytes, _abort.Token).ConfigureAwait(false);
                await _output.FlushAsync(_abort.Token).ConfigureAwait(false);
                frame.Written.TrySetResult();
            }
            catch (Exception ex)
            {
                failure = ex;
                frame.Written.TrySetException(Closed(ex));
                _queue.Writer.TryComplete();
                if (!_abort.IsCancellationRequested)
                {
                    _logger.LogError(ex, "JSON-RPC output failed; no further messages can be sent");
                    Failed?.Invoke(ex);
                }
            }
        }
    }

    private static ConnectionClosedException Closed(Exception cause) =>
        new($"The JSON-RPC output failed: {cause.Message}");

    private sealed record Frame(JToken Message)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
