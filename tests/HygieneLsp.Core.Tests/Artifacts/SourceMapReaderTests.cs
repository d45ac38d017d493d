using System.Text;
using HygieneLsp.Core.Artifacts.SourceMaps;
using Xunit.Abstractions;

namespace HygieneLsp.Core.Tests.Artifacts;

/// <summary>Measures process-wide heap size, so it runs alone: tests running beside it would inflate the figure.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public sealed class SourceMapReaderTests
{
    private readonly ITestOutputHelper _output;

    public SourceMapReaderTests(ITestOutputHelper output) => _output = output;

    private const string Simple =
        """{"version":3,"file":"out.js","sourceRoot":"","sources":["src/a.ts","src/b.ts","src/c.ts"],"sourcesContent":["const a = 1;\nexport { a };\n",null,"é"],"names":[],"mappings":"AAAA"}""";

    [Fact]
    public void CountsSourcesAndContentBytes()
    {
        var visited = new List<SourceMapSource>();
        var r = SourceMapReader.InspectText(Simple, s => visited.Add(s with { Content = s.Content.ToArray() }));
        Assert.True(r.IsComplete, r.Error);
        Assert.True(r.LooksLikeSourceMap);
        Assert.Equal(3, r.Version);
        Assert.Equal("out.js", r.File);
        Assert.Equal(3, r.SourceCount);
        Assert.Equal(2, r.SourcesContentCount);
        Assert.Equal(Encoding.UTF8.GetByteCount("const a = 1;\nexport { a };\n") + 2, r.SourcesContentBytes);
        Assert.Equal([(0, "src/a.ts"), (2, "src/c.ts")], visited.Select(v => (v.Index, v.Path!)));
    }

    [Fact]
    public void PairsContentsWithSourcesThatComeAfterThem()
    {
        const string json = """{"sourcesContent":["one","two"],"version":3,"sourceRoot":"webpack://app/","sources":["x.js","y.js"],"mappings":""}""";
        var visited = new List<SourceMapSource>();
        var r = SourceMapReader.InspectText(json, s => visited.Add(s with { Content = s.Content.ToArray() }));
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal(2, r.SourcesContentCount);
        Assert.Equal([(0, "webpack://app/x.js", "one"), (1, "webpack://app/y.js", "two")], visited.Select(v => (v.Index, v.Path!, v.Content.ToString())));
    }

    [Fact]
    public void ReadsIndexMapSections()
    {
        const string json = """
            {"version":3,"sections":[
              {"offset":{"line":0,"column":0},"map":{"version":3,"sources":["a.js"],"sourcesContent":["A"],"mappings":""}},
              {"offset":{"line":9,"column":0},"url":"other.map"},
              {"offset":{"line":20,"column":0},"map":{"version":3,"sourcesContent":["B",null,"C"],"sources":["b.js","n.js","c.js"],"mappings":""}}
            ]}
            """;
        var visited = new List<SourceMapSource>();
        var r = SourceMapReader.InspectText(json, s => visited.Add(s with { Content = s.Content.ToArray() }));
        Assert.True(r.IsComplete, r.Error);
        Assert.True(r.IsIndexMap);
        Assert.Equal(3, r.SectionCount);
        Assert.Equal(4, r.SourceCount);
        Assert.Equal(3, r.SourcesContentCount);
        Assert.Equal([(0, "a.js", "A"), (1, "b.js", "B"), (3, "c.js", "C")],
            visited.OrderBy(v => v.Index).Select(v => (v.Index, v.Path!, v.Content.ToString())));
    }

    [Fact]
    public void SkipsTheXssiPrefixLine()
    {
        var r = SourceMapReader.InspectText(")]}'\n" + Simple);
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal(3, r.SourceCount);
    }

    [Fact]
    public void EveryTruncationIsReportedNotThrown()
    {
        for (var n = 0; n < Simple.Length - 1; n++)
        {
            var r = SourceMapReader.InspectText(Simple[..n]);
            Assert.False(r.IsComplete, $"prefix of length {n} was accepted");
            Assert.False(string.IsNullOrEmpty(r.Error));
        }
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"version\":3} trailing")]
    [InlineData("{\"version\":3,\"sources\":[\"a\"],}}")]
    [InlineData("not json at all")]
    [InlineData("{{{{")]
    public void CorruptDocumentsGiveAnError(string text)
    {
        var r = SourceMapReader.InspectText(text);
        Assert.False(r.IsComplete);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotAStackOverflow()
    {
        var r = SourceMapReader.InspectText("{\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
        Assert.False(r.IsComplete);
    }

    [Fact]
    public void BinaryJunkGivesAnError()
    {
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 5000)];
            random.NextBytes(bytes);
            if (i % 2 == 0) bytes[0] = (byte)'{';
            var r = SourceMapReader.Inspect(() => new MemoryStream(bytes));
            Assert.False(r.IsComplete);
        }
    }

    private static (SourceMapInspection Inspection, List<string> Contents) InspectBytes(byte[] bytes)
    {
        var contents = new List<string>();
        var r = SourceMapReader.Inspect(() => new MemoryStream(bytes), s => contents.Add(s.Content.ToString()));
        return (r, contents);
    }

    [Fact]
    public void EscapesDecodeToTheOriginalText()
    {
        const string json = """{"version":3,"sources":["a.js"],"sourcesContent":["a\u00e9\ud83d\ude00\"\\\/\t\r\nb"],"mappings":""}""";
        var (r, contents) = InspectBytes(Encoding.UTF8.GetBytes(json));
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal("aé😀\"\\/\t\r\nb", Assert.Single(contents));
        Assert.Equal(Encoding.UTF8.GetByteCount("aé😀\"\\/\t\r\nb"), r.SourcesContentBytes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void InvalidUtf8InAnEmbeddedFileIsReplacedNotRejected(bool escaped)
    {
        // Another file's bytes (Latin-1 "é" = 0xE9) pasted into a map: the rest of that file must still be read, lines intact.
        var prefix = Encoding.UTF8.GetBytes("""{"version":3,"sources":["a.js","b.js"],"sourcesContent":["line one""" + (escaped ? "\\n" : " ") + "caf");
        var suffix = Encoding.UTF8.GetBytes((escaped ? "\\nline \\u0033" : " line 3") + "\",\"next\"],\"mappings\":\"\"}");
        var (r, contents) = InspectBytes([.. prefix, 0xE9, .. suffix]);
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal(escaped ? "line one\ncaf\uFFFD\nline 3" : "line one caf\uFFFD line 3", contents[0]);
        Assert.Equal("next", contents[1]);
    }

    [Fact]
    public void InvalidUtf8InAPathStillNamesTheSource()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"version":3,"file":"out""");
        var middle = Encoding.UTF8.GetBytes(""".js","sources":["caf""");
        var suffix = Encoding.UTF8.GetBytes(""".ts"],"sourcesContent":["x"],"mappings":""}""");
        var paths = new List<string?>();
        var r = SourceMapReader.Inspect(() => new MemoryStream([.. prefix, 0xFF, .. middle, 0xE9, .. suffix]), s => paths.Add(s.Path));
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal("out\uFFFD.js", r.File);
        Assert.Equal("caf\uFFFD.ts", Assert.Single(paths));
    }

    [Fact]
    public void TokensLongerThanTheReadBufferAreReadWhole()
    {
        var content = string.Concat(Enumerable.Range(0, 30_000).Select(i => "line " + i + "\n"));
        var json = "{\"version\":3,\"mappings\":\"" + new string('A', 1_500_000) + "\",\"sources\":[\"a.js\"],\"sourcesContent\":[" +
                   Newtonsoft.Json.JsonConvert.ToString(content) + "]}";
        var (r, contents) = InspectBytes(Encoding.UTF8.GetBytes(json));
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal(content, Assert.Single(contents));
    }

    [Fact]
    public void Utf16MapsAreAnError()
    {
        var r = SourceMapReader.Inspect(() => new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Simple)]));
        Assert.False(r.IsComplete);
        Assert.Contains("UTF-16", r.Error);
    }

    [Fact]
    public void AByteOrderMarkIsSkipped()
    {
        var r = SourceMapReader.Inspect(() => new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Simple)]));
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal(3, r.SourceCount);
    }

    [Fact]
    public void UnopenableFileGivesAnError()
    {
        var r = SourceMapReader.Inspect(() => null);
        Assert.False(r.IsComplete);
    }

    [Fact]
    public void LargeMapIsStreamedInBoundedMemory()
    {
        using var dir = new Support.TempDir("hygiene-map");
        var path = Path.Combine(dir.Path, "big.js.map");
        var expectedBytes = LargeMap.Write(path, sources: 2000, contentChars: 30_000);
        var fileSize = new FileInfo(path).Length;
        Assert.True(fileSize > 55_000_000, $"generated map is only {fileSize} bytes");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long peak = 0;
        var visits = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var r = SourceMapReader.Inspect(() => File.OpenRead(path), s =>
        {
            visits++;
            if (visits % 50 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        });
        started.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        _output.WriteLine($"map {fileSize / 1e6:F1} MB, {r.SourceCount} sources, {r.SourcesContentCount} contents ({r.SourcesContentBytes / 1e6:F1} MB): " +
                          $"peak managed heap above baseline {peak / 1e6:F1} MB, allocated {allocated / 1e6:F0} MB in total, {started.ElapsedMilliseconds} ms");
        Assert.True(r.IsComplete, r.Error);
        Assert.Equal(2000, r.SourceCount);
        Assert.Equal(2000, r.SourcesContentCount);
        Assert.Equal(expectedBytes, r.SourcesContentBytes);
        Assert.Equal(2000, visits);
        Assert.True(peak < 32_000_000, $"peak managed memory {peak} bytes");
    }

    [Fact]
    public void TruncatedLargeMapIsReportedWithPartialCounts()
    {
        using var dir = new Support.TempDir("hygiene-map");
        var path = Path.Combine(dir.Path, "cut.js.map");
        LargeMap.Write(path, sources: 200, contentChars: 5_000);
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length / 2);
        var r = SourceMapReader.Inspect(() => File.OpenRead(path));
        Assert.False(r.IsComplete);
        Assert.InRange(r.SourcesContentCount, 1, 199);
    }
}

