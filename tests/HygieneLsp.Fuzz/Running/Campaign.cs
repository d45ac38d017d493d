using System.Diagnostics;
using HygieneLsp.Fuzz.Cases;
using HygieneLsp.Fuzz.Corpus;

namespace HygieneLsp.Fuzz.Running;

/// <summary>How long and how hard to fuzz: cases from <see cref="From"/> until <see cref="Count"/> or the time runs out.</summary>
public sealed record CampaignOptions(int Seed, int From, int Count, TimeSpan Budget, TimeSpan CaseTimeout, long MemoryLimitBytes);

/// <summary>
/// Runs cases one after another and reports each on stdout as one line, which the supervisor (the fuzz test) reads:
/// `case N <what was mutated>` before, `ok N <ms> <peak MB> <findings> <skipped>` after, `fail N <kind> <detail>` on
/// a failure, `end <cases run>` at the end. A line per case also shows where a crash that killed the process struck.
/// </summary>
public static class Campaign
{
    public static int Run(CampaignOptions options, TextWriter output)
    {
        var generator = new CaseGenerator(SeedCorpus.Default);
        void Report(string line) { lock (output) { output.WriteLine(line); output.Flush(); } }
        var watchdog = new CaseWatchdog(options.CaseTimeout, options.MemoryLimitBytes, Report);
        var clock = Stopwatch.StartNew();
        var run = 0;
        for (var index = options.From; index < options.From + options.Count && clock.Elapsed < options.Budget; index++)
        {
            var fuzzCase = generator.Generate(options.Seed, index);
            Report($"case {index} {fuzzCase.BasedOn}: {Clip(string.Join("; ", fuzzCase.Mutations))}");
            watchdog.Begin(index);
            var outcome = OnServerSizedStack(() => CaseRunner.Run(fuzzCase));
            var peak = watchdog.End();
            run++;
            if (outcome.Failure is { } failure) Report($"fail {index} crash {failure}");
            else Report($"ok {index} {(int)outcome.Elapsed.TotalMilliseconds} {ResidentMemory.Megabytes(peak)} {outcome.Findings} {outcome.SkippedInputs}");
            // Cases hold megabytes of text: give it back before the next case measures its own peak (at half the limit,
            // so what earlier cases left behind never counts against a later one).
            if (peak > Math.Min(512L * 1024 * 1024, options.MemoryLimitBytes / 2) || ResidentMemory.Bytes() > options.MemoryLimitBytes / 4)
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        Report($"end {run}");
        return 0;
    }

    /// <summary>
    /// Runs on a thread with the stack a thread-pool thread has (1.5 MB on Linux), where the server analyses: the main
    /// thread's 8 MB would hide a recursion that overflows there.
    /// </summary>
    private static T OnServerSizedStack<T>(Func<T> run)
    {
        T result = default!;
        var thread = new Thread(() => result = run(), ServerStackBytes) { IsBackground = true };
        thread.Start();
        thread.Join();
        return result;
    }

    public const int ServerStackBytes = 1536 * 1024;

    /// <summary>One printable line: mutated text can hold control characters and line breaks.</summary>
    private static string Clip(string s) =>
        new((s.Length > 400 ? s[..400] + "…" : s).Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray());
}
