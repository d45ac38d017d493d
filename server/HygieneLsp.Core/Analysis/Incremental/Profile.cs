using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// Stopwatch totals per phase, on when HYGIENE_LSP_PROFILE=1: where a run's time goes, without a profiler (the
/// benchmark machine has none). The CLI prints them to stderr at exit; the server logs them after each run. On Linux
/// the CPU time of the measuring thread is recorded too: on a shared machine wall time mostly says how busy it was
/// (work a phase hands to other threads, such as the parallel secret scan, is not in its CPU column).
/// </summary>
public static class Profile
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("HYGIENE_LSP_PROFILE") == "1";

    private static readonly ConcurrentDictionary<string, (long Ticks, long CpuNs, int Count)> Totals = new(StringComparer.Ordinal);

    [ThreadStatic] private static Stack<long>? t_cpuStarts;

    /// <summary>Starts a measurement: pass the result to <see cref="Add"/>.</summary>
    public static long Start()
    {
        (t_cpuStarts ??= new Stack<long>()).Push(ThreadCpuNs());
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (from <see cref="Start"/>) to <paramref name="phase"/>.</summary>
    public static void Add(string phase, long startTimestamp)
    {
        var ticks = Stopwatch.GetTimestamp() - startTimestamp;
        var cpu = t_cpuStarts is { Count: > 0 } starts ? ThreadCpuNs() - starts.Pop() : 0;
        Totals.AddOrUpdate(phase, (ticks, cpu, 1), (_, t) => (t.Ticks + ticks, t.CpuNs + cpu, t.Count + 1));
    }

    /// <summary>Times <paramref name="work"/> under <paramref name="phase"/> when profiling is on.</summary>
    public static T Time<T>(string phase, Func<T> work)
    {
        if (!Enabled) return work();
        var start = Start();
        try { return work(); }
        finally { Add(phase, start); }
    }

    /// <summary>The totals, slowest first, and resets them.</summary>
    public static string Report()
    {
        var lines = Totals.OrderByDescending(kv => kv.Value.CpuNs).ThenByDescending(kv => kv.Value.Ticks)
            .Select(kv => $"{kv.Value.CpuNs / 1e6,9:F1} ms CPU {kv.Value.Ticks * 1000.0 / Stopwatch.Frequency,9:F1} ms wall {kv.Value.Count,7}x  {kv.Key}").ToList();
        Totals.Clear();
        return string.Join("\n", lines);
    }

    private static long ThreadCpuNs()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try { return clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts) == 0 ? ts.Seconds * 1_000_000_000 + ts.Nanoseconds : 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return 0; }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
