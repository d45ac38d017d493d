using HygieneLsp.Core.Analysis;
using HygieneLsp.Core.Findings;
using HygieneLsp.Core.Workspace;
using HygieneLsp.JsonRpc;
using HygieneLsp.Server.Features.CodeActions;
using HygieneLsp.Server.Features.Diagnostics;
using HygieneLsp.Server.Features.EmbeddedSources;
using HygieneLsp.Server.Features.ShipSets;
using HygieneLsp.Server.Features.Status;
using HygieneLsp.Server.Features.CodeLens;
using HygieneLsp.Server.Features.Hover;
using HygieneLsp.Server.Features.TextSync;
using HygieneLsp.Server.Features.Workspace;
using HygieneLsp.Server.Lifecycle;
using HygieneLsp.Server.Protocol;
using HygieneLsp.Server.Session;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server;

/// <summary>
/// Composes the server: the JSON-RPC connection, the lifecycle gate, the session, the scheduler and the feature
/// handlers. Handlers only route to those long-lived services. Mutating notifications are Serial, reads Parallel.
/// </summary>
public sealed class LanguageServer : IAsyncDisposable
{
    public static readonly string Version = typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly JsonRpcConnection _connection;
    private readonly ILogger _logger;
    private readonly LifecycleState _lifecycle = new();
    private readonly WorkspaceSession _session;
    private readonly AnalysisScheduler _scheduler;
    private readonly DocumentBuffers _buffers = new();
    private readonly PublishedFindings _published = new();
    private readonly DiagnosticsPublisher _publisher;
    private readonly CodeActionHandler _codeActions;
    private readonly FixAllService _fixAll;
    private readonly CancellationTokenSource _stop = new();
    private JObject _clientCapabilities = new();
    private string? _progressToken;
    private EngineSettings _initialSettings = EngineSettings.Default;
    private string _unknownRulesTold = ""; // the unknown ids last warned about: a settings change that keeps them says nothing again
    private int _summaryWanted = 1; // the first scan's summary goes to the output channel, and each requested scan's

    public LanguageServer(Stream input, Stream output, ILoggerFactory loggerFactory, Engine engine, TimeSpan? debounce = null)
    {
        _logger = loggerFactory.CreateLogger("Server");
        _connection = new JsonRpcConnection(input, output, loggerFactory.CreateLogger("JsonRpc"));
        _connection.Gate = _lifecycle.Gate;
        _session = new WorkspaceSession(engine);
        // No debounce: runs are incremental and cheap to cancel, so an edit is analysed at once; the changes that arrive
        // while a run goes on are taken together by the next one.
        _scheduler = new AnalysisScheduler(_session, loggerFactory.CreateLogger("Analysis"), debounce ?? TimeSpan.Zero);
        _scheduler.Started = OnAnalysisStartedAsync;
        _scheduler.Completed = OnAnalysisCompletedAsync;
        _publisher = new DiagnosticsPublisher(_connection, _published);
        // The edited documents' diagnostics as soon as their items ran; while a long run (the first scan) goes on, the
        // files of the units finished so far, with the percentage.
        _scheduler.PriorityReady = (findings, documents) => _ = _publisher.PublishPartialAsync(findings, documents);
        _scheduler.Progress = OnAnalysisProgress;
        _fixAll = new FixAllService(_session);
        _codeActions = new CodeActionHandler(_published, _fixAll);
        RegisterHandlers();
    }

    public JsonRpcConnection Connection => _connection;

    public WorkspaceSession Session => _session;

    internal AnalysisScheduler Scheduler => _scheduler;

    /// <summary>Starts reading and completes with the exit code (0 after shutdown+exit, 1 otherwise).</summary>
    public async Task<int> RunAsync()
    {
        _connection.Start();
        var ended = await Task.WhenAny(_lifecycle.ExitCode, _connection.Completion).ConfigureAwait(false);
        if (ended != _lifecycle.ExitCode) _lifecycle.Exit(); // input closed without `exit`
        return await _lifecycle.ExitCode.ConfigureAwait(false);
    }

