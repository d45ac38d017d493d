using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Tests.Parsing;

public class JsoncEditsTests
{
    private static string InsertInto(string text, string path, string name, string json)
    {
        var doc = JsoncParser.Parse(text);
        var obj = (JsoncObject)doc.Root!;
        if (path.Length > 0) obj = (JsoncObject)obj.Get(path)!;
        var result = TextEdits.Apply(text, [JsoncEdits.InsertProperty(doc, obj, name, json)]);
        Assert.Empty(JsoncParser.Parse(result).Errors);
        return result;
    }

    [Fact]
    public void InsertsAfterTheLastPropertyWithItsIndentation()
    {
        var text = "{\n    \"compilerOptions\": {\n        \"outDir\": \"dist\" // out\n    }\n}\n";
        Assert.Equal("{\n    \"compilerOptions\": {\n        \"outDir\": \"dist\",\n        \"sourceMap\": false // out\n    }\n}\n",
            InsertInto(text, "compilerOptions", "sourceMap", "false"));
    }

    [Fact]
    public void KeepsATrailingCommaStyle()
    {
        var text = "{\r\n\t\"a\": 1,\r\n}";
        Assert.Equal("{\r\n\t\"a\": 1,\r\n\t\"b\": false,\r\n}", InsertInto(text, "", "b", "false"));
    }

    [Fact]
    public void FillsEmptyObjectsOnOneLineOrIndented()
    {
        Assert.Equal("{ \"x\": true }", InsertInto("{}", "", "x", "true"));
        Assert.Equal("{\n  \"o\": {\n    \"x\": true\n  }\n}", InsertInto("{\n  \"o\": {\n  }\n}", "o", "x", "true"));
    }

    [Fact]
    public void AppendsArrayItemsOnOneLineAndMultiline()
    {
        var oneLine = "{\"files\": [\"dist\", \"bin\"]}";
        var doc = JsoncParser.Parse(oneLine);
        var files = (JsoncArray)((JsoncObject)doc.Root!).Get("files")!;
        Assert.Equal("{\"files\": [\"dist\", \"bin\", \"!**/*.map\"]}", TextEdits.Apply(oneLine, [JsoncEdits.AppendArrayItem(doc, files, "\"!**/*.map\"")]));

        var multi = "{\n  \"files\": [\n    \"dist\"\n  ]\n}";
        doc = JsoncParser.Parse(multi);
        files = (JsoncArray)((JsoncObject)doc.Root!).Get("files")!;
        Assert.Equal("{\n  \"files\": [\n    \"dist\",\n    \"!**/*.map\"\n  ]\n}", TextEdits.Apply(multi, [JsoncEdits.AppendArrayItem(doc, files, "\"!**/*.map\"")]));
    }
}
