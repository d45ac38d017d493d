using HygieneLsp.Core.Rules.Workflows;
using HygieneLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace HygieneLsp.Core.Tests.Rules.Workflows;

/// <summary>
/// The "Check what ships" fix: applied to the text it must give YAML that parses again (YamlDotNet's object model, not
/// our reader), with the new step directly before the publishing step at the same indentation, every original byte
/// kept (it is a pure insertion), and no finding left.
/// </summary>
public sealed class GateStepFixTests
{
    /// <summary>Applies the only finding's fix on disk and returns the text before and after.</summary>
    private static (string Before, string After, string FlaggedText) ApplyFix(WorkflowWorkspace ws, string yaml)
    {
        var path = ws.Workflow(yaml);
        var finding = Assert.Single(ws.Analyze(PublishGateRule.RuleId));
        var flagged = WorkflowWorkspace.TextAt(finding);
        var fix = Assert.Single(finding.Fixes);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal(path, edit.Path);
        var insert = Assert.Single(edit.Edits);
        Assert.Equal(insert.Range.Start, insert.Range.End);
        var after = TextEdits.Apply(yaml, edit.Edits);
        // nothing of the original changed: the edit only inserts
        var at = new LineIndex(yaml).GetOffset(insert.Range.Start);
        Assert.Equal(yaml, after.Remove(at, insert.NewText.Length));
        File.WriteAllText(path, after);
        Assert.Empty(ws.Analyze(PublishGateRule.RuleId));
        return (yaml, after, flagged);
    }

    /// <summary>The steps of <paramref name="job"/> as YamlDotNet reads them.</summary>
    private static YamlSequenceNode Steps(string yaml, string job)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var jobs = (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
        return (YamlSequenceNode)((YamlMappingNode)jobs.Children[new YamlScalarNode(job)]).Children[new YamlScalarNode("steps")];
    }

    private static string? Scalar(YamlNode step, string key) =>
        ((YamlMappingNode)step).Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

    /// <summary>Asserts the gate step sits right before the step that runs <paramref name="publishRun"/>, with the same dash column.</summary>
    private static void AssertGateBefore(string after, string job, string publishRun)
    {
        var steps = Steps(after, job);
        var publish = steps.Children.Select((s, i) => (s, i)).Single(p => Scalar(p.s, "run") == publishRun || Scalar(p.s, "uses") == publishRun).i;
        Assert.True(publish > 0);
        var gate = steps.Children[publish - 1];
        Assert.Equal(GateStepFix.StepName, Scalar(gate, "name"));
        Assert.Equal(GateStepFix.Command, Scalar(gate, "run"));
        Assert.Equal(steps.Children[publish].Start.Column, gate.Start.Column);
    }

    [Fact]
    public void TheGateGoesDirectlyBeforeThePublishAtItsIndentation()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "name: Release\non:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n" +
                            "      - uses: actions/checkout@v4\n      - run: npm ci\n      - name: Publish\n        run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        AssertGateBefore(after, "release", "npm publish");
        Assert.Contains("      - run: npm ci\n      - name: Check what ships\n        run: " + GateStepFix.Command + "\n      - name: Publish\n", after);
    }

    [Fact]
    public void WideIndentationAndBlankLinesBetweenStepsAreKept()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "on: push\njobs:\n    ship:\n        runs-on: ubuntu-latest\n        steps:\n            -   uses: actions/checkout@v4\n\n" +
                            "            -   run: pnpm install\n\n            -   run: pnpm publish --no-git-checks\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        AssertGateBefore(after, "ship", "pnpm publish --no-git-checks");
        Assert.Contains("            -   run: pnpm install\n\n            -   name: Check what ships\n                run: " + GateStepFix.Command +
                        "\n\n            -   run: pnpm publish --no-git-checks\n", after);
    }

    [Fact]
    public void CommentsAboveThePublishStayWithIt()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci # install\n" +
                            "      # Publishing needs the token below.\n      # It is rotated every 90 days.\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: x\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        AssertGateBefore(after, "ship", "npm publish");
        Assert.Contains("      - run: npm ci # install\n      - name: Check what ships\n        run: " + GateStepFix.Command +
                        "\n      # Publishing needs the token below.\n      # It is rotated every 90 days.\n      - run: npm publish\n", after);
    }

    [Fact]
    public void ABlockScalarPublishAndADockerActionGetTheirGate()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" +
                            "      - uses: docker/build-push-action@v6\n        with:\n          push: true\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        AssertGateBefore(after, "image", "docker/build-push-action@v6");

        using var ws2 = new WorkflowWorkspace();
        const string block = "on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Publish\n        run: |\n          npm ci\n          npm publish\n";
        var (_, after2, flagged) = ApplyFix(ws2, block);
        Assert.Equal("run: |", flagged);
        AssertGateBefore(after2, "ship", "npm ci\nnpm publish\n");
    }

    [Fact]
    public void TheStepsWorkingDirectoryIsCopied()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n        working-directory: './packages/cli'\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        var steps = Steps(after, "ship");
        Assert.Equal("./packages/cli", Scalar(steps.Children[0], "working-directory"));
        Assert.Contains("        working-directory: './packages/cli'\n        run: ", after);
    }

    [Fact]
    public void CrLfFilesGetCrLfLines()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "on: push\r\njobs:\r\n  ship:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - run: npx ovsx publish\r\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        Assert.DoesNotContain("\n", after.Replace("\r\n", ""));
        AssertGateBefore(after, "ship", "npx ovsx publish");
    }

    [Fact]
    public void ADashOnItsOwnLineIsHandled()
    {
        using var ws = new WorkflowWorkspace();
        const string yaml = "on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      -\n        run: npm publish\n";
        var (_, after, _) = ApplyFix(ws, yaml);
        AssertGateBefore(after, "ship", "npm publish");
    }

    [Fact]
    public void FlowStyleStepsGetNoFix()
    {
        using var ws = new WorkflowWorkspace();
        ws.Workflow("on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps: [{run: npm publish}]\n");
        var finding = Assert.Single(ws.Analyze(PublishGateRule.RuleId));
        Assert.Empty(finding.Fixes);
    }
}
