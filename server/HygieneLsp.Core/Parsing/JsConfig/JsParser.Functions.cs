namespace HygieneLsp.Core.Parsing.JsConfig;

public sealed partial class JsParser
{
    private JsNode ParseObjectLiteral()
    {
        var open = Advance();
        var members = new List<JsNode>();
        while (!AtEnd && !Is("}"))
        {
            var before = _pos;
            var member = ParseObjectMember();
            if (member is not null) members.Add(member);
            if (!Eat(",") && !Is("}")) { Error("',' or '}' expected"); RecoverInList("}"); }
            if (_pos == before) _pos++;
        }
        Expect("}");
        return new JsObjectLiteral(open.Start, PrevEnd, members);
    }

    private JsNode? ParseObjectMember()
    {
        var start = Tok.Start;
        if (Is("..."))
        {
            _pos++;
            var arg = ParseAssignment();
            return new JsSpread(start, PrevEnd, arg);
        }
        // get/set/async/* prefixes make a method when a key follows.
        while ((Tok.Kind == JsTokenKind.Identifier && Tok.Value is "get" or "set" or "async" && IsKeyStart(Peek())) || Is("*"))
            _pos++;
        var keyStartPos = _pos;
        if (!TryParseKey(out var key, out var keyNode, out var computed)) return null;
        if (Is("?")) _pos++; // TS optional method marker
        if (Is("(") || Is("<"))
        {
            var fn = ParseFunctionRest(start, key, keyStartPos, isArrow: false);
            return new JsProperty(start, PrevEnd, key, keyNode, fn, computed, Shorthand: false, Method: true);
        }
        if (Eat(":"))
        {
            var value = ParseAssignment();
            return new JsProperty(start, PrevEnd, key, keyNode, value, computed, false, false);
        }
        if (Is("=")) { _pos++; ParseAssignment(); } // shorthand default, only valid in patterns
        var shorthandValue = keyNode is JsIdentifier ? keyNode : null;
        return new JsProperty(start, PrevEnd, key, keyNode, shorthandValue, computed, Shorthand: true, Method: false);
    }

    private static bool IsKeyStart(JsToken t) =>
        t.Kind is JsTokenKind.Identifier or JsTokenKind.String or JsTokenKind.Number || t.Is("[") || t.Is("*");

    private bool TryParseKey(out string? key, out JsNode keyNode, out bool computed)
    {
        var t = Tok;
        computed = false;
        switch (t.Kind)
        {
            case JsTokenKind.Identifier:
                _pos++;
                key = t.Value;
                keyNode = new JsIdentifier(t.Start, t.End, t.Value);
                return true;
            case JsTokenKind.String:
                _pos++;
                key = t.Value;
                keyNode = new JsStringLiteral(t.Start, t.End, t.Value);
                return true;
            case JsTokenKind.Number:
                _pos++;
                var n = ParseNumber(t.Value);
                key = n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? t.Value;
                keyNode = new JsNumberLiteral(t.Start, t.End, n);
                return true;
            case JsTokenKind.Punctuator when t.Value == "[":
                _pos++;
                keyNode = ParseAssignment();
                Expect("]");
                computed = true;
                key = keyNode switch { JsStringLiteral s => s.Value, JsTemplateLiteral { Expressions.Count: 0 } tl => tl.Quasis[0], _ => null };
                return true;
            default:
                Error("property name expected");
                key = null;
                keyNode = new JsUnsupported(t.Start, t.Start, "key");
                return false;
        }
    }

    /// <summary>Parses an arrow function when one starts here; otherwise restores the position and returns null.</summary>
    private JsNode? TryParseArrow()
    {
        var start = _pos;
        if (IsWord("async") && !Peek().NewLineBefore && (Peek().Kind == JsTokenKind.Identifier || Peek().Is("(")))
        {
            _pos++;
            var inner = TryParseArrow();
            if (inner is not null) return inner;
            _pos = start;
            return null;
        }
        if (Tok.Kind == JsTokenKind.Identifier && Peek().Is("=>") && !IsReservedWord(Tok.Value))
        {
            var name = Advance();
            var param = new JsNamePattern(name.Start, name.End, name.Value, null);
            _pos++; // =>
            return FinishArrow(name.Start, [param]);
        }
        var generic = Is("<") ? TrySkipTypeArguments(_pos) : null;
        var parenPos = generic ?? _pos;
        if (!_tokens[parenPos].Is("(")) return null;
        var afterParen = SkipBalanced(parenPos);
        var next = _tokens[afterParen];
        if (next.Is(":"))
        {
            var save = _pos;
            _pos = afterParen + 1;
            SkipType();
            var isArrow = Is("=>");
            _pos = save;
            if (!isArrow) return null;
        }
        else if (!next.Is("=>") || next.NewLineBefore) return null;

        var open = _tokens[_pos];
        _pos = parenPos;
        var parameters = ParseParameterList();
        if (Eat(":")) SkipType();
        Expect("=>");
        return FinishArrow(open.Start, parameters);
    }

