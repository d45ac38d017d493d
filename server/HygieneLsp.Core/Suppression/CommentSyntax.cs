namespace HygieneLsp.Core.Suppression;

/// <summary>How to write a one-line comment in a file, chosen by its name; null for formats without comments (package.json).</summary>
public sealed record CommentSyntax(string Open, string? Close)
{
    public static readonly CommentSyntax Slash = new("//", null);
    public static readonly CommentSyntax Hash = new("#", null);
    public static readonly CommentSyntax Block = new("/*", "*/");
    public static readonly CommentSyntax Markup = new("<!--", "-->");

    private static readonly HashSet<string> SlashExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".cs", ".fs", ".java", ".kt", ".kts", ".go", ".rs",
        ".swift", ".c", ".cc", ".cpp", ".h", ".hpp", ".scss", ".less", ".jsonc", ".json5", ".dart", ".php", ".scala", ".groovy",
    };

    private static readonly HashSet<string> HashExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".yml", ".yaml", ".sh", ".bash", ".zsh", ".py", ".rb", ".toml", ".properties", ".ini", ".conf", ".cfg", ".ps1",
        ".psm1", ".r", ".pl", ".tf", ".env", ".gitignore", ".npmignore", ".vscodeignore", ".dockerignore", ".editorconfig",
    };

    private static readonly HashSet<string> MarkupExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xml", ".md", ".markdown", ".csproj", ".fsproj", ".vbproj", ".props", ".targets", ".xaml",
        ".svg", ".config", ".resx", ".nuspec", ".vsixmanifest", ".vue", ".svelte",
    };

    public static CommentSyntax? For(string path)
    {
        var name = Path.GetFileName(path);
        var ext = Path.GetExtension(name);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) || name.Equals(".npmrc", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.StartsWith(".yarnrc", StringComparison.Ordinal))
            return Hash;
        if (ext.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            // JSON parsed with comments allowed: tsconfig/jsconfig (TypeScript), appsettings (.NET configuration), our own config.
            var lower = name.ToLowerInvariant();
            return lower.StartsWith("tsconfig") || lower.StartsWith("jsconfig") || lower.StartsWith("appsettings")
                   || lower == SuppressionConfig.FileName || lower == "devcontainer.json" || lower == ".eslintrc.json"
                ? Slash : null;
        }
        if (ext.Equals(".css", StringComparison.OrdinalIgnoreCase)) return Block;
        if (SlashExtensions.Contains(ext)) return Slash;
        if (HashExtensions.Contains(ext) || HashExtensions.Contains(name)) return Hash;
        if (MarkupExtensions.Contains(ext)) return Markup;
        return null;
    }
}
