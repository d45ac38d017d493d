using System.Diagnostics;
using HygieneLsp.Core.Discovery;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Suppression;
using HygieneLsp.Core.Text;
using HygieneLsp.Core.Workspace;

namespace HygieneLsp.Core.Analysis.Incremental;

/// <summary>How a run reports while it works: the edited files' items first, then streaming progress.</summary>
public sealed record RunOptions
{
    public static readonly RunOptions Default = new();

    /// <summary>Files just edited: the items that read them run first, then <see cref="OnPriorityDone"/> is called.</summary>
    public IReadOnlyCollection<string> PriorityPaths { get; init; } = [];

    /// <summary>Called with the findings of every item so far once the priority items have run, before the others (null: not called).</summary>
    public Action<IReadOnlyList<Finding>>? OnPriorityDone { get; init; }

    /// <summary>Called with the findings so far and the percentage of items done, every <see cref="ProgressInterval"/> (null: not called).</summary>
    public Action<IReadOnlyList<Finding>, int>? OnProgress { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// The engine's analysis of one workspace folder, kept between runs: each analyzer's work is split into items
/// (<see cref="IItemizedAnalyzer"/>; any other analyzer is one item), every item's output is kept with what it read
/// (<see cref="DependencyRecorder"/>), and a run recomputes only the items whose inputs an edit touched (the changed
/// paths, the files created or deleted under their scope, the workspace-wide facts they relied on), then combines all
/// outputs into the folder's findings. Items are committed one by one, so a cancelled run keeps the work it finished
/// and the next run resumes with what is still dirty. Runs of one folder are serialised.
/// </summary>
public sealed class IncrementalAnalysis
{
    private readonly Engine _engine;
    private readonly bool _track;
    private readonly object _runLock = new();
    private readonly object _commitLock = new(); // items commit from every core; progress reports combine under it
    private readonly Dictionary<ItemId, ItemState> _items = new();
    private readonly HashSet<ItemId> _dirty = new();
    private readonly Dictionary<string, HashSet<ItemId>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ItemId>> _byListing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ItemId>> _byScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ItemId>> _byFact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _factSignatures = new(StringComparer.Ordinal);
    private readonly FindingFinisher _finisher = new();
    private readonly Lazy<IReadOnlyList<RuleDescriptor>> _ruleCatalog;
    private readonly int[] _computed;
    private WorkspaceIndex? _lastIndex;
    private bool _validateAll = true;
    private readonly object _noteLock = new();
    private HashSet<string> _noted = new(StringComparer.Ordinal);
    private bool _notedUnknown;
    private IReadOnlyList<AnalysisItem>[] _lastItems;
    private (List<ItemOutput> Outputs, List<Finding> Findings, object Config, EngineSettings Settings)?[] _combined;
    private Dictionary<string, AnalysisItem>[] _itemsByKey;

    /// <param name="track">Record dependencies and reuse outputs between runs (the server); false for one-shot runs.</param>
    public IncrementalAnalysis(Engine engine, string root, bool track = true)
    {
        _engine = engine;
        _ruleCatalog = new(() => RuleCatalog.All(engine));
        _track = track;
        Root = root;
        _computed = new int[engine.Analyzers.Count];
        _lastItems = new IReadOnlyList<AnalysisItem>[engine.Analyzers.Count];
        _itemsByKey = new Dictionary<string, AnalysisItem>[engine.Analyzers.Count];
        _combined = new (List<ItemOutput>, List<Finding>, object, EngineSettings)?[engine.Analyzers.Count];
    }

    public string Root { get; }

    /// <summary>Test hook: called (on the analysing thread) with the analyzer's name and the item's key each time an item runs.</summary>
    public Action<string, string>? ItemComputed { get; set; }

    /// <summary>How many item runs each analyzer has had (a test and benchmark counter).</summary>
    public IReadOnlyDictionary<string, int> Recomputations =>
        _engine.Analyzers.Select((a, i) => (a.Name, Count: Volatile.Read(ref _computed[i]))).ToDictionary(x => x.Name, x => x.Count);

    /// <summary>How many times the findings' fixes were checked against a freshly computed set of units (a test counter).</summary>
    internal int FixGuardsBuilt => _finisher.GuardsBuilt;

    /// <summary>What an item read when it last ran (tests use it to check the recorded inputs), or null.</summary>
    public ItemDependencies? DependenciesOf(string analyzerName, string itemKey)
    {
        lock (_runLock)
        {
            var index = _engine.Analyzers.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Name == analyzerName).i;
            return _items.TryGetValue(new ItemId(index, itemKey), out var s) ? s.Dependencies : null;
        }
    }

    /// <summary>
    /// Paths whose content or existence changed (an edit, a save, a watched-file event); the next run compares the
    /// stamps its items recorded for them. Safe to call while a run is going on: that run or the next takes them.
    /// </summary>
    public void Note(IEnumerable<string> paths)
    {
        lock (_noteLock) _noted.UnionWith(paths);
    }

    /// <summary>Something changed that no path names (a rescan, an idle revalidation): the next run compares every input.</summary>
    public void NoteUnknown()
    {
        lock (_noteLock) _notedUnknown = true;
    }

    /// <summary>Forget every output: the next run computes everything again.</summary>
    public void Reset()
    {
        lock (_runLock)
        {
            _items.Clear();
            _dirty.Clear();
            _byFile.Clear();
            _byListing.Clear();
            _byScope.Clear();
            _byFact.Clear();
            _factSignatures.Clear();
            _lastIndex = null;
            _validateAll = true;
            Array.Clear(_lastItems);
            Array.Clear(_combined);
        }
    }

    public IReadOnlyList<Finding> Run(IFileView files, WorkspaceIndex index, EngineSettings settings, RunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= RunOptions.Default;
        lock (_runLock)
        {
            try
            {
                return RunLocked(files, index, settings, options, cancellationToken);
            }
            finally
            {
                _finisher.EndRun();
            }
        }
    }

    private IReadOnlyList<Finding> RunLocked(IFileView files, WorkspaceIndex index, EngineSettings settings, RunOptions options, CancellationToken cancellationToken)
    {
        files = new ListingMemoView(files); // one snapshot: each folder listed once per run
        var memo = new RunMemo(); // one snapshot: workspace-wide values computed once for every item
        var context = new AnalysisContext(files, index, settings, _engine.Cache) { Memo = memo };
        var analyzers = _engine.Analyzers;
        // 1. The items of this snapshot; those gone are forgotten, those new are dirty.
        var current = new IReadOnlyList<AnalysisItem>[analyzers.Count];
        var itemErrors = new List<Finding>();
        for (var a = 0; a < analyzers.Count; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var started = Profile.Enabled ? Profile.Start() : 0;
                current[a] = analyzers[a] is IItemizedAnalyzer itemized ? itemized.Items(context, cancellationToken) : [new AnalysisItem("*", index.Root)];
                if (Profile.Enabled) Profile.Add("items " + analyzers[a].Name, started);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                current[a] = [];
                itemErrors.Add(InternalError(analyzers[a], e, index.Root));
            }
            if (!ReferenceEquals(current[a], _lastItems[a]))
            {
                Reconcile(a, current[a]);
                _itemsByKey[a] = current[a].GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            }
            _lastItems[a] = current[a];
        }
        // 2. Which kept outputs the changes make stale (from here on, the noted changes are dirty items: nothing is lost on cancel).
        HashSet<string> changed;
        bool unknown;
        lock (_noteLock)
        {
            (changed, _noted) = (_noted, new HashSet<string>(StringComparer.Ordinal));
            (unknown, _notedUnknown) = (_notedUnknown, false);
        }
        var marking = Profile.Enabled ? Profile.Start() : 0;
        MarkDirty(context, files, index, changed, unknown);
        if (Profile.Enabled) Profile.Add("mark dirty", marking);
        // 3. The edited files' items first, then the rest in item order (unit by unit).
        var priority = new HashSet<string>(options.PriorityPaths, StringComparer.Ordinal);
        var order = new List<ItemId>(_dirty.Count);
        var rest = new List<ItemId>();
        for (var a = 0; a < analyzers.Count; a++)
            foreach (var item in current[a])
            {
                var id = new ItemId(a, item.Key);
                if (!_dirty.Contains(id)) continue;
                (IsPriority(id, item, priority) ? order : rest).Add(id);
            }
        var priorityCount = order.Count;
        rest.Sort((x, y) => string.CompareOrdinal(_itemsByKey[x.Analyzer][x.Key].Scope, _itemsByKey[y.Analyzer][y.Key].Scope) is var c && c != 0 ? c : x.Analyzer.CompareTo(y.Analyzer));
        order.AddRange(rest);
        // The edited files' items first (on every core: a package.json edit re-runs the package's five or six), then
        // their findings out at once.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (priorityCount == 1) RunItem(order[0], _itemsByKey[order[0].Analyzer][order[0].Key], context, cancellationToken);
        else if (priorityCount > 1)
            RunParallel(order.Take(priorityCount), id => RunItem(id, _itemsByKey[id.Analyzer][id.Key], context, cancellationToken), parallel, cancellationToken);
        // Always said, even when no item read the edited files (their findings are already current): a caller
        // may be waiting for it (the server cancels a run only after it).
        if (options.OnPriorityDone is { } priorityDone) priorityDone(Combine(context, current, itemErrors, cancellationToken));
        // The rest on every core, unit by unit, each item committed as it finishes (a cancel keeps them); the findings
        // so far are streamed while it lasts.
        var done = priorityCount;
        using (var reporter = options.OnProgress is { } progress
                   ? new ProgressReporter(() => { lock (_commitLock) return Combine(context, current, itemErrors, cancellationToken); },
                       progress, options.ProgressInterval, priorityCount, order.Count)
                   : null)
        {
            RunParallel(order.Skip(priorityCount), id =>
                    {
                        RunItem(id, _itemsByKey[id.Analyzer][id.Key], context, cancellationToken);
                        reporter?.Finished(Interlocked.Increment(ref done));
                    }, parallel, cancellationToken);
        }
        return Combine(context, current, itemErrors, cancellationToken);
    }

