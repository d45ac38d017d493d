using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Tests.Support;
using static HygieneLsp.Core.Artifacts.Archives.ArchiveAnomalyKind;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

public sealed class TarArchiveReaderTests
{
    [Fact]
    public void HostileEntriesAreDeliveredInOrderWithTheirAnomalies()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "pkg-1.2.3.tgz"), w =>
        {
            w.AddFile("package/ok.js", "first");
            w.AddFile("../evil", "x");
            w.AddFile("/abs", "x");
            w.AddLink(TarEntryType.SymbolicLink, "package/link", "../../etc/passwd");
            w.AddLink(TarEntryType.SymbolicLink, "package/a/inside", "../ok.js");
            w.AddLink(TarEntryType.HardLink, "package/hard", "package/ok.js");
            w.AddLink(TarEntryType.HardLink, "package/hard-missing", "package/nope.js");
            w.AddLink(TarEntryType.HardLink, "package/hard-out", "../outside");
            w.AddFile("package/./ok.js", "second");
            w.AddDirectory("package/dir/");
            w.AddDirectory("package/dir/");
            w.AddFile("package/link/passwd", "root::0:0");
            w.AddFile("package/bad\u202Esj.exe", "x");
            w.AddFile("package\\..\\..\\win.txt", "x");
        });

        var (scan, seen) = ArchiveFixtures.Read(path);

        Assert.Null(scan.Error);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Equal(ArchiveFormat.TarGzip, scan.Format);
        Assert.Equal(["package/ok.js", "../evil", "/abs", "package/link", "package/a/inside", "package/hard", "package/hard-missing", "package/hard-out",
            "package/./ok.js", "package/dir/", "package/dir/", "package/link/passwd", "package/bad\u202Esj.exe", "package\\..\\..\\win.txt"],
            seen.Select(s => s.Entry.Name));
        Assert.Equal(Enumerable.Range(0, 14), seen.Select(s => s.Entry.Index));
        Assert.Equal("package/ok.js", seen[8].Entry.Path);
        Assert.Equal("package/dir", seen[9].Entry.Path);
        Assert.Equal("../win.txt", seen[13].Entry.Path);
        Assert.Equal([ArchiveEntryKind.File, ArchiveEntryKind.SymbolicLink, ArchiveEntryKind.HardLink, ArchiveEntryKind.Directory],
            new[] { 0, 3, 5, 9 }.Select(i => seen[i].Entry.Kind));
        Assert.Equal("../../etc/passwd", seen[3].Entry.LinkTarget);
        Assert.Equal(["first", "second"], seen.Where(s => s.Entry.Path == "package/ok.js").Select(s => s.Text));
        Assert.All(seen.Where(s => s.Entry.Kind != ArchiveEntryKind.File), s => Assert.Empty(s.Content));
        Assert.Equal(7, scan.FileCount);
        Assert.Equal(14, scan.EntryCount);

        Assert.Equal(
        [
            (PathTraversal, "../evil"),
            (AbsolutePath, "/abs"),
            (LinkEscapesRoot, "package/link"),
            (HardLinkTargetMissing, "package/hard-missing"),
            (LinkEscapesRoot, "package/hard-out"),
            (DuplicatePath, "package/./ok.js"),
            (PathThroughLink, "package/link/passwd"),
            (ControlCharacters, "package/bad\u202Esj.exe"),
            (PathTraversal, "package\\..\\..\\win.txt"),
        ], scan.Anomalies());
        var duplicate = scan.Anomalies.Single(a => a.Kind == DuplicatePath).Message;
        Assert.Contains("extraction keeps this later one", duplicate);
        Assert.Contains("entry 9 and also entry 1", duplicate);
        Assert.Contains("\\u{202E}", scan.Anomalies.Single(a => a.Kind == ControlCharacters).Message);
        Assert.Contains("backslashes", scan.Anomalies.Last().Message);
    }

    [Fact]
    public void UnreadAndPartlyReadEntriesAreSkippedExactly()
    {
        using var dir = new TempDir("hygiene-archive");
        var big = ArchiveFixtures.Noise(300_000, 1);
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "a.tgz"), w =>
        {
            w.AddFile("package/partly.bin", big);
            w.AddFile("package/unread.bin", big);
            w.AddFile("package/whole.bin", big);
            w.AddFile("package/empty.txt", "");
        });
        var contents = new Dictionary<string, byte[]>();
        var scan = ArchiveReader.Read(path, ArchiveLimits.Default, (entry, content) =>
        {
            var buffer = new byte[entry.Path.EndsWith("partly.bin") ? 1000 : entry.Path.EndsWith("unread.bin") ? 0 : 400_000];
            var n = buffer.Length == 0 ? 0 : content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            contents[entry.Path] = buffer[..n];
        });
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Empty(scan.Anomalies);
        Assert.Equal(big[..1000], contents["package/partly.bin"]);
        Assert.Empty(contents["package/unread.bin"]);
        Assert.Equal(big, contents["package/whole.bin"]);
        Assert.Empty(contents["package/empty.txt"]);
        Assert.Equal(3 * 300_000L, scan.TotalDeclaredBytes);
        Assert.Equal(1000L + 300_000, scan.TotalReadBytes);
        Assert.True(scan.DecompressedBytes >= 3 * 300_000L + 4 * 512, $"{scan.DecompressedBytes}");
    }

    [Fact]
    public void AnEntryOverThePerEntryCapIsCutAndTheNextOnesStillCome()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "a.tgz"), w =>
        {
            w.AddFile("package/big.bin", ArchiveFixtures.Noise(5000, 2));
            w.AddFile("package/after.txt", "after");
        });
        var (scan, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxEntryBytes = 1000 });
        Assert.Equal([(EntryTooLarge, "package/big.bin")], scan.Anomalies());
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Equal(1000, seen[0].Content.Length);
        Assert.Equal("after", seen[1].Text);
    }

    [Fact]
    public void DeclaredSizesOverTheTotalCapStopTheScan()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "a.tgz"), w =>
        {
            for (var i = 0; i < 3; i++) w.AddFile($"package/{i}.bin", new byte[600_000]);
        });
        var (scan, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxTotalBytes = 1_000_000 });
        Assert.Equal([(TotalSizeExceeded, "package/1.bin")], scan.Anomalies());
        Assert.False(scan.IsComplete);
        Assert.Equal(["package/0.bin", "package/1.bin"], seen.Select(s => s.Entry.Name));
        Assert.Equal(600_000, seen[0].Content.Length);
        // The entry that crosses the cap gets only what is left of it.
        Assert.True(seen[1].Content.Length < 400_000, $"{seen[1].Content.Length}");
        Assert.True(scan.DecompressedBytes <= 1_000_000, $"{scan.DecompressedBytes}");
    }

    [Fact]
    public void ZerosHiddenAfterTheEndOfTheArchiveCountTowardsTheCap()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = Path.Combine(dir.Path, "bomb.tgz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true)) writer.AddFile("package/index.js", "ok");
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 30; i++) gzip.Write(zeros);
        }
        var (scan, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxTotalBytes = 8 << 20 });
        Assert.Equal("ok", Assert.Single(seen).Text);
        Assert.Equal([(TotalSizeExceeded, null)], scan.Anomalies());
        Assert.False(scan.IsComplete);
        Assert.True(scan.DecompressedBytes <= (8 << 20) + 1, $"{scan.DecompressedBytes}");

        // With the default cap the whole stream is read, and its ratio is flagged.
        var (full, _) = ArchiveFixtures.Read(path);
        Assert.Equal([(CompressionRatio, null)], full.Anomalies());
        Assert.True(full.IsComplete, full.Describe());
    }

    [Fact]
    public void AnEntryHiddenAfterASingleZeroBlockIsReported()
    {
        // node-tar (npm) reads on after one zero block; TarReader and tar -t stop there.
        using var dir = new TempDir("hygiene-archive");
        var hidden = Path.Combine(dir.Path, "hidden.tgz");
        WriteRawTgz(hidden, [RawHeader("package/a.txt", '0', 5), Padded("hello"), new byte[512], RawHeader("package/hidden.js", '0', 4), Padded("evil"), new byte[1024]]);
        var (scan, seen) = ArchiveFixtures.Read(hidden);
        Assert.Equal("hello", Assert.Single(seen).Text);
        Assert.Equal([(DataAfterEnd, "package/hidden.js")], scan.Anomalies());
        Assert.Contains("node-tar", scan.Anomalies[0].Message);

        var junk = Path.Combine(dir.Path, "junk.tgz");
        WriteRawTgz(junk, [RawHeader("package/a.txt", '0', 5), Padded("hello"), new byte[1024], Padded("not padding")]);
        var (junkScan, _) = ArchiveFixtures.Read(junk);
        Assert.Equal([(DataAfterEnd, null)], junkScan.Anomalies());
        Assert.Contains("from byte 512 after it", junkScan.Anomalies[0].Message); // the second zero block is the first after it
    }

    [Fact]
    public void AHalfTarballGivesWhatCameBeforeTheCutAndNeverThrows()
    {
        using var dir = new TempDir("hygiene-archive");
        var entries = Enumerable.Range(0, 5).Select(i => ArchiveFixtures.Noise(50_000, 10 + i)).ToList();
        var whole = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "whole.tgz"), w =>
        {
            for (var i = 0; i < entries.Count; i++) w.AddFile($"package/{i}.bin", entries[i]);
        });
        var bytes = File.ReadAllBytes(whole);
        var half = Path.Combine(dir.Path, "half.tgz");
        // Half of the file is the middle of entry 2 (entries are incompressible, so the compressed layout mirrors the tar's).
        File.WriteAllBytes(half, bytes[..(bytes.Length / 2)]);

        foreach (var readAtMost in new[] { int.MaxValue, 0 })
        {
            var (scan, seen) = ArchiveFixtures.Read(half, readAtMost: readAtMost);
            Assert.False(scan.IsComplete);
            var truncated = Assert.Single(scan.Anomalies);
            Assert.Equal(Truncated, truncated.Kind);
            Assert.Equal(3, seen.Count);
            if (readAtMost == 0) continue;
            // Every entry before the cut is whole; the cut one is a prefix.
            for (var i = 0; i < seen.Count - 1; i++) Assert.Equal(entries[i], seen[i].Content);
            var last = seen[^1];
            Assert.Equal(entries[seen.Count - 1][..last.Content.Length], last.Content);
            Assert.Equal(last.Entry.Name, truncated.Path);
        }
    }

    [Fact]
    public void EveryCutOfASmallTarballIsReportedNotThrown()
    {
        using var dir = new TempDir("hygiene-archive");
        var whole = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "whole.tgz"), w =>
        {
            w.AddFile("package/package.json", """{"name":"x","version":"1.0.0"}""");
            w.AddFile("package/index.js", ArchiveFixtures.Noise(700, 3));
            w.AddLink(TarEntryType.SymbolicLink, "package/link", "index.js");
            w.AddFile("package/" + new string('n', 150) + ".js", "long name: a PAX header");
        });
        var bytes = File.ReadAllBytes(whole);
        var cut = Path.Combine(dir.Path, "cut.tgz");
        for (var n = 2; n < bytes.Length; n++) // two bytes make the gzip magic
        {
            File.WriteAllBytes(cut, bytes[..n]);
            var (scan, _) = ArchiveFixtures.Read(cut);
            Assert.True(scan.Error is null, $"cut at {n}: {scan.Error}");
            Assert.False(scan.IsComplete, $"cut at {n} of {bytes.Length} looked complete");
            Assert.Contains(scan.Anomalies, a => a.Kind is Truncated or Corrupt);
        }
    }

    [Fact]
    public void AMissingGzipTrailerIsTruncationEvenWhenEveryEntryWasRead()
    {
        using var dir = new TempDir("hygiene-archive");
        var whole = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "whole.tgz"), w => w.AddFile("package/a.txt", "a"));
        var bytes = File.ReadAllBytes(whole);
        var cut = Path.Combine(dir.Path, "cut.tgz");
        File.WriteAllBytes(cut, bytes[..^8]);
        var (scan, seen) = ArchiveFixtures.Read(cut);
        Assert.Equal("a", Assert.Single(seen).Text);
        Assert.Equal([(Truncated, null)], scan.Anomalies());
        Assert.Contains("trailer", scan.Anomalies[0].Message);
    }

    [Fact]
    public void DamagedDeflateDataIsCorruption()
    {
        using var dir = new TempDir("hygiene-archive");
        var whole = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "whole.tgz"), w =>
        {
            for (var i = 0; i < 4; i++) w.AddFile($"package/{i}.txt", string.Concat(Enumerable.Repeat($"line {i} of some text\n", 2000)));
        });
        var bytes = File.ReadAllBytes(whole);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) bytes[i] ^= 0xA5;
        var damaged = Path.Combine(dir.Path, "damaged.tgz");
        File.WriteAllBytes(damaged, bytes);
        var (scan, seen) = ArchiveFixtures.Read(damaged);
        Assert.False(scan.IsComplete);
        Assert.Contains(scan.Anomalies, a => a.Kind is Corrupt or Truncated);
        Assert.NotEmpty(seen);
    }

    [Fact]
    public void AGzipThatIsNotATarIsCorruptFromTheStart()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = Path.Combine(dir.Path, "bundle.js.tgz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("console.log('not a tar');\n", 100))));
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Empty(seen);
        Assert.Equal(Corrupt, Assert.Single(scan.Anomalies).Kind);
        Assert.StartsWith("Before the first entry", scan.Anomalies[0].Message);
    }

    [Fact]
    public void LongNamesInEveryTarFormatKeepTheGuardInStep()
    {
        // PAX and GNU long names are metadata blocks the guard follows; a PAX "size" record overrides the header's size.
        using var dir = new TempDir("hygiene-archive");
        var longName = "package/" + string.Join('/', Enumerable.Repeat("deep-folder-name", 20)) + "/file.js";
        foreach (var format in new[] { TarEntryFormat.Pax, TarEntryFormat.Gnu, TarEntryFormat.Ustar })
        {
            var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, $"{format}.tgz"), w =>
            {
                w.AddFile(format == TarEntryFormat.Ustar ? "package/a.js" : longName, ArchiveFixtures.Noise(1234, 4), format);
                w.AddFile("package/after.js", "after", format);
            }, format: format);
            var (scan, seen) = ArchiveFixtures.Read(path);
            Assert.True(scan.IsComplete, $"{format}: {scan.Describe()}");
            Assert.Empty(scan.Anomalies);
            Assert.Equal(format == TarEntryFormat.Ustar ? "package/a.js" : longName, seen[0].Entry.Name);
            Assert.Equal(1234, seen[0].Content.Length);
            Assert.Equal("after", seen[1].Text);
        }

        var paxSized = Path.Combine(dir.Path, "pax-size.tgz");
        ArchiveFixtures.WriteTar(paxSized, w =>
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "package/a.bin", new Dictionary<string, string> { ["comment"] = "note" });
            entry.DataStream = new MemoryStream(ArchiveFixtures.Noise(3000, 5));
            w.WriteEntry(entry);
            w.AddFile("package/b.txt", "b");
        });
        var (paxScan, paxSeen) = ArchiveFixtures.Read(paxSized);
        Assert.True(paxScan.IsComplete, paxScan.Describe());
        Assert.Equal(["package/a.bin", "package/b.txt"], paxSeen.Select(s => s.Entry.Name));
    }

    [Fact]
    public void APaxSizeRecordOverridesTheHeaderAndTheGuardFollowsIt()
    {
        // The file's own header says 0 bytes; its PAX header says 600. Reading 0 would put the next header inside the data.
        using var dir = new TempDir("hygiene-archive");
        var path = Path.Combine(dir.Path, "pax-size.tgz");
        var data = ArchiveFixtures.Noise(600, 11);
        var padded = new byte[1024];
        data.CopyTo(padded, 0);
        WriteRawTgz(path, [RawHeader("PaxHeaders/a.bin", 'x', 12), Padded("12 size=600\n"), RawHeader("package/a.bin", '0', 0), padded,
            RawHeader("package/b.txt", '0', 1), Padded("b"), new byte[1024]]);
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Empty(scan.Anomalies);
        Assert.Equal(["package/a.bin", "package/b.txt"], seen.Select(s => s.Entry.Name));
        Assert.Equal(data, seen[0].Content);
        Assert.Equal("b", seen[1].Text);
    }

    [Fact]
    public void AHugeLongNameIsRefusedBeforeTarReaderLoadsIt()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = Path.Combine(dir.Path, "longname.tgz");
        const int size = 64 << 20;
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(RawHeader("././@LongLink", 'L', size));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'a');
            for (var written = 0; written < size; written += chunk.Length) gzip.Write(chunk);
            gzip.Write(RawHeader("x", '0', 0));
            gzip.Write(new byte[1024]);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (scan, seen) = ArchiveFixtures.Read(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Empty(seen);
        Assert.Equal([(MetadataTooLarge, null)], scan.Anomalies());
        Assert.Contains("GNU long name of 64 MB", scan.Anomalies[0].Message);
        Assert.True(allocated < 4 << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void ReadingStopsAtTheEntryLimit()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "many.tgz"), w =>
        {
            for (var i = 0; i < 10; i++) w.AddFile($"package/{i}.txt", "x");
        });
        var (scan, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxEntries = 5 });
        Assert.Equal(5, seen.Count);
        Assert.Equal(5, scan.EntryCount);
        Assert.Equal([(TooManyEntries, "package/5.txt")], scan.Anomalies());
        Assert.False(scan.IsComplete);
    }

    [Fact]
    public void AnomaliesAreListedUpToTheCapPerKindAndTheRestCounted()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "noisy.tgz"), w =>
        {
            for (var i = 0; i < 150; i++) w.AddFile($"../evil-{i}", "x");
            w.AddFile("/abs", "x");
        });
        var (scan, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxAnomaliesPerKind = 100 });
        Assert.Equal(151, seen.Count);
        Assert.Equal(100, scan.Anomalies.Count(a => a.Kind == PathTraversal && a.Path is not null));
        Assert.Equal("../evil-99", scan.Anomalies.Last(a => a.Kind == PathTraversal && a.Path is not null).Path);
        Assert.Equal((AbsolutePath, "/abs"), scan.Anomalies().Single(a => a.Kind == AbsolutePath));
        Assert.Equal("50 more PathTraversal anomalies are not listed.", scan.Anomalies[^1].Message);
    }

    [Fact]
    public void AnOldV7TarIsReadWhenItsNameSaysTar()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "old.tar"), w => w.AddFile("a.txt", "v7", TarEntryFormat.V7), gzip: false, format: TarEntryFormat.V7);
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal(ArchiveFormat.Tar, scan.Format);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Equal("v7", Assert.Single(seen).Text);

        var renamed = Path.Combine(dir.Path, "old.bin");
        File.Copy(path, renamed);
        var (unknown, none) = ArchiveFixtures.Read(renamed);
        Assert.Equal(ArchiveFormat.Unknown, unknown.Format);
        Assert.Contains("Not an archive", unknown.Error);
        Assert.Empty(none);
    }

    [Fact]
    public void ATarballNamedLikeAVsixIsReadAsWhatItIs()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "ext.vsix"), w => w.AddFile("package/a.txt", "a"));
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal(ArchiveFormat.TarGzip, scan.Format);
        Assert.Equal([(FormatMismatch, null)], scan.Anomalies());
        Assert.Single(seen);
    }

    [Fact]
    public void CancellationStopsBetweenEntriesAndWhileReading()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "a.tgz"), w =>
        {
            w.AddFile("package/a.bin", ArchiveFixtures.Noise(200_000, 6));
            w.AddFile("package/b.bin", ArchiveFixtures.Noise(200_000, 7));
        });
        using var between = new CancellationTokenSource();
        var delivered = 0;
        Assert.Throws<OperationCanceledException>(() => ArchiveReader.Read(path, ArchiveLimits.Default, (_, _) =>
        {
            delivered++;
            between.Cancel();
        }, between.Token));
        Assert.Equal(1, delivered);

        using var during = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => ArchiveReader.Read(path, ArchiveLimits.Default, (_, content) =>
        {
            content.ReadExactly(new byte[100]);
            during.Cancel();
            content.ReadExactly(new byte[100]);
        }, during.Token));
    }

    [Fact]
    public void TheCallbacksOwnExceptionsReachTheCaller()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteTar(Path.Combine(dir.Path, "a.tgz"), w => w.AddFile("package/a.txt", "a"));
        var e = Assert.Throws<InvalidOperationException>(() => ArchiveReader.Read(path, (_, _) => throw new InvalidOperationException("mine")));
        Assert.Equal("mine", e.Message);
    }

    [Fact]
    public void AMissingFileIsAnErrorResult()
    {
        var scan = ArchiveReader.Read(Path.Combine(Path.GetTempPath(), "hygiene-no-such-" + Guid.NewGuid().ToString("N") + ".tgz"), (_, _) => { });
        Assert.Equal(ArchiveFormat.Unknown, scan.Format);
        Assert.StartsWith("The archive cannot be read", scan.Error);
    }

    internal static void WriteRawTgz(string path, IEnumerable<byte[]> blocks)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        foreach (var b in blocks) gzip.Write(b);
    }

    internal static byte[] Padded(string text)
    {
        var bytes = new byte[(text.Length + 511) / 512 * 512];
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A ustar header written by hand, for shapes TarWriter refuses to produce.</summary>
    internal static byte[] RawHeader(string name, char type, long size)
    {
        var h = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(h, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(h, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(h, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(h, 116);
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(h, 124);
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(h, 136);
        h[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(h, 257);
        h.AsSpan(148, 8).Fill((byte)' ');
        var sum = h.Sum(b => (int)b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(h, 148);
        return h;
    }
}
