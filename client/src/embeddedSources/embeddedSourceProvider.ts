// Read-only documents for the original files a source map embeds (`sourcesContent`), asked from the server with their
// secrets masked. A secret found in a 60 MB map whose original is not in the workspace opens here, at its line,
// instead of on VS Code's "file is too large" screen.
import * as vscode from 'vscode';
import { EMBEDDED_SOURCE_SCHEME, type EmbeddedSourceResult, embeddedSourceText } from '../protocol';

export class EmbeddedSourceProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly fetch: (uri: string) => Promise<EmbeddedSourceResult | undefined>) {}

  register(): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(EMBEDDED_SOURCE_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.fetch(uri.toString()).catch((error: unknown) => ({
      found: false,
      text: `// HygieneLsp could not read this embedded file: ${error instanceof Error ? error.message : String(error)}\n`,
    }));
    return result ? embeddedSourceText(result) : '// The HygieneLsp server is not running: this embedded file cannot be shown.\n';
  }

  /** The maps may have been rebuilt: every open embedded document is read again. */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === EMBEDDED_SOURCE_SCHEME) this.changed.fire(document.uri);
    }
  }

  /**
   * An open embedded document whose diagnostics changed is read again (its map changed). Not after every analysis:
   * reading one means reading the map again, which can be tens of megabytes, and edits elsewhere do not change it.
   */
  refreshOnNewDiagnostics(): vscode.Disposable {
    return vscode.languages.onDidChangeDiagnostics(event => {
      const open = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
      for (const uri of event.uris) if (uri.scheme === EMBEDDED_SOURCE_SCHEME && open.has(uri.toString())) this.changed.fire(uri);
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
