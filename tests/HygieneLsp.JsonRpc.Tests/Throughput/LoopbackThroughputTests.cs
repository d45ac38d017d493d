using System.Diagnostics;
using HygieneLsp.JsonRpc.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace HygieneLsp.JsonRpc.Tests.Throughput;

/// <summary>
/// A sanity bound, not a benchmark: thousands of round trips must take well under the CI budget, and the rate is
/// printed for the record. A regression to per-message stalls (e.g. a missed flush or a lost wake-up) fails it.
/// </summary>
public sealed class LoopbackThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Thousands_of_round_trips_and_a_large_message_pass_quickly()
    {
        await using var pair = new LoopbackPair();
        pair.Server.AddRequestHandler("echo", (p, _) => Task.FromResult(p), HandlerMode.Parallel);
        pair.Server.AddRequestHandler("step", (p, _) => Task.FromResult(p), HandlerMode.Serial);
        pair.Start();

        var clock = Stopwatch.StartNew();
        const int sequential = 1000;
        for (var i = 0; i < sequential; i++)
        {
            await pair.Client.SendRequestAsync("step", new JArray(i)).WithTimeout();
        }

        var sequentialTime = clock.Elapsed;
        clock.Restart();
        const int concurrent = 2000;
        var results = await Task.WhenAll(Enumerable.Range(0, concurrent)
            .Select(i => pair.Client.SendRequestAsync("echo", new JArray(i)))).WithTimeout(TimeSpan.FromSeconds(30));
        var concurrentTime = clock.Elapsed;
        Assert.Equal(Enumerable.Range(0, concurrent), results.Select(r => (int)r![0]!));

        clock.Restart();
        var big = new string('é', 4_000_000); // 8 MB of UTF-8 each way
        var echoed = await pair.Client.SendRequestAsync("echo", new JArray(big)).WithTimeout(TimeSpan.FromSeconds(30));
        var bigTime = clock.Elapsed;
        Assert.Equal(big, (string?)echoed![0]);

        output.WriteLine($"sequential: {sequential} round trips in {sequentialTime.TotalMilliseconds:0} ms " +
            $"({sequential / sequentialTime.TotalSeconds:0}/s)");
        output.WriteLine($"concurrent: {concurrent} round trips in {concurrentTime.TotalMilliseconds:0} ms " +
            $"({concurrent / concurrentTime.TotalSeconds:0}/s)");
        output.WriteLine($"8 MB body echoed in {bigTime.TotalMilliseconds:0} ms");
        Assert.True(sequentialTime < TimeSpan.FromSeconds(20), $"sequential took {sequentialTime}");
        Assert.True(concurrentTime < TimeSpan.FromSeconds(20), $"concurrent took {concurrentTime}");
    }
}
