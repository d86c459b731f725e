import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { analyzeText, type CompiledGlossary } from '../../src/core/analyze';
import {
  INDEX_CSV_HEADER,
  buildCorpusIndex,
  corpusIndexToCsvRows,
  corpusIndexToJson,
  corpusFileGlob,
  corpusSymbols,
  entryAtGlossaryLine,
  matchesSymbolQuery,
  termOccurrences,
  termTimeline,
  timelineToHtml,
  type CorpusDocument,
} from '../../src/core/corpusIndex';
import { formsOf, parseGlossary } from '../../src/core/glossary';
import { loadBuiltinCompiled, loadBuiltinGlossary } from '../../src/node/builtin';
import { ROOT } from './helpers';

let builtin: CompiledGlossary | undefined;
const glossary = () => (builtin ??= loadBuiltinCompiled(loadBuiltinGlossary()));

const REAL = path.join(ROOT, 'test/fixtures/real');
let corpus: CorpusDocument[] | undefined;
/** The real statements of test/fixtures/real, analysed with the built-in glossary (once). */
function realCorpus(): CorpusDocument[] {
  corpus ??= readdirSync(REAL)
    .filter((f) => f.endsWith('.statement'))
    .sort()
    .map((file) => document(file, readFileSync(path.join(REAL, file), 'utf8')));
  return corpus;
}

function document(file: string, text: string): CorpusDocument {
  return { file, text, analysis: analyzeText(text, glossary(), { statement: true }) };
}

/** The front matter's date of a real statement, read from its text (not through the analysis). */
function dateLine(text: string): string | undefined {
  return /^date:\s*(\S+)\s*$/m.exec(text)?.[1];
}