    /// <summary>Items on every core, handed out in order one at a time (the last to finish is a small one).</summary>
    private static void RunParallel(IEnumerable<ItemId> items, Action<ItemId> run, ParallelOptions parallel, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(items, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), parallel, run);
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Keeps the outputs of items still there and marks the new ones dirty.</summary>
    private void Reconcile(int analyzer, IReadOnlyList<AnalysisItem> items)
    {
        var keys = new HashSet<string>(items.Select(i => i.Key), StringComparer.Ordinal);
        foreach (var id in _items.Keys.Where(k => k.Analyzer == analyzer && !keys.Contains(k.Key)).ToList()) Forget(id);
        foreach (var id in _dirty.Where(k => k.Analyzer == analyzer && !keys.Contains(k.Key)).ToList()) _dirty.Remove(id);
        foreach (var item in items)
        {
            var id = new ItemId(analyzer, item.Key);
            if (!_items.TryGetValue(id, out var state) || state.Item != item) _dirty.Add(id);
        }
    }

    private void MarkDirty(AnalysisContext context, IFileView files, WorkspaceIndex index, IReadOnlyCollection<string> changed, bool unknown)
    {
        if (!_track)
        {
            foreach (var id in _items.Keys) _dirty.Add(id);
            return;
        }
        // Files created or deleted since the index the kept outputs saw: the items whose scope or listing holds them.
        var fileSet = _lastIndex is null || ReferenceEquals(_lastIndex, index) ? [] : Difference(_lastIndex, index);
        if (_lastIndex is not null && !ReferenceEquals(_lastIndex, index) && _lastIndex.Root != index.Root) _validateAll = true;
        _lastIndex = index;
        if (unknown || _validateAll)
        {
            _validateAll = false;
            _factSignatures.Clear();
            foreach (var (id, state) in _items)
                if (!_dirty.Contains(id) && IsStale(state.Dependencies, files, fileSet, context)) _dirty.Add(id);
            return;
        }
        foreach (var path in changed.Concat(fileSet))
        {
            if (_byFile.TryGetValue(path, out var readers))
                foreach (var id in readers)
                    if (!_dirty.Contains(id) && _items[id].Dependencies.Files.TryGetValue(path, out var seen) && seen != files.Stamp(path)) _dirty.Add(id);
        }
        foreach (var path in fileSet)
        {
            if (_byListing.TryGetValue(Paths.Parent(path), out var listers))
                foreach (var id in listers) _dirty.Add(id);
            for (var dir = Paths.Parent(path); ; dir = Paths.Parent(dir))
            {
                if (_byScope.TryGetValue(dir, out var scoped))
                    foreach (var id in scoped) _dirty.Add(id);
                if (dir.Length <= 1 || dir.Length < index.Root.Length) break;
            }
        }
        // Workspace-wide facts: evaluated once each; the items that saw another signature are dirty.
        foreach (var (key, users) in _byFact)
        {
            var fact = _items[users.First()].Dependencies.Facts[key].Fact;
            var evaluating = Profile.Enabled ? Profile.Start() : 0;
            var signature = fact.Signature(context);
            if (Profile.Enabled) Profile.Add("mark: fact " + (key.IndexOf(':') is var colon && colon > 0 ? key[..colon] : key), evaluating);
            if (_factSignatures.TryGetValue(key, out var last) && last == signature) continue;
            _factSignatures[key] = signature;
            foreach (var id in users)
                if (_items[id].Dependencies.Facts[key].Signature != signature) _dirty.Add(id);
        }
    }

