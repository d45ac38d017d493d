using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Suppression;

/// <summary>
/// The workspace's <c>.hygienelsp.json</c> (JSON with comments, schema in schemas/hygienelsp.schema.json):
/// <c>rules</c> (rule id or <c>category/*</c> → error|warning|info|hint|off), <c>ignorePaths</c> (globs relative to the
/// folder) and <c>baseline</c> (fingerprints of accepted findings). A missing file is an empty config; a malformed
/// one keeps what could be read and lists its problems in <see cref="Problems"/>.
/// </summary>
public sealed class SuppressionConfig
{
    public const string FileName = ".hygienelsp.json";

    public static SuppressionConfig Empty(string root) => new(Paths.Normalize(root), exists: false);

    private SuppressionConfig(string root, bool exists)
    {
        Root = root;
        Path = Paths.Combine(root, FileName);
        Exists = exists;
    }

    public string Root { get; }
    public string Path { get; }
    public bool Exists { get; }
    public IReadOnlyDictionary<string, Severity> Rules { get; private init; } = new Dictionary<string, Severity>();
    public IReadOnlyList<PathGlob> IgnorePaths { get; private init; } = [];
    public IReadOnlySet<string> Baseline { get; private init; } = new HashSet<string>();
    /// <summary>`openSource`: `auto` (default) lowers map findings of open-source packages to information; `strict` treats every package as closed.</summary>
    public bool OpenSourceIsStrict { get; private init; }
    /// <summary>What was wrong with the file, in words (for a diagnostic on it); empty when it read cleanly.</summary>
    public IReadOnlyList<string> Problems { get; private init; } = [];

    public static SuppressionConfig Load(IFileView files, string root)
    {
        var normalizedRoot = Paths.Normalize(root);
        var path = Paths.Combine(normalizedRoot, FileName);
        var text = files.FileExists(path) ? files.ReadAllText(path) : null;
        if (text is null) return Empty(normalizedRoot);
        var doc = JsoncParser.Parse(text);
        var problems = doc.Errors.Select(e => $"{FileName}: {e.Message} ({doc.Lines.GetPosition(e.Start)})").ToList();
        var rules = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var globs = new List<PathGlob>();
        var baseline = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (doc.Root is not JsoncObject obj)
        {
            if (doc.Root is not null) problems.Add($"{FileName}: the file must hold a JSON object.");
            return new SuppressionConfig(normalizedRoot, true) { Problems = problems };
        }
        if (obj.Get("rules") is JsoncObject ruleObj)
        {
            foreach (var p in ruleObj.Properties)
            {
                if (p.Value is JsoncString s && SeverityNames.TryParse(s.Value, out var severity)) rules[p.Key.Value] = severity;
                else problems.Add($"{FileName}: rule '{p.Key.Value}' needs one of error, warning, info, hint, off.");
            }
        }
        else if (obj.Get("rules") is not null) problems.Add($"{FileName}: 'rules' must be an object.");
        if (obj.Get("ignorePaths") is JsoncArray ignore)
        {
            foreach (var item in ignore.Items)
                if (item is JsoncString s && s.Value.Trim().Length > 0) globs.Add(new PathGlob(s.Value));
                else problems.Add($"{FileName}: every 'ignorePaths' entry must be a non-empty string.");
        }
        else if (obj.Get("ignorePaths") is not null) problems.Add($"{FileName}: 'ignorePaths' must be an array of globs.");
        if (obj.Get("baseline") is JsoncArray list)
        {
            foreach (var item in list.Items)
                if (item is JsoncString s) baseline.Add(s.Value.Trim());
                else problems.Add($"{FileName}: every 'baseline' entry must be a fingerprint string.");
        }
        else if (obj.Get("baseline") is not null) problems.Add($"{FileName}: 'baseline' must be an array of fingerprints.");
        var strict = false;
        switch (obj.Get("openSource"))
        {
            case null: break;
            case JsoncString { Value: "auto" }: break;
            case JsoncString { Value: "strict" }: strict = true; break;
            default: problems.Add($"{FileName}: 'openSource' needs \"auto\" or \"strict\"."); break;
        }
        return new SuppressionConfig(normalizedRoot, true) { Rules = rules, IgnorePaths = globs, Baseline = baseline, Problems = problems, OpenSourceIsStrict = strict };
    }

    /// <summary>The configured severity for a rule: an exact id wins over <c>category/*</c>; null when not configured.</summary>
    public Severity? SeverityFor(string ruleId)
    {
        if (Rules.TryGetValue(ruleId, out var exact)) return exact;
        var slash = ruleId.IndexOf('/');
        if (slash > 0 && Rules.TryGetValue(ruleId[..(slash + 1)] + "*", out var category)) return category;
        return null;
    }

    public bool IsIgnoredPath(string absolutePath)
    {
        if (IgnorePaths.Count == 0 || !Paths.IsUnder(absolutePath, Root) || absolutePath == Root) return false;
        var relative = Paths.Relative(Root, absolutePath);
        foreach (var g in IgnorePaths) if (g.Matches(relative)) return true;
        return false;
    }
}
