using HygieneLsp.Core.CiWorkflows;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Workflows;

/// <summary>
/// workflow/publish-without-gate: a step that publishes (npm, VS Code Marketplace / Open VSX, NuGet, a container
/// registry) with no check of the package's contents before it in its job, in a job it needs, or in the package's own
/// prepublishOnly/prepack scripts. The finding sits on the step's <c>run:</c>/<c>uses:</c> line; its fix inserts a
/// check step right before it.
/// </summary>
public static class PublishGateRule
{
    public const string RuleId = "workflow/publish-without-gate";

    public static IEnumerable<Finding> Find(Workflow workflow, StepActivity activity, WorkflowLocations locations, string root, Func<string, Workflow?> readWorkflow)
    {
        var gatedJobs = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            if (job.Uses is not null || StepActivity.IsNeverRun(job.If)) continue; // reusable workflows: not followed, not flagged
            var gated = NeedsAGate(workflow, job, activity, readWorkflow, gatedJobs, []);
            foreach (var step in job.Steps)
            {
                PublishCommand? ungated = null;
                foreach (var e in activity.Read(workflow, job, step))
                {
                    if (e is GateEvent) gated = true;
                    else if (e is PublishEvent p && !gated && !p.LifecycleGate) { ungated ??= p.Command; }
                }
                if (ungated is null) continue;
                yield return Build(workflow, job, step, ungated, locations, root);
            }
        }
    }

    private static Finding Build(Workflow workflow, WorkflowJob job, WorkflowStep step, PublishCommand publish, WorkflowLocations locations, string root)
    {
        var location = step.RunKey is { } runKey && step.Run is { } run ? locations.KeyLine(runKey, run)
            : locations.KeyLine(step.UsesKey!, step.Uses!);
        var relative = Paths.Relative(root, workflow.Path);
        var fix = GateStepFix.For(workflow, step);
        return new Finding
        {
            RuleId = RuleId,
            Severity = Severity.Warning,
            Message = $"{publish.Text} publishes to {publish.TargetName} with nothing checking what it ships before it " +
                      $"(job '{job.Id}'): a source map or secret in it would go out unseen. Run a content check first, e.g. `hygiene-lsp check`.",
            Location = location,
            Fixes = fix is null ? [] : [fix],
            Fingerprint = Fingerprints.Of(RuleId, relative, job.Id, step.Name ?? step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), publish.Text),
        };
    }

    /// <summary>True when a job this one needs (directly or not) runs a content check, or is a reusable workflow we cannot see into.</summary>
    private static bool NeedsAGate(Workflow workflow, WorkflowJob job, StepActivity activity, Func<string, Workflow?> readWorkflow,
        Dictionary<string, bool> memo, HashSet<string> visiting)
    {
        foreach (var id in job.Needs)
        {
            if (memo.TryGetValue(id, out var known)) { if (known) return true; continue; }
            if (!visiting.Add(id)) continue;
            var needed = workflow.Job(id);
            var result = needed is not null && (HasGate(workflow, needed, activity, readWorkflow)
                                                 || NeedsAGate(workflow, needed, activity, readWorkflow, memo, visiting));
            memo[id] = result;
            if (result) return true;
        }
        return false;
    }

    private static bool HasGate(Workflow workflow, WorkflowJob job, StepActivity activity, Func<string, Workflow?> readWorkflow)
    {
        if (job.Uses is { } uses)
        {
            if (!uses.StartsWith("./", StringComparison.Ordinal)) return true; // another repository's workflow: unknown, so counted as a check
            var called = readWorkflow(Paths.Combine(workflow.RepositoryRoot, uses.Split('@')[0]));
            return called is not null && called.Jobs.Any(j => j.Uses is null && j.Steps.Any(s => activity.Read(called, j, s).OfType<GateEvent>().Any()));
        }
        return job.Steps.Any(s => activity.Read(workflow, job, s).OfType<GateEvent>().Any());
    }
}
