namespace HygieneLsp.Fuzz.Running;

/// <summary>
/// Watches the case in progress from its own thread: past the time limit or the memory limit it reports the case as
/// failed and ends the process, since .NET cannot stop a runaway thread; the supervisor then restarts after that case.
/// Also records the peak resident memory of each case.
/// </summary>
public sealed class CaseWatchdog
{
    public const int TimeoutExitCode = 4;
    public const int MemoryExitCode = 5;

    private readonly TimeSpan _timeout;
    private readonly long _memoryLimit;
    private readonly Action<string> _report;
    private readonly object _gate = new();
    private int _case = -1;
    private DateTime _started;
    private long _peak;

    public CaseWatchdog(TimeSpan timeout, long memoryLimitBytes, Action<string> report)
    {
        _timeout = timeout;
        _memoryLimit = memoryLimitBytes;
        _report = report;
        new Thread(Watch) { IsBackground = true, Name = "fuzz watchdog", Priority = ThreadPriority.AboveNormal }.Start();
    }

    public void Begin(int index)
    {
        lock (_gate)
        {
            _case = index;
            _started = DateTime.UtcNow;
            _peak = ResidentMemory.Bytes();
        }
    }

    /// <summary>Ends the case and returns its peak resident memory in bytes.</summary>
    public long End()
    {
        lock (_gate)
        {
            _case = -1;
            return Math.Max(_peak, ResidentMemory.Bytes());
        }
    }

    private void Watch()
    {
        while (true)
        {
            Thread.Sleep(20);
            var rss = ResidentMemory.Bytes();
            lock (_gate)
            {
                if (_case < 0) continue;
                _peak = Math.Max(_peak, rss);
                if (rss > _memoryLimit)
                {
                    _report($"fail {_case} memory resident memory reached {ResidentMemory.Megabytes(rss)} MB (limit {ResidentMemory.Megabytes(_memoryLimit)} MB)");
                    Environment.Exit(MemoryExitCode);
                }
                if (DateTime.UtcNow - _started > _timeout)
                {
                    _report($"fail {_case} timeout still running after {_timeout.TotalSeconds:0} s");
                    Environment.Exit(TimeoutExitCode);
                }
            }
        }
    }
}
