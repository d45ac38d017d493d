using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using HygieneLsp.Core.Artifacts.Archives;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

/// <summary>An entry as the test's callback saw it, with the bytes it read.</summary>
internal sealed record SeenEntry(ArchiveEntry Entry, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>Builds archives in a test's temp folder and reads them back through <see cref="ArchiveReader"/>.</summary>
internal static class ArchiveFixtures
{
    public static string WriteTar(string path, Action<TarWriter> write, bool gzip = true, TarEntryFormat format = TarEntryFormat.Pax)
    {
        using var file = File.Create(path);
        using var compressed = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        using (var writer = new TarWriter(compressed, format, leaveOpen: true)) write(writer);
        return path;
    }

    public static void AddFile(this TarWriter writer, string name, string content, TarEntryFormat format = TarEntryFormat.Pax) =>
        writer.AddFile(name, Encoding.UTF8.GetBytes(content), format);

    public static void AddFile(this TarWriter writer, string name, byte[] content, TarEntryFormat format = TarEntryFormat.Pax)
    {
        var entry = NewEntry(format, TarEntryType.RegularFile, name);
        entry.DataStream = new MemoryStream(content);
        writer.WriteEntry(entry);
    }

    public static void AddLink(this TarWriter writer, TarEntryType type, string name, string target)
    {
        var entry = NewEntry(TarEntryFormat.Pax, type, name);
        entry.LinkName = target;
        writer.WriteEntry(entry);
    }

    public static void AddDirectory(this TarWriter writer, string name) => writer.WriteEntry(NewEntry(TarEntryFormat.Pax, TarEntryType.Directory, name));

    public static TarEntry NewEntry(TarEntryFormat format, TarEntryType type, string name) => format switch
    {
        TarEntryFormat.Gnu => new GnuTarEntry(type, name),
        TarEntryFormat.Ustar => new UstarTarEntry(type, name),
        TarEntryFormat.V7 => new V7TarEntry(type == TarEntryType.RegularFile ? TarEntryType.V7RegularFile : type, name),
        _ => new PaxTarEntry(type, name),
    };

    public static string WriteZip(string path, Action<ZipArchive> write)
    {
        using var file = File.Create(path);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create)) write(zip);
        return path;
    }

    public static ZipArchiveEntry AddFile(this ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal) =>
        zip.AddFile(name, Encoding.UTF8.GetBytes(content), level);

    public static ZipArchiveEntry AddFile(this ZipArchive zip, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        using var s = entry.Open();
        s.Write(content);
        return entry;
    }

    /// <summary>Reads the archive, copying every delivered stream whole (or the first <paramref name="readAtMost"/> bytes).</summary>
    public static (ArchiveScan Scan, List<SeenEntry> Seen) Read(string path, ArchiveLimits? limits = null, int readAtMost = int.MaxValue)
    {
        var seen = new List<SeenEntry>();
        var scan = ArchiveReader.Read(path, limits ?? ArchiveLimits.Default, (entry, content) =>
        {
            var copy = new MemoryStream();
            var buffer = new byte[8192];
            int n;
            while (copy.Length < readAtMost && (n = content.Read(buffer, 0, (int)Math.Min(buffer.Length, readAtMost - copy.Length))) > 0) copy.Write(buffer, 0, n);
            seen.Add(new SeenEntry(entry, copy.ToArray()));
        });
        return (scan, seen);
    }

    public static List<(ArchiveAnomalyKind Kind, string? Path)> Anomalies(this ArchiveScan scan) => scan.Anomalies.Select(a => (a.Kind, a.Path)).ToList();

    public static string Describe(this ArchiveScan scan) =>
        $"error={scan.Error}; complete={scan.IsComplete}; entries={scan.EntryCount}; anomalies:\n  " + string.Join("\n  ", scan.Anomalies.Select(a => $"{a.Kind} {a.Path}: {a.Message}"));

    /// <summary>Bytes that deflate poorly (so a cut in the compressed file lands inside an entry, not in a run of zeros).</summary>
    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
