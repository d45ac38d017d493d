using System.Text;
using HygieneLsp.Core.Artifacts.SourceMaps;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Artifacts;

public sealed class InlineSourceMapFinderTests
{
    private const string Map = """{"version":3,"sources":["src/index.ts"],"sourcesContent":["export const x = 1;\n"],"mappings":"AAAA"}""";

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static (SourceMapReference Ref, string Path, TempDir Dir) FindIn(string content)
    {
        var dir = new TempDir("hygiene-inline");
        var path = Paths.Normalize(dir.Write("dist/main.js", content));
        return (InlineSourceMapFinder.Find(FileView.Disk, path), path, dir);
    }

    [Theory]
    [InlineData("//# sourceMappingURL=data:application/json;base64,{0}\n")]
    [InlineData("//# sourceMappingURL=data:application/json;charset=utf-8;base64,{0}")]
    [InlineData("//@ sourceMappingURL=data:application/json;charset:utf-8;base64,{0}\r\n\r\n")]
    [InlineData("/*# sourceMappingURL=data:application/json;base64,{0} */\n")]
    [InlineData("//#sourceMappingURL=data:application/json;base64,{0}")]
    public void FindsAndInspectsInlineMaps(string commentFormat)
    {
        var (r, path, dir) = FindIn("console.log(1);\n" + string.Format(commentFormat, B64(Map)));
        using var _ = dir;
        Assert.Equal(SourceMapReferenceKind.Inline, r.Kind);
        Assert.True(r.IsBase64);
        var visited = new List<SourceMapSource>();
        var inspection = InlineSourceMapFinder.Inspect(FileView.Disk, path, r, s => visited.Add(s with { Content = s.Content.ToArray() }));
        Assert.True(inspection.IsComplete, inspection.Error);
        Assert.Equal(1, inspection.SourcesContentCount);
        Assert.Equal("src/index.ts", Assert.Single(visited).Path);
        Assert.Equal(16, r.CommentOffset);
    }

    [Fact]
    public void FindsLinkedMaps()
    {
        var (r, _, dir) = FindIn("x();\n//# sourceMappingURL=main.js.map\n");
        using var _d = dir;
        Assert.Equal(SourceMapReferenceKind.Linked, r.Kind);
        Assert.Equal("main.js.map", r.Url);
    }

    [Theory]
    [InlineData("var re = /\\/\\/# sourceMappingURL=(.*)$/; run(re);\n")]
    [InlineData("var s = \"//# sourceMappingURL=data:application/json;base64,e30=\";\n")]
    [InlineData("//# sourceMappingURL=main.js.map\nconsole.log('after');\n")]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("// sourceMappingURL=x.map")]
    public void MentionsThatAreNotTheTrailingCommentAreIgnored(string content)
    {
        var (r, _, dir) = FindIn(content);
        using var _d = dir;
        Assert.Equal(SourceMapReferenceKind.None, r.Kind);
    }

    [Fact]
    public void InlineMapLongerThanTheTailIsFollowedBack()
    {
        var content = new StringBuilder();
        for (var i = 0; i < 3000; i++) content.Append($"line {i} with \\\"quotes\\\" and text to make it long enough to matter here;\\n");
        var map = "{\"version\":3,\"sources\":[\"big.ts\"],\"sourcesContent\":[\"" + content + "\"],\"mappings\":\"\"}";
        var b64 = B64(map);
        Assert.True(b64.Length > InlineSourceMapFinder.TailBytes);
        var (r, path, dir) = FindIn("function f(){return 1}\n//# sourceMappingURL=data:application/json;base64," + b64);
        using var _d = dir;
        Assert.Equal(SourceMapReferenceKind.Inline, r.Kind);
        var inspection = InlineSourceMapFinder.Inspect(FileView.Disk, path, r);
        Assert.True(inspection.IsComplete, inspection.Error);
        Assert.Equal(1, inspection.SourcesContentCount);
    }

    [Fact]
    public void CorruptInlineBase64IsAnErrorResult()
    {
        var good = B64(Map);
        var (r, path, dir) = FindIn("x;\n//# sourceMappingURL=data:application/json;base64," + good[..(good.Length / 2)] + "!!" );
        using var _d = dir;
        Assert.Equal(SourceMapReferenceKind.Inline, r.Kind);
        Assert.False(InlineSourceMapFinder.Inspect(FileView.Disk, path, r).IsComplete);
        var (r2, path2, dir2) = FindIn("x;\n//# sourceMappingURL=data:application/json;base64," + good[..(good.Length / 2)]);
        using var _d2 = dir2;
        Assert.False(InlineSourceMapFinder.Inspect(FileView.Disk, path2, r2).IsComplete);
    }

    [Fact]
    public void PercentEncodedInlineMapIsRead()
    {
        var (r, path, dir) = FindIn("x;\n//# sourceMappingURL=data:application/json," + Uri.EscapeDataString(Map));
        using var _d = dir;
        Assert.Equal(SourceMapReferenceKind.Inline, r.Kind);
        Assert.False(r.IsBase64);
        Assert.Equal(1, InlineSourceMapFinder.Inspect(FileView.Disk, path, r).SourcesContentCount);
    }

    [Fact]
    public void TheDecodedEndSaysNoInlineMapOnlyWhenFindAgrees()
    {
        // The scanner skips the byte-level Find when the decoded end of a script rules an inline map out: that must
        // never hide one. Endings: inline, linked, none, mentions inside code, odd spacing and comment forms.
        var random = new Random(5);
        string[] heads = ["console.log(1);\n", "", "const s = \"//# sourceMappingURL=data:application/json;base64,e30=\";\n", "x\u00e9\n"];
        string[] markers = ["//# ", "//@ ", "/*# ", "//#", "// ", "#", ""];
        string[] urls = ["data:application/json;base64," + B64(Map), "DATA:application/json;base64," + B64(Map), "main.js.map",
                         "data:application/json,%7B%7D", "https://x.test/m.map", "data:", "dataX:abc", "sourceMappingURL=data:x,y"];
        string[] ends = ["", "\n", " */", " */\n", "\r\n\t ", "\n// trailing comment", ";"];
        using var dir = new TempDir("hygiene-inline-tail");
        var inline = 0;
        for (var i = 0; i < 600; i++)
        {
            var text = heads[random.Next(heads.Length)] + markers[random.Next(markers.Length)] + "sourceMappingURL=" +
                       urls[random.Next(urls.Length)] + ends[random.Next(ends.Length)];
            var path = dir.Write($"t{i}.js", text);
            var found = InlineSourceMapFinder.Find(FileView.Disk, Paths.Normalize(path)).Kind == SourceMapReferenceKind.Inline;
            if (found) inline++;
            Assert.True(!found || InlineSourceMapFinder.MayEndWithInlineMap(text, isWholeFile: true), $"hidden inline map: {text}");
            // A window that starts inside the last word cannot rule anything out.
            var tail = text.TrimEnd()[^Math.Min(8, text.TrimEnd().Length)..];
            if (found && tail.All(c => char.IsAsciiLetterOrDigit(c) || "+/=".Contains(c)))
                Assert.True(InlineSourceMapFinder.MayEndWithInlineMap(tail, isWholeFile: false));
        }
        Assert.InRange(inline, 60, 540);
        Assert.False(InlineSourceMapFinder.MayEndWithInlineMap("f();\n//# sourceMappingURL=main.js.map\n", isWholeFile: true));
        Assert.False(InlineSourceMapFinder.MayEndWithInlineMap("f();\n", isWholeFile: true));
    }
}
