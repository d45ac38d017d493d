namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// webpack-merge / Vite mergeConfig semantics: objects merge key by key, arrays concatenate, later values win.
/// webpack-merge customizers (v4 <c>merge.strategy</c>, <c>merge({ customizeArray })</c>, v5
/// <c>mergeWithCustomize({ customizeArray, customizeObject })</c>) are functions called with (a, b, dotted key):
/// a result other than undefined replaces the default merge of that key.
/// </summary>
public static class JsValueMerge
{
    /// <summary>The customizer functions of one merge (either may be null) and the evaluator that calls them.</summary>
    public sealed record Customizers(JsValue? CustomizeArray, JsValue? CustomizeObject, JsEvaluator Evaluator);

    public static JsValue Deep(JsValue a, JsValue b, ValueSource? src) => Deep(a, b, src, null, "");

    public static JsValue Deep(JsValue a, JsValue b, ValueSource? src, Customizers? custom, string path)
    {
        if (a is JsChoice || b is JsChoice) return JsEvaluator.Distribute([a, b], v => Deep(v[0], v[1], src, custom, path), src);
        if (b is JsPrimitive { IsUndefined: true }) return a;
        if (a is JsObject oa && b is JsObject ob)
        {
            var result = oa.ShallowCopy(src ?? oa.Source);
            foreach (var e in ob.Entries)
            {
                if (e.Key is null) { result.Add(e); continue; }
                if (result.TryGetEntry(e.Key, out var existing) && existing is not null)
                {
                    var key = path.Length == 0 ? e.Key : path + "." + e.Key;
                    var merged = (existing.Value, e.Value) switch
                    {
                        (JsObject x, JsObject y) => Customized(custom?.CustomizeObject, x, y, key, custom) ?? Deep(x, y, y.Source, custom, key),
                        (JsArray x, JsArray y) => Customized(custom?.CustomizeArray, x, y, key, custom) ?? Concat(x, y),
                        _ => e.Value,
                    };
                    result.Add(e with { Value = merged });
                }
                else result.Add(e);
            }
            return result;
        }
        if (a is JsUnknown && b is JsObject ob2)
        {
            var result = new JsObject { Source = src };
            result.AddUnknownSpread(a.Source);
            foreach (var e in ob2.Entries) result.Add(e);
            return result;
        }
        if (b is JsUnknown && a is JsObject oa2)
        {
            var result = oa2.ShallowCopy(src);
            result.AddUnknownSpread(b.Source);
            return result;
        }
        return b;
    }

    private static JsValue? Customized(JsValue? customizer, JsValue a, JsValue b, string key, Customizers? custom)
    {
        if (customizer is null || custom is null) return null;
        var result = custom.Evaluator.Call(customizer, [a, b, JsValue.Of(key)], b.Source);
        return result switch
        {
            JsPrimitive { IsNullish: true } => null,
            JsChoice c when c.Choices.Any(o => o is JsPrimitive { IsNullish: true }) => JsValue.Unknown(b.Source),
            _ => result,
        };
    }

    internal static JsArray Concat(JsArray x, JsArray y)
    {
        var r = new JsArray { Source = y.Source, HasUnknownItems = x.HasUnknownItems || y.HasUnknownItems };
        r.Items.AddRange(x.Items);
        r.Items.AddRange(y.Items);
        return r;
    }
}