    private void RegisterHandlers()
    {
        _connection.AddRequestHandler<InitializeParams, JObject>(Methods.Initialize, (p, _) => Task.FromResult(Initialize(p)), HandlerMode.Serial);
        _connection.AddNotificationHandler(Methods.Initialized, (_, _) => InitializedAsync(), HandlerMode.Serial);
        _connection.AddRequestHandler(Methods.Shutdown, (_, _) =>
        {
            _lifecycle.MarkShutDown();
            _scheduler.Dispose();
            return Task.FromResult<JToken?>(JValue.CreateNull());
        }, HandlerMode.Serial);
        _connection.AddNotificationHandler(Methods.Exit, (_, _) =>
        {
            _lifecycle.Exit();
            return Task.CompletedTask;
        }, HandlerMode.Serial);

        _connection.AddNotificationHandler<DidOpenTextDocumentParams>(Methods.DidOpen, (p, _) =>
        {
            if (Uris.ToPath(p.TextDocument.Uri) is not { } path) return Task.CompletedTask;
            _buffers.Open(path, p.TextDocument.Text, p.TextDocument.Version);
            SetBuffer(path, p.TextDocument.Text, p.TextDocument.Version);
            return Task.CompletedTask;
        }, HandlerMode.Serial);
        _connection.AddNotificationHandler<DidChangeTextDocumentParams>(Methods.DidChange, (p, _) =>
        {
            if (Uris.ToPath(p.TextDocument.Uri) is not { } path) return Task.CompletedTask;
            if (_buffers.Change(path, p.TextDocument.Version, p.ContentChanges) is { } text) SetBuffer(path, text, p.TextDocument.Version);
            return Task.CompletedTask;
        }, HandlerMode.Serial);
        _connection.AddNotificationHandler<DidCloseTextDocumentParams>(Methods.DidClose, (p, _) =>
        {
            if (Uris.ToPath(p.TextDocument.Uri) is not { } path) return Task.CompletedTask;
            _buffers.Close(path);
            _session.SetBuffer(path, null); // back to disk: an unsaved edit is dropped with the buffer
            _scheduler.Request();
            return Task.CompletedTask;
        }, HandlerMode.Serial);
        _connection.AddNotificationHandler<DidSaveTextDocumentParams>(Methods.DidSave, (p, _) =>
        {
            if (Uris.ToPath(p.TextDocument.Uri) is { } path) _session.FileContentChanged(path);
            _scheduler.Request();
            return Task.CompletedTask;
        }, HandlerMode.Serial);

        _connection.AddNotificationHandler<DidChangeWatchedFilesParams>(Methods.DidChangeWatchedFiles, (p, _) =>
        {
            foreach (var change in p.Changes)
            {
                if (Uris.ToPath(change.Uri) is not { } path) continue;
                if (change.Type == WatchedFiles.Change) _session.FileContentChanged(path);
                else _session.FileSetChanged(path);
            }
            _scheduler.Request();
            return Task.CompletedTask;
        }, HandlerMode.Serial);
        _connection.AddNotificationHandler<DidChangeConfigurationParams>(Methods.DidChangeConfiguration, (p, _) => ConfigurationChangedAsync(p.Settings), HandlerMode.Serial);
        _connection.AddNotificationHandler<DidChangeWorkspaceFoldersParams>(Methods.DidChangeWorkspaceFolders, (p, _) =>
        {
            foreach (var removed in p.Event.Removed) if (Uris.ToPath(removed.Uri) is { } path) _session.RemoveFolder(path);
            foreach (var added in p.Event.Added) if (Uris.ToPath(added.Uri) is { } path) _session.AddFolder(path);
            _scheduler.Request();
            return Task.CompletedTask;
        }, HandlerMode.Serial);

        _connection.AddRequestHandler<CodeActionParams, IReadOnlyList<CodeAction>>(Methods.CodeAction, (p, ct) => Task.Run(() => _codeActions.Handle(p, ct), ct), HandlerMode.Parallel);
        _connection.AddRequestHandler<ExecuteCommandParams, JToken?>(Methods.ExecuteCommand, ExecuteCommandAsync, HandlerMode.Parallel);
        var lookup = new ShipUnitLookup(_session);
        var shipSets = new ShipSetsHandler(lookup, _published);
        var codeLens = new CodeLensHandler(_session, lookup, _published);
        var hover = new HoverHandler(lookup);
        _connection.AddRequestHandler<CodeLensParams, IReadOnlyList<Protocol.CodeLens>>(Methods.CodeLens, (p, ct) => Task.Run(() => codeLens.Handle(p, ct), ct), HandlerMode.Parallel);
        _connection.AddRequestHandler<TextDocumentPositionParams, Protocol.Hover?>(Methods.Hover, (p, ct) => Task.Run(() => hover.Handle(p, ct), ct), HandlerMode.Parallel);
        _connection.AddRequestHandler(Methods.ShipSets, (_, ct) => Task.Run<JToken?>(() => shipSets.Handle(ct), ct), HandlerMode.Parallel);
        var embedded = new EmbeddedSourceHandler(_session);
        _connection.AddRequestHandler(EmbeddedSourceHandler.Method, (p, ct) => Task.Run<JToken?>(() => embedded.Handle(p, ct), ct), HandlerMode.Parallel);
    }

