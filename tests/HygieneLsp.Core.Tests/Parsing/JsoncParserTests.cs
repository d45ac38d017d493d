using HygieneLsp.Core.Parsing.Jsonc;

namespace HygieneLsp.Core.Tests.Parsing;

public class JsoncParserTests
{
    private const string Tsconfig = """
        // base settings
        {
          "compilerOptions": {
            /* emit */
            "sourceMap": true, // maps
            "outDir": "dist",
            "lib": ["es2022", "dom",],
          },
          "extends": ["./a.json", "@tsconfig/node20/tsconfig.json"],
        }
        """;

    [Fact]
    public void ReadsCommentsAndTrailingCommasWithExactOffsets()
    {
        var doc = JsoncParser.Parse(Tsconfig);
        Assert.Empty(doc.Errors);
        var root = Assert.IsType<JsoncObject>(doc.Root);
        var options = Assert.IsType<JsoncObject>(root.Get("compilerOptions"));
        var sourceMap = options.GetProperty("sourceMap")!;
        Assert.Equal("true", Tsconfig[sourceMap.Value!.Start..sourceMap.Value.End]);
        Assert.Equal("\"sourceMap\": true", Tsconfig[sourceMap.Start..sourceMap.End]);
        Assert.Equal(new Core.Text.TextPosition(4, 17), doc.RangeOf(sourceMap.Value).Start);
        Assert.Equal(2, Assert.IsType<JsoncArray>(options.Get("lib")).Items.Count);
        Assert.Equal("dist", options.GetString("outDir"));
        Assert.True(options.GetBool("sourceMap"));
    }

    [Fact]
    public void DecodesEscapesAndKeepsTheLastDuplicateKey()
    {
        var doc = JsoncParser.Parse("{\"a\": \"x\\u0041\\n\", \"a\": 2}");
        var root = Assert.IsType<JsoncObject>(doc.Root);
        Assert.Equal("2", Assert.IsType<JsoncNumber>(root.Get("a")).Text);
        Assert.Equal("xA\n", Assert.IsType<JsoncString>(root.Properties[0].Value).Value);
    }

    [Theory]
    [InlineData("{\"compilerOptions\": {\"sourceMap\": ")]
    [InlineData("{\"compilerOptions\": {\"sourceMap\": tru")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{a: 1}")]
    [InlineData("[1 2 }")]
    [InlineData("/* never closed")]
    [InlineData("\"unterminated")]
    [InlineData("{\"a\": 1} trailing")]
    [InlineData("")]
    public void HalfTypedInputGivesErrorsNotExceptions(string text)
    {
        var doc = JsoncParser.Parse(text);
        Assert.NotEmpty(doc.Errors);
    }

    [Fact]
    public void HalfTypedPropertyHasNoValue()
    {
        var doc = JsoncParser.Parse("{\"compilerOptions\": {\"sourceMap\": ");
        var options = Assert.IsType<JsoncObject>(((JsoncObject)doc.Root!).Get("compilerOptions"));
        Assert.Null(options.GetProperty("sourceMap")!.Value);
        Assert.Null(options.GetBool("sourceMap"));
    }

    [Fact]
    public void DeepNestingIsBoundedNotAStackOverflow()
    {
        var doc = JsoncParser.Parse(new string('[', 100_000));
        Assert.Contains(doc.Errors, e => e.Message.Contains("deep"));
    }

    [Fact]
    public void EveryPrefixAndRandomMutationParsesWithoutThrowing()
    {
        var random = new Random(1234);
        for (var cut = 0; cut <= Tsconfig.Length; cut++) JsoncParser.Parse(Tsconfig[..cut]);
        const string alphabet = "{}[]\",:/*\\ \n truefalsn0-1e.'";
        for (var i = 0; i < 3000; i++)
        {
            var chars = Tsconfig.ToCharArray();
            for (var m = 0; m < 3; m++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            var doc = JsoncParser.Parse(new string(chars));
            Assert.NotNull(doc.Lines);
        }
    }

    [Fact]
    public void AcceptsAByteOrderMark()
    {
        var doc = JsoncParser.Parse("\uFEFF{\"a\": true}");
        Assert.Empty(doc.Errors);
        Assert.True(((JsoncObject)doc.Root!).GetBool("a"));
    }

    // The same fuzz case through the JSONC reader: two errors per stray character were kept (500,000 for 250,000).
    [Fact]
    public void Errors_stop_at_the_cap_and_the_nesting_budget_is_still_told()
    {
        var garbage = JsoncParser.Parse("{\"a\": [\"x\"" + new string('\\', 250_000) + "]}");
        Assert.Equal(JsoncParser.MaxErrors, garbage.Errors.Count);
        Assert.Equal("x", ((garbage.Root as JsoncObject)?.Get("a") as JsoncArray)?.Items.OfType<JsoncString>().First().Value);

        var deepAfterGarbage = JsoncParser.Parse("{\"a\": [" + new string('\\', 5_000) + "], \"b\": " + new string('[', 10_000) + "}");
        Assert.True(deepAfterGarbage.TooDeep);
        Assert.Equal(JsoncParser.MaxErrors + 1, deepAfterGarbage.Errors.Count);
    }
}
