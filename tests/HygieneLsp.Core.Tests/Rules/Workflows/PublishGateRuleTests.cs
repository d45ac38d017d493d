using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Rules.Workflows;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Tests.Rules.Workflows;

/// <summary>
/// workflow/publish-without-gate: which commands and actions publish, which steps count as a check of what ships, where
/// the finding sits, and what the reader tolerates (malformed YAML, odd shells, matrix jobs, reusable workflows).
/// </summary>
public sealed class PublishGateRuleTests
{
    private const string Head = "name: Release\non:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";

    /// <summary>A step running <paramref name="script"/> as a literal block (so any shell text is valid YAML).</summary>
    private static string Run(string script, string? name = null, string? extra = null) =>
        (name is null ? "      - run: |\n" : $"      - name: {name}\n        run: |\n")
        + string.Concat(script.Split('\n').Select(l => "          " + l + "\n"))
        + (extra ?? "");

    private static List<Finding> Analyze(string yaml, Action<WorkflowWorkspace>? setup = null)
    {
        using var ws = new WorkflowWorkspace();
        ws.Workflow(yaml);
        setup?.Invoke(ws);
        return ws.Analyze(PublishGateRule.RuleId);
    }

    [Theory]
    [InlineData("npm publish --access public", "npm publish")]
    [InlineData("npm publish --provenance --tag next ./pkg.tgz", "npm publish")]
    [InlineData("pnpm publish --no-git-checks", "pnpm publish")]
    [InlineData("pnpm -r publish --access public", "pnpm publish")]
    [InlineData("pnpm --filter ./packages/core publish", "pnpm publish")]
    [InlineData("yarn publish --non-interactive", "yarn publish")]
    [InlineData("yarn npm publish --access public", "yarn npm publish")]
    [InlineData("yarn workspaces foreach -A npm publish --tolerate-republish", "yarn npm publish")]
    [InlineData("bun publish", "bun publish")]
    [InlineData("npm stage publish site.tgz", "npm stage publish")]
    [InlineData("npx changeset publish", "changeset publish")]
    [InlineData("pnpm lerna publish from-package --yes", "lerna publish")]
    [InlineData("npx @vscode/vsce publish -p $VSCE_PAT", "vsce publish")]
    [InlineData("npx -y @vscode/vsce@3 publish --packagePath ext.vsix", "vsce publish")]
    [InlineData("vsce publish --pre-release", "vsce publish")]
    [InlineData("yarn vsce publish --yarn", "vsce publish")]
    [InlineData("pnpm dlx ovsx publish", "ovsx publish")]
    [InlineData("npx ovsx publish -p $OVSX_PAT", "ovsx publish")]
    [InlineData("ls out/*.vsix | xargs -n 1 npx ovsx publish --packagePath", "ovsx publish")]
    [InlineData("dotnet nuget push \"out/*.nupkg\" --api-key $KEY --source https://api.nuget.org/v3/index.json", "dotnet nuget push")]
    [InlineData("nuget push out/*.nupkg -ApiKey $KEY", "nuget push")]
    [InlineData("docker push ghcr.io/acme/app:latest", "docker push")]
    [InlineData("docker image push acme/app", "docker image push")]
    [InlineData("docker buildx build --platform linux/amd64 -t acme/app --push .", "docker buildx build --push")]
    [InlineData("docker build -t acme/app --output type=registry .", "docker build --push")]
    [InlineData("docker buildx bake --push", "docker buildx bake --push")]
    [InlineData("if [ \"$CHANNEL\" = next ]; then npm publish --tag next; fi", "npm publish")]
    [InlineData("sudo -E NODE_AUTH_TOKEN=$T npm publish", "npm publish")]
    public void EachPublishCommandIsFound(string command, string named)
    {
        var finding = Assert.Single(Analyze(Head + Run(command)));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith(named + " publishes to ", finding.Message);
        Assert.Equal(GateStepFix.Title, Assert.Single(finding.Fixes).Title);
    }

    [Theory]
    [InlineData("npm publish --dry-run")]
    [InlineData("pnpm publish -r --dry-run --no-git-checks")]
    [InlineData("npm pack")]
    [InlineData("vsce package")]
    [InlineData("npx @vscode/vsce ls")]
    [InlineData("docker build -t acme/app .")]
    [InlineData("docker buildx build --load -t acme/app .")]
    [InlineData("dotnet pack -c Release")]
    [InlineData("echo npm publish would run here")]
    [InlineData("npm run publish-docs")] // a script the workspace does not have: nothing known to publish
    [InlineData("git push origin --tags")]
    public void DryRunsAndLookalikesAreNotPublishes(string command) => Assert.Empty(Analyze(Head + Run(command)));

