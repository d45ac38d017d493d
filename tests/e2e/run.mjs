// End-to-end test of the extension in a real VS Code (code-server) driven by headless Chromium:
// the .vsix is installed, a copy of tests/fixtures/<FIXTURE> is opened, and the test asserts that
//   1. the Problems panel lists the findings of files that were never opened; the status bar counts them,
//   2. the "What ships" view shows the package, its files and the flagged map,
//   3. the squiggle is drawn on the config line that causes each finding, and the quick fix from Ctrl+. changes
//      the file (only that line) and the problem disappears,
//   4. "HygieneLsp: Fix all" fixes a file that was never opened,
//   5. a killed server is restarted and reports again,
//   6. a dotnetPath that points nowhere gives an error naming the setting, with buttons,
//   7. "HygieneLsp: Get started" opens the walkthrough with its steps; the What ships step shows its page and its
//      button opens the view,
//   8. a secret in a map's embedded original that is not in the workspace opens, from the Problems panel, as a
//      read-only document of that original with the value masked, at its line,
//   9. the leak reproduction (tests/fixtures/leaked-cli: a bundle, its linked map with the sources, nothing excluding
//      *.map): its errors say why they matter, "Fix all" fixes every one with real fixes (no suppression, no baseline)
//      and What ships then lists the bundle without its map,
// and, with the real server: the status bar shows the error icon, the output channel a scan summary, the rule code in
// the Problems panel opens the rule's page bundled in the .vsix, and on a planted secret the lightbulb names the rule
// in its suppressions, "Show documentation" opens the page, and VS Code's Auto Fix applies the real fix (the value
// moved to an environment variable), never a suppression.
// Usage: node tests/e2e/run.mjs [--vsix FILE] [--fake-server] [--keep]
//   needs CODE_SERVER, CHROMIUM, PLAYWRIGHT_CORE from tools/install-code-server.sh (run.sh sets them up).
//   --fake-server runs tests/e2e/fake-server instead of the C# server (client-only check).
// Screenshots and logs land in tests/e2e/artifacts/.
import { execFileSync } from 'node:child_process';
import {
  chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, installExtension, startCodeServer, writeUserSettings } from './codeServer.mjs';
import { DOCS_LINK, EMBEDDED_SECRET, FIXTURE, PLANTED_SECRET, plantedToken, SHIP_SET, selectedFindings } from './expectations.mjs';
import {
  filterProblems, mod, openFile, openProblems, problemRows, runCommand, shipSetRows, squiggledLines, statusBarText, waitFor,
  waitForWorkbench,
} from './workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const args = process.argv.slice(2);
const fake = args.includes('--fake-server');
const keep = args.includes('--keep');
const vsixArg = args.includes('--vsix') ? resolve(args[args.indexOf('--vsix') + 1]) : undefined;
const artifacts = join(here, 'artifacts');
const started = Date.now();
const findings = selectedFindings();
/** HYGIENE_E2E_SKIP=what-ships skips a check whose server side has not landed yet. */
const skipped = (process.env.HYGIENE_E2E_SKIP ?? '').split(',').map(s => s.trim());

for (const name of ['CODE_SERVER', 'CHROMIUM', 'PLAYWRIGHT_CORE']) {
  if (!process.env[name]) throw new Error(`${name} is not set: eval "$(/work/shared/tools/install-code-server.sh)"`);
}
const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);

