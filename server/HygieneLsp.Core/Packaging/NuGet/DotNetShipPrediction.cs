using HygieneLsp.Core.BuildConfigs.MsBuild;

namespace HygieneLsp.Core.Packaging.NuGet;

/// <summary>Where the compiler puts debug information for a DebugType value.</summary>
public enum PdbKind { None, Embedded, Separate, Unknown }

/// <summary>Which symbols package <c>dotnet pack</c> writes next to the .nupkg.</summary>
public enum SymbolPackageKind { None, SymbolsNupkg, Snupkg, Unknown }

/// <summary>A project file that would ship (a content or settings file), where it lands and the item that sends it.</summary>
public sealed record ShippedFile(string SourcePath, string ShippedPath, EvaluatedItem Item);

/// <summary>What <c>dotnet pack -c Release</c> would put in the package(s).</summary>
public sealed record PackPrediction
{
    public required Tri Packs { get; init; }
    public required Tri MainHasPdb { get; init; }
    /// <summary>The dll in the main package carries the pdb (DebugType embedded).</summary>
    public required Tri MainDllEmbedsPdb { get; init; }
    public required SymbolPackageKind Symbols { get; init; }
    /// <summary>NU5017: an snupkg with no pdb to hold fails the pack after the .nupkg is written.</summary>
    public required bool SymbolPackageFails { get; init; }
    public required Tri SymbolsHavePdb { get; init; }
    /// <summary>IncludeSource: source files under src/ in the symbols package.</summary>
    public required Tri SymbolsHaveSources { get; init; }
    public required IReadOnlyList<ShippedFile> Content { get; init; }
}

/// <summary>What <c>dotnet publish -c Release</c> would put in the publish folder.</summary>
public sealed record PublishPrediction
{
    public required Tri Publishes { get; init; }
    public required Tri HasPdb { get; init; }
    public required Tri DllEmbedsPdb { get; init; }
    public required IReadOnlyList<ShippedFile> Files { get; init; }
}

/// <summary>
/// Both predictions and the debug facts they rest on. <see cref="BuildError"/> names a compiler or SDK error the
/// settings cause (then nothing ships at all).
/// </summary>
public sealed record DotNetShipPrediction(PdbKind Pdb, Tri EmbedsAllSources, PackPrediction Pack, PublishPrediction Publish)
{
    public string? BuildError { get; init; }
}
