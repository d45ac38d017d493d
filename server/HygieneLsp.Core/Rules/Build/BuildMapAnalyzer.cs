using System.Security.Cryptography;
using System.Text;
using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
using HygieneLsp.Core.BuildConfigs;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.BuildConfigs.Bun;
using HygieneLsp.Core.BuildConfigs.Esbuild;
using HygieneLsp.Core.BuildConfigs.Rollup;
using HygieneLsp.Core.BuildConfigs.Tsup;
using HygieneLsp.Core.BuildConfigs.Vite;
using HygieneLsp.Core.BuildConfigs.Webpack;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging.Vsix;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Build;

/// <summary>
/// Reports production builds that write source maps where they get out: into a folder a package publishes
/// (error, with the ship cause as related information) or into a web app's deploy folder (warning). Maps without
/// embedded sources are a lower-severity note (paths and names still leak); "may" predictions one step lower.
/// Maps that nothing publishes, from library tools, are not reported.
/// </summary>
public sealed class BuildMapAnalyzer : IItemizedAnalyzer
{
    private readonly IShipExposure _exposure;

    public BuildMapAnalyzer(IShipExposure exposure) => _exposure = exposure;

    public string Name => "build";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = BuildRules.All;

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    /// <summary>One item per project folder (a package.json or a bundler config): an edit re-plans that folder's builds.</summary>
    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) =>
        IndexQueries.Derived(context.Index, "build-items", () => BuildPlanCache.ProjectFolders(context).Select(d => new AnalysisItem(d, d, ScopeIsInput: false)).ToList());

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var project = Profile.Time("build: plan", () => BuildPlanCache.Of(context).GetProject(context.Files, item.Key, context.Root));
        context.Skipped.Report(project.Skipped);
        foreach (var plan in project.Plans)
            foreach (var output in plan.Outputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Profile.Time("build: exposure", () => ToFinding(context, output)) is { } f) findings.Add(f);
            }
        return findings;
    }

    /// <summary>A config two folders' builds share is reported once (the first folder's finding).</summary>
    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, SourceLocation)>();
        foreach (var f in Itemized.Concat(outputs))
            if (seen.Add((f.RuleId, f.Location))) yield return f;
    }

    private Finding? ToFinding(AnalysisContext context, PredictedMaps p)
    {
        if (p.Certainty is not { } certainty) return null;
        // Each real output the config names (a map is reported when any of them ships); the sample file otherwise.
        var hits = p.ShipQueries().SelectMany(q => _exposure.WhoShips(context, q))
            .DistinctBy(h => (h.UnitKind, h.UnitName)).ToList();
        // A package published from a folder its build generates (semantic-release pkgRoot, publishConfig.directory):
        // maps written there are published unless the generated package.json (unknown here) leaves them out.
        string? generatedNote = null;
        if (hits.Count == 0 && GeneratedPublishFolder(context, p.OutputDirectory) is { } generated)
        {
            hits = [generated.Hit];
            generatedNote = generated.Note;
        }
        // An example, playground or fixture app is never deployed from here (vite's playgrounds test maps on purpose),
        // and the package around it does not build it: its output stays in the example's folder unless someone builds
        // the example by hand (a charting library's 160 example apps, each with `devtool: "source-map"`).
        if (SampleFolders.FolderOf(context.Root, p.ConfigPath) is { } sample && (hits.Count == 0 || Paths.IsUnder(p.OutputDirectory, sample))) return null;
        var sources = p.AnySourcesContent;
        Severity severity;
        if (hits.Count > 0) severity = sources ? Severity.Error : Severity.Warning;
        else if (p.IsWebApp && InsideExtension(context, p.OutputDirectory) is null) severity = sources ? Severity.Warning : Severity.Information;
        else return null; // a VS Code extension's bundles (webview, web worker) ship in the .vsix only: its ship set decided
        if (certainty == Certainty.May || generatedNote is not null) severity = severity == Severity.Error ? Severity.Warning : Severity.Information;
        var openNote = (hits.Count > 0 ? Packaging.SourceOpenness.NoteWhenAllOpen(hits, context) : WebAppOpenNote(context, p.ConfigPath)) ?? "";
        if (openNote.Length > 0) severity = Severity.Information;

        var dir = RelativeDir(context.Root, p.OutputDirectory);
        var verb = certainty == Certainty.Definitely ? "writes" : "may write";
        var kind = p.Outcomes.Where(o => o.Emits).Select(o => o.Kind).Distinct().ToList() switch
        {
            [MapKind.Inline] => "inline source maps (inside the bundles)",
            [MapKind.Hidden] => "hidden source maps (.map files without a link comment)",
            _ => "source maps",
        };
        var what = sources ? "with the original source code embedded" : "without sources content, but file paths and names still leak";
        var where = hits.Count > 0
            ? $"{dir}, which {string.Join(", ", hits.Select(h => $"{h.UnitKind} '{h.UnitName}'").Distinct())} {(generatedNote is null ? "would" : "may")} publish"
            : p.ServedBy is { } html
                ? $"{dir}: served publicly when {RelativeDir(context.Root, Paths.Parent(html))} is deployed ({RelativeFile(context.Root, html)} loads its scripts)"
                : $"{dir}: served publicly when {dir} is deployed";
        var who = p.Invocation ?? $"The {p.Tool} production build";
        var message = $"{who} {verb} {kind} {what} ({p.Explanation}) into {where}.";
        if (p.NotProductionReason is { } reason) message += $" Reported as possible only: {reason}.";
        if (generatedNote is not null) message += $" {generatedNote}";
        message += openNote;

        var fixes = new List<Fix>();
        if (p.Fixes.DisableMaps is { Count: > 0 } disable) fixes.Add(new Fix("Disable source maps in production builds", disable, IsPreferred: true));
        if (sources && p.Fixes.DropSources is { Count: > 0 } drop) fixes.Add(new Fix("Keep maps but drop embedded sources", drop));
        return new Finding
        {
            RuleId = p.RuleId,
            Severity = severity,
            Message = message,
            Location = p.Cause,
            Package = hits.FirstOrDefault()?.UnitName,
            Related = hits.Where(h => h.Cause is not null).Select(h => new RelatedLocation(h.Cause!, h.Reason)).ToList(),
            Fixes = fixes,
            Fingerprint = Fingerprint(context.Root, p),
        };
    }

    /// <summary>
    /// A web app's maps are served to everyone who loads it; when the app's own package.json (the nearest above its
    /// config) names an open-source license and a public repository, they reveal nothing that is not published.
    /// </summary>
    private static string? WebAppOpenNote(AnalysisContext context, string configPath)
    {
        var owner = Packaging.Npm.NpmPackageDiscovery.Discover(context)
            .Where(pkg => Paths.IsUnder(configPath, pkg.Root)).OrderByDescending(pkg => pkg.Root.Length).FirstOrDefault();
        if (owner is null) return null;
        var openness = owner.OpennessIn(context.Files);
        return context.TreatsAsOpenSource(openness) ? openness.MapNote : null;
    }

    /// <summary>
    /// The publishable npm package (name, version, not private, not an example) that publishes a generated folder
    /// holding the output, as a possible hit.
    /// </summary>
    private static (ShipExposureHit Hit, string Note)? GeneratedPublishFolder(AnalysisContext context, string outputDirectory)
    {
        foreach (var pkg in Packaging.Npm.NpmPackageDiscovery.Discover(context))
        {
            if (pkg.Manifest.PublishedFrom is not { } from || !pkg.IsPackage || pkg.IsPrivate || pkg.IsVsCodeExtension || pkg.SampleFolder is not null) continue;
            var folder = JsBuiltinPath.Normalize(pkg.Root + "/" + from);
            if (!Paths.IsUnder(outputDirectory, folder) || folder == pkg.Root) continue;
            var rel = RelativeDir(context.Root, folder);
            return (new ShipExposureHit(Packaging.Npm.NpmShipExposure.UnitKind, pkg.DisplayName, $"the release publishes {rel}", new SourceLocation(pkg.PackageJsonPath, Text.TextRange.Empty), pkg.Manifest.Openness),
                $"Reported as possible only: the release publishes the generated folder {rel}, whose package.json the build writes (its file list is not known here).");
        }
        return null;
    }

    /// <summary>The VS Code extension whose folder holds the output, or null: what it builds is packed into the .vsix, never deployed.</summary>
    private static string? InsideExtension(AnalysisContext context, string outputDirectory) =>
        VsixExtension.FindAll(context).FirstOrDefault(e => Paths.IsUnder(outputDirectory, e.Root))?.Root;

    private static string RelativeDir(string root, string dir)
    {
        var rel = Paths.IsUnder(dir, root) ? Paths.Relative(root, dir) : dir;
        return rel == "." ? "./" : rel.TrimEnd('/') + "/";
    }

    private static string RelativeFile(string root, string path) => Paths.IsUnder(path, root) ? Paths.Relative(root, path) : path;

    private static string Fingerprint(string root, PredictedMaps p)
    {
        var key = $"{p.RuleId}|{Paths.Relative(root, p.ConfigPath)}|{Paths.Relative(root, p.OutputDirectory)}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16].ToLowerInvariant();
    }
}
