// End-to-end checks through the browser page itself: a real VS Code (code-server
// + headless Chromium, see test/host/README.md) on a temp copy of samples/, with
// the built extension (npm run build) loaded. Everything is read from the DOM:
// the hover widget, the Outline view, the colours of the rendered tokens.
//
// Run: npm run test:e2e (or node test/e2e/run.mjs, or node --test test/e2e/e2e.test.mjs).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, cleanup, copyWorkspace, hoverWord, installSignalHandlers, openFile, runCommand, withWorkbench } from './lib.mjs';

const STATEMENT = 'china-belarus-2022.statement';
const TIMEOUT = 30_000; // per wait on the UI; start-up gets more

installSignalHandlers(); // Ctrl+C or a crash still stops code-server and Chromium

let page;
let release; // ends the workbench session
let session; // the withWorkbench promise

before(async () => {
  if (!existsSync(path.join(REPO, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const folder = copyWorkspace(path.join(REPO, 'samples'));
  const ready = new Promise((resolve, reject) => {
    session = withWorkbench({ folder, viewport: { width: 1400, height: 850 } }, async (ctx) => {
      resolve(ctx);
      await new Promise((r) => (release = r));
    });
    session.catch(reject); // start-up failed: fail every test with its error
  });
  ({ page } = await ready);
  await openFile(page, STATEMENT, 90_000);
});

after(async () => {
  release?.();
  await session?.catch(() => {});
  await cleanup(); // whatever is left (temp workspace copy)
});

/** The visible hover widget's text, read from the DOM. */
async function hoverDomText() {
  return page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first().innerText();
}

/** Polls `fn` until it returns a truthy value or the deadline passes; returns the last value. */
async function poll(fn, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
}

test('hover on "one-China principle" explains the term and mentions Taiwan', async () => {
  await hoverWord(page, 'one-China principle', TIMEOUT);
  const text = await hoverDomText();
  assert.match(text, /one-China principle/);
  assert.match(text, /Taiwan/);
  await page.keyboard.press('Escape');
});

test('hover on "Belarusian side" names the Republic of Belarus', async () => {
  await hoverWord(page, 'Belarusian side', TIMEOUT);
  const text = await hoverDomText();
  assert.match(text, /Republic of Belarus/);
  await page.keyboard.press('Escape');
});

test('the Outline view lists the commitments grouped by party', async () => {
  await runCommand(page, 'Explorer: Focus on Outline View');
  const outline = page.locator('.pane:has(.pane-header[aria-label="Outline Section"])');
  await outline.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  // The groups start expanded and the pane is short: collapse them so every
  // group is rendered (the tree only renders the rows on screen).
  await outline.locator('.pane-header .action-label[aria-label="Collapse All"]').click();
  const labels = await poll(async () => {
    const rows = await outline.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    // Grouped by the parties the actors resolve to, not by their words ("The two sides" is China and Belarus).
    const want = ['China, Belarus — 9 commitments', 'Belarus — 4 commitments'];
    return want.every((w) => rows.some((r) => r.startsWith(w))) && rows;
  }, 'both party groups in the Outline view').catch(async (err) => {
    const rows = await outline.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    err.message += `; the outline shows: ${JSON.stringify(rows)}`;
    throw err;
  });
  assert.ok(labels.length >= 2);
});

test('"Global Development Initiative" is coloured differently from the plain text beside it', async () => {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } }); // focus the editor again
  const colours = await poll(
    () =>
      page.evaluate(() => {
        const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line > span > span')];
        const text = (s) => s.textContent.replace(/\u00a0/g, ' ');
        const i = spans.findIndex((s) => text(s) === 'Global Development Initiative');
        if (i < 0) return null;
        const next = spans[i + 1]; // " and the "
        if (!next || text(next).trim() !== 'and the') return null;
        const term = getComputedStyle(spans[i]).color;
        const plain = getComputedStyle(next).color;
        return term !== plain ? { term, plain, plainText: text(next) } : null;
      }),
    'a distinct colour on "Global Development Initiative"',
  );
  assert.notEqual(colours.term, colours.plain);

  // And the colour comes from our semantic token, not only from the TextMate grammar:
  // Developer: Inspect Editor Tokens and Scopes at the term.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-instance .find-widget textarea, .editor-instance .find-widget input').first();
  await find.waitFor({ state: 'visible', timeout: TIMEOUT });
  await find.fill('Global Development Initiative');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const inspect = await poll(async () => {
    const t = await page
      .locator('.token-inspect-widget')
      .first()
      .innerText()
      .catch(() => '');
    return /semantic token type/.test(t) && t;
  }, 'the token inspector with a semantic token');
  await page.keyboard.press('Escape');
  assert.match(inspect, /semantic token type\s+initiative/);
});
