using HygieneLsp.Core.Analysis;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Logging;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.Server;

/// <summary>
/// The process entry: `hygiene-lsp` with no arguments or with options only (`--stdio`, `--verbose`, whatever a language
/// client adds) runs the language server on stdin/stdout; a command word, `--help` or `--version` runs the CLI.
/// Only this class ends the process.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        IsCliInvocation(args) ? HygieneCli.Run(args, Console.Out, Console.Error) : RunServer(args);

    /// <summary>
    /// Decided without building the command tree, which would cost the server start-up for nothing. A bare word that
    /// is not a command goes to the CLI too, so a typo (`hygiene-lsp chek`) is a usage error instead of a server
    /// waiting on stdin.
    /// </summary>
    internal static bool IsCliInvocation(IReadOnlyList<string> args) =>
        args.Count > 0 && (args[0] is "--help" or "-h" or "-?" or "--version" || !args[0].StartsWith('-'));

    /// <summary>
    /// Compiles the first message's path (JSON parse, the serializer's contracts for `initialize`, a response) on a
    /// second core while the main thread sets the server up: JIT work the first request would otherwise wait for.
    /// </summary>
    private static void WarmUp() => new Thread(() =>
    {
        try
        {
            var serializer = new JsonRpc.JsonRpcConnection(Stream.Null, Stream.Null).Serializer;
            var message = Newtonsoft.Json.Linq.JObject.Parse(WarmUpMessage);
            _ = message["params"]!.ToObject<Protocol.InitializeParams>(serializer);
            _ = Newtonsoft.Json.Linq.JToken.FromObject(new Protocol.PublishDiagnosticsParams("file:///w", []), serializer).ToString(Newtonsoft.Json.Formatting.None);
        }
        catch (Exception)
        {
            // only a warm-up
        }
    }) { IsBackground = true, Name = "warm-up" }.Start();

    private const string WarmUpMessage =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":1,\"rootUri\":\"file:///w\"," +
        "\"capabilities\":{\"window\":{\"workDoneProgress\":true}},\"workspaceFolders\":[{\"uri\":\"file:///w\",\"name\":\"w\"}]}}";

    /// <summary>Start-up milestones on stderr (HYGIENE_LSP_PROFILE=1): milliseconds since the process started.</summary>
    internal static void Milestone(string what)
    {
        if (!HygieneLsp.Core.Analysis.Incremental.Profile.Enabled) return;
        var since = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine($"hygiene-lsp start-up: {since.TotalMilliseconds,6:F0} ms {what}");
    }

    private static int RunServer(string[] args)
    {
        Milestone("Main");
        WarmUp();
        // Analysis keeps cores busy (items run in parallel, secrets scan in parallel); requests (hover, code action)
        // must not queue behind it waiting for the thread pool to grow, which it does at about one thread a second.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount + 4), io);
        // stdout carries protocol bytes only: anything written to Console.Out by mistake goes to stderr instead.
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        var verbose = args.Contains("--verbose") || Environment.GetEnvironmentVariable("HYGIENE_LSP_LOG") == "debug";
        var provider = new LspLoggerProvider(verbose ? LogLevel.Debug : LogLevel.Information);
        using var loggerFactory = new LspLoggerFactory(provider);
        Milestone("logging");
        var engine = AnalyzerCatalog.CreateEngine();
        Milestone("engine");
        var server = new LanguageServer(stdin, stdout, loggerFactory, engine);
        provider.Attach(server.Connection);
        Milestone("server composed");
        int exitCode;
        try
        {
            exitCode = server.RunAsync().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"hygiene-lsp: fatal: {e}");
            exitCode = 1;
        }
        try
        {
            server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is AggregateException or ObjectDisposedException or IOException)
        {
            // the streams may already be gone when the client died
        }
        return exitCode;
    }
}
