using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;
using HygieneLsp.Server.Cli.Reports;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// `hygiene-lsp check [PATH] [--format text|json|sarif] [--rule ID:SEVERITY]...`: the CI gate. Exit 0 when nothing is at
/// error severity, 1 when something is, 2 on a usage or internal error.
/// </summary>
public static class CheckCommand
{
    public const string Usage = "usage: hygiene-lsp check [PATH] [--format text|json|sarif] [--rule RULE-ID:SEVERITY]... [--secrets-everywhere]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var (options, error) = CliOptions.Parse(args, ["text", "json", "sarif"]);
        if (options is null)
        {
            stderr.WriteLine($"hygiene-lsp check: {error}");
            stderr.WriteLine(Usage);
            return 2;
        }
        var root = Paths.Normalize(options.Path);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"hygiene-lsp check: '{options.Path}' is not a folder");
            return 2;
        }
        var engine = AnalyzerCatalog.CreateEngine();
        // A misspelt rule id would silently change nothing: say so, with the nearest known ids.
        var known = engine.Rules.Select(r => r.Id).Append(Engine.InternalErrorRuleId).Append(Engine.ConfigErrorRuleId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in options.RuleSeverities.Keys.Where(id => !known.Contains(id)))
        {
            var near = known.OrderBy(k => Distance(k, id)).Take(3);
            stderr.WriteLine($"hygiene-lsp check: unknown rule '{id}' in --rule (did you mean {string.Join(", ", near)}?); the README lists every rule");
            return 2;
        }
        var settings = new EngineSettings { RuleSeverities = options.RuleSeverities, ScanWholeWorkspaceForSecrets = options.ScanWholeWorkspace };
        var findings = engine.AnalyzeFolder(root, settings);
        IReportWriter writer = options.Format switch
        {
            "json" => new JsonReport(),
            "sarif" => new SarifReport(),
            _ => new TextReport(),
        };
        writer.Write(new ReportContext(root, findings, engine.Rules.ToList()), stdout);
        return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
    }

    /// <summary>Edit distance, for suggesting the rule id someone meant.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
