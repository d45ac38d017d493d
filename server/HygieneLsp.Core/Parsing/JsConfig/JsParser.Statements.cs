namespace HygieneLsp.Core.Parsing.JsConfig;

public sealed partial class JsParser
{
    private JsNode? ParseStatement()
    {
        if (!EnterDepth()) { Unsupported("too deep"); return null; }
        try { return ParseStatementCore(); }
        finally { _depth--; }
    }

    private JsNode? ParseStatementCore()
    {
        var t = Tok;
        if (Eat(";")) return null;
        if (Is("{")) return ParseBlock();
        if (Is("@")) { _pos++; ParseCallChain(ParsePrimary()); return null; } // decorator
        if (t.Kind != JsTokenKind.Identifier) return ParseExpressionStatement();
        if (TrySkipTypeDeclaration()) return new JsSkippedStatement(t.Start, PrevEnd);
        switch (t.Value)
        {
            case "const" when Peek().IsWord("enum"):
                _pos++;
                TrySkipTypeDeclaration();
                return new JsSkippedStatement(t.Start, PrevEnd);
            case "const" or "let" or "var" when Peek().Kind == JsTokenKind.Identifier || Peek().Is("{") || Peek().Is("["):
                return ParseVariableDeclaration();
            case "function":
            case "async" when Peek().IsWord("function"):
                {
                    if (t.Value == "async") _pos++;
                    return ParseFunction(isArrow: false);
                }
            case "return":
                {
                    _pos++;
                    JsNode? arg = null;
                    if (!Is(";") && !Is("}") && !AtEnd && !Tok.NewLineBefore) arg = ParseExpression();
                    Eat(";");
                    return new JsReturn(t.Start, PrevEnd, arg);
                }
            case "if":
                return ParseIf();
            case "import" when !Peek().Is("(") && !Peek().Is("."):
                return ParseImport();
            case "export":
                return ParseExport();
            case "class":
                {
                    ParseWordPrimary(t);
                    return new JsSkippedStatement(t.Start, PrevEnd);
                }
            case "switch" when Peek().Is("("):
                return ParseSwitch();
            case "for" when Peek().Is("(") || Peek().IsWord("await") && Peek(2).Is("("):
                return ParseFor();
            case "while" when Peek().Is("("):
                {
                    _pos++;
                    _pos++;
                    var test = ParseExpression();
                    Expect(")");
                    var body = ParseStatement();
                    return new JsWhile(t.Start, PrevEnd, test, body, false);
                }
            case "with" when Peek().Is("("):
                {
                    _pos++;
                    _pos = SkipBalanced(_pos);
                    ParseStatement();
                    return new JsSkippedStatement(t.Start, PrevEnd);
                }
            case "do":
                {
                    _pos++;
                    var body = ParseStatement();
                    JsNode? test = null;
                    if (IsWord("while")) { _pos++; if (Eat("(")) { test = ParseExpression(); Expect(")"); } }
                    Eat(";");
                    return new JsWhile(t.Start, PrevEnd, test, body, true);
                }
            case "try" when Peek().Is("{"):
                return ParseTry();
            case "throw" when !Peek().NewLineBefore:
                {
                    _pos++;
                    var arg = ParseExpression();
                    Eat(";");
                    return new JsThrow(t.Start, PrevEnd, arg);
                }
            case "break":
                SkipStatementRest(true);
                return new JsBreak(t.Start, PrevEnd);
            case "continue":
                SkipStatementRest(true);
                return new JsContinue(t.Start, PrevEnd);
            case "throw" or "debugger":
                SkipStatementRest(true);
                return new JsSkippedStatement(t.Start, PrevEnd);
            default:
                return ParseExpressionStatement();
        }
    }