    private JsFunction FinishArrow(int start, IReadOnlyList<JsPattern> parameters)
    {
        JsNode body = Is("{") ? ParseBlock() : ParseAssignment();
        return new JsFunction(start, PrevEnd, null, parameters, body, IsArrow: true);
    }

    private JsNode ParseFunction(bool isArrow)
    {
        var start = Tok.Start;
        _pos++; // function
        Eat("*");
        string? name = null;
        if (Tok.Kind == JsTokenKind.Identifier && !Is("(")) name = Advance().Value;
        return ParseFunctionRest(start, name, _pos, isArrow);
    }

    private JsFunction ParseFunctionRest(int start, string? name, int namePos, bool isArrow)
    {
        _ = namePos;
        if (Is("<") && TrySkipTypeArguments(_pos) is { } after) _pos = after;
        IReadOnlyList<JsPattern> parameters = Is("(") ? ParseParameterList() : [];
        if (Eat(":")) SkipType();
        JsNode? body = Is("{") ? ParseBlock() : null;
        if (body is null) Error("'{' expected");
        return new JsFunction(start, PrevEnd, name, parameters, body, isArrow);
    }

    private List<JsPattern> ParseParameterList()
    {
        var list = new List<JsPattern>();
        Expect("(");
        while (!AtEnd && !Is(")"))
        {
            var before = _pos;
            Eat("...");
            while (Tok.Kind == JsTokenKind.Identifier && Tok.Value is "public" or "private" or "protected" or "readonly"
                   && Peek().Kind == JsTokenKind.Identifier) _pos++;
            var pattern = ParsePattern();
            if (pattern is not null) list.Add(pattern);
            if (!Eat(",") && !Is(")")) { Error("',' or ')' expected"); RecoverInList(")"); }
            if (_pos == before) _pos++;
        }
        Expect(")");
        return list;
    }

    /// <summary>A binding pattern with its optional TS annotation and default value.</summary>
    private JsPattern? ParsePattern()
    {
        if (!EnterDepth()) { Unsupported("too deep"); return null; }
        try
        {
            var start = Tok.Start;
            JsPattern? pattern;
            if (Is("{")) pattern = ParseObjectPattern();
            else if (Is("[")) pattern = ParseArrayPattern();
            else if (Tok.Kind == JsTokenKind.Identifier) { var t = Advance(); pattern = new JsNamePattern(t.Start, t.End, t.Value, null); }
            else { Error("binding name expected"); return null; }
            Eat("?");
            Eat("!");
            if (Eat(":")) SkipType();
            if (Eat("="))
            {
                var def = ParseAssignment();
                pattern = pattern switch
                {
                    JsNamePattern n => n with { Default = def, End = PrevEnd },
                    JsObjectPattern o => o with { Default = def, End = PrevEnd },
                    JsArrayPattern a => a with { Default = def, End = PrevEnd },
                    _ => pattern,
                };
            }
            _ = start;
            return pattern;
        }
        finally { _depth--; }
    }

    private JsObjectPattern ParseObjectPattern()
    {
        var open = Advance();
        var entries = new List<(string?, JsPattern)>();
        string? rest = null;
        while (!AtEnd && !Is("}"))
        {
            var before = _pos;
            if (Eat("...")) { if (Tok.Kind == JsTokenKind.Identifier) rest = Advance().Value; }
            else if (TryParseKey(out var key, out var keyNode, out _))
            {
                JsPattern? target;
                if (Eat(":")) target = ParsePattern();
                else
                {
                    target = new JsNamePattern(keyNode.Start, keyNode.End, key ?? "", null);
                    if (Eat("=")) { var def = ParseAssignment(); target = ((JsNamePattern)target) with { Default = def }; }
                }
                if (target is not null) entries.Add((key, target));
            }
            if (!Eat(",") && !Is("}")) { Error("',' or '}' expected"); RecoverInList("}"); }
            if (_pos == before) _pos++;
        }
        Expect("}");
        return new JsObjectPattern(open.Start, PrevEnd, entries, rest, null);
    }

    private JsArrayPattern ParseArrayPattern()
    {
        var open = Advance();
        var items = new List<JsPattern?>();
        while (!AtEnd && !Is("]"))
        {
            var before = _pos;
            if (Is(",")) { _pos++; items.Add(null); continue; }
            Eat("...");
            items.Add(ParsePattern());
            if (!Eat(",") && !Is("]")) { Error("',' or ']' expected"); RecoverInList("]"); }
            if (_pos == before) _pos++;
        }
        Expect("]");
        return new JsArrayPattern(open.Start, PrevEnd, items, null);
    }

    private static bool IsReservedWord(string word) =>
        word is "return" or "if" or "else" or "const" or "let" or "var" or "function" or "new" or "typeof" or "delete" or "void"
            or "throw" or "case" or "default" or "export" or "import" or "class" or "in" or "of" or "instanceof";
}
