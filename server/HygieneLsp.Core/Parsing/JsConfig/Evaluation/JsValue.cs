using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>Where a value was written: the file, its parsed document and the expression node.</summary>
public sealed record ValueSource(string Path, JsDocument Document, JsNode Node)
{
    public SourceLocation Location => new(Path, Document.RangeOf(Node));
}

/// <summary>
/// The result of evaluating config code statically. Known values are primitives, objects, arrays and functions;
/// <see cref="JsUnknown"/> is anything that depends on what the reader cannot know; <see cref="JsChoice"/> is
/// "one of these", from a condition that is unknown. Each value remembers the expression that produced it.
/// </summary>
public abstract class JsValue
{
    public ValueSource? Source { get; init; }

    public static readonly JsPrimitive Undefined = new(JsPrimitive.UndefinedMarker);
    public static JsPrimitive Of(object? value, ValueSource? source = null) => new(value) { Source = source };
    public static JsUnknown Unknown(ValueSource? source = null) => new() { Source = source };

    /// <summary>Every possible concrete value (itself unless a choice).</summary>
    public virtual IEnumerable<JsValue> Options => [this];

    public abstract JsValue WithSource(ValueSource? source);
}

/// <summary>string, double, bool, null (JS null) or <see cref="UndefinedMarker"/>.</summary>
public sealed class JsPrimitive : JsValue
{
    public static readonly object UndefinedMarker = new();

    public JsPrimitive(object? value) => Value = value;

    public object? Value { get; }
    public bool IsUndefined => ReferenceEquals(Value, UndefinedMarker);
    public bool IsNullish => Value is null || IsUndefined;
    public string? AsString => Value as string;

    public override JsValue WithSource(ValueSource? source) => new JsPrimitive(Value) { Source = source };
    public override string ToString() => IsUndefined ? "undefined" : Value switch { null => "null", string s => $"'{s}'", bool b => b ? "true" : "false", _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "?" };
}

public sealed class JsUnknown : JsValue
{
    public override JsValue WithSource(ValueSource? source) => new JsUnknown { Source = source };
    public override string ToString() => "<unknown>";
}

public sealed class JsChoice : JsValue
{
    public JsChoice(IReadOnlyList<JsValue> choices) => Choices = choices;

    public IReadOnlyList<JsValue> Choices { get; }
    public override IEnumerable<JsValue> Options => Choices.SelectMany(c => c.Options);
    public override JsValue WithSource(ValueSource? source) => new JsChoice(Choices) { Source = source };
    public override string ToString() => "(" + string.Join(" | ", Choices) + ")";

    /// <summary>Builds "one of" from options: flattens, collapses equal primitives, gives up past a small bound.</summary>
    public static JsValue Of(IEnumerable<JsValue> options, ValueSource? source = null)
    {
        var list = new List<JsValue>();
        foreach (var o in options.SelectMany(o => o is JsChoice c ? c.Choices : [o]))
        {
            if (o is JsPrimitive p && list.OfType<JsPrimitive>().Any(q => Equals(q.Value, p.Value) && q.Source == p.Source)) continue;
            if (list.Any(x => ReferenceEquals(x, o))) continue;
            list.Add(o);
        }
        if (list.Count == 1) return list[0];
        if (list.Count == 0 || list.Count > 16) return JsValue.Unknown(source);
        return new JsChoice(list) { Source = source };
    }
}

/// <summary>One entry of an object: a key (null for an unknown spread, which hides the keys before it) and its value.</summary>
public sealed record JsEntry(string? Key, JsValue Value, JsProperty? Property, ValueSource? PropertySource);

/// <summary>
/// A mutable object: an append-only list of entries, where the last write of a key wins and an unknown spread after a
/// key makes that key unknown. An index of each key's last entry answers lookups without scanning (configs assign in
/// loops, and a scan per lookup made such loops quadratic). <see cref="ClassName"/> tags instances of known classes
/// (e.g. SourceMapDevToolPlugin).
/// </summary>
public sealed class JsObject : JsValue
{
    private readonly List<JsEntry> _entries = [];
    private readonly Dictionary<string, int> _lastIndex = new(StringComparer.Ordinal);
    private int _lastUnknown = -1;

