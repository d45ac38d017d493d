using System.Globalization;

namespace HygieneLsp.Core.Parsing.JsConfig;

public sealed partial class JsParser
{
    private static readonly Dictionary<string, int> BinaryPrecedence = new()
    {
        ["??"] = 1, ["||"] = 2, ["&&"] = 3, ["|"] = 4, ["^"] = 5, ["&"] = 6,
        ["=="] = 7, ["!="] = 7, ["==="] = 7, ["!=="] = 7,
        ["<"] = 8, [">"] = 8, ["<="] = 8, [">="] = 8, ["instanceof"] = 8, ["in"] = 8,
        ["<<"] = 9, [">>"] = 9, [">>>"] = 9, ["+"] = 10, ["-"] = 10, ["*"] = 11, ["/"] = 11, ["%"] = 11, ["**"] = 12,
    };

    private static readonly HashSet<string> AssignmentOperators =
        ["=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??="];

    /// <summary>Expression with commas (a sequence).</summary>
    private JsNode ParseExpression()
    {
        var first = ParseAssignment();
        if (!Is(",")) return first;
        var items = new List<JsNode> { first };
        while (Eat(","))
        {
            var before = _pos;
            items.Add(ParseAssignment());
            if (_pos == before) break;
        }
        return new JsSequence(first.Start, PrevEnd, items);
    }

    private JsNode ParseAssignment()
    {
        if (!EnterDepth()) return Unsupported("too deep");
        try
        {
            if (TryParseArrow() is { } arrow) return arrow;
            var left = ParseConditional();
            if (Tok.Kind == JsTokenKind.Punctuator && AssignmentOperators.Contains(Tok.Value))
            {
                var op = Advance().Value;
                var value = ParseAssignment();
                return new JsAssignment(left.Start, PrevEnd, op, left, value);
            }
            return left;
        }
        finally { _depth--; }
    }

    private JsNode ParseConditional()
    {
        var test = ParseBinary(0);
        if (!Is("?")) return test;
        _pos++;
        var then = ParseAssignment();
        JsNode? otherwise = null;
        if (Eat(":")) otherwise = ParseAssignment();
        else Error("':' expected");
        return new JsConditional(test.Start, PrevEnd, test, then, otherwise);
    }

