using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Tests.Findings;

public sealed class FingerprintsTests
{
    [Fact]
    public void ListDigestsDependOnEveryItemAndWhereItsBoundariesFall()
    {
        var a = Fingerprints.OfList(["/w/a.js", "/w/b.js"]);
        Assert.Equal(a, Fingerprints.OfList(new List<string> { "/w/a.js", "/w/b.js" }));
        Assert.NotEqual(a, Fingerprints.OfList(["/w/b.js", "/w/a.js"]));
        Assert.NotEqual(a, Fingerprints.OfList(["/w/a.js/w/b.js"]));
        Assert.NotEqual(a, Fingerprints.OfList(["/w/a.js", "/w/b.js", ""]));
        Assert.Equal(32, a.Length);
        // Items longer than the first buffer, and non-ASCII ones.
        var longItem = "/w/" + new string('é', 5000);
        Assert.NotEqual(Fingerprints.OfList([longItem]), Fingerprints.OfList([longItem + "x"]));
        Assert.Equal(Fingerprints.OfList([longItem, "/w/z"]), Fingerprints.OfList([longItem, "/w/z"]));
    }
}
