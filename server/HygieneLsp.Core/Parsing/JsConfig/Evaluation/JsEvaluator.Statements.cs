namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

public sealed partial class JsEvaluator
{
    /// <summary>
    /// A function activation. A `return` under an unknown condition is only "possible": it is collected and
    /// execution goes on; a `return` at the frame's own certainty level ends the function.
    /// </summary>
    /// <summary>How a statement ended. MaybeBreak / MaybeContinue: a break / continue under an unknown condition.</summary>
    internal enum Completion { Normal, Return, Throw, Break, MaybeBreak, Continue, MaybeContinue }

    internal sealed class Frame
    {
        public Frame(int baseConditional) => BaseConditional = baseConditional;
        public int BaseConditional { get; }
        public List<JsValue> Possible { get; } = [];
        public JsValue? Result { get; set; }

        public JsValue Finish() =>
            Result ?? (Possible.Count == 0 ? JsValue.Undefined : JsChoice.Of([.. Possible, JsValue.Undefined]));
    }

    /// <summary>Runs a module's top level: imports, declarations, exports, side-effect calls.</summary>
    public void ExecuteModule(JsModuleContext module, JsScope scope)
    {
        var frame = new Frame(Conditional);
        ExecuteBlock(module.Document.Program.Body, scope, module, frame);
    }

    /// <summary>
    /// Runs statements in order. The completion says how the block ended: normally, by a sure return/throw/break
    /// (the rest does not run) or by a break under an unknown condition (the rest runs, but only possibly).
    /// </summary>
    internal Completion ExecuteBlock(IReadOnlyList<JsNode> statements, JsScope scope, JsModuleContext module, Frame frame)
    {
        // Function declarations are hoisted.
        foreach (var s in statements)
        {
            var fn = s switch { JsFunction f => f, JsExportNamed { Declaration: JsFunction f } => f, JsExportDefault { Value: JsFunction f } => f, _ => null };
            if (fn?.Name is { } name) scope.Declare(name, new JsFunctionValue { Node = fn, Closure = scope, Module = module, Source = module.At(fn) });
        }
        var raised = 0;
        var result = Completion.Normal;
        try
        {
            foreach (var s in statements)
            {
                if (Budget.Exhausted) return Completion.Normal;
                var c = Execute(s, scope, module, frame);
                if (c is Completion.Return or Completion.Throw or Completion.Break or Completion.Continue) return c;
                if (c is Completion.MaybeBreak or Completion.MaybeContinue)
                {
                    // The rest runs only when the break (continue) did not happen.
                    result = result == Completion.MaybeBreak ? result : c;
                    Conditional++;
                    raised++;
                }
            }
            return result;
        }
        finally { Conditional -= raised; }
    }

    private Completion Execute(JsNode statement, JsScope scope, JsModuleContext module, Frame frame)
    {
        switch (statement)
        {
            case JsExpressionStatement e:
                Evaluate(e.Expression, scope, module);
                return Completion.Normal;
            case JsVariableDeclaration v:
                foreach (var d in v.Declarators)
                    BindPattern(d.Target, d.Init is null ? JsValue.Undefined : Evaluate(d.Init, scope, module), scope, module);
                return Completion.Normal;
            case JsBlock b:
                return ExecuteBlock(b.Body, new JsScope(scope), module, frame);
            case JsReturn r:
                {
                    var value = r.Argument is null ? JsValue.Undefined : Evaluate(r.Argument, scope, module);
                    if (Conditional > frame.BaseConditional) { frame.Possible.Add(value); return Completion.Return; }
                    frame.Result = frame.Possible.Count == 0 ? value : JsChoice.Of([.. frame.Possible, value]);
                    return Completion.Return;
                }
            case JsIf i:
                return ExecuteIf(i, scope, module, frame);
            case JsSwitch sw:
                return ExecuteSwitch(sw, scope, module, frame);
            case JsTry t:
                return ExecuteTry(t, scope, module, frame);
            case JsThrow th:
                Evaluate(th.Argument, scope, module);
                _throwSignals++;
                return Completion.Throw;
            case JsBreak:
                return Completion.Break;
            case JsContinue:
                return Completion.Continue;
            case JsFor f:
                return ExecuteFor(f, scope, module, frame);
            case JsForOf fo:
                return ExecuteForOf(fo, scope, module, frame);
            case JsWhile w:
                return ExecuteWhile(w, scope, module, frame);
            case JsImport imp:
                BindImport(imp, scope, module);
                return Completion.Normal;
            case JsExportDefault ed:
                {
                    var value = ed.Value is JsFunction { Name: { } n } && scope.TryLookup(n, out var fv) ? fv : Evaluate(ed.Value, scope, module);
                    module.DefaultExport = value;
                    module.DefaultExportSource = module.At(ed);
                    return Completion.Normal;
                }
            case JsExportNamed en:
                ExecuteExportNamed(en, scope, module, frame);
                return Completion.Normal;
            default:
                return Completion.Normal;
        }
    }

