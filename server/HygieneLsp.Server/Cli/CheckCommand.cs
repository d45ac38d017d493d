using System.CommandLine;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.Packages;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;
using HygieneLsp.Server.Cli.Reports;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// `hygiene-lsp check [PATH] [--format text|json|sarif] [--rule ID:SEVERITY]... [--secrets-everywhere]`: the CI gate.
/// Exit 0 when nothing is at error severity, 1 when something is, 2 on a usage or internal error.
/// </summary>
public sealed class CheckCommand : Command, IHasHelpSections
{
    private readonly Argument<string> _path = CliSymbols.Path("The folder to check (a repository, a package, a monorepo), or a release artifact " +
                                                              "(.tgz, .vsix, .nupkg, .snupkg) or a folder holding only artifacts.");
    private readonly Option<string?> _workspace = new("--workspace")
    {
        Description = "With an artifact: the folder that produced it; files the artifact holds that its ship set would not (and the reverse) are reported. " +
                      "By default, the folder the artifact sits in when it holds the package's manifest.",
    };
    private readonly Option<string> _format = CliSymbols.Format("text", "json", "sarif");
    private readonly Option<IReadOnlyDictionary<string, Severity>> _rules = RuleOption.Create();
    private readonly Option<bool> _secretsEverywhere = new("--secrets-everywhere")
    {
        Description = "Scan every file of the folder for secrets, not only the files that would ship.",
    };

    public CheckCommand() : base("check", "Report the source maps and secrets that would ship from the packages of PATH. " +
                                          "Exit 0: nothing at error severity; 1: errors found; 2: usage or internal error.")
    {
        Add(_path);
        Add(_format);
        Add(_rules);
        Add(_secretsEverywhere);
        Add(_workspace);
        SetAction(Run);
    }

    public IReadOnlyList<HelpSection> HelpSections { get; } =
    [
        new("Examples:",
        [
            ("hygiene-lsp check", "check the current folder; compiler-style lines (path:line:col: severity rule-id: message)"),
            ("hygiene-lsp check . --format sarif > hygiene.sarif", "SARIF 2.1.0 for GitHub code scanning (upload-sarif)"),
            ("hygiene-lsp check packages/cli --format json", "machine-readable findings, paths relative to PATH"),
            ("hygiene-lsp check --rule build/tsc-source-map:error", "make a rule fail the gate"),
            ("hygiene-lsp check --rule secrets/generic-secret:off --secrets-everywhere", "silence one rule, scan every file for secrets"),
            ("hygiene-lsp check acme-cli-1.2.0.tgz", "the tarball npm pack wrote here, compared with this folder's ship set"),
            ("hygiene-lsp check out/ --format sarif", "every .tgz/.vsix/.nupkg/.snupkg in out/"),
        ]),
    ];

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var path = parse.GetValue(_path)!;
        var rules = parse.GetValue(_rules)!;
        var root = Paths.Normalize(path);
        if (Directory.Exists(root) && WorkspaceRoots.Refusal(root) is { } refusal)
        {
            stderr.WriteLine($"hygiene-lsp check: {refusal}");
            return 2;
        }
        var engine = AnalyzerCatalog.CreateEngine();
        if (RuleOption.UnknownRuleError(rules, engine) is { } unknown)
        {
            stderr.WriteLine($"hygiene-lsp check: {unknown}");
            return 2;
        }
        var settings = new EngineSettings { RuleSeverities = rules, ScanWholeWorkspaceForSecrets = parse.GetValue(_secretsEverywhere) };
        var artifacts = ArtifactPaths.In(root);
        if (artifacts is null)
        {
            stderr.WriteLine($"hygiene-lsp check: '{path}' is neither a folder nor a release artifact (.tgz, .tar, .vsix, .nupkg, .snupkg, .zip)");
            return 2;
        }
        IReadOnlyList<Finding> findings;
        if (artifacts.Count > 0)
        {
            var checks = artifacts.Select(a => ArtifactChecker.Check(a, settings, parse.GetValue(_workspace) ?? ArtifactPaths.WorkspaceOf(a))).ToList();
            foreach (var failed in checks.Where(c => c.Error is not null))
            {
                stderr.WriteLine($"hygiene-lsp check: {Paths.Relative(Directory.Exists(root) ? root : Paths.Parent(root), failed.ArchivePath)}: {failed.Error}");
                return 2;
            }
            findings = checks.SelectMany(c => c.Findings).ToList();
            root = Directory.Exists(root) ? root : Paths.Parent(root);
        }
        else findings = engine.AnalyzeFolder(root, settings);
        if (HygieneLsp.Core.Analysis.Incremental.Profile.Enabled) stderr.WriteLine(HygieneLsp.Core.Analysis.Incremental.Profile.Report());
        IReportWriter writer = parse.GetValue(_format) switch
        {
            "json" => new JsonReport(),
            "sarif" => new SarifReport(),
            _ => new TextReport(),
        };
        writer.Write(new ReportContext(root, findings, RuleCatalog.All(engine)), stdout);
        return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
    }
}
