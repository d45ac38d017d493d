namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// Evaluates config code without running it: literals, objects, closures, conditionals, merges and the few
/// built-ins configs lean on. Anything it cannot know becomes <see cref="JsUnknown"/>; a condition it cannot decide
/// yields a <see cref="JsChoice"/> of both branches. Bounded by a <see cref="JsBudget"/> (steps, value sizes, call
/// depth), so it always ends, and soon.
/// </summary>
public sealed partial class JsEvaluator
{
    public JsEvaluator(JsModuleLoader loader) => Loader = loader;

    public JsModuleLoader Loader { get; }

    public JsBudget Budget { get; } = new();

    /// <summary>Greater than zero while running a branch whose condition is unknown: writes become choices.</summary>
    internal int Conditional { get; private set; }

    public JsValue Evaluate(JsNode? node, JsScope scope, JsModuleContext module)
    {
        if (node is null) return JsValue.Undefined;
        if (!Budget.Step(module.Path) || !Budget.EnterNesting(module.Path)) return JsValue.Unknown(module.At(node));
        try { return EvaluateNode(node, scope, module); }
        finally { Budget.LeaveNesting(); }
    }

    private JsValue EvaluateNode(JsNode node, JsScope scope, JsModuleContext module)
    {
        var src = module.At(node);
        var value = node switch
        {
            JsStringLiteral s => JsValue.Of(s.Value, src),
            JsNumberLiteral n => n.Value is { } d ? JsValue.Of(d, src) : JsValue.Unknown(src),
            JsKeywordLiteral k => JsValue.Of(k.Word switch { "true" => true, "false" => false, _ => null }, src),
            JsTemplateLiteral t => EvaluateTemplate(t, scope, module, src),
            JsIdentifier id => LookupName(id.Name, scope, module, src),
            JsParenthesized p => Evaluate(p.Inner, scope, module),
            JsSequence seq => seq.Items.Aggregate((JsValue)JsValue.Undefined, (_, item) => Evaluate(item, scope, module)),
            JsObjectLiteral o => EvaluateObject(o, scope, module, src),
            JsArrayLiteral a => EvaluateArray(a, scope, module, src),
            JsFunction f => new JsFunctionValue { Node = f, Closure = scope, Module = module, Source = src },
            JsMember m => EvaluateMember(m, scope, module, src),
            JsCall c => EvaluateCall(c, scope, module, src),
            JsUnary u => EvaluateUnary(u, scope, module, src),
            JsBinary b => EvaluateBinary(b, scope, module, src),
            JsConditional c => EvaluateConditional(c, scope, module, src),
            JsAssignment a => EvaluateAssignment(a, scope, module, src),
            _ => JsValue.Unknown(src),
        };
        // Every value passes here: its size is paid for, and one grown past its limit stops the evaluation.
        return Budget.Check(value, module.Path);
    }

    private JsValue LookupName(string name, JsScope scope, JsModuleContext module, ValueSource src)
    {
        if (scope.TryLookup(name, out var value)) return value;
        return JsGlobals.Lookup(name, module, this, src);
    }

    private JsValue EvaluateTemplate(JsTemplateLiteral t, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var parts = new List<JsValue>();
        foreach (var e in t.Expressions) parts.Add(Evaluate(e, scope, module));
        return Distribute(parts, values =>
        {
            var sb = new System.Text.StringBuilder(t.Quasis[0]);
            for (var i = 0; i < values.Count; i++)
            {
                var s = JsOperators.ToJsString(values[i]);
                if (s is null) return JsValue.Unknown(src);
                if (sb.Length + s.Length > JsBudget.MaxStringLength) return Budget.StringTooLong(module.Path);
                sb.Append(s).Append(i + 1 < t.Quasis.Count ? t.Quasis[i + 1] : "");
            }
            return JsValue.Of(sb.ToString(), src);
        }, src);
    }

