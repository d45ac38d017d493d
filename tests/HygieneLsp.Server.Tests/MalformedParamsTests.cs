using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests;

/// <summary>
/// Every method the server answers, and every notification it takes, sent with params of the wrong shape: a request is
/// answered with a result or -32602 naming what is wrong, never -32603 (an exception escaping a handler); no
/// notification stops the server; and it still answers afterwards. The method list is the server's own, so a method
/// added later is covered without editing this test.
/// </summary>
public class MalformedParamsTests
{
    private static readonly string File = new Uri("/tmp/hygiene-malformed/package.json").AbsoluteUri;

    /// <summary>Shapes a client (or a fuzzer) might send: nothing, scalars, arrays, and the usual objects with holes.</summary>
    private static IEnumerable<JToken?> Shapes() =>
    [
        null, JValue.CreateNull(), new JValue(3), new JValue("x"), new JValue(true), new JArray(), new JArray(1, "a"), new JObject(),
        new JObject { ["textDocument"] = null },
        new JObject { ["textDocument"] = "not an object" },
        new JObject { ["textDocument"] = new JObject { ["uri"] = 5 } },
        new JObject { ["textDocument"] = new JObject { ["uri"] = "not a uri" }, ["position"] = "x" },
        new JObject { ["textDocument"] = new JObject { ["uri"] = File }, ["position"] = new JObject { ["line"] = -1, ["character"] = int.MaxValue } },
        new JObject { ["textDocument"] = new JObject { ["uri"] = File }, ["range"] = null, ["context"] = null },
        new JObject { ["textDocument"] = new JObject { ["uri"] = File }, ["range"] = new JObject(), ["context"] = new JObject { ["diagnostics"] = "x" } },
        new JObject { ["textDocument"] = new JObject { ["uri"] = File }, ["context"] = new JObject { ["diagnostics"] = new JArray(new JObject { ["data"] = new JObject { ["fixKey"] = 7 } }) } },
        new JObject { ["command"] = null, ["arguments"] = "x" },
        new JObject { ["command"] = "hygiene.showRuleDocumentation", ["arguments"] = new JArray(new JArray()) },
        new JObject { ["uri"] = null }, new JObject { ["uri"] = "hygiene-embedded:/x?map=%%%&source=-1" },
        new JObject { ["changes"] = "x", ["settings"] = 3, ["event"] = new JObject { ["added"] = "x" }, ["contentChanges"] = new JArray(JValue.CreateNull(), 3) },
    ];

    [Fact]
    public async Task No_request_or_notification_with_malformed_params_gets_an_internal_error_or_stops_the_server()
    {
        using var ws = new TempWorkspace();
        ws.Write("package.json", "{ \"name\": \"a\", \"version\": \"1.0.0\" }");
        await using var host = new InProcessServer();
        await host.Client.InitializeAsync(ws.Root);
        var connection = host.Server.Connection;
        var requests = connection.RequestMethods.Where(m => m is not ("initialize" or "shutdown")).ToList();
        Assert.Contains("hygiene/embeddedSource", requests); // the list is the server's own
        Assert.Contains("textDocument/codeAction", requests);

        var internalErrors = new List<string>();
        foreach (var method in requests)
            foreach (var shape in Shapes())
            {
                try { await host.Client.RequestAsync(method, shape); }
                catch (RemoteErrorException e) when (e.Code != ErrorCodes.InternalError) { }
                catch (RemoteErrorException e) { internalErrors.Add($"{method} {shape?.ToString(Newtonsoft.Json.Formatting.None) ?? "(none)"}: {e.RemoteMessage}"); }
            }
        foreach (var method in connection.NotificationMethods.Where(m => m is not ("exit" or "initialized")))
            foreach (var shape in Shapes())
                await host.Client.NotifyAsync(method, shape);

        Assert.True(internalErrors.Count == 0, string.Join("\n", internalErrors));
        // Still answering, and still analysing.
        Assert.NotNull(await host.Client.RequestAsync("hygiene/shipSets", null));
        Assert.Equal(JTokenType.Null, (await host.Client.RequestAsync("shutdown", null))!.Type);
    }
}
