using System.Collections.Concurrent;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// Collects what one piece of analysis work (an <see cref="AnalysisItem"/>) read, so the engine can tell after an edit
/// whether the item must run again. Four kinds of input, each compared in its own way:
/// <list type="bullet">
/// <item><b>files</b>: a path whose content or existence was read (through the <see cref="RecordingFileView"/>), with
/// the stamp it had; dirty when the stamp moves (an edit, a save, a create or delete of that path);</item>
/// <item><b>directory listings</b>: a folder listed on disk (<see cref="IFileView.List"/>), with a digest of its entries;</item>
/// <item><b>scopes</b>: a folder whose file set in the workspace index was used (a unit's files); dirty when a file
/// under it is created or deleted;</item>
/// <item><b>facts</b>: a workspace-wide derived value (the npm packages and how they relate, the VS Code extensions,
/// whether a tsconfig is compiled), with a signature of the part the item relied on; dirty when the signature moves.</item>
/// </list>
/// Shared memoised computations (<see cref="AnalysisCache"/>) declare their own inputs: while one runs, recording is
/// suspended on that thread and the cache records the inputs it is keyed on instead.
/// </summary>
public sealed class DependencyRecorder
{
    [ThreadStatic] private static int t_suspended;

    private readonly IFileView _files;
    private readonly ConcurrentDictionary<string, string> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _scopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DerivedFact Fact, string Signature)> _facts = new(StringComparer.Ordinal);

    /// <param name="files">The view stamps are taken from (the snapshot the item runs on).</param>
    public DependencyRecorder(IFileView files) => _files = files;

    /// <summary>True while a memoised computation runs on this thread: it declares its inputs itself.</summary>
    public static bool IsSuspended => t_suspended > 0;

    /// <summary>Stops recording on this thread until disposed (nested calls count).</summary>
    public static Suspension Suspend()
    {
        t_suspended++;
        return new Suspension();
    }

    public readonly struct Suspension : IDisposable
    {
        public void Dispose() => t_suspended--;
    }

    /// <summary>Records again on this thread until disposed, inside a suspension (a memoised computation that records its own inputs).</summary>
    public static Resumption Resume()
    {
        var depth = t_suspended;
        t_suspended = 0;
        return new Resumption(depth);
    }

    public readonly struct Resumption(int depth) : IDisposable
    {
        public void Dispose() => t_suspended = depth;
    }

    /// <summary>The item read this path (content, length or existence): it depends on the path's stamp.</summary>
    public void File(string path)
    {
        if (IsSuspended || _stamps.ContainsKey(path)) return;
        _stamps.TryAdd(path, _files.Stamp(path));
    }

    /// <summary>The item listed this folder on disk: it depends on the names in it.</summary>
    public void Listing(string directory, IReadOnlyList<DirectoryEntry> entries)
    {
        if (IsSuspended) return;
        _listings.TryAdd(directory, ListingDigest(entries));
    }

    /// <summary>The item used the workspace index's files under this folder (a unit's file list).</summary>
    public void Scope(string directory)
    {
        if (IsSuspended) return;
        _scopes.TryAdd(directory, 0);
    }

    /// <summary>The item relied on a workspace-wide fact whose relevant part has this signature.</summary>
    public void Fact(DerivedFact fact, string signature)
    {
        if (IsSuspended) return;
        _facts.TryAdd(fact.Key, (fact, signature));
    }

    /// <summary>Records a fact even inside a memoised computation (for callers that suspend recording around their own work).</summary>
    internal void FactAlways(DerivedFact fact, string signature) => _facts.TryAdd(fact.Key, (fact, signature));

    public ItemDependencies ToDependencies() => new(
        _stamps.ToDictionary(StringComparer.Ordinal),
        _listings.ToDictionary(StringComparer.Ordinal),
        _scopes.Keys.Order(StringComparer.Ordinal).ToArray(),
        _facts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));

    /// <summary>The names in a folder and whether each is a folder: what a listing dependency compares.</summary>
    public static string ListingDigest(IReadOnlyList<DirectoryEntry> entries)
    {
        var hash = new HashCode();
        foreach (var e in entries)
        {
            hash.Add(e.Name, StringComparer.Ordinal);
            hash.Add(e.IsDirectory);
        }
        return entries.Count + ":" + hash.ToHashCode().ToString("x8");
    }
}

/// <summary>What an item read, as recorded: see <see cref="DependencyRecorder"/>.</summary>
public sealed record ItemDependencies(
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, string> Listings,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, (DerivedFact Fact, string Signature)> Facts)
{
    public static readonly ItemDependencies None = new(new Dictionary<string, string>(), new Dictionary<string, string>(), [], new Dictionary<string, (DerivedFact, string)>());

    /// <summary>Whether a created or deleted <paramref name="path"/> can change what the item saw.</summary>
    public bool CoversFileSetChange(string path)
    {
        if (Files.ContainsKey(path) || Listings.ContainsKey(Paths.Parent(path))) return true;
        foreach (var scope in Scopes)
            if (Paths.IsUnder(path, scope)) return true;
        return false;
    }
}
