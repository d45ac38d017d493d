namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>A lexical scope: names to values, with a parent.</summary>
public sealed class JsScope
{
    private readonly Dictionary<string, JsValue> _names = new(StringComparer.Ordinal);

    public JsScope(JsScope? parent) => Parent = parent;

    public JsScope? Parent { get; }

    public void Declare(string name, JsValue value) => _names[name] = value;

    public bool TryLookup(string name, out JsValue value)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s._names.TryGetValue(name, out value!)) return true;
        value = JsValue.Undefined;
        return false;
    }

    /// <summary>Assigns to the nearest scope that declares the name; false when none does.</summary>
    public bool TryAssign(string name, JsValue value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (!s._names.ContainsKey(name)) continue;
            s._names[name] = value;
            return true;
        }
        return false;
    }
}

/// <summary>One loaded file: its text, tree, top-level scope and what it exports.</summary>
public sealed class JsModuleContext
{
    public JsModuleContext(string path, JsDocument document, int depth)
    {
        Path = path;
        Document = document;
        Depth = depth;
        Directory = Workspace.Paths.Parent(path);
        ModuleObject = new JsObject();
        CommonJsExports = new JsObject();
        ModuleObject.Set("exports", CommonJsExports);
    }

    public string Path { get; }
    public string Directory { get; }
    public JsDocument Document { get; }
    public int Depth { get; }
    /// <summary>The `module` object; `module.exports = x` replaces its `exports` entry.</summary>
    public JsObject ModuleObject { get; }
    public JsObject CommonJsExports { get; }
    public JsValue? DefaultExport { get; set; }
    public ValueSource? DefaultExportSource { get; set; }
    public Dictionary<string, JsValue> NamedExports { get; } = new(StringComparer.Ordinal);

    /// <summary>What `module.exports` ends up as (CommonJS).</summary>
    public JsValue ModuleExports => ModuleObject.Get("exports");

    /// <summary>What a default import / the config loader sees: `export default`, else `module.exports`.</summary>
    public JsValue ConfigValue => DefaultExport ?? ModuleExports;

    public ValueSource At(JsNode node) => new(Path, Document, node);
}

/// <summary>A call to a build API the reader records (esbuild.build, Bun.build...), with whether it surely runs.</summary>
public sealed record RecordedCall(string Api, IReadOnlyList<JsValue> Arguments, ValueSource? Source, bool Certain);
