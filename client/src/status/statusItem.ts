// The status bar item: a spinner while the server scans, then the problem count; a click opens the Problems panel.
import * as vscode from 'vscode';
import type { StatusParams } from '../protocol';

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
    if (status.state === 'scanning') {
      this.set('$(sync~spin) Hygiene', 'HygieneLsp: scanning the workspace');
      return;
    }
    const problems = Math.max(0, Math.floor(status.problems ?? 0));
    this.set(
      problems === 0 ? '$(check) Hygiene' : `$(warning) Hygiene: ${problems}`,
      problems === 0 ? 'HygieneLsp: nothing unwanted would ship' : `HygieneLsp: ${problems} problem${problems === 1 ? '' : 's'}`,
    );
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
