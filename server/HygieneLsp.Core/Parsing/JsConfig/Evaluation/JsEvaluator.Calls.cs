namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

public sealed partial class JsEvaluator
{
    private JsValue EvaluateCall(JsCall c, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var args = new List<JsValue>();
        var unknownArgs = false;
        foreach (var a in c.Arguments)
        {
            if (a is JsSpread s)
            {
                if (Evaluate(s.Argument, scope, module) is JsArray arr && !arr.HasUnknownItems) args.AddRange(arr.Items);
                else unknownArgs = true;
            }
            else args.Add(Evaluate(a, scope, module));
        }
        // Array mutators the configs use on plugin lists.
        if (c.Callee is JsMember { Name: "push" or "unshift" } pm && !c.IsNew)
        {
            var target = Evaluate(pm.Object, scope, module);
            if (target is JsArray array)
            {
                // Under an unknown condition each item is only possibly added: "the item or false", as `cond && item` reads.
                var added = Conditional > 0 ? args.Select(a => JsChoice.Of([a, JsValue.Of(false, src)], src)).ToList() : args;
                if (unknownArgs || Conditional > 0) array.HasUnknownItems = true;
                if (!unknownArgs && pm.Name == "push") array.Items.AddRange(added);
                else if (!unknownArgs) array.Items.InsertRange(0, added);
                return JsValue.Unknown(src);
            }
        }
        var callee = Evaluate(c.Callee, scope, module);
        if (unknownArgs) { SignalMayThrow(); return JsValue.Unknown(src); }
        return Call(callee, args, src, c.IsNew);
    }

    /// <summary>Calls a value as a function with the given arguments (used by planners for function-form configs).</summary>
    public JsValue Call(JsValue callee, IReadOnlyList<JsValue> args, ValueSource? src, bool isNew = false)
    {
        if (callee is JsChoice choice && choice.Choices.All(c => c is JsFunctionValue))
            return JsChoice.Of(choice.Choices.Select(c => Call(c, args, src, isNew)).ToList(), src);
        if (callee is not JsFunctionValue fn) { SignalMayThrow(); return JsValue.Unknown(src); }
        if (fn.Builtin is not null) return fn.Builtin(new JsCallInfo(args, src, isNew, this));
        if (isNew && fn.ClassName is not null)
            return MakeInstance(fn.ClassName, args, src);
        if (fn.Node is null || fn.Module is null || fn.Closure is null || !Budget.EnterCall()) { SignalMayThrow(); return JsValue.Unknown(src); }
        try
        {
            var scope = new JsScope(fn.Closure);
            for (var i = 0; i < fn.Node.Parameters.Count; i++)
                BindPattern(fn.Node.Parameters[i], i < args.Count ? args[i] : JsValue.Undefined, scope, fn.Module);
            if (fn.Node.Body is not JsBlock block) return Evaluate(fn.Node.Body, scope, fn.Module);
            var frame = new Frame(Conditional);
            ExecuteBlock(block.Body, scope, fn.Module, frame);
            return frame.Finish();
        }
        finally { Budget.LeaveCall(); }
    }

    internal static JsObject MakeInstance(string className, IReadOnlyList<JsValue> args, ValueSource? src)
    {
        var instance = new JsObject { ClassName = className, Source = src };
        instance.Set("options", args.Count > 0 ? args[0] : JsValue.Undefined);
        return instance;
    }

    private JsValue EvaluateAssignment(JsAssignment a, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var signals = _throwSignals;
        var value = Evaluate(a.Value, scope, module);
        // Inside a try block, an assignment whose value may have thrown only possibly happens.
        var mayNotHappen = _tryDepth > 0 && _throwSignals > signals;
        if (mayNotHappen) Conditional++;
        try { return AssignValue(a, value, scope, module, src); }
        finally { if (mayNotHappen) Conditional--; }
    }

    private JsValue AssignValue(JsAssignment a, JsValue value, JsScope scope, JsModuleContext module, ValueSource src)
    {
        if (a.Operator != "=")
        {
            var current = Evaluate(a.Target, scope, module);
            var op = a.Operator[..^1];
            value = op switch
            {
                "||" => JsOperators.ToBool(current) switch { true => current, false => value, null => JsChoice.Of([current, value], src) },
                "&&" => JsOperators.ToBool(current) switch { true => value, false => current, null => JsChoice.Of([current, value], src) },
                "??" => current is JsPrimitive p ? (p.IsNullish ? value : current) : current is JsUnknown ? JsValue.Unknown(src) : current,
                _ => Distribute([current, value], v => JsOperators.Binary(op, v[0], v[1], src), src),
            };
        }
        Assign(a.Target, value, scope, module, src);
        return value;
    }

    private void Assign(JsNode target, JsValue value, JsScope scope, JsModuleContext module, ValueSource src)
    {
        switch (target)
        {
            case JsParenthesized p when p.Inner is not null:
                Assign(p.Inner, value, scope, module, src);
                return;
            case JsIdentifier id:
                {
                    if (Conditional > 0) value = JsChoice.Of([LookupName(id.Name, scope, module, src), value], value.Source);
                    if (!scope.TryAssign(id.Name, value)) scope.Declare(id.Name, value);
                    return;
                }
            case JsMember m:
                {
                    var obj = Evaluate(m.Object, scope, module);
                    var name = m.Name ?? (m.ComputedKey is not null && Evaluate(m.ComputedKey, scope, module) is JsPrimitive kp ? JsOperators.ToJsString(kp) : null);
                    foreach (var o in obj.Options.OfType<JsObject>())
                    {
                        if (name is null) { o.AddUnknownSpread(src); continue; }
                        var newValue = Conditional > 0 || obj is JsChoice ? JsChoice.Of([o.Get(name), value], value.Source) : value;
                        o.Add(new JsEntry(name, newValue, null, src));
                    }
                    return;
                }
        }
    }
}
