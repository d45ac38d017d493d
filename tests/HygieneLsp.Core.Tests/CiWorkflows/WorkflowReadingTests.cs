using HygieneLsp.Core.CiWorkflows;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Tests.Support;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Tests.CiWorkflows;

/// <summary>The pieces the workflow rules stand on: the index lists .github, offsets from YamlDotNet's marks, run-script splitting.</summary>
public sealed class WorkflowReadingTests
{
    [Fact]
    public void TheWorkspaceIndexListsGithubWorkflowFolders()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/release.yml", "on: push\n");
        dir.Write("packages/a/.github/workflows/ci.yaml", "on: push\n");
        dir.Write(".github/actions/setup/action.yml", "runs:\n  using: composite\n");
        var index = WorkspaceIndex.Build(FileView.Disk, dir.Path);
        var workflows = index.Files.Where(WorkflowReader.IsWorkflowPath).Select(f => Paths.Relative(dir.Path, f)).ToList();
        Assert.Equal([".github/workflows/release.yml", "packages/a/.github/workflows/ci.yaml"], workflows);
        Assert.Contains(index.Files, f => f.EndsWith("/.github/actions/setup/action.yml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void NodeOffsetsPointAtTheText(string newline)
    {
        var text = string.Join(newline, "# comment", "jobs:", "  ship:", "    steps:", "      - name: Ünïcödé ✓", "        run: |", "          npm publish", "") ;
        var root = Assert.IsType<YamlMapping>(YamlTree.Parse(text));
        var step = Assert.IsType<YamlMapping>(Assert.IsType<YamlSequence>(root.Mapping("jobs")!.Mapping("ship")!.Get("steps")).Items[0]);
        var name = Assert.IsType<YamlScalar>(step.Get("name"));
        Assert.Equal("Ünïcödé ✓", text[name.Start..name.End]);
        Assert.Equal("name", text[step.Start..(step.Start + 4)]);
        var run = Assert.IsType<YamlScalar>(step.Get("run"));
        Assert.Equal('|', text[run.Start]);
        Assert.Equal("npm publish\n", run.Value);
        Assert.Equal("run", text[step.KeyNode("run")!.Start..step.KeyNode("run")!.End]);
    }

    [Fact]
    public void RunScriptsSplitIntoCommands()
    {
        var commands = RunScript.Parse("set -e # strict\nNODE_ENV=production npm run build && \\\n  npm pack --dry-run | grep map\nOUT=$(npm publish --dry-run --json) || true\ncat <<'EOF'\nnpm publish\nEOF\nthen vsce ls > files.txt");
        Assert.Equal(["set -e", "npm run build", "npm pack --dry-run", "grep map", "npm publish --dry-run --json", "true", "cat", "vsce ls"],
            commands.Select(c => c.ToString()));
        Assert.True(commands[2].PipedInto);
        Assert.False(commands[3].PipedInto);
        Assert.True(commands[4].Captured);
        Assert.True(commands[7].Redirected);
    }

    [Fact]
    public void CommandWordsFindTheToolBehindRunners()
    {
        static IReadOnlyList<string> Tool(string s) => RunScript.Parse(s)[0].Tool;
        Assert.Equal(["vsce", "publish"], Tool("npx --yes @vscode/vsce@3.2.1 publish"));
        Assert.Equal(["attw", "--pack"], Tool("pnpm dlx @arethetypeswrong/cli --pack"));
        Assert.Equal(["ovsx", "publish"], Tool("xargs -I {} npx ovsx publish"));
        Assert.Equal(["vsce", "ls"], Tool("./node_modules/.bin/vsce.cmd ls"));
        Assert.Equal("release", CommandWords.ScriptName(Tool("pnpm --filter web release")));
        Assert.Equal("build", CommandWords.ScriptName(Tool("npm run build --workspaces")));
        Assert.Null(CommandWords.ScriptName(Tool("pnpm install")));
    }
}
