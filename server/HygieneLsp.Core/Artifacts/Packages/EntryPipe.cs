using System.Buffers;
using System.IO.Pipelines;
using HygieneLsp.Core.Artifacts.Archives;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// Opens one entry of an archive as a pull stream without extracting it: the guarded <see cref="ArchiveReader"/> walks
/// the archive on a worker and pours the entry into a bounded pipe (1 MB), stopping as soon as the reader is done.
/// Memory stays bounded whatever the entry weighs; a .tgz is decompressed again up to the entry each time.
/// </summary>
internal static class EntryPipe
{
    private sealed class Stop : Exception;

    public static Stream Open(string archivePath, ArchiveLimits limits, int entryIndex)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        _ = Task.Run(() =>
        {
            Exception? failure = null;
            try
            {
                ArchiveReader.Read(archivePath, limits, (entry, content) =>
                {
                    if (entry.Index != entryIndex) return;
                    var buffer = new byte[64 * 1024];
                    int n;
                    while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        pipe.Writer.Write(buffer.AsSpan(0, n));
                        if (pipe.Writer.FlushAsync().AsTask().GetAwaiter().GetResult().IsCompleted) throw new Stop();
                    }
                    throw new Stop();
                });
            }
            catch (Stop) { }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException) { failure = e; }
            pipe.Writer.Complete(failure);
        });
        return pipe.Reader.AsStream();
    }
}
