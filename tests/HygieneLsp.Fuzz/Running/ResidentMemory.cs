namespace HygieneLsp.Fuzz.Running;

/// <summary>
/// This process's resident set size, read from /proc/self/statm (cheap enough to sample every few milliseconds);
/// the GC's own figure misses native memory and what the collector has not yet given back.
/// </summary>
public static class ResidentMemory
{
    private static readonly long PageSize = Environment.SystemPageSize;

    public static long Bytes()
    {
        if (!OperatingSystem.IsLinux()) return Environment.WorkingSet;
        try
        {
            var statm = File.ReadAllText("/proc/self/statm");
            var fields = statm.Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * PageSize;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return Environment.WorkingSet;
        }
    }

    public static long Megabytes(long bytes) => bytes / (1024 * 1024);
}
