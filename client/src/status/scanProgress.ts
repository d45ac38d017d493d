// A progress bar on the Problems panel while the server's first scan of a start runs, so "No problems" is not read as
// a clean workspace before anything was checked. Later scans (after edits) are quick and show only in the status bar.
import * as vscode from 'vscode';
import type { StatusParams } from '../protocol';

/** VS Code's Problems view. */
export const PROBLEMS_VIEW_ID = 'workbench.panel.markers.view';

export class ScanProgress implements vscode.Disposable {
  private finish: (() => void) | undefined;
  private firstScanSeen = false;

  update(status: StatusParams): void {
    if (status.state === 'scanning' && !this.firstScanSeen) {
      this.firstScanSeen = true;
      void vscode.window.withProgress(
        { location: { viewId: PROBLEMS_VIEW_ID }, title: 'HygieneLsp: checking what would ship' },
        () => new Promise<void>(resolve => (this.finish = resolve)),
      );
    } else if (status.state === 'idle') {
      this.stop();
    }
  }

  /** A new server start: its first scan gets the bar again. */
  reset(): void {
    this.stop();
    this.firstScanSeen = false;
  }

  stop(): void {
    this.finish?.();
    this.finish = undefined;
  }

  dispose(): void {
    this.stop();
  }
}
