using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Analysis.Incremental;
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
public sealed class SecretsAnalyzer : IItemizedAnalyzer
{
    public const string CacheKind = "secrets.scan";

    private const string UnshippedItem = "unshipped";

    private readonly Func<AnalysisContext, IEnumerable<PublishedFile>>? _shippedFiles;
    private readonly SecretScanner? _given;

    /// <summary>The detectors compile their patterns when first used: after the server answered initialize, not before.</summary>
    private SecretScanner _scanner => _given ?? SecretScanner.Default;

    /// <summary>
    /// The product's analyzer: what ships is every published unit's existing files (<see cref="ShipUnits"/>), one item
    /// per unit, so an edit rescans the units it touched; files that ship nowhere (credential files, or every file with
    /// <see cref="EngineSettings.ScanWholeWorkspaceForSecrets"/>) are one more item.
    /// </summary>
    public static SecretsAnalyzer OverShipUnits(SecretScanner? scanner = null) => new(scanner);

    private SecretsAnalyzer(SecretScanner? scanner) => _given = scanner;

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
        _given = scanner;
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

    public IEnumerable<Finding> Analyze(AnalysisContext context, CancellationToken cancellationToken) => Itemized.AnalyzeAll(this, context, cancellationToken);

    public IReadOnlyList<AnalysisItem> Items(AnalysisContext context, CancellationToken cancellationToken) => _shippedFiles is null
        ? [.. ShipUnits.PublishedItems(context), new AnalysisItem(UnshippedItem, context.Root)]
        : [new AnalysisItem("*", context.Root), new AnalysisItem(UnshippedItem, context.Root)]; // what the caller's list says ships

    /// <summary>
    /// A unit's shipped files (with what they ship in, by path) and every scan that found something. Findings are built
    /// in the item (reading what they need, recorded as the item's inputs), as if the unit were the only one shipping
    /// each file; the combine rebuilds the rare file that several units ship.
    /// </summary>
    private sealed record UnitScan(IReadOnlyDictionary<string, List<PublishedFile>> Shipped, IReadOnlyDictionary<string, SecretScanResult> Found,
        IReadOnlyDictionary<string, List<Finding>> Built);

    /// <summary>The files that ship nowhere which are scanned anyway (credential files; all with the whole-workspace setting), with their findings.</summary>
    private sealed record UnshippedScan(IReadOnlyList<(string Path, List<Finding> Findings)> Found);

    public object? AnalyzeItem(AnalysisContext context, AnalysisItem item, CancellationToken cancellationToken)
    {
        if (item.Key == UnshippedItem)
        {
            var candidates = context.Settings.ScanWholeWorkspaceForSecrets
                ? context.Index.Files
                : IndexQueries.Matching(context.Index, "credential-files", IsCredentialFile);
            var results = ScanAll(context, candidates, cancellationToken);
            ReportSkips(context, candidates, results);
            var builder = new SecretFindingBuilder(context.Files, context.Root, context);
            return new UnshippedScan(candidates.Select((p, i) => (p, results[i])).Where(r => HasAny(r.Item2))
                .Select(r => (r.p, builder.Build(r.p, r.Item2, null).ToList())).ToList());
        }
        if (_shippedFiles is not null) return Scan(context, _shippedFiles(context).ToList(), cancellationToken);
        if (ShipUnits.RefOfItem(context, item.Key) is not { } unitRef) return null;
        var shipped = ShipUnits.Resolve(context, unitRef, includeUnpublished: false, cancellationToken).SelectMany(ShipUnits.PublishedFiles).ToList();
        return Scan(context, shipped, cancellationToken);
    }

    private UnitScan Scan(AnalysisContext context, IReadOnlyList<PublishedFile> shipped, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, List<PublishedFile>>(StringComparer.Ordinal);
        foreach (var file in shipped)
        {
            var path = Paths.Normalize(file.Path);
            if (!byPath.TryGetValue(path, out var units)) byPath[path] = units = [];
            if (!units.Exists(u => u.Unit == file.Unit && u.Via == file.Via)) units.Add(file with { Path = path });
        }
        var paths = byPath.Keys.ToList();
        var results = ScanAll(context, paths, cancellationToken);
        ReportSkips(context, paths, results);
        var found = new Dictionary<string, SecretScanResult>(StringComparer.Ordinal);
        var built = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        var builder = new SecretFindingBuilder(context.Files, context.Root, context);
        for (var i = 0; i < paths.Count; i++)
        {
            if (!HasAny(results[i])) continue;
            found[paths[i]] = results[i];
            built[paths[i]] = builder.Build(paths[i], results[i], byPath[paths[i]]).ToList();
        }
        return new UnitScan(byPath, found, built);
    }

