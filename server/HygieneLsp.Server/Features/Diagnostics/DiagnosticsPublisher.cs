using System.Threading.Channels;
using HygieneLsp.Core.Findings;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Features.EmbeddedSources;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Features.Diagnostics;

/// <summary>
/// Pushes diagnostics for every affected file of the workspace (that is what fills the Problems panel, also for files
/// never opened) and clears the files whose findings went away. Sends only files whose diagnostics changed. Besides the
/// complete result of a run, a run publishes partial results as soon as it has them: the edited documents first, then
/// the files of the units scanned so far on a first scan; those never clear other files. Every publish goes through
/// one queue, so they reach the client in the order the run made them. A finding inside a map's embedded original that
/// is not in the workspace goes on a `hygiene-embedded:` document at its line when the client can open one.
/// </summary>
public sealed class DiagnosticsPublisher
{
    private readonly JsonRpcConnection _connection;
    private readonly PublishedFindings _published;
    private readonly Channel<(Func<Task<bool>> Work, TaskCompletionSource<bool> Done)> _queue =
        Channel.CreateUnbounded<(Func<Task<bool>>, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private Dictionary<string, string> _sent = new(StringComparer.Ordinal); // path → signature of what was sent
    private bool _sentAny;

    /// <summary>The client shows `hygiene-embedded:` documents (it declared `experimental.hygiene.embeddedSourceDocuments`).</summary>
    public bool EmbeddedDocuments { get; set; }

    public DiagnosticsPublisher(JsonRpcConnection connection, PublishedFindings published)
    {
        _connection = connection;
        _published = published;
        _ = Task.Run(DrainAsync);
    }

    /// <summary>The run's complete findings: files whose diagnostics changed are sent, files with none left are cleared.
    /// Completes with whether anything was sent.</summary>
    public Task<bool> PublishAsync(IReadOnlyList<Finding> findings) => Enqueue(() =>
    {
        _published.Replace(findings);
        return SendAsync(findings, null, clearOthers: true);
    });

    /// <summary>
    /// Part of a run's findings, before the run ends: with <paramref name="paths"/> the diagnostics of those files only
    /// (cleared if they have none now); without, every file with findings whose diagnostics changed. Never clears others.
    /// </summary>
    public Task<bool> PublishPartialAsync(IReadOnlyList<Finding> findings, IReadOnlyCollection<string>? paths) => Enqueue(() =>
    {
        var touched = paths ?? findings.Select(f => f.Location.Path).Distinct(StringComparer.Ordinal).ToList();
        _published.ReplacePaths(touched, findings);
        return SendAsync(findings, paths, clearOthers: false);
    });

    private async Task<bool> SendAsync(IReadOnlyList<Finding> findings, IReadOnlyCollection<string>? only, bool clearOthers)
    {
        _sentAny = false;
        var next = clearOthers ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(_sent, StringComparer.Ordinal);
        var onlySet = only is null ? null : new HashSet<string>(only, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in findings.GroupBy(Target, StringComparer.Ordinal))
        {
            if (onlySet is not null && !onlySet.Contains(group.Key)) continue;
            seen.Add(group.Key);
            var signature = string.Join("\n", group.Select(f => PublishedFindings.KeyOf(f) + f.Severity + f.Message + f.Related.Count));
            next[group.Key] = signature;
            if (_sent.TryGetValue(group.Key, out var old) && old == signature) continue;
            var diagnostics = group.Select(ToDiagnostic).ToList();
            await Send(group.Key, diagnostics).ConfigureAwait(false);
        }
        var gone = clearOthers ? _sent.Keys.Where(p => !next.ContainsKey(p)).ToList()
            : onlySet?.Where(p => !seen.Contains(p) && _sent.ContainsKey(p)).ToList() ?? [];
        foreach (var path in gone)
        {
            next.Remove(path);
            await Send(path, []).ConfigureAwait(false);
        }
        _sent = next;
        return _sentAny;
    }

    /// <summary>Where a finding is shown: its file's path, or the URI of the embedded original it points into.</summary>
    private string Target(Finding f) => EmbeddedDocuments && f.EmbeddedSource is { } e ? EmbeddedSourceUris.Build(e) : f.Location.Path;

    private Diagnostic ToDiagnostic(Finding f)
    {
        var key = PublishedFindings.KeyOf(f); // the finding as published: code actions find it by this key
        var diagnostic = FindingConverter.ToDiagnostic(f, key);
        return EmbeddedDocuments && f.EmbeddedSource is { } e ? diagnostic with { Range = FindingConverter.ToRange(e.Range) } : diagnostic;
    }

    private Task Send(string target, IReadOnlyList<Diagnostic> diagnostics)
    {
        _sentAny = true;
        var uri = EmbeddedSourceUris.IsEmbedded(target) ? target : Uris.FromPath(target);
        return _connection.SendNotificationAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams(uri, diagnostics));
    }

    private Task<bool> Enqueue(Func<Task<bool>> work)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite((work, done));
        return done.Task;
    }

    private async Task DrainAsync()
    {
        await foreach (var (work, done) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                done.TrySetResult(await work().ConfigureAwait(false));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }
    }
}
