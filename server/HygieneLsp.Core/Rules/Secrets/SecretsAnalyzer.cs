using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Packaging;
using HygieneLsp.Core.Secrets;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Rules.Secrets;

/// <summary>
/// Secrets that would ship (in an npm package, a .vsix, a .NET publish folder or NuGet package) are errors, on the
/// secret itself (or, inside a shipped source map, on the original file and line the map embeds, with the map as
/// related information). Credential files that do not ship (.env*, .npmrc,
/// appsettings*.json) are still scanned and give warnings; <see cref="EngineSettings.ScanWholeWorkspaceForSecrets"/>
/// widens that to every workspace file. Scans are memoised per file stamp and run on all cores.
/// </summary>
public sealed class SecretsAnalyzer : IAnalyzer
{
    public const string CacheKind = "secrets.scan";

    private readonly Func<AnalysisContext, IEnumerable<PublishedFile>> _shippedFiles;
    private readonly SecretScanner _scanner;

    /// <param name="shippedFiles">Every file some packaging unit would publish, with the unit's name.</param>
    public SecretsAnalyzer(Func<AnalysisContext, IEnumerable<(string unitName, string absolutePath)>> shippedFiles, SecretScanner? scanner = null)
        : this(context => shippedFiles(context).Select(f => new PublishedFile(f.unitName, f.absolutePath)), scanner)
    {
    }

    /// <param name="shippedFiles">Every file something would publish, with the unit, how it ships and what sends it
    /// (wired to the npm and vsce ship sets and the .NET publish and pack predictions: <see cref="ShipUnits.PublishedFiles"/>).</param>
    public SecretsAnalyzer(Func<AnalysisContext, IEnumerable<PublishedFile>> shippedFiles, SecretScanner? scanner = null)
    {
        _shippedFiles = shippedFiles;
        _scanner = scanner ?? SecretScanner.Default;
    }

    public string Name => "secrets";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = SecretKind.All
        .Select(k => new RuleDescriptor(k.RuleId, Severity.Error, $"{WithArticle(k.Title)} in a file that would be published",
            $"A {k.Title} was found in a file that a package, extension or project would publish (npm, vsce, dotnet publish or pack), or in a source map that embeds the original file. " +
            "Remove it from the file, rotate it (anyone who downloaded the package has it), and read it from the environment at run time. " +
            "Files that do not ship (.env, .npmrc, appsettings*.json no project publishes) are reported as warnings; templates (.env.example) only for vendor-shaped tokens, as information. Values in documentation, tests, examples and " +
            "doc comments are reported at most as information (a vendor-shaped token there, such as a GitHub or AWS key, as a warning), and values " +
            "that are public by design (publishable keys, Sentry DSNs, Firebase web API keys…) as information, each with the reason."))
        .ToList();

    /// <summary>"An AWS access key id", "an npm token" (said "en-pee-em"), "A GitHub token".</summary>
    private static string WithArticle(string title) =>
        (title.StartsWith("npm", StringComparison.Ordinal) || "aeioAEIO".Contains(title.TrimStart('.')[0]) ? "An " : "A ") + title;

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var shipped = new Dictionary<string, List<PublishedFile>>(StringComparer.Ordinal);
        foreach (var file in _shippedFiles(context))
        {
            var p = Paths.Normalize(file.Path);
            if (!shipped.TryGetValue(p, out var units)) shipped[p] = units = [];
            if (!units.Exists(u => u.Unit == file.Unit && u.Via == file.Via)) units.Add(file with { Path = p });
        }
        var builder = new SecretFindingBuilder(context.Files, context.Root, context);
        var seen = new HashSet<(string, string, Text.TextRange, string?)>();
        var findings = new List<Finding>();

        var jobs = shipped.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Path: p.Key, Units: (List<PublishedFile>?)p.Value))
            .Concat(context.Index.Files
                .Where(path => !shipped.ContainsKey(path)
                               && (context.Settings.ScanWholeWorkspaceForSecrets || IsCredentialFile(Path.GetFileName(path))))
                .Select(path => (Path: path, Units: (List<PublishedFile>?)null)))
            .ToList();
        var results = ScanAll(context, jobs.Select(j => j.Path).ToList(), cancellationToken);
        for (var i = 0; i < jobs.Count; i++)
        {
            if (results[i].StoppedBy is { } budget) context.Skipped.Report(new InputSkip(jobs[i].Path, budget));
            Add(builder.Build(jobs[i].Path, results[i], jobs[i].Units));
        }
        return findings;

        void Add(IEnumerable<Finding> built)
        {
            foreach (var f in built)
                if (seen.Add((f.RuleId, f.Location.Path, f.Location.Range, f.Fingerprint))) findings.Add(f);
        }
    }

    /// <summary>
    /// Scans files on every core (a first scan reads every shipped bundle and map: CPU-bound work that splits per
    /// file); results come back in the order given, so findings do not depend on thread timing.
    /// </summary>
    private SecretScanResult[] ScanAll(AnalysisContext context, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var results = new SecretScanResult[paths.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, paths.Count, options, i =>
                results[i] = context.Cache.GetOrAdd(CacheKind, paths[i], context.Files,
                    () => _scanner.ScanFile(context.Files, paths[i], FileRoles.ForPath(Paths.Relative(context.Root, paths[i])), cancellationToken)));
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
        return results;
    }

    /// <summary>
    /// Files whose whole purpose is holding credentials: worth a warning even when nothing publishes them. Templates
    /// (<c>.env.example</c>, <c>.env.sample</c>, <c>appsettings.json.template</c>) hold examples, not credentials.
    /// </summary>
    public static bool IsCredentialFile(string fileName) =>
        !FileRoles.IsTemplateName(fileName)
        && (fileName.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals(".npmrc", StringComparison.OrdinalIgnoreCase)
        || (fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)));
}
