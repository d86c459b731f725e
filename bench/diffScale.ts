/**
 * `BENCH_ONLY=diff`: `diff` of two 1 MB statements (issue 13's aim: under a second), whole CLI
 * processes — the generated corpus, its paragraphs numbered, against an edited copy of it
 * (bench/corpus.ts editStatement: lines dropped, "firmly supports", "will not", a block of lines
 * moved) with `--format json` —
 * beside its baselines in the same run: the CLI's start-up (`diff` of two empty files) and
 * `extract --format json` of the old statement alone (one document's analysis and report).
 * Peak memory of each from /usr/bin/time.
 */
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { editStatement, generateCorpus } from './corpus';
import { cliPath, measure, medianOf } from './corpusScale';

const MB = 1024 * 1024;

export function diffScale(root: string, runs: number): void {
  if (!existsSync('/usr/bin/time')) {
    console.log('\ndiff: /usr/bin/time is not installed (Debian package "time"); skipped');
    return;
  }
  const cli = cliPath(root);
  const dir = path.join(root, '.bench', 'diff');
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  // Numbered paragraphs, so that none repeats within a document (the generated corpus draws its
  // lines from a few statements): what a second document reuses of the first is what it shares.
  const text = generateCorpus(root, MB, [])
    .split('\n')
    .map((line, i) => (line ? `${i + 1}. ${line.replace(/^\d+\.\s+/, '')}` : line))
    .join('\n');
  writeFileSync(file('old.txt'), text);
  writeFileSync(file('new.txt'), editStatement(text));
  writeFileSync(file('empty-old.txt'), '');
  writeFileSync(file('empty-new.txt'), '');
  const node = (args: string[], out: string) => () => measure(process.execPath, [cli, ...args], file(out));
  const both = medianOf(runs, node(['diff', file('old.txt'), file('new.txt'), '--format', 'json'], 'diff.json'));
  const empty = medianOf(runs, node(['diff', file('empty-old.txt'), file('empty-new.txt'), '--format', 'json'], 'diff-empty.json'));
  const one = medianOf(runs, node(['extract', file('old.txt'), '--format', 'json'], 'extract-old.json'));
  const row = (name: string, r: { ms: number; peakMb: number }) => console.log(`${name.padEnd(52)} ${r.ms.toFixed(0).padStart(7)} ms, peak memory ${r.peakMb.toFixed(0)} MB`);
  console.log(`\ndiff: two ${(Buffer.byteLength(text) / MB).toFixed(1)} MB statements, built-in glossary (median of ${runs} runs, whole processes)`);
  row('  diff OLD NEW --format json', both);
  row('    baseline: start-up, diff of two empty files', empty);
  row('    baseline: extract OLD --format json (one document)', one);
  console.log(`  diff: ${(both.ms / 1000).toFixed(2)} s (aim: under 1 s)`);
}
