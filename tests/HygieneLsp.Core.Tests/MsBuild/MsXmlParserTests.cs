using HygieneLsp.Core.Parsing.MsBuildXml;

namespace HygieneLsp.Core.Tests.MsBuild;

public class MsXmlParserTests
{
    [Fact]
    public void Pins_elements_attributes_and_text_to_exact_offsets()
    {
        var text = "\uFEFF<Project Sdk=\"Microsoft.NET.Sdk\">\r\n  <!-- c -->\r\n\t<PropertyGroup Condition = ' $(X) == &apos;a&apos; '>\r\n" +
                   "    <DebugType>embedded</DebugType>\r\n    <Empty/>\r\n    <E2></E2>\r\n    <Amp>a&amp;b</Amp>\r\n  </PropertyGroup>\r\n</Project>\r\n";
        var doc = MsXmlParser.Parse(text);
        Assert.Null(doc.Error);
        var root = doc.Root!;
        Assert.Equal("Project", root.Name);
        Assert.Equal('<', text[root.Start]);
        var sdk = root.Attribute("sdk")!;
        Assert.Equal("Microsoft.NET.Sdk", text[sdk.ValueStart..sdk.ValueEnd]);
        var group = root.Children.Single();
        Assert.Equal("\t", doc.IndentOf(group));
        var condition = group.Attribute("Condition")!;
        Assert.Equal(" $(X) == 'a' ", condition.Value);
        Assert.Equal(" $(X) == &apos;a&apos; ", text[condition.ValueStart..condition.ValueEnd]);
        var debugType = group.Elements("debugtype").Single();
        Assert.Equal("embedded", debugType.Text);
        Assert.Equal("embedded", text[debugType.ContentStart..debugType.ContentEnd]);
        Assert.Equal("<DebugType>embedded</DebugType>", text[debugType.Start..debugType.End]);
        var empty = group.Elements("Empty").Single();
        Assert.True(empty.IsEmpty);
        Assert.Equal("<Empty/>", text[empty.Start..empty.End]);
        var e2 = group.Elements("E2").Single();
        Assert.Equal(e2.ContentStart, e2.ContentEnd);
        Assert.Equal("<E2></E2>", text[e2.Start..e2.End]);
        var amp = group.Elements("Amp").Single();
        Assert.Equal("a&b", amp.Text);
        Assert.Equal("a&amp;b", text[amp.ContentStart..amp.ContentEnd]);
        Assert.Equal("\r\n", doc.NewLine);
        Assert.Equal("</Project>", text[root.ContentEnd..root.End]);
    }

    [Fact]
    public void Single_quoted_attributes_with_the_other_quote_inside()
    {
        var text = "<Project><ItemGroup><None Update='a\"b.json' CopyToPublishDirectory = \"Never\" /></ItemGroup></Project>";
        var doc = MsXmlParser.Parse(text);
        var none = doc.Root!.Children[0].Children[0];
        Assert.Equal("a\"b.json", none.AttributeValue("Update"));
        var c = none.Attribute("CopyToPublishDirectory")!;
        Assert.Equal("Never", text[c.ValueStart..c.ValueEnd]);
        Assert.Equal(text.IndexOf("/>", StringComparison.Ordinal) + 2, none.End);
    }

    [Theory]
    [InlineData("<Project><A></Project>")]
    [InlineData("<Project")]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<Project a=\"1\" a=\"2\"/>")]
    [InlineData("<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Project>&x;</Project>")]
    [InlineData("<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><Project>&b;</Project>")]
    public void Malformed_or_dangerous_input_is_an_error_result(string text)
    {
        var doc = MsXmlParser.Parse(text);
        Assert.Null(doc.Root);
        Assert.NotNull(doc.Error);
        Assert.False(string.IsNullOrWhiteSpace(doc.Error!.Message));
    }

    [Fact]
    public void Binary_garbage_does_not_throw()
    {
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var chars = new char[random.Next(1, 200)];
            for (var i = 0; i < chars.Length; i++) { const string alphabet = "<>/=\"' \nabc&;![]-?"; chars[i] = alphabet[random.Next(alphabet.Length)]; }
            var doc = MsXmlParser.Parse(new string(chars));
            Assert.True(doc.Root is not null || doc.Error is not null);
        }
    }
}
