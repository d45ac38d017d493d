using System.CommandLine;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Server.Cli;
using HygieneLsp.Server.Tests.Support;

namespace HygieneLsp.Server.Tests;

/// <summary>The command line itself: which arguments start the server, --help of every command, and usage errors.</summary>
public class CliUsageTests
{
    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HygieneCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    public static TheoryData<string> CommandNames() => [.. new HygieneRootCommand().Subcommands.Select(c => c.Name)];

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--stdio" }, false)]
    [InlineData(new[] { "--verbose" }, false)]
    [InlineData(new[] { "--stdio", "--clientProcessId=42", "--some-future-flag" }, false)]
    [InlineData(new[] { "check" }, true)]
    [InlineData(new[] { "ls", "." }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "--version" }, true)]
    [InlineData(new[] { "chek" }, true)]
    public void OptionsOnlyStartTheServerAndAWordStartsTheCli(string[] args, bool cli) =>
        Assert.Equal(cli, Program.IsCliInvocation(args));

    [Fact]
    public void RootHelpListsEveryCommandTheServerModeAndExamples()
    {
        var (code, output, err) = Cli("--help");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("Usage:", output);
        foreach (var command in new HygieneRootCommand().Subcommands)
            Assert.Contains($"  {command.Name} ", output);
        Assert.Contains("--version", output);
        Assert.Contains("Language server (no command):", output);
        Assert.Contains("--stdio", output);
        Assert.Contains("Examples:", output);
        Assert.Equal(output, Cli("-h").Out);
        Assert.Equal(output, Cli("help").Out);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryCommandsHelpDescribesEveryOptionAndHasExamples(string name)
    {
        var command = new HygieneRootCommand().Subcommands.Single(c => c.Name == name);
        var (code, output, err) = Cli(name, "--help");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        // Help wraps long descriptions to a terminal's width: compare with whitespace runs collapsed.
        var help = Squash(output);
        Assert.False(string.IsNullOrWhiteSpace(command.Description), name);
        Assert.Contains(Squash(command.Description!), help);
        foreach (var argument in command.Arguments)
        {
            Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{name} {argument.Name}");
            Assert.Contains(Squash(argument.Description!), help);
        }
        foreach (var option in command.Options)
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{name} {option.Name}");
            Assert.Contains(option.Name, output);
            Assert.Contains(Squash(option.Description!), help);
        }
        // Every example runs this very command, so it stays copy-pasteable when options change.
        var examples = Assert.IsAssignableFrom<IHasHelpSections>(command).HelpSections.Single(s => s.Title == "Examples:");
        Assert.NotEmpty(examples.Rows);
        foreach (var (example, explanation) in examples.Rows)
        {
            Assert.StartsWith($"hygiene-lsp {name}", example);
            Assert.Contains(example, output);
            Assert.Contains(explanation, output);
            var exampleArgs = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(a => a != ">").ToArray();
            Assert.Empty(UsageErrors.Of(new HygieneRootCommand().Parse(exampleArgs)));
        }
        Assert.Equal(output, Cli(name, "-h").Out);
        Assert.Equal(output, Cli("help", name).Out);
        // --help wins over a mistake on the same line, as in every CLI.
        Assert.Equal(output, Cli(name, "--no-such-option", "--help").Out);
    }

    [Theory]
    [InlineData("unknown option '--what'", "check", "--what")]
    [InlineData("unknown option '--fromat' (did you mean --format?)", "check", "--fromat", "json")]
    [InlineData("unknown option '--secret-everywhere' (did you mean --secrets-everywhere?)", "check", "--secret-everywhere")]
    [InlineData("--format takes one of: text, json, sarif (got 'xml')", "check", "--format", "xml")]
    [InlineData("--format takes one of: text, json (got 'sarif')", "ls", "--format", "sarif")]
    [InlineData("Required argument missing for option: '--format'", "check", "--format")]
    [InlineData("--rule takes RULE-ID:SEVERITY", "check", "--rule", "nonsense")]
    [InlineData("--rule takes RULE-ID:SEVERITY", "check", "--rule", "build/tsc-source-map:loud")]
    [InlineData("unexpected argument 'b' (only one PATH is accepted)", "check", "a", "b")]
    [InlineData("unknown option '--rule' (--rule is an option of check and diff, not of ls)", "ls", "--rule", "build/tsc-source-map:off")]
    [InlineData("unknown option '--secrets-everywhere' (--secrets-everywhere is an option of check, not of ls)", "ls", "--secrets-everywhere")]
    [InlineData("unknown command 'chek' (did you mean check?)", "chek", ".")]
    public void UsageErrorsExitTwoWithTheMistakeAndAPointerToHelp(string message, params string[] args)
    {
        var (code, output, err) = Cli(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var command = args[0] is "check" or "ls" ? "hygiene-lsp " + args[0] : "hygiene-lsp";
        Assert.Contains($"{command}: {message}", err);
        Assert.EndsWith($"Run '{command} --help' for the options and examples.{Environment.NewLine}", err);
        // One mistake, one line (plus the pointer): an unknown option's value is not reported again as a second PATH.
        Assert.Equal(2, err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void VersionIsTheServersVersion()
    {
        var (code, output, _) = Cli("--version");
        Assert.Equal(0, code);
        Assert.Equal(LanguageServer.Version + Environment.NewLine, output);
    }

    [Fact]
    public void AFolderNamedLikeAnOptionIsReachableAfterDoubleDashAndAtScopeIsAFolder()
    {
        using var ws = new TempWorkspace();
        // npm workspaces put packages under `@scope/`: not a response file of arguments.
        var scoped = Path.Combine(ws.Root, "@acme");
        ws.Write("@acme/tsconfig.json", "{}");
        Assert.Equal(0, Cli("check", scoped).Code);
        ws.Write("-odd/tsconfig.json", "{}");
        Assert.Equal(0, Cli("check", "--", Path.Combine(ws.Root, "-odd")).Code);
    }

    [Fact]
    public void OptionSpellingsGiveTheSameOutput()
    {
        using var ws = new TempWorkspace();
        ws.WriteCompiledTsconfig("tsconfig.json", "{\"compilerOptions\": {\"sourceMap\": true}}");
        var expected = Cli("check", ws.Root, "--format", "json", "--rule", "build/tsc-source-map:error");
        Assert.Equal(1, expected.Code);
        Assert.Contains("\"ruleId\": \"build/tsc-source-map\"", expected.Out);
        foreach (var args in new[]
                 {
                     new[] { "check", "--format=json", "--rule=build/tsc-source-map:error", ws.Root },
                     ["check", "-f", "json", ws.Root, "--rule:build/tsc-source-map:error"],
                     ["check", "--rule", "build/tsc-source-map:warning", "--rule", "build/tsc-source-map:error", "-f:json", ws.Root],
                 })
            Assert.Equal(expected, Cli(args));
    }

    [Fact]
    public void TheProcessExitsWithTheCommandsCodeAndDefaultsToTheCurrentFolder()
    {
        using var ws = new TempWorkspace();
        ws.WriteCompiledTsconfig("tsconfig.json", "{\"compilerOptions\": {\"sourceMap\": true}}");
        var dll = Path.Combine(AppContext.BaseDirectory, "hygiene-lsp.dll");
        var timeout = TimeSpan.FromMinutes(3);

        var warning = ProcessRunner.Run("dotnet", [dll, "check"], ws.Root, timeout);
        Assert.Equal(0, warning.ExitCode);
        Assert.Equal(Cli("check", ws.Root).Out, warning.Stdout);

        var error = ProcessRunner.Run("dotnet", [dll, "check", "--rule", "build/tsc-source-map:error"], ws.Root, timeout);
        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("tsconfig.json:1:", error.Stdout);
        Assert.Contains(": error build/tsc-source-map: ", error.Stdout);

        var usage = ProcessRunner.Run("dotnet", [dll, "check", "--format", "xml"], ws.Root, timeout);
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("", usage.Stdout);
        Assert.Contains("hygiene-lsp check: --format takes one of: text, json, sarif (got 'xml')", usage.Stderr);

        var ls = ProcessRunner.Run("dotnet", [dll, "ls"], ws.Root, timeout);
        Assert.Equal(0, ls.ExitCode);
        Assert.StartsWith("npm ws@1.0.0 (./)", ls.Stdout);
    }
}
