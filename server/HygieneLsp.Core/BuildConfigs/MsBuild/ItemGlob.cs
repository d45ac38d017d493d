using System.Text;
using System.Text.RegularExpressions;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>
/// One MSBuild item spec fragment (a path with *, ? and **), matched against absolute paths. Relative fragments are
/// anchored at the project directory (item paths are relative to the project even in imported files). Case-sensitive
/// where the file system is (Linux), like MSBuild.
/// </summary>
public sealed class ItemGlob
{
    private static readonly RegexOptions Options =
        RegexOptions.CultureInvariant | (OperatingSystem.IsLinux() ? RegexOptions.None : RegexOptions.IgnoreCase);

    private readonly Regex _regex;

    private ItemGlob(string absolutePattern, bool hasWildcard)
    {
        Pattern = absolutePattern;
        HasWildcard = hasWildcard;
        _regex = new Regex(ToRegex(absolutePattern), Options);
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

    public bool IsMatch(string absolutePath) => _regex.IsMatch(absolutePath);

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

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        var segments = pattern.Split('/');
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            var last = s == segments.Length - 1;
            if (segment == "**")
            {
                // Zero or more whole folders; at the end, any path below.
                sb.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            foreach (var c in segment)
            {
                sb.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
            if (!last) sb.Append('/');
        }
        sb.Append('$');
        return sb.ToString();
    }
}
