using HygieneLsp.Core.Packaging.Docker;

namespace HygieneLsp.Core.Tests.Packaging.Docker;

/// <summary>Go's filepath.Match cases (from its own test table) and Go's path.Clean.</summary>
public sealed class GoFilePathMatchTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a/b", false)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("*x", "xxx", true)]
    public void MatchesLikeGo(string pattern, string name, bool expected) => Assert.Equal(expected, GoFilePathMatch.Match(pattern, name));

    [Theory]
    [InlineData("[")]
    [InlineData("[^")]
    [InlineData("[^bc")]
    [InlineData("a[")]
    [InlineData("[a-]")]
    [InlineData("[]a]")]
    [InlineData("a\\")]
    public void RejectsMalformedPatternsLikeGo(string pattern) => Assert.Null(GoFilePathMatch.Match(pattern, "a"));

    [Theory]
    [InlineData("", ".")]
    [InlineData("./a/../b/", "b")]
    [InlineData("/../a//b/.", "/a/b")]
    [InlineData("../../x", "../../x")]
    [InlineData("a/b/../../..", "..")]
    public void CleansLikeGo(string path, string expected) => Assert.Equal(expected, GoPath.Clean(path));
}
