namespace HygieneLsp.Core.Parsing.Jsonc;

/// <summary>A JSON value with its character offsets [Start, End) in the source text.</summary>
public abstract class JsoncNode
{
    protected JsoncNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; internal set; }
    public JsoncNode? Parent { get; internal set; }
}

public sealed class JsoncObject : JsoncNode
{
    private readonly List<JsoncProperty> _properties = [];

    public JsoncObject(int start, int end) : base(start, end) { }

    public IReadOnlyList<JsoncProperty> Properties => _properties;

    internal void Add(JsoncProperty property) => _properties.Add(property);

    /// <summary>The LAST property with this name (what JSON.parse keeps), or null.</summary>
    public JsoncProperty? GetProperty(string name)
    {
        for (var i = _properties.Count - 1; i >= 0; i--)
            if (_properties[i].Key.Value == name) return _properties[i];
        return null;
    }

    public JsoncNode? Get(string name) => GetProperty(name)?.Value;

    public string? GetString(string name) => (Get(name) as JsoncString)?.Value;

    public bool? GetBool(string name) => Get(name) is JsoncLiteral { Kind: JsoncLiteralKind.True or JsoncLiteralKind.False } l
        ? l.Kind == JsoncLiteralKind.True
        : null;
}

/// <summary>`"key": value`. Value is null when the text is half-typed (`"key":` at end of file).</summary>
public sealed class JsoncProperty
{
    public JsoncProperty(JsoncString key, JsoncNode? value, int start, int end)
    {
        Key = key;
        Value = value;
        Start = start;
        End = end;
    }

    public JsoncString Key { get; }
    public JsoncNode? Value { get; }
    public int Start { get; }
    public int End { get; }
    public JsoncObject? Owner { get; internal set; }
}

public sealed class JsoncArray : JsoncNode
{
    private readonly List<JsoncNode> _items = [];

    public JsoncArray(int start, int end) : base(start, end) { }

    public IReadOnlyList<JsoncNode> Items => _items;

    internal void Add(JsoncNode item) => _items.Add(item);
}

public sealed class JsoncString : JsoncNode
{
    public JsoncString(string value, int start, int end) : base(start, end) => Value = value;

    public string Value { get; }
}

public sealed class JsoncNumber : JsoncNode
{
    public JsoncNumber(string text, int start, int end) : base(start, end) => Text = text;

    public string Text { get; }

    public double? Value => double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

public enum JsoncLiteralKind { True, False, Null }

public sealed class JsoncLiteral : JsoncNode
{
    public JsoncLiteral(JsoncLiteralKind kind, int start, int end) : base(start, end) => Kind = kind;

    public JsoncLiteralKind Kind { get; }
}

/// <summary>A syntax error with its offset; the parser recovers and keeps going.</summary>
public sealed record JsoncError(string Message, int Start, int End);
