// Regenerates the README's screenshots of the real UI (not part of npm test):
//
//   npm run build && npm run setup:host && node test/e2e/screenshots.mjs [OUT_DIR]
//
// images/hover.png       Default Dark Modern: the reference statement, highlighted, with
//                        the hover on "one-China principle"
// images/note.png        Default Dark Modern: the MoU sample, the hover on its annotated
//                        commitment with the note "no funding is named"
// images/outline.png     Default Dark Modern: the Outline and Commitments views beside the
//                        reference statement, grouped by parties
// images/zh.png          Default Light Modern: the Chinese statement with the hover on 白方
// images/completion.png  Default Light Modern: completions after `{#Bela`, BY's details beside
// images/diagnostic.png  Default Light Modern: the party id BY mistyped "Bealrus" in the front
//                        matter, the Problems panel, and the quick fix "Did you mean `BY`?"
// images/compare.png     Default Light Modern: Compare Commitments with… on an edited copy of the
//                        reference statement (test/fixtures/diff/), the report beside it
//
// DA_SCREENSHOTS=compare.png,hover.png takes only those.
//
// One VS Code session (code-server + headless Chromium) on a temp copy of samples/,
// viewport 1400×850. Every step waits on the DOM; nothing sleeps a fixed time.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toPalettePng } from '../../scripts/png-palette.mjs';
import { REPO, cleanup, copyWorkspace, hoverWord, installSignalHandlers, openFile, runCommand, setColorTheme, withWorkbench } from './lib.mjs';

const OUT = path.resolve(process.argv[2] ?? path.join(REPO, 'images'));
const VIEWPORT = { width: 1400, height: 850 };
const SIDEBAR_WIDTH = 470;
const TIMEOUT = 30_000;

installSignalHandlers();

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Polls `fn` (run in the page) until it returns something truthy. */
async function waitInPage(page, fn, arg, what) {
  try {
    return await (await page.waitForFunction(fn, arg, { timeout: TIMEOUT, polling: 'raf' })).jsonValue();
  } catch (err) {
    err.message = `waiting for ${what}: ${err.message}`;
    throw err;
  }
}

/** Waits until no animation runs in the page (hover fade-ins, tree twisties, theme transitions). */
async function settled(page) {
  await waitInPage(page, () => document.getAnimations().every((a) => a.playState !== 'running'), null, 'animations to end');
  await frames(page);
}

/** Waits until the editor shows a token coloured differently from the default foreground (semantic + TextMate colouring painted). */
async function highlighted(page, term) {
  await waitInPage(
    page,
    (t) => {
      const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line > span > span')];
      const span = spans.find((s) => s.textContent.replace(/\u00a0/g, ' ') === t);
      const plain = spans.find((s) => s.className === 'mtk1');
      return !!span && !!plain && getComputedStyle(span).color !== getComputedStyle(plain).color;
    },
    term,
    `"${term}" to be highlighted`,
  );
}

async function shoot(page, name) {
  await settled(page);
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  const before = statSync(file).size;
  toPalettePng(file); // 256 colours: half the size, the text as crisp
  const kb = Math.round(statSync(file).size / 1024);
  console.log(`${path.relative(process.cwd(), file)}  ${kb} KB (${Math.round(before / 1024)} KB in full colour)`);
  if (kb > 200) console.warn(`  warning: ${name} is over 200 KB`);
}

/** Shows or hides the side bar (Ctrl+B) and waits until it is so. */
async function setSidebarVisible(page, visible) {
  const shown = () => page.evaluate(() => !!document.querySelector('.part.sidebar')?.checkVisibility());
  if ((await shown()) !== visible) await page.keyboard.press('Control+B');
  await waitInPage(page, (v) => !!document.querySelector('.part.sidebar')?.checkVisibility() === v, visible, `the side bar to be ${visible ? 'shown' : 'hidden'}`);
}

/** Drags the sash between the side bar and the editor to `width` px. */
async function setSidebarWidth(page, width) {
  const sidebar = page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await waitInPage(page, (w) => Math.abs(document.querySelector('.part.sidebar').getBoundingClientRect().width - w) < 30, width, 'the side bar to resize');
}

/** Hovers `word` until the hover opens below it (once the editor.hover.above setting has been applied). */
async function hoverBelow(page, word, at) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await hoverWord(page, word, TIMEOUT, { at });
    const below = await page.evaluate(() => {
      const hover = document.querySelector('.monaco-hover:not(.hidden)')?.getBoundingClientRect();
      const cursor = document.querySelector('.editor-instance .monaco-editor .cursors-layer .cursor')?.getBoundingClientRect();
      return !!hover && !!cursor && hover.top >= cursor.bottom - 2;
    });
    if (below) return;
    if (Date.now() > deadline) throw new Error(`the hover over "${word}" still opens above it`);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, VIEWPORT.height / 2);
  }
}

