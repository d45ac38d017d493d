using System.Collections.Concurrent;
using HygieneLsp.JsonRpc;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Tests.Support;

/// <summary>
/// A minimal LSP client over our own JSON-RPC connection: records every notification, answers the server's requests
/// (registerCapability, workDoneProgress/create, applyEdit, configuration, showDocument), and lets tests await a notification with a
/// timeout so a bug fails the test instead of hanging it.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<(string Method, JToken? Params)> _notifications = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public LspTestClient(Stream fromServer, Stream toServer)
    {
        Connection = new JsonRpcConnection(fromServer, toServer);
        foreach (var method in new[] { "textDocument/publishDiagnostics", "window/logMessage", "window/showMessage", "$/progress", "hygiene/status" })
        {
            Connection.AddNotificationHandler(method, (p, _) =>
            {
                _notifications.Enqueue((method, p));
                _arrived.Release();
                return Task.CompletedTask;
            }, HandlerMode.Serial);
        }
        Connection.AddRequestHandler("client/registerCapability", (p, _) => { Registrations.Add(p); return Task.FromResult<JToken?>(JValue.CreateNull()); }, HandlerMode.Parallel);
        Connection.AddRequestHandler("window/workDoneProgress/create", (_, _) => Task.FromResult<JToken?>(JValue.CreateNull()), HandlerMode.Parallel);
        Connection.AddRequestHandler("workspace/configuration", (_, _) => Task.FromResult<JToken?>(new JArray(ConfigurationSection)), HandlerMode.Parallel);
        Connection.AddRequestHandler("workspace/applyEdit", (p, _) =>
        {
            AppliedEdits.Add(p!["edit"]!);
            return Task.FromResult<JToken?>(new JObject { ["applied"] = true });
        }, HandlerMode.Parallel);
        Connection.AddRequestHandler("window/showDocument", (p, _) =>
        {
            ShownDocuments.Add(p!);
            return Task.FromResult<JToken?>(new JObject { ["success"] = true });
        }, HandlerMode.Parallel);
        Connection.Start();
    }

    public JsonRpcConnection Connection { get; }
    public ConcurrentBag<JToken?> Registrations { get; } = [];
    public ConcurrentBag<JToken> AppliedEdits { get; } = [];
    public ConcurrentBag<JToken> ShownDocuments { get; } = [];
    public JToken ConfigurationSection { get; set; } = new JObject();

    public IEnumerable<(string Method, JToken? Params)> Notifications => _notifications;

    public Task<JToken?> RequestAsync(string method, object? @params) =>
        Connection.SendRequestAsync(method, @params).WaitAsync(Timeout);

    public Task NotifyAsync(string method, object? @params) => Connection.SendNotificationAsync(method, @params);

    public async Task<JObject> InitializeAsync(string rootPath, JObject? capabilities = null, JObject? options = null)
    {
        var result = await RequestAsync("initialize", new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(rootPath).AbsoluteUri,
            ["workspaceFolders"] = new JArray(new JObject { ["uri"] = new Uri(rootPath).AbsoluteUri, ["name"] = "ws" }),
            ["capabilities"] = capabilities ?? FullCapabilities(),
            ["initializationOptions"] = options,
        });
        await NotifyAsync("initialized", new JObject());
        return (JObject)result!;
    }

    public static JObject FullCapabilities() => JObject.Parse("""
        { "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true }, "configuration": true,
                         "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create"] } },
          "window": { "workDoneProgress": true } }
        """);

    /// <summary>Waits for the first notification (already received or future) that matches.</summary>
    public async Task<JToken> WaitForAsync(string method, Func<JToken, bool> predicate, int from = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        var seen = from;
        while (true)
        {
            var all = _notifications.ToArray();
            for (var i = seen; i < all.Length; i++)
                if (all[i].Method == method && all[i].Params is { } p && predicate(p)) return p;
            seen = all.Length;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException($"no matching {method} within the timeout; got: {string.Join(", ", all.Select(n => n.Method))}");
        }
    }

    /// <summary>How many notifications have arrived: pass it as `from` to wait only for later ones.</summary>
    public int Mark() => _notifications.Count;

    /// <summary>Waits for diagnostics of one file, published at or after <paramref name="from"/>, matching the predicate.</summary>
    public Task<JToken> WaitForDiagnosticsAsync(string path, Func<JArray, bool> predicate, int from = 0) =>
        WaitForAsync("textDocument/publishDiagnostics",
            p => p["uri"]!.ToString() == new Uri(path).AbsoluteUri && predicate((JArray)p["diagnostics"]!), from);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
