/**
 * `npm run bench`: matcher throughput on a generated 10 MB corpus with the built-in glossary plus
 * 5,000 extra terms, beside a naive baseline measured in the same run (one regex alternation of
 * every term). Figures are medians of several runs.
 */
import { spawnSync } from 'child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { compileMatcher } from '../src/core/matcher';
import { formsOf, glossaryFromJson, parseGlossary } from '../src/core/glossary';
import { compileGlossary } from '../src/core/analyze';
import { isAcronym } from '../src/core/chars';
import { parseBuiltinGlossary } from '../src/node/builtin';
import { extraTerms, generateCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '../..');
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(times), result };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function main(): void {
  const sizeMb = Number(process.env.BENCH_MB ?? 10);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const builtin = parseBuiltinGlossary(ROOT);
  const extra = extraTerms(5000);
  const patterns = [
    ...builtin.entries.flatMap((e) => formsOf(e).map((f) => ({ text: f, caseSensitive: e.caseSensitive ?? isAcronym(f), value: e.id }))),
    ...extra.map((t) => ({ text: t, caseSensitive: false, value: t })),
  ];
  const text = generateCorpus(ROOT, sizeMb * MB, extra);
  const bytes = Buffer.byteLength(text);
  console.log(`corpus: ${(bytes / MB).toFixed(1)} MB, ${patterns.length} patterns (${builtin.entries.length} built-in entries + ${extra.length} extra terms), median of ${runs} runs\n`);

  const compile = time(runs, () => compileMatcher(patterns));
  const matcher = compile.result;
  const ours = time(runs, () => matcher.findAll(text));

  // Baseline: one case-insensitive regex alternation of every form, longest first — what a naive
  // implementation does. (With the `u` flag or \b word boundaries V8 gets ~1000× slower still, so
  // the baseline is the plain form; it is more lenient than the matcher, which checks boundaries.)
  const alternation = patterns
    .map((p) => p.text)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  const regexCompile = time(1, () => new RegExp(alternation, 'gi'));
  const regex = regexCompile.result;
  const naiveRuns = Math.max(1, Math.min(runs, 3));
  const naive = time(naiveRuns, () => {
    let n = 0;
    regex.lastIndex = 0;
    while (regex.exec(text)) n++;
    return n;
  });

  const mbps = (ms: number) => bytes / MB / (ms / 1000);
  const row = (name: string, ms: number, extraInfo: string) => console.log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms ${mbps(ms).toFixed(1).padStart(8)} MB/s  ${extraInfo}`);
  console.log('matcher (one pass, all terms)');
  console.log(`${'  compile automaton'.padEnd(34)} ${compile.ms.toFixed(1).padStart(9)} ms`);
  row('  findAll (Aho–Corasick)', ours.ms, `${ours.result.length} matches`);
  row('  baseline: regex alternation', naive.ms, `${naive.result} matches (median of ${naiveRuns})`);
  console.log(`  speed-up over baseline: ${(naive.ms / ours.ms).toFixed(1)}×`);

  glossaryCompile(runs);
  extractVersusGrep(text, extra, patterns.map((p) => p.text), runs);
  scaling();
}

/** A 10,000-entry glossary parsed, validated and compiled; the built-in glossary made ready from its precompiled JSON. */
function glossaryCompile(runs: number): void {
  const terms = extraTerms(10000, 3);
  const yaml = 'terms:\n' + terms.map((t, i) => `  - term: ${t}\n    kind: concept\n    aliases: [${t} ${i}]\n    summary: Entry ${i}.\n`).join('');
  const parse = time(runs, () => parseGlossary(yaml, 'bench.glossary.yaml'));
  const compile = time(runs, () => compileGlossary(parse.result));
  const json = readFileSync(path.join(ROOT, 'dist/builtin-glossary.json'), 'utf8');
  const builtin = time(runs, () => compileGlossary(glossaryFromJson(JSON.parse(json))));
  console.log(`\nglossaries (median of ${runs} runs)`);
  console.log(`  10,000 entries: parse + validate ${parse.ms.toFixed(1)} ms, compile ${compile.ms.toFixed(1)} ms, total ${(parse.ms + compile.ms).toFixed(1)} ms (${parse.result.problems.length} problems)`);
  console.log(`  built-in (${builtin.result.glossary.entries.length} entries) from dist/builtin-glossary.json: ${builtin.ms.toFixed(1)} ms`);
}

/** Time per MB of `extract --format json` at 1 MB and at 50 MB, and peak memory for 10 MB with a 10,000-term glossary. */
function scaling(): void {
  if (process.env.BENCH_SKIP_SCALING) return;
  const dir = path.join(ROOT, '.bench');
  const cli = path.join(ROOT, 'dist/cli.js');
  const terms = extraTerms(10000, 5);
  const glossary = path.join(dir, 'terms10k.glossary.yaml');
  writeFileSync(glossary, 'terms:\n' + terms.map((t) => `  - term: ${t}\n    kind: concept\n`).join(''));
  const run = (mb: number) => {
    const file = path.join(dir, `corpus-${mb}.txt`);
    writeFileSync(file, generateCorpus(ROOT, mb * MB, terms, 100 + mb));
    const out = openSync(path.join(dir, 'out.tmp'), 'w');
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, 'extract', file, '--glossary', glossary, '--format', 'json'], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    closeSync(out);
    const [seconds, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    return { seconds, mbPeak: kb / 1024 };
  };
  if (!existsSync('/usr/bin/time')) {
    console.log('\nscaling: /usr/bin/time is not installed (Debian package "time"); skipped');
    return;
  }
  const one = run(1);
  const ten = run(10);
  const fifty = run(50);
  console.log(`\nscaling, extract --format json with 10,000 extra terms (one run each, whole processes)`);
  console.log(`   1 MB: ${(one.seconds * 1000).toFixed(0)} ms (${(one.seconds * 1000).toFixed(0)} ms/MB), peak ${one.mbPeak.toFixed(0)} MB`);
  console.log(`  10 MB: ${(ten.seconds * 1000).toFixed(0)} ms (${((ten.seconds * 1000) / 10).toFixed(0)} ms/MB), peak ${ten.mbPeak.toFixed(0)} MB`);
  console.log(`  50 MB: ${(fifty.seconds * 1000).toFixed(0)} ms (${((fifty.seconds * 1000) / 50).toFixed(0)} ms/MB), peak ${fifty.mbPeak.toFixed(0)} MB`);
  console.log(`  time per MB at 50 MB / at 1 MB: ${(fifty.seconds / 50 / one.seconds).toFixed(2)} (process start-up and glossary compile weigh on the 1 MB run)`);
}

/**
 * Corpus extraction end to end — `extract --format json` (terms, commitments and JSON output, in a
 * fresh process) — beside GNU grep finding the terms alone, in a UTF-8 locale and byte-level.
 */
function extractVersusGrep(text: string, extra: string[], forms: string[], runs: number): void {
  const dir = path.join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const corpus = path.join(dir, 'corpus.txt');
  const glossary = path.join(dir, 'extra.glossary.yaml');
  const termsFile = path.join(dir, 'terms.txt');
  writeFileSync(corpus, text);
  writeFileSync(glossary, 'terms:\n' + extra.map((t) => `  - term: ${t}\n    kind: concept\n`).join(''));
  writeFileSync(termsFile, forms.join('\n') + '\n');
  // Output goes to a file, not /dev/null: GNU grep notices /dev/null and stops at the first match.
  const outFile = path.join(dir, 'out.tmp');
  const timeCommand = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
    time(runs, () => {
      const out = openSync(outFile, 'w');
      const r = spawnSync(cmd, args, { stdio: ['ignore', out, 'pipe'], env, maxBuffer: 1 << 30 });
      closeSync(out);
      if (r.status !== 0 && !(cmd === 'grep' && r.status === 1)) throw new Error(`${cmd} failed: ${r.stderr}`);
      return r.status;
    });
  const cli = path.join(ROOT, 'dist/cli.js');
  const ours = timeCommand(process.execPath, [cli, 'extract', corpus, '--glossary', glossary, '--format', 'json']);
  const grepUtf8 = timeCommand('grep', ['-o', '-i', '-F', '-f', termsFile, corpus], { ...process.env, LC_ALL: 'C.UTF-8' });
  const grepC = timeCommand('grep', ['-o', '-i', '-F', '-f', termsFile, corpus], { ...process.env, LC_ALL: 'C' });
  const mb = Buffer.byteLength(text) / MB;
  const row = (name: string, ms: number) => console.log(`${name.padEnd(46)} ${ms.toFixed(0).padStart(7)} ms ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
  console.log(`\ncorpus extraction, ${mb.toFixed(1)} MB, built-in glossary + ${extra.length} extra terms (median of ${runs} runs, whole processes)`);
  row('  extract --format json (terms+commitments+JSON)', ours.ms);
  row('  grep -o -i -F -f terms.txt, LC_ALL=C.UTF-8', grepUtf8.ms);
  row('  grep -o -i -F -f terms.txt, LC_ALL=C (bytes)', grepC.ms);
  console.log(`  extract vs UTF-8 grep: ${(grepUtf8.ms / ours.ms).toFixed(2)}× faster; vs byte-level grep: ${(ours.ms / grepC.ms).toFixed(1)}× slower`);
}

main();
