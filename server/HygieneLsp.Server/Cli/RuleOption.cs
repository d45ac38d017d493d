using System.CommandLine;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Server.Cli;

/// <summary>`--rule RULE-ID:SEVERITY`, repeatable: per-run severity overrides, and the check that every id exists.</summary>
public static class RuleOption
{
    private const string Syntax = "--rule takes RULE-ID:SEVERITY, e.g. --rule build/tsc-source-map:error (severities: error, warning, info, hint, off)";

    public static Option<IReadOnlyDictionary<string, Severity>> Create() => new("--rule")
    {
        Description = "Change a rule's severity for this run: error, warning, info, hint or off. Repeatable. " +
                      "An unknown rule id is a usage error (exit 2).",
        HelpName = "RULE-ID:SEVERITY",
        // One value per occurrence, so `--rule a:off PATH` leaves PATH to the argument.
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => new Dictionary<string, Severity>(StringComparer.Ordinal),
        CustomParser = result =>
        {
            var rules = new Dictionary<string, Severity>(StringComparer.Ordinal);
            foreach (var token in result.Tokens)
            {
                var colon = token.Value.LastIndexOf(':');
                if (colon <= 0 || !SeverityNames.TryParse(token.Value[(colon + 1)..], out var severity))
                {
                    result.AddError($"{Syntax}; got '{token.Value}'");
                    return null;
                }
                rules[token.Value[..colon]] = severity;
            }
            return rules;
        },
    };

    /// <summary>
    /// The usage error for the first id the engine does not know, naming the nearest known ids; null when all are known.
    /// A misspelt id would otherwise silently change nothing.
    /// </summary>
    public static string? UnknownRuleError(IReadOnlyDictionary<string, Severity> rules, Engine engine)
    {
        var known = RuleCatalog.All(engine).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = rules.Keys.FirstOrDefault(id => !known.Contains(id));
        return unknown is null
            ? null
            : $"unknown rule '{unknown}' in --rule (did you mean {string.Join(", ", Nearest.To(unknown, known, 3))}?); `hygiene-lsp rules` lists every rule";
    }
}
