// Reads the live `hygiene` section of the VS Code configuration through the vscode-free mapping in settings.ts.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../protocol';
import { type ClientSettings, readSettings } from './settings';

export function currentSettings(): ClientSettings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return readSettings(key => config.get(key));
}
