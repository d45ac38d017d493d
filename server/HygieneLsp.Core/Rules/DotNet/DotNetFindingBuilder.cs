using System.Security.Cryptography;
using System.Text;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Fixes.DotNet;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.DotNet;

/// <summary>
/// Turns one project's prediction into findings placed on the responsible element, each with candidate fixes and the
/// test that tells whether the problem is still there (used to verify the fixes).
/// </summary>
internal sealed class DotNetFindingBuilder
{
    internal sealed record Candidate(Finding Finding, Func<EvaluatedProject, DotNetShipPrediction, bool> StillPresent);

    private const string ReleaseCondition = "'$(Configuration)' == 'Release'";

    private static readonly string[] SettingsExtensions = [".json", ".config", ".xml", ".yaml", ".yml", ".ini", ".env"];

    private readonly EvaluatedProject _project;
    private readonly DotNetShipPrediction _prediction;
    private readonly IFileView _files;
    private readonly ISettingsSecretProbe _secrets;
    private readonly SecretLineReport? _lineReport;
    private readonly SourceOpenness? _openSource;
    private readonly List<Candidate> _candidates = [];

    /// <summary>
    /// What the secret rules report on a settings file's own lines: the file's role in the workspace (from its path
    /// under <paramref name="Root"/>) and whether a rule reports as an error.
    /// </summary>
    internal sealed record SecretLineReport(string Root, Func<string, bool> ReportsAsError)
    {
        /// <summary>Whether open-source projects' embedded sources are information (false under `openSource: strict`).</summary>
        public bool OpenSourceLowers { get; init; }
    }

    /// <param name="openSource">The project's sources are public (and the policy lowers for it): the sources a pdb or
    /// symbols package embeds reveal nothing new, so those findings are information.</param>
    public DotNetFindingBuilder(EvaluatedProject project, DotNetShipPrediction prediction, IFileView files, ISettingsSecretProbe secrets,
        SecretLineReport? lineReport = null, SourceOpenness? openSource = null)
    {
        _openSource = openSource;
        _project = project;
        _prediction = prediction;
        _files = files;
        _secrets = secrets;
        _lineReport = lineReport;
    }

    public IReadOnlyList<Candidate> Build()
    {
        EmbeddedSources();
        SymbolsIncludeSource();
        PdbInPackage();
        PublishPdb();
        SettingsSecrets();
        return _candidates;
    }

    private string OpenSourceNote => _openSource is null ? "" : $" Open source ({_openSource.Reason}): the sources it carries are published already.";

    private bool IsExe => _project.Value("OutputType").Equals("Exe", StringComparison.OrdinalIgnoreCase) ||
                          _project.Value("OutputType").Equals("WinExe", StringComparison.OrdinalIgnoreCase);

    /// <summary>A test project's publish output is not reported: nobody deploys one.</summary>
    private bool IsTestProject => _project.IsTestProject;

    private static bool Yes(Tri t) => t == Tri.True;

    private void EmbeddedSources()
    {
        var embed = _project.Property("EmbedAllSources");
        if (_prediction.EmbedsAllSources != Tri.True || embed?.Source is null) return;
        var where = WhereSourcesShip(_prediction);
        if (where is null) return;
        var fixes = new List<Fix> { new("Set EmbedAllSources to false", [MsBuildEdits.SetText(embed.Source, "false")], IsPreferred: true) };
        Add(DotNetRules.EmbeddedSources, _openSource is null ? Severity.Error : Severity.Information,
            $"EmbedAllSources=true puts the text of every source file in the pdb, and that pdb ships {where}." + OpenSourceNote,
            embed.Source.Location, Related("DebugType", "DebugType is set here"), fixes,
            (p, d) => WhereSourcesShip(d) is not null, "EmbedAllSources");
    }

    private string? WhereSourcesShip(DotNetShipPrediction d)
    {
        if (d.EmbedsAllSources != Tri.True) return null;
        if (Yes(d.Pack.MainDllEmbedsPdb)) return "inside the dll of the NuGet package (DebugType embedded)";
        if (Yes(d.Pack.MainHasPdb)) return "in the main NuGet package";
        if (Yes(d.Pack.SymbolsHavePdb)) return $"in the symbols package ({(d.Pack.Symbols == SymbolPackageKind.Snupkg ? ".snupkg" : ".symbols.nupkg")})";
        if (IsExe && !IsTestProject && Yes(d.Publish.DllEmbedsPdb)) return "inside the published dll (DebugType embedded)";
        if (IsExe && !IsTestProject && Yes(d.Publish.HasPdb)) return "in the publish folder";
        return null;
    }

