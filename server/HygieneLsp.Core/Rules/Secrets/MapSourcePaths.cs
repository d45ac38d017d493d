using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Secrets;

/// <summary>
/// Finds the workspace file a map's <c>sources</c> entry names, so a secret in <c>sourcesContent</c> is shown on the
/// real file. Bundler schemes are stripped (<c>webpack://app/./src/x.ts</c>, <c>file:///…</c>); relative paths resolve
/// against the map's folder, then against parent folders (webpack paths are relative to the project root). A map's
/// `sources` are untrusted text: only files inside the workspace folder are found.
/// </summary>
public static class MapSourcePaths
{
    public static string? Resolve(IFileView files, string mapPath, string? source, string workspaceRoot)
    {
        if (string.IsNullOrEmpty(source) || source.Length > Paths.MaxLength) return null;
        files = new ConfinedFileView(files, workspaceRoot);
        if (source.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            try { return Existing(files, Paths.Normalize(new Uri(source).LocalPath)); }
            catch (UriFormatException) { return null; }
        }
        var s = WithoutScheme(source, dropNamespace: true);
        if (s.Length == 0) return null;
        try
        {
            if (Path.IsPathRooted(s)) return Existing(files, Paths.Normalize(s));
            var dir = Paths.Parent(mapPath);
            for (var depth = 0; depth < 6 && dir.Length > 1; depth++)
            {
                var candidate = Existing(files, Paths.Combine(dir, s));
                if (candidate is not null) return candidate;
                dir = Paths.Parent(dir);
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { }
        return null;
    }

    /// <summary>
    /// A `sources` entry without its bundler scheme (<c>webpack://</c>, <c>vite://</c>), without the namespace that
    /// follows it when <paramref name="dropNamespace"/> (<c>webpack://app/./src/x.ts</c> → <c>./src/x.ts</c>), and
    /// without a query or fragment.
    /// </summary>
    public static string WithoutScheme(string source, bool dropNamespace)
    {
        var s = source;
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            s = s[(scheme + 3)..];
            var slash = s.IndexOf('/');
            if (dropNamespace) s = slash < 0 ? s : s[(slash + 1)..];
        }
        var q = s.IndexOfAny(['?', '#']);
        return q >= 0 ? s[..q] : s;
    }

    private static string? Existing(IFileView files, string path) => files.FileExists(path) ? path : null;
}