    /// <summary>
    /// `for (init; test; update) body`, `for (const x of xs) body`, `for (k in o) body`, `for await (...)`. A head
    /// the reader cannot take apart makes the whole loop a skipped statement.
    /// </summary>
    private JsNode ParseFor()
    {
        var start = Advance().Start;
        if (IsWord("await")) _pos++;
        var open = _pos;
        var errors = _errors.Count;
        _pos++; // (
        string? kind = null;
        if ((IsWord("const") || IsWord("let") || IsWord("var")) && (Peek().Kind == JsTokenKind.Identifier || Peek().Is("{") || Peek().Is("[")))
            kind = Advance().Value;
        if (kind is not null || Tok.Kind == JsTokenKind.Identifier && (Peek().IsWord("of") || Peek().IsWord("in")) || Is("{") || Is("["))
        {
            var headStart = _pos;
            var target = ParsePatternWithoutDefault();
            if (target is not null && (IsWord("of") || IsWord("in")))
            {
                var isIn = Advance().Value == "in";
                var iterable = isIn ? ParseExpression() : ParseAssignment();
                if (Eat(")"))
                {
                    var body = ParseStatement();
                    return new JsForOf(start, PrevEnd, kind, target, isIn, iterable, body);
                }
            }
            _pos = headStart;
            _errors.RemoveRange(errors, _errors.Count - errors);
        }
        JsNode? init = null;
        if (kind is not null) { _pos--; init = ParseVariableDeclaration(); }
        else if (!Eat(";")) { init = ParseExpression(); Expect(";"); }
        JsNode? test = Is(";") ? null : ParseExpression();
        var ok = Eat(";");
        JsNode? update = Is(")") ? null : ParseExpression();
        ok &= Eat(")");
        if (!ok || _errors.Count > errors)
        {
            // Not a head the reader understands: skip the loop as before.
            _errors.RemoveRange(errors, _errors.Count - errors);
            _pos = SkipBalanced(open);
            ParseStatement();
            return new JsSkippedStatement(start, PrevEnd);
        }
        var loopBody = ParseStatement();
        return new JsFor(start, PrevEnd, init, test, update, loopBody);
    }

    private JsNode ParseExpressionStatement()
    {
        var start = Tok.Start;
        var expr = ParseExpression();
        if (!Eat(";") && !AtEnd && !Is("}") && !Tok.NewLineBefore)
        {
            Error("';' expected");
            SkipStatementRest(true);
        }
        return new JsExpressionStatement(start, PrevEnd, expr);
    }

    private JsBlock ParseBlock()
    {
        var open = Advance();
        var body = new List<JsNode>();
        while (!AtEnd && !Is("}"))
        {
            var before = _pos;
            var statement = ParseStatement();
            if (statement is not null) body.Add(statement);
            if (_pos == before) { Error("unexpected token"); _pos++; }
        }
        Expect("}");
        return new JsBlock(open.Start, PrevEnd, body);
    }

    private JsVariableDeclaration ParseVariableDeclaration()
    {
        var kindToken = Advance();
        var declarators = new List<JsDeclarator>();
        do
        {
            var start = Tok.Start;
            var pattern = ParsePatternWithoutDefault();
            if (pattern is null) break;
            JsNode? init = null;
            if (Eat("=")) init = ParseAssignment();
            declarators.Add(new JsDeclarator(start, PrevEnd, pattern, init));
        } while (Eat(","));
        Eat(";");
        return new JsVariableDeclaration(kindToken.Start, PrevEnd, kindToken.Value, declarators);
    }

    /// <summary>A declaration target: like a parameter, but '=' starts the initializer rather than a default.</summary>
    private JsPattern? ParsePatternWithoutDefault()
    {
        JsPattern? pattern;
        if (Is("{")) pattern = ParseObjectPattern();
        else if (Is("[")) pattern = ParseArrayPattern();
        else if (Tok.Kind == JsTokenKind.Identifier) { var t = Advance(); pattern = new JsNamePattern(t.Start, t.End, t.Value, null); }
        else { Error("binding name expected"); return null; }
        Eat("!");
        if (Eat(":")) SkipType();
        return pattern;
    }

    private JsIf ParseIf()
    {
        var start = Advance().Start;
        JsNode? test = null;
        if (Eat("(")) { test = ParseExpression(); Expect(")"); }
        else Error("'(' expected");
        var then = ParseStatement();
        JsNode? otherwise = null;
        if (IsWord("else")) { _pos++; otherwise = ParseStatement(); }
        return new JsIf(start, PrevEnd, test, then, otherwise);
    }

    private JsSwitch ParseSwitch()
    {
        var start = Advance().Start;
        JsNode? discriminant = null;
        if (Eat("(")) { discriminant = ParseExpression(); Expect(")"); }
        var cases = new List<JsSwitchCase>();
        if (!Eat("{")) { Error("'{' expected"); return new JsSwitch(start, PrevEnd, discriminant, cases); }
        while (!AtEnd && !Is("}"))
        {
            var caseStart = Tok.Start;
            JsNode? test = null;
            if (IsWord("case")) { _pos++; test = ParseExpression(); }
            else if (IsWord("default")) _pos++;
            else { Error("'case' expected"); _pos++; continue; }
            Expect(":");
            var body = new List<JsNode>();
            while (!AtEnd && !Is("}") && !IsWord("case") && !(IsWord("default") && Peek().Is(":")))
            {
                var before = _pos;
                var statement = ParseStatement();
                if (statement is not null) body.Add(statement);
                if (_pos == before) { Error("unexpected token"); _pos++; }
            }
            cases.Add(new JsSwitchCase(caseStart, PrevEnd, test, body));
        }
        Expect("}");
        return new JsSwitch(start, PrevEnd, discriminant, cases);
    }

