using System.Text;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.Secrets;

/// <summary>Whole files: streaming in windows, binary files, vendor code that must stay quiet, maps.</summary>
public sealed class ScannerFileTests
{
    private static string Summary(IEnumerable<SecretMatch> ms) => string.Join("; ", ms.Select(m => $"{m.Kind.Id}@{m.Range.Start}-{m.Range.End} {m.Preview} {m.Fingerprint}"));

    [Fact]
    public void StreamingInWindowsFindsExactlyWhatAWholeTextScanFinds()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HYGIENE_SECRETS_SEED"), out var s) ? s : 4242;
        var samples = new SecretSamples(seed);
        var random = new Random(seed);
        var sb = new StringBuilder();
        // Over two windows of minified-looking code with secrets near window edges and CRLF pairs split across them.
        var target = SecretScanner.ChunkChars * 2 + 50_000;
        var edges = new[] { SecretScanner.ChunkChars - SecretScanner.Overlap, SecretScanner.ChunkChars - SecretScanner.Overlap - 20, SecretScanner.ChunkChars - SecretScanner.LookBack };
        while (sb.Length < target)
        {
            var near = edges.Any(e => Math.Abs(sb.Length % (SecretScanner.ChunkChars - SecretScanner.Overlap - SecretScanner.LookBack) - e % 1000) < 5);
            switch (random.Next(near ? 3 : 60))
            {
                case 0: sb.Append("var k=\"").Append(samples.GitHub()).Append("\";"); break;
                case 1: sb.Append("\r\n-----BEGIN PRIVATE KEY-----\r\n").Append(samples.PemBody(900)).Append("\r\n-----END PRIVATE KEY-----\r\n"); break;
                case 2: sb.Append("apiKey:'").Append(samples.GenericKey()).Append("',"); break;
                case 3: sb.Append("\r\n"); break;
                case 4: sb.Append('\r'); break;
                default: sb.Append("function a").Append(random.Next(1000)).Append("(e,t){return e.key===t.token?Object.keys(e):null}"); break;
            }
        }
        var text = sb.ToString();
        var whole = SecretScanner.Default.ScanText(text);
        var streamed = SecretScanner.Default.ScanStream(() => new MemoryStream(Encoding.UTF8.GetBytes(text))).Matches;
        Assert.True(whole.Count > 100, $"seed {seed}: only {whole.Count} matches");
        Assert.True(whole.SequenceEqual(streamed), $"seed {seed}: whole {whole.Count}, streamed {streamed.Count}; first difference: " +
            Summary(whole.Except(streamed).Take(1)) + " | " + Summary(streamed.Except(whole).Take(1)));
    }

    [Fact]
    public void BinaryFilesAreSkipped()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "blob.dat");
        var bytes = Encoding.UTF8.GetBytes("x\0y token='" + new SecretSamples().GenericKey() + "'");
        File.WriteAllBytes(path, bytes);
        var r = SecretScanner.Default.ScanFile(FileView.Disk, Paths.Normalize(path));
        Assert.NotNull(r.Skipped);
        Assert.Empty(r.Matches);
    }

    /// <summary>Shapes from real third-party bundles: hashes, integrity strings, base64 assets, crypto code, PEM docs.</summary>
    [Fact]
    public void VendorCodeDoesNotFire()
    {
        var samples = new SecretSamples(5);
        var b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var hex = "0123456789abcdef";
        var lines = new[]
        {
            "\"integrity\": \"sha512-" + samples.Random(b64, 86) + "==\",",
            "\"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\",",
            "const hash = \"" + samples.Random(hex, 64) + "\";",
            "commit: \"" + samples.Random(hex, 40) + "\",",
            "url(data:font/woff2;base64," + samples.Random(b64, 4000) + ")",
            "var e={key:\"" + samples.Random(hex, 8) + "\",value:function(t){return this.token=t.token}}",
            "s.prototype.setAuthToken=function(e){this.authToken=e};s.prototype.getApiKey=function(){return this.apiKey}",
            "/**\n * Usage:\n *   const key = fs.readFileSync('key.pem');\n *   // -----BEGIN RSA PRIVATE KEY-----\n *   // MIIEow...\n */",
            "if(n.type===\"password\"&&n.value.length<8)throw new Error(\"password too short\")",
            "const TOKEN_TYPES={PUNCTUATOR:\"Punctuator\",KEYWORD:\"Keyword\"};",
            "e.exports={sha1:\"" + samples.Random(hex, 40) + "\",md5:\"" + samples.Random(hex, 32) + "\"}",
            "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"version\":3,\"sources\":[],\"mappings\":\"\"}")),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10\"/></svg>",
            "const uuid = \"" + Guid.NewGuid() + "\";",
            "keyPrefix: \"__storage_key_v2__\", tokenStorageKey: \"auth.token.v1\"",
            "a.headers.Authorization=\"Bearer \"+r.accessToken",
            "password: { type: String, required: true, minlength: 12 },",
        };
        foreach (var line in lines)
        {
            var m = SecretScanner.Default.ScanText(line);
            Assert.True(m.Count == 0, $"line {Array.IndexOf(lines, line)}: {Summary(m)}");
        }
    }

    [Fact]
    public void SecretInsideMapSourcesContentIsReportedAtTheOriginalFileAndLine()
    {
        using var dir = new TempDir();
        var token = new SecretSamples(77).Anthropic();
        var original = "import x from './x';\n\nexport const client = new Client({\n  apiKey: \"" + token + "\",\n});\n";
        var map = "{\"version\":3,\"sources\":[\"webpack://app/./src/other.ts\",\"webpack://app/./src/client.ts\"],\"sourcesContent\":[\"export {};\\n\"," +
                  Newtonsoft.Json.JsonConvert.ToString(original) + "],\"mappings\":\"AAAA\"}";
        var path = Paths.Normalize(dir.Write("dist/main.js.map", map));
        var r = SecretScanner.Default.ScanFile(FileView.Disk, path);
        Assert.Null(r.Skipped);
        Assert.Empty(r.Matches);
        var e = Assert.Single(r.Embedded);
        Assert.Equal("webpack://app/./src/client.ts", e.SourcePath);
        Assert.Equal(1, e.SourceIndex);
        Assert.Equal("anthropic-api-key", e.Match.Kind.Id);
        Assert.Equal(new HygieneLsp.Core.Text.TextPosition(3, 11), e.Match.Range.Start);

        // The same map inline at the end of the bundle.
        var js = Paths.Normalize(dir.Write("dist/inline.js", "console.log(1);\n//# sourceMappingURL=data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(map))));
        var r2 = SecretScanner.Default.ScanFile(FileView.Disk, js);
        var e2 = Assert.Single(r2.Embedded);
        Assert.Equal(e.Match, e2.Match);
        Assert.Empty(r2.Matches);
    }

    [Fact]
    public void LongMinifiedLineIsLinear()
    {
        // 8 MB on one line, dense with keyword hits: must finish quickly (no quadratic rescans).
        var sb = new StringBuilder();
        while (sb.Length < 8_000_000) sb.Append("e.key=t.token;a.apiKey=n.auth;if(o.secret)r.password=s.pwd;");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var r = SecretScanner.Default.ScanStream(() => new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())));
        Assert.Empty(r.Matches);
        // Linear takes well under a second; rescanning the line per hit would take hours. A hang guard, not a speed target.
        Assert.True(started.Elapsed < TimeSpan.FromMinutes(2), $"took {started.Elapsed}");
    }

    [Fact]
    public void ScriptsAndMapSourcesAreReadAsCodeDataFilesAsData()
    {
        using var dir = new TempDir();
        var key = new SecretSamples(7).GenericKey();
        var js = Paths.Normalize(dir.Write("a.js", "apiToken = " + key + "\n"));
        var env = Paths.Normalize(dir.Write(".env", "apiToken = " + key + "\n"));
        var map = "{\"version\":3,\"sources\":[\"src/a.ts\",\"config/.env\"],\"sourcesContent\":[\"apiToken = " + key + "\",\"apiToken = " + key + "\"],\"mappings\":\"\"}";
        var mapPath = Paths.Normalize(dir.Write("a.js.map", map));
        Assert.Empty(SecretScanner.Default.ScanFile(FileView.Disk, js).Matches);
        Assert.Single(SecretScanner.Default.ScanFile(FileView.Disk, env).Matches);
        var embedded = Assert.Single(SecretScanner.Default.ScanFile(FileView.Disk, mapPath).Embedded);
        Assert.Equal("config/.env", embedded.SourcePath);
    }
}
