using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>
/// A file view that tells a <see cref="DependencyRecorder"/> every path an item reads (content, length, existence,
/// stamp) and every folder it lists, then answers from the view it wraps.
/// </summary>
public sealed class RecordingFileView(IFileView inner, DependencyRecorder recorder) : IFileView
{
    public IFileView Inner => inner;

    public bool FileExists(string path)
    {
        recorder.File(path);
        return inner.FileExists(path);
    }

    public bool DirectoryExists(string path)
    {
        // A folder's existence changes with the files created or deleted in it: its listing stands for it.
        var exists = inner.DirectoryExists(path);
        if (!DependencyRecorder.IsSuspended) recorder.Listing(Paths.Parent(path), inner.List(Paths.Parent(path)));
        return exists;
    }

    public string? ReadAllText(string path)
    {
        recorder.File(path);
        return inner.ReadAllText(path);
    }

    public Stream? OpenRead(string path)
    {
        recorder.File(path);
        return inner.OpenRead(path);
    }

    public long? GetLength(string path)
    {
        recorder.File(path);
        return inner.GetLength(path);
    }

    public IReadOnlyList<DirectoryEntry> List(string directory)
    {
        var entries = inner.List(directory);
        recorder.Listing(directory, entries);
        return entries;
    }

    public string Stamp(string path)
    {
        recorder.File(path);
        return inner.Stamp(path);
    }
}
