namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>The global names configs use: process.env, __dirname, require, module/exports, Object.assign, Bun.</summary>
internal static class JsGlobals
{
    public static JsValue Lookup(string name, JsModuleContext module, JsEvaluator evaluator, ValueSource src) => name switch
    {
        "undefined" => JsValue.Undefined,
        "NaN" => JsValue.Of(double.NaN, src),
        "Infinity" => JsValue.Of(double.PositiveInfinity, src),
        "__dirname" => JsValue.Of(module.Directory, src),
        "__filename" => JsValue.Of(module.Path, src),
        "process" => evaluator.Loader.ProcessObject,
        "require" => Builtin(call => call.Arguments.Count > 0 && call.Arguments[0] is JsPrimitive { Value: string spec }
            ? evaluator.Loader.Require(spec, module, call.CallSource)
            : JsValue.Unknown(call.CallSource)),
        "module" => module.ModuleObject,
        "exports" => module.CommonJsExports,
        "Object" => ObjectStatics(),
        "Boolean" => Builtin(call => call.Arguments.Count > 0 && JsOperators.ToBool(call.Arguments[0]) is { } b ? JsValue.Of(b, call.CallSource) : call.Arguments.Count == 0 ? JsValue.Of(false, call.CallSource) : JsValue.Unknown(call.CallSource)),
        "String" => Builtin(call => call.Arguments.Count > 0 && JsOperators.ToJsString(call.Arguments[0]) is { } s ? JsValue.Of(s, call.CallSource) : JsValue.Unknown(call.CallSource)),
        "Bun" => BunObject(evaluator),
        _ => JsValue.Unknown(src),
    };

    public static JsValue ImportMeta(JsModuleContext module, ValueSource src)
    {
        var meta = new JsObject { Source = src };
        meta.Set("url", JsValue.Of("file://" + module.Path, src));
        meta.Set("dirname", JsValue.Of(module.Directory, src));
        meta.Set("filename", JsValue.Of(module.Path, src));
        meta.Set("env", JsValue.Unknown(src));
        return meta;
    }

    public static JsFunctionValue Builtin(Func<JsCallInfo, JsValue> f) => new() { Builtin = f };

    private static JsObject ObjectStatics()
    {
        var o = new JsObject();
        o.Set("assign", Builtin(call =>
        {
            if (call.Arguments.Count == 0 || call.Arguments[0] is not JsObject target) return JsValue.Unknown(call.CallSource);
            foreach (var source in call.Arguments.Skip(1)) JsEvaluator.SpreadInto(target, source, call.CallSource!);
            return target;
        }));
        o.Set("freeze", Builtin(call => call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Undefined));
        return o;
    }

    private static JsObject BunObject(JsEvaluator evaluator)
    {
        var bun = new JsObject();
        bun.AddUnknownSpread(null);
        bun.Set("build", Builtin(call => { call.Evaluator.Record("Bun.build", call.Arguments, call.CallSource); return JsValue.Unknown(call.CallSource); }));
        bun.Set("env", JsEvaluator.GetMember(evaluator.Loader.ProcessObject, "env", null));
        return bun;
    }
}
