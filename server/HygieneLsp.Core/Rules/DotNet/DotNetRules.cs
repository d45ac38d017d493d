using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>The .NET rule ids and their descriptors.</summary>
public static class DotNetRules
{
    public const string EmbeddedSources = "dotnet/embedded-sources";
    public const string SymbolsIncludeSource = "dotnet/symbols-include-source";
    public const string PdbInPackage = "dotnet/pdb-in-package";
    public const string PublishPdb = "dotnet/publish-pdb";
    public const string SettingsSecretShipped = "dotnet/settings-secret-shipped";

    public static readonly IReadOnlyList<RuleDescriptor> All =
    [
        new(EmbeddedSources, Severity.Error, "Source code embedded in a pdb that ships",
            "EmbedAllSources=true copies every source file into the pdb; with DebugType embedded the pdb is inside the dll, and a symbols package or a publish folder carries a separate pdb. Whoever gets the package or the app gets the source."),
        new(SymbolsIncludeSource, Severity.Error, "Symbols package includes the source files",
            "IncludeSource=true adds the project's source files under src/ in the .symbols.nupkg that dotnet pack writes."),
        new(PdbInPackage, Severity.Warning, "The .pdb is packed into the main package",
            "AllowedOutputExtensionsInPackageBuildOutputFolder lists .pdb, so the main .nupkg carries the pdb (file paths, and sources when embedded)."),
        new(PublishPdb, Severity.Information, "Release publish copies the .pdb",
            "dotnet publish -c Release copies the project's .pdb into the publish folder unless CopyOutputSymbolsToPublishDirectory is false or DebugType is none."),
        new(SettingsSecretShipped, Severity.Error, "A settings file with a secret is published or packed",
            "The settings file is copied to the publish folder (Web SDK publishes every **/*.json, CopyToOutputDirectory implies publish) or packed as content, and it holds a secret. " +
            "When the secret rules report the secret as an error on its own line, this finding is information that carries the fix; a value the secret scan takes for a placeholder is a warning."),
    ];
}
