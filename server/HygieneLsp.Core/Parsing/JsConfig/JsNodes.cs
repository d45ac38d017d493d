namespace HygieneLsp.Core.Parsing.JsConfig;

/// <summary>A syntax node with its exact character range [Start, End) in the source text.</summary>
public abstract record JsNode(int Start, int End);

// ---- expressions ----
public sealed record JsIdentifier(int Start, int End, string Name) : JsNode(Start, End);
public sealed record JsStringLiteral(int Start, int End, string Value) : JsNode(Start, End);
public sealed record JsNumberLiteral(int Start, int End, double? Value) : JsNode(Start, End);
/// <summary>true, false, null, undefined-free literals (undefined is an identifier in JS).</summary>
public sealed record JsKeywordLiteral(int Start, int End, string Word) : JsNode(Start, End);
public sealed record JsRegexLiteral(int Start, int End, string Text) : JsNode(Start, End);
/// <summary>A template literal: <see cref="Quasis"/> has one more entry than <see cref="Expressions"/>.</summary>
public sealed record JsTemplateLiteral(int Start, int End, IReadOnlyList<string> Quasis, IReadOnlyList<JsNode> Expressions) : JsNode(Start, End);
public sealed record JsArrayLiteral(int Start, int End, IReadOnlyList<JsNode?> Items) : JsNode(Start, End);
public sealed record JsObjectLiteral(int Start, int End, IReadOnlyList<JsNode> Members) : JsNode(Start, End);

/// <summary>
/// An object member. <see cref="Key"/> is the static key text (null when computed and not a literal); <see cref="KeyNode"/>
/// its node. Shorthand members have <see cref="Value"/> = the identifier; methods have a <see cref="JsFunction"/> value.
/// </summary>
public sealed record JsProperty(int Start, int End, string? Key, JsNode KeyNode, JsNode? Value, bool Computed, bool Shorthand, bool Method)
    : JsNode(Start, End);

public sealed record JsSpread(int Start, int End, JsNode? Argument) : JsNode(Start, End);
public sealed record JsMember(int Start, int End, JsNode Object, string? Name, JsNode? ComputedKey, bool Optional) : JsNode(Start, End);
public sealed record JsCall(int Start, int End, JsNode Callee, IReadOnlyList<JsNode> Arguments, bool IsNew) : JsNode(Start, End);
public sealed record JsUnary(int Start, int End, string Operator, JsNode? Operand) : JsNode(Start, End);
public sealed record JsBinary(int Start, int End, string Operator, JsNode Left, JsNode? Right) : JsNode(Start, End);
public sealed record JsConditional(int Start, int End, JsNode Test, JsNode? Then, JsNode? Else) : JsNode(Start, End);
public sealed record JsAssignment(int Start, int End, string Operator, JsNode Target, JsNode? Value) : JsNode(Start, End);
public sealed record JsSequence(int Start, int End, IReadOnlyList<JsNode> Items) : JsNode(Start, End);
public sealed record JsParenthesized(int Start, int End, JsNode? Inner) : JsNode(Start, End);

/// <summary>
/// Arrow or function expression/declaration. <see cref="Body"/> is an expression (concise arrow) or a
/// <see cref="JsBlock"/>. Parameters are patterns (identifier, object/array pattern, default, rest).
/// </summary>
public sealed record JsFunction(int Start, int End, string? Name, IReadOnlyList<JsPattern> Parameters, JsNode? Body, bool IsArrow)
    : JsNode(Start, End);

/// <summary>A node the reader skipped (unsupported syntax or an error); its value is unknown.</summary>
public sealed record JsUnsupported(int Start, int End, string What) : JsNode(Start, End);

// ---- binding patterns ----
public abstract record JsPattern(int Start, int End) : JsNode(Start, End);
public sealed record JsNamePattern(int Start, int End, string Name, JsNode? Default) : JsPattern(Start, End);
/// <summary>`{ a, b: c, d = 1, ...rest }`: each entry maps a key to a nested pattern.</summary>
public sealed record JsObjectPattern(int Start, int End, IReadOnlyList<(string? Key, JsPattern Target)> Entries, string? Rest, JsNode? Default)
    : JsPattern(Start, End);