    [Fact]
    public void PublishingActionsAreFoundWithTheirInputs()
    {
        var yaml = Head +
                   "      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/app:1\n" +
                   "      - uses: docker/build-push-action@v6\n        with:\n          push: ${{ github.event_name != 'pull_request' }}\n" +
                   "      - uses: docker/build-push-action@v6\n        with:\n          push: false\n          load: true\n" +
                   "      - uses: JS-DevTools/npm-publish@v3\n        with:\n          token: ${{ secrets.NPM_TOKEN }}\n" +
                   "      - uses: JS-DevTools/npm-publish@v3\n        with:\n          dry-run: true\n" +
                   "      - uses: HaaLeo/publish-vscode-extension@v2\n        with:\n          pat: ${{ secrets.VSCE_PAT }}\n          registryUrl: https://marketplace.visualstudio.com\n" +
                   "      - uses: HaaLeo/publish-vscode-extension@v2\n        with:\n          pat: stub\n          dryRun: true\n" +
                   "      - uses: changesets/action@v1\n        with:\n          publish: npx changeset publish\n" +
                   "      - uses: changesets/action@v1\n        with:\n          version: npx changeset version\n";
        var findings = Analyze(yaml);
        Assert.Equal(
            ["docker/build-push-action (push: true)", "docker/build-push-action (push: ${{ github.event_name != 'pull_request' }})",
             "JS-DevTools/npm-publish", "HaaLeo/publish-vscode-extension", "changeset publish"],
            findings.Select(f => f.Message[..f.Message.IndexOf(" publishes to ", StringComparison.Ordinal)]));
        Assert.Contains("the VS Code Marketplace", findings[3].Message);
    }

    /// <summary>A real release workflow kept changesets/action for versioning only, with a publish input that just echoes.</summary>
    [Fact]
    public void ChangesetsPublishInputThatOnlyEchoesIsNoPublish()
    {
        var yaml = Head + "      - uses: changesets/action@v1\n        with:\n          version: npm run version\n          publish: echo \"nothing is published from this branch\"\n";
        Assert.Empty(Analyze(yaml));
    }

    [Theory]
    [InlineData("dotnet tool install --global HygieneLsp && hygiene-lsp check .")]
    [InlineData("dotnet hygiene-lsp.dll check . --format sarif > hygiene.sarif")]
    [InlineData("npx publint --strict")]
    [InlineData("pnpm exec maplint dist")]
    [InlineData("npx @arethetypeswrong/cli --pack .")]
    [InlineData("npm pack --dry-run 2>&1 | grep -v '\\.map$'")]
    [InlineData("npm publish --dry-run --json > would-ship.json")]
    [InlineData("FILES=$(npm pack --dry-run --json)")]
    [InlineData("tar -tzf acme-1.0.0.tgz | grep -q '\\.map$' && exit 1 || true")]
    [InlineData("unzip -l ext.vsix | grep secrets")]
    [InlineData("npx @vscode/vsce ls --tree")]
    [InlineData("test -z \"$(find dist -name '*.map')\"")]
    [InlineData("rm -f dist/**/*.js.map")]
    [InlineData("npx turbo run publint")]
    [InlineData("gitleaks detect --no-git -s dist")]
    public void EachCheckBeforeThePublishIsAGate(string check)
    {
        Assert.Empty(Analyze(Head + Run(check) + Run("npm publish")));
        // the same check after the publish does not help
        Assert.Single(Analyze(Head + Run("npm publish") + Run(check)));
    }

    [Fact]
    public void AGateEarlierInTheSameScriptCounts()
    {
        Assert.Empty(Analyze(Head + Run("npx publint\nnpm publish")));
        Assert.Single(Analyze(Head + Run("npm publish\nnpx publint")));
    }

    [Fact]
    public void APackDryRunNobodyReadsIsNoGate()
    {
        var finding = Assert.Single(Analyze(Head + Run("npm pack --dry-run") + Run("npm publish")));
        Assert.StartsWith("npm publish", finding.Message);
    }

    [Fact]
    public void CheckActionsAndStepsNamedForContentsAreGates()
    {
        Assert.Empty(Analyze(Head + "      - uses: gitleaks/gitleaks-action@v2\n" + Run("npm publish")));
        Assert.Empty(Analyze(Head + Run("./scripts/inspect.sh", name: "Check the tarball contents") + Run("npm publish")));
    }

    /// <summary>Seen in a real release job: a step named "Validate package" that compares name and version is no content check.</summary>
    [Fact]
    public void AStepNamedValidateThatChecksOnlyTheVersionIsNoGate()
    {
        var check = Run("test \"$(jq -r .version package.json)\" = \"${GITHUB_REF_NAME#v}\"", name: "Validate package");
        Assert.Single(Analyze(Head + check + Run("npm publish")));
        var versionCheck = "      - name: Check Package Version\n        uses: actions/github-script@v7\n        with:\n          script: return 1\n";
        Assert.Single(Analyze(Head + versionCheck + Run("npm publish")));
    }

