using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.MsBuildXml;

namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>The element that set a property or metadata value last, in the file that holds it.</summary>
public sealed record MsBuildSource(string File, MsXmlDocument Document, MsXmlElement Element)
{
    public SourceLocation Location => new(File, Document.RangeOf(Element));
}

/// <summary>
/// A property after evaluation. <see cref="IsUnknown"/> when a condition or an expansion could not be decided
/// statically; <see cref="Source"/> is null for SDK defaults and global properties.
/// </summary>
public sealed record EvaluatedProperty(string Name, string Value, bool IsUnknown, MsBuildSource? Source);

/// <summary>Properties by name (MSBuild names are case-insensitive), global properties that the project cannot change.</summary>
public sealed class PropertyTable
{
    private readonly Dictionary<string, EvaluatedProperty> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _globals = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Undefined names that stand for values outside the files (environment, SDK-computed): unknown, not empty.</summary>
    private static readonly HashSet<string> OutsideNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "OS", "TargetFrameworkIdentifier", "TargetFrameworkVersion", "TargetPlatformIdentifier", "RuntimeIdentifier",
        "NETCoreSdkVersion", "MSBuildVersion", "MSBuildRuntimeType", "MSBuildExtensionsPath", "MSBuildToolsVersion",
        "MSBuildBinPath", "MSBuildSDKsPath", "VisualStudioVersion", "BuildingInsideVisualStudio", "DesignTimeBuild",
        "ContinuousIntegrationBuild", "OutputPath", "OutDir", "IntermediateOutputPath", "BaseOutputPath",
        "BaseIntermediateOutputPath", "TargetPath", "PublishDir", "SolutionDir", "SolutionName", "NuGetPackageRoot",
    };

    public void SetGlobal(string name, string value)
    {
        _globals.Add(name);
        _values[name] = new EvaluatedProperty(name, value, false, null);
    }

    public bool IsGlobal(string name) => _globals.Contains(name);

    public EvaluatedProperty? Get(string name) => _values.TryGetValue(name, out var p) ? p : null;

    /// <summary>Sets a property unless it is global (a global property wins over every definition in the files).</summary>
    public void Set(EvaluatedProperty property)
    {
        if (_globals.Contains(property.Name)) return;
        _values[property.Name] = property;
    }

    /// <summary>The value to substitute for $(name): known text, or unknown for names set elsewhere than in files.</summary>
    public (string Value, bool Unknown) Lookup(string name)
    {
        if (_values.TryGetValue(name, out var p)) return (p.Value, p.IsUnknown);
        if (OutsideNames.Contains(name) || name.StartsWith('_') || LooksLikeEnvironment(name)) return ("", true);
        return ("", false);
    }

    public IEnumerable<EvaluatedProperty> All => _values.Values;

    private static bool LooksLikeEnvironment(string name) =>
        name.Any(char.IsLetter) && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_');
}
