namespace HygieneLsp.Core.Parsing.JsConfig;

/// <summary>
/// A tolerant recursive-descent reader for what build configs contain: every parse
/// method either consumes a token or returns, loops check progress, recursion is depth-limited, so malformed or
/// half-typed input yields a partial tree and errors, never an exception or a hang. TypeScript-only syntax
/// (annotations, <c>as</c>, <c>satisfies</c>, generics, interfaces, type aliases) is skipped.
/// </summary>
public sealed partial class JsParser
{
    private const int MaxDepth = 200;
    /// <summary>Errors past this are not recorded: garbage input would otherwise make one per token.</summary>
    public const int MaxErrors = 1_000;
    private readonly string _text;
    private readonly List<JsToken> _tokens;
    private readonly List<JsParseError> _errors = [];
    private int _pos;
    private int _depth;

    public JsParser(string text)
    {
        _text = text;
        _tokens = JsTokenizer.Tokenize(text, out var truncated);
        if (truncated) _errors.Add(new JsParseError(_tokens[^1].Start, text.Length, TokenBudgetMessage));
    }

    /// <summary>The error a document gets when the tokenizer stopped at <see cref="JsTokenizer.MaxTokens"/>.</summary>
    public static readonly string TokenBudgetMessage = $"more than {JsTokenizer.MaxTokens:N0} tokens; the rest was not read";

    public JsDocument ParseDocument()
    {
        var body = new List<JsNode>();
        while (!AtEnd)
        {
            var before = _pos;
            var statement = ParseStatement();
            if (statement is not null) body.Add(statement);
            if (_pos == before) { Error("unexpected token"); _pos++; }
        }
        return new JsDocument(_text, new JsProgram(0, _text.Length, body), _errors);
    }

    /// <summary>Parses the whole text as one expression (JSON files read as JS values).</summary>
    public JsDocument ParseExpressionDocument()
    {
        var expr = ParseAssignment();
        var body = new List<JsNode> { new JsExpressionStatement(expr.Start, expr.End, expr) };
        if (!AtEnd) Error("end of input expected");
        return new JsDocument(_text, new JsProgram(0, _text.Length, body), _errors);
    }

    private JsToken Tok => _tokens[_pos];
    private JsToken Peek(int n = 1) => _tokens[Math.Min(_pos + n, _tokens.Count - 1)];
    private bool AtEnd => Tok.Kind == JsTokenKind.EndOfFile;
    private int PrevEnd => _pos > 0 ? _tokens[_pos - 1].End : 0;

    private bool Is(string punctuator) => Tok.Is(punctuator);
    private bool IsWord(string word) => Tok.IsWord(word);

    private JsToken Advance()
    {
        var t = Tok;
        if (!AtEnd) _pos++;
        return t;
    }

    private bool Eat(string punctuator)
    {
        if (!Is(punctuator)) return false;
        _pos++;
        return true;
    }

    private void Expect(string punctuator)
    {
        if (!Eat(punctuator)) Error($"'{punctuator}' expected");
    }

    private void Error(string message)
    {
        if (_errors.Count < MaxErrors) _errors.Add(new JsParseError(Tok.Start, Tok.End, message));
    }

    private bool EnterDepth()
    {
        if (_depth >= MaxDepth)
        {
            Error("nesting too deep");
            return false;
        }
        _depth++;
        return true;
    }

    /// <summary>From an opening bracket, returns the index just past its matching closer (or the end).</summary>
    private int SkipBalanced(int index)
    {
        var depth = 0;
        for (var i = index; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.Kind == JsTokenKind.EndOfFile) return i;
            if (t.Kind is JsTokenKind.TemplateHead) { depth++; continue; }
            if (t.Kind is JsTokenKind.TemplateTail) { depth--; if (depth == 0) return i + 1; continue; }
            if (t.Kind != JsTokenKind.Punctuator) continue;
            if (t.Value is "(" or "[" or "{") depth++;
            else if (t.Value is ")" or "]" or "}")
            {
                depth--;
                if (depth <= 0) return i + 1;
            }
        }
        return _tokens.Count - 1;
    }

    /// <summary>Skips to the end of an unmodelled statement: a ';' at depth 0 (consumed), or a line break / '}' / end.</summary>
    private void SkipStatementRest(bool atStart)
    {
        var first = atStart;
        while (!AtEnd)
        {
            if (Is(";")) { _pos++; return; }
            if (Is("}") || Is(")") || Is("]")) return;
            if (!first && Tok.NewLineBefore && !IsContinuation(Tok)) return;
            first = false;
            if (Is("(") || Is("[") || Is("{") || Tok.Kind == JsTokenKind.TemplateHead) _pos = SkipBalanced(_pos);
            else _pos++;
        }
    }

    private static bool IsContinuation(JsToken t) =>
        t.Kind == JsTokenKind.Punctuator && t.Value is "." or "?." or "|" or "&" or "=" or "=>" or "," or "+" or "-" or "*" or "?" or ":" or "&&" or "||" or "??";
}