public sealed record JsArrayPattern(int Start, int End, IReadOnlyList<JsPattern?> Items, JsNode? Default) : JsPattern(Start, End);

// ---- statements ----
public sealed record JsProgram(int Start, int End, IReadOnlyList<JsNode> Body) : JsNode(Start, End);
public sealed record JsBlock(int Start, int End, IReadOnlyList<JsNode> Body) : JsNode(Start, End);
public sealed record JsExpressionStatement(int Start, int End, JsNode Expression) : JsNode(Start, End);
public sealed record JsVariableDeclaration(int Start, int End, string Kind, IReadOnlyList<JsDeclarator> Declarators) : JsNode(Start, End);
public sealed record JsDeclarator(int Start, int End, JsPattern Target, JsNode? Init) : JsNode(Start, End);
public sealed record JsReturn(int Start, int End, JsNode? Argument) : JsNode(Start, End);
public sealed record JsIf(int Start, int End, JsNode? Test, JsNode? Then, JsNode? Else) : JsNode(Start, End);
/// <summary>`import d, { a as b } from 'x'` / `import * as ns from 'x'`. Type-only imports are dropped by the parser.</summary>
public sealed record JsImport(int Start, int End, string Source, string? DefaultName, string? NamespaceName,
    IReadOnlyList<(string Imported, string Local)> Named) : JsNode(Start, End);
public sealed record JsExportDefault(int Start, int End, JsNode? Value) : JsNode(Start, End);
/// <summary>`export const x = ...` / `export function f` / `export { a as b }`.</summary>
public sealed record JsExportNamed(int Start, int End, JsNode? Declaration, IReadOnlyList<(string Local, string Exported)> Specifiers)
    : JsNode(Start, End);
/// <summary>`switch (d) { case t: ... default: ... }`: cases in order, <see cref="JsSwitchCase.Test"/> null for default.</summary>
public sealed record JsSwitch(int Start, int End, JsNode? Discriminant, IReadOnlyList<JsSwitchCase> Cases) : JsNode(Start, End);
public sealed record JsSwitchCase(int Start, int End, JsNode? Test, IReadOnlyList<JsNode> Body) : JsNode(Start, End);
/// <summary>`try { } catch (p) { } finally { }`: <see cref="Handler"/>/<see cref="Finalizer"/> null when absent.</summary>
public sealed record JsTry(int Start, int End, JsBlock Block, JsPattern? Param, JsBlock? Handler, JsBlock? Finalizer) : JsNode(Start, End);
public sealed record JsThrow(int Start, int End, JsNode? Argument) : JsNode(Start, End);
/// <summary>`break` (a label, if any, is dropped: it leaves the innermost loop or switch).</summary>
public sealed record JsBreak(int Start, int End) : JsNode(Start, End);
/// <summary>`for (init; test; update) body`: <see cref="Init"/> a declaration or an expression.</summary>
public sealed record JsFor(int Start, int End, JsNode? Init, JsNode? Test, JsNode? Update, JsNode? Body) : JsNode(Start, End);
/// <summary>`for (const x of xs)` / `for (k in o)`: <see cref="Kind"/> const/let/var, or null for an existing name.</summary>
public sealed record JsForOf(int Start, int End, string? Kind, JsPattern Target, bool In, JsNode Iterable, JsNode? Body) : JsNode(Start, End);
/// <summary>`while (test) body` and `do body while (test)` (<see cref="Do"/>).</summary>
public sealed record JsWhile(int Start, int End, JsNode? Test, JsNode? Body, bool Do) : JsNode(Start, End);
/// <summary>`continue` (a label, if any, is dropped).</summary>
public sealed record JsContinue(int Start, int End) : JsNode(Start, End);
/// <summary>A statement the reader does not model (classes, `with`...): skipped as a whole.</summary>
public sealed record JsSkippedStatement(int Start, int End) : JsNode(Start, End);
