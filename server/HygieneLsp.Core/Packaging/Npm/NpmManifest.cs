using System.Globalization;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Npm;

/// <summary>A string value of package.json with the place it was written (for squiggles and fixes).</summary>
public sealed record NpmManifestValue(string Value, SourceLocation? Location);

/// <summary>
/// package.json as npm-packlist sees it after @npmcli/package-json's normalize steps: `bin` as a name → path map
/// (string and array forms, paths secured), `bundledDependencies` folded into `bundleDependencies` (`true` = every
/// dependency), optional dependencies removed from `dependencies`. `files`, `main` and `browser` stay raw, as npm reads them.
/// </summary>
public sealed class NpmManifest
{
    private NpmManifest(string path, JsoncDocument? document)
    {
        Path = path;
        Document = document;
    }

    public string Path { get; }
    public JsoncDocument? Document { get; }
    /// <summary>Why npm could not read this manifest (invalid JSON, not an object), or null.</summary>
    public string? Error { get; private set; }
    public string? Name { get; private set; }
    public NpmManifestValue? NameValue { get; private set; }
    public string? Version { get; private set; }
    public bool IsPrivate { get; private set; }
    /// <summary>Null when package.json has no (truthy) `files`; entries in order (a string `files` iterates its characters, as npm does).</summary>
    public IReadOnlyList<NpmManifestValue>? Files { get; private set; }
    public SourceLocation? FilesLocation { get; private set; }
    /// <summary>The `files` array node, for edits.</summary>
    public JsoncArray? FilesArray { get; private set; }
    /// <summary>`main` as npm stringifies it into a rule, when truthy.</summary>
    public NpmManifestValue? Main { get; private set; }
    public NpmManifestValue? Browser { get; private set; }
    public IReadOnlyList<(string Name, NpmManifestValue Path)> Bin { get; private set; } = [];
    /// <summary>Raw `directories.bin` when `bin` is absent (npm then lists that folder's files as bins).</summary>
    public string? DirectoriesBin { get; private set; }
    public IReadOnlyList<string> BundleDependencies { get; private set; } = [];
    public IReadOnlyList<string> Dependencies { get; private set; } = [];
    public IReadOnlyList<string> OptionalDependencies { get; private set; } = [];
    public IReadOnlyList<string> DevDependencies { get; private set; } = [];
    public IReadOnlyList<string> PeerDependencies { get; private set; } = [];
    /// <summary>Workspace globs (array form or `{ packages: [...] }`), or null.</summary>
    public IReadOnlyList<string>? Workspaces { get; private set; }
    /// <summary>Whether the package's sources are public already (license and repository).</summary>
    public SourceOpenness Openness => _openness ??= SourceOpenness.Of(Document?.Root as JsoncObject);
    private SourceOpenness? _openness;

    public static NpmManifest Parse(string path, string? text)
    {
        if (text is null) return new NpmManifest(path, null) { Error = "package.json could not be read" };
        var doc = JsoncParser.Parse(text);
        var m = new NpmManifest(path, doc);
        if (doc.Errors.Count > 0 || doc.Root is not JsoncObject root)
        {
            m.Error = "package.json is not valid JSON";
            if (doc.Root is not JsoncObject) return m;
        }
        m.Read((JsoncObject)doc.Root!);
        return m;
    }

    private SourceLocation Loc(JsoncNode node) => new(Path, Document!.RangeOf(node));

    private void Read(JsoncObject root)
    {
        if (root.Get("name") is JsoncString name)
        {
            Name = name.Value.Trim();
            NameValue = new NpmManifestValue(Name, Loc(name));
        }
        Version = root.GetString("version");
        IsPrivate = root.Get("private") is { } priv && IsTruthy(priv);

        var filesProperty = root.GetProperty("files");
        if (filesProperty?.Value is { } files && IsTruthy(files))
        {
            FilesLocation = new SourceLocation(Path, Document!.RangeOf(filesProperty.Key));
            switch (files)
            {
                case JsoncArray array:
                    FilesArray = array;
                    // npm crashes on a non-string entry; keeping the strings is the useful reading.
                    Files = array.Items.OfType<JsoncString>().Select(s => new NpmManifestValue(s.Value, Loc(s))).ToList();
                    break;
                case JsoncString str:
                    Files = str.Value.Select(c => new NpmManifestValue(c.ToString(), Loc(str))).ToList();
                    break;
                default:
                    Error ??= "package.json `files` is not an array";
                    Files = [];
                    break;
            }
        }
        if (root.Get("main") is { } main && IsTruthy(main)) Main = new NpmManifestValue(JsString(main), Loc(main));
        if (root.Get("browser") is { } browser && IsTruthy(browser)) Browser = new NpmManifestValue(JsString(browser), Loc(browser));
        ReadBin(root);
        ReadDependencies(root);
        Workspaces = root.Get("workspaces") switch
        {
            JsoncArray a => a.Items.OfType<JsoncString>().Select(s => s.Value).ToList(),
            JsoncObject o when o.Get("packages") is JsoncArray a => a.Items.OfType<JsoncString>().Select(s => s.Value).ToList(),
            _ => null,
        };
    }

