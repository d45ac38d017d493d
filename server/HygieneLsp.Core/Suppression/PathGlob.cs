using System.Text;
using System.Text.RegularExpressions;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// An <c>ignorePaths</c> glob, matched against a path relative to the workspace folder with forward slashes.
/// <c>*</c> and <c>?</c> stay inside one segment, <c>**</c> crosses segments, <c>{a,b}</c> alternates. A pattern
/// without a slash (other than a trailing one) matches a name at any depth; a leading <c>/</c> anchors at the folder.
/// A pattern that matches a folder ignores everything below it. Matching is case-sensitive (as on the disk that ships).
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        var p = pattern.Trim().Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        var anchored = p.StartsWith('/');
        p = p.Trim('/');
        var anyDepth = !anchored && !p.Contains('/');
        var body = Translate(p);
        // Matches the path itself or one of its folders (then everything below is ignored).
        _regex = new Regex("^" + (anyDepth ? "(?:.*/)?" : "") + body + "(?:/.*)?$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public string Pattern { get; }

    public bool Matches(string relativePath)
    {
        try { return _regex.IsMatch(relativePath); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static string Translate(string glob)
    {
        var sb = new StringBuilder();
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '{') { sb.Append("(?:"); braces++; }
            else if (c == '}' && braces > 0) { sb.Append(')'); braces--; }
            else if (c == ',' && braces > 0) sb.Append('|');
            else sb.Append(Regex.Escape(c.ToString()));
        }
        while (braces-- > 0) sb.Append(')');
        return sb.ToString();
    }
}
