using HygieneLsp.Core.Analysis;

namespace HygieneLsp.Core.Parsing.IgnorePatterns;

/// <summary>
/// What one ignore file (.npmignore, .gitignore, .vscodeignore) may cost: every path of a package is matched against
/// every alternative of every line, so the alternatives of the whole file are counted. A line over its own budget is
/// not applied; once the file's total passes <see cref="MaxAlternatives"/>, no later line is. Each stop is noted.
/// </summary>
/// <param name="unit">What <see cref="Admit"/>'s number counts, for the notes: "line", or "entry" of package.json `files`.</param>
public sealed class IgnoreFileBudget(string path, string unit = "line")
{
    /// <summary>Generated .gitignore files reach a few thousand lines; fifty thousand is an attack, not a project.</summary>
    public const int MaxAlternatives = 10_000;

    /// <summary>
    /// Larger ignore files are not read (their lines are not applied): the largest generated ones are tens of kilobytes,
    /// and each fix and suppression of a line in one copies its text (an 8 MB .vscodeignore took `check` to 680 MB).
    /// </summary>
    public const long MaxFileBytes = 1_000_000;

    /// <summary>The note for an ignore file past <see cref="MaxFileBytes"/>, or null when it is within it.</summary>
    public static InputSkip? TooLarge(Workspace.IFileView files, string path) =>
        files.GetLength(path) > MaxFileBytes ? new InputSkip(path, $"larger than {MaxFileBytes:N0} bytes; not read, so none of its lines were applied") : null;

    private readonly List<InputSkip> _skipped = [];
    /// <summary>Lines over their own budget, by reason: said once per file, not once per line.</summary>
    private readonly Dictionary<string, List<int>> _overBudget = new(StringComparer.Ordinal);
    private int _used;
    private bool _stopped;

    /// <summary>One note per reason a line was left out (naming the first lines), then the file's own stop, if any.</summary>
    public IReadOnlyList<InputSkip> Skipped =>
        [.. _overBudget.Select(o => new InputSkip(path, $"{Lines(o.Value)}: {o.Key}; {(o.Value.Count == 1 ? $"that {unit} was" : "they were")} not applied")), .. _skipped];

    private string Lines(List<int> lines) => lines.Count switch
    {
        1 => $"{unit} {lines[0]:N0}",
        <= 3 => $"{unit}s {string.Join(", ", lines.Select(l => l.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} each",
        _ => $"{unit}s {string.Join(", ", lines.Take(3).Select(l => l.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} and {lines.Count - 3:N0} more each",
    };

    /// <summary>True once the file's total is spent: no later line is applied, so none need be compiled.</summary>
    public bool Exhausted => _stopped;

    /// <summary>Whether the compiled pattern of line (or entry) <paramref name="line"/>, 1-based, is applied.</summary>
    public bool Admit(GlobPattern pattern, int line)
    {
        if (_stopped) return false;
        if (pattern.ExceedsBudget is { } reason)
        {
            if (!_overBudget.TryGetValue(reason, out var lines)) _overBudget[reason] = lines = [];
            lines.Add(line);
            return false;
        }
        _used += pattern.AlternativeCount;
        if (_used <= MaxAlternatives) return true;
        _stopped = true;
        _skipped.Add(new InputSkip(path, $"its patterns expand to more than {MaxAlternatives:N0} alternatives by {unit} {line:N0}; that {unit} and the rest were not applied"));
        return false;
    }
}