    public string? ClassName { get; init; }
    public IReadOnlyList<JsEntry> Entries => _entries;

    public void Add(JsEntry entry)
    {
        if (entry.Key is null) _lastUnknown = _entries.Count;
        else _lastIndex[entry.Key] = _entries.Count;
        _entries.Add(entry);
    }

    public void Set(string key, JsValue value, ValueSource? propertySource = null) => Add(new JsEntry(key, value, null, propertySource));

    public void AddUnknownSpread(ValueSource? source) => Add(new JsEntry(null, JsValue.Unknown(source), null, source));

    /// <summary>The value of a key: undefined when absent, unknown when an unknown spread could have set it.</summary>
    public JsValue Get(string key) => TryGetEntry(key, out var entry) ? entry!.Value : (HasUnknownAfter(key) ? JsValue.Unknown() : JsValue.Undefined);

    /// <summary>The entry that decides the key, or null (with false) when absent or hidden by an unknown spread.</summary>
    public bool TryGetEntry(string key, out JsEntry? entry)
    {
        if (_lastIndex.TryGetValue(key, out var i) && i > _lastUnknown)
        {
            entry = _entries[i];
            return true;
        }
        entry = null;
        return false;
    }

    /// <summary>True when an unknown spread comes after the key's last write (or there is one and the key was never written).</summary>
    public bool HasUnknownAfter(string key) => _lastUnknown >= 0 && (!_lastIndex.TryGetValue(key, out var i) || _lastUnknown > i);

    public bool HasUnknownEntries => _lastUnknown >= 0;

    /// <summary>Keys in first-seen order (known keys only).</summary>
    public IEnumerable<string> Keys => _entries.Where(e => e.Key is not null).Select(e => e.Key!).Distinct();

    public JsObject ShallowCopy(ValueSource? source = null)
    {
        var copy = new JsObject { Source = source ?? Source, ClassName = ClassName };
        foreach (var e in _entries) copy.Add(e);
        return copy;
    }

    public override JsValue WithSource(ValueSource? source) => ShallowCopy(source);
    public override string ToString() => "{" + string.Join(", ", Keys.Select(k => $"{k}: {Get(k)}")) + (HasUnknownEntries ? ", ...?" : "") + "}";
}

public sealed class JsArray : JsValue
{
    public List<JsValue> Items { get; } = [];
    /// <summary>True when an unknown spread may have added items.</summary>
    public bool HasUnknownItems { get; set; }

    public override JsValue WithSource(ValueSource? source)
    {
        var copy = new JsArray { Source = source, HasUnknownItems = HasUnknownItems };
        copy.Items.AddRange(Items);
        return copy;
    }

    public override string ToString() => "[" + string.Join(", ", Items) + (HasUnknownItems ? ", ...?" : "") + "]";
}

/// <summary>A function written in the config (closure over its scope) or a built-in the reader models.</summary>
public sealed class JsFunctionValue : JsValue
{
    public JsFunction? Node { get; init; }
    public JsScope? Closure { get; init; }
    public JsModuleContext? Module { get; init; }
    public Func<JsCallInfo, JsValue>? Builtin { get; init; }
    /// <summary>For built-in classes: instances made with `new` get this class name.</summary>
    public string? ClassName { get; init; }
    /// <summary>Members of a callable module (webpack-merge v4: `merge(...)`, `merge.smart(...)`); null: none modelled.</summary>
    public JsObject? Properties { get; init; }

    public override JsValue WithSource(ValueSource? source) =>
        new JsFunctionValue { Node = Node, Closure = Closure, Module = Module, Builtin = Builtin, ClassName = ClassName, Properties = Properties, Source = source };

    public override string ToString() => ClassName is not null ? $"class {ClassName}" : "function";
}

/// <summary>What a built-in sees of a call: arguments, the call node's source, whether it is `new`.</summary>
public sealed record JsCallInfo(IReadOnlyList<JsValue> Arguments, ValueSource? CallSource, bool IsNew, JsEvaluator Evaluator);
