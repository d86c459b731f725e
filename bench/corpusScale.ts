/**
 * `BENCH_ONLY=corpus`: the CLI on a corpus (issue 13), whole processes, with their baselines in
 * the same run —
 * - a corpus of 100 statements (~50 KB each, generated) with `--jobs 2` against `--jobs 1`
 *   (the aim: ≥ 1.7× on 2 cores), the two outputs compared byte for byte;
 * - `extract` of one 10 MB file with the built-in glossary against ripgrep finding the built-in
 *   glossary's forms alone (`rg -F -i -o -f terms.txt`), or GNU grep (`grep -F -i -o -f`) when rg
 *   is not installed; and both on an empty file, which is start-up alone;
 * - peak memory (maximum resident set, from /usr/bin/time) of each.
 * Env: BENCH_CORPUS_FILES (100), BENCH_CORPUS_KB (50), BENCH_DIST (see {@link cliPath}),
 * BENCH_BASELINE_DIST (see {@link baselineCli}).
 */
import { spawnSync } from 'child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { formsOf, glossaryFromJson } from '../src/core/glossary';
import { generateCorpus } from './corpus';

const MB = 1024 * 1024;

/** A whole process's wall time, CPU time (user + system, all its threads) and peak memory. */
export interface Run {
  ms: number;
  cpuMs: number;
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
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  if (r.status === null || !okStatus.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const [kb, user, system] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000, peakMb: kb / 1024 };
}

/**
 * The median run of each command, the commands run in turn `runs` times over (a, b, a, b…), so
 * that a machine whose load changes during the bench weighs on each of them alike.
 */
export function interleaved(runs: number, fns: (() => Run)[]): Run[] {
  const all: Run[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) fns.forEach((fn, i) => all[i].push(fn()));
  const mid = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return all.map((rs) => ({ ms: mid(rs.map((r) => r.ms)), cpuMs: mid(rs.map((r) => r.cpuMs)), peakMb: mid(rs.map((r) => r.peakMb)) }));
}

/**
 * The `dist/` of an earlier build to measure beside the current one, run for run (BENCH_BASELINE_DIST:
 * a copy of `dist/` saved before a change), or undefined.
 */
export function baselineCli(): string | undefined {
  const dist = process.env.BENCH_BASELINE_DIST;
  return dist ? path.join(path.resolve(dist), 'cli.js') : undefined;
}

