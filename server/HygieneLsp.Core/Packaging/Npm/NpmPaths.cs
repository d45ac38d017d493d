namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>Node's posix path functions (normalize, join, relative) as npm uses them on package paths.</summary>
internal static class NpmPaths
{
    /// <summary>path.posix.normalize: resolves `.` and `..`, collapses slashes, keeps a trailing slash; "" → ".".</summary>
    public static string Normalize(string p)
    {
        if (p.Length == 0) return ".";
        var absolute = p[0] == '/';
        var trailing = p[^1] == '/';
        var stack = new List<string>();
        foreach (var seg in p.Split('/'))
        {
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == "..")
            {
                if (stack.Count > 0 && stack[^1] != "..") stack.RemoveAt(stack.Count - 1);
                else if (!absolute) stack.Add("..");
                continue;
            }
            stack.Add(seg);
        }
        var joined = string.Join("/", stack);
        if (joined.Length == 0 && !absolute) joined = ".";
        if (joined.Length > 0 && trailing) joined += "/";
        return absolute ? "/" + joined : joined;
    }

    /// <summary>path.posix.join.</summary>
    public static string Join(params string[] parts)
    {
        var nonEmpty = parts.Where(x => x.Length > 0).ToList();
        return nonEmpty.Count == 0 ? "." : Normalize(string.Join("/", nonEmpty));
    }

    /// <summary>path.posix.relative for two absolute (or both cwd-relative) paths.</summary>
    public static string Relative(string from, string to)
    {
        var f = Normalize("/" + from).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var t = Normalize("/" + to).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        while (i < f.Length && i < t.Length && f[i] == t[i]) i++;
        return string.Join("/", Enumerable.Repeat("..", f.Length - i).Concat(t.Skip(i)));
    }

    /// <summary>@npmcli/package-json's secureAndUnixifyPath: `\` and `:` become `/`, the path is confined to the package; "" when it escapes to the root.</summary>
    public static string SecureAndUnixify(string reference)
    {
        var unix = reference.Replace('\\', '/').Replace(':', '/');
        var secured = Join(".", Join("/", unix)).Replace('\\', '/').Replace(':', '/');
        return secured.StartsWith("./", StringComparison.Ordinal) ? "" : secured;
    }
}