    private void SymbolsIncludeSource()
    {
        var include = _project.Property("IncludeSource");
        if (!Yes(_prediction.Pack.SymbolsHaveSources) || include?.Source is null) return;
        Add(DotNetRules.SymbolsIncludeSource, _openSource is null ? Severity.Error : Severity.Information,
            "IncludeSource=true copies the project's source files under src/ in the .symbols.nupkg that dotnet pack writes." + OpenSourceNote,
            include.Source.Location, Related("IncludeSymbols", "IncludeSymbols is set here"),
            [new Fix("Set IncludeSource to false", [MsBuildEdits.SetText(include.Source, "false")], IsPreferred: true)],
            (p, d) => Yes(d.Pack.SymbolsHaveSources), "IncludeSource");
    }

    private void PdbInPackage()
    {
        var allowed = _project.Property("AllowedOutputExtensionsInPackageBuildOutputFolder");
        if (!Yes(_prediction.Pack.MainHasPdb) || allowed?.Source is null) return;
        var fixes = new List<Fix>();
        var e = allowed.Source.Element;
        if (!e.IsEmpty && e.Children.Count == 0)
        {
            var raw = allowed.Source.Document.Text[e.ContentStart..e.ContentEnd];
            var parts = raw.Split(';');
            var kept = parts.Where(part => !part.Trim().Equals(".pdb", StringComparison.OrdinalIgnoreCase)).ToArray();
            if (kept.Length < parts.Length)
                fixes.Add(new Fix("Remove .pdb from the packed extensions",
                    [new FileEdit(allowed.Source.File, [new TextEdit(allowed.Source.Document.ContentRangeOf(e), string.Join(";", kept))])], IsPreferred: true));
        }
        Add(DotNetRules.PdbInPackage, Severity.Warning,
            "The .pdb is added to the main NuGet package: it carries file paths and symbols to everyone who installs the package.",
            allowed.Source.Location, [], fixes, (p, d) => Yes(d.Pack.MainHasPdb), "Allowed");
    }

    private void PublishPdb()
    {
        if (!IsExe || IsTestProject || !Yes(_prediction.Publish.HasPdb)) return;
        var debugType = _project.Property("DebugType");
        var location = debugType?.Source?.Location ?? SdkLocation();
        var fixes = new List<Fix>
        {
            new("Set CopyOutputSymbolsToPublishDirectory to false",
                [MsBuildEdits.AddProperty(_project.ProjectPath, _project.Document, "CopyOutputSymbolsToPublishDirectory", "false")], IsPreferred: true),
        };
        var target = debugType?.Source;
        fixes.Add(new Fix("Set DebugType to none for Release",
            [MsBuildEdits.AppendGroup(target?.File ?? _project.ProjectPath, target?.Document ?? _project.Document, "PropertyGroup", ReleaseCondition, "<DebugType>none</DebugType>")]));
        Add(DotNetRules.PublishPdb, Severity.Information,
            "dotnet publish -c Release copies this project's .pdb into the publish folder.",
            location, [], fixes, (p, d) => Yes(d.Publish.HasPdb), "PublishPdb");
    }

