using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Tests.Text;

public class LineIndexTests
{
    [Theory]
    [InlineData("a\nb", 2, 1, 0)]
    [InlineData("a\r\nb", 3, 1, 0)]
    [InlineData("a\rb", 2, 1, 0)]
    [InlineData("abc", 2, 0, 2)]
    public void MapsOffsetsToPositions(string text, int offset, int line, int character)
    {
        var index = new LineIndex(text);
        Assert.Equal(new TextPosition(line, character), index.GetPosition(offset));
        Assert.Equal(offset, index.GetOffset(new TextPosition(line, character)));
    }

    [Fact]
    public void AppliesNonOverlappingEditsFromTheEnd()
    {
        var text = "{\n  \"a\": true,\n  \"b\": true\n}";
        var index = new LineIndex(text);
        var edits = new[]
        {
            new TextEdit(index.GetRange(9, 13), "false"),
            new TextEdit(index.GetRange(22, 26), "false"),
        };
        Assert.Equal("{\n  \"a\": false,\n  \"b\": false\n}", TextEdits.Apply(text, edits));
    }

    [Fact]
    public void RejectsOverlappingEdits()
    {
        var index = new LineIndex("abcdef");
        Assert.Throws<ArgumentException>(() => TextEdits.Apply("abcdef", [new TextEdit(index.GetRange(0, 3), "x"), new TextEdit(index.GetRange(2, 4), "y")]));
    }
}
