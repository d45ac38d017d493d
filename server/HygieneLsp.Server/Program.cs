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

    private static int RunServer(string[] args)
    {
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
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        var server = new LanguageServer(stdin, stdout, loggerFactory, AnalyzerCatalog.CreateEngine());
        provider.Attach(server.Connection);
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
