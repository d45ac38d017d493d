namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// The Array.prototype methods configs build plugin lists with (map, filter, concat, includes, find, some, every,
/// reduce, forEach, join) on known arrays, with config-written or built-in callbacks; and a few string methods.
/// An item a callback cannot decide to keep stays as "this item or false" (the shape of `cond &amp;&amp; plugin`,
/// which the bundlers skip), and the array is marked as possibly holding other items.
/// </summary>
internal static class JsArrayMethods
{
    public static JsValue? Get(JsArray array, string name, ValueSource? src) => name switch
    {
        "map" => Fn(call => Map(array, call)),
        "filter" => Fn(call => Filter(array, call)),
        "forEach" => Fn(call => { ForEach(array, call); return JsValue.Undefined; }),
        "concat" => Fn(call => Concat(array, call)),
        "includes" => Fn(call => Includes(array, call)),
        "find" => Fn(call => Find(array, call)),
        "some" => Fn(call => Some(array, call, every: false)),
        "every" => Fn(call => Some(array, call, every: true)),
        "reduce" => Fn(call => Reduce(array, call)),
        "join" => Fn(call => Join(array, call)),
        _ => null,
    };

    public static JsValue? GetStringMethod(string s, string name, ValueSource? src)
    {
        JsValue Arg(JsCallInfo call) => call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Undefined;
        JsValue Test(JsCallInfo call, Func<string, bool> f) =>
            Arg(call) is JsPrimitive { Value: string x } ? JsValue.Of(f(x), call.CallSource) : JsValue.Unknown(call.CallSource);
        return name switch
        {
            "includes" => Fn(call => Test(call, x => s.Contains(x, StringComparison.Ordinal))),
            "startsWith" => Fn(call => Test(call, x => s.StartsWith(x, StringComparison.Ordinal))),
            "endsWith" => Fn(call => Test(call, x => s.EndsWith(x, StringComparison.Ordinal))),
            "toLowerCase" => Fn(call => JsValue.Of(s.ToLowerInvariant(), call.CallSource)),
            "toUpperCase" => Fn(call => JsValue.Of(s.ToUpperInvariant(), call.CallSource)),
            "trim" => Fn(call => JsValue.Of(s.Trim(), call.CallSource)),
            "split" => Fn(call =>
            {
                if (Arg(call) is not JsPrimitive { Value: string sep }) return JsValue.Unknown(call.CallSource);
                var parts = new JsArray { Source = call.CallSource };
                // At most one item past the limit: the budget check of the result then stops the evaluation.
                parts.Items.AddRange((sep.Length == 0 ? s.Select(c => c.ToString()) : s.Split(sep)).Take(JsBudget.MaxItems + 1).Select(p => JsValue.Of(p, call.CallSource)));
                return parts;
            }),
            _ => null,
        };
    }

    private static JsFunctionValue Fn(Func<JsCallInfo, JsValue> f) => JsGlobals.Builtin(f);

    private static JsValue CallBack(JsCallInfo call, JsArray array, int index, params JsValue[] leading)
    {
        var callback = call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Undefined;
        JsValue[] args = [.. leading, JsValue.Of((double)index), array];
        return call.Evaluator.Call(callback, args, call.CallSource);
    }

    private static bool HasCallback(JsCallInfo call) =>
        call.Arguments.Count > 0 && call.Arguments[0] is JsFunctionValue or JsChoice;

    private static JsValue Map(JsArray array, JsCallInfo call)
    {
        if (!HasCallback(call)) return JsValue.Unknown(call.CallSource);
        var result = new JsArray { Source = call.CallSource, HasUnknownItems = array.HasUnknownItems };
        for (var i = 0; i < array.Items.Count; i++) result.Items.Add(CallBack(call, array, i, array.Items[i]));
        return result;
    }

