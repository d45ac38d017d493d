using System.CommandLine;
using HygieneLsp.Core.Analysis;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// The usage errors of a parse, worded for the person who made them: `unknown option '--formt' (did you mean
/// --format?)` and a pointer to --help, instead of System.CommandLine's full help dump (a CI log should show the
/// mistake, not a page). Empty when the command (or --help, --version) can run.
/// </summary>
public static class UsageErrors
{
    public static IReadOnlyList<string> Of(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var errors = new List<string>();
        var failed = parse.Action is ParseErrorAction;
        // System.CommandLine hands an unknown `--option` to a free positional argument (PATH) as its value.
        var optionLike = failed || parse.Action == command.Action ? OptionLikeArguments(parse).ToList() : [];
        errors.AddRange(optionLike.Select(t => Describe(t, command)));
        if (!failed) return errors;
        errors.AddRange(parse.UnmatchedTokens.Where(t => t.StartsWith('-')).Select(t => Describe(t, command)));
        // One stray word is enough: after `chek` the rest was meant for a command, and after an unknown option took
        // PATH's place the next word is most likely that option's value.
        if (optionLike.Count == 0 && parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } word)
            errors.Add(Describe(word, command));
        // Unmatched words are described above; "required command was not provided" is noise next to them.
        errors.AddRange(parse.Errors.Where(e => e.SymbolResult is not CommandResult || parse.UnmatchedTokens.Count == 0).Select(e => e.Message.TrimEnd('.')));
        return errors;
    }

    public static void Write(ParseResult parse, IReadOnlyList<string> errors, TextWriter stderr)
    {
        var name = CommandLineOf(parse.CommandResult.Command);
        foreach (var error in errors) stderr.WriteLine($"{name}: {error}");
        stderr.WriteLine($"Run '{name} --help' for the options and examples.");
    }

    /// <summary>Positional values that look like options, unless they come after `--` (a folder really named `-x`).</summary>
    private static IEnumerable<string> OptionLikeArguments(ParseResult parse)
    {
        var beforeDoubleDash = parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash).ToHashSet(ReferenceEqualityComparer.Instance);
        return parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => t.Value.StartsWith('-') && t.Value != "-" && beforeDoubleDash.Contains(t))
            .Select(t => t.Value);
    }

    private static string Describe(string word, Command command)
    {
        if (word.StartsWith('-'))
        {
            var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive));
            var owners = command.Parents.OfType<Command>().SelectMany(p => p.Subcommands)
                .Where(c => c != command && c.Options.Any(o => o.Name == word || o.Aliases.Contains(word))).Select(c => c.Name).ToList();
            return owners.Count > 0
                ? $"unknown option '{word}' ({word} is an option of {(owners.Count == 1 ? owners[0] : string.Join(", ", owners[..^1]) + " and " + owners[^1])}, not of {command.Name})"
                : $"unknown option '{word}'{DidYouMean(word, options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))}";
        }
        if (command.Subcommands.Count > 0)
            return $"unknown command '{word}'{DidYouMean(word, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        return command.Arguments is [{ Arity.MaximumNumberOfValues: 1 } only]
            ? $"unexpected argument '{word}' (only one {only.Name} is accepted)"
            : $"unexpected argument '{word}'";
    }

    /// <summary>A suggestion only for a near miss: about one typo per three letters; never a one-letter alias (`-x` is not `-?`).</summary>
    private static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var nearest = Nearest.To(word, candidates.Where(c => c.TrimStart('-').Length > 1), 1);
        var tolerance = Math.Max(1, word.TrimStart('-').Length / 3);
        return nearest.Count == 1 && Nearest.Distance(nearest[0], word) <= tolerance ? $" (did you mean {nearest[0]}?)" : "";
    }

    private static string CommandLineOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Insert(0, c is RootCommand root ? root.HelpName ?? "hygiene-lsp" : c.Name);
        return string.Join(' ', names);
    }
}
