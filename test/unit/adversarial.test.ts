/**
 * The adversarial battery: hostile input that once crashed the process or froze it. Each case
 * names the defect it guards against. (The CLI's own bad-input battery is in cli.test.ts.)
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { MAX_BLOCK_CHARS, splitBlocks } from '../../src/core/analyze';
import { parseGlossary } from '../../src/core/glossary';
import { MAX_SPAN_DEPTH, MAX_STATEMENT_PROBLEMS, parseStatement } from '../../src/core/statement';
import { analyze, ROOT } from './helpers';

/** Milliseconds `fn` takes, once. A bound checked with it is far above the real figure: it fails only on a freeze. */
function elapsed(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

describe('adversarial input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'da-adversarial-'));
  const cli = path.join(ROOT, 'dist/cli.js');
  const deepList = 'terms:\n  - ' + '- '.repeat(100000) + 'x';

  it('two glossaries nested 100,000 levels deep give located errors, not a crashed process', () => {
    writeFileSync(path.join(dir, 'a.glossary.yaml'), deepList);
    writeFileSync(path.join(dir, 'b.glossary.yaml'), deepList);
    const run = spawnSync(process.execPath, [cli, 'check', 'a.glossary.yaml', 'b.glossary.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(run.signal, null, run.stderr.slice(-500));
    assert.strictEqual(run.status, 1);
    assert.deepStrictEqual(run.stderr.trim().split('\n'), [
      'a.glossary.yaml:2:130: error: YAML nesting deeper than 64 levels is refused',
      'b.glossary.yaml:2:130: error: YAML nesting deeper than 64 levels is refused',
    ]);
  });

  it('the same nesting in a glossary read twice in one process, or in front matter, is refused', () => {
    for (let i = 0; i < 2; i++) assert.match(parseGlossary(deepList, 'g.yaml').problems[0].message, /nesting deeper than 64 levels/);
    const statement = '---\ntitle: T\nk:\n  - ' + '- '.repeat(100000) + 'x\n---\nChina will deepen cooperation with Belarus.\n';
    const a = analyze(statement);
    assert.deepStrictEqual(
      a.warnings.map((w) => w.message),
      ['front matter: YAML nesting deeper than 64 levels is refused'],
    );
    assert.deepStrictEqual(
      a.commitments.map((c) => c.trigger),
      ['will deepen'],
      'the text is still analysed',
    );
  });

  it('a front-matter alias bomb is a located warning; the text is still analysed', () => {
    const lines = ['---', 'a: &a [x,x,x,x,x,x,x,x,x]'];
    let prev = 'a';
    for (const n of ['b', 'c', 'd', 'e', 'f', 'g']) {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    lines.push('---', 'China will deepen cooperation with Belarus.');
    const a = analyze(lines.join('\n'));
    assert.deepStrictEqual(
      a.warnings.map((w) => [w.start, w.message]),
      [[4, 'front matter is ignored: its aliases expand too much']],
    );
    assert.deepStrictEqual(
      a.commitments.map((c) => c.trigger),
      ['will deepen'],
    );
  });

  it('reads 400 KB of `a]{ ` and of `[[x ` in linear time, with a bounded list of problems', () => {
    for (const unit of ['a]{ ', '[[x ', '[x]{.party "', '[x]{ "a" ']) {
      const text = unit.repeat(100000) + '{.party}';
      let parsed!: ReturnType<typeof parseStatement>;
      const ms = elapsed(() => (parsed = parseStatement(text)));
      assert.ok(ms < 2000, `${unit}: ${ms} ms (was 46 s for 'a]{ ')`);
      assert.ok(parsed.problems.length <= MAX_STATEMENT_PROBLEMS + 2, `${unit}: ${parsed.problems.length} problems`);
      assert.strictEqual(parsed.plain.length, text.length);
    }
  });

  it('spans nested 10,000 deep are read to a bounded depth, so output stays proportional to the input', () => {
    const text = '['.repeat(10000) + 'China' + ']{.party}'.repeat(10000);
    const parsed = parseStatement(text);
    assert.strictEqual(parsed.annotations.length, MAX_SPAN_DEPTH);
    assert.match(parsed.problems[0].message, /nested deeper than 32 levels/);
    assert.match(parsed.problems[parsed.problems.length - 1].message, /^\d+ more problems in this statement are not shown$/);
    const annotatedChars = parsed.annotations.reduce((n, a) => n + a.span.end - a.span.start, 0);
    assert.ok(annotatedChars < 40 * text.length);
  });

  it('cuts text without sentence punctuation into blocks the editor can analyse in slices', () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `the two sides will deepen cooperation with China and Belarus in field ${i}`).join('\n');
    const oneLine = 'word '.repeat(200000);
    for (const text of [lines, oneLine]) {
      const blocks = splitBlocks(text);
      assert.ok(blocks.length > 10);
      assert.ok(
        blocks.every((b) => b.end - b.start <= MAX_BLOCK_CHARS),
        'no block longer than the limit',
      );
      assert.deepStrictEqual(
        blocks.map((b, i) => (i === 0 ? b.start : b.start - blocks[i - 1].end)),
        blocks.map(() => 0),
        'blocks tile the text',
      );
      assert.strictEqual(blocks[blocks.length - 1].end, text.length);
    }
    // Ordinary text is cut as before: at sentence ends and blank lines only.
    const text = 'We agree.\nWe will\ncooperate.\n\nThey support it.';
    assert.deepStrictEqual(
      splitBlocks(text).map((b) => text.slice(b.start, b.end)),
      ['We agree.\n', 'We will\ncooperate.\n', '\n', 'They support it.'],
    );
  });
});
