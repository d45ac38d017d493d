namespace HygieneLsp.Core.Secrets;

/// <summary>
/// What a scanned text is, which decides how literal a value must look. In program code an unquoted right-hand side
/// is an expression (<c>token: e.idToken?.secret || ""</c>), never a secret; in data files (.env, YAML, INI,
/// .properties) values are unquoted as a rule.
/// </summary>
public enum TextKind
{
    Data,
    Code,
}

public static class TextKinds
{
    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".vue", ".svelte", ".astro", ".coffee",
        ".cs", ".fs", ".vb", ".java", ".kt", ".kts", ".scala", ".groovy", ".go", ".rs", ".swift", ".dart",
        ".c", ".h", ".cc", ".cpp", ".hpp", ".m", ".mm", ".py", ".rb", ".php", ".lua", ".pl",
    };

    /// <summary>The kind of a file (or of a source path inside a map) by its extension; unknown means data.</summary>
    public static TextKind ForPath(string path) =>
        CodeExtensions.Contains(Path.GetExtension(StripQuery(path))) ? TextKind.Code : TextKind.Data;

    // Map sources are often URLs with a query (webpack:///./src/a.ts?1234).
    private static string StripQuery(string path)
    {
        var q = path.IndexOfAny(['?', '#']);
        return q < 0 ? path : path[..q];
    }
}
