using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>A misspelt rule id in `hygiene.rules` or `.hygienelsp.json` changes nothing; the user is told which and what was meant.</summary>
public class UnknownRuleIdTests
{
    [Fact]
    public async Task AnUnknownIdInTheSettingIsAWarningNamingTheClosestRule()
    {
        using var ws = new TempWorkspace();
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root, options: JObject.Parse("{\"rules\": {\"secrets/generic\": \"off\", \"build/tsc-source-map\": \"error\"}}"));
        var shown = await host.Client.WaitForAsync("window/showMessage", p => p["message"]!.ToString().Contains("secrets/generic'"));
        Assert.Equal(2, (int)shown["type"]!);
        Assert.Contains("did you mean 'secrets/generic-secret'?", shown["message"]!.ToString());
        Assert.DoesNotContain("build/tsc-source-map", shown["message"]!.ToString()); // known ids are not mentioned

        // The same unknown id again says nothing new; a different one is told; known ids only are silent.
        var mark = host.Client.Mark();
        await host.Client.NotifyAsync("workspace/didChangeConfiguration",
            new JObject { ["settings"] = JObject.Parse("{\"hygiene\": {\"rules\": {\"secrets/generic\": \"hint\"}}}") });
        await host.Client.NotifyAsync("workspace/didChangeConfiguration",
            new JObject { ["settings"] = JObject.Parse("{\"hygiene\": {\"rules\": {\"npm/source-maps-shipped\": \"off\"}}}") });
        var second = await host.Client.WaitForAsync("window/showMessage", _ => true, mark);
        Assert.Contains("unknown rule 'npm/source-maps-shipped' (did you mean 'npm/source-map-shipped'?)", second["message"]!.ToString());
        Assert.Single(host.Client.Notifications.Skip(mark), n => n.Method == "window/showMessage");
    }

    [Fact]
    public async Task KnownIdsAndFamiliesInTheSettingSayNothing()
    {
        using var ws = new TempWorkspace();
        ws.WriteCompiledTsconfig("tsconfig.json", "{\"compilerOptions\": {\"sourceMap\": true}}");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root, options: JObject.Parse("{\"rules\": {\"build/tsc-source-map\": \"error\"}}"));
        await host.Client.WaitForAsync("hygiene/status", p => p["state"]?.ToString() == "idle");
        Assert.DoesNotContain(host.Client.Notifications, n => n.Method == "window/showMessage");
    }

    [Fact]
    public async Task AnUnknownIdOrFamilyInHygienelspJsonIsAConfigError()
    {
        using var ws = new TempWorkspace();
        var config = ws.Write(".hygienelsp.json", "{ \"rules\": { \"secret/*\": \"off\", \"secrets/github\": \"off\", \"npm/*\": \"hint\", \"secrets/jwt\": \"off\" } }");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var published = await host.Client.WaitForDiagnosticsAsync(config, d => d.Count == 1);
        var diagnostic = published["diagnostics"]![0]!;
        Assert.Equal("hygiene/config-error", diagnostic["code"]!.ToString());
        var message = diagnostic["message"]!.ToString();
        Assert.Contains("unknown rule 'secret/*' in 'rules' (did you mean 'secrets/*'?)", message);
        Assert.Contains("unknown rule 'secrets/github' in 'rules' (did you mean 'secrets/github-token'?)", message);
        Assert.DoesNotContain("npm/*", message);
        Assert.DoesNotContain("secrets/jwt", message);
    }
}
