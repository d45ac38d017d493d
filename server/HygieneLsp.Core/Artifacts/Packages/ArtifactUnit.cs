using System.Xml;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Parsing.Jsonc;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Text;

namespace HygieneLsp.Core.Artifacts.Packages;

/// <summary>
/// A release artifact as a ship unit: an npm tarball (files under its first folder, `package/`, as npm strips it), a
/// .vsix (the files as stored, `extension/…`), a .nupkg/.snupkg, or another archive. Name, version and openness come
/// from the manifest inside (package.json, the .nuspec). The same unit rules as for a workspace then apply.
/// </summary>
public static class ArtifactUnit
{
    public static ShipUnit From(ArtifactSnapshot snapshot)
    {
        var view = snapshot.Files;
        var names = view.Files.Select(p => p[(view.Root.Length + 1)..]).ToList();
        var fileName = Path.GetFileName(snapshot.ArchivePath);
        var isTar = snapshot.Scan.Format is Archives.ArchiveFormat.TarGzip or Archives.ArchiveFormat.Tar;
        ShipUnitKind kind;
        string root;
        string? name = null, version = null;
        var openness = SourceOpenness.Unknown;
        if (isTar)
        {
            kind = ShipUnitKind.NpmTarball;
            // npm strips the first path segment whatever it is called (`package/` in every tarball npm writes).
            var first = names.Select(n => n.Split('/')[0]).GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "package";
            root = view.Root + "/" + first;
            (name, version, openness) = FromPackageJson(view, root + "/package.json");
        }
        else if (names.Contains("extension.vsixmanifest"))
        {
            kind = ShipUnitKind.VsixFile;
            root = view.Root;
            (name, version, openness) = FromPackageJson(view, root + "/extension/package.json");
        }
        else if (names.FirstOrDefault(n => !n.Contains('/') && n.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)) is { } nuspec)
        {
            kind = ShipUnitKind.NuGetFile;
            root = view.Root;
            (name, version, openness) = FromNuspec(view, root + "/" + nuspec);
        }
        else
        {
            kind = ShipUnitKind.Archive;
            root = view.Root;
        }
        var files = view.Files.Where(p => p.StartsWith(root + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(p => p[(root.Length + 1)..])
            .Select(rel => new ShipUnitFile(rel, view.GetLength(root + "/" + rel) ?? 0, "in the artifact", null) { Dependency = DependencyOf(rel) })
            .ToList();
        return new ShipUnit(kind, name ?? fileName, version, root, true, files, [])
        {
            Openness = openness,
            Anchor = new SourceLocation(snapshot.ArchivePath, TextRange.Empty),
            Packager = new ArtifactPackager(kind),
        };
    }

    /// <summary>`node_modules/NAME` (or `node_modules/@scope/NAME`) holding the path: a dependency bundled into the artifact.</summary>
    public static string? DependencyOf(string path)
    {
        var segments = path.Split('/');
        var last = Array.LastIndexOf(segments, "node_modules");
        if (last < 0 || last + 1 >= segments.Length - 1) return null;
        var scoped = segments[last + 1].StartsWith('@') && last + 2 < segments.Length - 1;
        return string.Join('/', segments[..(last + (scoped ? 3 : 2))]);
    }

    private static (string?, string?, SourceOpenness) FromPackageJson(ArtifactFileView view, string path)
    {
        if (view.ReadAllText(path) is not { } text) return (null, null, SourceOpenness.Unknown);
        var root = JsoncParser.Parse(text).Root as JsoncObject;
        // `SEE LICENSE IN LICENSE.md` is read from the artifact itself, as from a folder.
        return (root?.GetString("name"), root?.GetString("version"), SourceOpenness.Of(root, view, Workspace.Paths.Parent(path)));
    }

    /// <summary>The .nuspec's id, version, license expression and repository URL (read with DTDs refused).</summary>
    private static (string?, string?, SourceOpenness) FromNuspec(ArtifactFileView view, string path)
    {
        using var stream = view.OpenRead(path);
        if (stream is null) return (null, null, SourceOpenness.Unknown);
        string? id = null, version = null, license = null, repository = null;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1 << 20 });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "id": id ??= reader.ReadElementContentAsString().Trim(); break;
                    case "version": version ??= reader.ReadElementContentAsString().Trim(); break;
                    case "license" when reader.GetAttribute("type") == "expression": license ??= reader.ReadElementContentAsString().Trim(); break;
                    case "repository": repository ??= reader.GetAttribute("url"); break;
                }
            }
        }
        catch (XmlException) { }
        return (id, version, SourceOpenness.Of(license, repository, "the .nuspec"));
    }
}

/// <summary>
/// An artifact's answers for rules: a finding goes on the artifact's entry itself; nothing can be edited, so no fixes
/// (the workspace that produced it gets them).
/// </summary>
public sealed class ArtifactPackager(ShipUnitKind kind) : IShipUnitPackager
{
    // One finding per artifact and kind, on the artifact, each file as related information: as a workspace gets one per cause.
    public SourceLocation CauseOf(AnalysisContext context, ShipUnit unit, ShipUnitFile file) => unit.Anchor;

    public IReadOnlyList<Fix> Exclude(AnalysisContext context, ShipUnit unit, IReadOnlyList<ShipUnitFile> files, ShippedFileFamily family) => [];

    public string? Refuses(ShipUnitFile file) => null;

    public string? WouldShip(AnalysisContext context, ShipUnit unit, string relativePath) => null;

    // An npm tarball's bundled dependencies are the publisher's choice; a .vsix's node_modules are its dependencies'.
    public bool ReportsDependencyMaps => kind == ShipUnitKind.NpmTarball;
}