const step = message => console.log(`e2e [${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'hygiene-e2e-'));
const workspace = join(tmp, 'workspace', FIXTURE);
const userDataDir = join(tmp, 'user-data');
const extensionsDir = join(tmp, 'extensions');
cpSync(join(repo, 'tests', 'fixtures', FIXTURE), workspace, { recursive: true });
const secretText = PLANTED_SECRET.text(plantedToken());
const embeddedToken = plantedToken();
if (!fake) {
  mkdirSync(dirname(join(workspace, PLANTED_SECRET.file)), { recursive: true });
  writeFileSync(join(workspace, PLANTED_SECRET.file), secretText);
  writeFileSync(join(workspace, EMBEDDED_SECRET.script), 'export{};\n//# sourceMappingURL=telemetry.js.map\n');
  writeFileSync(join(workspace, EMBEDDED_SECRET.mapFile), EMBEDDED_SECRET.mapText(embeddedToken));
}
const originals = new Map(findings.map(f => [f.file, readFileSync(join(workspace, f.file), 'utf8')]));
// What decides whether the package ships the maps; Fix all may exclude them (a files negation or a new .npmignore).
const packaging = new Map(['package.json', '.npmignore', '.gitignore'].map(f => [f, existsSync(join(workspace, f)) ? readFileSync(join(workspace, f), 'utf8') : null]));

let vsix = vsixArg;
if (!vsix) {
  step('building the .vsix (npm run package)');
  vsix = join(tmp, 'hygiene-lsp.vsix');
  execFileSync(process.execPath, [join(repo, 'client', 'scripts', 'package.mjs'), '--out', vsix], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
step(`installing ${vsix}`);
installExtension(process.env.CODE_SERVER, vsix, extensionsDir, userDataDir);

const userSettings = {};
if (fake) {
  // hygiene.dotnetPath pointing at a script: the client runs `<it> <dll> --stdio` and `<it> --list-runtimes`.
  const wrapper = join(tmp, 'fake-dotnet');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nif [ "$1" = "--list-runtimes" ]; then echo "Microsoft.NETCore.App 10.0.0 [/fake]"; exit 0; fi\n` +
      `shift\nexport HYGIENE_FAKE_CRASH_MARKER="${join(tmp, 'crashed')}"\n` +
      `exec "${process.execPath}" "${join(here, 'fake-server', 'server.mjs')}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  userSettings['hygiene.dotnetPath'] = wrapper;
}
// HYGIENE_E2E_TRACE=1: the protocol traffic in the HygieneLsp output log (tests/e2e/artifacts/logs).
if (process.env.HYGIENE_E2E_TRACE) userSettings['hygiene.trace.server'] = 'verbose';
writeUserSettings(userDataDir, userSettings);

const port = await freePort();
step(`starting code-server on 127.0.0.1:${port}`);
const server = await startCodeServer({
  codeServer: process.env.CODE_SERVER,
  port,
  userDataDir,
  extensionsDir,
  logFile: join(artifacts, 'code-server.log'),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const shot = async name => page.screenshot({ path: join(artifacts, `${name}.png`) });
let failed = false;

try {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await waitForWorkbench(page);
  step('workbench ready');

  // 1. Findings of files never opened reach the Problems panel.
  assert((await page.locator('.tabs-container .tab').count()) === 0, 'no editor should be open before the check');
  await openProblems(page);
  for (const finding of findings) {
    await waitFor(
      `a problem in ${finding.file} matching ${finding.message}`,
      async () => hasProblem(await problemRowsOf(finding), finding),
      180_000,
    );
  }
  await filterProblems(page, '');
  if (process.env.HYGIENE_E2E_DEBUG) console.log(JSON.stringify(await problemRows(page), null, 1));
  await shot('01-problems-unopened-files');
  step(`Problems panel lists ${findings.map(f => f.id).join(', ')}`);

  const statusBefore = await waitFor(
    'the status bar problem count',
    async () => problemCount(await statusBarText(page)),
    60_000,
  );
  assert(statusBefore >= findings.length, `status bar shows ${statusBefore} problems, expected >= ${findings.length}`);
  step(`status bar shows ${statusBefore} problem(s)`);
  if (!fake) {
    // A rescan may be running (the item spins meanwhile): wait for its result.
    await waitFor('the error icon in the status bar (an error is listed)',
      async () => (await statusBarText(page)).flatMap(i => i.icons).some(c => c.includes('codicon-error')), 30_000);
    await waitFor('the scan summary in the output channel', async () => /Scan finished in [\d.]+ s: 1 folder, \d+ published unit/.test(clientLog()), 30_000);
    step('status bar shows the error icon; the output channel has the scan summary');
    await checkDocsLink();
  }

  // 2. Before any fix changes what ships: the "What ships" view shows the package, its files, the flagged map.
  if (skipped.includes('what-ships')) step('skipping the What ships check (HYGIENE_E2E_SKIP)');
  else await checkWhatShips();

  // 8. A secret embedded in a map whose original is not in the workspace: the Problems entry opens the masked original.
  if (fake || skipped.includes('embedded')) step('skipping the embedded-original check');
  else await checkEmbeddedSecret();

  // 3, per quick-fix finding: squiggle on the cause's line, then the quick fix from Ctrl+. (or the lightbulb).
  for (const finding of findings.filter(f => f.fixWith === 'quickfix')) await quickFix(finding);
  if (!fake) await autoFixSecret();

  // 4. "HygieneLsp: Fix all" fixes the findings of files that were never opened.
  const rest = findings.filter(f => f.fixWith === 'fixAll');
  if (rest.length > 0) {
    await runCommand(page, 'HygieneLsp: Fix all');
    await runCommand(page, 'File: Save All Files');
    for (const finding of rest) await expectFixed(finding);
    await shot('07-fixed-all');
  }

  const statusAfter = await waitFor(
    'the status bar count to drop',
    async () => {
      const count = problemCount(await statusBarText(page));
      return count !== undefined && count <= statusBefore - findings.length ? { count } : undefined;
    },
    60_000,
  );
  step(`status bar now shows ${statusAfter.count} problem(s)`);

  // 7. The walkthrough: "HygieneLsp: Get started" opens it with its four steps; the What ships step's button focuses the view.
  if (skipped.includes('walkthrough')) step('skipping the walkthrough check (HYGIENE_E2E_SKIP)');
  else await checkWalkthrough();

  // 5. The server dies; the client restarts it and the workspace is analysed again.
  if (skipped.includes('crash')) step('skipping the crash check (HYGIENE_E2E_SKIP)');
  else await checkCrashRestart();

  // 6. A dotnet that does not exist: the server stops and an error says which setting to fix, with buttons.
  if (skipped.includes('missing-runtime')) step('skipping the missing-runtime check (HYGIENE_E2E_SKIP)');
  else await checkMissingRuntime();

  // 9. The leak reproduction, in a window of its own: every finding fixed for real, What ships agrees.
  if (fake || skipped.includes('leak')) step('skipping the leak reproduction');
  else await checkLeakReproduction();
} catch (error) {
  failed = true;
  console.error(`e2e FAILED: ${error instanceof Error ? error.stack : error}`);
  await shot('failure').catch(() => undefined);
} finally {
  await browser.close().catch(() => undefined);
  await server.stop();
  if (existsSync(join(userDataDir, 'logs'))) cpSync(join(userDataDir, 'logs'), join(artifacts, 'logs'), { recursive: true });
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  else console.log(`e2e: kept ${tmp}`);
}
step(failed ? 'FAILED (screenshots and logs in tests/e2e/artifacts)' : 'passed');
process.exit(failed ? 1 : 0);

async function quickFix(finding) {
  await openFile(page, finding.file);
  await waitFor(
    `a squiggle on "${finding.line}" in ${finding.file}`,
    async () => (await squiggledLines(page, finding.squiggle ?? 'warning')).some(t => t.includes(finding.line)),
    60_000,
  );
  await shot(`03-squiggle-${finding.id}`);
  step(`squiggle drawn on ${finding.file}: ${finding.line}`);

  const { index, column } = lineOf(finding);
  await page.keyboard.press(`${mod}+P`);
  await page.locator('.quick-input-widget input').fill(`:${index + 1}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 10_000 });
  const lightbulb = page.locator('.monaco-editor .lightBulbWidget');
  await lightbulb.waitFor({ state: 'visible', timeout: 30_000 });
  await shot(`04-lightbulb-${finding.id}`);
  const menu = page.locator('.context-view .monaco-list');
  await page.keyboard.press(`${mod}+.`);
  if (!(await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) {
    step('Ctrl+. did not open the menu; clicking the lightbulb');
    await lightbulb.click();
  }
  const item = page.locator('.context-view .monaco-list-row', { hasText: finding.fix }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await shot(`05-quickfix-menu-${finding.id}`);
  step(`quick fix offered: ${(await item.textContent())?.trim()}`);
  await item.click();
  await page.keyboard.press(`${mod}+S`);
  await expectFixed(finding);
  assert(!(await squiggledLines(page, finding.squiggle ?? 'warning')).some(t => t.includes(finding.line)), `the squiggle on ${finding.file} stayed`);
  await shot(`06-fixed-${finding.id}`);
}

/** The fix reached the disk, changed only the cause's line, and the problem left the Problems panel. */
async function expectFixed(finding) {
  const original = originals.get(finding.file);
  const { lines, index } = lineOf(finding);
  const fixed = await waitFor(
    `${finding.file} saved with the fix`,
    async () => {
      const text = readFileSync(join(workspace, finding.file), 'utf8');
      return text !== original ? text : undefined;
    },
    30_000,
  );
  const fixedLines = fixed.split('\n');
  assert(fixedLines.length === lines.length, `the fix changed the number of lines of ${finding.file}`);
  fixedLines.forEach((l, i) => {
    if (i === index) assert(finding.fixedLine.test(l), `fixed line is "${l}", expected ${finding.fixedLine}`);
    else assert(l === lines[i], `the fix changed line ${i + 1} of ${finding.file}: "${lines[i]}" -> "${l}"`);
  });
  await waitFor(`the ${finding.id} problem to disappear`, async () => !hasProblem(await problemRowsOf(finding), finding), 60_000);
  step(`fixed ${finding.file} (${finding.fixWith}): "${fixedLines[index].trim()}", problem gone`);
}

/** The rule code in a Problems row links to the rule's page: it opens the copy bundled in the .vsix, in the Markdown preview. */
async function checkDocsLink() {
  await openProblems(page);
  await filterProblems(page, DOCS_LINK.file);
  // The rule code is a link (VS Code's Link widget) in the marker row; the row's other anchors are its actions.
  const link = page.locator('.markers-panel .monaco-list-row a', { hasText: DOCS_LINK.rule }).first();
  await link.waitFor({ state: 'visible', timeout: 15_000 });
  await link.click();
  await waitFor(`${DOCS_LINK.page} open in the Markdown preview`, async () => (await previewTabs(DOCS_LINK.page)) > 0, 30_000);
  await shot('02b-rule-docs-from-problems');
  step(`the ${DOCS_LINK.rule} code in the Problems panel opened the bundled page`);
  await runCommand(page, 'View: Close All Editors');
  await filterProblems(page, '');
}

async function previewTabs(name) {
  return page.locator(`.tabs-container .tab[aria-label*="${name}"]`).count();
}

/** The planted secret: titles in the lightbulb, Show documentation, then Auto Fix applies the preferred (real) fix. */
async function autoFixSecret() {
  const lines = secretText.split('\n');
  const index = lines.findIndex(l => l.includes(PLANTED_SECRET.line));
  // Inside the value, where the diagnostic is: away from it, VS Code's "nearby quick fixes" menu replaces Auto Fix.
  const column = lines[index].indexOf('"') + 3;
  const placeCursor = async () => {
    await openFile(page, PLANTED_SECRET.file.split('/').pop());
    await page.keyboard.press(`${mod}+P`);
    await page.locator('.quick-input-widget input').fill(`:${index + 1}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 10_000 });
  };
  await placeCursor();
  await waitFor(`an error squiggle on the secret in ${PLANTED_SECRET.file}`,
    async () => (await squiggledLines(page, 'error')).some(t => t.includes(PLANTED_SECRET.line)), 60_000);
  const lightbulb = page.locator('.monaco-editor .lightBulbWidget');
  await lightbulb.waitFor({ state: 'visible', timeout: 30_000 });
  const menu = page.locator('.context-view .monaco-list');
  await page.keyboard.press(`${mod}+.`);
  if (!(await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) await lightbulb.click();
  await page.locator('.context-view .monaco-list-row', { hasText: 'Show documentation' }).first().waitFor({ timeout: 30_000 });
  const titles = (await page.$$eval('.context-view .monaco-list-row', rows => rows.map(r => (r.textContent ?? '').trim()))).filter(t => t !== '');
  for (const title of PLANTED_SECRET.titles) assert(titles.some(t => t.startsWith(title)), `the lightbulb should offer "${title}": ${titles.join(' | ')}`);
  assert(titles.some(t => t.startsWith(`Add ${PLANTED_SECRET.rule} to the baseline`)), `the baseline fix should name the rule: ${titles.join(' | ')}`);
  assert(new Set(titles).size === titles.length, `a title is repeated: ${titles.join(' | ')}`);
  await shot('06b-secret-quickfix-menu');
  step(`lightbulb on the secret: ${titles.join(' | ')}`);
  await page.locator('.context-view .monaco-list-row', { hasText: `Show documentation for ${PLANTED_SECRET.rule}` }).first().click();
  await waitFor('github-token.md open in the Markdown preview', async () => (await previewTabs('github-token.md')) > 0, 30_000);
  await shot('06c-secret-docs');
  step(`"Show documentation for ${PLANTED_SECRET.rule}" opened the bundled page`);
  await runCommand(page, 'View: Close All Editors');

  await placeCursor();
  // Auto Fix: applies the preferred quick fix when it is the only one, shows a menu otherwise. Its palette row is
  // clicked by label: pressing Enter would run whichever command the fuzzy match ranks first.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Auto Fix');
  const autoFix = page.locator('.quick-input-list .monaco-list-row[aria-label^="Auto Fix..."]').first();
  await autoFix.waitFor({ state: 'visible', timeout: 15_000 });
  await autoFix.click();
  await page.keyboard.press(`${mod}+S`);
  const fixed = await waitFor(`${PLANTED_SECRET.file} saved with the Auto Fix`, async () => {
    const text = readFileSync(join(workspace, PLANTED_SECRET.file), 'utf8');
    return text !== secretText ? text : undefined;
  }, 30_000);
  assert(!fixed.includes('hygiene-ignore'), `Auto Fix applied a suppression:\n${fixed}`);
  const fixedLines = fixed.split('\n');
  assert(fixedLines.length === lines.length, 'Auto Fix changed the number of lines');
  fixedLines.forEach((l, i) => {
    if (i === index) assert(PLANTED_SECRET.fixedLine.test(l), `Auto Fix wrote "${l}", expected ${PLANTED_SECRET.fixedLine}`);
    else assert(l === lines[i], `Auto Fix changed line ${i + 1}: "${lines[i]}" -> "${l}"`);
  });
  await waitFor('the secret problem to disappear', async () => {
    await filterProblems(page, 'deploy.js');
    return !hygieneProblems(await problemRows(page)).some(p => p.file === PLANTED_SECRET.file);
  }, 60_000);
  await filterProblems(page, '');
  await shot('06d-secret-auto-fixed');
  step(`Auto Fix moved the secret to an environment variable: "${fixedLines[index].trim()}"`);
}

async function checkEmbeddedSecret() {
  await openProblems(page);
  await filterProblems(page, EMBEDDED_SECRET.title);
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'embedded in the source map of telemetry.js.map' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  const label = (await row.getAttribute('aria-label')) ?? '';
  assert(label.includes(`at line ${EMBEDDED_SECRET.line} `), `the problem should be on line ${EMBEDDED_SECRET.line} of the original: "${label}"`);
  await shot('10-embedded-secret-problem');
  await row.click();
  const tab = page.locator(`.tabs-container .tab[aria-label*="${EMBEDDED_SECRET.title}"]`).first();
  await tab.waitFor({ state: 'visible', timeout: 30_000 });
  const lines = await waitFor('the embedded original in the editor', async () => {
    const texts = await page.$$eval('.editor-instance .monaco-editor .view-line', ls => ls.map(l => (l.textContent ?? '').replace(/\u00a0/g, ' ')));
    return texts.some(t => t.includes('uploadToken')) ? texts : undefined;
  }, 30_000);
  const valueLine = lines.find(t => t.includes('uploadToken'));
  assert(valueLine.includes(`"${embeddedToken.slice(0, 4)}${'*'.repeat(8)}`), `the value should be masked after its first characters: "${valueLine}"`);
  assert(!lines.some(t => t.includes(embeddedToken.slice(4, 14))), 'the embedded document shows the secret');
  const cursor = await waitFor('the cursor line in the status bar', async () => {
    const items = await page.$$eval('.part.statusbar .statusbar-item', all => all.map(i => (i.textContent ?? '').trim()));
    const match = items.map(t => /Ln (\d+), Col \d+/.exec(t)).find(Boolean);
    return match ? Number(match[1]) : undefined;
  }, 15_000);
  assert(cursor === EMBEDDED_SECRET.line, `the editor should open at line ${EMBEDDED_SECRET.line}, it is at ${cursor}`);
  // The squiggle is drawn once the document's diagnostics reach the editor, a moment after it opens.
  await waitFor('the secret squiggled in the embedded original', async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0 || undefined, 15_000);
  await shot('10b-embedded-secret-original');
  step(`the Problems entry opened ${EMBEDDED_SECRET.title} from the map, masked, at line ${cursor}`);
  await runCommand(page, 'View: Close All Editors');
  await filterProblems(page, '');
}

async function checkLeakReproduction() {
  const leak = join(tmp, 'workspace', 'leaked-cli');
  cpSync(join(repo, 'tests', 'fixtures', 'leaked-cli'), leak, { recursive: true });
  const before = new Map(readdirSync(leak).filter(f => !f.startsWith('src')).map(f => [f, readFileSync(join(leak, f), 'utf8')]));
  writeUserSettings(userDataDir, userSettings); // back from the missing-runtime check
  await page.goto(`${server.url}/?folder=${encodeURIComponent(leak)}`);
  await waitForWorkbench(page);
  await openProblems(page);
  await filterProblems(page, '');
  const expected = [
    { file: '.npmignore', rule: 'npm/source-map-shipped', why: /1 source map would ship in @acme\/cli, embedding 2 original files/ },
    { file: 'package.json', rule: 'build/bun-sourcemap', why: /writes source maps with the original source code embedded/ },
  ];
  await waitFor('the leak\'s two errors in the Problems panel', async () => {
    const problems = hygieneProblems(await problemRows(page));
    return expected.every(e => problems.some(p => p.file === e.file && e.why.test(p.message))) ? problems : undefined;
  }, 120_000);
  const panel = (await page.locator('.markers-panel').first().textContent()) ?? '';
  for (const e of expected) assert(panel.includes(e.rule), `the Problems panel should name ${e.rule} (it links to the rule's page)`);
  await shot('11-leak-problems');
  step(`the leak reproduction lists ${expected.map(e => e.rule).join(' and ')}, each saying what leaks`);

  await runCommand(page, 'HygieneLsp: Fix all');
  await runCommand(page, 'File: Save All Files');
  await waitFor('no HygieneLsp problem left in the leak reproduction', async () => {
    await filterProblems(page, '');
    return hygieneProblems(await problemRows(page)).length === 0;
  }, 90_000);
  // Fix all edits through workspace/applyEdit, which may land after the first Save All: save again once they are in.
  await runCommand(page, 'File: Save All Files');
  const changed = await waitFor('the fixes saved to disk', async () => {
    const files = [...before].filter(([f, text]) => readFileSync(join(leak, f), 'utf8') !== text).map(([f]) => f);
    return files.length > 0 ? files : undefined;
  }, 30_000);
  for (const f of readdirSync(leak).filter(f => !f.startsWith('src'))) {
    assert(!readFileSync(join(leak, f), 'utf8').includes('hygiene-ignore'), `Fix all suppressed a finding in ${f}`);
  }
  assert(!existsSync(join(leak, '.hygienelsp.json')), 'Fix all wrote a baseline');
  await shot('11b-leak-fixed');
  step(`Fix all fixed the leak for real (changed ${changed.join(', ')}); nothing suppressed`);

  await runCommand(page, 'HygieneLsp: Show what ships');
  let seen = [];
  const rows = await waitFor('@acme/cli in What ships without its map', async () => {
    const all = seen = await shipSetRows(page);
    if (!all.some(r => r.text.includes('@acme/cli'))) return undefined;
    return all.some(r => r.text.startsWith('cli.js') && !r.text.startsWith('cli.js.map')) && !all.some(r => r.text.includes('cli.js.map')) ? all : undefined;
  }, 60_000).catch(error => { throw new Error(`${error.message}; the view shows: ${JSON.stringify(seen.map(r => r.text))}`); });
  assert(!rows.some(r => r.flagged), 'What ships still flags a file');
  await shot('11c-leak-what-ships');
  step('What ships lists @acme/cli with cli.js and without its map');
}

async function checkCrashRestart() {
  // Undo one fix on disk so the restarted server has something to report.
  const finding = findings[0];
  // Fix all also kept the maps out of the package, and tsc's maps are reported only where they ship: undo that too.
  for (const [file, text] of packaging) {
    if (text === null) rmSync(join(workspace, file), { force: true });
    else writeFileSync(join(workspace, file), text);
  }
  writeFileSync(join(workspace, finding.file), originals.get(finding.file));
  await waitFor(`the ${finding.id} problem to come back`, async () => hasProblem(await problemRowsOf(finding), finding), 60_000);
  if (fake) {
    await runCommand(page, 'HygieneLsp: Scan workspace');
    await waitFor('the fake server to crash', async () => existsSync(join(tmp, 'crashed')), 15_000);
  } else {
    const pids = serverPids();
    assert(pids.length === 1, `expected one running server process, found ${pids.length}`);
    process.kill(pids[0], 'SIGKILL');
    await waitFor('the killed server to be gone', async () => !serverPids().includes(pids[0]), 15_000);
  }
  await waitFor('the client to log the restart', async () => clientLog().includes('restarting it'), 30_000);
  await runCommand(page, 'HygieneLsp: Scan workspace');
  await waitFor(`the ${finding.id} problem after the restart`, async () => hasProblem(await problemRowsOf(finding), finding), 60_000);
  step('the server crashed, was restarted, and reports again');
}

/** Ids of the language server processes started from this test's extensions dir (Linux /proc). */
function serverPids() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some(a => a.startsWith(extensionsDir) && a.endsWith('hygiene-lsp.dll'))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The HygieneLsp output channel, as VS Code writes it to the log folder. */
function clientLog() {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  const files = readdirSync(logs, { recursive: true }).filter(f => String(f).endsWith('HygieneLsp.log'));
  return files.map(f => readFileSync(join(logs, String(f)), 'utf8')).join('\n');
}

async function checkMissingRuntime() {
  const missing = join(tmp, 'no-such-dotnet');
  writeUserSettings(userDataDir, { ...userSettings, 'hygiene.dotnetPath': missing });
  const toast = page.locator('.notification-toast', { hasText: 'hygiene.dotnetPath' }).first();
  await toast.waitFor({ state: 'visible', timeout: 60_000 });
  const text = (await toast.textContent()) ?? '';
  assert(text.includes(missing), `the error should name the missing path: "${text}"`);
  for (const button of ['Get .NET 10', 'Set dotnet path', 'Show output']) {
    assert(await toast.locator('.monaco-button', { hasText: button }).count() > 0, `the error should offer "${button}"`);
  }
  await shot('08-missing-runtime');
  step('a missing dotnet is reported with the setting to fix and buttons');
}

async function checkWalkthrough() {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const steps = manifest.contributes.walkthroughs[0].steps.map(s => s.title);
  await runCommand(page, 'HygieneLsp: Get started');
  const container = page.locator('.gettingStartedContainer').first();
  await container.waitFor({ state: 'visible', timeout: 30_000 });
  await waitFor(`the walkthrough "${manifest.contributes.walkthroughs[0].title}" with its steps`, async () => {
    const text = (await container.textContent()) ?? '';
    return text.includes(manifest.contributes.walkthroughs[0].title) && steps.every(t => text.includes(t));
  }, 30_000);
  await shot('09-walkthrough');
  step(`the walkthrough shows ${steps.length} steps: ${steps.join(' / ')}`);

  // The What ships step: select it, see its markdown media, press its button, and the view has focus.
  await container.locator('.getting-started-step', { hasText: 'See what ships' }).first().click();
  const button = container.locator('.getting-started-step.expanded a, .getting-started-step.expanded .monaco-button', { hasText: 'Show what ships' }).first();
  await button.waitFor({ state: 'visible', timeout: 15_000 });
  await waitFor('the step\'s markdown media', async () => {
    for (const frame of page.frames()) {
      if (((await frame.textContent('body').catch(() => '')) ?? '').includes('The What ships view')) return true;
    }
    return false;
  }, 30_000);
  await shot('09b-walkthrough-what-ships-step');
  await button.click();
  await page.locator('.pane-header[aria-label*="What ships" i]').first().waitFor({ state: 'visible', timeout: 15_000 });
  await waitFor('the What ships view to be expanded', async () =>
    (await page.locator('.pane-header[aria-label*="What ships" i]').first().getAttribute('aria-expanded')) === 'true', 15_000);
  await shot('09c-walkthrough-what-ships-opened');
  step('the walkthrough\'s What ships button opens the view');
  await runCommand(page, 'View: Close All Editors');
}

async function checkWhatShips() {
  await runCommand(page, 'HygieneLsp: Show what ships');
  await waitFor(`"${SHIP_SET.unit}" in What ships`, async () => (await shipSetRows(page)).some(r => r.text.includes(SHIP_SET.unit)), 60_000);
  const folderRow = page.locator('.pane:has(.pane-header[aria-label*="What ships" i]) .monaco-list-row', { hasText: SHIP_SET.folder }).first();
  await folderRow.click();
  const fileRow = await waitFor(
    `${SHIP_SET.file} under ${SHIP_SET.folder}`,
    async () => (await shipSetRows(page)).find(r => r.text.includes(SHIP_SET.file)),
    15_000,
  );
  if (SHIP_SET.flagged) assert(fileRow.flagged, `${SHIP_SET.file} should be marked as flagged`);
  await shot('02-what-ships');
  step(`What ships shows ${SHIP_SET.unit} with ${SHIP_SET.folder}/${SHIP_SET.file}${fileRow.flagged ? ' (flagged)' : ''}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Reads the Problems tree: a file row ("1 problems in file tsconfig.json of folder tools") is followed by its marker
 * rows ("Warning: <message> at line 8 and character 5. generated by hygiene"). Returns `{ file, line, message }[]`.
 */
function hygieneProblems(rows) {
  const problems = [];
  let file;
  for (const { label } of rows) {
    const fileRow = /problems? in file (.+) of folder (.+)$/.exec(label);
    if (fileRow) {
      const folder = fileRow[2].replace(/\\/g, '/');
      file = folder === '.' ? fileRow[1] : `${folder}/${fileRow[1]}`;
      continue;
    }
    // VS Code inserts "This problem has references to N locations." before the source when there is related information.
    const marker = /^\w+: (.*) at line (\d+) and character \d+\.(?: This problem has references to \d+ locations?\.)? generated by hygiene/.exec(label);
    if (marker && file) problems.push({ file, line: Number(marker[2]), message: marker[1] });
  }
  return problems;
}

/** The Problems rows of the finding's file: the list is virtualised, so it is filtered down to that file first. */
async function problemRowsOf(finding) {
  await filterProblems(page, finding.file.split('/').pop());
  const rows = await problemRows(page);
  if (process.env.HYGIENE_E2E_DEBUG) console.log(JSON.stringify(rows.map(r => r.label)));
  return rows;
}

/** The finding is listed: its file, the line of its cause, its message. */
function hasProblem(rows, finding) {
  const line = lineOf(finding).index + 1;
  return hygieneProblems(rows).some(p => p.file === finding.file && p.line === line && finding.message.test(p.message));
}

function lineOf(finding) {
  const lines = originals.get(finding.file).split('\n');
  const index = lines.findIndex(l => l.includes(finding.line));
  assert(index >= 0, `"${finding.line}" is not in the fixture's ${finding.file}`);
  return { lines, index, column: lines[index].indexOf(finding.line) + 2 };
}

function problemCount(items) {
  for (const { text, icons } of items) {
    if (icons.some(c => /codicon-(sync|loading)/.test(c))) continue;
    const match = /Hygiene: (\d+)/.exec(text);
    if (match) return Number(match[1]);
    if (icons.some(c => c.includes('codicon-check'))) return 0;
  }
  return undefined;
}