    /// <summary>A full comparison of one item's recorded inputs with the snapshot.</summary>
    private bool IsStale(ItemDependencies deps, IFileView files, IReadOnlyList<string> fileSet, AnalysisContext context)
    {
        foreach (var (path, stamp) in deps.Files)
            if (files.Stamp(path) != stamp) return true;
        foreach (var (dir, digest) in deps.Listings)
            if (DependencyRecorder.ListingDigest(files.List(dir)) != digest) return true;
        foreach (var path in fileSet)
            if (deps.CoversFileSetChange(path)) return true;
        foreach (var (key, (fact, signature)) in deps.Facts)
        {
            if (!_factSignatures.TryGetValue(key, out var now)) _factSignatures[key] = now = fact.Signature(context);
            if (now != signature) return true;
        }
        return false;
    }

    private void RunItem(ItemId id, AnalysisItem item, AnalysisContext run, CancellationToken cancellationToken)
    {
        var analyzer = _engine.Analyzers[id.Analyzer];
        var recorder = _track ? new DependencyRecorder(run.Files) : null;
        // A context of its own even untracked: the inputs it stops reading at a budget are part of its output.
        var context = recorder is null
            ? new AnalysisContext(run.Files, run.Index, run.Settings, run.Cache) { Memo = run.Memo }
            : new AnalysisContext(new RecordingFileView(run.Files, recorder), run.Index, run.Settings, run.Cache) { Recorder = recorder, Memo = run.Memo };
        if (item.ScopeIsInput) recorder?.Scope(item.Scope);
        var started = Profile.Enabled ? Profile.Start() : 0;
        object? output;
        try
        {
            output = analyzer is IItemizedAnalyzer itemized
                ? itemized.AnalyzeItem(context, item, cancellationToken)
                : analyzer.Analyze(context, cancellationToken).ToList();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            output = new ItemFailure(e);
        }
        if (Profile.Enabled) Profile.Add("item " + analyzer.Name, started);
        Interlocked.Increment(ref _computed[id.Analyzer]);
        ItemComputed?.Invoke(analyzer.Name, item.Key);
        Commit(id, new ItemState(item, recorder?.ToDependencies() ?? ItemDependencies.None, output, context.Skipped.All));
    }

