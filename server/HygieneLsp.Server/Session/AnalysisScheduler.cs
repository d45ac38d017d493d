using HygieneLsp.Core.Findings;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.Server.Session;

/// <summary>
/// Runs analysis in the background after changes settle: requests arriving within the debounce window coalesce into one
/// run, and a request during a run cancels it and starts over on the newer snapshot. Results go to <see cref="Completed"/>.
/// </summary>
public sealed class AnalysisScheduler : IDisposable
{
    private readonly WorkspaceSession _session;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource? _current;
    private int _pending;
    private Task? _loop;

    public AnalysisScheduler(WorkspaceSession session, ILogger logger, TimeSpan debounce)
    {
        _session = session;
        _logger = logger;
        _debounce = debounce;
    }

    /// <summary>Called with each finished run's findings (on a background thread).</summary>
    public Func<AnalysisSnapshot, IReadOnlyList<Finding>, TimeSpan, Task>? Completed { get; set; }

    /// <summary>Called when a run starts, with whether it is the first.</summary>
    public Func<bool, Task>? Started { get; set; }

    public void Start() => _loop ??= Task.Run(LoopAsync);

    public void Request(bool immediate = false)
    {
        Interlocked.Exchange(ref _pending, immediate ? 2 : Math.Max(_pending, 1));
        Volatile.Read(ref _current)?.Cancel();
        _signal.Release();
    }

    /// <summary>Completes when no run is pending or running (tests and the CLI's scan command use it).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) != 0 || Volatile.Read(ref _current) is not null)
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var first = true;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
                if (Interlocked.CompareExchange(ref _pending, 0, 0) != 2) await Task.Delay(_debounce, _stop.Token).ConfigureAwait(false);
                while (_signal.CurrentCount > 0) await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using var run = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            Volatile.Write(ref _current, run);
            Interlocked.Exchange(ref _pending, 0);
            try
            {
                if (Started is { } started) await started(first).ConfigureAwait(false);
                var snapshot = _session.Capture();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var findings = await Task.Run(() => _session.Analyze(snapshot, run.Token), run.Token).ConfigureAwait(false);
                if (!run.IsCancellationRequested && Completed is { } completed)
                    await completed(snapshot, findings, watch.Elapsed).ConfigureAwait(false);
                first = false;
            }
            catch (OperationCanceledException)
            {
                // superseded by a newer request: the loop runs again
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Analysis failed");
            }
            finally
            {
                Volatile.Write(ref _current, null);
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        Volatile.Read(ref _current)?.Cancel();
    }
}
