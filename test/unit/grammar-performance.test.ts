/**
 * Every regular expression of the generated TextMate grammar is safe from catastrophic
 * backtracking: thousands of mutated statement lines tokenize with vscode-textmate, none over
 * LIMIT_MS. A line takes well under 1 ms on a quiet machine; the bound is generous so that a loaded
 * machine (other test runs on two cores) does not fail it, while catastrophic backtracking, which
 * takes seconds, still does. Speed itself is measured by `npm run bench`, not here.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT, fixture } from './helpers';

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) =>
      scope === 'text.statement' ? textmate.parseRawGrammar(readFileSync(path.join(ROOT, 'syntaxes/statement.tmLanguage.json'), 'utf8'), 'statement.tmLanguage.json') : null,
  });
  const grammar = await registry.loadGrammar('text.statement');
  assert.ok(grammar, 'grammar not found: run `npm run build` first');
  return grammar;
}

/** The bound per line (and per 1,000 characters of a long line). */
const LIMIT_MS = 100;

describe('grammar performance', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  /** Tokenizes a line; the time of the fastest of three tries, so a GC pause is not blamed on a regex. */
  function timeLine(line: string): number {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      grammar.tokenizeLine(line, textmate.INITIAL);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      if (best < LIMIT_MS / 10) break;
    }
    return best;
  }

  it(`tokenizes thousands of mutated lines, none over ${LIMIT_MS} ms`, () => {
    const lines = ['china-belarus-2022.txt', 'zh-joint-statement.txt', 'leaders-communique.txt', 'numbered-joint-statement.txt', 'treaty-excerpt.txt']
      .flatMap((f) => fixture(f).split('\n'))
      .filter(Boolean);
    const nasty = [
      '[',
      ']{',
      '{.',
      '#',
      '"',
      '“',
      '(a)',
      '1.',
      'Article ',
      ' ',
      '-',
      '—',
      "'",
      'the ',
      'of the ',
      'People',
      'Republic',
      '中国',
      '倡议',
      'a'.repeat(50),
      '['.repeat(30),
      '{'.repeat(30),
      ' '.repeat(40),
    ];
    const mutatedLine = fc.tuple(fc.constantFrom(...lines), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom(...nasty)), { maxLength: 12 })).map(([line, edits]) =>
      edits.reduce((t, [at, del, ins]) => {
        const i = at % (t.length + 1);
        return t.slice(0, i) + ins + t.slice(i + del);
      }, line),
    );
    const samples = fc.sample(mutatedLine, { numRuns: Number(process.env.GRAMMAR_LINES ?? 2000), seed: 7 });
    let worst = { ms: 0, line: '' };
    for (const line of samples) {
      const ms = timeLine(line);
      if (ms > worst.ms) worst = { ms, line };
    }
    assert.ok(worst.ms < LIMIT_MS, `slowest line took ${worst.ms.toFixed(1)} ms: ${JSON.stringify(worst.line.slice(0, 200))}`);
  });

  it(`stays linear on long pathological lines (under ${LIMIT_MS} ms per 1,000 characters)`, () => {
    const lines = [
      'the People of the Republic of the '.repeat(200),
      '['.repeat(2000) + ']{'.repeat(1000),
      'one China one China '.repeat(300),
      '全球发展'.repeat(500),
      '"'.repeat(3000),
      'Article 1 '.repeat(500),
    ];
    for (const line of lines) {
      const ms = timeLine(line);
      assert.ok(ms / (line.length / 1000) < LIMIT_MS, `${ms.toFixed(1)} ms for ${line.length} characters: ${JSON.stringify(line.slice(0, 60))}`);
    }
  });
});
