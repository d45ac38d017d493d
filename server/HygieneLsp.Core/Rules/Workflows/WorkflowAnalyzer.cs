using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.CiWorkflows;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Rules.Workflows;

/// <summary>
/// GitHub Actions workflows (<c>.github/workflows/*.yml|yaml</c> of the workspace folder and of nested repositories
/// the index lists): publishing without a content check, and pull request code checked out next to publishing
/// credentials. Workflows are parsed once per content stamp; malformed or oversized files give no findings.
/// </summary>
public sealed class WorkflowAnalyzer : IAnalyzer
{
    private const string CacheKind = "github-workflow";

    public string Name => "GitHub workflows";

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new(PublishGateRule.RuleId, Severity.Warning, "A workflow publishes with no check of what the package holds",
            "A workflow step runs npm/pnpm/yarn publish, vsce/ovsx publish, dotnet nuget push or docker push (or a publishing action) " +
            "with no content check before it in its job, in a job it needs, or in the package's prepublishOnly/prepack scripts. " +
            "Checks that count: hygiene-lsp check, publint, maplint, attw, vsce ls, a pack dry run or tarball listing that is inspected, " +
            "anything that looks for .map files, secret scanners. The fix inserts a step running `" + GateStepFix.Command + "` before it."),
        new(UntrustedCheckoutRule.RuleId, Severity.Error, "Pull request code is checked out in a job that holds publishing credentials",
            "A pull_request_target workflow (or workflow_run after a pull-request workflow) checks out the pull request's head or merge ref " +
            "while the job has secrets in a later step's env or inputs, secret env at job or workflow level, a persisted checkout token, " +
            "id-token: write, or a GITHUB_TOKEN with write permissions. Code from a fork then runs with those credentials."),
    ];

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var paths = context.Index.Files.Where(WorkflowReader.IsWorkflowPath).ToList();
        if (paths.Count == 0) yield break;
        var activity = new StepActivity(context.Files,
            dir => context.Index.FilesUnder(dir).Where(f => f.EndsWith("/package.json", StringComparison.Ordinal)));
        var byFolder = paths.GroupBy(p => p[..p.LastIndexOf('/')]);
        foreach (var folder in byFolder)
        {
            var workflows = folder.Select(p => Read(context, p)).OfType<Workflow>().ToList();
            foreach (var unread in folder.Where(p => Read(context, p) is null)) ReportBudget(context, unread);
            foreach (var workflow in workflows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var locations = new WorkflowLocations(workflow);
                foreach (var f in PublishGateRule.Find(workflow, activity, locations, context.Root, p => Read(context, p))) yield return f;
                foreach (var f in UntrustedCheckoutRule.Find(workflow, workflows, locations, context.Root)) yield return f;
            }
        }
    }

    /// <summary>A workflow that was not read because of a budget (not malformed YAML) is said so.</summary>
    private static void ReportBudget(AnalysisContext context, string path)
    {
        if (context.Files.GetLength(path) > WorkflowReader.MaxBytes)
            context.Skipped.Report(new InputSkip(path, $"larger than {WorkflowReader.MaxBytes:N0} bytes; not read, so what it publishes is unknown"));
        else if (context.Files.ReadAllText(path) is { } text && YamlTree.TooDeep(text))
            context.Skipped.Report(new InputSkip(path, $"nests deeper than {YamlTree.MaxDepth} levels; not read, so what it publishes is unknown"));
    }

    private static Workflow? Read(AnalysisContext context, string path) =>
        context.Cache.GetOrAdd(CacheKind, path, context.Files, () => WorkflowReader.Read(context.Files, path));
}
