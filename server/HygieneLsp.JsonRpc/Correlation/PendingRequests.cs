using System.Collections.Concurrent;
using HygieneLsp.JsonRpc.Messages;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Correlation;

/// <summary>Our outgoing requests awaiting their response, by id.</summary>
internal sealed class PendingRequests
{
    private readonly ConcurrentDictionary<MessageId, Pending> _pending = new();
    private long _lastId;
    private Exception? _closed;

    /// <summary>Registers a new request under a fresh numeric id; after Close its task is already failed.</summary>
    public (MessageId Id, Task<JToken?> Response) Register(string method)
    {
        var id = MessageId.FromNumber(Interlocked.Increment(ref _lastId));
        var pending = new Pending(method);
        _pending[id] = pending;
        if (Volatile.Read(ref _closed) is { } closed)
        {
            // Lost the race with Close: fail it here so it never waits forever.
            _pending.TryRemove(id, out _);
            pending.Completion.TrySetException(closed);
        }

        return (id, pending.Completion.Task);
    }

    /// <summary>Completes the request; false when the id is unknown (never sent, cancelled or already answered).</summary>
    public bool Complete(ResponseMessage response)
    {
        if (!_pending.TryRemove(response.Id, out var pending))
        {
            return false;
        }

        if (response.Error is { } error)
        {
            pending.Completion.TrySetException(
                new RemoteErrorException(pending.Method, error.Code, error.Message, error.Data));
        }
        else
        {
            pending.Completion.TrySetResult(response.Result);
        }

        return true;
    }

    /// <summary>Forgets the request and cancels its task; false if it was already complete.</summary>
    public bool Cancel(MessageId id, CancellationToken token) =>
        _pending.TryRemove(id, out var pending) && pending.Completion.TrySetCanceled(token);

    /// <summary>Fails the request (e.g. it could not be written).</summary>
    public void Fail(MessageId id, Exception error)
    {
        if (_pending.TryRemove(id, out var pending))
        {
            pending.Completion.TrySetException(error);
        }
    }

    /// <summary>Fails every pending request and every later one.</summary>
    public void Close(string reason)
    {
        Interlocked.CompareExchange(ref _closed, new ConnectionClosedException(reason), null);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Completion.TrySetException(new ConnectionClosedException(
                    $"{reason}: no response to '{pending.Method}' (id {id})."));
            }
        }
    }

    private sealed class Pending(string method)
    {
        public string Method { get; } = method;

        public TaskCompletionSource<JToken?> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
