namespace HygieneLsp.Core.Workspace;

/// <summary>
/// Resolves every symbolic link along a path, component by component (a link's target may itself pass through
/// links), as far as the path exists: a missing tail is kept as written, so a file that does not exist yet is judged
/// by the folder it would be in. Folders are remembered for the instance's life; a link cycle ends after 40 hops
/// (the kernel's own limit), leaving the path unresolved.
/// </summary>
public sealed class RealPaths
{
    private const int MaxHops = 40;
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);

    public string Resolve(string path)
    {
        var hops = 0;
        return Resolve(Paths.Normalize(path), ref hops);
    }

    private string Resolve(string path, ref int hops)
    {
        if (path == "/" || path.Length == 0) return path;
        if (_known.TryGetValue(path, out var known)) return known;
        var parent = Resolve(Paths.Parent(path), ref hops);
        var name = path[(path.LastIndexOf('/') + 1)..];
        var candidate = parent == "/" ? "/" + name : parent + "/" + name;
        string? target = null;
        try { target = new FileInfo(candidate).LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException) { }
        string result;
        if (target is null) result = candidate;
        else if (++hops > MaxHops) result = candidate;
        else result = Resolve(Paths.Normalize(Path.IsPathRooted(target) ? target : Path.Combine(parent, target)), ref hops);
        _known[path] = result;
        return result;
    }
}
