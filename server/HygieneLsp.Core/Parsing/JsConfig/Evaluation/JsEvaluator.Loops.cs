namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// Loops, run statically. Iterations whose test is known run for sure (a `for-of` over a known array runs once per
/// item); from the first unknown test (or a break under an unknown condition, or past the iteration limit) the body
/// runs twice more under an unknown condition, so what it assigns stays possible and what a later iteration would
/// see of an earlier one is seen too. The result is never more certain than the real run.
/// </summary>
public sealed partial class JsEvaluator
{
    private const int MaxSureIterations = 256;

    private Completion ExecuteFor(JsFor f, JsScope scope, JsModuleContext module, Frame frame)
    {
        var loopScope = new JsScope(scope);
        if (f.Init is JsVariableDeclaration d) Execute(d, loopScope, module, frame);
        else if (f.Init is not null) Evaluate(f.Init, loopScope, module);
        return RunLoop(loopScope, module, frame, f.Test, f.Body, f.Update, testFirst: true);
    }

    private Completion ExecuteWhile(JsWhile w, JsScope scope, JsModuleContext module, Frame frame) =>
        RunLoop(scope, module, frame, w.Test, w.Body, null, testFirst: !w.Do);

    private Completion RunLoop(JsScope scope, JsModuleContext module, Frame frame, JsNode? test, JsNode? body, JsNode? update, bool testFirst)
    {
        for (var i = 0; i < MaxSureIterations; i++)
        {
            if (Budget.Exhausted) return Completion.Normal;
            if (testFirst || i > 0)
            {
                var t = test is null ? true : JsOperators.ToBool(Evaluate(test, scope, module));
                if (t == false) return Completion.Normal;
                if (t is null) return RunPossibly(() => { RunIteration(scope, module, frame, body, update); if (test is not null) Evaluate(test, scope, module); }, frame);
            }
            var c = RunIteration(scope, module, frame, body, update);
            if (c is Completion.Return or Completion.Throw) return c;
            if (c == Completion.Break) return Completion.Normal;
            if (c == Completion.MaybeBreak) return RunPossibly(() => RunIteration(scope, module, frame, body, update), frame);
        }
        return RunPossibly(() => RunIteration(scope, module, frame, body, update), frame);
    }

    /// <summary>One pass of the body (in its own scope) then the update; `continue` ends the body early.</summary>
    private Completion RunIteration(JsScope scope, JsModuleContext module, Frame frame, JsNode? body, JsNode? update)
    {
        var c = body is null ? Completion.Normal : ExecuteNested(body, scope, module, frame);
        if (c is Completion.Return or Completion.Throw or Completion.Break) return c;
        if (update is not null) Evaluate(update, scope, module);
        return c is Completion.Continue or Completion.MaybeContinue ? Completion.Normal : c;
    }

    /// <summary>More iterations that may or may not happen: twice, under an unknown condition.</summary>
    private Completion RunPossibly(Action iteration, Frame frame)
    {
        Conditional++;
        try
        {
            for (var k = 0; k < 2 && !Budget.Exhausted; k++) iteration();
        }
        finally { Conditional--; }
        return Completion.Normal;
    }

    private Completion ExecuteForOf(JsForOf f, JsScope scope, JsModuleContext module, Frame frame)
    {
        var iterable = Evaluate(f.Iterable, scope, module);
        var items = f.In ? KeysOf(iterable) : ItemsOf(iterable);
        void Bind(JsValue item, JsScope iterationScope)
        {
            if (f.Kind is null && f.Target is JsNamePattern n && iterationScope.TryAssign(n.Name, Conditional > 0 ? JsChoice.Of([LookupName(n.Name, scope, module, module.At(f.Target)), item], item.Source) : item)) return;
            BindPattern(f.Target, item, iterationScope, module);
        }
        if (items is not null && items.Count <= MaxSureIterations)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (Budget.Exhausted) return Completion.Normal;
                var iterationScope = new JsScope(scope);
                Bind(items[i], iterationScope);
                var c = RunIteration(iterationScope, module, frame, f.Body, null);
                if (c is Completion.Return or Completion.Throw) return c;
                if (c == Completion.Break) return Completion.Normal;
                if (c == Completion.MaybeBreak)
                {
                    var rest = items.Skip(i + 1).ToList();
                    return rest.Count == 0 ? Completion.Normal : RunPossibly(() =>
                    {
                        var s = new JsScope(scope);
                        Bind(JsChoice.Of(rest), s);
                        RunIteration(s, module, frame, f.Body, null);
                    }, frame);
                }
            }
            return Completion.Normal;
        }
        // Unknown or partly known items: each pass sees one of the known items or an unknown one.
        var any = items is { Count: > 0 } known ? JsChoice.Of([.. known, JsValue.Unknown(module.At(f.Iterable))]) : JsValue.Unknown(module.At(f.Iterable));
        return RunPossibly(() =>
        {
            var s = new JsScope(scope);
            Bind(any, s);
            RunIteration(s, module, frame, f.Body, null);
        }, frame);
    }

    /// <summary>The items of a surely known array or string; null otherwise.</summary>
    private static List<JsValue>? ItemsOf(JsValue value) => value switch
    {
        JsArray { HasUnknownItems: false } a => [.. a.Items],
        JsPrimitive { Value: string s } => s.Select(ch => (JsValue)JsValue.Of(ch.ToString())).ToList(),
        _ => null,
    };

    /// <summary>The keys of a surely known object or array (for-in); null otherwise.</summary>
    private static List<JsValue>? KeysOf(JsValue value) => value switch
    {
        JsObject { HasUnknownEntries: false } o => o.Keys.Select(k => (JsValue)JsValue.Of(k)).ToList(),
        JsArray { HasUnknownItems: false } a => Enumerable.Range(0, a.Items.Count).Select(i => (JsValue)JsValue.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        _ => null,
    };
}
