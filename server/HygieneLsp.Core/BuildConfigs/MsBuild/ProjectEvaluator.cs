using HygieneLsp.Core.Parsing.MsBuildXml;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>The outcome of evaluating one project file: the project, or why it could not be read; and the budgets its files hit.</summary>
public sealed record ProjectEvaluation(EvaluatedProject? Project, string? Error)
{
    public IReadOnlyList<Analysis.InputSkip> Skipped { get; init; } = [];
}

/// <summary>
/// Evaluates an SDK-style project for <c>-c Release</c> without running MSBuild: Directory.Build.props, SDK props
/// defaults, the body, Directory.Build.targets, SDK targets defaults, in MSBuild's order; relative imports it can see
/// (each file once, cycles cut); then items in the same order. What it cannot decide stays unknown.
/// </summary>
public sealed class ProjectEvaluator
{
    private readonly IFileView _files;
    private readonly string _projectPath;
    private readonly string _projectDirectory;
    private readonly PropertyTable _properties = new();
    private readonly Dictionary<string, MsXmlDocument> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _imported = new(StringComparer.Ordinal);
    private readonly List<ItemGroupRef> _itemGroups = [];
    private readonly ConditionEvaluator _conditions;
    private string _thisFile = "";
    private readonly List<Analysis.InputSkip> _skipped = [];

    /// <summary>An ItemGroup to evaluate in the item pass, or (Element null) the place of the SDK default items.</summary>
    internal sealed record ItemGroupRef(string File, MsXmlDocument? Document, MsXmlElement? Element, Tri Outer);

    /// <summary>What an `Import` may read: the workspace folder only, since its path is untrusted text.</summary>
    private readonly IFileView _imports;

    /// <summary>Imports past this many are not read; real projects import a handful besides the SDK's.</summary>
    public const int MaxImports = 100;

    /// <summary>
    /// Project and import files past this size are not read: real ones are a few kilobytes, and each is parsed again
    /// for every evaluation (pack, publish, each fix checked), which cost over a gigabyte for an eight-megabyte one.
    /// </summary>
    public const long MaxBytes = 1_000_000;

    private bool TooLarge(string path)
    {
        if (_files.GetLength(path) <= MaxBytes) return false;
        _skipped.Add(new Analysis.InputSkip(path, $"larger than {MaxBytes:N0} bytes; not read, so what it sets is unknown"));
        return true;
    }

    private ProjectEvaluator(IFileView files, string projectPath, string? workspaceRoot)
    {
        _files = files;
        _imports = workspaceRoot is null ? files : new ConfinedFileView(files, workspaceRoot);
        _projectPath = projectPath;
        _projectDirectory = Paths.Parent(projectPath);
        _conditions = new ConditionEvaluator(_properties, Exists);
    }

    /// <param name="workspaceRoot">The folder `Import` elements may read from (null: anywhere, for tests of single projects).</param>
    public static ProjectEvaluation Evaluate(IFileView files, string projectPath, string? workspaceRoot = null)
    {
        projectPath = Paths.Normalize(projectPath);
        var evaluator = new ProjectEvaluator(files, projectPath, workspaceRoot);
        return evaluator.Run() with { Skipped = evaluator._skipped.Distinct().ToList() };
    }

    /// <summary>The nearest file of that name in the project's folder or above it (what MSBuild imports).</summary>
    public static string? FindAbove(IFileView files, string directory, string fileName)
    {
        for (var dir = directory; ; dir = Paths.Parent(dir))
        {
            var candidate = dir == "/" ? "/" + fileName : dir + "/" + fileName;
            if (files.FileExists(candidate)) return candidate;
            if (dir == "/" || dir.Length <= 3 && dir.EndsWith(':')) return null;
        }
    }

