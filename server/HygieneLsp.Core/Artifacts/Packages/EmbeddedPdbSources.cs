using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// Counts the source files embedded in a portable pdb (`EmbedAllSources`, `<EmbeddedFiles>`): a `.pdb` entry, or the
/// pdb embedded in a `.dll`/`.exe` (DebugType embedded). Windows pdbs and unreadable images count as none.
/// </summary>
public static class EmbeddedPdbSources
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private const long MaxImageBytes = 256L * 1024 * 1024;

    public sealed record Result(int Files, long Bytes, IReadOnlyList<string> Sample);

    public const string CacheKind = "pdb-embedded-sources";

    public static Result? Inspect(IFileView files, string path)
    {
        var length = files.GetLength(path) ?? 0;
        if (length is 0 or > MaxImageBytes) return null;
        Stream? stream;
        try { stream = files.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (stream is null) return null;
        using (stream) return Inspect(stream, Path.GetExtension(path).ToLowerInvariant());
    }

    /// <param name="stream">A seekable stream over the image.</param>
    /// <param name="ext">`.pdb`, `.dll` or `.exe`.</param>
    public static Result? Inspect(Stream stream, string ext)
    {
        try
        {
            if (ext == ".pdb")
            {
                using var provider = MetadataReaderProvider.FromPortablePdbStream(stream, MetadataStreamOptions.PrefetchMetadata);
                return Count(provider.GetMetadataReader());
            }
            if (ext is not (".dll" or ".exe")) return null;
            using var pe = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
            var embedded = pe.ReadDebugDirectory().FirstOrDefault(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (embedded.DataSize == 0) return null;
            using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            return Count(pdb.GetMetadataReader());
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException or ArgumentException)
        {
            return null; // not a portable pdb (a Windows pdb), or damaged: nothing to claim
        }
    }

    private static Result? Count(MetadataReader reader)
    {
        var files = 0;
        long bytes = 0;
        var sample = new List<string>();
        foreach (var handle in reader.CustomDebugInformation)
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) != EmbeddedSource || info.Parent.Kind != HandleKind.Document) continue;
            files++;
            bytes += reader.GetBlobReader(info.Value).Length;
            if (sample.Count < 3) sample.Add(reader.GetString(reader.GetDocument((DocumentHandle)info.Parent).Name));
        }
        return files == 0 ? null : new Result(files, bytes, sample);
    }
}
