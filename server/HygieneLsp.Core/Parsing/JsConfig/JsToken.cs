namespace HygieneLsp.Core.Parsing.JsConfig;

public enum JsTokenKind
{
    EndOfFile,
    Identifier,
    String,
    /// <summary>A whole template literal without substitutions.</summary>
    Template,
    /// <summary>From the opening backtick up to and including the first <c>${</c>.</summary>
    TemplateHead,
    /// <summary>From a substitution's closing <c>}</c> up to and including the next <c>${</c>.</summary>
    TemplateMiddle,
    /// <summary>From a substitution's closing <c>}</c> up to and including the closing backtick.</summary>
    TemplateTail,
    Number,
    Regex,
    Punctuator,
    /// <summary>A character the tokenizer does not understand; the parser skips it.</summary>
    Invalid,
}

/// <summary>
/// One token with its exact character range. <see cref="Value"/> is the cooked text of strings and template parts
/// (escapes decoded), the name of identifiers, the operator of punctuators. <see cref="NewLineBefore"/> lets the parser
/// apply the few line-break rules configs rely on (ASI after <c>return</c>, statements without semicolons).
/// </summary>
public readonly record struct JsToken(JsTokenKind Kind, int Start, int End, string Value, bool NewLineBefore, bool Unterminated = false)
{
    public bool Is(string punctuator) => Kind == JsTokenKind.Punctuator && Value == punctuator;
    public bool IsWord(string word) => Kind == JsTokenKind.Identifier && Value == word;
}
