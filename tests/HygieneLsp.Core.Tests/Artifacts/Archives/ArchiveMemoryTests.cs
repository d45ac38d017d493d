using System.Formats.Tar;
using System.IO.Compression;
using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Tests.Support;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

/// <summary>
/// A 60 MB entry read whole through the callback must cost a bounded, small number of allocated bytes: the reader
/// streams, it never buffers an entry. Counts the test thread's allocations (the callback runs on it), so tests
/// running beside it do not disturb the figure; no timing is asserted.
/// </summary>
public sealed class ArchiveMemoryTests(ITestOutputHelper output)
{
    private const long EntrySize = 60L << 20;
    private const long AllocationBound = 2L << 20;

    [Fact]
    public void A60MegabyteTarballEntryIsStreamed()
    {
        using var dir = new TempDir("hygiene-archive-memory");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "big.tgz"), w =>
        {
            w.AddFile("package/small.txt", "before");
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "package/dist/huge.js.map") { DataStream = new GeneratedText(EntrySize) };
            w.WriteEntry(entry);
            w.AddFile("package/after.txt", "after");
        });
        AssertStreamed(path);
    }

    [Fact]
    public void A60MegabyteZipEntryIsStreamed()
    {
        using var dir = new TempDir("hygiene-archive-memory");
        var path = Path.Combine(dir.Path, "big.vsix");
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            zip.AddFile("extension/small.txt", "before");
            using (var s = zip.CreateEntry("extension/dist/huge.js.map", CompressionLevel.Fastest).Open()) new GeneratedText(EntrySize).CopyTo(s);
            zip.AddFile("extension/after.txt", "after");
        }
        AssertStreamed(path);
    }

    private void AssertStreamed(string path)
    {
        var buffer = new byte[64 * 1024];
        var check = new GeneratedText(EntrySize);
        var expected = new byte[buffer.Length];
        long hugeRead = 0;
        var mismatch = false;
        // Warm up once (JIT, static tables, pools) so the measured pass counts only what reading costs.
        ArchiveReader.Read(path, (_, content) => { while (content.Read(buffer) > 0) { } });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var scan = ArchiveReader.Read(path, (entry, content) =>
        {
            if (!entry.Path.EndsWith("huge.js.map", StringComparison.Ordinal))
            {
                while (content.Read(buffer) > 0) { }
                return;
            }
            check.Position = 0;
            int n;
            while ((n = content.Read(buffer)) > 0)
            {
                check.ReadExactly(expected.AsSpan(0, n));
                mismatch |= !buffer.AsSpan(0, n).SequenceEqual(expected.AsSpan(0, n));
                hugeRead += n;
            }
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{Path.GetFileName(path)} ({new FileInfo(path).Length:N0} bytes): allocated {allocated:N0} bytes while reading a {EntrySize:N0}-byte entry whole");

        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Equal(3, scan.EntryCount);
        Assert.Equal(EntrySize, hugeRead);
        Assert.False(mismatch, "the delivered content differs from what was written");
        Assert.True(allocated < AllocationBound, $"allocated {allocated:N0} bytes for a {EntrySize:N0}-byte entry");
    }
}

/// <summary>Deterministic JavaScript-like text of any length, produced as it is read (nothing held in memory).</summary>
internal sealed class GeneratedText(long length) : Stream
{
    private static readonly byte[] Line = "const value_0000 = require('./module-0000').default; // generated line of text\n"u8.ToArray();
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            var line = at / Line.Length;
            var column = (int)(at % Line.Length);
            // The digits vary per line so the text compresses like code, not like a repeated constant.
            buffer[i] = column is >= 12 and < 16 ? (byte)('0' + (line >> (2 * (column - 12)) & 7))
                : column is >= 36 and < 40 ? (byte)('0' + (line * 7 >> (3 * (column - 36)) & 7))
                : Line[column];
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
    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
