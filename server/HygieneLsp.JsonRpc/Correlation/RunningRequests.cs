using System.Collections.Concurrent;
using HygieneLsp.JsonRpc.Messages;

namespace HygieneLsp.JsonRpc.Correlation;

/// <summary>
/// The peer's requests we have accepted and not yet answered, so <c>$/cancelRequest</c> can cancel them whether they
/// are still queued or already running. Every token is also cancelled when the connection closes.
/// </summary>
internal sealed class RunningRequests
{
    private readonly ConcurrentDictionary<MessageId, CancellationTokenSource> _running = new();
    private readonly CancellationToken _connectionClosing;

    public RunningRequests(CancellationToken connectionClosing)
    {
        _connectionClosing = connectionClosing;
    }

    /// <summary>
    /// A token source for the request. <paramref name="duplicate"/> is true when another request with the same id is
    /// still unanswered (the peer broke the protocol): the duplicate cannot be cancelled by id but still runs and is
    /// answered.
    /// </summary>
    public CancellationTokenSource Begin(MessageId id, out bool duplicate)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(_connectionClosing);
        duplicate = !_running.TryAdd(id, source);
        return source;
    }

    /// <summary>Cancels the request's token; false when no such request is unanswered.</summary>
    public bool Cancel(MessageId id)
    {
        if (!_running.TryGetValue(id, out var source))
        {
            return false;
        }

        try
        {
            // Callbacks run off the caller's thread: the reader must not wait for a handler's cancellation work.
            _ = source.CancelAsync().ContinueWith(
                t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (ObjectDisposedException)
        {
            // Answered meanwhile: nothing left to cancel.
        }

        return true;
    }

    /// <summary>Forgets the request once answered.</summary>
    public void End(MessageId id, CancellationTokenSource source, bool duplicate)
    {
        if (!duplicate)
        {
            _running.TryRemove(new KeyValuePair<MessageId, CancellationTokenSource>(id, source));
        }

        source.Dispose();
    }
}
