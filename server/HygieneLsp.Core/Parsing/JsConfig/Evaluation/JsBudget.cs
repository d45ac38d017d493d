namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// What one evaluation may spend, so hostile config code always ends quickly in bounded memory: steps (each evaluated
/// node, plus one per hundred array items or object properties and one per thousand string characters of the value it
/// yields, so `a = a.concat(a)` pays for what it copies), and the size of one string, array or object. The first limit
/// reached stops the whole evaluation: <see cref="StoppedBy"/> says which, and every later step returns unknown at once.
/// Calls nest at most <see cref="MaxCallDepth"/> deep (past it a call is unknown, the evaluation goes on).
/// </summary>
public sealed class JsBudget
{
    public const int MaxSteps = 200_000;
    /// <summary>Real configs build paths, names and banners; nothing near a million characters.</summary>
    public const int MaxStringLength = 1 << 20;
    /// <summary>Items of one array or properties of one object; plugin lists and entry maps hold dozens.</summary>
    public const int MaxItems = 100_000;
    public const int MaxCallDepth = 40;
    /// <summary>
    /// Nested evaluations (an expression inside an expression, a call inside a call): a recursive function whose body
    /// nests 150 parentheses overflowed a 1.5 MB server thread (killing the process) before this limit. A thousand
    /// levels take about half that stack; the runtime's own stack probe backs it up on smaller stacks.
    /// </summary>
    public const int MaxNesting = 1000;
    private const int ItemsPerStep = 100;
    private const int CharsPerStep = 1000;

    private long _steps;

    public int CallDepth { get; private set; }

    private int _nesting;

    /// <summary>Enters one nested evaluation; false (and the evaluation stops) past <see cref="MaxNesting"/>.</summary>
    public bool EnterNesting(string file)
    {
        if (_nesting >= MaxNesting || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Stop($"evaluation stopped: expressions and calls nest deeper than {MaxNesting:N0} levels", file);
            return false;
        }
        _nesting++;
        return true;
    }

    public void LeaveNesting() => _nesting--;

    /// <summary>The limit that stopped the evaluation, in words ("evaluation stopped after 200,000 steps"); null while within budget.</summary>
    public string? StoppedBy { get; private set; }

    /// <summary>The file being evaluated when the limit was reached.</summary>
    public string? StoppedIn { get; private set; }

    public bool Exhausted => StoppedBy is not null;

    /// <summary>Counts one step; false once the budget is spent.</summary>
    public bool Step(string file)
    {
        if (Exhausted) return false;
        if (++_steps <= MaxSteps) return true;
        Stop($"evaluation stopped after {MaxSteps:N0} steps", file);
        return false;
    }

    /// <summary>
    /// Checks a value an evaluation step yields: past its size limit it stops the evaluation, within it the step pays
    /// for its size. Unknown once the budget is spent.
    /// </summary>
    public JsValue Check(JsValue value, string? file)
    {
        switch (value)
        {
            case JsPrimitive { Value: string s }:
                if (s.Length > MaxStringLength) return StringTooLong(file);
                Charge(s.Length / CharsPerStep, file);
                break;
            case JsArray a:
                if (a.Items.Count > MaxItems) Stop($"evaluation stopped: an array grew past {MaxItems:N0} items", file);
                Charge(a.Items.Count / ItemsPerStep, file);
                break;
            case JsObject o:
                if (o.Entries.Count > MaxItems) Stop($"evaluation stopped: an object grew past {MaxItems:N0} properties", file);
                Charge(o.Entries.Count / ItemsPerStep, file);
                break;
            case JsChoice c:
                foreach (var option in c.Choices) Check(option, file);
                break;
        }
        return Exhausted ? JsValue.Unknown(value.Source) : value;
    }

    /// <summary>Stops the evaluation for a string that would pass the limit (checked before building it, where that is cheap).</summary>
    public JsUnknown StringTooLong(string? file)
    {
        Stop($"evaluation stopped: a string grew past {MaxStringLength:N0} characters", file);
        return JsValue.Unknown();
    }

    private void Charge(long steps, string? file)
    {
        if (steps == 0 || Exhausted) return;
        _steps += steps;
        if (_steps > MaxSteps) Stop($"evaluation stopped after {MaxSteps:N0} steps", file);
    }

    /// <summary>
    /// Enters a call of config code; false past the nesting limit, where the call's value is unknown. That is no reason
    /// to stop: a recursive helper over values the reader cannot know (a folder walk) always reaches the limit, in
    /// real build scripts too, and the step budget bounds the work either way.
    /// </summary>
    public bool EnterCall()
    {
        if (Exhausted || CallDepth >= MaxCallDepth) return false;
        CallDepth++;
        return true;
    }

    public void LeaveCall() => CallDepth--;

    private void Stop(string reason, string? file)
    {
        if (Exhausted) return;
        StoppedBy = reason;
        StoppedIn = file;
    }
}
