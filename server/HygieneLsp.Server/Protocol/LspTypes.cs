using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.Server.Protocol;

// The subset of LSP 3.17 types HygieneLsp uses. Property names serialize camelCase through the connection's serializer.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic
{
    public required Range Range { get; init; }
    public int Severity { get; init; }
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string Source { get; init; } = "hygiene";
    public required string Message { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    public JToken? Data { get; init; }
}

public sealed record CodeDescription(string Href);

public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

public sealed record LspTextEdit(Range Range, string NewText);

public sealed record CodeActionContext(IReadOnlyList<Diagnostic>? Diagnostics, IReadOnlyList<string>? Only);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record Command(string Title, [property: JsonProperty("command")] string CommandId, JArray? Arguments = null);

public sealed record CodeAction
{
    public required string Title { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public JObject? Edit { get; init; }
    public Command? Command { get; init; }
}

public sealed record ExecuteCommandParams([property: JsonProperty("command")] string CommandId, JArray? Arguments);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record WorkspaceFoldersChangeEvent(IReadOnlyList<WorkspaceFolder> Added, IReadOnlyList<WorkspaceFolder> Removed);

public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record DidChangeConfigurationParams(JToken? Settings);

public sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public string? RootUri { get; init; }
    public string? RootPath { get; init; }
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
    public JObject? Capabilities { get; init; }
    public JToken? InitializationOptions { get; init; }
}

public sealed record LogMessageParams(int Type, string Message);

/// <summary>window/showMessage; Type 1 error, 2 warning, 3 info.</summary>
public sealed record ShowMessageParams(int Type, string Message);

public sealed record WorkDoneProgressCreateParams(string Token);

public sealed record ProgressParams(string Token, JObject Value);

public sealed record Registration(string Id, string Method, JObject? RegisterOptions);

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

public sealed record ApplyWorkspaceEditParams(string Label, JObject Edit);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command);

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, Range? Range);

/// <summary>Method names, defined once.</summary>
public static class Methods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string DidSave = "textDocument/didSave";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string CodeAction = "textDocument/codeAction";
    public const string CodeLens = "textDocument/codeLens";
    public const string Hover = "textDocument/hover";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string ApplyEdit = "workspace/applyEdit";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string DidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string RegisterCapability = "client/registerCapability";
    public const string LogMessage = "window/logMessage";
    public const string ShowMessage = "window/showMessage";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";
    public const string ShipSets = "hygiene/shipSets";
    public const string Status = "hygiene/status";
    public const string ShowDocument = "window/showDocument";
}

/// <summary>Commands the server executes through workspace/executeCommand.</summary>
public static class ServerCommands
{
    public const string FixAll = "hygiene.fixAll";
    public const string ScanWorkspace = "hygiene.scanWorkspace";
    /// <summary>Argument: a rule id. Opens the rule's page (window/showDocument); the VS Code client shows its bundled copy instead.</summary>
    public const string ShowRuleDocumentation = "hygiene.showRuleDocumentation";
    public static readonly string[] All = [FixAll, ScanWorkspace, ShowRuleDocumentation];
}

public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string FixAll = "source.fixAll.hygiene";
}