    private JObject Initialize(InitializeParams p)
    {
        Program.Milestone("initialize received");
        _clientCapabilities = p.Capabilities ?? new JObject();
        _publisher.EmbeddedDocuments = _clientCapabilities.SelectToken("experimental.hygiene.embeddedSourceDocuments") is JValue { Type: JTokenType.Boolean } declared
                                       && declared.Value<bool>();
        var folders = (p.WorkspaceFolders ?? []).Select(f => Uris.ToPath(f.Uri)).OfType<string>().ToList();
        if (folders.Count == 0 && (Uris.ToPath(p.RootUri) ?? p.RootPath) is { Length: > 0 } root) folders.Add(root);
        _session.SetFolders(folders);
        var (settings, enabled) = SettingsReader.Read(p.InitializationOptions);
        _session.UpdateSettings(settings, enabled);
        _initialSettings = settings; // warned about once initialized: the client shows messages only after that
        if (p.ProcessId is int pid && pid > 0) ParentProcessWatcher.Watch(pid, _lifecycle, TimeSpan.FromSeconds(3), _stop.Token);
        _lifecycle.MarkInitialized();
        _logger.LogInformation("HygieneLsp {Version} initialized for {Count} folder(s)", Version, folders.Count);
        Program.Milestone("initialize answered");

        return new JObject
        {
            ["capabilities"] = new JObject
            {
                ["textDocumentSync"] = new JObject { ["openClose"] = true, ["change"] = 2, ["save"] = new JObject { ["includeText"] = false } },
                ["codeActionProvider"] = new JObject { ["codeActionKinds"] = new JArray(CodeActionKinds.QuickFix, CodeActionKinds.FixAll), ["resolveProvider"] = false },
                ["codeLensProvider"] = new JObject { ["resolveProvider"] = false },
                ["hoverProvider"] = true,
                ["executeCommandProvider"] = new JObject { ["commands"] = new JArray(ServerCommands.All) },
                ["workspace"] = new JObject { ["workspaceFolders"] = new JObject { ["supported"] = true, ["changeNotifications"] = true } },
            },
            ["serverInfo"] = new JObject { ["name"] = "hygiene-lsp", ["version"] = Version },
        };
    }

    private async Task InitializedAsync()
    {
        if (_clientCapabilities.SelectToken("workspace.didChangeWatchedFiles.dynamicRegistration")?.Value<bool>() == true)
        {
            try
            {
                await _connection.SendRequestAsync(Methods.RegisterCapability, new RegistrationParams(
                    [new Registration("hygiene-watched-files", Methods.DidChangeWatchedFiles, WatchedFiles.RegisterOptions())])).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RemoteErrorException or ConnectionClosedException)
            {
                _logger.LogWarning("The client refused file watching ({Message}); changes on disk are seen when files are saved in the editor.", e.Message);
            }
        }
        await WarnAboutUnknownRulesAsync(_initialSettings).ConfigureAwait(false);
        _scheduler.Start();
        _scheduler.Request(immediate: true);
    }

    /// <summary>
    /// `hygiene.rules` entries whose id no rule has change nothing; say so (output channel and a notification), naming
    /// the closest id, once per distinct set of unknown ids.
    /// </summary>
    private async Task WarnAboutUnknownRulesAsync(EngineSettings settings)
    {
        var unknown = RuleCatalog.Unknown(settings.RuleSeverities.Keys, RuleCatalog.All(_session.Engine));
        var key = string.Join("\n", unknown.Select(u => u.Id).Order(StringComparer.Ordinal));
        if (Interlocked.Exchange(ref _unknownRulesTold, key) == key || unknown.Count == 0) return;
        var message = "hygiene.rules: " + string.Join("; ", unknown.Select(u => $"unknown rule '{u.Id}' (did you mean '{u.Closest}'?)")) +
                      ". These entries change nothing; `hygiene-lsp rules` lists every rule id.";
        _logger.LogWarning("{Message}", message);
        try
        {
            await _connection.SendNotificationAsync(Methods.ShowMessage, new ShowMessageParams(2, message)).ConfigureAwait(false);
        }
        catch (ConnectionClosedException)
        {
        }
    }

    private async Task ConfigurationChangedAsync(JToken? settings)
    {
        var section = settings as JObject;
        if (section?["hygiene"] is null && _clientCapabilities.SelectToken("workspace.configuration")?.Value<bool>() == true)
        {
            try
            {
                var pulled = await _connection.SendRequestAsync("workspace/configuration",
                    new JObject { ["items"] = new JArray(new JObject { ["section"] = "hygiene" }) }).ConfigureAwait(false);
                settings = (pulled as JArray)?.FirstOrDefault();
            }
            catch (Exception e) when (e is RemoteErrorException or ConnectionClosedException)
            {
                _logger.LogWarning("Could not read settings from the client: {Message}", e.Message);
            }
        }
        var (engineSettings, enabled) = SettingsReader.Read(settings);
        _session.UpdateSettings(engineSettings, enabled);
        await WarnAboutUnknownRulesAsync(engineSettings).ConfigureAwait(false);
        _scheduler.Request();
    }