    private JsNode ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            var t = Tok;
            if (t.Kind == JsTokenKind.Identifier && t.Value is "as" or "satisfies" && !t.NewLineBefore)
            {
                _pos++;
                SkipType();
                continue;
            }
            var op = t.Kind == JsTokenKind.Punctuator || t.Value is "instanceof" or "in" ? t.Value : null;
            if (op is null || !BinaryPrecedence.TryGetValue(op, out var precedence) || precedence <= minPrecedence) return left;
            _pos++;
            // ** is right-associative; the rest left-associative.
            var right = op == "**" ? ParseBinary(precedence - 1) : ParseBinary(precedence);
            left = new JsBinary(left.Start, PrevEnd, op, left, right);
        }
    }

    private JsNode ParseUnary()
    {
        var t = Tok;
        if ((t.Kind == JsTokenKind.Punctuator && t.Value is "!" or "-" or "+" or "~" or "++" or "--") ||
            (t.Kind == JsTokenKind.Identifier && t.Value is "typeof" or "void" or "delete" or "await"
             && Peek().Kind != JsTokenKind.EndOfFile && !Peek().Is(")") && !Peek().Is(",") && !Peek().Is(":")))
        {
            if (!EnterDepth()) return Unsupported("too deep");
            try
            {
                _pos++;
                var operand = ParseUnary();
                return new JsUnary(t.Start, PrevEnd, t.Value, operand);
            }
            finally { _depth--; }
        }
        // `<T>expr` type assertion (TS, .ts files only): skip the type.
        if (t.Is("<") && TrySkipTypeArguments(_pos) is { } afterType && _tokens[afterType].Kind != JsTokenKind.EndOfFile)
        {
            _pos = afterType;
            return ParseUnary();
        }
        var expr = ParseCallChain(ParsePrimary());
        if ((Is("++") || Is("--")) && !Tok.NewLineBefore) { _pos++; expr = new JsUnary(expr.Start, PrevEnd, "post" + _tokens[_pos - 1].Value, expr); }
        return expr;
    }

    private JsNode ParseCallChain(JsNode expr)
    {
        while (true)
        {
            var before = _pos;
            if (Is(".") || Is("?."))
            {
                var optional = Advance().Value == "?.";
                if (optional && Is("(")) { expr = new JsCall(expr.Start, ParseArgumentsEnd(out var a), expr, a, false); continue; }
                if (optional && Is("[")) { expr = ParseComputedMember(expr, true); continue; }
                if (Tok.Kind == JsTokenKind.Identifier)
                {
                    var name = Advance().Value;
                    expr = new JsMember(expr.Start, PrevEnd, expr, name, null, optional);
                }
                else Error("property name expected");
            }
            else if (Is("[") && !Tok.NewLineBefore) expr = ParseComputedMember(expr, false);
            else if (Is("(")) expr = new JsCall(expr.Start, ParseArgumentsEnd(out var args), expr, args, false);
            else if (Is("!") && !Tok.NewLineBefore) _pos++; // TS non-null assertion
            else if (Is("<") && TrySkipTypeArguments(_pos) is { } after && _tokens[after].Is("(")) _pos = after; // f<T>(...)
            else if (Tok.Kind is JsTokenKind.Template or JsTokenKind.TemplateHead)
            {
                var template = ParseTemplate();
                expr = new JsCall(expr.Start, PrevEnd, expr, [template], false); // tagged template
            }
            else return expr;
            if (_pos == before) return expr;
        }
    }

    private JsMember ParseComputedMember(JsNode expr, bool optional)
    {
        _pos++; // [
        var key = ParseExpression();
        Expect("]");
        var name = key switch { JsStringLiteral s => s.Value, JsNumberLiteral n => n.Value?.ToString(CultureInfo.InvariantCulture), _ => null };
        return new JsMember(expr.Start, PrevEnd, expr, name, key, optional);
    }

    private int ParseArgumentsEnd(out IReadOnlyList<JsNode> arguments)
    {
        _pos++; // (
        var list = new List<JsNode>();
        while (!AtEnd && !Is(")"))
        {
            var before = _pos;
            if (Is("...")) { var s = Advance(); var arg = ParseAssignment(); list.Add(new JsSpread(s.Start, PrevEnd, arg)); }
            else list.Add(ParseAssignment());
            if (!Eat(",") && !Is(")")) { Error("',' or ')' expected"); RecoverInList(")"); }
            if (_pos == before) _pos++;
        }
        Expect(")");
        arguments = list;
        return PrevEnd;
    }

    /// <summary>Skips to the next ',' (consumed) or the closer (kept) at this nesting level.</summary>
    private void RecoverInList(string closer)
    {
        while (!AtEnd && !Is(closer))
        {
            if (Is(",")) { _pos++; return; }
            if (Is(")") || Is("]") || Is("}")) return;
            if (Is("(") || Is("[") || Is("{") || Tok.Kind == JsTokenKind.TemplateHead) _pos = SkipBalanced(_pos);
            else _pos++;
        }
    }

    private JsNode ParsePrimary()
    {
        var t = Tok;
        switch (t.Kind)
        {
            case JsTokenKind.String:
                _pos++;
                return new JsStringLiteral(t.Start, t.End, t.Value);
            case JsTokenKind.Number:
                _pos++;
                return new JsNumberLiteral(t.Start, t.End, ParseNumber(t.Value));
            case JsTokenKind.Regex:
                _pos++;
                return new JsRegexLiteral(t.Start, t.End, t.Value);
            case JsTokenKind.Template:
            case JsTokenKind.TemplateHead:
                return ParseTemplate();
            case JsTokenKind.Identifier:
                return ParseWordPrimary(t);
            case JsTokenKind.Punctuator when t.Value == "(":
                return ParseParenthesized();
            case JsTokenKind.Punctuator when t.Value == "[":
                return ParseArrayLiteral();
            case JsTokenKind.Punctuator when t.Value == "{":
                return ParseObjectLiteral();
            default:
                Error("expression expected");
                if (t.Kind is JsTokenKind.Invalid) _pos++;
                return new JsUnsupported(t.Start, t.Start, "missing expression");
        }
    }

    private JsNode ParseWordPrimary(JsToken t)
    {
        switch (t.Value)
        {
            case "true" or "false" or "null":
                _pos++;
                return new JsKeywordLiteral(t.Start, t.End, t.Value);
            case "function":
                return ParseFunction(isArrow: false);
            case "async" when Peek().IsWord("function") && !Peek().NewLineBefore:
                _pos++;
                return ParseFunction(isArrow: false);
            case "class":
                {
                    _pos++;
                    while (!AtEnd && !Is("{")) _pos++;
                    _pos = SkipBalanced(_pos);
                    return new JsUnsupported(t.Start, PrevEnd, "class");
                }
            case "new":
                {
                    _pos++;
                    if (Is(".")) { _pos += 2; return new JsUnsupported(t.Start, PrevEnd, "new.target"); }
                    var callee = ParsePrimary();
                    while (Is(".") && Peek().Kind == JsTokenKind.Identifier)
                    {
                        _pos++;
                        var name = Advance().Value;
                        callee = new JsMember(callee.Start, PrevEnd, callee, name, null, false);
                    }
                    if (Is("<") && TrySkipTypeArguments(_pos) is { } after) _pos = after;
                    IReadOnlyList<JsNode> args = [];
                    if (Is("(")) ParseArgumentsEnd(out args);
                    return new JsCall(t.Start, PrevEnd, callee, args, IsNew: true);
                }
            case "import" when Peek().Is("(") || Peek().Is("."):
                _pos++;
                return new JsIdentifier(t.Start, t.End, "import");
            default:
                _pos++;
                return new JsIdentifier(t.Start, t.End, t.Value);
        }
    }

    private JsNode ParseParenthesized()
    {
        var open = Advance();
        if (Is(")")) { _pos++; return new JsUnsupported(open.Start, PrevEnd, "empty parentheses"); }
        var inner = ParseExpression();
        Expect(")");
        return new JsParenthesized(open.Start, PrevEnd, inner);
    }

    private JsNode ParseTemplate()
    {
        var first = Advance();
        if (first.Kind == JsTokenKind.Template) return new JsTemplateLiteral(first.Start, first.End, [first.Value], []);
        var quasis = new List<string> { first.Value };
        var expressions = new List<JsNode>();
        while (true)
        {
            var before = _pos;
            expressions.Add(ParseExpression());
            if (Tok.Kind == JsTokenKind.TemplateMiddle) { quasis.Add(Advance().Value); continue; }
            if (Tok.Kind == JsTokenKind.TemplateTail) { quasis.Add(Advance().Value); break; }
            Error("'}' expected in template");
            // Skip to the template's end so the rest of the file still parses.
            while (!AtEnd && Tok.Kind != JsTokenKind.TemplateTail) _pos++;
            quasis.Add(AtEnd ? "" : Advance().Value);
            if (_pos == before) break;
            break;
        }
        return new JsTemplateLiteral(first.Start, PrevEnd, quasis, expressions);
    }

    private JsNode ParseArrayLiteral()
    {
        var open = Advance();
        var items = new List<JsNode?>();
        while (!AtEnd && !Is("]"))
        {
            var before = _pos;
            if (Is(",")) { _pos++; items.Add(null); continue; }
            if (Is("...")) { var s = Advance(); var arg = ParseAssignment(); items.Add(new JsSpread(s.Start, PrevEnd, arg)); }
            else items.Add(ParseAssignment());
            if (!Eat(",") && !Is("]")) { Error("',' or ']' expected"); RecoverInList("]"); }
            if (_pos == before) _pos++;
        }
        Expect("]");
        return new JsArrayLiteral(open.Start, PrevEnd, items);
    }

    private static double? ParseNumber(string text)
    {
        var t = text.TrimEnd('n');
        if (t.Length > 2 && t[0] == '0')
        {
            var radix = char.ToLowerInvariant(t[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
            if (radix != 0)
            {
                try { return Convert.ToInt64(t[2..], radix); }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { return null; }
            }
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private JsUnsupported Unsupported(string what)
    {
        var t = Tok;
        if (!AtEnd) _pos++;
        return new JsUnsupported(t.Start, t.End, what);
    }
}
