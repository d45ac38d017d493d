namespace HygieneLsp.Core.BuildConfigs.MsBuild;

/// <summary>
/// The defaults the .NET SDK sets around the project body (read from the SDK's own props and targets: Microsoft.NET.Sdk.props,
/// the Web and Worker ProjectSystem props, the Blazor WebAssembly props, NuGet.Build.Tasks.Pack.targets,
/// Microsoft.NET.Publish.targets, Microsoft.NET.Sdk.SourceLink.targets). Props run before the body, targets after it.
/// </summary>
public sealed class SdkDefaults
{
    private readonly PropertyTable _properties;
    private readonly SdkKind _sdk;

    public SdkDefaults(PropertyTable properties, SdkKind sdk)
    {
        _properties = properties;
        _sdk = sdk;
    }

    /// <param name="testSdk">The Microsoft.NET.Test.Sdk reference when there is one: its props set IsTestProject.</param>
    public void ApplyProps(MsBuildSource? testSdk)
    {
        if (_sdk == SdkKind.Classic) return;
        if (testSdk is not null) _properties.Set(new EvaluatedProperty("IsTestProject", "true", false, testSdk));
        IfEmpty("Platform", "AnyCPU");
        // Microsoft.NET.Sdk.props: DebugSymbols=false set BEFORE the body (Directory.Build.props) turns pdbs off.
        var debugSymbols = _properties.Get("DebugSymbols");
        if (debugSymbols is { IsUnknown: true }) Unknown("DebugType");
        else if (string.Equals(debugSymbols?.Value, "false", StringComparison.OrdinalIgnoreCase)) Set("DebugType", "None");
        IfEmpty("DebugType", "portable");
        switch (_sdk)
        {
            case SdkKind.Web:
            case SdkKind.BlazorWebAssembly:
                Set("OutputType", "Exe");
                IfEmpty("DebugSymbols", "true");
                IfEmpty("IsPackable", "false");
                if (_sdk == SdkKind.BlazorWebAssembly) Set("CopyOutputSymbolsToPublishDirectory", "false");
                break;
            case SdkKind.Worker:
                IfEmpty("IsPackable", "false");
                break;
        }
    }

    public void ApplyTargets()
    {
        if (_sdk == SdkKind.Classic) return;
        IfEmpty("OutputType", "Library");
        IfEmpty("AssemblyName", _properties.Get("MSBuildProjectName")?.Value ?? "");
        if (string.Equals(_properties.Get("IsTestProject")?.Value, "true", StringComparison.OrdinalIgnoreCase)) IfEmpty("IsPackable", "false");
        IfEmpty("IsPackable", "true");
        IfEmpty("IsPublishable", "true");
        IfEmpty("SymbolPackageFormat", "symbols.nupkg");
        IfEmpty("CopyOutputSymbolsToPublishDirectory", "true");
        IfEmpty("EmbedUntrackedSources", "true");
        IfEmpty("IncludeBuildOutput", "true");
        IfEmpty("IncludeContentInPack", "true");
        foreach (var name in new[] { "EnableDefaultItems", "EnableDefaultCompileItems", "EnableDefaultNoneItems", "EnableDefaultContentItems", "EnableDefaultEmbeddedResourceItems" })
            IfEmpty(name, "true");
    }

    private void Set(string name, string value) => _properties.Set(new EvaluatedProperty(name, value, false, null));

    private void Unknown(string name) =>
        _properties.Set(new EvaluatedProperty(name, _properties.Get(name)?.Value ?? "", true, _properties.Get(name)?.Source));

    /// <summary>The SDK's <c>Condition="'$(X)' == ''"</c>: only an empty, known value is replaced.</summary>
    private void IfEmpty(string name, string value)
    {
        var current = _properties.Get(name);
        if (current is null || current is { Value.Length: 0, IsUnknown: false }) Set(name, value);
    }
}
