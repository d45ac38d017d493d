using System.Text.RegularExpressions;
using HygieneLsp.Core.CiWorkflows;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Workflows;

/// <summary>
/// workflow/untrusted-checkout-with-secrets: a workflow that runs with the base repository's secrets on pull requests
/// from anyone (<c>pull_request_target</c>, or <c>workflow_run</c> after a pull-request workflow) checks out the pull
/// request's code and holds a publishing credential in that job after the checkout: a secret passed into a later step,
/// job- or workflow-level secret env, a checkout token that stays in .git/config, <c>id-token: write</c> (trusted
/// publishing), or GITHUB_TOKEN with write permissions. Fork code then runs with the credential (build scripts, npm
/// lifecycle scripts, test files). The finding sits on the checkout's <c>ref:</c> line.
///
/// A head checkout without any credential is not reported: nothing of what this tool guards (packages and their
/// publishing keys) is exposed, and such workflows (labelers, size reports) are common; a read-only token's misuse is
/// a workflow linter's concern.
/// </summary>
public static partial class UntrustedCheckoutRule
{
    public const string RuleId = "workflow/untrusted-checkout-with-secrets";

    public static IEnumerable<Finding> Find(Workflow workflow, IReadOnlyList<Workflow> siblings, WorkflowLocations locations, string root)
    {
        var trigger = UntrustedTrigger(workflow, siblings);
        if (trigger is null) yield break;
        foreach (var job in workflow.Jobs)
        {
            if (job.Uses is not null || StepActivity.IsNeverRun(job.If) || SameRepositoryOnly(job.If)) continue;
            for (var k = 0; k < job.Steps.Count; k++)
            {
                var step = job.Steps[k];
                if (StepActivity.IsNeverRun(step.If) || SameRepositoryOnly(step.If)) continue;
                if (HeadCheckout(step, job.Steps.Skip(k + 1)) is not { } checkout) continue;
                if (IsSetAside(step, job.Steps.Skip(k + 1))) continue;
                var credentials = Credentials(workflow, job, k).ToList();
                if (credentials.Count == 0) break; // later head checkouts in this job see the same (absent) credentials
                var names = credentials.Select(c => c.Name.Split(" (")[0]).Distinct().ToList();
                yield return new Finding
                {
                    RuleId = RuleId,
                    Severity = Severity.Error,
                    Message = $"This {trigger} workflow checks out the pull request's code in job '{job.Id}' while the job holds " +
                              $"{Join(names)}: code from any fork runs with {(names.Count == 1 ? "that credential" : "those credentials")} " +
                              $"and can publish with {(names.Count == 1 ? "it" : "them")} or steal {(names.Count == 1 ? "it" : "them")}. Check out the base commit, or move the steps that need the credential to a workflow that does not run pull request code.",
                    Location = checkout.Key is { } key ? locations.KeyLine(key, checkout.Value) : locations.Of(checkout.Value),
                    Related = credentials.Where(c => c.Node is not null).Take(5)
                        .Select(c => new RelatedLocation(locations.Of(c.Node!), c.Name + " is available here")).ToList(),
                    Fingerprint = Fingerprints.Of(RuleId, Paths.Relative(root, workflow.Path), job.Id, string.Join(",", names)),
                };
                break;
            }
        }
    }

    private static string Join(List<string> names) =>
        names.Count <= 3 ? string.Join(", ", names) : string.Join(", ", names.Take(3)) + $" and {names.Count - 3} more";

    /// <summary>pull_request_target, or workflow_run after a pull-request workflow; null for every other trigger.</summary>
    private static string? UntrustedTrigger(Workflow workflow, IReadOnlyList<Workflow> siblings)
    {
        if (workflow.Triggers.Contains("pull_request_target")) return "pull_request_target";
        if (!workflow.Triggers.Contains("workflow_run")) return null;
        // a job or step condition that asks for pull-request runs
        if (workflow.Jobs.Any(j => j.If is { } c && WorkflowRunFromPullRequest().IsMatch(c))) return "workflow_run";
        var upstream = ((workflow.On as YamlMapping)?.Mapping("workflow_run")?.Get("workflows")) switch
        {
            YamlScalar s => [s.Value],
            YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList(),
            _ => new List<string>(),
        };
        foreach (var name in upstream)
        {
            var source = siblings.FirstOrDefault(w => w.Name == name || (w.Name is null && Path.GetFileName(w.Path) == name));
            if (source is not null && source.Triggers.Any(t => t is "pull_request" or "pull_request_target")) return "workflow_run";
        }
        return null;
    }

    private sealed record Checkout(YamlScalar? Key, YamlNode Value);

