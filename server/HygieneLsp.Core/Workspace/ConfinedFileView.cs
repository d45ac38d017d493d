namespace HygieneLsp.Core.Workspace;

/// <summary>
/// A file view that sees only the workspace folder. Readers that follow a path written in the workspace (a tsconfig
/// `extends`, a `require`, an MSBuild `Import`, a map's `sources`) read through it, so untrusted text cannot make the
/// engine read /etc/passwd, another project, or a link inside the folder that points out of it: outside the folder
/// nothing exists. Open editor buffers inside the folder are seen as the inner view sees them.
/// </summary>
public sealed class ConfinedFileView : IFileView
{
    private readonly IFileView _inner;
    private readonly string _root;
    private readonly string _realRoot;
    private readonly RealPaths _realPaths = new();

    public ConfinedFileView(IFileView inner, string root)
    {
        _inner = inner;
        _root = Paths.Normalize(root);
        _realRoot = _realPaths.Resolve(_root);
    }

    public string Root => _root;

    /// <summary>Inside the folder both as written and once every link along the path is resolved.</summary>
    public bool Allows(string path)
    {
        string normal;
        try { normal = Paths.Normalize(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return false; }
        if (!Paths.IsUnder(normal, _root)) return false;
        // On disk the path must stay inside once its links are resolved (`ws/lib -> /etc` makes ws/lib/passwd outside).
        lock (_realPaths) return Paths.IsUnder(_realPaths.Resolve(normal), _realRoot);
    }

    public bool FileExists(string path) => Allows(path) && _inner.FileExists(path);

    public bool DirectoryExists(string path) => Allows(path) && _inner.DirectoryExists(path);

    public string? ReadAllText(string path) => Allows(path) ? _inner.ReadAllText(path) : null;

    public Stream? OpenRead(string path) => Allows(path) ? _inner.OpenRead(path) : null;

    public long? GetLength(string path) => Allows(path) ? _inner.GetLength(path) : null;

    public IReadOnlyList<DirectoryEntry> List(string directory) => Allows(directory) ? _inner.List(directory) : [];

    public string Stamp(string path) => Allows(path) ? _inner.Stamp(path) : "outside";
}
