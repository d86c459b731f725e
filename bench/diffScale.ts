/**
 * `BENCH_ONLY=diff`: `diff` of two 1 MB statements (issue 13's aim: under a second), whole CLI
 * processes — the generated corpus, its paragraphs numbered, against an edited copy of it
 * (bench/corpus.ts editStatement: lines dropped, "firmly supports", "will not", a block of lines
 * moved) with `--format json` —
 * beside its baselines in the same run: the CLI's start-up (`diff` of two empty files) and
 * `extract --format json` of the old statement alone (one document's analysis and report).
 * Peak memory and CPU time of each from /usr/bin/time. BENCH_BASELINE_DIST: an earlier build's
 * `diff` too, run in turn with the current one.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { editStatement, generateCorpus } from './corpus';
import { baselineCli, cliPath, describeRun, interleaved, measure, type Run } from './corpusScale';

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
  const node = (program: string, args: string[], out: string) => () => measure(process.execPath, [program, ...args], file(out));
  const before = baselineCli();
  const diffArgs = ['diff', file('old.txt'), file('new.txt'), '--format', 'json'];
  const [both, empty, one, bothBefore] = interleaved(runs, [
    node(cli, diffArgs, 'diff.json'),
    node(cli, ['diff', file('empty-old.txt'), file('empty-new.txt'), '--format', 'json'], 'diff-empty.json'),
    node(cli, ['extract', file('old.txt'), '--format', 'json'], 'extract-old.json'),
    ...(before ? [node(before, diffArgs, 'diff-baseline.json')] : []),
  ]);
  const row = (name: string, r: Run) => console.log(`${name.padEnd(52)} ${describeRun(r)}`);
  console.log(`\ndiff: two ${(Buffer.byteLength(text) / MB).toFixed(1)} MB statements, built-in glossary (median of ${runs} runs, whole processes, run in turn)`);
  row('  diff OLD NEW --format json', both);
  row('    baseline: start-up, diff of two empty files', empty);
  row('    baseline: extract OLD --format json (one document)', one);
  if (before && bothBefore) {
    const same = readFileSync(file('diff-baseline.json')).equals(readFileSync(file('diff.json')));
    row(`  the baseline build: diff OLD NEW --format json`, bothBefore);
    console.log(`    (${before}; its output and the current one's ${same ? 'byte-identical' : 'DIFFER'})`);
  }
  console.log(`  diff: ${(both.ms / 1000).toFixed(2)} s (aim: under 1 s)`);
}
