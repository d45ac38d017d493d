namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// The packages configs import whose behaviour matters to the build plan, modelled (never loaded): node:path,
/// webpack-merge, webpack's devtool plugins, the defineConfig helpers, esbuild's build API. Other packages are unknown.
/// </summary>
internal static class JsBuiltinModules
{
    public static JsObject? Get(string specifier, JsModuleLoader loader)
    {
        var name = specifier.StartsWith("node:", StringComparison.Ordinal) ? specifier[5..] : specifier;
        JsObject? ns = name switch
        {
            "path" or "path/posix" => PathModule(loader),
            "url" => UrlModule(),
            "webpack-merge" => WebpackMerge(),
            "webpack" => Webpack(),
            "vite" or "vitest/config" or "rollup" or "tsup" or "rolldown" => DefineConfigModule(),
            "esbuild" => Esbuild(),
            _ => null,
        };
        if (ns is not null && !ns.TryGetEntry("default", out _)) ns.Set("default", ns);
        return ns;
    }

    private static JsFunctionValue Fn(Func<JsCallInfo, JsValue> f) => JsGlobals.Builtin(f);

    private static JsObject Open()
    {
        var o = new JsObject();
        o.AddUnknownSpread(null); // members not modelled are unknown, modelled ones are added after
        return o;
    }

    private static IReadOnlyList<string>? Strings(JsCallInfo call)
    {
        var list = new List<string>();
        foreach (var a in call.Arguments)
        {
            if (a is not JsPrimitive { Value: string s }) return null;
            list.Add(s);
        }
        return list;
    }

    private static JsObject PathModule(JsModuleLoader loader)
    {
        var p = Open();
        p.Set("resolve", Fn(call =>
        {
            var parts = Strings(call);
            if (parts is null) return JsValue.Unknown(call.CallSource);
            var result = loader.WorkingDirectory;
            foreach (var part in parts) result = part.StartsWith('/') ? part : result.TrimEnd('/') + "/" + part;
            return JsValue.Of(NormalizePath(result), call.CallSource);
        }));
        p.Set("join", Fn(call =>
        {
            var parts = Strings(call);
            if (parts is null) return JsValue.Unknown(call.CallSource);
            var joined = string.Join("/", parts.Where(s => s.Length > 0));
            return JsValue.Of(joined.Length == 0 ? "." : NormalizePath(joined), call.CallSource);
        }));
        p.Set("dirname", Fn(call => Strings(call) is [var s, ..]
            ? JsValue.Of(s.TrimEnd('/').LastIndexOf('/') is var i and > 0 ? s[..i] : (s.StartsWith('/') ? "/" : "."), call.CallSource)
            : JsValue.Unknown(call.CallSource)));
        p.Set("basename", Fn(call => Strings(call) is [var s, ..] ? JsValue.Of(s.TrimEnd('/')[(s.TrimEnd('/').LastIndexOf('/') + 1)..], call.CallSource) : JsValue.Unknown(call.CallSource)));
        p.Set("sep", JsValue.Of("/"));
        p.Set("posix", p);
        return p;
    }

    /// <summary>Collapses `.`, `..` and repeated slashes (like path.normalize), keeping relative paths relative.</summary>
    internal static string NormalizePath(string path)
    {
        var absolute = path.StartsWith('/');
        var stack = new List<string>();
        foreach (var seg in path.Split('/'))
        {
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == ".." && stack.Count > 0 && stack[^1] != "..") stack.RemoveAt(stack.Count - 1);
            else if (seg == ".." && absolute) continue;
            else stack.Add(seg);
        }
        var joined = string.Join("/", stack);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static JsObject UrlModule()
    {
        var u = Open();
        u.Set("fileURLToPath", Fn(call => call.Arguments is [JsPrimitive { Value: string s }, ..] && s.StartsWith("file://", StringComparison.Ordinal)
            ? JsValue.Of(Uri.UnescapeDataString(s[7..]), call.CallSource)
            : JsValue.Unknown(call.CallSource)));
        return u;
    }

    private static JsObject WebpackMerge()
    {
        var m = Open();
        var merge = Fn(call => MergeAll(call.Arguments, call.CallSource));
        m.Set("merge", merge);
        m.Set("mergeWithRules", Fn(_ => merge));
        m.Set("mergeWithCustomize", Fn(_ => merge));
        m.Set("default", merge);
        return m;
    }

    private static JsValue MergeAll(IReadOnlyList<JsValue> args, ValueSource? src)
    {
        var list = args.Count == 1 && args[0] is JsArray arr ? arr.Items : args;
        if (list.Count == 0) return new JsObject { Source = src };
        var result = list[0];
        for (var i = 1; i < list.Count; i++) result = JsValueMerge.Deep(result, list[i], src);
        return result;
    }

    private static JsObject Webpack()
    {
        var w = Open();
        foreach (var cls in new[] { "SourceMapDevToolPlugin", "EvalSourceMapDevToolPlugin", "EvalDevToolModulePlugin", "DefinePlugin", "ProvidePlugin", "BannerPlugin" })
            w.Set(cls, new JsFunctionValue { ClassName = cls });
        return w;
    }

    private static JsObject DefineConfigModule()
    {
        var d = Open();
        d.Set("defineConfig", Fn(call => call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Unknown(call.CallSource)));
        d.Set("mergeConfig", Fn(call => MergeAll(call.Arguments.Take(2).ToList(), call.CallSource)));
        return d;
    }

    private static JsObject Esbuild()
    {
        var e = Open();
        foreach (var api in new[] { "build", "buildSync", "context" })
            e.Set(api, Fn(call => { call.Evaluator.Record("esbuild." + api, call.Arguments, call.CallSource); return JsValue.Unknown(call.CallSource); }));
        return e;
    }
}
