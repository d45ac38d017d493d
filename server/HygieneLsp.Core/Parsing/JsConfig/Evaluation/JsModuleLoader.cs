using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Parsing.JsConfig.Evaluation;

/// <summary>
/// What the reader assumes about the run: known environment variables (others are unknown) and the folder the
/// tool runs in (for <c>process.cwd()</c> and <c>path.resolve</c>).
/// </summary>
public sealed record JsEnvironment(IReadOnlyDictionary<string, string?> ProcessEnv, string? WorkingDirectory = null)
{
    /// <summary>A production build: NODE_ENV=production, nothing else known.</summary>
    public static JsEnvironment Production(string? workingDirectory = null) =>
        new(new Dictionary<string, string?> { ["NODE_ENV"] = "production" }, workingDirectory);
}

/// <summary>
/// Loads a config file and the sibling files it requires/imports, statically: parse, then evaluate the top level.
/// Relative specifiers resolve like Node (extensions, index files); depth-limited, cycles yield unknown values.
/// One loader per analysis of one entry file; it collects the build API calls the files make, and the budgets its
/// files ran into (<see cref="Skips"/>): a file too large to read, requires nested too deep, the evaluation's own.
/// </summary>
public sealed class JsModuleLoader
{
    private static readonly string[] Extensions = [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".json"];
    private readonly IFileView _files;
    private readonly int _maxDepth;
    /// <summary>Config files past this are not read: real ones are a few kilobytes, and the evaluation must stay cheap.</summary>
    public const int MaxFileChars = 2_000_000;

    private readonly Dictionary<string, JsModuleContext> _loaded = new(StringComparer.Ordinal);
    private readonly List<InputSkip> _fileSkips = [];
    private readonly HashSet<string> _loading = new(StringComparer.Ordinal);
    private JsObject? _process;

    public JsModuleLoader(IFileView files, JsEnvironment environment, int maxDepth = 8)
    {
        _files = files;
        Environment = environment;
        _maxDepth = maxDepth;
        Evaluator = new JsEvaluator(this);
    }

    public JsEnvironment Environment { get; }
    public JsEvaluator Evaluator { get; }
    public List<RecordedCall> Calls { get; } = [];
    public string WorkingDirectory { get; private set; } = "/";

    /// <summary>Every file this loader read (for cache invalidation).</summary>
    public IEnumerable<string> LoadedFiles => _loaded.Keys;

    /// <summary>The config file this loader evaluates (set by <see cref="LoadEntry"/>, or by a caller evaluating a package.json key).</summary>
    public string? EntryPath { get; init; }

    private string? _entry;

    /// <summary>The file this loader evaluated as its entry (either way it was given).</summary>
    public string? Entry => _entry ?? EntryPath;

    /// <summary>The inputs whose reading stopped at a budget; the evaluation's own, when spent, names the entry file.</summary>
    public IReadOnlyList<InputSkip> Skips
    {
        get
        {
            var skips = new List<InputSkip>(_fileSkips);
            var entry = Entry;
            if (Evaluator.Budget.StoppedBy is { } reason && entry is not null)
            {
                var where = Evaluator.Budget.StoppedIn is { } file && file != entry ? $" (in {Path.GetFileName(file)})" : "";
                skips.Add(new InputSkip(entry, $"{reason}{where}; its build settings are unknown"));
            }
            return skips;
        }
    }

    /// <summary>Parses and evaluates the entry file; null when it cannot be read.</summary>
    public JsModuleContext? LoadEntry(string path)
    {
        _entry = path;
        WorkingDirectory = Environment.WorkingDirectory ?? Paths.Parent(path);
        return Load(path, 0);
    }

    public JsObject ProcessObject => _process ??= BuildProcess();

    private JsObject BuildProcess()
    {
        var env = new JsObject();
        env.AddUnknownSpread(null);
        foreach (var (k, v) in Environment.ProcessEnv) env.Set(k, v is null ? JsValue.Undefined : JsValue.Of(v));
        var p = new JsObject();
        p.AddUnknownSpread(null);
        p.Set("env", env);
        p.Set("cwd", JsGlobals.Builtin(call => JsValue.Of(WorkingDirectory, call.CallSource)));
        return p;
    }

