using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.BuildConfigs.MsBuild;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.NuGet;
using HygieneLsp.Core.Packaging.Npm;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Rules.DotNet;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Packaging;

/// <summary>One file a packaging unit would publish, with the reason in words and the config place behind it.</summary>
public sealed record ShipUnitFile(string Path, long Bytes, string Reason, SourceLocation? ReasonLocation);

/// <summary>
/// A packaging unit (npm package, VS Code extension) and exactly what it would publish. <see cref="IsPublished"/> is
/// false for units nobody publishes (private npm packages), which are listed but never reported.
/// </summary>
public sealed record ShipUnit(string Kind, string Name, string? Version, string Root, bool IsPublished, IReadOnlyList<ShipUnitFile> Files, IReadOnlyList<string> Errors)
{
    /// <summary>Paths present but left out, with the rule that keeps them out (folders are not expanded); sizes are 0.</summary>
    public IReadOnlyList<ShipUnitFile> Excluded { get; init; } = [];

    public long TotalBytes => Files.Sum(f => f.Bytes);

    /// <summary>Why nobody publishes the unit ("private", "an app (deployed, not published to npm)"), when it is not published.</summary>
    public string? NotPublishedReason { get; init; }
}

/// <summary>
/// One file that a unit publishes, for the secret scanner: the unit (npm package, extension, .NET project), how the
/// file ships when that is not the unit's own package (<c>dotnet publish</c>, <c>NuGet package</c>), and the place in
/// a project file that sends it there, when there is one.
/// </summary>
public sealed record PublishedFile(string Unit, string Path, string? Via = null, SourceLocation? Decider = null);

