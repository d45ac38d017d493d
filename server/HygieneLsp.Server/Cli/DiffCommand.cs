using System.CommandLine;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Artifacts.Releases;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Workspace;
using HygieneLsp.Server.Cli.Reports;

namespace HygieneLsp.Server.Cli;

/// <summary>
/// `hygiene-lsp diff NEW [OLD] [--published]`: what the release about to be published adds to the previous one.
/// NEW is a workspace folder or an artifact; OLD an older artifact, or with `--published` the last version on the
/// registry (read through the user's npm configuration; off unless asked). Exit 0, 1 when an addition is at error
/// severity (a new map with the package's sources, a new secret), 2 on a usage error.
/// </summary>
public sealed class DiffCommand : Command, IHasHelpSections
{
    private readonly Argument<string> _new = new("NEW") { Description = "The release about to be published: a package or extension folder, or an artifact (.tgz, .vsix, .nupkg)." };
    private readonly Argument<string?> _old = new("OLD") { Description = "The previous release as an artifact (omit with --published).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _published = new("--published")
    {
        Description = "Compare with the last version of the npm package on the registry (`npm view` and `npm pack` with your npm configuration; the only network use of the tool).",
    };
    private readonly Option<string> _format = CliSymbols.Format("text", "json", "sarif");
    private readonly Option<IReadOnlyDictionary<string, Severity>> _rules = RuleOption.Create();

    public DiffCommand() : base("diff", "Compare the release about to be published with the previous one: new source maps, maps embedding more " +
                                        "of your sources, new secrets, size jumps, files added and removed. Exit 0, 1 on an addition at error severity, 2 on a usage error.")
    {
        Add(_new);
        Add(_old);
        Add(_published);
        Add(_format);
        Add(_rules);
        SetAction(Run);
    }

    public IReadOnlyList<HelpSection> HelpSections { get; } =
    [
        new("Examples:",
        [
            ("hygiene-lsp diff . --published", "this folder's package against its last published version"),
            ("hygiene-lsp diff pkg-2.0.0.tgz pkg-1.9.0.tgz", "two artifacts"),
            ("hygiene-lsp diff out/ext-1.1.0.vsix ext-1.0.0.vsix --format sarif", "for code scanning"),
        ]),
    ];

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var newPath = Paths.Normalize(parse.GetValue(_new)!);
        var oldPath = parse.GetValue(_old);
        var published = parse.GetValue(_published);
        if ((oldPath is null) == !published)
        {
            stderr.WriteLine("hygiene-lsp diff: give either OLD (an older artifact) or --published, not both and not neither");
            return 2;
        }
        var rules = parse.GetValue(_rules)!;
        if (RuleOption.UnknownRuleError(rules, AnalyzerCatalog.CreateEngine()) is { } unknown)
        {
            stderr.WriteLine($"hygiene-lsp diff: {unknown}");
            return 2;
        }
        var (current, error) = Directory.Exists(newPath) ? ReleaseSide.FromWorkspace(newPath)
            : File.Exists(newPath) ? ReleaseSide.FromArtifact(newPath)
            : (null, $"'{parse.GetValue(_new)}' is neither a folder nor an artifact");
        if (current is null) return Usage(stderr, error!);

        string? temporary = null;
        try
        {
            string previousPath;
            if (published)
            {
                if (current.Unit.Kind != ShipUnitKind.Npm && current.Unit.Kind != ShipUnitKind.NpmTarball)
                    return Usage(stderr, "--published compares npm packages; give the previous .vsix or .nupkg as OLD");
                temporary = Path.Combine(Path.GetTempPath(), "hygiene-diff-" + Guid.NewGuid().ToString("N"));
                var (tarball, _, problem) = PublishedPackage.Fetch(current.Unit.Name, Directory.Exists(newPath) ? newPath : Paths.Parent(newPath), temporary);
                if (tarball is null)
                {
                    // Nothing published yet is a normal first release: say so and pass.
                    stdout.WriteLine($"hygiene-lsp diff: {problem}");
                    return problem!.Contains("never been published", StringComparison.Ordinal) ? 0 : 2;
                }
                previousPath = tarball;
            }
            else previousPath = Paths.Normalize(oldPath!);
            if (!File.Exists(previousPath)) return Usage(stderr, $"'{oldPath}' is not an artifact");
            var (previous, oldError) = ReleaseSide.FromArtifact(previousPath);
            if (previous is null) return Usage(stderr, oldError!);

            var (summary, findings) = ReleaseDiff.Compare(previous, current, new EngineSettings { RuleSeverities = rules });
            var root = Directory.Exists(newPath) ? newPath : Paths.Parent(newPath);
            var format = parse.GetValue(_format);
            if (format == "text")
                stdout.WriteLine($"{summary.New} against {summary.Old}: {summary.Added} added, {summary.Removed} removed, {summary.Changed} changed; " +
                                 $"{Size(summary.OldBytes)} -> {Size(summary.NewBytes)} unpacked.");
            IReportWriter writer = format switch { "json" => new JsonReport(), "sarif" => new SarifReport(), _ => new TextReport() };
            writer.Write(new ReportContext(root, findings, ReleaseDiff.Rules), stdout);
            return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
        }
        finally
        {
            if (temporary is not null) try { Directory.Delete(temporary, recursive: true); } catch (IOException) { }
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"hygiene-lsp diff: {message}");
        return 2;
    }

    private static string Size(long bytes) => Core.Rules.Maps.ShippedMapStats.FormatBytes(bytes);
}
