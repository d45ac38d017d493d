// Small, DOM-level helpers over the VS Code workbench in the browser. Selectors are VS Code's own class names
// (stable across many releases); each helper waits instead of sleeping.

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await page.waitForSelector('.part.statusbar', { timeout: 60_000 });
  // Extensions finish activating after the shell is drawn; the explorer tree is a good sign the folder is open.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  // A view still taking focus (one a previous step opened) can close the palette as it opens: open it again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

export async function openProblems(page) {
  await runCommand(page, 'View: Focus Problems');
  await page.waitForSelector('.markers-panel', { timeout: 10_000 });
}

/**
 * Types into the Problems panel's filter box (empty clears it). The panel's list is virtualised: rows scrolled out of
 * view are not in the DOM, so a check for one file's problem filters the list down to that file first.
 */
export async function filterProblems(page, text) {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  await new Promise(r => setTimeout(r, 400));
}

/** Every row of the Problems tree as `{ label, text }` (aria-label names file, message and position). */
export async function problemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row', rows =>
    rows.map(r => ({ label: r.getAttribute('aria-label') ?? '', text: (r.textContent ?? '').replace(/\u00a0/g, ' ') })),
  );
}

export async function waitFor(what, probe, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

export async function openFile(page, name) {
  await page.keyboard.press(`${mod}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 15_000 });
}

/**
 * The text of every rendered line of the active editor that carries a squiggle of the given severity.
 * Monaco draws squiggles in `.view-overlays`, one absolutely positioned div per line, at the same `top` as the line.
 */
export async function squiggledLines(page, severity = 'warning') {
  return page.evaluate(sev => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor') ??
      document.querySelector('.monaco-editor');
    if (!editor) return [];
    const lines = [...editor.querySelectorAll('.view-lines .view-line')].map(l => ({
      top: l.style.top,
      text: (l.textContent ?? '').replace(/\u00a0/g, ' '),
    }));
    const tops = new Set(
      [...editor.querySelectorAll(`.view-overlays .squiggly-${sev}`)].map(s => s.parentElement?.style.top ?? ''),
    );
    return lines.filter(l => tops.has(l.top)).map(l => l.text);
  }, severity);
}

/** Focuses the Explorer's "What ships" view via its command and returns the texts of its rows. */
export async function shipSetRows(page) {
  return page.$$eval('.pane:has(.pane-header[aria-label*="What ships" i]) .monaco-list-row', rows =>
    rows.map(r => ({
      label: r.getAttribute('aria-label') ?? '',
      text: (r.textContent ?? '').replace(/\u00a0/g, ' '),
      flagged: r.querySelector('.codicon-warning') !== null,
      expanded: r.getAttribute('aria-expanded'),
    })),
  );
}

export async function statusBarText(page) {
  return page.$$eval('.part.statusbar .statusbar-item', items =>
    items
      .map(i => ({
        text: (i.textContent ?? '').trim(),
        icons: [...i.querySelectorAll('.codicon')].map(c => c.className),
      }))
      .filter(i => i.text.includes('Hygiene')),
  );
}
