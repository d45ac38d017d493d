using HygieneLsp.Core.Parsing.JsConfig;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.Scripts;

/// <summary>One npm script: its name, text and the string literal it came from (for positions).</summary>
public sealed record PackageScript(string Name, string Command, JsStringLiteral Node, bool RawEqualsCooked);

/// <summary>
/// A package.json read with positions (JSON is a JS expression, so the config reader gives exact ranges):
/// its scripts and the top-level keys some tools read (tsup, targets...).
/// </summary>
public sealed class PackageManifest
{
    private PackageManifest(string path, JsDocument document, JsObjectLiteral? root)
    {
        Path = path;
        Document = document;
        Root = root;
        if (root is null) return;
        if (Property("scripts")?.Value is JsObjectLiteral scripts)
            foreach (var p in scripts.Members.OfType<JsProperty>())
                if (p.Key is not null && p.Value is JsStringLiteral s)
                {
                    if (Scripts.Count == MaxScripts) { ScriptsLeftOut++; continue; }
                    Scripts.Add(new PackageScript(p.Key, s.Value, s, document.Text[(s.Start + 1)..Math.Max(s.Start + 1, s.End - 1)] == s.Value));
                }
    }

    /// <summary>
    /// Scripts past this are not read: real manifests have dozens, and deciding which script is the release build
    /// compares scripts with each other.
    /// </summary>
    public const int MaxScripts = 1_000;

    /// <summary>How many scripts were left out at <see cref="MaxScripts"/>.</summary>
    public int ScriptsLeftOut { get; private set; }

    public string Path { get; }
    public string Directory => Paths.Parent(Path);
    public JsDocument Document { get; }
    public JsObjectLiteral? Root { get; }
    public List<PackageScript> Scripts { get; } = [];

    public JsProperty? Property(string key) => Root?.Members.OfType<JsProperty>().LastOrDefault(p => p.Key == key);

    public static PackageManifest? Read(IFileView files, string path)
    {
        var text = ManifestText.Read(files, path);
        if (text is null) return null;
        var doc = JsDocument.ParseExpression(text);
        var root = (doc.Program.Body.FirstOrDefault() as JsExpressionStatement)?.Expression as JsObjectLiteral;
        return new PackageManifest(path, doc, root);
    }

    /// <summary>Scripts that build for production: not dev servers, watchers, tests or linters.</summary>
    public IEnumerable<PackageScript> BuildScripts =>
        Scripts.Where(s => !IsDevScriptName(s.Name));

    private static bool IsDevScriptName(string name)
    {
        var n = name.ToLowerInvariant();
        return n.Contains("dev") || n.Contains("start") || n.Contains("serve") || n.Contains("watch") || n.Contains("test")
            || n.Contains("lint") || n.Contains("storybook") || n.Contains("preview") || n.Contains("format") || n.Contains("typecheck");
    }
}
