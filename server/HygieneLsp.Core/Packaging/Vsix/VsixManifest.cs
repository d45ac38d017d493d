using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Packaging.Vsix;

/// <summary>A string of package.json with the place it was written.</summary>
public sealed record VsixManifestValue(string Value, SourceLocation Location);

/// <summary>How package.json's `files` looks to vsce: absent (undefined or null), an array, or something else (vsce crashes on it).</summary>
public enum VsixFilesKind { Absent, Array, Invalid }

/// <summary>
/// package.json read the way vsce reads it for packaging: `engines.vscode` (what makes it an extension), `files`,
/// the dependency maps npm list walks from, and the `vsce` options object (`dependencies`, `yarn`).
/// </summary>
public sealed class VsixManifest
{
    private VsixManifest(string path, JsoncDocument? document)
    {
        Path = path;
        Document = document;
    }

    public string Path { get; }
    public JsoncDocument? Document { get; }
    public string? Error { get; private set; }
    public string? Name { get; private set; }
    public SourceLocation? NameLocation { get; private set; }
    public string? Version { get; private set; }
    public bool IsExtension { get; private set; }
    public VsixFilesKind FilesKind { get; private set; }
    /// <summary>String entries of the `files` array, in order (non-strings are dropped: vsce would crash on them).</summary>
    public IReadOnlyList<VsixManifestValue> Files { get; private set; } = [];
    public JsoncArray? FilesArray { get; private set; }
    public SourceLocation? FilesKeyLocation { get; private set; }
    public IReadOnlyList<string> Dependencies { get; private set; } = [];
    public IReadOnlyList<string> OptionalDependencies { get; private set; } = [];
    public IReadOnlyList<string> PeerDependencies { get; private set; } = [];
    public IReadOnlyList<string> DevDependencies { get; private set; } = [];
    /// <summary>`vsce.dependencies: false` in package.json: `vsce package` then skips npm list (as `--no-dependencies`).</summary>
    public bool VsceNoDependencies { get; private set; }
    /// <summary>`vsce.yarn` when set: forces yarn (true) or npm (false) instead of detection.</summary>
    public bool? VsceYarn { get; private set; }
    /// <summary>Whether the extension's sources are public already (license and repository).</summary>
    public SourceOpenness Openness => _openness ??= SourceOpenness.Of(Document?.Root as JsoncObject);
    private SourceOpenness? _openness;

    /// <summary>Where to point when nothing more specific causes a finding: the `name` value, else the file start.</summary>
    public SourceLocation PackageLocation => NameLocation ?? new SourceLocation(Path, TextRange.Empty);

    public static VsixManifest Parse(string path, string? text)
    {
        if (text is null) return new VsixManifest(path, null) { Error = "package.json could not be read" };
        var doc = JsoncParser.Parse(text);
        var m = new VsixManifest(path, doc);
        if (doc.Errors.Count > 0) m.Error = "package.json is not valid JSON";
        else if (!IsStrictJson(text)) m.Error = "package.json has comments or trailing commas: vsce (JSON.parse) cannot read it";
        if (doc.Root is JsoncObject root) m.Read(root);
        else m.Error ??= "package.json is not an object";
        return m;
    }

    private static bool IsStrictJson(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private SourceLocation Loc(JsoncNode node) => new(Path, Document!.RangeOf(node));

    private void Read(JsoncObject root)
    {
        if (root.Get("name") is JsoncString name)
        {
            Name = name.Value;
            NameLocation = Loc(name);
        }
        Version = root.GetString("version");
        IsExtension = ExtensionShape.Is(root);

        var files = root.GetProperty("files");
        switch (files?.Value)
        {
            case null:
            case JsoncLiteral { Kind: JsoncLiteralKind.Null }:
                FilesKind = VsixFilesKind.Absent;
                break;
            case JsoncArray array:
                FilesKind = VsixFilesKind.Array;
                FilesArray = array;
                FilesKeyLocation = Loc(files.Key);
                Files = array.Items.OfType<JsoncString>().Select(s => new VsixManifestValue(s.Value, Loc(s))).ToList();
                break;
            default:
                FilesKind = VsixFilesKind.Invalid;
                FilesKeyLocation = Loc(files.Key);
                break;
        }

        static List<string> Keys(JsoncNode? n) => n is JsoncObject o ? o.Properties.Select(p => p.Key.Value).Distinct().ToList() : [];
        Dependencies = Keys(root.Get("dependencies"));
        OptionalDependencies = Keys(root.Get("optionalDependencies"));
        PeerDependencies = Keys(root.Get("peerDependencies"));
        DevDependencies = Keys(root.Get("devDependencies"));

        if (root.Get("vsce") is JsoncObject vsce)
        {
            VsceNoDependencies = vsce.Get("dependencies") is JsoncLiteral { Kind: JsoncLiteralKind.False };
            VsceYarn = vsce.GetBool("yarn");
        }
    }
}