    /// <summary>
    /// A step that puts the pull request's code in the workspace: actions/checkout of its head or merge ref, `gh pr
    /// checkout`, or a checkout, switch, pull or merge of refs/pull. A `git fetch` of the pull request only stores its
    /// objects in .git (a diff reads them as data); it counts when the same script or a later step then puts a fetched
    /// commit in the working tree (<c>git checkout FETCH_HEAD</c>, <c>git merge</c>, <c>git reset --hard</c>…).
    /// </summary>
    private static Checkout? HeadCheckout(WorkflowStep step, IEnumerable<WorkflowStep> later)
    {
        if (step.ActionName == "actions/checkout" && step.With is { } with)
        {
            if (with.Get("ref") is YamlScalar @ref && HeadRef().IsMatch(@ref.Value)) return new Checkout(with.KeyNode("ref"), @ref);
            if (with.Get("repository") is YamlScalar repo && HeadRepository().IsMatch(repo.Value)) return new Checkout(with.KeyNode("repository"), repo);
            return null;
        }
        if (step.Run is { } run && step.RunKey is { } runKey)
        {
            // `git fetch origin $REF` with `env: REF: ${{ github.event.pull_request.head.sha }}` counts too
            var headVariables = step.Env?.Entries.Where(e => e.Value is YamlScalar v && HeadRef().IsMatch(v.Value)).Select(e => e.Key.Value).ToList() ?? [];
            bool IsHead(string arg) => arg.Contains("pull/", StringComparison.Ordinal) || HeadRef().IsMatch(arg)
                                       || headVariables.Any(v => arg.Contains("$" + v, StringComparison.Ordinal) || arg.Contains("${" + v, StringComparison.Ordinal));
            var commands = RunScript.Parse(run.Value, step.Shell).ToList();
            for (var i = 0; i < commands.Count; i++)
            {
                var w = commands[i].Tool;
                if (w.Count >= 3 && w[0] == "gh" && w[1] == "pr" && w[2] == "checkout") return new Checkout(runKey, run);
                if (w.Count >= 2 && w[0] == "git" && w[1] is "checkout" or "pull" or "switch" or "merge" or "reset" or "rebase" && w.Skip(2).Any(IsHead))
                    return new Checkout(runKey, run);
                if (w.Count >= 2 && w[0] == "git" && w[1] == "fetch" && w.Skip(2).Any(IsHead)
                    && (commands.Skip(i + 1).Any(c => ChangesWorkingTree(c.Tool))
                        || later.Any(s => s.Run is { } r && RunScript.Parse(r.Value, s.Shell).Any(c => ChangesWorkingTree(c.Tool)))))
                    return new Checkout(runKey, run);
            }
        }
        return null;
    }

    /// <summary>A git command that writes commits into the working tree: checkout, switch, merge, pull, reset --hard, rebase, cherry-pick, worktree add.</summary>
    private static bool ChangesWorkingTree(IReadOnlyList<string> w) =>
        w.Count >= 2 && w[0] == "git" && (w[1] is "checkout" or "switch" or "merge" or "pull" or "rebase" or "cherry-pick" or "restore"
            || (w[1] == "reset" && w.Contains("--hard")) || (w[1] == "worktree" && w.Count >= 3 && w[2] == "add"));

    /// <summary>
    /// A head checkout into its own folder (<c>path: pr</c>) that no later step enters or names: the pull request's
    /// files are read as data by trusted steps, the pattern GitHub recommends. A step whose working-directory or
    /// script names the folder may run its code, so that still counts.
    /// </summary>
    private static bool IsSetAside(WorkflowStep checkout, IEnumerable<WorkflowStep> later)
    {
        var path = checkout.WithValue("path")?.Trim().TrimStart('.', '/').TrimEnd('/');
        if (checkout.ActionName != "actions/checkout" || string.IsNullOrEmpty(path) || path.Contains("${{", StringComparison.Ordinal)) return false;
        // the folder named as a path word (`pr`, `./pr/x`, `--dir=pr`), not as part of another word (`--tag preview`)
        var named = new Regex(@"(^|[\s/'""=.])" + Regex.Escape(path) + @"($|[\s/'""])", RegexOptions.CultureInvariant);
        return !later.Any(s => (s.WorkingDirectory is { } wd && named.IsMatch(wd))
                               || (s.Run is { } run && named.IsMatch(run.Value))
                               || (s.With?.Entries.Any(e => e.Value is YamlScalar v && named.IsMatch(v.Value)) ?? false));
    }

    private sealed record Credential(string Name, YamlNode? Node);

    /// <summary>What GITHUB_TOKEN can do in the job, from its permissions.</summary>
    private enum TokenPower
    {
        /// <summary>Declared permissions without a publishing scope: the token publishes nothing.</summary>
        ReadOnly,
        /// <summary>No permissions anywhere: the repository's default, read-write on repositories older than 2023.</summary>
        RepositoryDefault,
        /// <summary>contents: write, packages: write or write-all: releases, tags, pushes, GitHub Packages.</summary>
        Publishing,
    }

