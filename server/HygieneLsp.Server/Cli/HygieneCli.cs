using System.CommandLine;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// Runs one CLI invocation (`check`, `ls`, `--help`, `--version`) and turns every way it can fail into an exit code:
/// the command's own 0/1, or 2 with a message on stderr for a usage error or an exception.
/// </summary>
public static class HygieneCli
{
    public const int UsageOrInternalError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            // `help check` reads as `check --help`.
            if (args is ["help", ..]) args = [.. args.Skip(1), "--help"];
            // No response files: `@scope` is a common folder name in npm workspaces, not a file of arguments.
            var parse = new HygieneRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (UsageErrors.Of(parse) is { Count: > 0 } errors)
            {
                UsageErrors.Write(parse, errors, stderr);
                return UsageOrInternalError;
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                // Exceptions reach the catch below (exit 2), and Ctrl+C ends the process as it did before.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e)
        {
            stderr.WriteLine($"hygiene-lsp: internal error: {e.GetType().Name}: {e.Message}");
            return UsageOrInternalError;
        }
    }
}