    private ProjectEvaluation Run()
    {
        if (TooLarge(_projectPath)) return new ProjectEvaluation(null, $"The project file is larger than {MaxBytes:N0} bytes.");
        var text = _files.ReadAllText(_projectPath);
        if (text is null) return new ProjectEvaluation(null, "The project file could not be read.");
        var document = MsXmlParser.Parse(text);
        if (document.Error?.Message == MsXmlParser.TooDeep) _skipped.Add(new Analysis.InputSkip(_projectPath, MsXmlParser.TooDeep + "; the project was not read"));
        if (document.Root is null) return new ProjectEvaluation(null, "The project file is not well-formed XML: " + document.Error?.Message);
        _documents[_projectPath] = document;
        _imported.Add(_projectPath);
        var (sdk, sdkAttribute) = SdkOf(document.Root);

        var name = Path.GetFileNameWithoutExtension(_projectPath);
        _properties.SetGlobal("Configuration", "Release");
        Reserved("MSBuildProjectDirectory", _projectDirectory);
        Reserved("MSBuildProjectFullPath", _projectPath);
        Reserved("MSBuildProjectName", name);
        Reserved("MSBuildProjectFile", Path.GetFileName(_projectPath));
        Reserved("MSBuildProjectExtension", Path.GetExtension(_projectPath));

        var directoryProps = FindAbove(_files, _projectDirectory, "Directory.Build.props");
        if (directoryProps is not null) ImportFile(directoryProps, Tri.True);
        var defaults = new SdkDefaults(_properties, sdk);
        // MSTest.Sdk (an MSBuild project SDK) is a test project as Microsoft.NET.Test.Sdk's props make one.
        if (sdkAttribute?.Value.Contains("MSTest.Sdk", StringComparison.OrdinalIgnoreCase) == true) Reserved("IsTestProject", "true");
        defaults.ApplyProps(TestSdkReference());
        _itemGroups.Add(new ItemGroupRef(_projectPath, null, null, Tri.True));
        EvaluateFile(_projectPath, document, Tri.True);
        var directoryTargets = FindAbove(_files, _projectDirectory, "Directory.Build.targets");
        if (directoryTargets is not null) ImportFile(directoryTargets, Tri.True);
        defaults.ApplyTargets();

        var items = new ItemEvaluator(_files, _projectDirectory, _properties, _conditions, sdk, _projectPath).Evaluate(_itemGroups);
        return new ProjectEvaluation(new EvaluatedProject
        {
            ProjectPath = _projectPath,
            ProjectDirectory = _projectDirectory,
            Sdk = sdk,
            Document = document,
            Properties = _properties,
            Items = items,
            Files = _documents.Keys.ToList(),
            Documents = _documents,
            SdkAttribute = sdkAttribute,
        }, null);
    }

    private void Reserved(string name, string value) => _properties.Set(new EvaluatedProperty(name, value, false, null));

    private static (SdkKind, MsXmlAttribute?) SdkOf(MsXmlElement root)
    {
        var attribute = root.Attribute("Sdk");
        var names = attribute?.Value ?? root.Elements("Sdk").Select(e => e.AttributeValue("Name")).FirstOrDefault(n => n is not null)
            ?? root.Elements("Import").Select(e => e.AttributeValue("Sdk")).FirstOrDefault(n => n is not null);
        if (names is null) return (SdkKind.Classic, attribute);
        var kind = SdkKind.Other;
        foreach (var part in names.Split(';'))
        {
            var sdk = part.Split('/')[0].Trim();
            var k = sdk.ToLowerInvariant() switch
            {
                "microsoft.net.sdk" or "mstest.sdk" => SdkKind.Default,
                "microsoft.net.sdk.web" => SdkKind.Web,
                "microsoft.net.sdk.blazorwebassembly" => SdkKind.BlazorWebAssembly,
                "microsoft.net.sdk.worker" => SdkKind.Worker,
                "microsoft.net.sdk.razor" => SdkKind.Razor,
                _ => SdkKind.Other,
            };
            if (k != SdkKind.Other) kind = k;
        }
        return (kind, attribute);
    }

