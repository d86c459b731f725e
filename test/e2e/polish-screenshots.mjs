// Screenshots of the colours in the four default themes, and the walkthrough's hover image (not
// part of npm test):
//
//   npm run build && npm run setup:host && node test/e2e/polish-screenshots.mjs [OUT_DIR]
//
// OUT_DIR/colours-<theme>.png  the sample statement in Light Modern, Light+, Dark Modern, Dark+:
//                              parties, principles, institutions and actor phrases to compare
// walkthrough/hover.png        Light Modern: the hover on "one-China principle", cropped small
// images/status.png            Light Modern: the treaty sample with Article 1 folded and the
//                              language status open (glossary entries in use)
//
// One VS Code session (code-server + headless Chromium) on a temp copy of samples/.
import { mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, copyWorkspace, hoverWord, installSignalHandlers, openFile, runCommand, setColorTheme, withWorkbench } from './lib.mjs';

const OUT = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'da-polish-screenshots'));
const VIEWPORT = { width: 1100, height: 900 };
const TIMEOUT = 60_000;

installSignalHandlers();

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function settled(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: TIMEOUT, polling: 'raf' });
  await frames(page);
}

/** Waits until `term` is painted in a colour other than the default foreground, and returns that colour. */
async function colourOf(page, term) {
  const handle = await page.waitForFunction(
    (t) => {
      // A term may be painted in several spans (one per TextMate token): find the run that spells it.
      const text = (e) => e.textContent.replace(/\u00a0/g, ' ');
      let span;
      for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line > span')) {
        const spans = [...line.children];
        for (let i = 0; i < spans.length && !span; i++) {
          let run = '';
          for (let j = i; j < spans.length && run.length < t.length; j++) run += text(spans[j]);
          if (run.startsWith(t) && (run.length === t.length || !/\w/.test(run.charAt(t.length)))) span = spans[i];
        }
      }
      const plain = document.querySelector('.editor-instance .monaco-editor .view-line > span > span.mtk1');
      const colour = span && getComputedStyle(span).color;
      return !!span && !!plain && colour !== getComputedStyle(plain).color && colour;
    },
    term,
    { timeout: 20_000, polling: 'raf' },
  );
  return handle.jsonValue();
}

async function shoot(page, file, options = {}) {
  await settled(page);
  await page.screenshot({ path: file, ...options });
  console.log(`${path.relative(process.cwd(), file)}  ${Math.round(statSync(file).size / 1024)} KB`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const folder = copyWorkspace(path.join(REPO, 'samples'));
  await withWorkbench({ folder, viewport: VIEWPORT, settings: { 'editor.minimap.enabled': false, 'workbench.startupEditor': 'none' } }, async ({ page }) => {
    await openFile(page, 'china-belarus-2022.statement', 90_000);
    for (const theme of ['Default Light Modern', 'Default Light+', 'Default Dark Modern', 'Default Dark+']) {
      await setColorTheme(page, theme, TIMEOUT);
      // Terms of each kind, and an actor phrase, as the real UI paints them.
      const colours = {};
      for (const term of ['Belarusian side', 'one-China principle', 'SCO', 'Global Development Initiative', 'The two sides', 'firmly support']) {
        colours[term] = await colourOf(page, term).catch(async (err) => {
          const failed = path.join(OUT, 'failed.png');
          await page.screenshot({ path: failed });
          const dump = await page.evaluate(
            (t) =>
              [...document.querySelectorAll('.editor-instance .monaco-editor .view-line > span')]
                .filter((l) => l.textContent.includes(t.split(' ')[0]))
                .map((l) => [...l.children].map((c) => `${c.className}|${c.textContent}`)),
            term,
          );
          throw new Error(`"${term}" in ${theme} (${failed}): ${err.message} ${JSON.stringify(dump)}`);
        });
      }
      console.log(theme, JSON.stringify(colours));
      const slug = theme
        .replace(/^Default /, '')
        .toLowerCase()
        .replace(/\+/g, '-plus')
        .replace(/\s+/g, '-');
      await shoot(page, path.join(OUT, `colours-${slug}.png`));
      if (theme === 'Default Light Modern') {
        await hoverWord(page, 'one-China principle', TIMEOUT);
        const hover = await page.locator('.monaco-hover:not(.hidden)').first().boundingBox();
        const cursor = await page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first().boundingBox();
        // The hover and the line of the term it explains.
        const top = Math.max(0, Math.min(hover.y, cursor.y) - 8);
        const bottom = Math.min(VIEWPORT.height, Math.max(hover.y + hover.height, cursor.y + cursor.height) + 8);
        const left = Math.max(0, Math.min(hover.x, cursor.x) - 8);
        const clip = { x: left, y: top, width: Math.min(VIEWPORT.width - left, hover.x + hover.width + 8 - left), height: bottom - top };
        await shoot(page, path.join(REPO, 'walkthrough', 'hover.png'), { clip });
        await page.keyboard.press('Escape');
        await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
      }
    }
    await statusShot(page);
  });
}

/** The treaty sample, Article 1 folded, with the language status open. */
async function statusShot(page) {
  await setColorTheme(page, 'Default Light Modern', TIMEOUT);
  await openFile(page, 'treaty-excerpt.statement', TIMEOUT);
  await colourOf(page, 'The Parties');
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(':9');
  await page.keyboard.press('Enter');
  await runCommand(page, 'Fold', TIMEOUT);
  await page.waitForFunction(() => document.querySelector('.editor-instance .monaco-editor .inline-folded'), null, { timeout: TIMEOUT });
  await page.locator('[id="status.languageStatus"] a, [id="status.languageStatus"]').first().click();
  await page.waitForFunction(() => /glossary entr/.test(document.querySelector('.monaco-hover:not(.hidden)')?.textContent ?? ''), null, { timeout: TIMEOUT });
  await shoot(page, path.join(REPO, 'images', 'status.png'));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