    private JsValue EvaluateObject(JsObjectLiteral o, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var obj = new JsObject { Source = src };
        foreach (var member in o.Members)
        {
            switch (member)
            {
                case JsSpread spread:
                    SpreadInto(obj, Evaluate(spread.Argument, scope, module), module.At(spread));
                    break;
                case JsProperty p:
                    {
                        var key = p.Key;
                        if (p.Computed && key is null)
                        {
                            var k = Evaluate(p.KeyNode, scope, module);
                            key = k is JsPrimitive kp ? JsOperators.ToJsString(kp) : null;
                        }
                        var value = p.Value is null ? JsValue.Unknown(module.At(p)) : Evaluate(p.Value, scope, module);
                        if (key is null) obj.AddUnknownSpread(module.At(p));
                        else obj.Add(new JsEntry(key, value, p, module.At(p)));
                        break;
                    }
            }
        }
        return obj;
    }

    /// <summary>`{...x}`: copies known entries; an unknown source hides every key written before it.</summary>
    internal static void SpreadInto(JsObject target, JsValue value, ValueSource src)
    {
        switch (value)
        {
            case JsObject source:
                foreach (var e in source.Entries) target.Add(e);
                break;
            case JsPrimitive:
                break;
            case JsChoice choice when choice.Choices.All(c => c is JsObject or JsPrimitive { IsNullish: true }):
                {
                    // Each key becomes "one of" the options' values (absent → what was there before).
                    var keys = choice.Choices.OfType<JsObject>().SelectMany(c => c.Keys).Distinct().ToList();
                    if (choice.Choices.OfType<JsObject>().Any(c => c.HasUnknownEntries)) { target.AddUnknownSpread(src); break; }
                    foreach (var key in keys)
                    {
                        var before = target.Get(key);
                        var options = choice.Choices.Select(c => c is JsObject co && co.TryGetEntry(key, out var e) ? e!.Value : before);
                        target.Add(new JsEntry(key, JsChoice.Of(options, src), null, src));
                    }
                    break;
                }
            default:
                target.AddUnknownSpread(src);
                break;
        }
    }

    private JsValue EvaluateArray(JsArrayLiteral a, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var arr = new JsArray { Source = src };
        foreach (var item in a.Items)
        {
            if (item is JsSpread spread)
            {
                var v = Evaluate(spread.Argument, scope, module);
                if (v is JsArray inner) { arr.Items.AddRange(inner.Items); arr.HasUnknownItems |= inner.HasUnknownItems; }
                else arr.HasUnknownItems = true;
            }
            else arr.Items.Add(item is null ? JsValue.Undefined : Evaluate(item, scope, module));
        }
        return arr;
    }

    private JsValue EvaluateMember(JsMember m, JsScope scope, JsModuleContext module, ValueSource src)
    {
        if (m.Object is JsIdentifier { Name: "import" } && m.Name == "meta") return JsGlobals.ImportMeta(module, src);
        var obj = Evaluate(m.Object, scope, module);
        var name = m.Name;
        if (name is null && m.ComputedKey is not null)
        {
            var k = Evaluate(m.ComputedKey, scope, module);
            name = k is JsPrimitive kp ? JsOperators.ToJsString(kp) : null;
        }
        if (name is null) return JsValue.Unknown(src);
        var result = GetMember(obj, name, src);
        // `a?.b` on null/undefined is undefined rather than an error.
        return m.Optional && obj is JsPrimitive { IsNullish: true } ? JsValue.Undefined : result;
    }

    public static JsValue GetMember(JsValue obj, string name, ValueSource? src)
    {
        switch (obj)
        {
            case JsObject o: return o.Get(name);
            case JsArray a:
                if (name == "length") return a.HasUnknownItems ? JsValue.Unknown(src) : JsValue.Of((double)a.Items.Count, src);
                if (int.TryParse(name, out var i) && !a.HasUnknownItems) return i >= 0 && i < a.Items.Count ? a.Items[i] : JsValue.Undefined;
                return JsArrayMethods.Get(a, name, src) ?? JsValue.Unknown(src);
            case JsPrimitive { Value: string s } when name == "length": return JsValue.Of((double)s.Length, src);
            case JsPrimitive { Value: string s }: return JsArrayMethods.GetStringMethod(s, name, src) ?? JsValue.Unknown(src);
            case JsFunctionValue { Properties: { } props }: return props.Get(name);
            case JsChoice c: return JsChoice.Of(c.Choices.Select(o => GetMember(o, name, src)), src);
            default: return JsValue.Unknown(src);
        }
    }

