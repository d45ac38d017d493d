using HygieneLsp.Core.Parsing.MsBuildXml;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>Which SDK a project names; decides default items and defaults such as IsPackable and DebugType.</summary>
public enum SdkKind { Classic, Default, Web, BlazorWebAssembly, Worker, Razor, Other }

/// <summary>A metadata value of an item and the element or attribute that set it (null for SDK defaults).</summary>
public sealed record MetadataValue(string Value, bool IsUnknown, MsBuildSource? Source, MsXmlAttribute? Attribute);

/// <summary>One item (Content, None, Compile, ...) for one file, with its metadata and the element that included it.</summary>
public sealed class EvaluatedItem
{
    public EvaluatedItem(string itemType, string path, MsBuildSource? source)
    {
        ItemType = itemType;
        Path = path;
        Source = source;
    }

    public string ItemType { get; }
    /// <summary>Absolute path with forward slashes.</summary>
    public string Path { get; }
    /// <summary>The element that included the item; null when an SDK default glob did.</summary>
    public MsBuildSource? Source { get; }
    /// <summary>The last element that changed the item's metadata (an Update), else <see cref="Source"/>.</summary>
    public MsBuildSource? LastTouchedBy { get; internal set; }
    public bool IsUnknown { get; internal set; }
    public Dictionary<string, MetadataValue> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Meta(string name) => Metadata.TryGetValue(name, out var v) ? v.Value : "";
}

/// <summary>
/// A project evaluated statically for <c>-c Release</c>: final properties (each with the element that set it last),
/// items, the documents read, and why evaluation stopped when a file could not be read.
/// </summary>
public sealed class EvaluatedProject
{
    public required string ProjectPath { get; init; }
    public required string ProjectDirectory { get; init; }
    public required SdkKind Sdk { get; init; }
    public required MsXmlDocument Document { get; init; }
    public required PropertyTable Properties { get; init; }
    public required IReadOnlyList<EvaluatedItem> Items { get; init; }
    /// <summary>Every file the evaluation read (project, Directory.Build.*, imports): the cache dependencies.</summary>
    public required IReadOnlyList<string> Files { get; init; }
    public required IReadOnlyDictionary<string, MsXmlDocument> Documents { get; init; }
    /// <summary>The SDK attribute (or Sdk element) of the project, where SDK-default behaviour is reported.</summary>
    public MsXmlAttribute? SdkAttribute { get; init; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(ProjectPath);

    public EvaluatedProperty? Property(string name) => Properties.Get(name);

    public string Value(string name) => Properties.Get(name)?.Value ?? "";

    /// <summary>A test project (Microsoft.NET.Test.Sdk, MSTest.Sdk or IsTestProject set): `dotnet publish` works on it, but nobody deploys one.</summary>
    public bool IsTestProject => Value("IsTestProject").Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The property as a boolean the way MSBuild tasks read it (empty = false); unknown when undecidable.</summary>
    public Tri Bool(string name)
    {
        var p = Properties.Get(name);
        if (p is null || p.Value.Length == 0) return p?.IsUnknown == true ? Tri.Unknown : Tri.False;
        return p.IsUnknown ? Tri.Unknown : MsBuildBool.Parse(p.Value);
    }

    public IEnumerable<EvaluatedItem> ItemsOf(string itemType) =>
        Items.Where(i => string.Equals(i.ItemType, itemType, StringComparison.OrdinalIgnoreCase));
}