    private static JsValue Filter(JsArray array, JsCallInfo call)
    {
        if (!HasCallback(call)) return JsValue.Unknown(call.CallSource);
        var result = new JsArray { Source = call.CallSource, HasUnknownItems = array.HasUnknownItems };
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            switch (JsOperators.ToBool(CallBack(call, array, i, item)))
            {
                case true: result.Items.Add(item); break;
                case false: break;
                default:
                    result.Items.Add(JsChoice.Of([item, JsValue.Of(false, call.CallSource)], call.CallSource));
                    result.HasUnknownItems = true;
                    break;
            }
        }
        return result;
    }

    private static void ForEach(JsArray array, JsCallInfo call)
    {
        if (!HasCallback(call)) return;
        for (var i = 0; i < array.Items.Count; i++) CallBack(call, array, i, array.Items[i]);
    }

    private static JsValue Concat(JsArray array, JsCallInfo call)
    {
        var result = new JsArray { Source = call.CallSource, HasUnknownItems = array.HasUnknownItems };
        result.Items.AddRange(array.Items);
        foreach (var a in call.Arguments)
        {
            switch (a)
            {
                case JsArray other:
                    result.Items.AddRange(other.Items);
                    result.HasUnknownItems |= other.HasUnknownItems;
                    break;
                case JsPrimitive or JsObject or JsFunctionValue:
                    result.Items.Add(a);
                    break;
                default:
                    result.HasUnknownItems = true;
                    break;
            }
        }
        return result;
    }

    private static JsValue Includes(JsArray array, JsCallInfo call)
    {
        if (call.Arguments.Count == 0 || call.Arguments[0] is not JsPrimitive wanted) return JsValue.Unknown(call.CallSource);
        var undecided = array.HasUnknownItems;
        foreach (var item in array.Items)
        {
            if (item is not JsPrimitive p) { undecided |= item is JsUnknown or JsChoice; continue; }
            if (Equals(p.Value, wanted.Value) || (p.IsUndefined && wanted.IsUndefined)) return JsValue.Of(true, call.CallSource);
        }
        return undecided ? JsValue.Unknown(call.CallSource) : JsValue.Of(false, call.CallSource);
    }

    private static JsValue Find(JsArray array, JsCallInfo call)
    {
        if (!HasCallback(call)) return JsValue.Unknown(call.CallSource);
        for (var i = 0; i < array.Items.Count; i++)
        {
            switch (JsOperators.ToBool(CallBack(call, array, i, array.Items[i])))
            {
                case true: return array.Items[i];
                case null: return JsValue.Unknown(call.CallSource);
            }
        }
        return array.HasUnknownItems ? JsValue.Unknown(call.CallSource) : JsValue.Undefined;
    }

    private static JsValue Some(JsArray array, JsCallInfo call, bool every)
    {
        if (!HasCallback(call)) return JsValue.Unknown(call.CallSource);
        var undecided = array.HasUnknownItems;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var b = JsOperators.ToBool(CallBack(call, array, i, array.Items[i]));
            if (b is null) undecided = true;
            else if (b.Value != every) return JsValue.Of(!every, call.CallSource); // some: a true decides; every: a false does
        }
        return undecided ? JsValue.Unknown(call.CallSource) : JsValue.Of(every, call.CallSource);
    }

    private static JsValue Reduce(JsArray array, JsCallInfo call)
    {
        if (!HasCallback(call) || array.HasUnknownItems) return JsValue.Unknown(call.CallSource);
        var start = 0;
        JsValue acc;
        if (call.Arguments.Count > 1) acc = call.Arguments[1];
        else if (array.Items.Count > 0) { acc = array.Items[0]; start = 1; }
        else return JsValue.Unknown(call.CallSource); // TypeError in JS
        for (var i = start; i < array.Items.Count; i++) acc = CallBack(call, array, i, acc, array.Items[i]);
        return acc;
    }

    private static JsValue Join(JsArray array, JsCallInfo call)
    {
        var sep = call.Arguments.Count > 0 && call.Arguments[0] is JsPrimitive { Value: string s } ? s : ",";
        if (array.HasUnknownItems) return JsValue.Unknown(call.CallSource);
        var parts = new List<string>();
        long length = 0;
        foreach (var item in array.Items)
        {
            if (item is JsPrimitive { IsNullish: true }) { parts.Add(""); continue; }
            if (item is not JsPrimitive p || JsOperators.ToJsString(p) is not { } text) return JsValue.Unknown(call.CallSource);
            parts.Add(text);
            // Items may all be the same long string: measure before joining.
            length += text.Length + sep.Length;
            if (length > JsBudget.MaxStringLength) return call.Evaluator.Budget.StringTooLong(call.CallSource?.Path);
        }
        return JsValue.Of(string.Join(sep, parts), call.CallSource);
    }
}
