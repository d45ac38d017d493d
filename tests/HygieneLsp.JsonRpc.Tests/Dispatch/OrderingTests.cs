using System.Collections.Concurrent;
using HygieneLsp.JsonRpc.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Tests.Dispatch;

/// <summary>CLaSP ordering: serial messages alone and in order, parallel ones overlap but never cross a serial one.</summary>
public sealed class OrderingTests
{
    private static readonly TimeSpan NotYet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Serial_messages_run_one_at_a_time_in_arrival_order()
    {
        await using var pair = new LoopbackPair();
        var order = new ConcurrentQueue<int>();
        var active = 0;
        var overlapped = false;
        pair.Server.AddNotificationHandler("edit", async (p, _) =>
        {
            overlapped |= Interlocked.Increment(ref active) > 1;
            await Task.Delay((int)p!["i"]! % 3);
            order.Enqueue((int)p["i"]!);
            Interlocked.Decrement(ref active);
        }, HandlerMode.Serial);
        pair.Server.AddRequestHandler("sync", (_, _) => Task.FromResult<JToken?>(null), HandlerMode.Serial);
        pair.Start();

        for (var i = 0; i < 60; i++)
        {
            await pair.Client.SendNotificationAsync("edit", new { i });
        }

        await pair.Client.SendRequestAsync("sync", null).WithTimeout();

        Assert.Equal(Enumerable.Range(0, 60), order);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_parallel_message_waits_for_every_earlier_serial_one()
    {
        await using var pair = new LoopbackPair();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.AddNotificationHandler("mutate", (_, _) => release.Task, HandlerMode.Serial);
        pair.Server.AddRequestHandler("read", (_, _) => { readStarted.TrySetResult(); return Task.FromResult<JToken?>(1); }, HandlerMode.Parallel);
        pair.Start();

        await pair.Client.SendNotificationAsync("mutate", null).WithTimeout();
        var read = pair.Client.SendRequestAsync("read", null);

        Assert.False(await readStarted.Task.CompletesWithin(NotYet));
        release.SetResult();
        Assert.Equal(1, (int)(await read.WithTimeout())!);
    }

    [Fact]
    public async Task Parallel_messages_overlap()
    {
        await using var pair = new LoopbackPair();
        var started = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.AddRequestHandler("read", async (_, _) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            // Finishes in time only if the other one runs at the same time.
            return await bothStarted.Task.CompletesWithin(TimeSpan.FromSeconds(5));
        }, HandlerMode.Parallel);
        pair.Start();

        var results = await Task.WhenAll(
            pair.Client.SendRequestAsync("read", null), pair.Client.SendRequestAsync("read", null)).WithTimeout();

        Assert.All(results, r => Assert.True((bool)r!));
    }

    [Fact]
    public async Task A_serial_message_waits_for_every_earlier_parallel_one()
    {
        await using var pair = new LoopbackPair();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mutateStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.AddRequestHandler("read", async (_, _) => { await release.Task; return 1; }, HandlerMode.Parallel);
        pair.Server.AddNotificationHandler("mutate", (_, _) => { mutateStarted.TrySetResult(); return Task.CompletedTask; }, HandlerMode.Serial);
        pair.Start();

        var read = pair.Client.SendRequestAsync("read", null);
        await pair.Client.SendNotificationAsync("mutate", null).WithTimeout();

        Assert.False(await mutateStarted.Task.CompletesWithin(NotYet));
        release.SetResult();
        await read.WithTimeout();
        await mutateStarted.Task.WithTimeout();
    }

    [Fact]
    public async Task Random_mixes_keep_the_ordering_invariants()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JSONRPC_ORDER_SEED"), out var s) ? s : 777;
        var random = new Random(seed);
        await using var pair = new LoopbackPair();
        var clock = 0L;
        var spans = new ConcurrentDictionary<int, (long Start, long End)>();
        async Task<JToken?> Record(JToken? p)
        {
            var i = (int)p!["i"]!;
            var start = Interlocked.Increment(ref clock);
            await Task.Delay((int)p["ms"]!);
            spans[i] = (start, Interlocked.Increment(ref clock));
            return i;
        }

        pair.Server.AddRequestHandler("s", (p, _) => Record(p), HandlerMode.Serial);
        pair.Server.AddRequestHandler("p", (p, _) => Record(p), HandlerMode.Parallel);
        pair.Start();

        const int count = 80;
        var modes = Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? "s" : "p").ToArray();
        var calls = modes.Select((mode, i) => pair.Client.SendRequestAsync(mode, new { i, ms = random.Next(0, 4) })).ToList();
        await Task.WhenAll(calls).WithTimeout(TimeSpan.FromSeconds(30));

        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                // Anything after a serial message starts after it ended; a serial message starts after all before it.
                if (modes[j] == "s" || modes[i] == "s")
                {
                    Assert.True(spans[j].End < spans[i].Start, $"seed {seed}: #{j} ({modes[j]}) and #{i} ({modes[i]}) overlap");
                }
            }
        }
    }
}
