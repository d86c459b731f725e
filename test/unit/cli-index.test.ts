import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { runCli } from '../../src/cli';
import { INDEX_CSV_HEADER } from '../../src/core/corpusIndex';
import { COMMITMENT_TYPES } from '../../src/core/lexicon';
import { ROOT } from './helpers';

/** `diplomatic-annotator index …` in this process. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const REAL = path.join(ROOT, 'test/fixtures/real');
const real = (name: string) => path.join(REAL, name);
const ZH = readdirSync(REAL)
  .filter((f) => f.startsWith('zh-china-'))
  .sort()
  .map(real);

/** A CSV line split on commas (the cells used here hold none). */
const cells = (line: string) => line.split(',');

describe('cli index', () => {
  it('prints, for one term, a row per document by date, the count and who supports it (CSV)', async () => {
    const { code, out, err } = await run('index', ...ZH, '--term', 'one-china-principle');
    assert.strictEqual(code, 0, err);
    const [header, ...rows] = out.trimEnd().split('\n');
    assert.strictEqual(header, INDEX_CSV_HEADER);
    assert.deepStrictEqual(header.split(',').slice(-COMMITMENT_TYPES.length), [...COMMITMENT_TYPES]);
    assert.strictEqual(rows.length, ZH.length, 'every document has a row');
    const column = (name: string) => header.split(',').indexOf(name);
    const dates = rows.map((r) => cells(r)[column('date')]);
    assert.deepStrictEqual(dates, [...dates].sort());
    for (const row of rows.map(cells)) {
      const text = readFileSync(row[column('document')], 'utf8');
      assert.strictEqual(row[column('date')], /^date:\s*(\S+)/m.exec(text)![1]);
      // The formula as written in these statements: 一个中国原则.
      assert.strictEqual(Number(row[column('count')]), (text.match(/一个中国原则/g) ?? []).length, row.join(','));
    }
    const bangladesh = rows.map(cells).find((r) => r[column('document')].endsWith('zh-china-bangladesh-2019.statement'))!;
    assert.strictEqual(bangladesh[column('support')], 'CN');
  });

  it('prints JSON: documents with dates and parties, terms with occurrences and their commitments', async () => {
    const files = [real('g20-bali-2022.statement'), real('g7-hiroshima-2023.statement')];
    const { code, out, err } = await run('index', ...files, '--format', 'json');
    assert.strictEqual(code, 0, err);
    const json = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(json), ['documents', 'terms']);
    assert.deepStrictEqual(
      json.documents.map((d: { file: string; date: string }) => [d.file, d.date]),
      [
        [files[0], '2022-11-16'],
        [files[1], '2023-05-20'],
      ],
    );
    const sdgs = json.terms.find((t: { id: string }) => t.id === 'sustainable-development-goals');
    assert.strictEqual(sdgs.term, 'Sustainable Development Goals');
    const inFile = (f: string) => sdgs.occurrences.filter((o: { file: string }) => o.file === f);
    assert.ok(inFile(files[0]).length > 0 && inFile(files[1]).length > 0);
    for (const o of sdgs.occurrences) {
      const line = readFileSync(o.file, 'utf8').split('\n')[o.line - 1];
      assert.strictEqual(line.slice(o.column - 1, o.column - 1 + o.text.length), o.text);
    }
    assert.ok(sdgs.occurrences.some((o: { commitment?: { type: string; parties: string[] } }) => o.commitment?.type === 'pledge' && o.commitment.parties.includes('JP')));
  });

  it('takes a directory and a pattern as extract does, each statement once', async () => {
    const byDirectory = await run('index', REAL, real('zh-china-*.statement'), '--term', 'one-china-principle');
    assert.strictEqual(byDirectory.code, 0, byDirectory.err);
    const rows = byDirectory.out.trimEnd().split('\n').slice(1);
    const statements = readdirSync(REAL).filter((f) => f.endsWith('.statement'));
    assert.strictEqual(rows.length, statements.length);
  });

  it('names a file it cannot read, indexes the others and exits 1', async () => {
    const { code, out, err } = await run('index', real('missing.statement'), real('zh-china-uae-2019.statement'), '--term', 'one-china-principle');
    assert.strictEqual(code, 1);
    assert.match(err, /missing\.statement: error: /);
    assert.match(out, /zh-china-uae-2019\.statement,2019-07-23,1,/);
  });

  it('refuses an unknown term id, a wrong format and no files with exit 2', async () => {
    const unknown = await run('index', real('zh-china-uae-2019.statement'), '--term', 'no-such-id');
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.err, /no glossary entry has the id 'no-such-id'/);
    assert.strictEqual(unknown.out, '');
    assert.strictEqual((await run('index', real('zh-china-uae-2019.statement'), '--format', 'markdown')).code, 2);
    assert.strictEqual((await run('index')).code, 2);
  });
});
