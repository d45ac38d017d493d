using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of every input kind through the whole engine (tests/HygieneLsp.Fuzz): no case may let an exception
/// escape (or be swallowed into hygiene/internal-error), run past 30 s, or take the process past 1.5 GB. The seed is
/// fixed so CI runs the same cases; HYGIENE_FUZZ_SEED picks others and HYGIENE_FUZZ_SECONDS raises the 150 s budget.
/// A failure prints the seed, the case and the command that rebuilds its files.
/// </summary>
public class FuzzCampaignTests(ITestOutputHelper output)
{
    public const int DefaultSeed = 20261205;

    [Fact]
    public void Mutated_workspaces_never_crash_hang_or_exhaust_memory()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_FUZZ_SECONDS"), out var t) ? t : 150;
        var report = FuzzSupervisor.Run(seed, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(30), memoryMegabytes: 1536, output.WriteLine);
        output.WriteLine($"seed {seed}: {report.CasesRun} cases in {report.Elapsed.TotalSeconds:0} s ({report.CasesPerMinute:0} per minute), " +
                         $"peak resident memory of a case {report.PeakMegabytes} MB; slowest: {string.Join(", ", report.Slowest.Select(x => $"case {x.Case} {x.Milliseconds} ms"))}");
        Assert.True(report.CasesRun > 0, "the fuzz console ran no case");
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Select(f =>
            $"seed {seed} case {f.Case}: {f.Kind} {f.Detail}\n  {f.Mutations}\n  rebuild: dotnet {AppContext.BaseDirectory}HygieneLsp.Fuzz.dll show --seed {seed} --case {f.Case} --out /tmp/case-{f.Case}")));
    }
}
