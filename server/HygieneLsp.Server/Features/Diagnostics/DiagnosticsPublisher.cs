using HygieneLsp.Core.Findings;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Protocol;

namespace HygieneLsp.Server.Features.Diagnostics;

/// <summary>
/// Pushes diagnostics for every affected file of the workspace (that is what fills the Problems panel, also for files
/// never opened) and clears the files whose findings went away. Sends only files whose diagnostics changed.
/// </summary>
public sealed class DiagnosticsPublisher
{
    private readonly JsonRpcConnection _connection;
    private readonly PublishedFindings _published;
    private readonly SemaphoreSlim _order = new(1, 1);
    private Dictionary<string, string> _sent = new(StringComparer.Ordinal); // path → signature of what was sent

    public DiagnosticsPublisher(JsonRpcConnection connection, PublishedFindings published)
    {
        _connection = connection;
        _published = published;
    }

    public async Task PublishAsync(IReadOnlyList<Finding> findings)
    {
        await _order.WaitAsync().ConfigureAwait(false);
        try
        {
            _published.Replace(findings);
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in findings.GroupBy(f => f.Location.Path, StringComparer.Ordinal))
            {
                var diagnostics = group.Select(f => FindingConverter.ToDiagnostic(f, PublishedFindings.KeyOf(f))).ToList();
                var signature = string.Join("\n", group.Select(f => PublishedFindings.KeyOf(f) + f.Severity + f.Message + f.Related.Count));
                next[group.Key] = signature;
                if (_sent.TryGetValue(group.Key, out var old) && old == signature) continue;
                await _connection.SendNotificationAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams(Uris.FromPath(group.Key), diagnostics)).ConfigureAwait(false);
            }
            foreach (var gone in _sent.Keys.Where(p => !next.ContainsKey(p)))
                await _connection.SendNotificationAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams(Uris.FromPath(gone), [])).ConfigureAwait(false);
            _sent = next;
        }
        finally
        {
            _order.Release();
        }
    }
}