/** Drags the sash above the pane `section` (its header's aria-label) to the height `y`. */
async function dragPaneSash(page, section, y) {
  const header = await page.locator(`.pane-header[aria-label="${section}"]`).boundingBox();
  const sash = await page.evaluate((top) => {
    const sashes = [...document.querySelectorAll('.part.sidebar .monaco-sash.horizontal')].map((e) => e.getBoundingClientRect());
    const near = sashes.filter((r) => r.width > 0).sort((a, b) => Math.abs(a.y + a.height / 2 - top) - Math.abs(b.y + b.height / 2 - top))[0];
    return near && { x: near.x + near.width / 2, y: near.y + near.height / 2 };
  }, header.y);
  if (!sash) throw new Error(`no sash above the ${section}`);
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x, y, { steps: 8 });
  await page.mouse.up();
}

/** Collapses the Explorer's folder section (file list), so the Outline and Commitments views get the height. */
async function collapseFolderSection(page) {
  const header = page.locator('.pane-header[aria-label^="Explorer Section"]');
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  await waitInPage(
    page,
    () => document.querySelector('.pane-header[aria-label^="Explorer Section"]')?.getAttribute('aria-expanded') === 'false',
    null,
    'the folder section to collapse',
  );
}

async function rowsOf(page, section) {
  return page.locator(`.pane:has(> .pane-header[aria-label="${section}"]) .monaco-list-row`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent));
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const folder = copyWorkspace(path.join(REPO, 'samples'));
  // The edited copy the compare report is taken on (not a sample: only in the temp workspace).
  const edited = readFileSync(path.join(REPO, 'test/fixtures/diff/china-belarus-2022-edited.txt'), 'utf8');
  writeFileSync(path.join(folder, 'china-belarus-2022-edited.statement'), `---\ntitle: The reference statement, edited by hand\ndate: 2023-03-01\n---\n${edited}`);
  // No minimap: more room for the text, and smaller files.
  await withWorkbench({ folder, viewport: VIEWPORT, settings: { 'editor.minimap.enabled': false } }, async ({ page, server }) => {
    try {
      await shootAll(page, server);
    } catch (err) {
      const failed = path.join(os.tmpdir(), 'da-screenshots.failed.png');
      await page.screenshot({ path: failed }).catch(() => {});
      err.message += ` (the page as it was: ${failed})`;
      throw err;
    }
  });
}

async function shootAll(page, server) {
  const only = process.env.DA_SCREENSHOTS?.split(',');
  const take = (name) => !only || only.includes(name);
  if (take('hover.png')) await shootHover(page);
  if (take('note.png')) await shootNote(page);
  if (take('outline.png')) await shootOutline(page);
  if (take('zh.png')) await shootChinese(page, server);
  if (take('completion.png')) await shootCompletion(page);
  if (take('diagnostic.png')) await shootDiagnostic(page);
  if (take('compare.png')) await shootCompare(page);
}

