namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

public sealed partial class JsEvaluator
{
    /// <summary>
    /// A function activation. A `return` under an unknown condition is only "possible": it is collected and
    /// execution goes on; a `return` at the frame's own certainty level ends the function.
    /// </summary>
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

    /// <summary>Returns true when the block surely returned (the rest of the enclosing code does not run).</summary>
    internal bool ExecuteBlock(IReadOnlyList<JsNode> statements, JsScope scope, JsModuleContext module, Frame frame)
    {
        // Function declarations are hoisted.
        foreach (var s in statements)
        {
            var fn = s switch { JsFunction f => f, JsExportNamed { Declaration: JsFunction f } => f, JsExportDefault { Value: JsFunction f } => f, _ => null };
            if (fn?.Name is { } name) scope.Declare(name, new JsFunctionValue { Node = fn, Closure = scope, Module = module, Source = module.At(fn) });
        }
        foreach (var s in statements)
        {
            if (_steps > MaxSteps) return false;
            if (Execute(s, scope, module, frame)) return true;
        }
        return false;
    }

    private bool Execute(JsNode statement, JsScope scope, JsModuleContext module, Frame frame)
    {
        switch (statement)
        {
            case JsExpressionStatement e:
                Evaluate(e.Expression, scope, module);
                return false;
            case JsVariableDeclaration v:
                foreach (var d in v.Declarators)
                    BindPattern(d.Target, d.Init is null ? JsValue.Undefined : Evaluate(d.Init, scope, module), scope, module);
                return false;
            case JsBlock b:
                return ExecuteBlock(b.Body, new JsScope(scope), module, frame);
            case JsReturn r:
                {
                    var value = r.Argument is null ? JsValue.Undefined : Evaluate(r.Argument, scope, module);
                    if (Conditional > frame.BaseConditional) { frame.Possible.Add(value); return true; }
                    frame.Result = frame.Possible.Count == 0 ? value : JsChoice.Of([.. frame.Possible, value]);
                    return true;
                }
            case JsIf i:
                return ExecuteIf(i, scope, module, frame);
            case JsImport imp:
                BindImport(imp, scope, module);
                return false;
            case JsExportDefault ed:
                {
                    var value = ed.Value is JsFunction { Name: { } n } && scope.TryLookup(n, out var fv) ? fv : Evaluate(ed.Value, scope, module);
                    module.DefaultExport = value;
                    module.DefaultExportSource = module.At(ed);
                    return false;
                }
            case JsExportNamed en:
                ExecuteExportNamed(en, scope, module, frame);
                return false;
            default:
                return false;
        }
    }

    private bool ExecuteIf(JsIf i, JsScope scope, JsModuleContext module, Frame frame)
    {
        var test = JsOperators.ToBool(Evaluate(i.Test, scope, module));
        if (test == true) return i.Then is not null && ExecuteNested(i.Then, scope, module, frame);
        if (test == false) return i.Else is not null && ExecuteNested(i.Else, scope, module, frame);
        Conditional++;
        bool thenReturned, elseReturned;
        try
        {
            thenReturned = i.Then is not null && ExecuteNested(i.Then, scope, module, frame);
            elseReturned = i.Else is not null && ExecuteNested(i.Else, scope, module, frame);
        }
        finally { Conditional--; }
        if (!(thenReturned && elseReturned)) return false;
        // Both branches return: the function surely ends here, with one of the collected values.
        if (Conditional > frame.BaseConditional) return true;
        frame.Result = JsChoice.Of(frame.Possible);
        return true;
    }

    private bool ExecuteNested(JsNode statement, JsScope scope, JsModuleContext module, Frame frame) =>
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