    /// <summary>Microsoft.NET.Test.Sdk's props (imported by restore before the body) set IsTestProject.</summary>
    private MsBuildSource? TestSdkReference()
    {
        foreach (var (file, doc) in new[] { (_projectPath, _documents[_projectPath]) }.Concat(_documents.Where(d => d.Key != _projectPath).Select(d => (d.Key, d.Value))))
        {
            foreach (var group in doc.Root!.Elements("ItemGroup"))
            foreach (var reference in group.Elements("PackageReference"))
            {
                if (string.Equals(reference.AttributeValue("Include")?.Trim(), "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
                    && _conditions.Evaluate(group.AttributeValue("Condition")) == Tri.True
                    && _conditions.Evaluate(reference.AttributeValue("Condition")) == Tri.True)
                    return new MsBuildSource(file, doc, reference);
            }
        }
        return null;
    }

    private void ImportFile(string path, Tri outer)
    {
        if (!_imported.Add(path)) return; // MSBuild imports a file once; this also cuts cycles.
        if (TooLarge(path)) return;
        var text = _files.ReadAllText(path);
        if (text is null) return;
        var document = MsXmlParser.Parse(text);
        if (document.Error?.Message == MsXmlParser.TooDeep) _skipped.Add(new Analysis.InputSkip(path, MsXmlParser.TooDeep + "; the import was not read"));
        if (document.Root is null) return;
        _documents[path] = document;
        EvaluateFile(path, document, outer);
    }

    private void EvaluateFile(string path, MsXmlDocument document, Tri outer)
    {
        var previous = _thisFile;
        _thisFile = path;
        SetThisFile(path);
        EvaluateChildren(path, document, document.Root!, outer);
        _thisFile = previous;
        if (previous.Length > 0) SetThisFile(previous);
    }

    private void SetThisFile(string path)
    {
        Reserved("MSBuildThisFileDirectory", Paths.Parent(path).TrimEnd('/') + "/");
        Reserved("MSBuildThisFile", Path.GetFileName(path));
        Reserved("MSBuildThisFileFullPath", path);
        Reserved("MSBuildThisFileName", Path.GetFileNameWithoutExtension(path));
        Reserved("MSBuildThisFileExtension", Path.GetExtension(path));
    }

    private void EvaluateChildren(string path, MsXmlDocument document, MsXmlElement parent, Tri outer)
    {
        foreach (var child in parent.Children)
        {
            if (child.Is("PropertyGroup"))
            {
                var group = And(outer, _conditions.Evaluate(child.AttributeValue("Condition")));
                if (group == Tri.False) continue;
                foreach (var property in child.Children)
                    Assign(path, document, property, And(group, _conditions.Evaluate(property.AttributeValue("Condition"))));
            }
            else if (child.Is("ItemGroup"))
            {
                if (outer != Tri.False) _itemGroups.Add(new ItemGroupRef(path, document, child, outer));
            }
            else if (child.Is("Import"))
            {
                var condition = And(outer, _conditions.Evaluate(child.AttributeValue("Condition")));
                if (condition == Tri.False || child.Attribute("Sdk") is not null) continue;
                var (project, unknown) = PropertyExpander.Expand(child.AttributeValue("Project") ?? "", _properties);
                if (unknown || project.Trim().Length == 0 || project.IndexOfAny(['*', '?']) >= 0) continue;
                string target;
                try { target = Paths.Combine(Paths.Parent(path), project.Trim().Replace('\\', '/')); }
                catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { continue; }
                if (_imported.Count >= MaxImports) { _skipped.Add(new Analysis.InputSkip(path, $"more than {MaxImports} imports; the rest were not read")); continue; }
                if (_imports.FileExists(target)) ImportFile(target, condition);
            }
            else if (child.Is("Choose"))
            {
                Choose(path, document, child, outer);
            }
        }
    }

    private void Choose(string path, MsXmlDocument document, MsXmlElement choose, Tri outer)
    {
        var undecided = false;
        foreach (var when in choose.Elements("When"))
        {
            var condition = _conditions.Evaluate(when.AttributeValue("Condition"));
            if (condition == Tri.False) continue;
            EvaluateChildren(path, document, when, undecided || condition == Tri.Unknown ? And(outer, Tri.Unknown) : outer);
            if (condition == Tri.True) return;
            undecided = true;
        }
        foreach (var otherwise in choose.Elements("Otherwise"))
            EvaluateChildren(path, document, otherwise, undecided ? And(outer, Tri.Unknown) : outer);
    }

    private void Assign(string path, MsXmlDocument document, MsXmlElement element, Tri condition)
    {
        if (condition == Tri.False) return;
        var (value, unknown) = PropertyExpander.Expand(element.Text, _properties);
        if (value.Length >= PropertyExpander.MaxValueLength)
            _skipped.Add(new Analysis.InputSkip(path, $"the property {element.Name} grew past {PropertyExpander.MaxValueLength:N0} characters; its value is unknown"));
        // Child elements or comments inside a property make MSBuild read its inner XML, not its text: do not guess.
        unknown |= element.Children.Count > 0 ||
                   document.Text.IndexOf("<!--", element.ContentStart, Math.Max(0, element.ContentEnd - element.ContentStart), StringComparison.Ordinal) >= 0;
        var source = new MsBuildSource(path, document, element);
        if (condition == Tri.True)
        {
            _properties.Set(new EvaluatedProperty(element.Name, value, unknown, source));
            return;
        }
        var old = _properties.Get(element.Name);
        if (old is not null && !old.IsUnknown && !unknown && string.Equals(old.Value, value, StringComparison.Ordinal)) return;
        _properties.Set(new EvaluatedProperty(element.Name, value, true, source));
    }

    private Tri Exists(string path)
    {
        var full = Paths.Combine(_projectDirectory, path.Replace('\\', '/'));
        if (full.Contains("/obj/", StringComparison.Ordinal) || full.Contains("/bin/", StringComparison.Ordinal)) return Tri.Unknown;
        if (path.IndexOfAny(['*', '?']) >= 0) return Tri.Unknown;
        return _files.FileExists(full) || _files.DirectoryExists(full) ? Tri.True : Tri.False;
    }

    internal static Tri And(Tri a, Tri b) =>
        a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;
}
