/**
 * `BENCH_ONLY=corpus`: the CLI on a corpus (issue 13), whole processes, with their baselines in
 * the same run —
 * - a corpus of 100 statements (~50 KB each, generated) with `--jobs 2` against `--jobs 1`
 *   (the aim: ≥ 1.7× on 2 cores), the two outputs compared byte for byte;
 * - `extract` of one 10 MB file with the built-in glossary against ripgrep finding the built-in
 *   glossary's forms alone (`rg -F -i -o -f terms.txt`), or GNU grep (`grep -F -i -o -f`) when rg
 *   is not installed; and both on an empty file, which is start-up alone;
 * - peak memory (maximum resident set, from /usr/bin/time) of each.
 * Env: BENCH_CORPUS_FILES (100), BENCH_CORPUS_KB (50), BENCH_DIST (see {@link cliPath}).
 */
import { spawnSync } from 'child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { formsOf, glossaryFromJson } from '../src/core/glossary';
import { generateCorpus } from './corpus';

const MB = 1024 * 1024;

/** A whole process's wall time and peak memory. */
export interface Run {
  ms: number;
  peakMb: number;
}

/**
 * The CLI the whole-process figures run: `dist/cli.js`, or the one in the folder BENCH_DIST names —
 * a copy of an earlier `dist/` kept to measure it again beside the current one, in the same conditions.
 */
export function cliPath(root: string): string {
  const dist = process.env.BENCH_DIST;
  if (dist) console.log(`(the CLI of ${dist})`);
  return path.join(dist ? path.resolve(dist) : path.join(root, 'dist'), 'cli.js');
}

/** Wall time (hrtime) and peak memory (/usr/bin/time's %M) of a command, its stdout to `outFile`. */
export function measure(cmd: string, args: string[], outFile: string, okStatus: number[] = [0]): Run {
  const out = openSync(outFile, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  if (r.status === null || !okStatus.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, peakMb: kb / 1024 };
}

/** Median of `runs` runs (wall time and peak memory each by its own median). */
export function medianOf(runs: number, fn: () => Run): Run {
  const all = Array.from({ length: runs }, fn);
  const mid = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { ms: mid(all.map((r) => r.ms)), peakMb: mid(all.map((r) => r.peakMb)) };
}

/**
 * How much faster two threads of pure arithmetic finish the work of one here and now (2 on two
 * idle cores): on a machine shared with other jobs, the ceiling of any `--jobs 2` speed-up.
 */
function parallelCeiling(): number {
  const script = `
    const { Worker } = require('worker_threads');
    const spin = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("worker_threads").parentPort.postMessage(x);';
    const run = (threads) => new Promise((resolve) => {
      const t0 = performance.now();
      let left = threads;
      for (let k = 0; k < threads; k++) new Worker(spin, { eval: true }).on('message', () => --left === 0 && resolve(performance.now() - t0));
    });
    (async () => { const one = await run(1); const two = await run(2); console.log((2 * one) / two); })();`;
  const ratios = [0, 1, 2].map(() => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout));
  return ratios.sort((a, b) => a - b)[1];
}