    [Fact]
    public void PackageScriptsAreFollowedForPublishesAndChecks()
    {
        // `npm run release` publishes through the script; a `check:package` script or a publint inside the script is a gate
        Assert.Single(Analyze(Head + Run("npm run release"), ws => ws.Write("package.json", "{\"scripts\": {\"release\": \"npm run build && changeset publish\"}}")));
        Assert.Empty(Analyze(Head + Run("npm run release"), ws => ws.Write("package.json", "{\"scripts\": {\"release\": \"publint && changeset publish\"}}")));
        Assert.Empty(Analyze(Head + Run("pnpm check:package") + Run("npm publish"), ws => ws.Write("package.json", "{\"scripts\": {\"check:package\": \"node scripts/x.js\"}}")));
        // a monorepo release script running each package's publint task through turbo
        Assert.Empty(Analyze(Head + "      - uses: changesets/action@v1\n        with:\n          publish: pnpm run release\n",
            ws => ws.Write("package.json", "{\"scripts\": {\"release\": \"turbo prepack && turbo publint && changeset publish\"}}")));
    }

    [Fact]
    public void WorkingDirectoryAndCdChooseThePackageWhoseScriptsAreRead()
    {
        void Setup(WorkflowWorkspace ws)
        {
            ws.Write("package.json", "{\"scripts\": {\"ship\": \"echo root\"}}");
            ws.Write("cli/package.json", "{\"scripts\": {\"ship\": \"pnpm build && npm publish\"}}");
        }
        Assert.Single(Analyze(Head + Run("pnpm ship", extra: "        working-directory: cli\n"), Setup));
        Assert.Single(Analyze(Head + Run("cd cli && pnpm ship"), Setup));
        Assert.Empty(Analyze(Head + Run("pnpm ship"), Setup));
    }

    [Fact]
    public void LifecycleScriptsThatCheckCountForThePublishesThatRunThem()
    {
        Assert.Empty(Analyze(Head + Run("npm publish"), ws => ws.Write("package.json", "{\"scripts\": {\"prepublishOnly\": \"npm run build && publint\"}}")));
        Assert.Empty(Analyze(Head + Run("npx @vscode/vsce publish"), ws => ws.Write("package.json", "{\"scripts\": {\"vscode:prepublish\": \"node build.js && vsce ls | grep -v map\"}}")));
        // npm's hook does not run for a NuGet push
        Assert.Single(Analyze(Head + Run("dotnet nuget push out/*.nupkg"), ws => ws.Write("package.json", "{\"scripts\": {\"prepublishOnly\": \"publint\"}}")));
    }

    [Fact]
    public void ScriptFilesAreReadForPublishesAndChecks()
    {
        Assert.Single(Analyze(Head + Run("./scripts/push.sh"), ws => ws.Write("scripts/push.sh", "#!/bin/sh\nset -e\nfor p in out/*.nupkg; do dotnet nuget push \"$p\"; done\n")));
        Assert.Empty(Analyze(Head + Run("bash scripts/verify.sh") + Run("npm publish"), ws => ws.Write("scripts/verify.sh", "npm pack --dry-run | grep -c js\n")));
        // a build script that writes maps is not a check of them
        Assert.Single(Analyze(Head + Run("node build.mjs") + Run("npm publish"), ws => ws.Write("build.mjs", "await esbuild.build({ sourcemap: true, outfile: 'dist/a.js' }); // writes dist/a.js.map\n")));
    }

    [Fact]
    public void ACheckInANeededJobCounts()
    {
        const string yaml = "on: push\njobs:\n  verify:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx publint\n" +
                            "  ship:\n    needs: verify\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n" +
                            "  other:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n";
        var finding = Assert.Single(Analyze(yaml));
        Assert.Contains("job 'other'", finding.Message);
    }

    [Fact]
    public void ReusableWorkflowsAreNeitherFollowedNorFlagged()
    {
        const string yaml = "on: push\njobs:\n  build:\n    uses: acme/workflows/.github/workflows/build.yml@v1\n" +
                            "  call-local:\n    uses: ./.github/workflows/publish-reusable.yml\n    secrets: inherit\n" +
                            "  ship:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n";
        using var ws = new WorkflowWorkspace();
        ws.Workflow(yaml);
        // the called workflow is a file of its own and is judged as one
        ws.Workflow("on: workflow_call\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n", "publish-reusable.yml");
        var finding = Assert.Single(ws.Analyze(PublishGateRule.RuleId));
        Assert.EndsWith("publish-reusable.yml", finding.Location.Path);
    }