/// <summary>Writes a realistic large map (webpack-like paths, JS sources with quotes and newlines) without holding it.</summary>
internal static class LargeMap
{
    public static long Write(string path, int sources, int contentChars, Func<int, string?>? extraLine = null)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("{\"version\":3,\"file\":\"main.js\",\"sources\":[");
        for (var i = 0; i < sources; i++) w.Write((i > 0 ? "," : "") + $"\"webpack://app/./src/module{i}.js\"");
        w.Write("],\"sourcesContent\":[");
        long bytes = 0;
        var sb = new StringBuilder();
        for (var i = 0; i < sources; i++)
        {
            sb.Clear();
            var line = 0;
            while (sb.Length < contentChars)
            {
                var extra = extraLine?.Invoke(i * 100_000 + line);
                sb.Append(extra ?? $"export function f{line}(x) {{ return \"value {line}\" + x * {line % 97}; }}\n");
                line++;
            }
            var content = sb.ToString();
            bytes += Encoding.UTF8.GetByteCount(content);
            w.Write(i > 0 ? "," : "");
            w.Write(Newtonsoft.Json.JsonConvert.ToString(content));
        }
        w.Write("],\"names\":[],\"mappings\":\"");
        for (var i = 0; i < 1000; i++) w.Write("AAAA,CAAC;");
        w.Write("\"}");
        return bytes;
    }
}
