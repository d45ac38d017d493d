namespace HygieneLsp.Core.Analysis;

/// <summary>
/// The inputs one analysis run stopped reading at a budget, collected from the results every analyzer used (fresh or
/// cached) and reported once each by <see cref="Rules.Hygiene.InputSkippedAnalyzer"/>. Several analyzers read the same
/// file (a package.json feeds npm, vsce and the build planner): the same note is kept once.
/// </summary>
public sealed class SkippedInputs
{
    private readonly object _gate = new();
    private readonly List<InputSkip> _skips = [];
    private readonly HashSet<InputSkip> _seen = [];

    public void Report(InputSkip skip)
    {
        lock (_gate)
            if (_seen.Add(skip)) _skips.Add(skip);
    }

    public void Report(IEnumerable<InputSkip> skips)
    {
        foreach (var skip in skips) Report(skip);
    }

    public IReadOnlyList<InputSkip> All
    {
        get { lock (_gate) return _skips.ToList(); }
    }
}
