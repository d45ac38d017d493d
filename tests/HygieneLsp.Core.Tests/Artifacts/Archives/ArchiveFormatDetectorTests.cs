using System.Text;
using HygieneLsp.Core.Artifacts.Archives;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

public sealed class ArchiveFormatDetectorTests
{
    [Theory]
    [InlineData("pkg-1.2.3.tgz", ArchiveFormat.TarGzip)]
    [InlineData("PKG.TAR.GZ", ArchiveFormat.TarGzip)]
    [InlineData("a.tar", ArchiveFormat.Tar)]
    [InlineData("ext-0.0.1.vsix", ArchiveFormat.Zip)]
    [InlineData("Lib.1.0.0.nupkg", ArchiveFormat.Zip)]
    [InlineData("Lib.1.0.0.snupkg", ArchiveFormat.Zip)]
    [InlineData("a.zip", ArchiveFormat.Zip)]
    [InlineData("a.gz", null)]
    [InlineData("tgz", null)]
    public void ExtensionsNameAFormat(string name, ArchiveFormat? expected) => Assert.Equal(expected, ArchiveFormatDetector.FromExtension(name));

    [Fact]
    public void MagicBytesDecideWhateverTheName()
    {
        Assert.Equal(ArchiveFormat.TarGzip, ArchiveFormatDetector.Detect([0x1f, 0x8b, 8, 0], ArchiveFormat.Zip).Format);
        Assert.Equal(ArchiveFormat.Zip, ArchiveFormatDetector.Detect("PK\x03\x04rest"u8, ArchiveFormat.TarGzip).Format);
        Assert.Equal(ArchiveFormat.Zip, ArchiveFormatDetector.Detect("PK\x05\x06"u8, null).Format);
        var ustar = new byte[512];
        "ustar\0"u8.CopyTo(ustar.AsSpan(257));
        Assert.Equal(ArchiveFormat.Tar, ArchiveFormatDetector.Detect(ustar, null).Format);
    }

    [Fact]
    public void ATarWithoutMagicNeedsItsNameAndAValidHeader()
    {
        var v7 = TarArchiveReaderTests.RawHeader("a.txt", '0', 0);
        v7.AsSpan(257, 8).Clear();
        var sum = v7.Select((b, i) => i is >= 148 and < 156 ? (int)' ' : b).Sum();
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(v7, 148);
        Assert.Equal(ArchiveFormat.Tar, ArchiveFormatDetector.Detect(v7, ArchiveFormat.Tar).Format);
        Assert.Equal(ArchiveFormat.Unknown, ArchiveFormatDetector.Detect(v7, null).Format);
        Assert.Equal(ArchiveFormat.Tar, ArchiveFormatDetector.Detect(new byte[512], ArchiveFormat.Tar).Format); // the empty archive

        v7[0] ^= 1; // checksum now wrong: data, not a header
        Assert.Equal(ArchiveFormat.Unknown, ArchiveFormatDetector.Detect(v7, ArchiveFormat.Tar).Format);
    }

    [Fact]
    public void UnknownBytesGiveAClearProblem()
    {
        var d = ArchiveFormatDetector.Detect("{\"name\":\"x\"}"u8, ArchiveFormat.TarGzip);
        Assert.Equal(ArchiveFormat.Unknown, d.Format);
        Assert.Equal("Not an archive this reader knows: it starts with 7b 22 6e 61, not gzip (1f 8b), zip (50 4b 03 04) or tar (ustar at byte 257).", d.Problem);
        Assert.Equal("The file is empty.", ArchiveFormatDetector.Detect([], ArchiveFormat.Zip).Problem);
    }
}
