using System.Diagnostics;
using System.Globalization;

namespace HygieneLsp.Core.Tests.Fuzz;

/// <summary>One failed case: which, how (crash, timeout, memory, died), the detail and what was mutated.</summary>
public sealed record FuzzFailure(int Case, string Kind, string Detail, string Mutations);

/// <summary>What a campaign did: cases run, time, the highest resident memory of a case, its failures and slowest cases.</summary>
public sealed record FuzzReport(int Seed, int CasesRun, TimeSpan Elapsed, long PeakMegabytes, IReadOnlyList<FuzzFailure> Failures,
    IReadOnlyList<(int Case, int Milliseconds)> Slowest)
{
    public double CasesPerMinute => CasesRun / Math.Max(Elapsed.TotalMinutes, 1e-9);
}

/// <summary>
/// Runs the fuzz console (tests/HygieneLsp.Fuzz) as a child process and reads its one-line-per-case reports. A case
/// that hangs or blows memory ends the child (it cannot stop its own runaway thread), one that overflows the stack
/// kills it: either way the case is recorded and a new child goes on after it, until the time budget is spent.
/// </summary>
public static class FuzzSupervisor
{
    public static FuzzReport Run(int seed, TimeSpan budget, TimeSpan caseTimeout, int memoryMegabytes, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<FuzzFailure>();
        var durations = new List<(int Case, int Milliseconds)>();
        long peak = 0;
        var next = 0;
        var run = 0;
        while (clock.Elapsed < budget)
        {
            var left = budget - clock.Elapsed;
            var (current, mutations, finished) = RunChild(seed, next, left, caseTimeout, memoryMegabytes, line =>
            {
                var parts = line.Split(' ', 6);
                switch (parts[0])
                {
                    case "ok" when parts.Length >= 4:
                        run++;
                        durations.Add((Int(parts[1]), Int(parts[2])));
                        peak = Math.Max(peak, Int(parts[3]));
                        break;
                    case "fail" when parts.Length >= 3:
                        run++;
                        failures.Add(new FuzzFailure(Int(parts[1]), parts[2], parts.Length > 3 ? string.Join(' ', parts[3..]) : "", ""));
                        log?.Invoke(line);
                        break;
                }
            });
            if (finished || current < 0) break;
            // The child ended inside a case: reported already (timeout, memory), or killed without a word (stack overflow).
            if (!failures.Any(f => f.Case == current)) { run++; failures.Add(new FuzzFailure(current, "died", "the process ended during the case", "")); }
            var index = failures.FindIndex(f => f.Case == current);
            failures[index] = failures[index] with { Mutations = mutations };
            next = current + 1;
        }
        var described = failures.Select(f => f.Mutations.Length > 0 ? f : f with { Mutations = Describe(seed, f.Case) }).ToList();
        return new FuzzReport(seed, run, clock.Elapsed, peak, described, durations.OrderByDescending(d => d.Milliseconds).Take(5).ToList());
    }

    /// <summary>The console's own description of a case (what was mutated), for the failure message.</summary>
    public static string Describe(int seed, int index)
    {
        var (output, _) = Launch(["show", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--case", index.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(1), null);
        return output.Trim();
    }

    /// <summary>Runs one child from case <paramref name="from"/>; returns the case it was in when it ended (-1: none) and whether it finished.</summary>
    private static (int Current, string Mutations, bool Finished) RunChild(int seed, int from, TimeSpan left, TimeSpan caseTimeout, int memoryMegabytes, Action<string> onLine)
    {
        var current = -1;
        var mutations = "";
        var finished = false;
        string[] args =
        [
            "run", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--from", from.ToString(CultureInfo.InvariantCulture),
            "--seconds", ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "--case-timeout", ((int)caseTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "--memory-mb", memoryMegabytes.ToString(CultureInfo.InvariantCulture),
        ];
        // The child's own watchdog ends a case at its timeout; this one only catches a child that stopped answering.
        Launch(args, left + caseTimeout + TimeSpan.FromSeconds(60), line =>
        {
            if (line.StartsWith("case ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 3);
                current = Int(parts[1]);
                mutations = parts.Length > 2 ? parts[2] : "";
            }
            else if (line.StartsWith("ok ", StringComparison.Ordinal)) current = -1;
            else if (line.StartsWith("end ", StringComparison.Ordinal)) finished = true;
            onLine(line);
        }, memoryMegabytes);
        return (current, mutations, finished);
    }

    private static (string Output, int ExitCode) Launch(string[] args, TimeSpan limit, Action<string>? onLine, int? heapMegabytes = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HygieneLsp.Fuzz.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // An allocation storm then throws OutOfMemoryException in the case (a reported crash) rather than swapping the machine.
        if (heapMegabytes is { } mb) psi.Environment["DOTNET_GCHeapHardLimit"] = "0x" + (mb * 1024L * 1024).ToString("X", CultureInfo.InvariantCulture);
        using var process = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            onLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.WaitForExit(); // flushes the asynchronous readers
        lock (output) return (output.ToString(), process.ExitCode);
    }

    private static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
}
