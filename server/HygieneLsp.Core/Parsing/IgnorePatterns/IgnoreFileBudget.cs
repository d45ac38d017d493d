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

    private readonly List<InputSkip> _skipped = [];
    private int _used;
    private bool _stopped;

    public IReadOnlyList<InputSkip> Skipped => _skipped;

    /// <summary>True once the file's total is spent: no later line is applied, so none need be compiled.</summary>
    public bool Exhausted => _stopped;

    /// <summary>Whether the compiled pattern of line (or entry) <paramref name="line"/>, 1-based, is applied.</summary>
    public bool Admit(GlobPattern pattern, int line)
    {
        if (_stopped) return false;
        if (pattern.ExceedsBudget is { } reason)
        {
            _skipped.Add(new InputSkip(path, $"{unit} {line:N0}: {reason}; that {unit} was not applied"));
            return false;
        }
        _used += pattern.AlternativeCount;
        if (_used <= MaxAlternatives) return true;
        _stopped = true;
        _skipped.Add(new InputSkip(path, $"its patterns expand to more than {MaxAlternatives:N0} alternatives by {unit} {line:N0}; that {unit} and the rest were not applied"));
        return false;
    }
}
