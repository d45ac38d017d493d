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

  /** The maps may have been rebuilt: open embedded documents are read again (after each scan). */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === EMBEDDED_SOURCE_SCHEME) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
