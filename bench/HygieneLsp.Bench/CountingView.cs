using HygieneLsp.Core.Workspace;
namespace HygieneLsp.Bench;
public sealed class CountingView(IFileView inner) : IFileView
{
    public static int Stamps, Lists, Reads, Opens, Exists;
    public static System.Collections.Concurrent.ConcurrentDictionary<string,int> ByPath = new();
    public bool FileExists(string path) { Interlocked.Increment(ref Exists); return inner.FileExists(path); }
    public bool DirectoryExists(string path) { Interlocked.Increment(ref Exists); return inner.DirectoryExists(path); }
    public string? ReadAllText(string path) { Interlocked.Increment(ref Reads); return inner.ReadAllText(path); }
    public Stream? OpenRead(string path) { Interlocked.Increment(ref Opens); return inner.OpenRead(path); }
    public long? GetLength(string path) => inner.GetLength(path);
    public IReadOnlyList<DirectoryEntry> List(string directory) { Interlocked.Increment(ref Lists); return inner.List(directory); }
    public string Stamp(string path) { Interlocked.Increment(ref Stamps); ByPath.AddOrUpdate(path, 1, (_, v) => v + 1); return inner.Stamp(path); }
}
