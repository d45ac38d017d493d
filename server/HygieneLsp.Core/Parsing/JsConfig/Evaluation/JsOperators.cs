using System.Globalization;

namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>JS operator semantics on known values; anything involving an unknown is unknown (null / <see cref="JsUnknown"/>).</summary>
public static class JsOperators
{
    /// <summary>Truthiness: true, false, or null when it cannot be known.</summary>
    public static bool? ToBool(JsValue value)
    {
        switch (value)
        {
            case JsPrimitive p:
                return p.Value switch
                {
                    null => false,
                    bool b => b,
                    double d => d != 0 && !double.IsNaN(d),
                    string s => s.Length > 0,
                    _ => p.IsUndefined ? false : true,
                };
            case JsObject or JsArray or JsFunctionValue:
                return true;
            case JsChoice c:
                {
                    bool? first = null;
                    foreach (var o in c.Choices)
                    {
                        var b = ToBool(o);
                        if (b is null) return null;
                        if (first is null) first = b;
                        else if (first != b) return null;
                    }
                    return first;
                }
            default:
                return null;
        }
    }

    public static bool? StrictEquals(JsValue a, JsValue b)
    {
        if (a is JsPrimitive pa && b is JsPrimitive pb)
        {
            if (pa.IsUndefined || pb.IsUndefined) return pa.IsUndefined && pb.IsUndefined;
            if (pa.Value is null || pb.Value is null) return pa.Value is null && pb.Value is null;
            if (pa.Value is double da && pb.Value is double db) return da == db;
            return pa.Value.GetType() == pb.Value.GetType() && Equals(pa.Value, pb.Value);
        }
        if (a is JsPrimitive && b is JsObject or JsArray or JsFunctionValue) return false;
        if (b is JsPrimitive && a is JsObject or JsArray or JsFunctionValue) return false;
        return null;
    }

    public static bool? LooseEquals(JsValue a, JsValue b)
    {
        if (a is JsPrimitive pa && b is JsPrimitive pb)
        {
            if (pa.IsNullish || pb.IsNullish) return pa.IsNullish && pb.IsNullish;
            if (pa.Value!.GetType() == pb.Value!.GetType()) return StrictEquals(a, b);
            var na = ToNumber(pa);
            var nb = ToNumber(pb);
            return na is not null && nb is not null ? na == nb : null;
        }
        return StrictEquals(a, b);
    }

    public static double? ToNumber(JsPrimitive p) => p.Value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s => s.Trim().Length == 0 ? 0 : double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
        _ => double.NaN,
    };

    public static string? ToJsString(JsValue v) => v switch
    {
        JsPrimitive { IsUndefined: true } => "undefined",
        JsPrimitive { Value: null } => "null",
        JsPrimitive { Value: string s } => s,
        JsPrimitive { Value: bool b } => b ? "true" : "false",
        JsPrimitive { Value: double d } => NumberToString(d),
        JsArray { HasUnknownItems: false } a when a.Items.All(i => i is JsPrimitive) && JoinedLength(a) <= JsBudget.MaxStringLength =>
            string.Join(",", a.Items.Select(i => i is JsPrimitive { IsNullish: true } ? "" : ToJsString(i))),
        _ => null,
    };

    /// <summary>The length `String(array)` would have, measured first: the items may all be one long string.</summary>
    private static long JoinedLength(JsArray a) => a.Items.Sum(i => (long)((i as JsPrimitive)?.AsString?.Length ?? 24) + 1);

    private static string NumberToString(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity"
        : d == Math.Floor(d) && Math.Abs(d) < 1e21 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    public static string? TypeOf(JsValue v) => v switch
    {
        JsPrimitive { IsUndefined: true } => "undefined",
        JsPrimitive { Value: null } => "object",
        JsPrimitive { Value: string } => "string",
        JsPrimitive { Value: bool } => "boolean",
        JsPrimitive { Value: double } => "number",
        JsObject or JsArray => "object",
        JsFunctionValue => "function",
        _ => null,
    };

    /// <summary>A binary operator on two concrete (non-choice) values.</summary>
    public static JsValue Binary(string op, JsValue a, JsValue b, ValueSource? source)
    {
        bool? Bool(bool? x) => x;
        JsValue FromBool(bool? x) => x is null ? JsValue.Unknown(source) : JsValue.Of(x.Value, source);
        switch (op)
        {
            case "===": return FromBool(Bool(StrictEquals(a, b)));
            case "!==": return FromBool(StrictEquals(a, b) is { } s ? !s : null);
            case "==": return FromBool(LooseEquals(a, b));
            case "!=": return FromBool(LooseEquals(a, b) is { } l ? !l : null);
        }
        if (op == "+")
        {
            if (a is JsPrimitive { Value: string } || b is JsPrimitive { Value: string } || a is JsArray || b is JsArray)
            {
                var sa = ToJsString(a);
                var sb = ToJsString(b);
                // Past the limit the result is unknown; the evaluator's budget check stops the evaluation on its operands' sizes.
                return sa is not null && sb is not null && (long)sa.Length + sb.Length <= JsBudget.MaxStringLength * 2L ? JsValue.Of(sa + sb, source) : JsValue.Unknown(source);
            }
        }
        if (a is not JsPrimitive pa || b is not JsPrimitive pb) return JsValue.Unknown(source);
        if (op is "<" or ">" or "<=" or ">=")
        {
            if (pa.Value is string x && pb.Value is string y)
            {
                var c = string.CompareOrdinal(x, y);
                return JsValue.Of(op switch { "<" => c < 0, ">" => c > 0, "<=" => c <= 0, _ => c >= 0 }, source);
            }
        }
        var na = ToNumber(pa);
        var nb = ToNumber(pb);
        if (na is null || nb is null) return JsValue.Unknown(source);
        double n1 = na.Value, n2 = nb.Value;
        return op switch
        {
            "+" => JsValue.Of(n1 + n2, source),
            "-" => JsValue.Of(n1 - n2, source),
            "*" => JsValue.Of(n1 * n2, source),
            "/" => JsValue.Of(n1 / n2, source),
            "%" => JsValue.Of(n1 % n2, source),
            "**" => JsValue.Of(Math.Pow(n1, n2), source),
            "<" => JsValue.Of(n1 < n2, source),
            ">" => JsValue.Of(n1 > n2, source),
            "<=" => JsValue.Of(n1 <= n2, source),
            ">=" => JsValue.Of(n1 >= n2, source),
            _ => JsValue.Unknown(source),
        };
    }
}
