namespace HygieneLsp.Core.Parsing.JsConfig;

/// <summary>TypeScript types are never evaluated, only skipped: these methods find where a type ends.</summary>
public sealed partial class JsParser
{
    /// <summary>Skips one type (unions, intersections, generics, arrays, function types, object types, literals).</summary>
    private void SkipType()
    {
        if (!EnterDepth()) return;
        try
        {
            while (!AtEnd)
            {
                while (Is("|") || Is("&")) _pos++;
                while (Tok.Kind == JsTokenKind.Identifier && Tok.Value is "keyof" or "typeof" or "readonly" or "unique" or "infer" or "asserts" or "new"
                       && Peek().Kind is JsTokenKind.Identifier or JsTokenKind.Punctuator && !Peek().Is(",") && !Peek().Is(")") && !Peek().Is("="))
                    _pos++;
                var wasParen = false;
                if (Is("<"))
                {
                    if (TrySkipTypeArguments(_pos) is { } afterGeneric) _pos = afterGeneric;
                    else return;
                }
                if (Is("(") || Is("[") || Is("{")) { wasParen = Is("("); _pos = SkipBalanced(_pos); }
                else if (Tok.Kind is JsTokenKind.Identifier or JsTokenKind.String or JsTokenKind.Number or JsTokenKind.Template) _pos++;
                else if (Tok.Kind == JsTokenKind.TemplateHead) _pos = SkipBalanced(_pos);
                else if (Is("-") && Peek().Kind == JsTokenKind.Number) _pos += 2;
                else return;
                while (true)
                {
                    if (Is(".") && Peek().Kind == JsTokenKind.Identifier) _pos += 2;
                    else if (Is("<") && TrySkipTypeArguments(_pos) is { } after) _pos = after;
                    else if (Is("[") && !Tok.NewLineBefore) _pos = SkipBalanced(_pos);
                    else break;
                }
                if (wasParen && Is("=>")) { _pos++; continue; }
                if (IsWord("is") && !Tok.NewLineBefore) { _pos++; continue; }
                if (IsWord("extends") && !Tok.NewLineBefore)
                {
                    _pos++;
                    SkipType();
                    if (Eat("?")) { SkipType(); if (Eat(":")) continue; }
                    return;
                }
                if (Is("|") || Is("&")) continue;
                return;
            }
        }
        finally { _depth--; }
    }

    /// <summary>From a '&lt;', returns the index past the matching '&gt;' of a type argument list, or null when it is not one.</summary>
    private int? TrySkipTypeArguments(int index)
    {
        if (!_tokens[index].Is("<")) return null;
        var depth = 0;
        for (var i = index; i < _tokens.Count && i < index + 400; i++)
        {
            var t = _tokens[i];
            if (t.Kind == JsTokenKind.EndOfFile) return null;
            if (t.Kind == JsTokenKind.Punctuator)
            {
                switch (t.Value)
                {
                    case "<": depth++; break;
                    case ">": depth--; break;
                    case ">>": depth -= 2; break;
                    case ">>>": depth -= 3; break;
                    case "(" or "[" or "{": i = SkipBalanced(i) - 1; break;
                    case ";" or ")" or "]" or "}" or "&&" or "||" or "==" or "===" or "!=" or "!==" or "=": return null;
                }
                if (depth <= 0) return depth == 0 ? i + 1 : null;
            }
        }
        return null;
    }

    /// <summary>Skips `type X = ...`, `interface X {...}`, `declare ...`, `enum X {...}`, `namespace X {...}`.</summary>
    private bool TrySkipTypeDeclaration()
    {
        if (Tok.Kind != JsTokenKind.Identifier) return false;
        var next = Peek();
        switch (Tok.Value)
        {
            case "type" when next.Kind == JsTokenKind.Identifier && !next.NewLineBefore:
                _pos += 2;
                if (Is("<") && TrySkipTypeArguments(_pos) is { } after) _pos = after;
                if (Eat("=")) SkipType();
                Eat(";");
                return true;
            case "interface" when next.Kind == JsTokenKind.Identifier && !next.NewLineBefore:
            case "enum" when next.Kind == JsTokenKind.Identifier && !next.NewLineBefore:
            case "namespace" when next.Kind == JsTokenKind.Identifier && !next.NewLineBefore:
            case "module" when next.Kind is JsTokenKind.Identifier or JsTokenKind.String && !next.NewLineBefore:
                _pos += 2;
                while (!AtEnd && !Is("{") && !Is(";")) _pos++;
                if (Is("{")) _pos = SkipBalanced(_pos);
                else Eat(";");
                return true;
            case "declare" when next.Kind == JsTokenKind.Identifier && !next.NewLineBefore:
                _pos++;
                if (!TrySkipTypeDeclaration())
                {
                    SkipStatementRest(atStart: true);
                    if (Is("{")) _pos = SkipBalanced(_pos);
                }
                return true;
            case "abstract" when next.IsWord("class"):
                _pos++;
                return false;
            default:
                return false;
        }
    }
}
