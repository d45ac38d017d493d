using System.Diagnostics;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// Streams a run's findings so far. A report combines every finding while commits wait, so the next one comes after the
/// interval or after four times what the last one took (reports never take more than a fifth of the run). When an item
/// finishes before the next report is due, a timer reports at the due time: items that finish just after a report are
/// published even while the rest of the run is slow (an item held by a long map, or by a test's gate).
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly Func<IReadOnlyList<Finding>> _combine;
    private readonly Action<IReadOnlyList<Finding>, int> _progress;
    private readonly long _interval;
    private readonly int _total;
    private readonly object _gate = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Timer _timer;
    private long _due;
    private int _finished;
    private int _reported;
    private bool _reporting;
    private bool _armed;
    private bool _ended;

    /// <param name="combine">The findings so far (the caller takes the commit lock).</param>
    public ProgressReporter(Func<IReadOnlyList<Finding>> combine, Action<IReadOnlyList<Finding>, int> progress, TimeSpan interval, int finished, int total)
    {
        _combine = combine;
        _progress = progress;
        _interval = interval.Ticks;
        _due = _interval;
        _finished = _reported = finished;
        _total = total;
        _timer = new Timer(_ => OnTimer());
    }

    /// <summary>An item finished (<paramref name="finished"/> items so far): report now if due, else when due.</summary>
    public void Finished(int finished)
    {
        lock (_gate)
        {
            _finished = Math.Max(_finished, finished);
            if (!Claim()) return;
        }
        Report();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _armed = false;
            if (!Claim()) return;
        }
        Report();
    }

    /// <summary>Under the gate: true when this caller is to report now; otherwise arms the timer if something waits.</summary>
    private bool Claim()
    {
        if (_ended || _reporting || _finished <= _reported || _finished >= _total) return false;
        var now = _watch.Elapsed.Ticks;
        if (now < _due)
        {
            Arm(now);
            return false;
        }
        _reporting = true;
        return true;
    }

    private void Arm(long now)
    {
        if (_armed) return;
        _armed = true;
        _timer.Change(TimeSpan.FromTicks(Math.Max(0, _due - now)), Timeout.InfiniteTimeSpan);
    }

    private void Report()
    {
        var started = _watch.Elapsed.Ticks;
        try
        {
            int finished;
            lock (_gate) finished = _finished;
            var soFar = _combine();
            _progress(soFar, (int)(100L * finished / _total));
            lock (_gate) _reported = finished;
        }
        catch (Exception)
        {
            // A cancelled run, or a report that failed: progress is best effort, and the run's own result follows.
        }
        finally
        {
            lock (_gate)
            {
                var after = _watch.Elapsed.Ticks;
                _due = after + Math.Max(_interval, 4 * (after - started));
                _reporting = false;
                if (!_ended && _finished > _reported && _finished < _total) Arm(after);
            }
        }
    }

    /// <summary>The run is over: no report starts any more, and one in flight on the timer has finished.</summary>
    public void Dispose()
    {
        lock (_gate) _ended = true;
        using var stopped = new ManualResetEvent(false);
        if (_timer.Dispose(stopped)) stopped.WaitOne();
    }
}