    private void Commit(ItemId id, ItemState state)
    {
        lock (_commitLock) CommitLocked(id, state);
    }

    private void CommitLocked(ItemId id, ItemState state)
    {
        Forget(id);
        _items[id] = state;
        _dirty.Remove(id);
        foreach (var path in state.Dependencies.Files.Keys) Add(_byFile, path, id);
        foreach (var dir in state.Dependencies.Listings.Keys) Add(_byListing, dir, id);
        foreach (var scope in state.Dependencies.Scopes) Add(_byScope, scope, id);
        foreach (var key in state.Dependencies.Facts.Keys) Add(_byFact, key, id);
    }

    private void Forget(ItemId id)
    {
        if (!_items.Remove(id, out var old)) return;
        foreach (var path in old.Dependencies.Files.Keys) Remove(_byFile, path, id);
        foreach (var dir in old.Dependencies.Listings.Keys) Remove(_byListing, dir, id);
        foreach (var scope in old.Dependencies.Scopes) Remove(_byScope, scope, id);
        foreach (var key in old.Dependencies.Facts.Keys) Remove(_byFact, key, id);
    }

    private static void Add(Dictionary<string, HashSet<ItemId>> map, string key, ItemId id)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = [];
        set.Add(id);
    }

    private static void Remove(Dictionary<string, HashSet<ItemId>> map, string key, ItemId id)
    {
        if (map.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0) map.Remove(key);
    }

    private bool IsPriority(ItemId id, AnalysisItem item, HashSet<string> priority)
    {
        if (priority.Count == 0) return false;
        if (priority.Contains(item.Key)) return true;
        if (_items.TryGetValue(id, out var state)) return state.Dependencies.Files.Keys.Any(priority.Contains);
        return priority.Any(p => Paths.IsUnder(p, item.Scope) && item.Scope != Root);
    }

    /// <summary>Every analyzer's findings from its items' outputs, then severities, suppressions and fixes; sorted.</summary>
    private IReadOnlyList<Finding> Combine(AnalysisContext context, IReadOnlyList<AnalysisItem>[] current, List<Finding> itemErrors, CancellationToken cancellationToken)
    {
        var raw = new List<Finding>(itemErrors);
        var analyzers = _engine.Analyzers;
        var config = context.Config;
        for (var a = 0; a < analyzers.Count; a++)
        {
            var outputs = new List<ItemOutput>(current[a].Count);
            ItemFailure? failure = null;
            foreach (var item in current[a])
            {
                if (!_items.TryGetValue(new ItemId(a, item.Key), out var state)) continue; // not computed yet (streaming)
                if (state.Output is ItemFailure f) failure ??= f;
                else outputs.Add(new ItemOutput(item, state.Output));
            }
            if (failure is not null) raw.Add(InternalError(analyzers[a], failure.Exception, context.Root));
            var combining = Profile.Enabled ? Profile.Start() : 0;
            try
            {
                // The same outputs as last time (an edit elsewhere): the same findings, without combining again.
                // (Combines read the suppression config, e.g. `openSource: strict`, and the settings: those must be the same too.)
                if (_combined[a] is { } last && ReferenceEquals(last.Config, config) && ReferenceEquals(last.Settings, context.Settings)
                    && last.Outputs.Count == outputs.Count && last.Outputs.Zip(outputs).All(p => ReferenceEquals(p.First.Value, p.Second.Value) && p.First.Item == p.Second.Item))
                    raw.AddRange(last.Findings);
                else
                {
                    var combined = (analyzers[a] is IItemizedAnalyzer itemized
                        ? itemized.Combine(context, outputs, cancellationToken)
                        : Itemized.Concat(outputs)).ToList();
                    _combined[a] = (outputs, combined, config, context.Settings);
                    raw.AddRange(combined);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                raw.Add(InternalError(analyzers[a], e, context.Root));
            }
            if (Profile.Enabled) Profile.Add("combine " + analyzers[a].Name, combining);
        }
        // The inputs the items stopped reading at a budget, kept with their outputs (fresh or reused): said once each.
        var skips = new SkippedInputs();
        for (var a = 0; a < analyzers.Count; a++)
            foreach (var item in current[a])
                if (_items.TryGetValue(new ItemId(a, item.Key), out var state)) skips.Report(state.Skipped);
        var told = raw.Where(f => f.RuleId == Rules.Hygiene.InputSkippedAnalyzer.RuleId).Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        if (context.Index.Limit is { } limit) skips.Report(new InputSkip(context.Root, limit)); // the walk of the folder stopped
        raw.AddRange(Rules.Hygiene.InputSkippedAnalyzer.Report(context.Root, skips.All).Where(f => told.Add(f.Fingerprint)));
        var finishing = Profile.Enabled ? Profile.Start() : 0;
        var kept = _finisher.Finish(raw, context, config);
        if (Profile.Enabled) Profile.Add("finish (severity, suppressions, fingerprints)", finishing);
        var configProblems = config.Problems.Concat(RuleCatalog.Unknown(config.Rules.Keys, _ruleCatalog.Value)
            .Select(u => $"{SuppressionConfig.FileName}: unknown rule '{u.Id}' in 'rules' (did you mean '{u.Closest}'?).")).ToList();
        if (configProblems.Count > 0)
        {
            kept.Add(new Finding
            {
                RuleId = Engine.ConfigErrorRuleId,
                Severity = Severity.Warning,
                Message = string.Join(" ", configProblems) + " The rest of the file still applies.",
                Location = new SourceLocation(config.Path, TextRange.Empty),
                Fingerprint = Fingerprints.Of(Engine.ConfigErrorRuleId, SuppressionConfig.FileName),
            });
        }
        kept.Sort(FindingOrder.Instance);
        return kept;
    }

    private static Finding InternalError(IAnalyzer analyzer, Exception e, string root) => new()
    {
        RuleId = Engine.InternalErrorRuleId,
        Severity = Severity.Warning,
        Message = $"HygieneLsp could not finish the '{analyzer.Name}' checks here ({e.GetType().Name}); other checks still ran.",
        Location = new SourceLocation(root, TextRange.Empty),
    };

    /// <summary>Paths in one sorted index and not the other (files created or deleted between two walks).</summary>
    private static List<string> Difference(WorkspaceIndex before, WorkspaceIndex after)
    {
        var result = new List<string>();
        IReadOnlyList<string> a = before.Files, b = after.Files;
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var c = i == a.Count ? 1 : j == b.Count ? -1 : string.CompareOrdinal(a[i], b[j]);
            if (c == 0) { i++; j++; }
            else if (c < 0) result.Add(a[i++]);
            else result.Add(b[j++]);
        }
        return result;
    }

    private readonly record struct ItemId(int Analyzer, string Key);

    private sealed record ItemState(AnalysisItem Item, ItemDependencies Dependencies, object? Output, IReadOnlyList<InputSkip> Skipped);

    private sealed record ItemFailure(Exception Exception);
}
