namespace HygieneLsp.Core.Analysis;

/// <summary>
/// An input whose reading stopped at a budget (evaluation steps, nesting depth, pattern expansions, file count...):
/// the file, and in plain words which budget and what is therefore unknown, e.g. "evaluation stopped after 200,000
/// steps; its build settings are unknown". Results that stop early carry these, so a cached result still reports them.
/// </summary>
public sealed record InputSkip(string Path, string Reason)
{
    /// <summary>A count as messages write it: 1,000,000.</summary>
    public static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
