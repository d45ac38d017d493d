// Command ids the extension contributes (package.json `contributes.commands`). The server's own commands
// (hygiene.fixAll, hygiene.scanWorkspace) are different ids: the language client registers those when the server
// announces them, and two registrations of one id would fail.
export const ClientCommands = {
  scanWorkspace: 'hygiene.client.scanWorkspace',
  fixAll: 'hygiene.client.fixAll',
  showShipSets: 'hygiene.showShipSets',
  refreshShipSets: 'hygiene.refreshShipSets',
  restartServer: 'hygiene.restartServer',
  showOutput: 'hygiene.showOutput',
  showRuleDocumentation: 'hygiene.client.showRuleDocumentation',
  openWalkthrough: 'hygiene.openWalkthrough',
} as const;

/** The walkthrough's id in package.json `contributes.walkthroughs`; VS Code addresses it as `<extension id>#<this>`. */
export const WALKTHROUGH_ID = 'hygiene.gettingStarted';
