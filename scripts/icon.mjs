// Renders images/icon.svg to images/icon.png (128×128, the Marketplace's size) in headless
// Debian Chromium through playwright-core from the offline host (npm run setup:host).
// Usage: node scripts/icon.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, launchBrowser, cleanup } from '../test/e2e/lib.mjs';

const svg = readFileSync(path.join(REPO, 'images', 'icon.svg'), 'utf8');
const out = path.join(REPO, 'images', 'icon.png');
try {
  const { browser } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`saved ${path.relative(process.cwd(), out)}`);
} finally {
  await cleanup();
}