    private JsTry ParseTry()
    {
        var start = Advance().Start;
        var block = ParseBlock();
        JsPattern? param = null;
        JsBlock? handler = null, finalizer = null;
        if (IsWord("catch"))
        {
            _pos++;
            if (Eat("(")) { param = ParsePatternWithoutDefault(); Expect(")"); }
            if (Is("{")) handler = ParseBlock(); else Error("'{' expected");
        }
        if (IsWord("finally"))
        {
            _pos++;
            if (Is("{")) finalizer = ParseBlock(); else Error("'{' expected");
        }
        return new JsTry(start, PrevEnd, block, param, handler, finalizer);
    }

    private JsNode ParseImport()
    {
        var start = Advance().Start;
        // TypeScript `import path = require('path')`: a const bound to the require call.
        if (Tok.Kind == JsTokenKind.Identifier && Peek().Is("=") && !IsWord("type"))
        {
            var name = Advance();
            _pos++; // =
            var init = ParseAssignment();
            Eat(";");
            return new JsVariableDeclaration(start, PrevEnd, "const",
                [new JsDeclarator(name.Start, PrevEnd, new JsNamePattern(name.Start, name.End, name.Value, null), init)]);
        }
        if (IsWord("type") && (Peek().Kind == JsTokenKind.Identifier || Peek().Is("{") || Peek().Is("*")) && !Peek().IsWord("from"))
        {
            SkipStatementRest(true);
            return new JsSkippedStatement(start, PrevEnd);
        }
        if (Tok.Kind == JsTokenKind.String)
        {
            var bare = Advance();
            SkipStatementRest(false);
            return new JsImport(start, PrevEnd, bare.Value, null, null, []);
        }
        string? defaultName = null, ns = null;
        var named = new List<(string, string)>();
        if (Tok.Kind == JsTokenKind.Identifier && !IsWord("from")) { defaultName = Advance().Value; Eat(","); }
        if (Is("*")) { _pos++; if (IsWord("as")) { _pos++; if (Tok.Kind == JsTokenKind.Identifier) ns = Advance().Value; } }
        if (Is("{"))
        {
            _pos++;
            while (!AtEnd && !Is("}"))
            {
                var before = _pos;
                var typeOnly = IsWord("type") && Peek().Kind is JsTokenKind.Identifier or JsTokenKind.String && !Peek().IsWord("as");
                if (typeOnly) _pos++;
                if (Tok.Kind is JsTokenKind.Identifier or JsTokenKind.String)
                {
                    var imported = Advance().Value;
                    var local = imported;
                    if (IsWord("as")) { _pos++; if (Tok.Kind == JsTokenKind.Identifier) local = Advance().Value; }
                    if (!typeOnly) named.Add((imported, local));
                }
                if (!Eat(",") && !Is("}")) RecoverInList("}");
                if (_pos == before) _pos++;
            }
            Expect("}");
        }
        var source = "";
        if (IsWord("from")) { _pos++; if (Tok.Kind == JsTokenKind.String) source = Advance().Value; }
        SkipStatementRest(false);
        return new JsImport(start, PrevEnd, source, defaultName, ns, named);
    }

    private JsNode ParseExport()
    {
        var start = Advance().Start;
        if (IsWord("default"))
        {
            _pos++;
            var value = IsWord("function") || (IsWord("async") && Peek().IsWord("function"))
                ? ParseStatement()
                : ParseAssignment();
            Eat(";");
            return new JsExportDefault(start, PrevEnd, value);
        }
        if (Is("="))
        {
            _pos++;
            var value = ParseAssignment();
            Eat(";");
            return new JsExportDefault(start, PrevEnd, value);
        }
        if (IsWord("type") && (Peek().Is("{") || Peek().Is("*")))
        {
            SkipStatementRest(true);
            return new JsSkippedStatement(start, PrevEnd);
        }
        if (Is("{") || Is("*"))
        {
            var specifiers = new List<(string, string)>();
            if (Eat("{"))
            {
                while (!AtEnd && !Is("}"))
                {
                    var before = _pos;
                    if (Tok.Kind is JsTokenKind.Identifier or JsTokenKind.String)
                    {
                        var local = Advance().Value;
                        var exported = local;
                        if (IsWord("as")) { _pos++; if (Tok.Kind is JsTokenKind.Identifier or JsTokenKind.String) exported = Advance().Value; }
                        specifiers.Add((local, exported));
                    }
                    if (!Eat(",") && !Is("}")) RecoverInList("}");
                    if (_pos == before) _pos++;
                }
                Expect("}");
            }
            SkipStatementRest(false);
            return new JsExportNamed(start, PrevEnd, null, specifiers);
        }
        var declaration = ParseStatement();
        return new JsExportNamed(start, PrevEnd, declaration, []);
    }
}
