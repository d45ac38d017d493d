using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.JsonRpc.Dispatch;

/// <summary>
/// Runs work items in arrival order with Roslyn CLaSP's rule: a serial item runs alone, after everything before it
/// finished; a parallel item starts once every earlier serial item finished and overlaps other parallel items.
/// So reads see a consistent state and mutations apply in order.
/// </summary>
internal sealed class OrderedScheduler
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly ILogger _logger;
    private readonly List<Task> _running = new();
    private Task? _loop;

    public OrderedScheduler(ILogger logger)
    {
        _logger = logger;
    }

    /// <summary>Completes when the queue was completed and every queued item finished.</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    public void Start() => _loop ??= Task.Run(RunLoopAsync);

    /// <summary>Queues work; false when the scheduler no longer accepts any. The work must not throw (it is logged).</summary>
    public bool Enqueue(HandlerMode mode, Func<Task> work) => _queue.Writer.TryWrite(new WorkItem(mode, work));

    /// <summary>Accepts no more items; those queued still run.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task RunLoopAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _running.RemoveAll(t => t.IsCompleted);
            if (item.Mode == HandlerMode.Serial)
            {
                await Task.WhenAll(_running).ConfigureAwait(false);
                _running.Clear();
                await RunGuardedAsync(item.Work).ConfigureAwait(false);
            }
            else
            {
                _running.Add(Task.Run(() => RunGuardedAsync(item.Work)));
            }
        }

        await Task.WhenAll(_running).ConfigureAwait(false);
    }

    private async Task RunGuardedAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "JSON-RPC dispatch failed");
        }
    }

    private sealed record WorkItem(HandlerMode Mode, Func<Task> Work);
}