    private async Task<JToken?> ExecuteCommandAsync(ExecuteCommandParams p, CancellationToken cancellationToken)
    {
        switch (p.CommandId)
        {
            case ServerCommands.ScanWorkspace:
                Interlocked.Exchange(ref _summaryWanted, 1);
                _session.ForgetAllIndexes();
                _session.Engine.Cache.Clear();
                _scheduler.Request(immediate: true);
                return JValue.CreateNull();
            case ServerCommands.FixAll:
                var plan = await Task.Run(() => _fixAll.Plan(null, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (plan.Edits.Count == 0) return new JObject { ["applied"] = 0, ["unapplied"] = plan.Unapplied };
                var result = await _connection.SendRequestAsync<ApplyWorkspaceEditResult>(Methods.ApplyEdit,
                    new ApplyWorkspaceEditParams("Fix all HygieneLsp problems", FindingConverter.ToWorkspaceEdit(plan.Edits)), cancellationToken).ConfigureAwait(false);
                return new JObject { ["applied"] = result?.Applied == true ? plan.Applied.Count : 0, ["unapplied"] = plan.Unapplied };
            case ServerCommands.ShowRuleDocumentation:
                return await RuleDocumentationCommand.ShowAsync(_connection, _clientCapabilities, p.Arguments).ConfigureAwait(false);
            default:
                throw new JsonRpcException(ErrorCodes.InvalidParams, $"Unknown command '{p.CommandId}'.");
        }
    }

    private void SetBuffer(string path, string text, int version)
    {
        _session.SetBuffer(path, new BufferOverlay(text, version));
        _scheduler.Request();
    }

    private async Task OnAnalysisStartedAsync(bool first)
    {
        await _connection.SendNotificationAsync(Methods.Status, ScanStatus.Scanning(_published.All.Count)).ConfigureAwait(false);
        if (!first || _clientCapabilities.SelectToken("window.workDoneProgress")?.Value<bool>() != true) return;
        var token = "hygiene-initial-scan";
        try
        {
            await _connection.SendRequestAsync(Methods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams(token)).ConfigureAwait(false);
            _progressToken = token;
            await _connection.SendNotificationAsync(Methods.Progress, new ProgressParams(token, new JObject
            {
                ["kind"] = "begin", ["title"] = "HygieneLsp", ["message"] = "Checking what would ship", ["cancellable"] = false, ["percentage"] = 0,
            })).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RemoteErrorException or ConnectionClosedException)
        {
            _progressToken = null;
        }
    }

    /// <summary>A long run's progress: the files of the units done so far, and the percentage on the first scan's progress.</summary>
    private void OnAnalysisProgress(IReadOnlyList<Finding> findingsSoFar, int percentage)
    {
        if (_lifecycle.IsShutDown) return;
        _ = _publisher.PublishPartialAsync(findingsSoFar, null);
        if (Volatile.Read(ref _progressToken) is { } token)
            _ = _connection.SendNotificationAsync(Methods.Progress, new ProgressParams(token, new JObject
            {
                ["kind"] = "report", ["percentage"] = Math.Clamp(percentage, 0, 100), ["message"] = $"{findingsSoFar.Count} problem(s) so far",
            }));
    }

    private async Task OnAnalysisCompletedAsync(AnalysisSnapshot snapshot, IReadOnlyList<Finding> findings, TimeSpan elapsed)
    {
        if (_lifecycle.IsShutDown) return;
        await _publisher.PublishAsync(findings).ConfigureAwait(false);
        _logger.LogDebug("Analysis of {Folders} folder(s): {Count} finding(s) in {Ms} ms", snapshot.Folders.Length, findings.Count, (int)elapsed.TotalMilliseconds);
        if (Interlocked.Exchange(ref _progressToken, null) is { } token)
        {
            await _connection.SendNotificationAsync(Methods.Progress, new ProgressParams(token, new JObject
            {
                ["kind"] = "end", ["message"] = $"{findings.Count} problem(s)",
            })).ConfigureAwait(false);
        }
        var summary = Interlocked.Exchange(ref _summaryWanted, 0) == 1 ? ScanStatus.Summary(_session, snapshot, elapsed, _stop.Token) : null;
        await _connection.SendNotificationAsync(Methods.Status, ScanStatus.Idle(findings, summary)).ConfigureAwait(false);
        if (_clientCapabilities.SelectToken("workspace.codeLens.refreshSupport")?.Value<bool>() == true)
            _ = _connection.SendRequestAsync("workspace/codeLens/refresh", null).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _scheduler.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