    private void ReadBin(JsoncObject root)
    {
        var bin = root.Get("bin");
        if (bin is null || !IsTruthy(bin))
        {
            if (root.Get("directories") is JsoncObject dirs && dirs.Get("bin") is JsoncString d && d.Value.Length > 0) DirectoriesBin = d.Value;
            return;
        }
        var raw = new List<(string Key, JsoncNode Value)>();
        switch (bin)
        {
            case JsoncString s when !string.IsNullOrEmpty(Name):
                raw.Add((Name!, s));
                break;
            case JsoncArray a:
                foreach (var item in a.Items)
                    if (item is JsoncString s) raw.Add((System.IO.Path.GetFileName(s.Value.TrimEnd('/')), s));
                break;
            case JsoncObject o:
                foreach (var p in o.Properties)
                    if (p.Value is not null) raw.Add((p.Key.Value, p.Value));
                break;
        }
        var result = new Dictionary<string, NpmManifestValue>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (key, value) in raw)
        {
            if (value is not JsoncString target) continue;
            var baseName = PosixBaseName(NpmPaths.SecureAndUnixify(key));
            if (baseName.Length == 0) continue;
            var secured = NpmPaths.SecureAndUnixify(target.Value);
            if (secured.Length == 0) continue;
            if (!result.ContainsKey(baseName)) order.Add(baseName);
            result[baseName] = new NpmManifestValue(secured, Loc(target));
        }
        Bin = order.Select(k => (k, result[k])).ToList();
    }

    private void ReadDependencies(JsoncObject root)
    {
        static List<string> Keys(JsoncNode? n) => n is JsoncObject o ? o.Properties.Select(p => p.Key.Value).Distinct().ToList() : [];
        var optional = Keys(root.Get("optionalDependencies"));
        var deps = Keys(root.Get("dependencies"));
        JsoncNode? bundle = root.GetProperty("bundleDependencies") is { } bp ? bp.Value : root.Get("bundledDependencies");
        BundleDependencies = bundle switch
        {
            JsoncLiteral { Kind: JsoncLiteralKind.True } => deps, // before optional dedupe, as npm's normalize orders it
            JsoncArray a => a.Items.OfType<JsoncString>().Select(s => s.Value).ToList(),
            JsoncObject o => o.Properties.Select(p => p.Key.Value).ToList(),
            _ => [],
        };
        Dependencies = deps.Where(d => !optional.Contains(d)).ToList();
        OptionalDependencies = optional;
        DevDependencies = Keys(root.Get("devDependencies"));
        PeerDependencies = Keys(root.Get("peerDependencies"));
    }

    private static string PosixBaseName(string p)
    {
        var t = p.TrimEnd('/');
        var i = t.LastIndexOf('/');
        return i < 0 ? t : t[(i + 1)..];
    }

    /// <summary>JavaScript truthiness of a JSON value.</summary>
    public static bool IsTruthy(JsoncNode node) => node switch
    {
        JsoncString s => s.Value.Length > 0,
        JsoncNumber n => n.Value is { } v && v != 0 && !double.IsNaN(v),
        JsoncLiteral l => l.Kind == JsoncLiteralKind.True,
        _ => true,
    };

    /// <summary>`${value}` in JavaScript, for the JSON values package.json fields can hold.</summary>
    private static string JsString(JsoncNode node) => node switch
    {
        JsoncString s => s.Value,
        JsoncNumber n => n.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : n.Text,
        JsoncLiteral l => l.Kind switch { JsoncLiteralKind.True => "true", JsoncLiteralKind.False => "false", _ => "null" },
        JsoncArray a => string.Join(",", a.Items.Select(i => i is JsoncLiteral { Kind: JsoncLiteralKind.Null } ? "" : JsString(i))),
        _ => "[object Object]",
    };

    /// <summary>The place to point at when nothing more specific causes a finding: the `name` value, else the file start.</summary>
    public SourceLocation PackageLocation => NameValue?.Location ?? new SourceLocation(Path, TextRange.Empty);
}
