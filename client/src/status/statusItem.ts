// The status bar item: a spinner while the server scans, then the problem count with the worst severity's icon
// (statusPresentation); a click opens the Problems panel.
import * as vscode from 'vscode';
import type { StatusParams } from '../protocol';
import { statusPresentation } from './statusText';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hygiene.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'HygieneLsp';
    this.item.command = 'workbench.actions.view.problems';
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.set('$(sync~spin) Hygiene', 'HygieneLsp: starting the server');
  }

  /** The server answered initialize; the first hygiene/status will bring the count. */
  running(): void {
    this.set('$(shield) Hygiene', 'HygieneLsp: running');
  }

  update(status: StatusParams): void {
    const { text, tooltip } = statusPresentation(status);
    this.set(text, tooltip);
  }

  stopped(reason: string): void {
    this.set('$(circle-slash) Hygiene', `HygieneLsp: ${reason}`, 'hygiene.showOutput');
  }

  private set(text: string, tooltip: string, command = 'workbench.actions.view.problems'): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
  }

  dispose(): void {
    this.item.dispose();
  }
}
