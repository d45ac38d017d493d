using System.CommandLine;
using System.CommandLine.Invocation;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// The command tree of the CLI. A new command is one class deriving from <see cref="Command"/>, added here.
/// The language server (no arguments, or options only) never builds this tree: see <see cref="Program"/>.
/// </summary>
public sealed class HygieneRootCommand : RootCommand, IHasHelpSections
{
    public HygieneRootCommand() : base("Finds source maps and secrets that would ship in npm packages, VS Code extensions (.vsix) " +
                                       "and NuGet packages, and the config line that causes them. With no command, runs the language server.")
    {
        // Help names the tool the same way however it was started (apphost, `dotnet hygiene-lsp.dll`, a test host).
        HelpName = "hygiene-lsp";
        Add(new CheckCommand());
        Add(new LsCommand());
        Add(new DiffCommand());
        Add(new RulesCommand());
        foreach (var version in Options.OfType<VersionOption>())
            version.Action = new PrintVersion();
        ExtendedHelpAction.Install(this);
    }

    IReadOnlyList<HelpSection> IHasHelpSections.HelpSections { get; } =
    [
        new("Language server (no command):",
        [
            ("hygiene-lsp [--stdio]", "speak LSP over stdin/stdout; what editors start (other options from the client are ignored)"),
            ("hygiene-lsp --stdio --verbose", "also send debug-level logs to the client (same as HYGIENE_LSP_LOG=debug)"),
        ]),
        new("Examples:",
        [
            ("hygiene-lsp check .", "the CI gate: exit 1 when something at error severity would ship"),
            ("hygiene-lsp check . --format sarif > hygiene.sarif", "SARIF for GitHub code scanning"),
            ("hygiene-lsp ls .", "what every package of the folder would publish"),
            ("hygiene-lsp rules", "every rule, its default severity and its documentation"),
            ("hygiene-lsp check --help", "the options of one command"),
        ]),
    ];

    /// <summary>The version the language server reports in serverInfo, rather than the entry assembly's informational version.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(LanguageServer.Version);
            return 0;
        }
    }
}
