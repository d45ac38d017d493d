namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>`switch` and `try/catch/finally`, run statically.</summary>
public sealed partial class JsEvaluator
{
    /// <summary>
    /// Counts the places where evaluation may have thrown: a call of something unknown, a require that does not
    /// resolve, a `throw`. A `try` reads it to know whether its catch block can run.
    /// </summary>
    private int _throwSignals;

    /// <summary>Greater than zero inside a try block that has a catch: assignments of values that may throw are possible only.</summary>
    private int _tryDepth;

    /// <summary>Something the reader does not know was called or loaded: in real life it may throw.</summary>
    internal void SignalMayThrow() => _throwSignals++;

    /// <summary>
    /// A known discriminant and known case tests pick the entry case (or default) and run it with fall-through
    /// until a break. Once a test cannot be decided, every case from there on may be the entry: each runs under
    /// an unknown condition. A switch with a default whose every entry leaves the function surely ends it.
    /// </summary>
    private Completion ExecuteSwitch(JsSwitch sw, JsScope scope, JsModuleContext module, Frame frame)
    {
        var value = Evaluate(sw.Discriminant, scope, module);
        var body = new JsScope(scope);
        var defaultIndex = -1;
        for (var i = 0; i < sw.Cases.Count; i++)
        {
            if (sw.Cases[i].Test is null) { if (defaultIndex < 0) defaultIndex = i; continue; }
            var test = Evaluate(sw.Cases[i].Test, scope, module);
            var equal = JsOperators.ToBool(Distribute([value, test], v => JsOperators.Binary("===", v[0], v[1], null), null));
            if (equal == true) return LeaveSwitch(RunFrom(sw, i, body, module, frame));
            if (equal is null) return LeaveSwitch(RunUndecided(sw, i, body, module, frame));
        }
        return defaultIndex < 0 ? Completion.Normal : LeaveSwitch(RunFrom(sw, defaultIndex, body, module, frame));
    }

    /// <summary>A break ends the switch, not the enclosing code.</summary>
    private static Completion LeaveSwitch(Completion c) => c is Completion.Break or Completion.MaybeBreak ? Completion.Normal : c;

    /// <summary>Runs the cases from <paramref name="entry"/> on, falling through, until a break or the end.</summary>
    private Completion RunFrom(JsSwitch sw, int entry, JsScope scope, JsModuleContext module, Frame frame)
    {
        var statements = sw.Cases.Skip(entry).SelectMany(c => c.Body).ToList();
        return ExecuteBlock(statements, scope, module, frame);
    }

    /// <summary>Cases from <paramref name="first"/> on (and the default) may each be the entry: run each conditionally.</summary>
    private Completion RunUndecided(JsSwitch sw, int first, JsScope scope, JsModuleContext module, Frame frame)
    {
        var entries = Enumerable.Range(first, sw.Cases.Count - first).Where(i => sw.Cases[i].Test is not null).ToList();
        var defaultIndex = sw.Cases.ToList().FindIndex(c => c.Test is null);
        if (defaultIndex >= 0) entries.Add(defaultIndex);
        var allLeave = defaultIndex >= 0;
        Conditional++;
        try
        {
            foreach (var entry in entries)
            {
                var c = RunFrom(sw, entry, scope, module, frame);
                allLeave &= c is Completion.Return or Completion.Throw;
            }
        }
        finally { Conditional--; }
        if (!allLeave) return Completion.Normal;
        if (Conditional <= frame.BaseConditional) frame.Result = JsChoice.Of(frame.Possible);
        return Completion.Return;
    }

    /// <summary>
    /// The try block runs; from the first statement that may have thrown (see <see cref="_throwSignals"/>) the rest
    /// of it runs only possibly, and the catch block possibly too. A sure throw runs the catch block surely; a try
    /// block where nothing can throw never runs its catch. The finally block always runs.
    /// </summary>
    private Completion ExecuteTry(JsTry t, JsScope scope, JsModuleContext module, Frame frame)
    {
        var before = _throwSignals;
        var raised = 0;
        var done = Completion.Normal;
        var tryScope = new JsScope(scope);
        if (t.Handler is not null) _tryDepth++;
        try
        {
            foreach (var s in t.Block.Body)
            {
                if (Budget.Exhausted) break;
                done = Execute(s, tryScope, module, frame);
                if (done is Completion.Return or Completion.Throw or Completion.Break or Completion.Continue) break;
                if (raised == 0 && (_throwSignals > before || done is Completion.MaybeBreak or Completion.MaybeContinue)) { Conditional++; raised = 1; }
            }
        }
        finally
        {
            Conditional -= raised;
            if (t.Handler is not null) _tryDepth--;
        }
        var mayHaveThrown = _throwSignals > before;
        static bool Leaves(Completion c) => c is Completion.Return or Completion.Throw;
        if (t.Handler is not null && raised == 0 && mayHaveThrown && done == Completion.Return && Conditional <= frame.BaseConditional && frame.Result is { } sure)
        {
            // `return f()` where f may throw: the return only possibly happens.
            frame.Possible.Add(sure);
            frame.Result = null;
            raised = 1;
        }
        var threwSurely = done == Completion.Throw && raised == 0;
        if (t.Handler is not null && (threwSurely || mayHaveThrown))
        {
            _throwSignals = before; // caught here; only the catch block's own throws go on
            var catchScope = new JsScope(scope);
            if (t.Param is not null) BindPattern(t.Param, JsValue.Unknown(module.At(t.Param)), catchScope, module);
            if (threwSurely) done = ExecuteBlock(t.Handler.Body, catchScope, module, frame);
            else
            {
                Completion caught;
                Conditional++;
                try { caught = ExecuteBlock(t.Handler.Body, catchScope, module, frame); }
                finally { Conditional--; }
                done = Join(done, caught, frame);
            }
        }
        else if (raised > 0 && Leaves(done))
        {
            // Uncaught: the function either returns here or throws; both leave it.
            if (Conditional <= frame.BaseConditional) frame.Result = JsChoice.Of(frame.Possible);
            done = Completion.Return;
        }
        else if (raised > 0 && done == Completion.Break) done = Completion.MaybeBreak;
        else if (raised > 0 && done == Completion.Continue) done = Completion.MaybeContinue;
        if (t.Finalizer is not null)
        {
            var fin = ExecuteBlock(t.Finalizer.Body, new JsScope(scope), module, frame);
            if (fin != Completion.Normal) done = fin;
        }
        return done;
    }
}
