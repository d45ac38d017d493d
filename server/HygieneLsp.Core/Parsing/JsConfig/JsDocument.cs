using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Parsing.JsConfig;

public sealed record JsParseError(int Start, int End, string Message);

/// <summary>A parsed config file: the (possibly partial) tree, the recoverable errors, and the text it came from.</summary>
public sealed class JsDocument
{
    private LineIndex? _lines;

    public JsDocument(string text, JsProgram program, IReadOnlyList<JsParseError> errors)
    {
        Text = text;
        Program = program;
        Errors = errors;
    }

    public string Text { get; }
    public JsProgram Program { get; }
    public IReadOnlyList<JsParseError> Errors { get; }
    /// <summary>The text held more tokens than the reader takes (<see cref="JsTokenizer.MaxTokens"/>): only its start was read.</summary>
    public bool IsTruncated => Errors.Count > 0 && ReferenceEquals(Errors[0].Message, JsParser.TokenBudgetMessage);
    public LineIndex Lines => _lines ??= new LineIndex(Text);

    public TextRange RangeOf(JsNode node) => Lines.GetRange(node.Start, node.End);
    public string TextOf(JsNode node) => Text[node.Start..node.End];

    public static JsDocument Parse(string text) => new JsParser(text).ParseDocument();

    public static JsDocument ParseExpression(string text) => new JsParser(text).ParseExpressionDocument();
}
