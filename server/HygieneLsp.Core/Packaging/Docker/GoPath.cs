using System.Text;

namespace HygieneLsp.Core.Packaging.Docker;

/// <summary>
/// Go's `path.Clean` and `path.Dir` for slash-separated paths: BuildKit cleans ignore patterns, COPY sources and
/// destinations this way, and a pattern only matches what its cleaned form matches.
/// </summary>
public static class GoPath
{
    /// <summary>The shortest equivalent path: repeated slashes, `.` and `a/..` removed; "" becomes ".".</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var n = path.Length;
        var output = new StringBuilder(n);
        int r = 0, dotdot = 0;
        if (rooted) { output.Append('/'); r = 1; dotdot = 1; }
        while (r < n)
        {
            if (path[r] == '/') r++;
            else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) r++;
            else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/'))
            {
                r += 2;
                if (output.Length > dotdot)
                {
                    var w = output.Length - 1;
                    while (w > dotdot && output[w] != '/') w--;
                    output.Length = w;
                }
                else if (!rooted)
                {
                    if (output.Length > 0) output.Append('/');
                    output.Append("..");
                    dotdot = output.Length;
                }
            }
            else
            {
                if ((rooted && output.Length != 1) || (!rooted && output.Length != 0)) output.Append('/');
                for (; r < n && path[r] != '/'; r++) output.Append(path[r]);
            }
        }
        return output.Length == 0 ? "." : output.ToString();
    }

    /// <summary>All but the last element, cleaned; "." when there is no slash.</summary>
    public static string Dir(string path)
    {
        var i = path.LastIndexOf('/');
        return Clean(i < 0 ? "" : path[..(i + 1)]);
    }

    /// <summary>The last element (trailing slashes removed); "." for "", "/" for all slashes.</summary>
    public static string Base(string path)
    {
        if (path.Length == 0) return ".";
        path = path.TrimEnd('/');
        if (path.Length == 0) return "/";
        return path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>Go's `path.Join`: the non-empty elements joined by slashes, cleaned.</summary>
    public static string Join(params string[] parts)
    {
        var nonEmpty = parts.Where(p => p.Length > 0).ToList();
        return nonEmpty.Count == 0 ? "" : Clean(string.Join('/', nonEmpty));
    }
}