    [Fact]
    public void ALocalCompositeActionIsReadForChecksAndPublishes()
    {
        static void Action(WorkflowWorkspace ws, string run) =>
            ws.Write(".github/actions/release/action.yml", "name: release\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: " + run + "\n");
        Assert.Single(Analyze(Head + "      - uses: ./.github/actions/release\n", ws => Action(ws, "npm publish")));
        Assert.Empty(Analyze(Head + "      - uses: ./.github/actions/release\n" + Run("npm publish"), ws => Action(ws, "npx publint")));
    }

    [Fact]
    public void StepsAndJobsThatNeverRunAreSkipped()
    {
        Assert.Empty(Analyze(Head + Run("npm publish", extra: "        if: false\n")));
        Assert.Empty(Analyze("on: push\njobs:\n  old:\n    if: ${{ false }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n"));
        // any other condition may be true
        Assert.Single(Analyze(Head + Run("npm publish", extra: "        if: github.ref == 'refs/heads/main'\n")));
    }

    [Fact]
    public void AMatrixJobGetsOneFindingPerStep()
    {
        const string yaml = "on: push\njobs:\n  ship:\n    strategy:\n      matrix:\n        pkg: [core, cli, web]\n    runs-on: ubuntu-latest\n" +
                            "    steps:\n      - run: npm publish\n        working-directory: packages/${{ matrix.pkg }}\n";
        Assert.Single(Analyze(yaml));
    }

    [Fact]
    public void ShellVariationsAreRead()
    {
        Assert.Single(Analyze(Head + Run("npm publish `\n  --access public", extra: "        shell: pwsh\n")));
        Assert.Single(Analyze(Head + Run("npm publish \\\n  --access public \\\n  --provenance", extra: "        shell: bash -eo pipefail {0}\n")));
        // a Python step is not parsed for commands: no finding rather than a guess
        Assert.Empty(Analyze(Head + Run("import subprocess\nsubprocess.run(['npm', 'publish'])", extra: "        shell: python\n")));
        // a heredoc body is data, not commands
        Assert.Empty(Analyze(Head + Run("cat > notes.md <<EOF\nrun npm publish later\nEOF")));
    }

    [Fact]
    public void TheFindingSitsOnTheRunOrUsesLine()
    {
        using var ws = new WorkflowWorkspace();
        ws.Workflow(Head + "      - name: Publish\n        run: npm publish --access public # to npm\n" +
                    "      - name: Image\n        uses: docker/build-push-action@v6\n        with:\n          push: true\n" +
                    Run("npm ci\nnpm publish", name: "Block"));
        var findings = ws.Analyze(PublishGateRule.RuleId);
        Assert.Equal(3, findings.Count);
        Assert.Equal("run: npm publish --access public", WorkflowWorkspace.TextAt(findings[0]));
        Assert.Equal(new TextPosition(10, 8), findings[0].Location.Range.Start);
        Assert.Equal("uses: docker/build-push-action@v6", WorkflowWorkspace.TextAt(findings[1]));
        Assert.Equal("run: |", WorkflowWorkspace.TextAt(findings[2]));
    }

    [Fact]
    public void NestedRepositoriesWorkflowsAreRead()
    {
        using var ws = new WorkflowWorkspace();
        ws.Write("packages/tool/.github/workflows/ship.yaml", Head + Run("npm publish"));
        ws.Write("docs/.github/workflows/sub/ignored.yml", Head + Run("npm publish")); // GitHub reads no subfolders
        var finding = Assert.Single(ws.Analyze(PublishGateRule.RuleId));
        Assert.EndsWith("packages/tool/.github/workflows/ship.yaml", finding.Location.Path);
    }

    [Theory]
    [InlineData("on: push\njobs:\n  a:\n    steps:\n      - run: npm publish\n     bad: [\n")]
    [InlineData("jobs: [unclosed\n")]
    [InlineData("\"just a string\"\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("on: push\njobs:\n  a:\n    steps: *missing\n")]
    [InlineData("")]
    [InlineData("\t\u0000\u0001garbage: : :\n")]
    public void MalformedYamlGivesNoFindingAndNoException(string yaml) => Assert.Empty(Analyze(yaml));

    [Fact]
    public void HugeAndDeepFilesAreSkipped()
    {
        Assert.Empty(Analyze(Head + Run("npm publish") + "# " + new string('x', 600 * 1024) + "\n"));
        Assert.Empty(Analyze("on: push\njobs:\n  a: " + string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n"));
        Assert.Empty(Analyze("x: " + new string('[', 100_000) + "\n"));
    }

    [Fact]
    public void AnchorsAndAliasesAreFollowedWithoutCopying()
    {
        const string yaml = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - &pub\n        run: npm publish\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - *pub\n";
        Assert.Equal(2, Analyze(yaml).Count);
    }
}
