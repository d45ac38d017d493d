using System.Diagnostics;

namespace HygieneLsp.Server.Lifecycle;

/// <summary>Ends the server when the client process named in initialize's `processId` is gone (no orphaned servers).</summary>
public static class ParentProcessWatcher
{
    public static void Watch(int processId, LifecycleState lifecycle, TimeSpan interval, CancellationToken stop)
    {
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!IsAlive(processId))
                {
                    lifecycle.ExitWith(1);
                    return;
                }
                try { await Task.Delay(interval, stop).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
            }
        }, stop);
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var p = Process.GetProcessById(processId);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
