namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>webpack-merge / Vite mergeConfig semantics: objects merge key by key, arrays concatenate, later values win.</summary>
public static class JsValueMerge
{
    public static JsValue Deep(JsValue a, JsValue b, ValueSource? src)
    {
        if (a is JsChoice || b is JsChoice) return JsEvaluator.Distribute([a, b], v => Deep(v[0], v[1], src), src);
        if (b is JsPrimitive { IsUndefined: true }) return a;
        if (a is JsObject oa && b is JsObject ob)
        {
            var result = oa.ShallowCopy(src ?? oa.Source);
            foreach (var e in ob.Entries)
            {
                if (e.Key is null) { result.Add(e); continue; }
                if (result.TryGetEntry(e.Key, out var existing) && existing is not null)
                {
                    var merged = (existing.Value, e.Value) switch
                    {
                        (JsObject x, JsObject y) => Deep(x, y, y.Source),
                        (JsArray x, JsArray y) => Concat(x, y),
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

    private static JsArray Concat(JsArray x, JsArray y)
    {
        var r = new JsArray { Source = y.Source, HasUnknownItems = x.HasUnknownItems || y.HasUnknownItems };
        r.Items.AddRange(x.Items);
        r.Items.AddRange(y.Items);
        return r;
    }
}
