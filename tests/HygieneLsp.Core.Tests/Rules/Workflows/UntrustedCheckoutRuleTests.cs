using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Workflows;

namespace HygieneLsp.Core.Tests.Rules.Workflows;

/// <summary>
/// workflow/untrusted-checkout-with-secrets: pull request code checked out where publishing credentials are. Decided:
/// a head checkout with no credential in the job is not reported (nothing this tool guards is exposed; labelers and
/// size reports do it routinely), and a read-only GITHUB_TOKEN is no credential.
/// </summary>
public sealed class UntrustedCheckoutRuleTests
{
    private const string Target = "on:\n  pull_request_target:\n    types: [opened, synchronize]\n";

    private static string Job(string steps, string? jobExtra = null) =>
        "jobs:\n  preview:\n    runs-on: ubuntu-latest\n" + (jobExtra ?? "") + "    steps:\n" + steps;

    private static string Checkout(string @ref) => "      - uses: actions/checkout@v4\n        with:\n          ref: " + @ref + "\n";

    private const string PublishWithToken = "      - run: npm ci && npm publish --tag pr\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n";

    private static List<Finding> Analyze(string yaml, Action<WorkflowWorkspace>? setup = null)
    {
        using var ws = new WorkflowWorkspace();
        ws.Workflow(yaml, "preview.yml");
        setup?.Invoke(ws);
        return ws.Analyze(UntrustedCheckoutRule.RuleId);
    }