describe('corpusIndex', () => {
  describe('a term across the real statements', () => {
    it('finds the one-China principle in the Chinese statements that write 一个中国原则, each occurrence where the text has it', () => {
      const docs = realCorpus();
      const timeline = termTimeline(buildCorpusIndex(docs, glossary().glossary), 'one-china-principle');
      assert.ok(timeline);
      // The statements that write the formula, found by a plain search of their text.
      const expected = docs.filter((d) => d.text.includes('一个中国原则')).map((d) => d.file);
      assert.ok(expected.length >= 3, `too few statements write the formula: ${expected.join(', ')}`);
      for (const file of expected)
        assert.ok(
          timeline.rows.some((r) => r.file === file),
          `${file} is missing`,
        );
      const forms = new Set(formsOf(glossary().glossary.byId.get('one-china-principle')!).map((f) => f.toLowerCase()));
      for (const row of timeline.rows) {
        const doc = docs.find((d) => d.file === row.file)!;
        assert.strictEqual(row.date, dateLine(doc.text), `${row.file}: the date of its front matter`);
        assert.strictEqual(row.count, row.occurrences.length);
        for (const o of row.occurrences) {
          assert.strictEqual(doc.text.slice(o.start, o.end), o.text);
          assert.ok(forms.has(o.text.toLowerCase()), `${row.file}:${o.line}: '${o.text}' is not a form of the entry`);
          // Line and column point at the words.
          assert.strictEqual(doc.text.split('\n')[o.line - 1].slice(o.column - 1, o.column - 1 + o.text.length), o.text);
        }
      }
      // Oldest first.
      const dates = timeline.rows.map((r) => r.date!);
      assert.deepStrictEqual(dates, [...dates].sort());
    });

    it('says who commits to it: China supports it in the China–Bangladesh statement, the UAE affirms it', () => {
      const timeline = termTimeline(buildCorpusIndex(realCorpus(), glossary().glossary), 'one-china-principle')!;
      const row = (file: string) => timeline.rows.find((r) => r.file === file)!;
      assert.ok(row('zh-china-bangladesh-2019.statement').actors.some((a) => a.type === 'support' && a.parties.includes('CN') && !a.negated));
      assert.ok(row('zh-china-uae-2019.statement').actors.some((a) => a.parties.includes('AE')));
    });

    it('finds the SDGs across G7 and G20, with the leaders who pledge them', () => {
      const timeline = termTimeline(buildCorpusIndex(realCorpus(), glossary().glossary), 'sustainable-development-goals')!;
      const files = timeline.rows.map((r) => r.file);
      assert.ok(files.includes('g20-bali-2022.statement') && files.includes('g7-hiroshima-2023.statement'), files.join(', '));
      const g20 = timeline.rows.find((r) => r.file === 'g20-bali-2022.statement')!;
      // The G20 document has the formula more than once (SDGs, Sustainable Development Goals).
      const written = (
        g20.occurrences
          .map((o) => o.text)
          .join('|')
          .match(/SDGs|Sustainable Development Goals/gi) ?? []
      ).length;
      assert.strictEqual(g20.count, written);
      assert.ok(g20.count > 1);
      assert.ok(g20.actors.some((a) => a.type === 'pledge' && a.parties.includes('CN') && a.parties.includes('US')));
      const g7 = timeline.rows.find((r) => r.file === 'g7-hiroshima-2023.statement')!;
      assert.ok(g7.actors.some((a) => a.parties.includes('JP') && !a.parties.includes('CN')));
      assert.ok(files.indexOf('g20-bali-2022.statement') < files.indexOf('g7-hiroshima-2023.statement'), 'by date');
    });

    it('puts an undated document (a plain file) after the dated ones', () => {
      const docs = realCorpus().filter((d) => d.file.startsWith('g7-') || d.file.startsWith('g20-'));
      const plainText = readFileSync(path.join(ROOT, 'test/fixtures/real/g20-bali-2022.statement'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
      const plain = document('g20-copy.txt', plainText);
      assert.strictEqual(plain.analysis.frontMatter, null);
      const timeline = termTimeline(buildCorpusIndex([plain, ...docs], glossary().glossary), 'sustainable-development-goals')!;
      const last = timeline.rows[timeline.rows.length - 1];
      assert.strictEqual(last.file, 'g20-copy.txt');
      assert.strictEqual(last.date, undefined);
      assert.ok(timeline.rows.slice(0, -1).every((r) => r.date !== undefined));
    });
  });

  describe('index output', () => {
    it('CSV: one row per document for one term with all, 0 where it is absent, counts adding up to the occurrences', () => {
      const docs = realCorpus();
      const index = buildCorpusIndex(docs, glossary().glossary, { term: 'one-china-principle' });
      assert.deepStrictEqual(
        index.terms.map((t) => t.id),
        ['one-china-principle'],
      );
      const rows = corpusIndexToCsvRows(index, { all: true });
      assert.strictEqual(rows.length, docs.length);
      const columns = INDEX_CSV_HEADER.split(',');
      const cells = rows.map((r) => r.split(','));
      const count = columns.indexOf('count');
      assert.strictEqual(
        cells.reduce((n, c) => n + Number(c[count]), 0),
        index.terms[0].occurrences.length,
      );
      const bangladesh = cells.find((c) => c[columns.indexOf('document')] === 'zh-china-bangladesh-2019.statement')!;
      assert.strictEqual(bangladesh[columns.indexOf('date')], '2019-07-07');
      assert.match(bangladesh[columns.indexOf('support')], /\bCN\b/);
      // Without all: only where it occurs.
      assert.strictEqual(corpusIndexToCsvRows(index).length, new Set(index.terms[0].occurrences.map((o) => o.file)).size);
    });

    it('an unknown term gives an empty row set, not an error', () => {
      const index = buildCorpusIndex(realCorpus().slice(0, 3), glossary().glossary, { term: 'no-such-term' });
      assert.deepStrictEqual(corpusIndexToCsvRows(index), []);
    });

    it('JSON: documents with dates and parties, terms with their occurrences and commitments', () => {
      const docs = realCorpus().filter((d) => d.file.startsWith('zh-china-'));
      const json = corpusIndexToJson(buildCorpusIndex(docs, glossary().glossary)) as {
        documents: { file: string; date?: string; parties: string[] }[];
        terms: { id: string; term: string; kind: string; occurrences: { file: string; line: number; column: number; commitment?: { type: string; parties: string[] } }[] }[];
      };
      assert.deepStrictEqual(
        json.documents.map((d) => d.file),
        docs.map((d) => d.file),
      );
      for (const d of json.documents) assert.strictEqual(d.date, dateLine(docs.find((x) => x.file === d.file)!.text));
      assert.ok(json.documents.every((d) => d.parties.includes('CN')));
      const ids = json.terms.map((t) => t.id);
      assert.deepStrictEqual(ids, [...ids].sort());
      const found = new Set(docs.flatMap((d) => d.analysis.terms.map((t) => t.id)));
      assert.deepStrictEqual(new Set(ids), found);
      const principle = json.terms.find((t) => t.id === 'one-china-principle')!;
      assert.strictEqual(principle.kind, 'principle');
      assert.ok(principle.occurrences.some((o) => o.commitment?.type === 'support' && o.commitment.parties.includes('CN')));
    });
  });

  describe('corpusSymbols', () => {
    const belarus = () => document('china-belarus-2022.txt', readFileSync(path.join(ROOT, 'test/fixtures/china-belarus-2022.txt'), 'utf8'));

    it('names a commitment by its trigger and each term it commits to: "supports — Global Development Initiative"', () => {
      const symbols = corpusSymbols(belarus(), glossary().glossary);
      const gdi = symbols.find((s) => s.name === 'supports — Global Development Initiative');
      assert.ok(gdi, symbols.map((s) => s.name).join('\n'));
      assert.strictEqual(gdi.kind, 'commitment');
      assert.match(gdi.detail, /^support · Belarus/);
      assert.ok(symbols.some((s) => s.name === 'supports — Global Security Initiative'));
      // The term itself, once.
      assert.strictEqual(symbols.filter((s) => s.kind === 'term' && s.name === 'Global Development Initiative').length, 1);
      // The actor's own party is not what a commitment commits to.
      assert.ok(!symbols.some((s) => s.kind === 'commitment' && s.name === 'supports — Belarus'));
    });

    it("keeps the symbols whose name has the query's characters in order, case aside", () => {
      const names = corpusSymbols(belarus(), glossary().glossary, 'supports global dev').map((s) => s.name);
      assert.ok(names.includes('supports — Global Development Initiative'));
      assert.ok(names.every((n) => matchesSymbolQuery(n, 'supportsglobaldev')));
      assert.ok(!names.includes('Global Development Initiative'));
      assert.strictEqual(matchesSymbolQuery('supports — Global Development Initiative', 'gdi'), true);
      assert.strictEqual(matchesSymbolQuery('supports — Global Development Initiative', 'idg'), false);
      assert.strictEqual(matchesSymbolQuery('anything', ''), true);
    });
  });

  describe('termOccurrences', () => {
    it('places each occurrence in its innermost commitment', () => {
      const doc = document('china-belarus-2022.txt', readFileSync(path.join(ROOT, 'test/fixtures/china-belarus-2022.txt'), 'utf8'));
      const occurrences = termOccurrences(doc, 'global-development-initiative');
      assert.strictEqual(occurrences.length, (doc.text.match(/Global Development Initiative/g) ?? []).length);
      assert.deepStrictEqual(occurrences[0].commitment && { type: occurrences[0].commitment.type, parties: occurrences[0].commitment.parties }, {
        type: 'support',
        parties: ['BY'],
      });
      assert.deepStrictEqual(termOccurrences(doc, 'no-such-term'), []);
    });
  });

  describe('entryAtGlossaryLine', () => {
    const text = [
      'terms:',
      '  - id: gdi-2',
      '    term: "Global Development Initiative 2"',
      '    kind: initiative',
      '    summary: A test entry.',
      '  - id: other',
      '    term: Other',
      '    kind: concept',
    ].join('\n');
    const entries = () => parseGlossary(text, 'file:///w/my.glossary.yaml').entries;

    it('finds the entry named on its id or term line', () => {
      assert.strictEqual(entryAtGlossaryLine(entries(), 'file:///w/my.glossary.yaml', 2, '  - id: gdi-2')?.id, 'gdi-2');
      assert.strictEqual(entryAtGlossaryLine(entries(), 'file:///w/my.glossary.yaml', 3, '    term: "Global Development Initiative 2"')?.id, 'gdi-2');
      assert.strictEqual(entryAtGlossaryLine(entries(), 'file:///w/my.glossary.yaml', 7, '    term: Other')?.id, 'other');
    });

    it('finds nothing on another line, or in another file', () => {
      assert.strictEqual(entryAtGlossaryLine(entries(), 'file:///w/my.glossary.yaml', 5, '    summary: A test entry.'), undefined);
      assert.strictEqual(entryAtGlossaryLine(entries(), 'file:///w/other.glossary.yaml', 2, '  - id: gdi-2'), undefined);
    });
  });

  describe('timelineToHtml', () => {
    it('has no script, allows only its own style, and links every occurrence', () => {
      const timeline = termTimeline(buildCorpusIndex(realCorpus(), glossary().glossary), 'sustainable-development-goals')!;
      const links: string[] = [];
      const html = timelineToHtml(timeline, {
        nonce: 'abc123',
        revealLink: (o) => {
          const link = `command:reveal?${encodeURIComponent(JSON.stringify([o.file, o.start]))}`;
          links.push(link);
          return link;
        },
        glossary: glossary().glossary,
      });
      assert.doesNotMatch(html, /<script/i);
      assert.match(html, /content="default-src 'none'; style-src 'nonce-abc123';"/);
      assert.strictEqual(
        links.length,
        timeline.rows.reduce((n, r) => n + r.count, 0),
      );
      for (const link of links) assert.ok(html.includes(`href="${link.replace(/&/g, '&amp;')}"`), link);
      // Parties by name, rows by date.
      assert.match(html, /<span class="type">pledge<\/span> [^<]*Japan/);
      assert.ok(html.indexOf('g20-bali-2022') < html.indexOf('g7-hiroshima-2023'));
    });

    it('escapes what the documents and glossary say', () => {
      const doc = document('<b>x</b>.statement', '---\ndate: 2020-01-01\n---\nThe two sides support the Global Development Initiative.\n');
      const timeline = termTimeline(buildCorpusIndex([doc], glossary().glossary), 'global-development-initiative')!;
      const html = timelineToHtml(timeline, { nonce: 'n', revealLink: () => undefined });
      assert.ok(!html.includes('<b>x</b>'));
      assert.ok(html.includes('&#60;b&#62;x&#60;/b&#62;'));
    });
  });
});

describe('corpusFileGlob', () => {
  const contributions = [
    { id: 'statement', extensions: ['.statement'] },
    { id: 'plaintext', extensions: ['.txt'] },
    { id: 'markdown', extensions: ['.md', '.markdown'] },
    { id: 'odd', extensions: ['.{a,b}'] },
  ];

  it('globs the endings of the configured languages only', () => {
    assert.strictEqual(corpusFileGlob(['statement'], contributions), '**/*.statement');
    assert.strictEqual(corpusFileGlob(['statement', 'plaintext'], contributions), '**/*.{statement,txt}');
    assert.strictEqual(corpusFileGlob(['markdown'], [...contributions, { id: 'markdown', extensions: ['.md'] }]), '**/*.{markdown,md}');
  });

  it('gives none for a language without endings, and leaves out endings that are globs', () => {
    assert.strictEqual(corpusFileGlob(['unknown'], contributions), undefined);
    assert.strictEqual(corpusFileGlob(['odd'], contributions), undefined);
  });
});
