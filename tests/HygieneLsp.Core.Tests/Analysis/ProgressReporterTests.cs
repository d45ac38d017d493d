using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Tests.Analysis;

/// <summary>
/// The first scan's streaming: items that finish before the next report is due are still reported once it is due, even
/// when no other item finishes after them (the rest of the run is held, as by a long map).
/// </summary>
public sealed class ProgressReporterTests
{
    [Fact]
    public void Items_finished_before_a_report_is_due_are_reported_when_it_is_due_without_another_item()
    {
        var reports = new List<int>();
        using var reported = new SemaphoreSlim(0);
        using var reporter = new ProgressReporter(() => [], (_, percent) => { lock (reports) reports.Add(percent); reported.Release(); },
            TimeSpan.FromMilliseconds(100), finished: 0, total: 10);
        reporter.Finished(1); // before the first report is due (100 ms): deferred
        reporter.Finished(2);
        // Nothing else finishes: the deferred report must come by itself (a hang guard, not a speed bound).
        Assert.True(reported.Wait(TimeSpan.FromSeconds(30)), "the items finished before the due time were never reported");
        lock (reports) Assert.Equal(20, reports[^1]);
    }

    [Fact]
    public void The_last_item_is_left_to_the_runs_own_result_and_nothing_is_reported_after_the_end()
    {
        var calls = 0;
        var reporter = new ProgressReporter(() => [], (_, _) => Interlocked.Increment(ref calls), TimeSpan.Zero, finished: 0, total: 2);
        reporter.Finished(2); // every item done: the run's final combine follows, no report
        reporter.Finished(1);
        reporter.Dispose();
        var after = Volatile.Read(ref calls);
        reporter.Finished(1); // after the end: ignored
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref calls));
        Assert.Equal(0, after);
    }
}
