using HygieneLsp.Core.Parsing.JsConfig;

namespace HygieneLsp.Core.Tests.JsConfig;

public class JsTokenizerTests
{
    private static List<(JsTokenKind, string)> Kinds(string text) =>
        JsTokenizer.Tokenize(text).Where(t => t.Kind != JsTokenKind.EndOfFile).Select(t => (t.Kind, text[t.Start..t.End])).ToList();

    [Fact]
    public void Comments_are_trivia_and_strings_keep_exact_ranges()
    {
        var k = Kinds("a /* x */ // y\n 'q\\'s' \"d\"");
        Assert.Equal([(JsTokenKind.Identifier, "a"), (JsTokenKind.String, "'q\\'s'"), (JsTokenKind.String, "\"d\"")], k);
        Assert.Equal("q's", JsTokenizer.Tokenize("'q\\'s'")[0].Value);
    }

    [Fact]
    public void Regex_versus_division_follows_the_previous_token()
    {
        Assert.Contains((JsTokenKind.Regex, "/\\.tsx?$/i"), Kinds("x = { test: /\\.tsx?$/i }"));
        Assert.DoesNotContain(Kinds("a = b / c / d"), t => t.Item1 == JsTokenKind.Regex);
        Assert.Contains((JsTokenKind.Regex, "/[/]x/"), Kinds("return /[/]x/"));
        Assert.DoesNotContain(Kinds("f(a) / 2"), t => t.Item1 == JsTokenKind.Regex);
    }

    [Fact]
    public void Template_literals_nest_substitutions()
    {
        var k = Kinds("`a${ {x: `b${c}`}.x }d`");
        Assert.Equal(JsTokenKind.TemplateHead, k[0].Item1);
        Assert.Equal((JsTokenKind.TemplateTail, "}d`"), k[^1]);
        Assert.Contains((JsTokenKind.TemplateHead, "`b${"), k);
    }

    [Fact]
    public void Numbers_and_long_punctuators()
    {
        var k = Kinds("0x1F 1_000 .5e3 10n a?.b ?? c !== d >>>= e ...f");
        Assert.Equal(JsTokenKind.Number, k[0].Item1);
        Assert.Contains((JsTokenKind.Punctuator, "?."), k);
        Assert.Contains((JsTokenKind.Punctuator, "!=="), k);
        Assert.Contains((JsTokenKind.Punctuator, ">>>="), k);
        Assert.Contains((JsTokenKind.Punctuator, "..."), k);
        Assert.Equal("1000", JsTokenizer.Tokenize("1_000")[0].Value);
    }

    [Fact]
    public void Unterminated_constructs_end_at_the_end_of_text()
    {
        foreach (var text in new[] { "'abc", "`abc${x", "/* abc", "/abc", "\"a\\", "`${`${" })
        {
            var tokens = JsTokenizer.Tokenize(text);
            Assert.Equal(JsTokenKind.EndOfFile, tokens[^1].Kind);
        }
    }
}
