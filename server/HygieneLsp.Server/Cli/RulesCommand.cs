using System.CommandLine;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// `hygiene-lsp rules [RULE-ID] [--format text|json]`: every rule with its default severity, summary and documentation
/// link; with a rule id, that rule's documentation page (offline: the pages are compiled into the tool).
/// </summary>
public sealed class RulesCommand : Command, IHasHelpSections
{
    private readonly Argument<string?> _rule = new("RULE-ID")
    {
        Description = "Print this rule's documentation page instead of the list.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _format = CliSymbols.Format("text", "json");

    public RulesCommand() : base("rules", "List every rule with its default severity, summary and documentation link, or print one rule's " +
                                          "documentation. Exit 0, or 2 on a usage error (an unknown rule id).")
    {
        Add(_rule);
        Add(_format);
        SetAction(Run);
    }

    public IReadOnlyList<HelpSection> HelpSections { get; } =
    [
        new("Examples:",
        [
            ("hygiene-lsp rules", "every rule: id, default severity, summary, documentation link"),
            ("hygiene-lsp rules --format json", "the same as JSON, with each rule's help text"),
            ("hygiene-lsp rules npm/source-map-shipped", "that rule's page: what, why, how to fix, how to suppress, examples"),
        ]),
    ];

    private int Run(ParseResult parse)
    {
        var rules = RuleCatalog.All(AnalyzerCatalog.CreateEngine());
        var output = parse.InvocationConfiguration.Output;
        var json = parse.GetValue(_format) == "json";
        if (parse.GetValue(_rule) is { } id)
        {
            var rule = rules.FirstOrDefault(r => r.Id == id);
            if (rule is null)
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"hygiene-lsp rules: unknown rule '{id}' (did you mean {string.Join(", ", Nearest.To(id, rules.Select(r => r.Id), 3))}?)");
                return HygieneCli.UsageOrInternalError;
            }
            if (json) Write(output, ToJson(rule, withPage: true));
            else output.Write(RuleDocumentation.Markdown(rule.Id) ?? $"# {rule.Id}\n\n{rule.Summary}\n\n{rule.Help}\n");
            return 0;
        }
        if (json) Write(output, new JObject { ["version"] = 1, ["rules"] = new JArray(rules.Select(r => ToJson(r, withPage: false))) });
        else WriteText(rules, output);
        return 0;
    }

    private static void WriteText(IReadOnlyList<RuleDescriptor> rules, TextWriter output)
    {
        var width = rules.Max(r => r.Id.Length);
        foreach (var rule in rules)
        {
            output.WriteLine($"{rule.Id.PadRight(width)}  {rule.DefaultSeverity.ToName(),-7}  {rule.Summary}");
            if (RuleDocumentation.Url(rule.Id) is { } url) output.WriteLine($"{new string(' ', width)}  {"",-7}  {url}");
        }
        output.WriteLine();
        output.WriteLine($"{rules.Count} rules. 'hygiene-lsp rules RULE-ID' prints a rule's page; severities change per run with --rule, " +
                         "per workspace in .hygienelsp.json \"rules\".");
    }

    private static JObject ToJson(RuleDescriptor rule, bool withPage)
    {
        var json = new JObject
        {
            ["id"] = rule.Id,
            ["defaultSeverity"] = rule.DefaultSeverity.ToName(),
            ["summary"] = rule.Summary,
            ["help"] = rule.Help,
            ["docs"] = RuleDocumentation.Url(rule.Id),
        };
        if (withPage) json["markdown"] = RuleDocumentation.Markdown(rule.Id);
        return json;
    }

    private static void Write(TextWriter output, JToken json)
    {
        using var writer = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteTo(writer);
        writer.Flush();
        output.WriteLine();
    }
}
