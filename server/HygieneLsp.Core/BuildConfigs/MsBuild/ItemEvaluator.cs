using HygieneLsp.Core.Parsing.MsBuildXml;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>
/// The item pass: SDK default items (Compile, EmbeddedResource, None; Content for Web and Worker SDKs) at their place
/// in the import order, then every ItemGroup's Include/Exclude/Update/Remove with metadata from attributes and child
/// elements, against final property values. Item paths are relative to the project folder.
/// </summary>
internal sealed class ItemEvaluator
{
    private static readonly HashSet<string> ReservedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Include", "Exclude", "Update", "Remove", "Condition", "KeepMetadata", "RemoveMetadata", "KeepDuplicates",
        "MatchOnMetadata", "MatchOnMetadataOptions", "Label",
    };

    private readonly IFileView _files;
    private readonly string _directory;
    private readonly PropertyTable _properties;
    private readonly ConditionEvaluator _conditions;
    private readonly SdkKind _sdk;
    private readonly string _projectPath;
    private readonly List<EvaluatedItem> _items = [];
    private IReadOnlyList<string>? _projectFiles;

    public ItemEvaluator(IFileView files, string directory, PropertyTable properties, ConditionEvaluator conditions, SdkKind sdk, string projectPath)
    {
        _files = files;
        _directory = directory;
        _properties = properties;
        _conditions = conditions;
        _sdk = sdk;
        _projectPath = projectPath;
    }

    private IReadOnlyList<string> ProjectFiles => _projectFiles ??= ProjectFileLister.List(_files, _directory);

    public IReadOnlyList<EvaluatedItem> Evaluate(IReadOnlyList<ProjectEvaluator.ItemGroupRef> groups)
    {
        foreach (var group in groups)
        {
            if (group.Element is null) { DefaultItems(); continue; }
            var condition = ProjectEvaluator.And(group.Outer, _conditions.Evaluate(group.Element.AttributeValue("Condition")));
            if (condition == Tri.False) continue;
            foreach (var element in group.Element.Children)
            {
                var own = ProjectEvaluator.And(condition, _conditions.Evaluate(element.AttributeValue("Condition")));
                if (own != Tri.False) Operation(new MsBuildSource(group.File, group.Document!, element), own);
            }
        }
        return _items;
    }

    private void Operation(MsBuildSource source, Tri condition)
    {
        var element = source.Element;
        var type = element.Name;
        var unknown = condition == Tri.Unknown;
        if (element.AttributeValue("Include") is { } include)
        {
            var excludes = Globs(element.AttributeValue("Exclude") ?? "", out _);
            foreach (var path in Expand(include))
            {
                if (excludes.Any(g => g.IsMatch(path))) continue;
                var item = new EvaluatedItem(type, path, source) { IsUnknown = unknown, LastTouchedBy = source };
                ApplyMetadata(item, source, unknown);
                _items.Add(item);
            }
        }
        else if (element.AttributeValue("Update") is { } update)
        {
            var globs = Globs(update, out var specUnknown);
            foreach (var item in _items.Where(i => SameType(i, type) && globs.Any(g => g.IsMatch(i.Path))))
            {
                ApplyMetadata(item, source, unknown || specUnknown);
                item.LastTouchedBy = source;
            }
        }
        else if (element.AttributeValue("Remove") is { } remove)
        {
            var globs = Globs(remove, out var specUnknown);
            foreach (var item in _items.Where(i => SameType(i, type) && globs.Any(g => g.IsMatch(i.Path))).ToList())
            {
                if (unknown || specUnknown) item.IsUnknown = true;
                else _items.Remove(item);
            }
        }
    }

    private void ApplyMetadata(EvaluatedItem item, MsBuildSource source, bool unknown)
    {
        foreach (var attribute in source.Element.Attributes)
        {
            if (ReservedAttributes.Contains(attribute.Name)) continue;
            var (value, u) = PropertyExpander.Expand(attribute.Value, _properties);
            item.Metadata[attribute.Name] = new MetadataValue(value, u || unknown, source, attribute);
        }
        foreach (var child in source.Element.Children)
        {
            var condition = _conditions.Evaluate(child.AttributeValue("Condition"));
            if (condition == Tri.False) continue;
            var (value, u) = PropertyExpander.Expand(child.Text, _properties);
            item.Metadata[child.Name] = new MetadataValue(value, u || unknown || condition == Tri.Unknown,
                new MsBuildSource(source.File, source.Document, child), null);
        }
    }

    private static bool SameType(EvaluatedItem item, string type) => string.Equals(item.ItemType, type, StringComparison.OrdinalIgnoreCase);

    private List<ItemGlob> Globs(string spec, out bool unknown)
    {
        var (expanded, u) = PropertyExpander.Expand(spec, _properties);
        unknown = u;
        return ItemGlob.Split(expanded).Where(f => !f.Contains("@(", StringComparison.Ordinal)).Select(f => ItemGlob.Create(_directory, f)).ToList();
    }

    private IEnumerable<string> Expand(string spec)
    {
        var (expanded, unknown) = PropertyExpander.Expand(spec, _properties);
        if (unknown) yield break;
        foreach (var fragment in ItemGlob.Split(expanded))
        {
            if (fragment.Contains("@(", StringComparison.Ordinal) || fragment.Contains("$(", StringComparison.Ordinal)) continue;
            var glob = ItemGlob.Create(_directory, fragment);
            if (!glob.HasWildcard) { yield return glob.Pattern; continue; }
            var candidates = Paths.IsUnder(glob.FixedDirectory, _directory) ? ProjectFiles : ProjectFileLister.List(_files, glob.FixedDirectory);
            foreach (var path in candidates)
                if (glob.IsMatch(path)) yield return path;
        }
    }

    private void DefaultItems()
    {
        if (_sdk == SdkKind.Classic || !On("EnableDefaultItems")) return;
        var excludes = new List<ItemGlob>();
        foreach (var pattern in new[] { "bin/**", "obj/**", "**/*.user", "**/*.*proj", "**/*.sln", "**/*.slnx", "**/*.vssscc", "**/.DS_Store", "**/.*/**" })
            excludes.Add(ItemGlob.Create(_directory, pattern));
        excludes.AddRange(Globs(_properties.Get("DefaultItemExcludes")?.Value ?? "", out _));
        var web = _sdk is SdkKind.Web or SdkKind.BlazorWebAssembly or SdkKind.Razor;
        if (web)
            foreach (var pattern in new[] { "**/node_modules/**", "node_modules/**", "**/jspm_packages/**", "**/bower_components/**", "**/packages.lock.json" })
                excludes.Add(ItemGlob.Create(_directory, pattern));
        var files = ProjectFiles.Where(f => !excludes.Any(g => g.IsMatch(f))).ToList();
        if (web && On("EnableDefaultContentItems"))
        {
            // The static web assets SDK includes wwwroot/.well-known (RFC 5785) although dot-folders are excluded elsewhere.
            var wellKnown = ItemGlob.Create(_directory, "wwwroot/.well-known/**");
            var defaultExcludes = Globs(_properties.Get("DefaultItemExcludes")?.Value ?? "", out _).ToList();
            files.AddRange(ProjectFiles.Where(f => wellKnown.IsMatch(f) && !defaultExcludes.Any(g => g.IsMatch(f))));
        }
        var extension = Path.GetExtension(_projectPath).ToLowerInvariant();
        var compileExtension = extension switch { ".csproj" => ".cs", ".vbproj" => ".vb", _ => null };
        foreach (var f in files)
        {
            var isCompile = compileExtension is not null && f.EndsWith(compileExtension, StringComparison.Ordinal) && On("EnableDefaultCompileItems");
            var isResource = f.EndsWith(".resx", StringComparison.Ordinal) && On("EnableDefaultEmbeddedResourceItems");
            if (isCompile) Add("Compile", f);
            if (isResource) Add("EmbeddedResource", f);
            if (!isCompile && !isResource && On("EnableDefaultNoneItems")) Add("None", f);
        }
        if (!On("EnableDefaultContentItems")) return;
        var wwwroot = ItemGlob.Create(_directory, "wwwroot/**");
        var properties = ItemGlob.Create(_directory, "Properties/**");
        var configOnlyForPublish = On("ExcludeConfigFilesFromBuildOutput");
        if (web || _sdk == SdkKind.Worker)
        {
            foreach (var f in files)
            {
                var underWwwroot = wwwroot.IsMatch(f);
                if (web && underWwwroot)
                {
                    Remove("None", f);
                    Remove("Compile", f);
                    Remove("EmbeddedResource", f);
                    Add("Content", f, ("CopyToPublishDirectory", "PreserveNewest"));
                }
                else if (f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".config", StringComparison.Ordinal))
                {
                    Remove("None", f);
                    var never = properties.IsMatch(f);
                    if (configOnlyForPublish) Add("Content", f, ("CopyToPublishDirectory", never ? "Never" : "PreserveNewest"));
                    else Add("Content", f, ("CopyToOutputDirectory", never && _sdk == SdkKind.Worker ? "Never" : "PreserveNewest"),
                        ("CopyToPublishDirectory", never ? "Never" : "PreserveNewest"));
                }
            }
        }
    }

    private bool On(string name) => string.Equals(_properties.Get(name)?.Value, "true", StringComparison.OrdinalIgnoreCase);

    private void Add(string type, string path, params (string Name, string Value)[] metadata)
    {
        var item = new EvaluatedItem(type, path, null);
        foreach (var (name, value) in metadata) item.Metadata[name] = new MetadataValue(value, false, null, null);
        _items.Add(item);
    }

    private void Remove(string type, string path) => _items.RemoveAll(i => i.Source is null && SameType(i, type) && i.Path == path);
}
