using HygieneLsp.Core.Analysis;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Logging;
using Microsoft.Extensions.Logging;

namespace HygieneLsp.Server;

/// <summary>
/// `hygiene-lsp` (or `--stdio`, or any unknown arguments): the language server on stdin/stdout.
/// `hygiene-lsp check ...`: the CLI. Only this class ends the process.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "check":
                    return RunCli(() => CheckCommand.Run(args[1..], Console.Out, Console.Error));
                case "ls":
                    return RunCli(() => LsCommand.Run(args[1..], Console.Out, Console.Error));
                case "--version":
                    Console.WriteLine(LanguageServer.Version);
                    return 0;
                case "--help" or "-h" or "help":
                    Console.WriteLine("hygiene-lsp: finds source maps and secrets that would ship, where they are configured.");
                    Console.WriteLine("  hygiene-lsp [--stdio]      run the language server over stdin/stdout");
                    Console.WriteLine("  " + CheckCommand.Usage["usage: ".Length..]);
                    Console.WriteLine("  " + LsCommand.Usage["usage: ".Length..]);
                    return 0;
            }
        }
        return RunServer(args);
    }

    private static int RunCli(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"hygiene-lsp: internal error: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    private static int RunServer(string[] args)
    {
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