    private JsModuleContext? Load(string path, int depth)
    {
        if (_loaded.TryGetValue(path, out var done)) return done;
        if (_loading.Contains(path)) return null;
        if (depth > _maxDepth)
        {
            _fileSkips.Add(new InputSkip(_entry ?? path, $"requires nest deeper than {_maxDepth} files; {Path.GetFileName(path)} and what it requires were not read"));
            return null;
        }
        var text = _files.ReadAllText(path);
        if (text is null) return null;
        if (text.Length > MaxFileChars)
        {
            _fileSkips.Add(new InputSkip(path, $"larger than {MaxFileChars:N0} characters; not read, so {(depth == 0 ? "its build settings are" : "what it exports is")} unknown"));
            return null;
        }
        _loading.Add(path);
        try
        {
            // JSON, and the extensionless rc files tools read as JSON(5): .babelrc, .swcrc.
            var name = path[(path.LastIndexOf('/') + 1)..];
            var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.StartsWith('.') && !name[1..].Contains('.');
            var document = isJson ? JsDocument.ParseExpression(text) : JsDocument.Parse(text);
            if (document.IsTruncated) _fileSkips.Add(new InputSkip(path, JsParser.TokenBudgetMessage + (depth == 0 ? ", so its build settings may be incomplete" : "")));
            var module = new JsModuleContext(path, document, depth);
            var scope = new JsScope(null);
            if (isJson)
            {
                var value = Evaluator.Evaluate((document.Program.Body[0] as JsExpressionStatement)?.Expression, scope, module);
                module.ModuleObject.Set("exports", value);
            }
            else Evaluator.ExecuteModule(module, scope);
            _loaded[path] = module;
            return module;
        }
        finally { _loading.Remove(path); }
    }

    /// <summary>`require(spec)`: a modelled package, a sibling file's exports, or unknown.</summary>
    internal JsValue Require(string specifier, JsModuleContext from, ValueSource? src)
    {
        if (JsBuiltinModules.Get(specifier, this) is { } builtin) return builtin.Exports;
        var module = Resolve(specifier, from.Directory) is { } path ? Load(path, from.Depth + 1) : null;
        if (module is null) { Evaluator.SignalMayThrow(); return JsValue.Unknown(src); }
        return module.DefaultExport is not null || module.NamedExports.Count > 0 ? Namespace(module) : module.ModuleExports;
    }

    /// <summary>`import d, * as ns from spec`: the default binding and the namespace object.</summary>
    internal (JsValue Default, JsValue Namespace) Import(string specifier, JsModuleContext from, ValueSource? src)
    {
        if (JsBuiltinModules.Get(specifier, this) is { } builtin) return (builtin.Namespace.Get("default"), builtin.Namespace);
        if (Resolve(specifier, from.Directory) is not { } path) return (JsValue.Unknown(src), JsValue.Unknown(src));
        var module = Load(path, from.Depth + 1);
        if (module is null) return (JsValue.Unknown(src), JsValue.Unknown(src));
        return (module.ConfigValue, Namespace(module));
    }

    private static JsObject Namespace(JsModuleContext module)
    {
        var ns = module.ModuleExports is JsObject cjs && module.DefaultExport is null ? cjs.ShallowCopy() : new JsObject();
        foreach (var (k, v) in module.NamedExports) ns.Set(k, v);
        if (module.DefaultExport is not null) ns.Set("default", module.DefaultExport);
        else if (!ns.TryGetEntry("default", out _)) ns.Set("default", module.ModuleExports);
        return ns;
    }

    private string? Resolve(string specifier, string directory)
    {
        if (!(specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) ||
              specifier.StartsWith('/') || specifier is "." or "..")) return null;
        string basePath;
        try { basePath = Paths.Combine(directory, specifier); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
        if (_files.FileExists(basePath)) return basePath;
        foreach (var ext in Extensions)
            if (_files.FileExists(basePath + ext)) return basePath + ext;
        // TS sources import './x.js' for './x.ts'.
        if (basePath.EndsWith(".js", StringComparison.Ordinal))
            foreach (var ext in new[] { ".ts", ".tsx" })
                if (_files.FileExists(basePath[..^3] + ext)) return basePath[..^3] + ext;
        foreach (var ext in Extensions)
            if (_files.FileExists(basePath + "/index" + ext)) return basePath + "/index" + ext;
        return null;
    }
}
