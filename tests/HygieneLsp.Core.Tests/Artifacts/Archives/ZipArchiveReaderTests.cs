using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HygieneLsp.Core.Artifacts.Archives;
using HygieneLsp.Core.Tests.Support;
using static HygieneLsp.Core.Artifacts.Archives.ArchiveAnomalyKind;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

public sealed class ZipArchiveReaderTests
{
    [Fact]
    public void HostileNamesAndDuplicatesAreReported()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "ext.vsix"), zip =>
        {
            zip.AddFile("extension/ok.js", "first");
            zip.AddFile("..\\x.txt", "x");
            zip.AddFile("extension/../../y.txt", "y");
            zip.AddFile("/abs.txt", "x");
            zip.AddFile("C:\\Windows\\win.ini", "x");
            zip.AddFile("\\\\host\\share\\unc.txt", "x");
            zip.CreateEntry("extension/dir/");
            zip.AddFile("extension\\ok.js", "second");
            zip.AddFile("extension/tab\tname.js", "x");
        });
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal(ArchiveFormat.Zip, scan.Format);
        Assert.True(scan.IsComplete, scan.Describe());
        Assert.Equal(["extension/ok.js", "..\\x.txt", "extension/../../y.txt", "/abs.txt", "C:\\Windows\\win.ini", "\\\\host\\share\\unc.txt",
            "extension/dir/", "extension\\ok.js", "extension/tab\tname.js"], seen.Select(s => s.Entry.Name));
        Assert.Equal(["extension/ok.js", "../x.txt", "../y.txt", "/abs.txt", "C:/Windows/win.ini", "//host/share/unc.txt", "extension/dir", "extension/ok.js"],
            seen.Take(8).Select(s => s.Entry.Path));
        Assert.Equal(ArchiveEntryKind.Directory, seen[6].Entry.Kind);
        Assert.Equal(["first", "second"], seen.Where(s => s.Entry.Path == "extension/ok.js").Select(s => s.Text));
        Assert.All(seen, s => Assert.NotNull(s.Entry.CompressedSize));
        Assert.Equal(
        [
            (PathTraversal, "..\\x.txt"),
            (PathTraversal, "extension/../../y.txt"),
            (AbsolutePath, "/abs.txt"),
            (AbsolutePath, "C:\\Windows\\win.ini"),
            (AbsolutePath, "\\\\host\\share\\unc.txt"),
            (DuplicatePath, "extension\\ok.js"),
            (ControlCharacters, "extension/tab\tname.js"),
        ], scan.Anomalies());
        Assert.Contains("backslashes", scan.Anomalies[0].Message);
        Assert.Contains("\\u{0009}", scan.Anomalies[^1].Message);
    }

    [Fact]
    public void UnixSymlinksAreLinksAndTheirTargetsAreChecked()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "links.zip"), zip =>
        {
            zip.AddFile("pkg/link", "../../etc/passwd").ExternalAttributes = unchecked((int)0xA1FF0000); // lrwxrwxrwx, as Info-ZIP stores it
            zip.AddFile("pkg/inside", "link").ExternalAttributes = unchecked((int)0xA1FF0000);
            zip.AddFile("pkg/link/shadow", "x").ExternalAttributes = unchecked((int)0x81A40000); // -rw-r--r--
        });
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal([ArchiveEntryKind.SymbolicLink, ArchiveEntryKind.SymbolicLink, ArchiveEntryKind.File], seen.Select(s => s.Entry.Kind));
        Assert.Equal("../../etc/passwd", seen[0].Entry.LinkTarget);
        Assert.Empty(seen[0].Content);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, seen[2].Entry.Mode);
        Assert.Equal([(LinkEscapesRoot, "pkg/link"), (PathThroughLink, "pkg/link/shadow")], scan.Anomalies());
    }

    [Fact]
    public void AZipBombIsFlaggedAndCutAtTheCaps()
    {
        using var dir = new TempDir("hygiene-archive");
        // 64 MB of zeros deflate to about 64 KB: a 1000:1 entry.
        var path = Path.Combine(dir.Path, "bomb.nupkg");
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using (var s = zip.CreateEntry("lib/zeros.bin", CompressionLevel.SmallestSize).Open())
            {
                var zeros = new byte[1 << 20];
                for (var i = 0; i < 64; i++) s.Write(zeros);
            }
            zip.AddFile("lib/after.txt", "after");
        }

        var (ratio, whole) = ArchiveFixtures.Read(path, readAtMost: 0);
        Assert.Equal([(CompressionRatio, "lib/zeros.bin")], ratio.Anomalies());
        Assert.Equal(64L << 20, whole[0].Entry.Size);
        Assert.Contains("zip bomb", ratio.Anomalies[0].Message);

        var (capped, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxEntryBytes = 1 << 20, MaxTotalBytes = 4 << 20 });
        Assert.Equal([(EntryTooLarge, "lib/zeros.bin"), (CompressionRatio, "lib/zeros.bin"), (TotalSizeExceeded, "lib/zeros.bin")], capped.Anomalies());
        Assert.Equal(1 << 20, Assert.Single(seen).Content.Length);
        Assert.False(capped.IsComplete);
        Assert.True(capped.DecompressedBytes <= 1 << 20);

        var (perEntryOnly, after) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxEntryBytes = 1 << 20 });
        Assert.Equal([(EntryTooLarge, "lib/zeros.bin"), (CompressionRatio, "lib/zeros.bin")], perEntryOnly.Anomalies());
        Assert.Equal("after", after[1].Text);
        Assert.True(perEntryOnly.IsComplete);
    }

    [Fact]
    public void AnEncryptedEntryIsFlaggedAndNotDelivered()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "enc.zip"), zip =>
        {
            zip.AddFile("secret.txt", "ciphertext, really");
            zip.AddFile("plain.txt", "plain");
        });
        var bytes = File.ReadAllBytes(path);
        // Set bit 0 of the general-purpose flags in the first local header and the first central directory record.
        bytes[6] |= 1;
        bytes[IndexOf(bytes, "PK\x01\x02"u8) + 8] |= 1;
        File.WriteAllBytes(path, bytes);

        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.True(seen[0].Entry.IsEncrypted);
        Assert.Empty(seen[0].Content);
        Assert.Equal("plain", seen[1].Text);
        Assert.Equal([(Encrypted, "secret.txt")], scan.Anomalies());
    }

    [Fact]
    public void ACorruptCentralDirectoryIsReportedNotThrown()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "a.nupkg"), zip =>
        {
            for (var i = 0; i < 3; i++) zip.AddFile($"lib/{i}.txt", "content " + i);
        });
        var bytes = File.ReadAllBytes(path);
        var directory = IndexOf(bytes, "PK\x01\x02"u8);
        bytes.AsSpan(directory, 30).Fill(0xAB);
        var corrupt = Path.Combine(dir.Path, "corrupt.nupkg");
        File.WriteAllBytes(corrupt, bytes);
        var (scan, seen) = ArchiveFixtures.Read(corrupt);
        Assert.Empty(seen);
        Assert.Equal(0, scan.EntryCount);
        Assert.Equal([(Corrupt, null)], scan.Anomalies());
        Assert.Contains("central directory", scan.Anomalies[0].Message);
        Assert.False(scan.IsComplete);

        var half = Path.Combine(dir.Path, "half.nupkg");
        File.WriteAllBytes(half, File.ReadAllBytes(path)[..(bytes.Length / 2)]);
        var (halfScan, halfSeen) = ArchiveFixtures.Read(half);
        Assert.Empty(halfSeen);
        Assert.Equal(Corrupt, Assert.Single(halfScan.Anomalies).Kind);
    }

    [Fact]
    public void ADamagedEntryIsReportedAndTheOthersStillCome()
    {
        using var dir = new TempDir("hygiene-archive");
        var text = string.Concat(Enumerable.Repeat("some compressible text\n", 500));
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "a.zip"), zip =>
        {
            zip.AddFile("a.txt", text);
            zip.AddFile("b.txt", text);
            zip.AddFile("c.txt", text);
        });
        var bytes = File.ReadAllBytes(path);
        var second = IndexOf(bytes, "PK\x03\x04"u8, from: 4);
        var dataStart = second + 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(second + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(second + 28));
        bytes.AsSpan(dataStart, 16).Fill(0xFF);
        File.WriteAllBytes(path, bytes);

        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal(["a.txt", "b.txt", "c.txt"], seen.Select(s => s.Entry.Name));
        Assert.Equal(text, seen[0].Text);
        Assert.Equal(text, seen[2].Text);
        Assert.Equal([(Corrupt, "b.txt")], scan.Anomalies());
        Assert.True(scan.IsComplete);
    }

    [Fact]
    public void DataShorterThanItsDeclaredSizeIsCorruption()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "a.zip"), zip => zip.AddFile("a.txt", "short"));
        var bytes = File.ReadAllBytes(path);
        // Uncompressed size: offset 22 in the local header, 24 in the central directory record.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), 100_000);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(IndexOf(bytes, "PK\x01\x02"u8) + 24), 100_000);
        File.WriteAllBytes(path, bytes);
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal("short", Assert.Single(seen).Text);
        Assert.Equal([(Corrupt, "a.txt")], scan.Anomalies());
        Assert.Contains("holds 5 bytes where its header declares 100,000", scan.Anomalies[0].Message);
    }

    [Fact]
    public void AZipDeclaringTooManyEntriesIsNotOpened()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "many.zip"), zip =>
        {
            for (var i = 0; i < 20; i++) zip.AddFile($"{i}.txt", "x");
        });
        var (scan, seen) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxEntries = 10 });
        Assert.Empty(seen);
        Assert.Equal([(TooManyEntries, null)], scan.Anomalies());
        Assert.Contains("declares 20 entries", scan.Anomalies[0].Message);

        var (exact, all) = ArchiveFixtures.Read(path, ArchiveLimits.Default with { MaxEntries = 20 });
        Assert.Equal(20, all.Count);
        Assert.Empty(exact.Anomalies);
    }

    [Fact]
    public void AnEmptyZipIsACompleteScanOfNothing()
    {
        using var dir = new TempDir("hygiene-archive");
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "empty.zip"), _ => { });
        Assert.Equal("PK\x05\x06"u8.ToArray(), File.ReadAllBytes(path)[..4]);
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.Equal(ArchiveFormat.Zip, scan.Format);
        Assert.True(scan.IsComplete);
        Assert.Empty(seen);
        Assert.Empty(scan.Anomalies);
    }

    [Fact]
    public void StoredAndDeflatedEntriesReadBackExactly()
    {
        using var dir = new TempDir("hygiene-archive");
        var noise = ArchiveFixtures.Noise(200_000, 8);
        var path = ArchiveFixtures.WriteZip(Path.Combine(dir.Path, "a.snupkg"), zip =>
        {
            zip.AddFile("stored.bin", noise, CompressionLevel.NoCompression);
            zip.AddFile("deflated.bin", noise, CompressionLevel.Optimal);
            zip.AddFile("empty.txt", "");
        });
        var (scan, seen) = ArchiveFixtures.Read(path);
        Assert.True(scan.IsComplete);
        Assert.Empty(scan.Anomalies);
        Assert.Equal(noise, seen[0].Content);
        Assert.Equal(noise, seen[1].Content);
        Assert.Empty(seen[2].Content);
        Assert.Equal(400_000, scan.TotalReadBytes);
        Assert.Equal(400_000, scan.TotalDeclaredBytes);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> signature, int from = 0) => from + bytes.AsSpan(from).IndexOf(signature);
}
