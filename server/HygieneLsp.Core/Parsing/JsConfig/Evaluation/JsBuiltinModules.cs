namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// The packages configs import whose behaviour matters to the build plan, modelled (never loaded): node:path,
/// webpack-merge, @next/bundle-analyzer, webpack's devtool plugins, the defineConfig helpers, esbuild's build API. Other packages are unknown.
/// </summary>
internal static class JsBuiltinModules
{
    /// <summary>A modelled package: what `require` returns and the namespace `import` binds.</summary>
    public sealed record BuiltinModule(JsValue Exports, JsObject Namespace);

    public static BuiltinModule? Get(string specifier, JsModuleLoader loader)
    {
        var name = specifier.StartsWith("node:", StringComparison.Ordinal) ? specifier[5..] : specifier;
        if (name == "webpack-merge") return WebpackMerge();
        if (name == "@next/bundle-analyzer") return NextBundleAnalyzer();
        JsObject? ns = name switch
        {
            "path" or "path/posix" => PathModule(loader),
            "url" => UrlModule(),
            "webpack" => Webpack(),
            "vite" or "vitest/config" or "rollup" or "tsup" or "rolldown" => DefineConfigModule(),
            "esbuild" => Esbuild(),
            _ => null,
        };
        if (ns is null) return null;
        if (!ns.TryGetEntry("default", out _)) ns.Set("default", ns);
        return new BuiltinModule(ns, ns);
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

    /// <summary>
    /// webpack-merge. v4's module is the merge function itself (`require('webpack-merge')(a, b)`, `merge.smart`,
    /// `merge.strategy(rules)`, `merge({ customizeArray })`); v5 exports `merge`, `mergeWithCustomize`,
    /// `customizeArray`/`customizeObject` rules, `unique`, `mergeWithRules`. Both are modelled on one callable.
    /// </summary>
    /// <summary>
    /// `require('@next/bundle-analyzer')({ enabled })(nextConfig)`: the config comes back with an analyzer plugin in its
    /// webpack hook, which changes nothing about maps; read as the config itself.
    /// </summary>
    private static BuiltinModule NextBundleAnalyzer()
    {
        var props = Open();
        var factory = new JsFunctionValue
        {
            Builtin = _ => Fn(call => call.Arguments.Count > 0 ? call.Arguments[0] : new JsObject()),
            Properties = props,
        };
        props.Set("default", factory);
        return new BuiltinModule(factory, props);
    }

    private static BuiltinModule WebpackMerge()
    {
        var props = Open();
        var merge = new JsFunctionValue { Builtin = call => MergeOrCustomize(call), Properties = props };
        props.Set("merge", merge);
        props.Set("smart", merge);
        props.Set("default", merge);
        props.Set("strategy", Fn(call => StrategyMerge(call)));
        props.Set("smartStrategy", Fn(call => StrategyMerge(call)));
        props.Set("mergeWithCustomize", Fn(call => MakeMerge(call.Arguments.Count > 0 ? CustomizersOf(call.Arguments[0], call.Evaluator) : null)));
        props.Set("mergeWithRules", Fn(_ => MakeMerge(null)));
        props.Set("customizeArray", Fn(call => RuleCustomizer(call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Undefined, array: true)));
        props.Set("customizeObject", Fn(call => RuleCustomizer(call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Undefined, array: false)));
        props.Set("unique", Fn(Unique));
        return new BuiltinModule(merge, props);
    }

    private static JsFunctionValue MakeMerge(JsValueMerge.Customizers? custom) => Fn(call => MergeAll(call.Arguments, call.CallSource, custom));

    /// <summary>v4: `merge({ customizeArray, customizeObject })` returns a merge function; otherwise merges.</summary>
    private static JsValue MergeOrCustomize(JsCallInfo call)
    {
        if (call.Arguments is [JsObject only] &&
            (only.Get("customizeArray") is JsFunctionValue || only.Get("customizeObject") is JsFunctionValue))
            return MakeMerge(CustomizersOf(only, call.Evaluator));
        return MergeAll(call.Arguments, call.CallSource, null);
    }

    private static JsValueMerge.Customizers? CustomizersOf(JsValue options, JsEvaluator evaluator)
    {
        static JsValue? F(JsValue v) => v is JsPrimitive { IsUndefined: true } ? null : v;
        return new JsValueMerge.Customizers(F(JsEvaluator.GetMember(options, "customizeArray", null)), F(JsEvaluator.GetMember(options, "customizeObject", null)), evaluator);
    }

    /// <summary>v4 `merge.strategy({ 'module.rules': 'prepend', plugins: 'replace' })`: the rules apply to arrays and objects.</summary>
    private static JsValue StrategyMerge(JsCallInfo call)
    {
        var rules = call.Arguments.Count > 0 ? call.Arguments[0] : JsValue.Undefined;
        return MakeMerge(new JsValueMerge.Customizers(RuleCustomizer(rules, array: true), RuleCustomizer(rules, array: false), call.Evaluator));
    }

    /// <summary>A customizer from `{ 'dotted.key': 'append' | 'prepend' | 'replace' | 'merge' }` (`*` matches one segment).</summary>
    private static JsFunctionValue RuleCustomizer(JsValue rules, bool array) => Fn(call =>
    {
        if (call.Arguments.Count < 3 || call.Arguments[2] is not JsPrimitive { Value: string key }) return JsValue.Unknown(call.CallSource);
        var (a, b) = (call.Arguments[0], call.Arguments[1]);
        if (rules is not JsObject r || r.HasUnknownEntries) return JsValue.Unknown(call.CallSource);
        var rule = r.Keys.FirstOrDefault(k => KeyMatches(k, key));
        if (rule is null) return JsValue.Undefined;
        return (r.Get(rule), a, b) switch
        {
            (JsPrimitive { Value: "replace" }, _, _) => b,
            (JsPrimitive { Value: "prepend" }, JsArray x, JsArray y) => JsValueMerge.Concat(y, x),
            (JsPrimitive { Value: "prepend" }, _, _) when !array => JsValueMerge.Deep(b, a, call.CallSource),
            (JsPrimitive { Value: "append" or "merge" }, _, _) => JsValue.Undefined,
            _ => JsValue.Unknown(call.CallSource),
        };
    });

    private static bool KeyMatches(string pattern, string key)
    {
        var p = pattern.Split('.');
        var k = key.Split('.');
        return p.Length == k.Length && p.Zip(k).All(x => x.First == "*" || x.First == x.Second);
    }

    /// <summary>v5 `unique(key, names, getter)`: concatenates that array keeping the last plugin of each named class.</summary>
    private static JsValue Unique(JsCallInfo call)
    {
        if (call.Arguments is not [JsPrimitive { Value: string uniqueKey }, JsArray names, ..]) return JsValue.Unknown(call.CallSource);
        var classNames = names.Items.OfType<JsPrimitive>().Select(p => p.AsString).ToHashSet();
        return Fn(inner =>
        {
            if (inner.Arguments is not [JsArray a, JsArray b, JsPrimitive { Value: string key }, ..]) return JsValue.Unknown(inner.CallSource);
            if (key != uniqueKey) return JsValue.Undefined;
            var all = JsValueMerge.Concat(a, b);
            var result = new JsArray { Source = all.Source, HasUnknownItems = all.HasUnknownItems };
            for (var i = 0; i < all.Items.Count; i++)
            {
                var item = all.Items[i];
                var cls = (item as JsObject)?.ClassName;
                if (cls is not null && classNames.Contains(cls) && all.Items.Skip(i + 1).Any(x => (x as JsObject)?.ClassName == cls)) continue;
                result.Items.Add(item);
            }
            return result;
        });
    }

    private static JsValue MergeAll(IReadOnlyList<JsValue> args, ValueSource? src, JsValueMerge.Customizers? custom = null)
    {
        var list = args.Count == 1 && args[0] is JsArray arr ? arr.Items : args;
        if (list.Count == 0) return new JsObject { Source = src };
        var result = list[0];
        for (var i = 1; i < list.Count; i++) result = JsValueMerge.Deep(result, list[i], src, custom, "");
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
