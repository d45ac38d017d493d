using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>
/// One MSBuild item spec fragment (a path with *, ? and **), matched against absolute paths. Relative fragments are
/// anchored at the project directory (item paths are relative to the project even in imported files). Case-sensitive
/// where the file system is (Linux), like MSBuild.
/// </summary>
public sealed class ItemGlob
{
    private static readonly bool IgnoreCase = !OperatingSystem.IsLinux();

    private readonly string[] _segments;

    private ItemGlob(string absolutePattern, bool hasWildcard)
    {
        Pattern = absolutePattern;
        HasWildcard = hasWildcard;
        // **/** is **; collapsing keeps the segment matcher's work small.
        var segments = new List<string>();
        foreach (var segment in absolutePattern.Split('/'))
            if (!(segment == "**" && segments.Count > 0 && segments[^1] == "**")) segments.Add(segment);
        // MSBuild reads a spec ending in ** as **/*: files below the folder, never the name itself (`**/.*/**`
        // excludes files inside dot-folders, not a `.env` file).
        if (segments[^1] == "**") segments.Add("*");
        _segments = segments.ToArray();
    }

    /// <summary>The absolute pattern with forward slashes.</summary>
    public string Pattern { get; }
    public bool HasWildcard { get; }

    public static ItemGlob Create(string projectDirectory, string fragment)
    {
        var f = fragment.Trim().Replace('\\', '/');
        var absolute = f.StartsWith('/') ? f : projectDirectory.TrimEnd('/') + "/" + f;
        var hasWildcard = f.IndexOfAny(['*', '?']) >= 0;
        if (!hasWildcard) absolute = Paths.Normalize(absolute);
        else absolute = CollapseDots(absolute);
        return new ItemGlob(absolute, hasWildcard);
    }

    /// <summary>
    /// Segment-wise matching with memoisation (** = zero or more folders): time is bounded by pattern size times path
    /// size, whatever the pattern, because workspace globs are untrusted.
    /// </summary>
    public bool IsMatch(string absolutePath)
    {
        var path = absolutePath.Split('/');
        var memo = new sbyte[(_segments.Length + 1) * (path.Length + 1)];
        return Match(0, 0, path, memo);
    }

    private bool Match(int i, int j, string[] path, sbyte[] memo)
    {
        var key = i * (path.Length + 1) + j;
        if (memo[key] != 0) return memo[key] > 0;
        bool result;
        if (i == _segments.Length) result = j == path.Length;
        else if (_segments[i] == "**") result = Match(i + 1, j, path, memo) || (j < path.Length && Match(i, j + 1, path, memo));
        else result = j < path.Length && SegmentMatches(_segments[i], path[j]) && Match(i + 1, j + 1, path, memo);
        memo[key] = (sbyte)(result ? 1 : -1);
        return result;
    }

    /// <summary>* and ? within one path segment; the classic single-backtrack-point wildcard match.</summary>
    private static bool SegmentMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t]))) { p++; t++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private static bool Same(char a, char b) => a == b || (IgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    /// <summary>The part of the pattern before the first wildcard's folder: where a file walk must start.</summary>
    public string FixedDirectory
    {
        get
        {
            var i = Pattern.IndexOfAny(['*', '?']);
            if (i < 0) return Paths.Parent(Pattern);
            var slash = Pattern.LastIndexOf('/', i);
            return slash <= 0 ? "/" : Pattern[..slash];
        }
    }

    /// <summary>Splits an item spec on ';', dropping empty fragments.</summary>
    public static IEnumerable<string> Split(string spec) =>
        spec.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string CollapseDots(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == ".") continue;
            if (part == ".." && parts.Count > 1 && parts[^1] != "**") { parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
