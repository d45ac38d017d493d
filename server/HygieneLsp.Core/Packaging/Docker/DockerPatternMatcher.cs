namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// moby/patternmatcher's PatternMatcher, ported: patterns in order, a `!` pattern re-includes, the last one that
/// matches decides, and a pattern that matches a parent folder matches everything below it. Both entry points
/// BuildKit uses are here: <see cref="MatchesOrParentMatches"/> (one path) and <see cref="MatchesUsingParentResults"/>
/// (during a walk, reusing the parent folder's per-pattern results, with its exact skipping quirks).
/// </summary>
public sealed class DockerPatternMatcher
{
    private DockerPatternMatcher(IReadOnlyList<DockerPattern> patterns) => Patterns = patterns;

    public IReadOnlyList<DockerPattern> Patterns { get; }

    /// <summary>True when any pattern is a `!` exception.</summary>
    public bool Exclusions => Patterns.Any(p => p.Exclusion);

    /// <summary>patternmatcher.New: null with the error BuildKit fails the build with, for `!` alone or a malformed glob.</summary>
    public static DockerPatternMatcher? Create(IEnumerable<string> patterns, out string? error)
    {
        var list = new List<DockerPattern>();
        error = null;
        foreach (var raw in patterns)
        {
            var p = raw.Trim(GoSpace);
            if (p.Length == 0) continue;
            p = GoPath.Clean(p);
            var exclusion = false;
            if (p[0] == '!')
            {
                if (p.Length == 1) { error = "illegal exclusion pattern: \"!\""; return null; }
                exclusion = true;
                p = p[1..];
            }
            if (!GoFilePathMatch.IsValid(p)) { error = $"syntax error in pattern: {p}"; return null; }
            list.Add(new DockerPattern(p, exclusion));
        }
        return new DockerPatternMatcher(list);
    }

    /// <summary>Go's strings.TrimSpace set (ASCII white space plus the Unicode spaces it knows).</summary>
    internal static readonly char[] GoSpace = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
        '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    /// <summary>Whether a pattern whose compiled form Go rejects would be consulted for this path (the build then fails).</summary>
    public bool HasUnusablePattern => Patterns.Any(p => !p.IsUsable);

    public bool MatchesOrParentMatches(string file)
    {
        var matched = false;
        var parentPath = GoPath.Dir(file);
        var parentDirs = parentPath.Split('/');
        foreach (var pattern in Patterns)
        {
            if (pattern.Exclusion != matched) continue;
            var match = pattern.Match(file);
            if (!match && parentPath != ".")
                for (var i = 0; i < parentDirs.Length && !match; i++)
                    match = pattern.Match(string.Join('/', parentDirs, 0, i + 1));
            if (match) matched = !pattern.Exclusion;
        }
        return matched;
    }

    /// <summary>
    /// The walk form: <paramref name="parentMatched"/> holds the parent folder's per-pattern results (null at the top
    /// or when unknown, then parents are matched as <see cref="MatchesOrParentMatches"/> does). Patterns skipped by the
    /// "cannot change the answer" shortcut record false, exactly as patternmatcher does.
    /// </summary>
    public (bool Matched, bool[] Info) MatchesUsingParentResults(string file, bool[]? parentMatched)
    {
        var matched = false;
        var info = new bool[Patterns.Count];
        for (var i = 0; i < Patterns.Count; i++)
        {
            var pattern = Patterns[i];
            var match = parentMatched is { Length: > 0 } && parentMatched[i];
            if (!match)
            {
                if (pattern.Exclusion != matched) continue;
                match = pattern.Match(file);
                if (!match && parentMatched is not { Length: > 0 })
                {
                    var parentPath = GoPath.Dir(file);
                    if (parentPath != ".")
                    {
                        var dirs = parentPath.Split('/');
                        for (var j = 0; j < dirs.Length && !match; j++) match = pattern.Match(string.Join('/', dirs, 0, j + 1));
                    }
                }
            }
            info[i] = match;
            if (match) matched = !pattern.Exclusion;
        }
        return (matched, info);
    }
}