/// <summary>
/// Every packaging unit of a workspace folder with its ship set: what `hygiene-lsp ls`, the "What ships" view and the
/// secret scanner's "shipped files" all read, so they cannot disagree. A VS Code extension is listed as its .vsix.
/// </summary>
public static class ShipUnits
{
    /// <param name="includeUnpublished">List units nobody publishes too (private packages, refused extensions): `ls` and
    /// the What ships view show them; rules never need their ship sets, so they are not computed for them.</param>
    public static IReadOnlyList<ShipUnit> For(AnalysisContext context, CancellationToken cancellationToken = default, bool includeUnpublished = true)
    {
        var units = new List<ShipUnit>();
        var extensions = VsixExtension.FindAll(context);
        var extensionRoots = extensions.Select(e => e.Root).ToHashSet(StringComparer.Ordinal);
        var packages = NpmPackageDiscovery.Discover(context);
        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (extensionRoots.Contains(package.Root) || !package.IsPackage || package.EnclosingPackage is not null) continue;
            if (!includeUnpublished && !package.IsPublishedToNpm) continue;
            var set = NpmShipSets.For(context, package, packages);
            units.Add(new ShipUnit(NpmShipExposure.UnitKind, package.DisplayName, package.Manifest.Version, package.Root, package.IsPublishedToNpm,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location)).ToList(), set.Errors)
            {
                Excluded = set.Excluded.Select(x => new ShipUnitFile(x.Path + (x.IsDirectory ? "/" : ""), 0, x.Reason.Text, x.Reason.Location)).ToList(),
                NotPublishedReason = package.NotPublishedReason,
            });
        }
        foreach (var extension in extensions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var set = VsixShipSetBuilder.Get(context, extension);
            if (!includeUnpublished && set.Errors.Count > 0) continue;
            units.Add(new ShipUnit("vsix", extension.DisplayName, (extension.Manifest.Document?.Root as Parsing.Jsonc.JsoncObject)?.GetString("version"), extension.Root, set.Errors.Count == 0,
                set.Files.Select(f => new ShipUnitFile(f.Path, f.Size, f.Reason.Text, f.Reason.Location)).ToList(), set.Errors)
            {
                Excluded = set.Excluded.Select(x => new ShipUnitFile(x.Path, 0, x.Reason.Text, x.Reason.Location)).ToList(),
                NotPublishedReason = set.Errors.Count > 0 ? "vsce refuses to package it" : null,
            });
        }
        return units.OrderBy(u => u.Root, StringComparer.Ordinal).ThenBy(u => u.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>Absolute paths of the files that published units would ship.</summary>
    public static IEnumerable<(string Unit, string Path)> ShippedFiles(AnalysisContext context) =>
        For(context, includeUnpublished: false).Where(u => u.IsPublished).SelectMany(u => u.Files.Select(f => (u.Name, u.Root + "/" + f.Path)));

    /// <summary>
    /// Every file something would publish: what npm packages and extensions ship (<see cref="ShippedFiles"/>) and the
    /// content and settings files of .NET projects (<see cref="DotNetShippedFiles"/>). The secret scanner reads this,
    /// so a secret's finding says the file ships exactly when a package or project rule says so.
    /// </summary>
    public static IEnumerable<PublishedFile> PublishedFiles(AnalysisContext context, CancellationToken cancellationToken = default) =>
        ShippedFiles(context).Select(f => new PublishedFile(f.Unit, f.Path)).Concat(DotNetShippedFiles(context, cancellationToken));

    /// <summary>
    /// The project files (content, settings) that <c>dotnet publish</c> copies to the publish folder and <c>dotnet pack</c>
    /// puts in the package, as <see cref="DotNetShipPredictor"/> predicts them for the .NET rules: publish unless the
    /// project is known not to publish (test projects, IsPublishable false), pack when it is known to pack. Only the
    /// project's own files are listed (not the dlls it builds), which is why .NET projects are not <see cref="ShipUnit"/>s.
    /// </summary>
    public static IReadOnlyList<PublishedFile> DotNetShippedFiles(AnalysisContext context, CancellationToken cancellationToken = default)
    {
        var projects = context.Index.Files.Where(DotNetAnalyzer.IsProjectFile).ToList();
        if (projects.Count == 0) return [];
        // Predictions read MSBuild files and glob the file list: memoised on both (settings files' contents do not matter).
        var msbuild = context.Index.Files.Where(IsMsBuildFile).ToList();
        return context.Cache.GetOrAdd(DotNetShipCacheKind, Fingerprints.OfList(context.Index.Files), msbuild, context.Files,
            () => PredictDotNet(context, projects, cancellationToken).ToList());
    }

    private const string DotNetShipCacheKind = "dotnet.published-files";

    private static bool IsMsBuildFile(string path) =>
        DotNetAnalyzer.IsProjectFile(path) || path.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<PublishedFile> PredictDotNet(AnalysisContext context, List<string> projects, CancellationToken cancellationToken)
    {
        foreach (var projectPath in projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EvaluatedProject? project;
            try { project = ProjectEvaluator.Evaluate(context.Files, projectPath).Project; }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException) { continue; }
            if (project is null) continue;
            var prediction = DotNetShipPredictor.Predict(project);
            if (prediction.BuildError is not null) continue;
            // The predictor says what publish does; nobody deploys a test project's publish output.
            if (prediction.Publish.Publishes != Tri.False && !project.IsTestProject)
                foreach (var f in prediction.Publish.Files)
                    yield return new PublishedFile(project.Name, f.SourcePath, "dotnet publish", Decider(project, f));
            if (prediction.Pack.Packs == Tri.True)
                foreach (var f in prediction.Pack.Content)
                    yield return new PublishedFile(project.Name, f.SourcePath, "NuGet package", Decider(project, f));
        }
    }

    /// <summary>The element that sends the file (an item or its Update), else the project's Sdk attribute (an SDK default glob).</summary>
    private static SourceLocation Decider(EvaluatedProject project, ShippedFile file) =>
        file.Item.LastTouchedBy?.Location ?? file.Item.Source?.Location ?? DotNetFindingBuilder.SdkLocation(project);
}