    [Theory]
    [InlineData("${{ github.event.pull_request.head.sha }}")]
    [InlineData("${{ github.event.pull_request.head.ref }}")]
    [InlineData("${{ github.head_ref }}")]
    [InlineData("refs/pull/${{ github.event.number }}/merge")]
    [InlineData("${{ github.event.pull_request.merge_commit_sha }}")]
    public void AHeadCheckoutBeforeASecretIsAnErrorOnTheRefLine(string @ref)
    {
        using var ws = new WorkflowWorkspace();
        ws.Workflow(Target + Job(Checkout(@ref) + PublishWithToken), "preview.yml");
        var finding = Assert.Single(ws.Analyze(UntrustedCheckoutRule.RuleId));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("ref: " + @ref, WorkflowWorkspace.TextAt(finding));
        Assert.Contains("pull_request_target", finding.Message);
        Assert.Contains("NPM_TOKEN", finding.Message);
        Assert.Contains(finding.Related, r => r.Message.StartsWith("NPM_TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherWaysOfFetchingThePullRequestCount()
    {
        Assert.Single(Analyze(Target + Job("      - uses: actions/checkout@v4\n        with:\n          repository: ${{ github.event.pull_request.head.repo.full_name }}\n" + PublishWithToken)));
        Assert.Single(Analyze(Target + Job("      - uses: actions/checkout@v4\n      - run: gh pr checkout ${{ github.event.pull_request.number }}\n        env:\n          GH_TOKEN: ${{ github.token }}\n" + PublishWithToken)));
        // the sha travels through env into `git fetch`, as in a real CI workflow that ran tests on forks with a write token
        Assert.Single(Analyze(Target + Job("      - uses: actions/checkout@v4\n      - run: |\n          git fetch origin $REF\n          git checkout $REF\n        env:\n          REF: ${{ github.event.pull_request.head.sha || github.sha }}\n" +
                                           "      - run: npm test\n      - uses: coverallsapp/github-action@v2\n        with:\n          github-token: ${{ secrets.GITHUB_TOKEN }}\n")));
    }

    // A code-owners check: it fetches the pull request's commits to diff them and never puts them in the working tree.
    [Fact]
    public void Fetching_the_pull_request_for_a_diff_is_no_checkout_until_a_step_checks_it_out()
    {
        const string Fetch = "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n" +
                             "      - run: git fetch origin +refs/pull/${{ github.event.pull_request.number }}/head\n        env:\n          GITHUB_TOKEN: ${{ secrets.OWNERS_PAT }}\n";
        const string Check = "      - uses: acme/owners-check@v1\n        with:\n          github-token: ${{ secrets.OWNERS_PAT }}\n";
        Assert.Empty(Analyze(Target + Job(Fetch + "      - run: git diff --name-only origin/main...FETCH_HEAD\n" + Check)));
        Assert.Single(Analyze(Target + Job(Fetch + "      - run: git checkout FETCH_HEAD && npm ci\n" + Check)));
        Assert.Single(Analyze(Target + Job("      - uses: actions/checkout@v4\n      - run: git fetch origin pull/${{ github.event.number }}/head:pr && git switch pr\n" + PublishWithToken)));
    }

    [Fact]
    public void EachKindOfCredentialCounts()
    {
        var head = Checkout("${{ github.event.pull_request.head.sha }}");
        Assert.Contains("id-token: write", Assert.Single(Analyze(Target + Job(head + "      - run: npm test\n", "    permissions:\n      id-token: write\n      contents: read\n"))).Message);
        Assert.Single(Analyze(Target + "env:\n  VSCE_PAT: ${{ secrets.VSCE_PAT }}\n" + Job(head + "      - run: npm test\n")));
        Assert.Single(Analyze(Target + Job(head + "      - run: npm test\n", "    env:\n      NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}\n")));
        Assert.Single(Analyze(Target + Job(head + "      - uses: some/deploy-action@v1\n        with:\n          api-key: ${{ secrets['DEPLOY_KEY'] }}\n")));
        // a personal token given to the checkout stays in .git/config, where the pull request's scripts can read it
        Assert.Single(Analyze(Target + Job("      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          token: ${{ secrets.BOT_PAT }}\n      - run: npm test\n")));
    }

    [Fact]
    public void GithubTokenCountsByItsPermissions()
    {
        var steps = Checkout("${{ github.event.pull_request.head.sha }}") + "      - run: npm test\n        env:\n          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n";
        Assert.Empty(Analyze(Target + "permissions:\n  contents: read\n  pull-requests: write\n" + Job(steps)));
        Assert.Single(Analyze(Target + "permissions:\n  contents: write\n" + Job(steps)));
        Assert.Single(Analyze(Target + Job(steps, "    permissions: write-all\n")));
        // no permissions block: the repository's default applies, which is read-write on older repositories
        Assert.Contains("repository's default", Assert.Single(Analyze(Target + Job(steps))).Related[0].Message);
        // the default checkout token kept in .git/config counts once the job may write contents
        Assert.Single(Analyze(Target + "permissions:\n  contents: write\n" + Job(Checkout("${{ github.event.pull_request.head.sha }}") + "      - run: npm test\n")));
    }

    [Fact]
    public void PullRequestTargetWithoutAHeadCheckoutIsFine()
    {
        Assert.Empty(Analyze(Target + Job("      - uses: actions/checkout@v4\n" + PublishWithToken)));
        Assert.Empty(Analyze(Target + Job(Checkout("${{ github.event.pull_request.base.sha }}") + PublishWithToken)));
        Assert.Empty(Analyze(Target + Job("      - uses: actions/labeler@v5\n        with:\n          repo-token: ${{ secrets.GITHUB_TOKEN }}\n")));
    }

    [Fact]
    public void AHeadCheckoutWithoutCredentialsIsNotReported()
    {
        Assert.Empty(Analyze(Target + "permissions:\n  contents: read\n" + Job(Checkout("${{ github.event.pull_request.head.sha }}") + "      - run: npm ci && npm run size\n")));
    }

    [Fact]
    public void SecretsUsedOnlyBeforeTheCheckoutAreOutOfReach()
    {
        var steps = "      - run: ./notify.sh\n        env:\n          SLACK_TOKEN: ${{ secrets.SLACK_TOKEN }}\n" + Checkout("${{ github.event.pull_request.head.sha }}") + "      - run: npm test\n";
        Assert.Empty(Analyze(Target + "permissions:\n  contents: read\n" + Job(steps)));
    }

    [Fact]
    public void OtherTriggersAreNotThisRule()
    {
        Assert.Empty(Analyze("on: pull_request\n" + Job(Checkout("${{ github.event.pull_request.head.sha }}") + PublishWithToken)));
        Assert.Empty(Analyze("on: push\n" + Job(Checkout("${{ github.head_ref }}") + PublishWithToken)));
    }

    [Fact]
    public void ConditionsThatKeepForksOutAreHonoured()
    {
        var steps = Checkout("${{ github.event.pull_request.head.sha }}") + PublishWithToken;
        Assert.Empty(Analyze(Target + Job(steps, "    if: github.event.pull_request.head.repo.full_name == github.repository\n")));
        Assert.Empty(Analyze(Target + Job(steps, "    if: ${{ github.event.pull_request.user.login == 'dependabot[bot]' }}\n")));
        // `!=` lets only forks in: still reported
        Assert.Single(Analyze(Target + Job(steps, "    if: github.event.pull_request.head.repo.full_name != github.repository\n")));
        // a label gate is an approval by a maintainer, not a fork check: still reported
        Assert.Single(Analyze(Target + Job(steps, "    if: contains(github.event.pull_request.labels.*.name, 'safe to test')\n")));
    }

    [Fact]
    public void WorkflowRunCountsWhenItFollowsAPullRequestWorkflow()
    {
        var job = Job(Checkout("${{ github.event.workflow_run.head_sha }}") + PublishWithToken);
        const string after = "on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n";
        // the upstream workflow runs on pull requests
        Assert.Single(Analyze(after + job, ws => ws.Workflow("name: CI\non: [push, pull_request]\njobs: {}\n", "ci.yml")));
        // the upstream workflow runs on pushes only: the head is a pushed commit
        Assert.Empty(Analyze(after + job, ws => ws.Workflow("name: CI\non: push\njobs: {}\n", "ci.yml")));
        // a job condition asking for pull request runs says so too
        Assert.Single(Analyze("on:\n  workflow_run:\n    workflows: [Elsewhere]\n" +
                              Job(Checkout("${{ github.event.workflow_run.head_sha }}") + PublishWithToken, "    if: github.event.workflow_run.event == 'pull_request'\n")));
    }

    [Fact]
    public void ACheckoutSetAsideInItsOwnFolderIsDataUnlessAStepUsesIt()
    {
        var aside = "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          path: pr-files\n          persist-credentials: false\n";
        Assert.Empty(Analyze(Target + Job("      - uses: actions/checkout@v4\n" + aside + PublishWithToken)));
        Assert.Single(Analyze(Target + Job(aside + "      - run: npm ci\n        working-directory: pr-files\n" + PublishWithToken)));
    }

    [Fact]
    public void OneFindingPerJob()
    {
        var steps = Checkout("${{ github.event.pull_request.head.sha }}") + "      - run: gh pr checkout 1\n" + PublishWithToken;
        Assert.Single(Analyze(Target + Job(steps)));
    }
}