    /// <summary>Files whose scan stopped at a budget (match time), told as hygiene/input-skipped.</summary>
    private static void ReportSkips(AnalysisContext context, IReadOnlyList<string> paths, IReadOnlyList<SecretScanResult> results)
    {
        for (var i = 0; i < paths.Count; i++)
            if (results[i].StoppedBy is { } budget) context.Skipped.Report(new InputSkip(paths[i], budget));
    }

    private static bool HasAny(SecretScanResult result) => result.Matches.Count > 0 || result.Embedded.Count > 0;

    /// <summary>
    /// Findings per file: a file that several units ship is one finding naming them all; shipped files first (by
    /// path), then the unshipped ones in workspace order.
    /// </summary>
    public IEnumerable<Finding> Combine(AnalysisContext context, IReadOnlyList<ItemOutput> outputs, CancellationToken cancellationToken)
    {
        // Runs whenever an item changed, over every unit: it looks only at the files with a secret, whose findings the
        // items built already; a file several units ship is built again naming them all.
        var scans = outputs.Select(o => o.Value).OfType<UnitScan>().ToList();
        var unshipped = outputs.Select(o => o.Value).OfType<UnshippedScan>().FirstOrDefault();
        var foundBy = new Dictionary<string, List<UnitScan>>(StringComparer.Ordinal);
        foreach (var scan in scans)
            foreach (var path in scan.Found.Keys)
            {
                if (!foundBy.TryGetValue(path, out var list)) foundBy[path] = list = [];
                list.Add(scan);
            }
        var builder = new SecretFindingBuilder(context.Files, context.Root, context);
        var seen = new HashSet<(string, string, Text.TextRange, string?)>();
        var findings = new List<Finding>();
        foreach (var (path, by) in foundBy.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (by.Count == 1) { Add(by[0].Built[path]); continue; }
            var units = new List<PublishedFile>();
            foreach (var file in by.SelectMany(s => s.Shipped[path]))
                if (!units.Exists(u => u.Unit == file.Unit && u.Via == file.Via)) units.Add(file);
            Add(builder.Build(path, by[0].Found[path], units));
        }
        if (unshipped is not null)
        {
            var shippedSomewhere = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scan in scans) shippedSomewhere.UnionWith(ShippedAmong(scan, unshipped));
            foreach (var (path, built) in unshipped.Found)
                if (!shippedSomewhere.Contains(path)) Add(built);
        }
        return findings;

        void Add(IEnumerable<Finding> built)
        {
            foreach (var f in built)
                if (seen.Add((f.RuleId, f.Location.Path, f.Location.Range, f.Fingerprint))) findings.Add(f);
        }
    }

    /// <summary>
    /// Which of the unshipped scan's paths <paramref name="scan"/> ships, remembered per pair of outputs: an edit
    /// recomputes one unit's scan, so the next combine asks only that one (100 credential files × 1,800 units was
    /// 180,000 lookups per edit).
    /// </summary>
    private static IReadOnlyCollection<string> ShippedAmong(UnitScan scan, UnshippedScan unshipped)
    {
        var memo = ShippedAmongMemo.GetOrCreateValue(scan);
        lock (memo)
        {
            if (!ReferenceEquals(memo.For, unshipped))
            {
                memo.Paths = unshipped.Found.Select(f => f.Path).Where(scan.Shipped.ContainsKey).ToList();
                memo.For = unshipped;
            }
            return memo.Paths;
        }
    }

    private sealed class ShippedAmongEntry
    {
        public UnshippedScan? For;
        public IReadOnlyCollection<string> Paths = [];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<UnitScan, ShippedAmongEntry> ShippedAmongMemo = new();

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
