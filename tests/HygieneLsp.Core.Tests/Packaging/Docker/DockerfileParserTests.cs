using HygieneLsp.Core.Packaging.Docker;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Tests.Packaging.Docker;

/// <summary>The Dockerfile reader: directives, escapes, continuations, here-documents, flags, JSON form, ARG/ENV forms, positions.</summary>
public sealed class DockerfileParserTests
{
    private static Dockerfile Parse(string text) => DockerfileParser.Parse("/w/Dockerfile", text);

    [Fact]
    public void DirectivesOnlyAtTheTopAndTheBacktickEscape()
    {
        var d = Parse("# syntax=docker/dockerfile:1.7\n# escape=`\nFROM mcr.microsoft.com/windows AS build\nCOPY `\n  a.txt `\n  C:/app/\n# syntax=ignored\nRUN echo hi\n");
        Assert.Equal("docker/dockerfile:1.7", d.Directive("syntax"));
        Assert.Equal('`', d.Escape);
        var copy = d.Instructions[1];
        Assert.Equal("COPY", copy.Keyword);
        Assert.Equal(["a.txt", "C:/app/"], copy.Args.Select(a => a.Value));
        Assert.Equal(new TextPosition(4, 2), copy.Args[0].Range.Start);
        Assert.Equal(new TextPosition(5, 2), copy.Args[1].Range.Start);
        Assert.Equal(2, d.Directives.Count);
    }

    [Fact]
    public void ContinuationsSkipCommentAndBlankLinesAndKeepWordPositions()
    {
        var d = Parse("FROM node:20\nRUN npm ci \\\n# a comment inside\n\n    && npm run build\nCOPY . .\n");
        var run = d.Instructions[1];
        Assert.Contains("npm run build", run.Arguments);
        Assert.Equal(1, run.Range.Start.Line);
        Assert.Equal(4, run.Range.End.Line);
        Assert.Equal(5, d.Instructions[2].Range.Start.Line);
    }

    [Fact]
    public void HeredocsEndAtTheirDelimiterAndTabsStripWithDash()
    {
        var d = Parse("FROM alpine\nRUN <<EOF\nset -e\nnpm run build\nEOF\nCOPY <<-\"CONF\" /etc/app.conf\n\tkey=value\n\tCONF\nWORKDIR /app\n");
        Assert.Equal(["RUN", "COPY", "WORKDIR"], d.Stages[0].Instructions.Select(i => i.Keyword));
        var run = d.Stages[0].Instructions[0];
        Assert.Equal("set -e\nnpm run build\n", run.Heredocs[0].Body);
        Assert.True(run.Heredocs[0].Expand);
        var copy = d.Stages[0].Instructions[1];
        Assert.Equal("key=value\n", copy.Heredocs[0].Body);
        Assert.False(copy.Heredocs[0].Expand);
        Assert.Contains("npm run build", DockerInstructionReader.RunText(run));
    }

    [Fact]
    public void StagesFlagsAndJsonForm()
    {
        var d = Parse("FROM --platform=$BUILDPLATFORM node:20 AS Builder\nCOPY --from=builder --chown=node:node --chmod=644 --link --exclude=*.map --exclude=.env [\"dist\", \"/app/\"]\nFROM scratch\n");
        Assert.Equal("builder", d.Stages[0].Name);
        Assert.Equal("node:20", d.Stages[0].Image!.Value);
        Assert.Null(d.Stages[1].Name);
        var copy = d.Stages[0].Instructions[0];
        Assert.True(copy.IsJson);
        Assert.Equal(["dist", "/app/"], copy.Args.Select(a => a.Value));
        Assert.Equal("builder", copy.Flag("from"));
        Assert.Equal(["*.map", ".env"], copy.FlagsNamed("exclude").Select(f => f.Value));
        Assert.Single(copy.FlagsNamed("link"), f => f.Value is null);
    }

    [Fact]
    public void ArgAndEnvInBothForms()
    {
        var d = Parse("FROM a\nARG NPM_TOKEN VERSION=1.2\nENV PATH=/x:$PATH GREETING=\"hello world\"\nENV LEGACY some value with spaces\n");
        var args = DockerInstructionReader.Args(d.Stages[0].Instructions[0]).ToList();
        Assert.Equal([("NPM_TOKEN", null), ("VERSION", "1.2")], args.Select(a => (a.Name, a.Value)));
        var env = DockerInstructionReader.Env(d.Stages[0].Instructions[1]).ToList();
        Assert.Equal([("PATH", "/x:$PATH"), ("GREETING", "hello world")], env.Select(e => (e.Name, e.Value)));
        var legacy = DockerInstructionReader.Env(d.Stages[0].Instructions[2]).Single();
        Assert.Equal(("LEGACY", "some value with spaces"), (legacy.Name, legacy.Value));
    }

    [Fact]
    public void SecretMountsOfRun()
    {
        var d = Parse("FROM a\nRUN --mount=type=secret,id=npm,target=/root/.npmrc --mount=type=cache,target=/root/.npm npm ci\n");
        var mounts = DockerInstructionReader.Mounts(d.Stages[0].Instructions[0]).ToList();
        Assert.Equal(["secret", "cache"], mounts.Select(m => m.Type));
        Assert.Equal("npm", mounts[0].Options["id"]);
        Assert.Equal("npm ci", d.Stages[0].Instructions[0].Arguments);
    }

    [Theory]
    [InlineData("${A}/x", "1/x")]
    [InlineData("$A$B", "1")]
    [InlineData("${B:-dflt}", "dflt")]
    [InlineData("${A:+alt}", "alt")]
    [InlineData("\\$A", "$A")]
    public void VariablesExpandAsBuildKitDoes(string text, string expected) =>
        Assert.Equal(expected, DockerVariables.Expand(text, new Dictionary<string, string?> { ["A"] = "1" }));

    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("api.Dockerfile", true)]
    [InlineData("Dockerfile.prod", true)]
    [InlineData("Containerfile", true)]
    [InlineData("Dockerfile.dockerignore", false)]
    [InlineData("docker-compose.yml", false)]
    public void DockerfileNamesAreRecognised(string name, bool expected) => Assert.Equal(expected, DockerfileNames.IsDockerfile(name));
}
