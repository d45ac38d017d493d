using HygieneLsp.Core.Artifacts.Archives;

namespace HygieneLsp.Core.Tests.Artifacts.Archives;

public sealed class ArchivePathTests
{
    [Theory]
    [InlineData("package/dist/a.js", "package/dist/a.js", false, false)]
    [InlineData("./package//dist/./a.js", "package/dist/a.js", false, false)]
    [InlineData("package/dist/", "package/dist", false, false)]
    [InlineData("package/x/../a.js", "package/a.js", false, false)]
    [InlineData("../evil", "../evil", false, true)]
    [InlineData("package/../../x", "../x", false, true)]
    [InlineData("..\\x", "../x", false, true)]
    [InlineData("a\\..\\..\\..\\b", "../../b", false, true)]
    [InlineData("/abs", "/abs", true, false)]
    [InlineData("/../etc/passwd", "/etc/passwd", true, false)]
    [InlineData("C:\\x\\y", "C:/x/y", true, false)]
    [InlineData("c:x", "c:x", true, false)]
    [InlineData("\\\\host\\share\\x", "//host/share/x", true, false)]
    [InlineData("..", "..", false, true)]
    [InlineData("./", "", false, false)]
    [InlineData("a..b/..c", "a..b/..c", false, false)]
    public void NormalizesLikeThePermissiveExtractor(string name, string expected, bool absolute, bool escapes)
    {
        var p = ArchivePath.Normalize(name);
        Assert.Equal(expected, p.ToString());
        Assert.Equal(absolute, p.IsAbsolute);
        Assert.Equal(escapes, p.Escapes);
    }

    [Theory]
    [InlineData("package/link", "../../etc/passwd", "../etc/passwd", true)]
    [InlineData("package/a/link", "../../etc/passwd", "etc/passwd", false)]
    [InlineData("package/a/link", "../b.js", "package/b.js", false)]
    [InlineData("package/link", "/etc/passwd", "/etc/passwd", true)]
    [InlineData("link", "..", "..", true)]
    [InlineData("link", ".", "", false)]
    public void SymlinkTargetsResolveFromTheLinksFolder(string link, string target, string resolved, bool outside)
    {
        var r = ArchivePath.ResolveSymlink(ArchivePath.Normalize(link), target);
        Assert.Equal(resolved, r.ToString());
        Assert.Equal(outside, r.IsAbsolute || r.Escapes);
    }

    [Theory]
    [InlineData("plain/name.js", -1)]
    [InlineData("héllo/日本.js", -1)]
    [InlineData("a\tb", 1)]
    [InlineData("a\nb", 1)]
    [InlineData("ab\u007F", 2)]
    [InlineData("a\u0085", 1)]
    [InlineData("invoice\u202Efdp.exe", 7)]
    [InlineData("x\u2066y", 1)]
    public void FindsCharactersThatDisguiseAName(string name, int index) =>
        Assert.Equal(index, ArchivePath.IndexOfControlCharacter(name));

    [Fact]
    public void DisplayEscapesAndShortens()
    {
        Assert.Equal("`a\\u{202E}b\\u{000A}`", ArchivePath.Display("a\u202Eb\n"));
        var shown = ArchivePath.Display(new string('x', 1000));
        Assert.True(shown.Length < 300);
        Assert.Contains("1000 characters", shown);
    }
}
