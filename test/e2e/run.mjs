// Runs the end-to-end tests (test/e2e/*.test.mjs) with node:test, prints them with
// the spec reporter and closes with "N passed, N failed"; exits non-zero on failure.
// Needs `npm run build` and the offline host (`npm run setup:host`).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => path.join(dir, f));

const started = Date.now();
let passed = 0;
let failed = 0;
const stream = run({ files, concurrency: 1, timeout: 10 * 60_000 });
// Count the tests at the top level of each file (a file that fails to load is
// reported as one failed test named after it).
stream.on('test:pass', (t) => {
  if (t.nesting === 0 && !t.skip && !t.todo) passed++;
});
stream.on('test:fail', (t) => {
  if (t.nesting === 0 && !t.todo) failed++;
});

await new Promise((resolve, reject) => {
  const out = stream.compose(spec);
  out.on('data', (chunk) => process.stdout.write(chunk));
  out.on('end', resolve);
  out.on('error', reject);
});
if (passed + failed === 0) failed = 1; // nothing ran: a broken file
console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
