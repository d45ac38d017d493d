using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.Server.Session;

/// <summary>
/// Runs analysis in the background. A change starts a run at once (after a short debounce that gathers the
/// notifications of one keystroke); a change during a run cancels it and starts over on the newer snapshot, losing only
/// the item in progress (items are committed one by one, and the next run resumes with what is still dirty). Each run
/// computes the edited documents' items first and hands their findings to <see cref="PriorityReady"/>; a run is not
/// cancelled before that (the change waits for it and cancels the run right after), so however fast edits come, every
/// run publishes the edited documents' diagnostics and none starves. Then the rest,
/// reporting <see cref="Progress"/> while it lasts; results go to <see cref="Completed"/>. A while after the last change
/// the inputs are compared with the disk again once (<see cref="WorkspaceSession.Revalidate"/>), for the changes no
/// client notification names.
/// </summary>
public sealed class AnalysisScheduler : IDisposable
{
    private readonly WorkspaceSession _session;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly TimeSpan _revalidateAfter;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource? _current;
    private RunState? _state;
    private int _pending;
    private long _revalidatedGeneration = -1;
    private Task? _loop;

    public AnalysisScheduler(WorkspaceSession session, ILogger logger, TimeSpan debounce, TimeSpan? revalidateAfter = null)
    {
        _session = session;
        _logger = logger;
        _debounce = debounce;
        _revalidateAfter = revalidateAfter ?? TimeSpan.FromSeconds(3);
    }

    /// <summary>Called with each finished run's findings (on a background thread).</summary>
    public Func<AnalysisSnapshot, IReadOnlyList<Finding>, TimeSpan, Task>? Completed { get; set; }

    /// <summary>Called when a run starts, with whether it is the first.</summary>
    public Func<bool, Task>? Started { get; set; }

    /// <summary>Called on the analysing thread with a folder's findings once the edited documents' items ran, and those documents.</summary>
    public Action<IReadOnlyList<Finding>, IReadOnlyCollection<string>>? PriorityReady { get; set; }

    /// <summary>Called on an analysing thread with a folder's findings so far and the run's percentage (runs longer than a quarter second).</summary>
    public Action<IReadOnlyList<Finding>, int>? Progress { get; set; }

    /// <summary>How often a long run publishes what it has so far (a test sets it to zero to see every step).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public void Start() => _loop ??= Task.Run(LoopAsync);

    public void Request(bool immediate = false)
    {
        Interlocked.Exchange(ref _pending, immediate ? 2 : Math.Max(_pending, 1));
        // A run whose edited documents are not yet published finishes those first: then it is cancelled.
        if (Volatile.Read(ref _state) is { } state && state.CancelOnceEditedPublished()) { }
        else Volatile.Read(ref _current)?.Cancel();
        _signal.Release();
    }

    /// <summary>Whether the running run still owes the edited documents their diagnostics (then a change cancels it right after).</summary>
    private sealed class RunState(CancellationTokenSource run, bool owesEdited)
    {
        private readonly object _gate = new();
        private bool _owes = owesEdited;
        private bool _cancelAfter;

        /// <summary>True when the run still owes the edited documents: it is cancelled once it paid.</summary>
        public bool CancelOnceEditedPublished()
        {
            lock (_gate)
            {
                if (!_owes) return false;
                _cancelAfter = true;
                return true;
            }
        }

        public void EditedPublished()
        {
            lock (_gate)
            {
                _owes = false;
                if (_cancelAfter) run.Cancel();
            }
        }
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
                if (Interlocked.CompareExchange(ref _pending, 0, 0) != 2 && _debounce > TimeSpan.Zero) await Task.Delay(_debounce, _stop.Token).ConfigureAwait(false);
                while (_signal.CurrentCount > 0) await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using var run = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            Volatile.Write(ref _current, run);
            Interlocked.Exchange(ref _pending, 0);
            var completed = false;
            try
            {
                if (Started is { } started) await started(first).ConfigureAwait(false);
                var snapshot = _session.CaptureForAnalysis();
                var state = new RunState(run, snapshot.Priority.Count > 0);
                Volatile.Write(ref _state, state);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                // Its own thread (items fan out to the pool from there): a run never holds a pool thread requests need.
                var findings = await Task.Factory.StartNew(() => _session.Analyze(snapshot, folder => OptionsFor(snapshot, folder, state), run.Token), run.Token,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                if (Profile.Enabled) _logger.LogDebug("Analysis profile:\n{Profile}", Profile.Report());
                if (!run.IsCancellationRequested && Completed is { } done)
                {
                    await done(snapshot, findings, watch.Elapsed).ConfigureAwait(false);
                    completed = true;
                }
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
                Volatile.Write(ref _state, null);
                Volatile.Write(ref _current, null);
            }
            if (completed) _ = RevalidateWhenQuietAsync(_session.Generation);
        }
    }

    private RunOptions OptionsFor(AnalysisSnapshot snapshot, string folder, RunState state)
    {
        var priority = snapshot.Priority.Where(p => Paths.IsUnder(p, folder)).ToList();
        return new RunOptions
        {
            PriorityPaths = priority,
            OnPriorityDone = priority.Count > 0
                ? findings =>
                {
                    PriorityReady?.Invoke(findings, priority);
                    state.EditedPublished();
                }
                : null,
            OnProgress = Progress,
            ProgressInterval = ProgressInterval,
        };
    }

    /// <summary>Once per quiet period after changes: compare every recorded input with the disk (no-op when nothing moved).</summary>
    private async Task RevalidateWhenQuietAsync(long generation)
    {
        if (generation == Interlocked.Read(ref _revalidatedGeneration)) return;
        try
        {
            await Task.Delay(_revalidateAfter, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (_session.Generation != generation || Volatile.Read(ref _pending) != 0 || Volatile.Read(ref _current) is not null) return;
        _session.Revalidate();
        Interlocked.Exchange(ref _revalidatedGeneration, _session.Generation);
        Request(immediate: true);
    }

    public void Dispose()
    {
        _stop.Cancel();
        Volatile.Read(ref _current)?.Cancel();
    }
}
