using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Parsing.Jsonc;

namespace HygieneLsp.Core.Tests.Packaging;

public class SourceOpennessTests
{
    [Theory]
    [InlineData("MIT", true)]
    [InlineData("Apache-2.0", true)]
    [InlineData("(MIT OR Apache-2.0)", true)]
    [InlineData("(MIT OR UNLICENSED)", true)]          // the user may take the open alternative
    [InlineData("MIT AND Commercial", false)]          // both apply: one is not open
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", true)]
    [InlineData("Apache-2.0+", true)]
    [InlineData("BSD", true)]                          // older spelling
    [InlineData("Apache 2.0", true)]
    [InlineData("UNLICENSED", false)]
    [InlineData("Proprietary", false)]
    [InlineData("SEE LICENSE IN LICENSE", false)]
    [InlineData("(MIT", false)]
    [InlineData("MIT OR", false)]
    [InlineData("", false)]
    public void SpdxExpressions(string expression, bool open) => Assert.Equal(open, SpdxExpression.IsOpen(expression));

    [Theory]
    [InlineData("github:acme/lib", "github.com")]
    [InlineData("acme/lib", "github.com")]
    [InlineData("gitlab:acme/lib", "gitlab.com")]
    [InlineData("git+https://github.com/acme/lib.git", "github.com")]
    [InlineData("git+ssh://git@github.com/acme/lib.git", "github.com")]
    [InlineData("git@gitlab.com:acme/lib.git", "gitlab.com")]
    [InlineData("https://bitbucket.org/acme/lib", "bitbucket.org")]
    [InlineData("https://git.acme.example/lib.git", null)]
    [InlineData("https://dev.azure.com/acme/_git/lib", null)]
    [InlineData("./local", null)]
    public void PublicHosts(string repository, string? host) => Assert.Equal(host, SourceOpenness.PublicHost(repository));

    [Fact]
    public void LegacyLicenseObjectsAndArraysAreRead()
    {
        static SourceOpenness Of(string json) => SourceOpenness.Of(JsoncParser.Parse(json).Root as JsoncObject);
        Assert.True(Of("{\"license\": {\"type\": \"MIT\"}, \"repository\": \"a/b\"}").IsOpen);
        Assert.True(Of("{\"licenses\": [{\"type\": \"MIT\"}, {\"type\": \"GPL-2.0\"}], \"repository\": \"a/b\"}").IsOpen);
        var closed = Of("{\"license\": \"MIT\"}");
        Assert.False(closed.IsOpen);
        Assert.Contains("no repository", closed.Reason);
    }
}