/** `1234 ms (CPU 2345 ms), peak memory 123 MB`. */
export function describeRun(r: Run): string {
  return `${r.ms.toFixed(0).padStart(7)} ms (CPU ${r.cpuMs.toFixed(0)} ms), peak memory ${r.peakMb.toFixed(0)} MB`;
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
  const corpusRun = (program: string, jobs: number, name: string) => () =>
    measure(process.execPath, [program, 'extract', dir, '--format', 'jsonl', '--jobs', String(jobs)], out(`corpus-${name}-jobs${jobs}.jsonl`));
  // The ceiling of this very work here: the corpus in two halves, two independent `--jobs 1`
  // processes at once (nothing shared, no thread to start), against one process doing it all.
  const halves = [path.join(root, '.bench', 'corpus-half-a'), path.join(root, '.bench', 'corpus-half-b')];
  for (const [h, half] of halves.entries()) {
    rmSync(half, { recursive: true, force: true });
    mkdirSync(half, { recursive: true });
    for (let i = h; i < files; i += 2) {
      const name = `statement-${String(i).padStart(3, '0')}.txt`;
      writeFileSync(path.join(half, name), readFileSync(path.join(dir, name)));
    }
  }
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const halfCommand = (half: string, output: string) => `${quote(process.execPath)} ${quote(cli)} extract ${quote(half)} --format jsonl --jobs 1 > ${quote(out(output))}`;
  const pairRun = () => measure('sh', ['-c', `${halfCommand(halves[0], 'corpus-half-a.jsonl')} & ${halfCommand(halves[1], 'corpus-half-b.jsonl')}; wait`], out('corpus-pair.txt'));
  const before = baselineCli();
  const [one, two, pair, oneBefore, twoBefore] = interleaved(runs, [
    corpusRun(cli, 1, 'current'),
    corpusRun(cli, 2, 'current'),
    pairRun,
    ...(before ? [corpusRun(before, 1, 'baseline'), corpusRun(before, 2, 'baseline')] : []),
  ]);
  const same = readFileSync(out('corpus-current-jobs1.jsonl')).equals(readFileSync(out('corpus-current-jobs2.jsonl')));
  console.log(`\ncorpus: ${files} statements of ${kb} KB, extract DIR --format jsonl, built-in glossary (median of ${runs} runs, whole processes, run in turn)`);
  console.log(`  --jobs 2                                  ${describeRun(two)}`);
  console.log(`    baseline: --jobs 1                      ${describeRun(one)}`);
  console.log(`  speed-up: ${(one.ms / two.ms).toFixed(2)}× (aim ≥ 1.7× on 2 cores); outputs ${same ? 'byte-identical' : 'DIFFER'}`);
  if (before && oneBefore && twoBefore) {
    const sameBefore = readFileSync(out('corpus-baseline-jobs2.jsonl')).equals(readFileSync(out('corpus-current-jobs2.jsonl')));
    console.log(`  the baseline build (${before}), in the same rounds:`);
    console.log(`    --jobs 2                                ${describeRun(twoBefore)}`);
    console.log(`    --jobs 1                                ${describeRun(oneBefore)}`);
    console.log(`    speed-up: ${(oneBefore.ms / twoBefore.ms).toFixed(2)}×; its output and the current one's ${sameBefore ? 'byte-identical' : 'DIFFER'}`);
  }
  const ceiling = parallelCeiling();
  console.log(`    the machine's ceiling in this run: the same arithmetic on 2 threads finishes ${ceiling.toFixed(2)}× as fast as on 1 (2.00 on 2 idle cores)`);
  const pairCeiling = one.ms / pair.ms;
  console.log(`    this work's ceiling: its two halves in two independent --jobs 1 processes at once  ${describeRun(pair)}`);
  console.log(`      = ${pairCeiling.toFixed(2)}× as fast as one process (2.00 on 2 idle cores); --jobs 2 reaches ${((100 * one.ms) / two.ms / pairCeiling).toFixed(0)} % of it`);

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
  const extractRun = (program: string, input: string, output: string) => () => measure(process.execPath, [program, 'extract', input, '--format', 'json'], out(output));
  // Exit status 1 is "nothing found" for both searchers.
  const searchRun = (input: string, output: string) => () => measure(search.cmd, [...search.args, input], out(output), [0, 1]);
  const [ours, theirs, oursBefore] = interleaved(runs, [
    extractRun(cli, big, 'extract-10mb.json'),
    searchRun(big, 'search-10mb.txt'),
    ...(before ? [extractRun(before, big, 'extract-10mb-baseline.json')] : []),
  ]);
  const [oursEmpty, theirsEmpty, oursEmptyBefore] = interleaved(runs, [
    extractRun(cli, empty, 'extract-empty.json'),
    searchRun(empty, 'search-empty.txt'),
    ...(before ? [extractRun(before, empty, 'extract-empty-baseline.json')] : []),
  ]);
  console.log(`\ncorpus: one ${mb.toFixed(1)} MB file, built-in glossary (${forms.length} forms; median of ${runs} runs, whole processes)`);
  console.log(`  extract --format json (terms+commitments+JSON)  ${describeRun(ours)}`);
  console.log(`    baseline: ${search.name.padEnd(36)} ${describeRun(theirs)} (terms alone)`);
  console.log(`  extract / ${search.cmd}: ${(ours.ms / theirs.ms).toFixed(2)}× the time (aim: ≤ 1)`);
  console.log(
    `  start-up (an empty file): extract ${oursEmpty.ms.toFixed(0)} ms, peak ${oursEmpty.peakMb.toFixed(0)} MB; ${search.cmd} ${theirsEmpty.ms.toFixed(0)} ms, peak ${theirsEmpty.peakMb.toFixed(0)} MB`,
  );
  if (before && oursBefore && oursEmptyBefore) {
    const sameBefore = readFileSync(out('extract-10mb-baseline.json')).equals(readFileSync(out('extract-10mb.json')));
    console.log(`  the baseline build, in the same rounds: extract ${describeRun(oursBefore)}, ${(oursBefore.ms / theirs.ms).toFixed(2)}× ${search.cmd}'s time`);
    console.log(`    start-up ${oursEmptyBefore.ms.toFixed(0)} ms; its output and the current one's ${sameBefore ? 'byte-identical' : 'DIFFER'}`);
  }
}
