using System.Text;
using HygieneLsp.Core.Tests.Secrets;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// Plants one value of every secret kind in a publishable package (a .env, a bundle, its map's sourcesContent, an inline
/// map, .npmrc, appsettings) and checks that every face of the product reports them as errors while showing none of them:
/// CLI text/JSON/SARIF and `ls`, and every message the language server sends (diagnostics, code actions, hover,
/// code lens, What ships, logs).
/// </summary>
public class RedactionCanaryServerTests
{
    private static (TempDir Dir, IReadOnlyList<Canary.Planted> Planted) PlantPackage()
    {
        var dir = new TempDir("canary");
        var planted = Canary.Plant(dir);
        dir.Write("package.json", "{\n  \"name\": \"@acme/canary\",\n  \"version\": \"1.0.0\"\n}\n");
        return (dir, planted);
    }

    [Fact]
    public void CliOutputsReportTheSecretsWithoutShowingThem()
    {
        var (dir, planted) = PlantPackage();
        using var _ = dir;
        var all = new StringBuilder();
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(1, HygieneCli.Run(["check", dir.Path, "--format", format, "--secrets-everywhere"], stdout, stderr));
            all.Append(stdout).Append(stderr);
        }
        var ls = new StringWriter();
        HygieneCli.Run(["ls", dir.Path, "--format", "json"], ls, new StringWriter());
        all.Append(ls);
        var text = all.ToString();
        Canary.AssertNoSecret(text, planted);
        Assert.Contains("npm/env-file-shipped", text);
        Assert.Contains("npm/source-map-shipped", text);
        Assert.Contains("secrets/aws-access-key", text);
        Assert.Contains("src/app.ts", text); // a secret inside the map's sourcesContent is reported at the original file
    }

    [Fact]
    public async Task NothingTheServerSendsHoldsASecret()
    {
        var (dir, planted) = PlantPackage();
        using var _ = dir;
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(dir.Path, options: JObject.Parse("{\"secrets\": {\"scope\": \"workspace\"}}"));
        await host.Client.WaitForAsync("hygiene/status", p => p["state"]!.ToString() == "idle" && (int)p["problems"]! > 0);
        var wire = new StringBuilder();
        foreach (var (method, p) in host.Client.Notifications) wire.Append(method).Append(p?.ToString());
        foreach (var published in host.Client.Notifications.Where(n => n.Method == "textDocument/publishDiagnostics"))
        {
            foreach (var diagnostic in (JArray)published.Params!["diagnostics"]!)
            {
                var actions = await host.Client.RequestAsync("textDocument/codeAction", new JObject
                {
                    ["textDocument"] = new JObject { ["uri"] = published.Params["uri"] },
                    ["range"] = diagnostic["range"],
                    ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic) },
                });
                wire.Append(actions);
                wire.Append(await host.Client.RequestAsync("textDocument/hover", new JObject
                {
                    ["textDocument"] = new JObject { ["uri"] = published.Params["uri"] },
                    ["position"] = diagnostic["range"]!["start"],
                }));
            }
        }
        wire.Append(await host.Client.RequestAsync("hygiene/shipSets", null));
        wire.Append(await host.Client.RequestAsync("textDocument/codeLens", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(Path.Combine(dir.Path, "package.json")).AbsoluteUri },
        }));
        var text = wire.ToString();
        Canary.AssertNoSecret(text, planted);
        Assert.Contains("secrets/", text);
        Assert.Contains("npm/env-file-shipped", text);
    }
}
