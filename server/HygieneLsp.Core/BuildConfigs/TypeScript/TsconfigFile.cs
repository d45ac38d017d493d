using HygieneLsp.Core.Parsing.Jsonc;

namespace HygieneLsp.Core.BuildConfigs.TypeScript;

/// <summary>One tsconfig file as parsed: its document and the `extends` entries as they appear (string nodes).</summary>
public sealed class TsconfigFile
{
    public TsconfigFile(string path, JsoncDocument document)
    {
        Path = path;
        Document = document;
        var root = document.Root as JsoncObject;
        CompilerOptions = root?.Get("compilerOptions") as JsoncObject;
        Extends = root?.Get("extends") switch
        {
            JsoncString s => [s],
            JsoncArray a => a.Items.OfType<JsoncString>().ToList(),
            _ => [],
        };
    }

    public string Path { get; }
    public JsoncDocument Document { get; }
    public JsoncObject? Root => Document.Root as JsoncObject;
    public JsoncObject? CompilerOptions { get; }
    public IReadOnlyList<JsoncString> Extends { get; }
}

/// <summary>The effective value of one compiler option and where it was set.</summary>
public sealed record TsOption(string Name, JsoncNode Value, TsconfigFile SetIn, JsoncProperty Property)
{
    public bool? AsBool => Value is JsoncLiteral { Kind: JsoncLiteralKind.True or JsoncLiteralKind.False } l ? l.Kind == JsoncLiteralKind.True : null;

    public string? AsString => (Value as JsoncString)?.Value;
}

/// <summary>
/// A tsconfig with its `extends` chain resolved: effective compilerOptions (key by key, later wins) with the file that
/// set each, and for each inherited option the `extends` entry of the top file it came through.
/// </summary>
public sealed class ResolvedTsconfig
{
    public ResolvedTsconfig(TsconfigFile file, IReadOnlyDictionary<string, TsOption> options,
        IReadOnlyDictionary<string, JsoncString> inheritedVia, IReadOnlyList<string> dependencies, IReadOnlyList<string> unresolvedExtends)
    {
        File = file;
        Options = options;
        InheritedVia = inheritedVia;
        Dependencies = dependencies;
        UnresolvedExtends = unresolvedExtends;
    }

    public TsconfigFile File { get; }
    public IReadOnlyDictionary<string, TsOption> Options { get; }
    /// <summary>Option name → the top file's `extends` entry through which an inherited value arrived.</summary>
    public IReadOnlyDictionary<string, JsoncString> InheritedVia { get; }
    /// <summary>Every file read to resolve this config (itself and its bases), for cache invalidation.</summary>
    public IReadOnlyList<string> Dependencies { get; }
    public IReadOnlyList<string> UnresolvedExtends { get; }

    public TsOption? Get(string name) => Options.TryGetValue(name, out var o) ? o : null;

    public bool IsTrue(string name) => Get(name)?.AsBool == true;
}
