// Opens rule documentation inside VS Code, offline: the page bundled in the .vsix, in the Markdown preview. Reached from
// the "Show documentation for <rule>" quick fix (the server's command, intercepted here), from the rule code in the
// hover and the Problems panel (their link is rewritten to this extension's URI handler), and from the command palette.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { ServerCommands } from '../protocol';
import {
  BUNDLED_DOCS_FOLDER, bundledPageSegments, docsUrl, handlerUriParts, isRuleId, ruleIdFromDocsUrl, ruleIdFromHandlerUri,
} from './ruleDocLinks';

export class RuleDocs implements vscode.UriHandler {
  constructor(
    private readonly extension: vscode.Extension<unknown>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async show(ruleId: string): Promise<void> {
    const page = vscode.Uri.joinPath(this.extension.extensionUri, ...bundledPageSegments(ruleId));
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      this.log.warn(`No bundled page for ${ruleId}; opening ${docsUrl(ruleId)}`);
      await vscode.env.openExternal(vscode.Uri.parse(docsUrl(ruleId)));
      return;
    }
    try {
      await vscode.commands.executeCommand('markdown.showPreview', page);
    } catch {
      // The built-in Markdown extension can be disabled: the source is still readable.
      await vscode.window.showTextDocument(page, { preview: true });
    }
  }

  handleUri(uri: vscode.Uri): void {
    const ruleId = ruleIdFromHandlerUri(uri.path, uri.query);
    if (ruleId) void this.show(ruleId);
    else this.log.warn(`Ignored a link to ${uri.toString(true)}`);
  }

  /** Palette: pick a rule among the bundled pages (their first lines are the id and the summary). */
  async pick(): Promise<void> {
    const folder = vscode.Uri.joinPath(this.extension.extensionUri, ...BUNDLED_DOCS_FOLDER);
    const items: vscode.QuickPickItem[] = [];
    for (const [family, type] of await vscode.workspace.fs.readDirectory(folder).then(e => e, () => [])) {
      if (type !== vscode.FileType.Directory) continue;
      for (const [file] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, family))) {
        if (!file.endsWith('.md')) continue;
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, family, file)));
        items.push({ label: `${family}/${file.slice(0, -3)}`, detail: text.split('\n')[2]?.trim() });
      }
    }
    const picked = await vscode.window.showQuickPick(items.sort((a, b) => a.label.localeCompare(b.label)), {
      placeHolder: 'Rule to read about',
      matchOnDetail: true,
    });
    if (picked) await this.show(picked.label);
  }

  /** Language client hooks: local links on diagnostics, and the documentation command answered here. */
  middleware(): Middleware {
    return {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(d => this.withLocalLink(d))),
      executeCommand: (command, args, next) =>
        command === ServerCommands.showRuleDocumentation && isRuleId(args[0]) ? this.show(args[0]) : next(command, args),
    };
  }

  private withLocalLink(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
    const code = diagnostic.code;
    if (typeof code !== 'object' || !code.target) return diagnostic;
    const ruleId = ruleIdFromDocsUrl(code.target.toString(true));
    if (!ruleId) return diagnostic;
    const parts = handlerUriParts(this.extension.id, ruleId);
    diagnostic.code = { value: code.value, target: vscode.Uri.from({ scheme: vscode.env.uriScheme, ...parts }) };
    return diagnostic;
  }
}