/** (g) Compare Commitments with…, light: the edited copy against the reference statement, the report beside it */
async function shootCompare(page) {
  await setColorTheme(page, 'Default Light Modern', 90_000);
  await setSidebarVisible(page, false);
  await openFile(page, 'china-belarus-2022-edited.statement', 90_000);
  await runCommand(page, 'Diplomatic Annotator: Compare Commitments with…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill('china-belarus-2022.statement');
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'china-belarus-2022.statement' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  const report = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  await report.locator('h2', { hasText: 'Negated (1)' }).waitFor({ state: 'visible', timeout: TIMEOUT });
  // The report alone, the editor's whole width: its old and new columns side by side.
  await runCommand(page, 'View: Close Editors in Other Groups');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await waitInPage(page, () => document.querySelectorAll('.tabs-container .tab').length === 1, null, 'the report to be the only tab');
  await report.locator('ins', { hasText: 'firmly' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await shoot(page, 'compare.png');
}

/** Moves the mouse off the editor and waits until no hover is open. */
async function closeHover(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2);
  await waitInPage(page, () => !document.querySelector('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content'), null, 'the hover to close');
}

/** Goes to `line`:`column` with Go to Line (Ctrl+G) in the active editor. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** Whether the first line of the active editor is drawn at its top (line number 1 fully in view). */
function firstLineInView() {
  const editor = document.querySelector('.editor-instance .monaco-editor');
  const guard = editor?.querySelector('.overflow-guard')?.getBoundingClientRect();
  const one = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find((n) => n.textContent.trim() === '1');
  return !!guard && !!one && one.getBoundingClientRect().top >= guard.top - 0.5;
}

/**
 * Scrolls the active editor to its first line with Scroll Line Up (Ctrl+Up: the view moves, the
 * cursor stays), one line at a time until line 1 is drawn at the top. (The mouse wheel is not
 * reliable here: headless Chromium's wheel events sometimes do not reach the editor.)
 */
async function scrollToTop(page) {
  const deadline = Date.now() + TIMEOUT;
  while (!(await page.evaluate(firstLineInView))) {
    if (Date.now() > deadline) throw new Error('the editor did not scroll to its first line');
    await page.keyboard.press('Control+ArrowUp');
    await settled(page);
  }
}

/** (a) hover on a term, dark */
async function shootHover(page) {
  await setColorTheme(page, 'Default Dark Modern', 90_000);
  await openFile(page, 'china-belarus-2022.statement', 90_000);
  await highlighted(page, 'Global Development Initiative');
  await hoverWord(page, 'one-China principle', TIMEOUT);
  await shoot(page, 'hover.png');
  await closeHover(page);
}

/** (b) a note in a hover, dark: the MoU sample's annotated commitment ({note="no funding is named"}) */
async function shootNote(page) {
  await openFile(page, 'mou-annotated.statement');
  await highlighted(page, 'Global Development Initiative');
  const text = await hoverWord(page, 'exchange experts', TIMEOUT);
  if (!/no funding is named/.test(text)) throw new Error(`the hover over "exchange experts" shows no note: ${JSON.stringify(text)}`);
  await shoot(page, 'note.png');
  await closeHover(page);
}

/** (c) Outline + Commitments, dark: the reference statement's commitments grouped by parties */
async function shootOutline(page) {
  await openFile(page, 'china-belarus-2022.statement');
  await collapseFolderSection(page);
  await setSidebarWidth(page, SIDEBAR_WIDTH);
  await runCommand(page, 'Explorer: Focus on Outline View');
  await runCommand(page, 'Diplomatic Annotator: Show Commitments');
  for (const section of ['Outline Section', 'Commitments Section']) {
    await waitInPage(
      page,
      (s) => {
        const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector(':scope > .pane-header')?.getAttribute('aria-label') === s);
        const labels = [...(pane?.querySelectorAll('.monaco-list-row') ?? [])].map((r) => r.getAttribute('aria-label') ?? r.textContent);
        return labels.some((l) => /^China, Belarus/.test(l));
      },
      section,
      `the ${section} to list the group "China, Belarus"`,
    ).catch(async (err) => {
      err.message += `; it shows ${JSON.stringify(await rowsOf(page, section))}`;
      throw err;
    });
  }
  // Room for both: fold the group of the two sides in the Outline (the Commitments view
  // shows it in full) and give the Commitments view the height that frees.
  const outline = page.locator('.pane:has(> .pane-header[aria-label="Outline Section"])');
  const bothSides = outline.locator('.monaco-list-row[aria-label^="China, Belarus"]');
  if ((await bothSides.getAttribute('aria-expanded')) === 'true') await bothSides.locator('.monaco-tl-twistie').click();
  await waitInPage(
    page,
    () =>
      [...document.querySelectorAll('.pane')]
        .find((p) => p.querySelector(':scope > .pane-header')?.getAttribute('aria-label') === 'Outline Section')
        ?.querySelector('.monaco-list-row[aria-label^="China, Belarus"]')
        ?.getAttribute('aria-expanded') === 'false',
    null,
    'the group to fold',
  );
  // The Outline's header and its six rows (the folded group, Belarus and its four), then Timeline's header.
  const outlineTop = (await outline.boundingBox()).y;
  await dragPaneSash(page, 'Commitments Section', outlineTop + 22 * 7 + 22 + 10);
  await waitInPage(
    page,
    () => {
      const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector(':scope > .pane-header')?.getAttribute('aria-label') === 'Commitments Section');
      const rows = [...pane.querySelectorAll('.monaco-list-row')];
      const body = pane.getBoundingClientRect();
      const last = rows.find((r) => /^supports — the Global Development Initiative/.test(r.textContent));
      return !!last && last.getBoundingClientRect().bottom <= body.bottom;
    },
    null,
    'every commitment to show in the Commitments view',
  );
  // Back to the editor (the focused view's outline would otherwise be drawn in the focus colour).
  await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 5, y: 5 } });
  // The cursor in a commitment ("will deepen", line 17), so the breadcrumbs show group > commitment.
  await goTo(page, 17, 16);
  await waitInPage(page, () => /will deepen/.test(document.querySelector('.breadcrumbs-control')?.textContent ?? ''), null, 'the breadcrumbs to show the commitment');
  // Go to Line may have scrolled the line into the middle: show the statement from its top.
  await scrollToTop(page);
  await page.mouse.move(250, 16); // the title bar: no tooltip
  await shoot(page, 'outline.png');
}