    private void SettingsSecrets()
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in IsTestProject ? [] : _prediction.Publish.Files)
        {
            if (!IsSettings(file.SourcePath) || !_secrets.HasSecret(file.SourcePath, _files, out var kind, out var where)) continue;
            reported.Add(file.SourcePath);
            var decider = file.Item.Metadata.TryGetValue("CopyToPublishDirectory", out var ctpd) && ctpd.Value.Length > 0 ? ctpd
                : file.Item.Metadata.GetValueOrDefault("CopyToOutputDirectory");
            var owner = ItemElement(decider);
            var relative = Paths.Relative(_project.ProjectDirectory, file.SourcePath);
            var fix = owner is not null
                ? MsBuildEdits.SetMetadata(owner, "CopyToPublishDirectory", "Never")
                : MsBuildEdits.AppendGroup(_project.ProjectPath, _project.Document, "ItemGroup", null,
                    $"<{file.Item.ItemType} Update=\"{System.Security.SecurityElement.Escape(relative)}\" CopyToPublishDirectory=\"Never\" />");
            var path = file.SourcePath;
            var servedToBrowsers = _project.Sdk == SdkKind.BlazorWebAssembly && file.ShippedPath.StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase);
            var (severity, onItsLine) = SeverityBesideLineReport(path);
            Add(DotNetRules.SettingsSecretShipped, severity,
                (servedToBrowsers
                    ? $"'{relative}' is published to wwwroot, which Blazor WebAssembly serves to every browser, and it holds {kind}."
                    : $"'{relative}' is copied to the publish folder and holds {kind}.") + onItsLine,
                LocationOf(decider) ?? SdkLocation(), [new RelatedLocation(where, "the secret (value not shown)")],
                [new Fix($"Do not publish {relative}", [fix], IsPreferred: true)],
                (p, d) => d.Publish.Files.Any(f => f.SourcePath == path), "publish:" + relative);
        }
        if (_prediction.Pack.Packs != Tri.True) return;
        foreach (var file in _prediction.Pack.Content)
        {
            if (!IsSettings(file.SourcePath) || !_secrets.HasSecret(file.SourcePath, _files, out var kind, out var where)) continue;
            var pack = file.Item.Metadata.GetValueOrDefault("Pack");
            var owner = ItemElement(pack) ?? file.Item.Source;
            var relative = Paths.Relative(_project.ProjectDirectory, file.SourcePath);
            var fix = owner is not null
                ? MsBuildEdits.SetMetadata(owner, "Pack", "false")
                : MsBuildEdits.AppendGroup(_project.ProjectPath, _project.Document, "ItemGroup", null,
                    $"<{file.Item.ItemType} Update=\"{System.Security.SecurityElement.Escape(relative)}\" Pack=\"false\" />");
            var path = file.SourcePath;
            var (severity, onItsLine) = SeverityBesideLineReport(path);
            Add(DotNetRules.SettingsSecretShipped, severity,
                $"'{relative}' is packed into the NuGet package and holds {kind}." + onItsLine,
                LocationOf(pack) ?? file.Item.Source?.Location ?? SdkLocation(), [new RelatedLocation(where, "the secret (value not shown)")],
                [new Fix($"Do not pack {relative}", [fix], IsPreferred: true)],
                (p, d) => d.Pack.Packs == Tri.True && d.Pack.Content.Any(f => f.SourcePath == path), "pack:" + relative);
        }
    }

    /// <summary>
    /// One error per secret: when a secret rule reports the settings file's secret as an error on its own line (it
    /// knows the file ships: the secret scanner reads the same publish and pack predictions), this project finding is
    /// information that carries the fix; otherwise it is the error. A secret the probe doubts is a warning.
    /// </summary>
    private (Severity Severity, string Note) SeverityBesideLineReport(string settingsPath)
    {
        if (_secrets.Doubt(settingsPath, _files) is { } doubt)
            return (Severity.Warning, $" It is {doubt}: check whether it is a real secret; if it is, keep the file out or move the secret out of it.");
        if (_lineReport is null) return (Severity.Error, "");
        var role = FileRoles.ForPath(Paths.IsUnder(settingsPath, _lineReport.Root) ? Paths.Relative(_lineReport.Root, settingsPath) : Path.GetFileName(settingsPath));
        if (_secrets.CertainLineRule(settingsPath, _files, role) is not { } rule || !_lineReport.ReportsAsError(rule)) return (Severity.Error, "");
        return (Severity.Information, $" The secret is reported as an error on its line ({rule}); this finding carries the fix that keeps the file out.");
    }

    /// <summary>
    /// A settings file by its extension or name; a locale file is not one (<c>Localization/de.json</c> holds the labels
    /// of password and API key fields: its values are words, and a real secret in it is still reported on its line).
    /// </summary>
    private bool IsSettings(string path) =>
        (SettingsExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || Path.GetFileName(path).StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        && FileRoles.ForPath(Paths.Relative(_project.ProjectDirectory, path)) != FileRole.Translations;

    /// <summary>The item element that holds a metadata value (the attribute's element, or a child element's parent).</summary>
    private static MsBuildSource? ItemElement(MetadataValue? value)
    {
        if (value?.Source is null) return null;
        if (value.Attribute is not null) return value.Source;
        return value.Source.Element.Parent is { } parent ? value.Source with { Element = parent } : null;
    }

    private static SourceLocation? LocationOf(MetadataValue? value)
    {
        if (value?.Source is null) return null;
        return value.Attribute is not null
            ? new SourceLocation(value.Source.File, value.Source.Document.Range(value.Attribute.NameStart, value.Attribute.End))
            : value.Source.Location;
    }

    /// <summary>Where SDK-default behaviour is reported: the Sdk attribute's value, else the project's start tag.</summary>
    private SourceLocation SdkLocation() => SdkLocation(_project);

    /// <inheritdoc cref="SdkLocation()"/>
    internal static SourceLocation SdkLocation(EvaluatedProject project)
    {
        var doc = project.Document;
        return project.SdkAttribute is { } sdk
            ? new SourceLocation(project.ProjectPath, doc.ValueRangeOf(sdk))
            : new SourceLocation(project.ProjectPath, doc.Range(doc.Root!.Start, doc.Root.StartTagEnd));
    }

    private IReadOnlyList<RelatedLocation> Related(string property, string message) =>
        _project.Property(property)?.Source is { } s ? [new RelatedLocation(s.Location, message)] : [];

    private void Add(string rule, Severity severity, string message, SourceLocation location, IReadOnlyList<RelatedLocation> related,
        IReadOnlyList<Fix> fixes, Func<EvaluatedProject, DotNetShipPrediction, bool> stillPresent, string detail)
    {
        var identity = $"{rule}|{Path.GetFileName(_project.ProjectPath)}|{detail}";
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16].ToLowerInvariant();
        _candidates.Add(new Candidate(new Finding
        {
            RuleId = rule,
            Severity = severity,
            Message = message,
            Location = location,
            Package = _project.Name,
            Related = related,
            Fixes = fixes,
            Fingerprint = fingerprint,
        }, stillPresent));
    }
}
