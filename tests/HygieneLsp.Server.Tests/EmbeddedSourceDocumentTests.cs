using System.Text;
using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// A secret inside a map's embedded original whose file is not in the workspace: a client that opens
/// `hygiene-embedded:` documents gets the diagnostic there, at the secret's line, and the document's text with every
/// secret masked; other clients keep it on the map.
/// </summary>
public class EmbeddedSourceDocumentTests
{
    private static (TempDir Dir, IReadOnlyList<Canary.Planted> Planted) PackageWhoseOriginalIsGone()
    {
        var dir = new TempDir("embedded");
        var planted = Canary.Plant(dir);
        File.Delete(Path.Combine(dir.Path, "src/app.ts")); // built elsewhere: only the map carries the original
        dir.Write("package.json", "{\n  \"name\": \"@acme/embedded\",\n  \"version\": \"1.0.0\",\n  \"files\": [\"dist\"]\n}\n");
        return (dir, planted);
    }

    private static JObject EmbeddedCapable()
    {
        var capabilities = LspTestClient.FullCapabilities();
        capabilities["experimental"] = JObject.Parse("{\"hygiene\": {\"embeddedSourceDocuments\": true}}");
        return capabilities;
    }

    [Fact]
    public async Task TheDiagnosticOpensTheMaskedEmbeddedOriginalAtItsLine()
    {
        var (dir, planted) = PackageWhoseOriginalIsGone();
        using var _ = dir;
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(dir.Path, EmbeddedCapable());
        var published = await host.Client.WaitForAsync("textDocument/publishDiagnostics",
            p => p["uri"]!.ToString().StartsWith("hygiene-embedded:/canary/src/app.ts?", StringComparison.Ordinal)
                 && ((JArray)p["diagnostics"]!).Any(d => d["code"]!.ToString() == "secrets/github-token"));
        var uri = published["uri"]!.ToString();
        Assert.Contains("source=0", uri);
        var diagnostics = (JArray)published["diagnostics"]!;
        var github = diagnostics.First(d => d["code"]!.ToString() == "secrets/github-token");
        Assert.Equal(1, (int)github["range"]!["start"]!["line"]!); // `const b = "…"` is line 2 of the original
        Assert.Equal(11, (int)github["range"]!["start"]!["character"]!);

        var document = await host.Client.RequestAsync("hygiene/embeddedSource", new JObject { ["uri"] = uri });
        Assert.True((bool)document!["found"]!);
        Assert.Equal("webpack://canary/./src/app.ts", document["sourcePath"]!.ToString());
        var text = document["text"]!.ToString();
        var line = text.Split('\n')[1];
        Assert.StartsWith("const b = \"", line);
        Assert.Equal('*', line[20]); // the value, masked past its first characters

        // VS Code re-encodes the query (`=` as %3D, `&` as %26): the same document.
        var reencoded = uri[..uri.IndexOf('?')] + "?" + Uri.EscapeDataString(uri[(uri.IndexOf('?') + 1)..]);
        Assert.Equal(text, (await host.Client.RequestAsync("hygiene/embeddedSource", new JObject { ["uri"] = reencoded }))!["text"]!.ToString());

        // The quick fixes come with it: the lightbulb on the embedded document offers the real fix first.
        var actions = (JArray)(await host.Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["range"] = github["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(github) },
        }))!;
        Assert.NotEmpty(actions);
        Assert.DoesNotContain("Suppress", actions[0]!["title"]!.ToString());

        var wire = new StringBuilder(text);
        foreach (var (method, p) in host.Client.Notifications) wire.Append(method).Append(p?.ToString());
        wire.Append(actions);
        Canary.AssertNoSecret(wire.ToString(), planted);
    }

    [Fact]
    public async Task AClientWithoutTheCapabilityKeepsTheFindingOnTheMap()
    {
        var (dir, _) = PackageWhoseOriginalIsGone();
        using var d = dir;
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(dir.Path);
        var map = Path.Combine(dir.Path, "dist/app.js.map");
        await host.Client.WaitForDiagnosticsAsync(map, ds => ds.Any(x => x["code"]!.ToString() == "secrets/github-token"));
        await host.Client.WaitForAsync("hygiene/status", p => p["state"]!.ToString() == "idle");
        Assert.DoesNotContain(host.Client.Notifications, n => n.Method == "textDocument/publishDiagnostics"
                                                              && n.Params!["uri"]!.ToString().StartsWith("hygiene-embedded:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadOrForeignUrisAreInvalidParams()
    {
        var (dir, _) = PackageWhoseOriginalIsGone();
        using var d = dir;
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(dir.Path, EmbeddedCapable());
        foreach (var request in new JToken?[]
                 {
                     null, new JObject(), new JObject { ["uri"] = 3 }, new JObject { ["uri"] = "file:///etc/passwd" },
                     new JObject { ["uri"] = "hygiene-embedded:/x.ts?map=!!&source=0" },
                     // A map outside every workspace folder is never read.
                     new JObject { ["uri"] = "hygiene-embedded:/x.ts?map=" + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("/etc/passwd")) + "&source=0" },
                 })
        {
            var error = await Assert.ThrowsAsync<RemoteErrorException>(() => host.Client.RequestAsync("hygiene/embeddedSource", request));
            Assert.Equal(ErrorCodes.InvalidParams, error.Code);
            Assert.StartsWith("hygiene/embeddedSource: ", error.RemoteMessage);
        }
    }
}