    private static IEnumerable<Credential> Credentials(Workflow workflow, WorkflowJob job, int checkoutIndex)
    {
        var permissions = job.Permissions ?? workflow.Permissions;
        if (GrantsIdToken(permissions)) yield return new Credential("id-token: write", permissions);
        var power = permissions is null ? TokenPower.RepositoryDefault : GrantsPublishingScope(permissions) ? TokenPower.Publishing : TokenPower.ReadOnly;
        foreach (var c in SecretsIn(workflow.Env, power)) yield return c;
        foreach (var c in SecretsIn(job.Env, power)) yield return c;
        // actions/checkout keeps its token in .git/config unless persist-credentials is false: the PR's code can read it.
        foreach (var checkout in job.Steps.Where(s => s.ActionName == "actions/checkout" && !IsFalse(s.WithValue("persist-credentials"))))
        {
            if (checkout.With?.Get("token") is YamlScalar token && SecretNames(token.Value, TokenPower.ReadOnly).ToList() is { Count: > 0 } named)
                foreach (var name in named) yield return new Credential(name + " (kept in .git/config by actions/checkout)", token);
            else if (power == TokenPower.Publishing)
                yield return new Credential("GITHUB_TOKEN (kept in .git/config by actions/checkout)", checkout.UsesKey);
        }
        for (var k = checkoutIndex; k < job.Steps.Count; k++)
        {
            var step = job.Steps[k];
            if (StepActivity.IsNeverRun(step.If)) continue;
            if (k > checkoutIndex)
            {
                foreach (var c in SecretsIn(step.Env, power)) yield return c;
                foreach (var c in SecretsIn(step.With, power)) yield return c;
            }
            if (step.Run is { } run && k > checkoutIndex)
                foreach (var name in SecretNames(run.Value, power)) yield return new Credential(name, run);
        }
    }

    private static IEnumerable<Credential> SecretsIn(YamlMapping? map, TokenPower power)
    {
        if (map is null) yield break;
        foreach (var (_, value) in map.Entries)
            if (value is YamlScalar s)
                foreach (var name in SecretNames(s.Value, power)) yield return new Credential(name, s);
    }

    /// <summary>
    /// The secrets an expression reads. GITHUB_TOKEN (<c>secrets.GITHUB_TOKEN</c>, <c>github.token</c>) counts unless the
    /// declared permissions leave it without a publishing scope.
    /// </summary>
    private static IEnumerable<string> SecretNames(string text, TokenPower power)
    {
        if (!text.Contains("secrets", StringComparison.Ordinal) && !text.Contains("github.token", StringComparison.Ordinal)) yield break;
        foreach (Match m in SecretReference().Matches(text))
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : "GITHUB_TOKEN";
            if (name.Equals("GITHUB_TOKEN", StringComparison.OrdinalIgnoreCase))
            {
                if (power == TokenPower.ReadOnly) continue;
                yield return power == TokenPower.RepositoryDefault ? "GITHUB_TOKEN (with the repository's default permissions)" : "GITHUB_TOKEN";
                continue;
            }
            yield return name;
        }
    }

    private static bool GrantsIdToken(YamlNode? permissions) => permissions switch
    {
        YamlScalar s => s.Value.Trim() == "write-all",
        YamlMapping m => m.Scalar("id-token")?.Trim() == "write",
        _ => false,
    };

    /// <summary>A scope that publishes: contents (releases, tags, pushes), packages (GitHub Packages), or write-all.</summary>
    private static bool GrantsPublishingScope(YamlNode permissions) => permissions switch
    {
        YamlScalar s => s.Value.Trim() == "write-all",
        YamlMapping m => m.Entries.Any(e => e.Key.Value is "contents" or "packages" && (e.Value as YamlScalar)?.Value.Trim() == "write"),
        _ => false,
    };

    private static bool IsFalse(string? value) => value?.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Conditions that keep fork pull requests out: the head repository is this repository, or the author is Dependabot.</summary>
    private static bool SameRepositoryOnly(string? condition) => condition is not null && SameRepository().IsMatch(condition);

    [GeneratedRegex(@"pull_request\.head\.(sha|ref)|github\.head_ref|refs/pull/|pull_request\.merge_commit_sha|workflow_run\.head_(sha|branch|commit)|\bpull/\$\{\{", RegexOptions.CultureInvariant)]
    private static partial Regex HeadRef();

    [GeneratedRegex(@"pull_request\.head\.repo|workflow_run\.head_repository", RegexOptions.CultureInvariant)]
    private static partial Regex HeadRepository();

    [GeneratedRegex(@"workflow_run\.event\s*==\s*['""]pull_request|workflow_run\.pull_requests", RegexOptions.CultureInvariant)]
    private static partial Regex WorkflowRunFromPullRequest();

    [GeneratedRegex(@"secrets\.([A-Za-z_][A-Za-z0-9_]*)|secrets\[\s*['""]([A-Za-z_][A-Za-z0-9_]*)['""]\s*\]|github\.token", RegexOptions.CultureInvariant)]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"(head\.repo|head_repository)\.(full_name|id)\s*==\s*github\.(repository|repository_id)\b|github\.(repository|repository_id)\s*==\s*[\w.]*(head\.repo|head_repository)\.(full_name|id)|head\.repo\.fork\s*==\s*false|!\s*github\.event\.pull_request\.head\.repo\.fork|pull_request\.user\.login\s*==\s*'dependabot\[bot\]'",
        RegexOptions.CultureInvariant)]
    private static partial Regex SameRepository();
}
