using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging.NuGet;

/// <summary>
/// Predicts what <c>dotnet pack</c> and <c>dotnet publish</c> ship for an evaluated project, following
/// NuGet.Build.Tasks.Pack.targets (allowed output extensions, symbol package formats, IncludeSource, Content/Pack) and
/// Microsoft.NET.Publish.targets (CopyToPublishDirectory defaulting to CopyToOutputDirectory, pdb copying).
/// </summary>
public static class DotNetShipPredictor
{
    private static readonly string[] CopyValues = ["Always", "PreserveNewest", "IfDifferent"];

    public static DotNetShipPrediction Predict(EvaluatedProject project)
    {
        var pdb = PdbOf(project.Property("DebugType"));
        var embedAll = project.Bool("EmbedAllSources");
        // Csc refuses /embed without a pdb to put the text in (CS2045).
        var error = embedAll == Tri.True && pdb == PdbKind.None ? "CS2045: EmbedAllSources needs a pdb (DebugType is none)" : null;
        return new DotNetShipPrediction(pdb, embedAll, PredictPack(project, pdb), PredictPublish(project, pdb)) { BuildError = error };
    }

    public static PdbKind PdbOf(EvaluatedProperty? debugType)
    {
        if (debugType is null) return PdbKind.None;
        if (debugType.IsUnknown) return PdbKind.Unknown;
        return debugType.Value.ToLowerInvariant() switch
        {
            "" or "none" => PdbKind.None,
            "embedded" => PdbKind.Embedded,
            "portable" or "full" or "pdbonly" => PdbKind.Separate,
            _ => PdbKind.Unknown, // the compiler rejects it: nothing to predict
        };
    }

    private static PackPrediction PredictPack(EvaluatedProject project, PdbKind pdb)
    {
        var packs = project.Bool("IsPackable");
        var separate = pdb switch { PdbKind.Separate => Tri.True, PdbKind.Unknown => Tri.Unknown, _ => Tri.False };
        var allowed = project.Property("AllowedOutputExtensionsInPackageBuildOutputFolder");
        var pdbAllowed = allowed is null ? Tri.False
            : HasExtension(allowed.Value, ".pdb") ? Tri.True : allowed.IsUnknown ? Tri.Unknown : Tri.False;
        var includeSource = project.Bool("IncludeSource");
        var includeSymbols = project.Bool("IncludeSymbols");
        // IncludeSource alone also makes the symbols package (the pack task treats it as IncludeSymbols).
        var wantsSymbols = Or(includeSymbols, includeSource);
        var format = project.Property("SymbolPackageFormat");
        var symbols = wantsSymbols == Tri.False ? SymbolPackageKind.None
            : wantsSymbols == Tri.Unknown || format is null || format.IsUnknown ? SymbolPackageKind.Unknown
            : string.Equals(format.Value, "snupkg", StringComparison.OrdinalIgnoreCase) ? SymbolPackageKind.Snupkg
            : SymbolPackageKind.SymbolsNupkg;
        var symbolsHavePdb = symbols is SymbolPackageKind.SymbolsNupkg or SymbolPackageKind.Snupkg ? separate
            : symbols == SymbolPackageKind.Unknown ? Tri.Unknown : Tri.False;
        var symbolsHaveSources = symbols == SymbolPackageKind.SymbolsNupkg ? includeSource
            : symbols == SymbolPackageKind.Unknown ? And(includeSource, Tri.Unknown) : Tri.False;
        var content = new List<ShippedFile>();
        if (project.Bool("IncludeContentInPack") != Tri.False)
        {
            foreach (var item in project.Items)
            {
                var pack = item.Meta("Pack");
                var packed = item.ItemType.Equals("Content", StringComparison.OrdinalIgnoreCase)
                    ? !pack.Equals("false", StringComparison.OrdinalIgnoreCase)
                    : item.ItemType is "None" or "Compile" or "EmbeddedResource" && pack.Equals("true", StringComparison.OrdinalIgnoreCase);
                if (packed) content.Add(new ShippedFile(item.Path, "content/" + Relative(project, item), item));
            }
        }
        return new PackPrediction
        {
            Packs = packs,
            MainHasPdb = And(And(packs, separate), pdbAllowed),
            MainDllEmbedsPdb = And(packs, pdb switch { PdbKind.Embedded => Tri.True, PdbKind.Unknown => Tri.Unknown, _ => Tri.False }),
            Symbols = packs == Tri.False ? SymbolPackageKind.None : symbols,
            SymbolPackageFails = packs == Tri.True && symbols == SymbolPackageKind.Snupkg && separate == Tri.False,
            SymbolsHavePdb = And(packs, symbolsHavePdb),
            SymbolsHaveSources = And(packs, symbolsHaveSources),
            Content = packs == Tri.False ? [] : content,
        };
    }

    private static PublishPrediction PredictPublish(EvaluatedProject project, PdbKind pdb)
    {
        var publishes = project.Bool("IsPublishable");
        var copySymbols = project.Bool("CopyOutputSymbolsToPublishDirectory");
        var separate = pdb switch { PdbKind.Separate => Tri.True, PdbKind.Unknown => Tri.Unknown, _ => Tri.False };
        var files = new List<ShippedFile>();
        foreach (var item in project.Items)
        {
            if (item.ItemType is not ("Content" or "None" or "Compile" or "EmbeddedResource")) continue;
            var toPublish = item.Meta("CopyToPublishDirectory");
            if (toPublish.Length == 0) toPublish = item.Meta("CopyToOutputDirectory");
            if (!CopyValues.Contains(toPublish, StringComparer.OrdinalIgnoreCase)) continue;
            if (files.Any(f => f.SourcePath == item.Path)) continue;
            files.Add(new ShippedFile(item.Path, Relative(project, item), item));
        }
        return new PublishPrediction
        {
            Publishes = publishes,
            HasPdb = And(publishes, And(separate, copySymbols)),
            DllEmbedsPdb = And(publishes, pdb switch { PdbKind.Embedded => Tri.True, PdbKind.Unknown => Tri.Unknown, _ => Tri.False }),
            Files = publishes == Tri.False ? [] : files,
        };
    }

    private static string Relative(EvaluatedProject project, EvaluatedItem item)
    {
        var link = item.Meta("Link");
        if (link.Length == 0) link = item.Meta("TargetPath");
        if (link.Length > 0) return link.Replace('\\', '/');
        return Paths.IsUnder(item.Path, project.ProjectDirectory) ? Paths.Relative(project.ProjectDirectory, item.Path) : Path.GetFileName(item.Path);
    }

    private static bool HasExtension(string list, string extension) =>
        list.Split(';').Any(e => string.Equals(e.Trim(), extension, StringComparison.OrdinalIgnoreCase));

    internal static Tri And(Tri a, Tri b) =>
        a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    internal static Tri Or(Tri a, Tri b) =>
        a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;
}
