using HygieneLsp.Core.BuildConfigs.Scripts;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Parsing.JsConfig.Evaluation;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs;

/// <summary>
/// What a planner is asked: the files, the folder the tool runs in, the package.json there (if any) and the script
/// command that runs the tool (null = the default production invocation, see each planner).
/// </summary>
public sealed record PlanRequest(IFileView Files, string ProjectDirectory, PackageManifest? Manifest, ShellCommand? Command)
{
    /// <summary>Environment for evaluating configs: NODE_ENV=production unless the script sets it, plus script env assignments.</summary>
    public JsEnvironment Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = new Dictionary<string, string?> { ["NODE_ENV"] = "production" };
        if (Command is not null) foreach (var (k, v) in Command.Env) env[k] = v;
        if (extra is not null) foreach (var (k, v) in extra) env[k] = v;
        return new JsEnvironment(env, ProjectDirectory);
    }

    /// <summary>The loaders this request used: their files are the plan's dependencies (read lazily, so asked at the end).</summary>
    public List<JsModuleLoader> Loaders { get; } = [];

    /// <summary>Loads a JS/TS/JSON config statically. Null when unreadable.</summary>
    public (JsModuleLoader Loader, JsModuleContext Module)? Load(string path, JsEnvironment? environment = null)
    {
        var loader = new JsModuleLoader(Files, environment ?? Environment());
        Loaders.Add(loader);
        var module = loader.LoadEntry(path);
        return module is null ? null : (loader, module);
    }

    /// <summary>An absolute path for a tool's output option, relative to the project folder.</summary>
    public string Resolve(string path) => path.StartsWith('/') ? JsBuiltinPath.Normalize(path) : JsBuiltinPath.Normalize(ProjectDirectory + "/" + path);

    public SourceLocation ScriptLocation(ShellWord word) =>
        new(Manifest!.Path, ConfigEdits.ScriptRange(Manifest, Command!.Script, word.Start, word.End));

    public SourceLocation? CommandLocation => Command?.ToolWord is { } w && Manifest is not null ? ScriptLocation(w) : null;

    /// <summary>Anchor for "the key is missing": the first character of the config value (object literal).</summary>
    public static SourceLocation Anchor(ValueSource? source, string fallbackPath) =>
        source is null ? new SourceLocation(fallbackPath, TextRange.Empty)
            : new SourceLocation(source.Path, source.Document.Lines.GetRange(source.Node.Start, Math.Min(source.Node.End, source.Node.Start + 1)));
}

/// <summary>Path normalisation shared by planners (the evaluator's path.resolve uses the same rules).</summary>
public static class JsBuiltinPath
{
    public static string Normalize(string path)
    {
        var absolute = path.StartsWith('/');
        var stack = new List<string>();
        foreach (var seg in path.Split('/'))
        {
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == "..") { if (stack.Count > 0) stack.RemoveAt(stack.Count - 1); continue; }
            stack.Add(seg);
        }
        return (absolute ? "/" : "") + string.Join("/", stack);
    }
}
