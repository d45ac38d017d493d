namespace HygieneLsp.Fuzz.Corpus;

/// <summary>The kinds of input the engine parses, each with its own syntax and its own hostile shapes.</summary>
public enum InputKind
{
    PackageJson,
    /// <summary>tsconfig/jsconfig, angular.json, .hygienelsp.json: JSON with comments.</summary>
    Jsonc,
    /// <summary>webpack/vite/rollup/esbuild/tsup configs and build scripts, read by the JS evaluator.</summary>
    JsConfig,
    /// <summary>.npmignore, .gitignore, .vscodeignore.</summary>
    IgnoreFile,
    /// <summary>.csproj, Directory.Build.props, .targets.</summary>
    MsBuild,
    AppSettings,
    SourceMap,
    Npmrc,
    Env,
    Workflow,
    /// <summary>Sources and bundles: read only by the secret scanner and the inline-map finder.</summary>
    Text,
}

public static class InputKinds
{
    public static InputKind Of(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name == "package.json") return InputKind.PackageJson;
        if (name.StartsWith("appsettings", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)) return InputKind.AppSettings;
        if (name.EndsWith(".map", StringComparison.Ordinal)) return InputKind.SourceMap;
        if (name.EndsWith(".json", StringComparison.Ordinal)) return InputKind.Jsonc;
        if (name is ".npmignore" or ".gitignore" or ".vscodeignore") return InputKind.IgnoreFile;
        if (name is ".npmrc") return InputKind.Npmrc;
        if (name.StartsWith(".env", StringComparison.Ordinal)) return InputKind.Env;
        if (name.EndsWith("proj", StringComparison.Ordinal) || name.EndsWith(".props", StringComparison.Ordinal) || name.EndsWith(".targets", StringComparison.Ordinal))
            return InputKind.MsBuild;
        if (path.Contains("/.github/", StringComparison.Ordinal) && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal)))
            return InputKind.Workflow;
        if (IsConfigScript(name, path)) return InputKind.JsConfig;
        return InputKind.Text;
    }

    private static bool IsConfigScript(string name, string path) =>
        (name.Contains(".config.", StringComparison.Ordinal) || name is "build.mjs" or "build.js" or "esbuild.js" || path.Contains("/config/", StringComparison.Ordinal))
        && (name.EndsWith(".js", StringComparison.Ordinal) || name.EndsWith(".mjs", StringComparison.Ordinal) || name.EndsWith(".cjs", StringComparison.Ordinal) || name.EndsWith(".ts", StringComparison.Ordinal));
}
