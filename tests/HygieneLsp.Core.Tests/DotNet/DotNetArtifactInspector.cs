using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HygieneLsp.Core.Tests.DotNet;

/// <summary>What a real build produced, read from the .nupkg/.snupkg zips and the publish folder.</summary>
public sealed record ObservedShip
{
    public bool Packed { get; init; }
    public bool MainHasPdb { get; init; }
    public bool MainDllEmbedsPdb { get; init; }
    public bool MainEmbedsSources { get; init; }
    public string Symbols { get; init; } = "none";
    public bool SymbolsHavePdb { get; init; }
    public bool SymbolsPdbEmbedsSources { get; init; }
    public bool SymbolsHaveSources { get; init; }
    public string PackedContent { get; init; } = "";
    public bool Published { get; init; }
    public bool PublishHasPdb { get; init; }
    public bool PublishDllEmbedsPdb { get; init; }
    public bool PublishEmbedsSources { get; init; }
    public string PublishedFiles { get; init; } = "";
}

/// <summary>Reads debug directories with PEReader and embedded sources via the EmbeddedSource custom debug information.</summary>
public static class DotNetArtifactInspector
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public static ObservedShip Inspect(string projectDirectory, string assemblyName, IReadOnlyList<string> projectFiles)
    {
        var release = Path.Combine(projectDirectory, "bin", "Release");
        var nupkg = Directory.Exists(release) ? Directory.GetFiles(release, "*.nupkg").FirstOrDefault(f => !f.EndsWith(".symbols.nupkg")) : null;
        var symbolsNupkg = Directory.Exists(release) ? Directory.GetFiles(release, "*.symbols.nupkg").FirstOrDefault() : null;
        var snupkg = Directory.Exists(release) ? Directory.GetFiles(release, "*.snupkg").FirstOrDefault() : null;
        var observed = new ObservedShip();
        if (nupkg is not null)
        {
            using var zip = ZipFile.OpenRead(nupkg);
            var dll = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/" + assemblyName + ".dll", StringComparison.Ordinal));
            var (embeds, sources) = dll is null ? (false, false) : DllDebug(ReadAll(dll));
            var content = zip.Entries.Where(e => e.FullName.StartsWith("content/", StringComparison.Ordinal))
                .Select(e => e.FullName["content/".Length..]).Order(StringComparer.Ordinal);
            observed = observed with
            {
                Packed = true,
                MainHasPdb = zip.Entries.Any(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)),
                MainDllEmbedsPdb = embeds,
                MainEmbedsSources = sources,
                PackedContent = string.Join(",", content),
            };
        }
        var symbols = symbolsNupkg ?? snupkg;
        if (symbols is not null)
        {
            using var zip = ZipFile.OpenRead(symbols);
            var pdb = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
            observed = observed with
            {
                Symbols = symbolsNupkg is not null ? "symbols.nupkg" : "snupkg",
                SymbolsHavePdb = pdb is not null,
                SymbolsPdbEmbedsSources = pdb is not null && PdbEmbedsUserSources(ReadAll(pdb)),
                SymbolsHaveSources = zip.Entries.Any(e => e.FullName.StartsWith("src/", StringComparison.Ordinal) && e.FullName.EndsWith(".cs", StringComparison.Ordinal)),
            };
        }
        var publish = Path.Combine(release, "net10.0", "publish");
        if (Directory.Exists(publish))
        {
            var dllPath = Path.Combine(publish, assemblyName + ".dll");
            var (embeds, sources) = File.Exists(dllPath) ? DllDebug(File.ReadAllBytes(dllPath)) : (false, false);
            var pdbPath = Path.Combine(publish, assemblyName + ".pdb");
            var published = projectFiles.Where(f => File.Exists(Path.Combine(publish, f))).Order(StringComparer.Ordinal);
            observed = observed with
            {
                Published = true,
                PublishHasPdb = File.Exists(pdbPath),
                PublishDllEmbedsPdb = embeds,
                PublishEmbedsSources = sources || (File.Exists(pdbPath) && PdbEmbedsUserSources(File.ReadAllBytes(pdbPath))),
                PublishedFiles = string.Join(",", published),
            };
        }
        return observed;
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static (bool EmbedsPdb, bool EmbedsSources) DllDebug(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var entry = pe.ReadDebugDirectory().FirstOrDefault(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (entry.Type != DebugDirectoryEntryType.EmbeddedPortablePdb) return (false, false);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        return (true, UserSources(provider.GetMetadataReader()));
    }

    private static bool PdbEmbedsUserSources(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        return UserSources(provider.GetMetadataReader());
    }

    /// <summary>True when a source file of the project (not a generated file under obj/) has its text embedded.</summary>
    private static bool UserSources(MetadataReader reader)
    {
        foreach (var handle in reader.CustomDebugInformation)
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) != EmbeddedSource || info.Parent.Kind != HandleKind.Document) continue;
            var name = reader.GetString(reader.GetDocument((DocumentHandle)info.Parent).Name).Replace('\\', '/');
            if (!name.Contains("/obj/", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
