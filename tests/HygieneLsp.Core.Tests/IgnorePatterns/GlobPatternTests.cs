using System.Diagnostics;
using HygieneLsp.Core.Parsing.IgnorePatterns;

namespace HygieneLsp.Core.Tests.IgnorePatterns;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.map", "dist/deep/cli.js.map", true)] // no slash: matched against the basename (matchBase)
    [InlineData(".env", "packages/a/.ENV", true)] // nocase
    [InlineData("/dist", "dist", false)] // leading slash anchors; ignore-walk also tries "/dist"
    [InlineData("/dist", "/dist", true)]
    [InlineData("dist/*.js", "dist/a.js", true)]
    [InlineData("dist/*.js", "x/dist/a.js", false)]
    [InlineData("**/.env.*", "a/b/.env.local", true)]
    public void NpmIgnoreOptions(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Compile(pattern, GlobOptions.NpmIgnore).Match(path));

    [Theory]
    [InlineData("*.map", "dist/cli.js.map", false)] // vsce: no matchBase
    [InlineData("**/*.map", "dist/cli.js.map", true)]
    [InlineData(".env", ".ENV", false)] // vsce: case-sensitive
    public void VsceIgnoreOptions(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Compile(pattern, GlobOptions.VsceIgnore).Match(path));

    [Fact]
    public void NegationIsReportedNotFlippedWithFlipNegate()
    {
        var p = GlobPattern.Compile("!*.env", GlobOptions.NpmIgnore);
        Assert.True(p.Negate);
        Assert.True(p.Match("a/x.env"));
        Assert.False(p.Match("a/x.js"));
    }

    [Fact]
    public void PathologicalStarsDoNotBacktrackForever()
    {
        var p = GlobPattern.Compile("*a*a*a*a*a*a*a*a*a*a*a*b", GlobOptions.VsceIgnore);
        var name = new string('a', 250);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) Assert.False(p.Match(name));
        // Backtracking over 11 stars and 250 characters would take years; a minute is a hang guard, not a speed target.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), clock.Elapsed.ToString());
    }
}
