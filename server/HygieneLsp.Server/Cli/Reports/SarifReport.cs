using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules;
using HygieneLsp.Core.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, rules with default levels, results with relative artifact URIs under
/// the SRCROOT base id, 1-based regions in UTF-16 columns, related locations, and partial fingerprints for dedupe.
/// </summary>
public sealed class SarifReport : IReportWriter
{
    public const string InformationUri = RuleDocumentation.Repository;

    public void Write(ReportContext context, TextWriter output)
    {
        var rules = context.Rules
            .Concat(context.Findings.Select(f => f.RuleId).Distinct().Where(id => context.Rules.All(r => r.Id != id))
                .Select(id => new RuleDescriptor(id, Severity.Warning, id, id)))
            .GroupBy(r => r.Id).Select(g => g.First()).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var results = new JArray();
        foreach (var f in context.Findings)
        {
            var result = new JObject
            {
                ["ruleId"] = f.RuleId,
                ["ruleIndex"] = ruleIndex[f.RuleId],
                ["level"] = Level(f.Severity),
                ["message"] = new JObject { ["text"] = f.Message },
                ["locations"] = new JArray(PhysicalLocation(context, f.Location.Path, f.Location.Range)),
            };
            if (f.Related.Count > 0)
            {
                result["relatedLocations"] = new JArray(f.Related.Select((r, i) =>
                {
                    var location = PhysicalLocation(context, r.Location.Path, r.Location.Range);
                    location["id"] = i + 1;
                    location["message"] = new JObject { ["text"] = r.Message };
                    return location;
                }));
            }
            if (f.Fingerprint is not null) result["partialFingerprints"] = new JObject { ["hygieneFingerprint/v1"] = f.Fingerprint };
            results.Add(result);
        }

        var sarif = new JObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["tool"] = new JObject
                {
                    ["driver"] = new JObject
                    {
                        ["name"] = "HygieneLsp",
                        ["informationUri"] = InformationUri,
                        ["semanticVersion"] = LanguageServer.Version,
                        ["rules"] = new JArray(rules.Select(Rule)),
                    },
                },
                ["originalUriBaseIds"] = new JObject
                {
                    ["SRCROOT"] = new JObject { ["uri"] = new Uri(context.Root.EndsWith('/') ? context.Root : context.Root + "/").AbsoluteUri },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        using var writer = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        sarif.WriteTo(writer);
        writer.Flush();
        output.WriteLine();
    }

    /// <summary>
    /// A reportingDescriptor: `helpUri` is the rule's page on GitHub, and `help.markdown` the same page, so code scanning
    /// and offline SARIF viewers show the documentation without a network.
    /// </summary>
    private static JObject Rule(RuleDescriptor r)
    {
        var help = new JObject { ["text"] = r.Help };
        if (RuleDocumentation.Markdown(r.Id) is { } page) help["markdown"] = page;
        var rule = new JObject
        {
            ["id"] = r.Id,
            ["name"] = RuleName(r.Id),
            ["shortDescription"] = new JObject { ["text"] = r.Summary },
            ["fullDescription"] = new JObject { ["text"] = r.Help },
            ["help"] = help,
            ["defaultConfiguration"] = new JObject { ["level"] = Level(r.DefaultSeverity) },
        };
        if (RuleDocumentation.Markdown(r.Id) is not null) rule["helpUri"] = RuleDocumentation.Url(r.Id);
        return rule;
    }

    private static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Off => "none",
        _ => "note",
    };

    /// <summary>SARIF rule names are PascalCase identifiers: `npm/source-map-shipped` → `NpmSourceMapShipped`.</summary>
    private static string RuleName(string id) => string.Concat(id.Split('/', '-', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static JObject PhysicalLocation(ReportContext context, string path, TextRange range)
    {
        var relative = context.Relative(path);
        var artifact = relative == path
            ? new JObject { ["uri"] = new Uri(path).AbsoluteUri }
            : new JObject { ["uri"] = relative.Length == 0 ? "./" : Uri.EscapeDataString(relative).Replace("%2F", "/"), ["uriBaseId"] = "SRCROOT" };
        var physical = new JObject { ["artifactLocation"] = artifact };
        if (range != TextRange.Empty)
        {
            physical["region"] = new JObject
            {
                ["startLine"] = range.Start.Line + 1,
                ["startColumn"] = range.Start.Character + 1,
                ["endLine"] = range.End.Line + 1,
                ["endColumn"] = range.End.Character + 1,
            };
        }
        return new JObject { ["physicalLocation"] = physical };
    }
}
