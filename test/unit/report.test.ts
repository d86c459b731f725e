import * as assert from 'assert';
import { analyzeText } from '../../src/core/analyze';
import type { Commitment } from '../../src/core/commitments';
import { CSV_HEADER, groupByParties, partyNamer, toCsvRows, toDocumentReport, toMarkdown, writeDocumentJson } from '../../src/core/report';
import { fixture, fixtureGlossary } from './helpers';

describe('report', () => {
  const text = fixture('chile-viet-nam.statement');
  const analysis = analyzeText(text, fixtureGlossary(), { statement: true });
  const report = toDocumentReport('cl-vn.statement', text, analysis);
  const nameOf = partyNamer(fixtureGlossary().glossary, report.parties);

  it('gives the terms and commitments a note where one is on them, and lists every note', () => {
    assert.deepStrictEqual(
      report.commitments.map((c) => c.note),
      ['the first such title for either side in Latin America', undefined, undefined, 'wording of the 2017 statement', undefined],
    );
    assert.ok(!('note' in report.commitments[1]), 'no key without a note');
    assert.deepStrictEqual(report.terms.find((t) => t.text === 'comprehensive partnership')?.note, 'the first such title for either side in Latin America');
    assert.deepStrictEqual(report.notes, [
      { note: 'the first such title for either side in Latin America', text: 'comprehensive partnership', line: 8, column: 55, length: 25 },
      { note: 'wording of the 2017 statement', text: 'reaffirm their commitment to the Charter of the United Nations', line: 11, column: 63, length: 62 },
    ]);
  });

  it('streams the same JSON, notes included', () => {
    const chunks: string[] = [];
    writeDocumentJson('cl-vn.statement', text, analysis, (c) => chunks.push(c));
    assert.strictEqual(chunks.join(''), JSON.stringify(report));
  });

  it('streams the same JSON in many pieces: thousands of terms and commitments, texts across lines and with runs of spaces', () => {
    // Paragraphs broken inside their sentences and spaced unevenly, so that commitment texts need folding.
    const paragraph = (i: number) =>
      i % 3 === 0
        ? `${i}. The Belarusian side supports the Global Development Initiative\nand  the Global Security Initiative.`
        : `${i}.\tThe two sides will deepen cooperation under the one-China principle.`;
    const long = Array.from({ length: 3000 }, (_, i) => paragraph(i + 1)).join('\n\n') + '\n';
    const big = analyzeText(long, fixtureGlossary(), { statement: true });
    assert.ok(big.terms.length > 4000 && big.commitments.length > 2000, `${big.terms.length} terms, ${big.commitments.length} commitments`);
    assert.ok(big.commitments.some((c) => long.slice(c.start, c.end).includes('\n')));
    const chunks: string[] = [];
    writeDocumentJson('big.txt', long, big, (c) => chunks.push(c));
    assert.ok(chunks.length > 6, `${chunks.length} pieces`);
    assert.strictEqual(chunks.join(''), JSON.stringify(toDocumentReport('big.txt', long, big)));
  });

  it('has a note column in CSV and in the Markdown table', () => {
    assert.strictEqual(CSV_HEADER.split(',').pop(), 'note');
    const rows = toCsvRows(report);
    assert.ok(rows[0].endsWith(',the first such title for either side in Latin America'), rows[0]);
    assert.ok(rows[1].endsWith(','), rows[1]);
    const table = toMarkdown(report, analysis.commitments, { view: 'table' }).split('\n');
    assert.strictEqual(table[0], '# cl-vn.statement');
    assert.match(table[4], /\| Note \|$/);
    assert.match(table[9], /\| wording of the 2017 statement \|$/);
  });

  it('groups the Markdown report by parties, each item with its actor and its note', () => {
    const md = toMarkdown(report, analysis.commitments, { nameOf });
    assert.match(md, /^## Chile, Viet Nam \(CL, VN\) — 4 commitments$/m);
    assert.match(md, /^- line 9: Both sides: \*\*will strengthen\*\* — /m);
    assert.match(md, /^- line 8: The two sides: \*\*agreed to elevate\*\* — .*\n {2}- \*Note:\* the first such title for either side in Latin America$/m);
    assert.match(md, /^## Chile \(CL\) — 1 commitment\n\n- line 12: The Chilean side: \*\*took note with\*\*/m);
    assert.match(md, /^## Notes\n\n- line 8: “comprehensive partnership” — the first such title/m);
  });

  it('groups actors that resolve to no party by their words, and those with neither as unattributed', () => {
    const c = (actor: string, parties: string[]): Commitment => ({
      start: 0,
      end: 1,
      actor,
      actorSpan: { start: 0, end: 0 },
      parties,
      type: 'pledge',
      trigger: 'will',
      triggerSpan: { start: 0, end: 1 },
      strength: 'normal',
      negated: false,
    });
    const groups = groupByParties([c('The two sides', ['VN', 'CL']), c('The Council', []), c('the  council', []), c('', []), c('Both sides', ['CL', 'VN', 'CL'])], nameOf);
    assert.deepStrictEqual(
      groups.map((g) => [g.label, g.parties, g.actors, g.commitments.length]),
      [
        ['Viet Nam, Chile', ['VN', 'CL'], ['The two sides', 'Both sides'], 2],
        ['The Council', [], ['The Council'], 2],
        ['Unattributed', [], [], 1],
      ],
    );
    assert.strictEqual(partyNamer(undefined, [])('XX'), 'XX');
  });
});