/** (d) Chinese statement, light */
async function shootChinese(page, server) {
  await setColorTheme(page, 'Default Light Modern');
  // The statement is short: open the hover below the line, so the text above stays in view.
  // VS Code watches the user settings file and applies the change while running.
  const settingsFile = path.join(server.dirs['user-data'], 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  writeFileSync(settingsFile, JSON.stringify({ ...settings, 'editor.hover.above': false }, null, 2));
  await openFile(page, 'zh-joint-statement.statement');
  // The Commitments view lists them all; the Outline, sized for the picture before, would cut its list.
  const outlineHeader = page.locator('.pane-header[aria-label="Outline Section"]');
  if ((await outlineHeader.getAttribute('aria-expanded')) === 'true') await outlineHeader.click();
  await waitInPage(page, () => document.querySelector('.pane-header[aria-label="Outline Section"]')?.getAttribute('aria-expanded') === 'false', null, 'the Outline to collapse');
  await highlighted(page, '一个中国原则');
  await hoverBelow(page, '白方', '白方支持'); // line 12: the hover leaves line 11 (the Taiwan paragraph) in view
  await shoot(page, 'zh.png');
  await closeHover(page);
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

/** (e) Completions, light: glossary ids after `{#`, found by a name, with the entry beside the list */
async function shootCompletion(page) {
  await openFile(page, 'china-belarus-2022.statement');
  await setSidebarVisible(page, false); // the editor's whole width for the list and its details
  await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('[The Belarusian side]{#Bela');
  await waitInPage(page, () => /BY/.test(document.querySelector('.suggest-widget.visible')?.textContent ?? ''), null, 'the completion list');
  await page.keyboard.press('Control+Space'); // the focused item's details beside the list
  await waitInPage(page, () => /Minsk/.test(document.querySelector('.suggest-details-container')?.textContent ?? ''), null, 'the details of BY');
  await shoot(page, 'completion.png');
  await page.keyboard.press('Escape');
  await waitInPage(page, () => !document.querySelector('.suggest-widget.visible'), null, 'the completion list to close');
  // Back to the text as saved, for the next picture: delete the line typed.
  await page.keyboard.press('Control+Shift+K');
  await waitInPage(
    page,
    () => ![...document.querySelectorAll('.editor-instance .monaco-editor .view-line')].some((l) => l.textContent.includes('{#Bela')),
    null,
    'the typed line to be deleted',
  );
}

/** (f) A statement diagnostic and its quick fix, light: a mistyped party id in the front matter */
async function shootDiagnostic(page) {
  await goTo(page, 4, 15); // parties: [CN, BY]
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Shift+ArrowLeft'); // BY, not the closing bracket
  await page.keyboard.type('Bealrus');
  await page.keyboard.press('ArrowLeft'); // inside the mistyped id
  await waitInPage(
    page,
    () => !!document.querySelector('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-error'),
    null,
    'the diagnostic on "Bealrus"',
  );
  // The problem's message in the Problems panel, then the quick fixes at the cursor.
  await page.keyboard.press('Control+Shift+M'); // View: Toggle Problems
  await waitInPage(
    page,
    () => {
      const problems = document.querySelector('.markers-panel')?.textContent ?? '';
      return /Bealrus/.test(problems) && !/#Bela/.test(problems);
    },
    null,
    'the Problems panel to list the diagnostic (and only it)',
  );
  await page.keyboard.press('Control+1'); // back to the editor, the cursor where it was
  await page.keyboard.press('Control+.');
  await waitInPage(page, () => /Did you mean `?BY`?/.test(document.querySelector('.action-widget')?.textContent ?? ''), null, 'the quick fix "Did you mean BY?"');
  await shoot(page, 'diagnostic.png');
  await page.keyboard.press('Escape');
}

try {
  await main();
} catch (err) {
  console.error(err?.stack ?? err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
