namespace HygieneLsp.JsonRpc.Tests.Support;

/// <summary>Every await in these tests is bounded: a bug must fail a test, never hang the run.</summary>
internal static class Timeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static async Task WithTimeout(this Task task, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        if (await Task.WhenAny(task, Task.Delay(limit)) != task)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s");
        }

        await task;
    }

    public static async Task<T> WithTimeout<T>(this Task<T> task, TimeSpan? timeout = null)
    {
        await ((Task)task).WithTimeout(timeout);
        return await task;
    }

    /// <summary>True if the task completes within the window (used to prove something has NOT happened yet).</summary>
    public static async Task<bool> CompletesWithin(this Task task, TimeSpan window) =>
        await Task.WhenAny(task, Task.Delay(window)) == task;
}