    private JsValue EvaluateUnary(JsUnary u, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var v = Evaluate(u.Operand, scope, module);
        return u.Operator switch
        {
            "!" => PerOption(v, o => JsOperators.ToBool(o) is { } b ? JsValue.Of(!b, src) : JsValue.Unknown(src), src),
            "-" => PerOption(v, o => o is JsPrimitive p && JsOperators.ToNumber(p) is { } n ? JsValue.Of(-n, src) : JsValue.Unknown(src), src),
            "+" => PerOption(v, o => o is JsPrimitive p && JsOperators.ToNumber(p) is { } n ? JsValue.Of(n, src) : JsValue.Unknown(src), src),
            "typeof" => PerOption(v, o => JsOperators.TypeOf(o) is { } t ? JsValue.Of(t, src) : JsValue.Unknown(src), src),
            "void" => JsValue.Undefined,
            "await" => v,
            "++" or "--" or "post++" or "post--" => Increment(u, v, scope, module, src),
            _ => JsValue.Unknown(src),
        };
    }

    /// <summary>`i++`, `--n`: assigns the number plus or minus one; the expression is the new (prefix) or old (postfix) number.</summary>
    private JsValue Increment(JsUnary u, JsValue current, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var delta = u.Operator.EndsWith("++", StringComparison.Ordinal) ? 1 : -1;
        var old = PerOption(current, o => o is JsPrimitive p && JsOperators.ToNumber(p) is { } n ? JsValue.Of(n, src) : JsValue.Unknown(src), src);
        var updated = PerOption(old, o => o is JsPrimitive { Value: double n } ? JsValue.Of(n + delta, src) : JsValue.Unknown(src), src);
        if (u.Operand is not null) Assign(u.Operand, updated, scope, module, src);
        return u.Operator.StartsWith("post", StringComparison.Ordinal) ? old : updated;
    }

    private JsValue EvaluateBinary(JsBinary b, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var left = Evaluate(b.Left, scope, module);
        if (b.Operator is "&&" or "||" or "??")
        {
            var right = Evaluate(b.Right, scope, module);
            return PerOption(left, l =>
            {
                var takeRight = b.Operator switch
                {
                    "&&" => JsOperators.ToBool(l),
                    "||" => JsOperators.ToBool(l) is { } t ? !t : null,
                    _ => l is JsPrimitive p ? p.IsNullish : l is JsUnknown ? null : false,
                };
                return takeRight switch { true => right, false => l, null => JsChoice.Of([l, right], src) };
            }, src);
        }
        var r = Evaluate(b.Right, scope, module);
        return Distribute([left, r], v => JsOperators.Binary(b.Operator, v[0], v[1], src), src);
    }

    private JsValue EvaluateConditional(JsConditional c, JsScope scope, JsModuleContext module, ValueSource src)
    {
        var test = Evaluate(c.Test, scope, module);
        return JsOperators.ToBool(test) switch
        {
            true => Evaluate(c.Then, scope, module),
            false => Evaluate(c.Else, scope, module),
            null => JsChoice.Of([Evaluate(c.Then, scope, module), Evaluate(c.Else, scope, module)], src),
        };
    }

    /// <summary>Applies <paramref name="f"/> to each option of a choice (or the value itself).</summary>
    internal static JsValue PerOption(JsValue v, Func<JsValue, JsValue> f, ValueSource? src) =>
        v is JsChoice c ? JsChoice.Of(c.Choices.Select(f), src) : f(v);

    /// <summary>Applies <paramref name="f"/> to every combination of the operands' options (bounded).</summary>
    internal static JsValue Distribute(IReadOnlyList<JsValue> operands, Func<IReadOnlyList<JsValue>, JsValue> f, ValueSource? src)
    {
        if (operands.All(o => o is not JsChoice)) return f(operands);
        var combos = new List<List<JsValue>> { new() };
        foreach (var operand in operands)
        {
            var options = operand is JsChoice c ? c.Choices : [operand];
            combos = combos.SelectMany(prefix => options.Select(o => new List<JsValue>(prefix) { o })).ToList();
            if (combos.Count > 16) return JsValue.Unknown(src);
        }
        return JsChoice.Of(combos.Select(f), src);
    }
}