    private Completion ExecuteIf(JsIf i, JsScope scope, JsModuleContext module, Frame frame)
    {
        var test = JsOperators.ToBool(Evaluate(i.Test, scope, module));
        if (test == true) return i.Then is null ? Completion.Normal : ExecuteNested(i.Then, scope, module, frame);
        if (test == false) return i.Else is null ? Completion.Normal : ExecuteNested(i.Else, scope, module, frame);
        Conditional++;
        Completion thenDone, elseDone;
        try
        {
            thenDone = i.Then is null ? Completion.Normal : ExecuteNested(i.Then, scope, module, frame);
            elseDone = i.Else is null ? Completion.Normal : ExecuteNested(i.Else, scope, module, frame);
        }
        finally { Conditional--; }
        return Join(thenDone, elseDone, frame);
    }

    /// <summary>
    /// The completion of two branches taken under an unknown condition: both leave the function → it surely ends
    /// here (with one of the collected values); both break → break; one breaks → maybe.
    /// </summary>
    private Completion Join(Completion a, Completion b, Frame frame)
    {
        static bool Leaves(Completion c) => c is Completion.Return or Completion.Throw;
        if (Leaves(a) && Leaves(b))
        {
            if (Conditional <= frame.BaseConditional) frame.Result = JsChoice.Of(frame.Possible);
            return a == Completion.Throw && b == Completion.Throw ? Completion.Throw : Completion.Return;
        }
        if (a == Completion.Break && b == Completion.Break) return Completion.Break;
        if (a == Completion.Continue && b == Completion.Continue) return Completion.Continue;
        if (a is Completion.Break or Completion.MaybeBreak || b is Completion.Break or Completion.MaybeBreak) return Completion.MaybeBreak;
        if (a is Completion.Continue or Completion.MaybeContinue || b is Completion.Continue or Completion.MaybeContinue) return Completion.MaybeContinue;
        return Completion.Normal;
    }

    private Completion ExecuteNested(JsNode statement, JsScope scope, JsModuleContext module, Frame frame) =>
        statement is JsBlock b ? ExecuteBlock(b.Body, new JsScope(scope), module, frame) : Execute(statement, scope, module, frame);

    private void ExecuteExportNamed(JsExportNamed en, JsScope scope, JsModuleContext module, Frame frame)
    {
        if (en.Declaration is not null)
        {
            Execute(en.Declaration, scope, module, frame);
            var names = en.Declaration switch
            {
                JsVariableDeclaration v => v.Declarators.Select(d => d.Target).OfType<JsNamePattern>().Select(p => p.Name),
                JsFunction { Name: { } n } => [n],
                _ => [],
            };
            foreach (var name in names)
                if (scope.TryLookup(name, out var value)) module.NamedExports[name] = value;
            return;
        }
        foreach (var (local, exported) in en.Specifiers)
        {
            var value = scope.TryLookup(local, out var v) ? v : JsValue.Unknown();
            if (exported == "default") { module.DefaultExport = value; module.DefaultExportSource = module.At(en); }
            else module.NamedExports[exported] = value;
        }
    }

    private void BindImport(JsImport imp, JsScope scope, JsModuleContext module)
    {
        var src = module.At(imp);
        var loaded = Loader.Import(imp.Source, module, src);
        if (imp.DefaultName is not null) scope.Declare(imp.DefaultName, loaded.Default);
        if (imp.NamespaceName is not null) scope.Declare(imp.NamespaceName, loaded.Namespace);
        foreach (var (imported, local) in imp.Named)
            scope.Declare(local, imported == "default" ? loaded.Default : GetMember(loaded.Namespace, imported, src));
    }

    internal void BindPattern(JsPattern pattern, JsValue value, JsScope scope, JsModuleContext module)
    {
        switch (pattern)
        {
            case JsNamePattern n:
                scope.Declare(n.Name, WithDefault(value, n.Default, scope, module));
                break;
            case JsObjectPattern o:
                {
                    var v = WithDefault(value, o.Default, scope, module);
                    foreach (var (key, target) in o.Entries)
                        BindPattern(target, key is null ? JsValue.Unknown() : GetMember(v, key, module.At(target)), scope, module);
                    if (o.Rest is not null) scope.Declare(o.Rest, v is JsObject obj ? obj.ShallowCopy() : JsValue.Unknown());
                    break;
                }
            case JsArrayPattern a:
                {
                    var v = WithDefault(value, a.Default, scope, module);
                    for (var i = 0; i < a.Items.Count; i++)
                        if (a.Items[i] is { } item) BindPattern(item, GetMember(v, i.ToString(System.Globalization.CultureInfo.InvariantCulture), null), scope, module);
                    break;
                }
        }
    }

    private JsValue WithDefault(JsValue value, JsNode? defaultNode, JsScope scope, JsModuleContext module)
    {
        if (defaultNode is null) return value;
        return PerOption(value, o => o is JsPrimitive { IsUndefined: true } ? Evaluate(defaultNode, scope, module) : o, value.Source);
    }

    /// <summary>Records a call to a build API (esbuild.build, Bun.build...); certain unless under an unknown condition.</summary>
    internal void Record(string api, IReadOnlyList<JsValue> args, ValueSource? src) =>
        Loader.Calls.Add(new RecordedCall(api, args, src, Conditional == 0));
}
