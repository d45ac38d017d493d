using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using HygieneLsp.Core.Artifacts.Archives;

namespace HygieneLsp.Bench;

/// <summary>
/// The archive reader's cost on one big entry: `archive-gen` writes a .tgz and a .vsix holding one entry of N MB
/// (text, random bytes or zeros, produced as written), `archive-read` reads a file once with a callback that reads
/// every byte, and prints time, allocations and peak working set. Separate processes, so the peak is the reader's.
/// </summary>
internal static class ArchiveBenchmark
{
    public static int Generate(string folder, long megabytes, string kind)
    {
        Directory.CreateDirectory(folder);
        var size = megabytes << 20;
        var tgz = Path.Combine(folder, $"one-{megabytes}mb-{kind}.tgz");
        using (var file = File.Create(tgz))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/dist/huge.js.map") { DataStream = new Content(size, kind) });
        }
        var vsix = Path.ChangeExtension(tgz, ".vsix");
        using (var file = File.Create(vsix))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        using (var entry = zip.CreateEntry("extension/dist/huge.js.map", CompressionLevel.Optimal).Open())
            new Content(size, kind).CopyTo(entry);
        foreach (var f in new[] { tgz, vsix }) Console.WriteLine($"{f}: {new FileInfo(f).Length:N0} bytes");
        return 0;
    }

    public static int Read(string path, int rounds)
    {
        using var self = Process.GetCurrentProcess();
        var baseline = self.PeakWorkingSet64;
        var buffer = new byte[64 * 1024];
        for (var round = 1; round <= rounds; round++)
        {
            var allocated0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var scan = ArchiveReader.Read(path, (_, content) => { while (content.Read(buffer) > 0) { } });
            watch.Stop();
            self.Refresh();
            Console.WriteLine($"round {round}: {scan.Format}, {scan.EntryCount} entries, {scan.TotalReadBytes / 1048576.0:F1} MB read " +
                              $"({scan.DecompressedBytes / 1048576.0:F1} MB decompressed) in {watch.Elapsed.TotalMilliseconds:F0} ms wall, {(self.TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms CPU; " +
                              $"allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated0) / 1024.0:F0} KB; peak working set {self.PeakWorkingSet64 / 1048576.0:F1} MB " +
                              $"(at start {baseline / 1048576.0:F1} MB); anomalies: {string.Join(", ", scan.Anomalies.Select(a => a.Kind))}");
        }
        return 0;
    }

    /// <summary>Entry content produced as it is read: JavaScript-like text, random bytes, or zeros.</summary>
    private sealed class Content(long length, string kind) : Stream
    {
        private static readonly byte[] Line = "const value_0000 = require('./module-0000').default; // generated line\n"u8.ToArray();
        private readonly Random _random = new(2026);
        private long _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            var span = buffer[..n];
            if (kind == "zeros") span.Clear();
            else if (kind == "random") _random.NextBytes(span);
            else
                for (var i = 0; i < n; i++)
                {
                    var at = _position + i;
                    var column = (int)(at % Line.Length);
                    span[i] = column is >= 12 and < 16 ? (byte)('0' + ((at / Line.Length) >> (2 * (column - 12)) & 7)) : Line[column];
                }
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => _position = origin == SeekOrigin.Begin ? offset : _position + offset;
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
