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
}
