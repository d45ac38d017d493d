// The "What ships" tree view in the Explorer. Asks the server for hygiene/shipSets and shows the pure tree built by
// buildShipSetTree; flagged files get a warning icon and a tooltip naming the rules, and a click opens the file.
import * as vscode from 'vscode';
import { formatBytes } from '../format/bytes';
import type { ShipSetsResult } from '../protocol';
import { buildShipSetTree, type ShipSetNode, type UnitNode, UNIT_KIND_LABEL, unitLabel } from './shipSetTree';

export const SHIP_SETS_VIEW_ID = 'hygiene.shipSets';

export type ShipSetsSource = () => Promise<ShipSetsResult | undefined>;

export class ShipSetsView implements vscode.TreeDataProvider<ShipSetNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ShipSetNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private units: UnitNode[] = [];
  private readonly view: vscode.TreeView<ShipSetNode>;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private unsupported = false;

  constructor(
    private readonly source: ShipSetsSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.view = vscode.window.createTreeView(SHIP_SETS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
  }

  /** Coalesces bursts (status notifications, commands): at most one request in flight and one queued. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = this.load().finally(() => {
      this.refreshing = undefined;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    });
    return this.refreshing;
  }

  /** The server stopped: forget its answers (a restarted or newer server may support the request). */
  clear(): void {
    this.unsupported = false;
    this.view.message = undefined;
    this.units = [];
    this.updateMessage();
    this.changed.fire(undefined);
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${SHIP_SETS_VIEW_ID}.focus`);
    await this.refresh();
  }

  private async load(): Promise<void> {
    if (this.unsupported) return;
    try {
      const result = await this.source();
      if (result === undefined) return;
      this.units = buildShipSetTree(result);
    } catch (error) {
      if (isMethodNotFound(error)) {
        // An older server: say so once in the view instead of asking (and logging) on every scan.
        this.unsupported = true;
        this.view.message = 'This HygieneLsp server does not list ship sets yet.';
      }
      this.log.warn(`hygiene/shipSets failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.updateMessage();
    this.changed.fire(undefined);
  }

  private updateMessage(): void {
    const files = this.units.reduce((n, u) => n + u.fileCount, 0);
    const flagged = this.units.reduce((n, u) => n + u.flaggedCount, 0);
    this.view.description = this.units.length === 0 ? undefined : flagged > 0 ? `${flagged} flagged` : undefined;
    this.view.badge =
      flagged > 0 ? { value: flagged, tooltip: `${flagged} of ${files} shipped files flagged` } : undefined;
  }

  getChildren(node?: ShipSetNode): ShipSetNode[] {
    if (!node) return this.units;
    return node.type === 'file' ? [] : node.children;
  }

  getTreeItem(node: ShipSetNode): vscode.TreeItem {
    switch (node.type) {
      case 'unit': {
        const item = new vscode.TreeItem(unitLabel(node), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `unit:${node.kind}:${node.root}`;
        item.description = `${UNIT_KIND_LABEL[node.kind] ?? node.kind} · ${count(node.fileCount, 'file')} · ${formatBytes(node.bytes)}`;
        item.tooltip = new vscode.MarkdownString(
          `**${escape(unitLabel(node))}** (${UNIT_KIND_LABEL[node.kind] ?? node.kind})\n\n${escape(node.root)}\n\n` +
            `${count(node.fileCount, 'file')}, ${formatBytes(node.bytes)}` +
            (node.flaggedCount > 0 ? `, ${node.flaggedCount} flagged` : ''),
        );
        item.iconPath = new vscode.ThemeIcon(
          'package',
          node.flaggedCount > 0 ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined,
        );
        item.contextValue = 'hygiene.unit';
        return item;
      }
      case 'folder': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `folder:${node.unitRoot}:${node.path}`;
        item.description = `${formatBytes(node.bytes)}${node.flaggedCount > 0 ? ` · ${node.flaggedCount} flagged` : ''}`;
        item.iconPath = new vscode.ThemeIcon(
          'folder',
          node.flaggedCount > 0 ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined,
        );
        item.contextValue = 'hygiene.folder';
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.file(node.absolutePath);
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
        item.id = `file:${node.absolutePath}`;
        item.resourceUri = uri;
        item.description = node.predictedFrom ? 'predicted' : formatBytes(node.bytes);
        // A predicted output does not exist yet: open the config line that makes it instead.
        item.command = node.predictedFrom
          ? {
              command: 'vscode.open',
              title: 'Open the config',
              arguments: [
                vscode.Uri.file(node.predictedFrom.path),
                { selection: new vscode.Range(node.predictedFrom.line, 0, node.predictedFrom.line, 0) },
              ],
            }
          : { command: 'vscode.open', title: 'Open', arguments: [uri] };
        const tooltip = new vscode.MarkdownString(
          node.predictedFrom
            ? `**${escape(node.path)}** (predicted build output, not on disk yet)`
            : `**${escape(node.path)}**, ${formatBytes(node.bytes)}`,
        );
        if (node.reason) tooltip.appendMarkdown(`\n\nShips because: ${escape(node.reason)}`);
        if (node.flagged) {
          const rules = node.ruleIds.length > 0 ? node.ruleIds.join(', ') : 'flagged';
          tooltip.appendMarkdown(`\n\n$(warning) Flagged by: ${escape(rules)}`);
          tooltip.supportThemeIcons = true;
          item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
          item.description = `${node.predictedFrom ? 'predicted' : formatBytes(node.bytes)} · ${rules}`;
        } else {
          item.iconPath = node.predictedFrom ? new vscode.ThemeIcon('gear') : vscode.ThemeIcon.File;
        }
        item.tooltip = tooltip;
        item.contextValue = node.flagged ? 'hygiene.file.flagged' : 'hygiene.file';
        return item;
      }
    }
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}

function isMethodNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === -32601;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