/** Whether a command runs here. */
function installed(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

export function corpusScale(root: string, text: string, runs: number): void {
  if (!existsSync('/usr/bin/time')) {
    console.log('\ncorpus: /usr/bin/time is not installed (Debian package "time"); skipped');
    return;
  }
  const cli = cliPath(root);
  const dir = path.join(root, '.bench', 'corpus');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = (name: string) => path.join(root, '.bench', name);

  // 1. A corpus of statements, each one different (its own seed).
  const files = Number(process.env.BENCH_CORPUS_FILES ?? 100);
  const kb = Number(process.env.BENCH_CORPUS_KB ?? 50);
  for (let i = 0; i < files; i++) writeFileSync(path.join(dir, `statement-${String(i).padStart(3, '0')}.txt`), generateCorpus(root, kb * 1024, [], 1000 + i));
  const corpusRun = (jobs: number) => () => measure(process.execPath, [cli, 'extract', dir, '--format', 'jsonl', '--jobs', String(jobs)], out(`corpus-jobs${jobs}.jsonl`));
  const one = medianOf(runs, corpusRun(1));
  const two = medianOf(runs, corpusRun(2));
  const same = readFileSync(out('corpus-jobs1.jsonl')).equals(readFileSync(out('corpus-jobs2.jsonl')));
  console.log(`\ncorpus: ${files} statements of ${kb} KB, extract DIR --format jsonl, built-in glossary (median of ${runs} runs, whole processes)`);
  console.log(`  --jobs 2                                  ${two.ms.toFixed(0).padStart(7)} ms, peak memory ${two.peakMb.toFixed(0)} MB`);
  console.log(`    baseline: --jobs 1                      ${one.ms.toFixed(0).padStart(7)} ms, peak memory ${one.peakMb.toFixed(0)} MB`);
  console.log(`  speed-up: ${(one.ms / two.ms).toFixed(2)}× (aim ≥ 1.7× on 2 cores); outputs ${same ? 'byte-identical' : 'DIFFER'}`);
  const ceiling = parallelCeiling();
  console.log(`    the machine's ceiling in this run: the same arithmetic on 2 threads finishes ${ceiling.toFixed(2)}× as fast as on 1 (2.00 on 2 idle cores)`);

  // 2. One large file against a literal search for the same terms.
  const big = out('corpus-10mb.txt');
  writeFileSync(big, text);
  const empty = out('empty.txt');
  writeFileSync(empty, '');
  const glossary = glossaryFromJson(JSON.parse(readFileSync(path.join(root, 'dist/builtin-glossary.json'), 'utf8')));
  const forms = [...new Set(glossary.entries.flatMap((e) => formsOf(e)))];
  const termsFile = out('builtin-terms.txt');
  writeFileSync(termsFile, forms.join('\n') + '\n');
  // ripgrep when installed; else GNU grep (which reads a corpus like this ~10× slower in UTF-8).
  const rg = installed('rg');
  const search = rg
    ? { cmd: 'rg', args: ['-F', '-i', '-o', '-f', termsFile], name: 'rg -F -i -o -f terms.txt' }
    : { cmd: 'grep', args: ['-F', '-i', '-o', '-f', termsFile], name: 'grep -F -i -o -f terms.txt' };
  const mb = Buffer.byteLength(text) / MB;
  const ours = medianOf(runs, () => measure(process.execPath, [cli, 'extract', big, '--format', 'json'], out('extract-10mb.json')));
  // Exit status 1 is "nothing found" for both searchers.
  const theirs = medianOf(runs, () => measure(search.cmd, [...search.args, big], out('search-10mb.txt'), [0, 1]));
  const oursEmpty = medianOf(runs, () => measure(process.execPath, [cli, 'extract', empty, '--format', 'json'], out('extract-empty.json')));
  const theirsEmpty = medianOf(runs, () => measure(search.cmd, [...search.args, empty], out('search-empty.txt'), [0, 1]));
  console.log(`\ncorpus: one ${mb.toFixed(1)} MB file, built-in glossary (${forms.length} forms; median of ${runs} runs, whole processes)`);
  console.log(`  extract --format json (terms+commitments+JSON)  ${ours.ms.toFixed(0).padStart(7)} ms, peak memory ${ours.peakMb.toFixed(0)} MB`);
  console.log(`    baseline: ${search.name.padEnd(36)} ${theirs.ms.toFixed(0).padStart(7)} ms, peak memory ${theirs.peakMb.toFixed(0)} MB (terms alone)`);
  console.log(`  extract / ${search.cmd}: ${(ours.ms / theirs.ms).toFixed(2)}× the time (aim: ≤ 1)`);
  console.log(
    `  start-up (an empty file): extract ${oursEmpty.ms.toFixed(0)} ms, peak ${oursEmpty.peakMb.toFixed(0)} MB; ${search.cmd} ${theirsEmpty.ms.toFixed(0)} ms, peak ${theirsEmpty.peakMb.toFixed(0)} MB`,
  );
}
