import * as assert from 'assert';
import { MAX_STATEMENT_PROBLEMS, parseStatement } from '../../src/core/statement';
import { analyze, joinLines, lineOf } from './helpers';

describe('statement format', () => {
  const text = joinLines(
    '---',
    'title: Joint Statement',
    'date: 2022-09-15',
    'parties: [CN, BY]',
    'language: en',
    '---',
    'The two sides agreed to deepen cooperation.',
    '[The Belarusian side]{#BY note="named in full"} supports the [GDI]{.initiative}.',
    '[The two sides intend to explore new areas]{.commitment type=pledge strength=weak}.',
  );

  it('reads front matter', () => {
    const p = parseStatement(text);
    assert.deepStrictEqual(
      { ...p.frontMatter, extra: undefined, partySpans: undefined },
      { title: 'Joint Statement', date: '2022-09-15', parties: ['CN', 'BY'], language: 'en', extra: undefined, partySpans: undefined },
    );
    assert.deepStrictEqual(
      p.frontMatter?.partySpans?.map((s) => text.slice(s.start, s.end)),
      ['CN', 'BY'],
    );
    assert.deepStrictEqual(p.problems, []);
  });

  it('blanks out front matter and markup without moving any offset', () => {
    const p = parseStatement(text);
    assert.strictEqual(p.plain.length, text.length);
    assert.strictEqual(p.plain.split('\n').length, text.split('\n').length);
    const line8 = p.plain.split('\n')[7];
    assert.strictEqual(line8.replace(/\s+/g, ' ').trim(), 'The Belarusian side supports the GDI .');
    assert.strictEqual(p.annotations.length, 3);
    assert.deepStrictEqual(p.annotations[0].attributes, { note: 'named in full' });
    assert.strictEqual(p.annotations[0].id, 'BY');
    assert.deepStrictEqual(p.annotations[1].classes, ['initiative']);
  });

  it('lets explicit annotations override detection', () => {
    const a = analyze(text);
    assert.deepStrictEqual(
      a.parties.map((x) => x.id),
      ['CN', 'BY'],
    );
    const gdi = a.terms.find((t) => t.kind === 'initiative')!;
    assert.strictEqual(text.slice(gdi.start, gdi.end), 'GDI');
    assert.strictEqual(gdi.explicit, true);
    const explicit = a.commitments.find((c) => c.explicit)!;
    assert.strictEqual(explicit.type, 'pledge');
    assert.strictEqual(explicit.strength, 'weak');
    assert.strictEqual(text.slice(explicit.start, explicit.end), 'The two sides intend to explore new areas');
    assert.deepStrictEqual(
      a.notes.map((n) => [text.slice(n.start, n.end), n.note]),
      [['The Belarusian side', 'named in full']],
    );
    // The detected "intend to explore" inside the explicit span is replaced, not doubled.
    assert.strictEqual(a.commitments.filter((c) => c.start >= explicit.start && c.end <= explicit.end).length, 1);
    assert.deepStrictEqual(
      a.commitments.map((c) => c.trigger),
      ['agreed to deepen', 'supports', 'intend to explore'],
    );
  });

  it('reports problems at their place and goes on', () => {
    const broken = joinLines(
      '---',
      'title: [unclosed',
      '---',
      'The [two sides]{.party agreed to meet.',
      'A stray ]{.party} here.',
      'Kenya [will host]{.commitment type=promise} it.',
    );
    const p = parseStatement(broken);
    const where = (s: { start: number }) => broken.slice(0, s.start).split('\n').length;
    assert.deepStrictEqual(
      p.problems.map((x) => `L${where(x)} ${x.message.replace(/:.*$/, '')}`),
      ['L2 front matter', 'L4 unclosed attribute block', 'L5 stray `]{…}`'],
    );
    const a = analyze(broken);
    assert.ok(a.warnings.some((w) => /unknown commitment type `promise`/.test(w.message)));
  });

  it('shows the first of a list of acceptable commitment types, and names an unknown one', () => {
    const listed = analyze(joinLines('[Kenya will host it]{.commitment type="affirm support"}.', '[Kenya will go]{.commitment type="pledge promise"}.'));
    assert.deepStrictEqual(
      listed.commitments.filter((c) => c.explicit).map((c) => c.type),
      ['affirm', 'pledge'],
    );
    assert.deepStrictEqual(
      listed.warnings.map((w) => w.message),
      ['unknown commitment type `promise` (expected pledge, support, oppose, affirm, request)'],
    );
  });

  it('reports unclosed front matter and keeps reading the text', () => {
    const p = parseStatement('---\ntitle: x\nThe two sides agreed to meet.');
    assert.deepStrictEqual(
      p.problems.map((x) => x.message),
      ['front matter is not closed: add a line `---` after it'],
    );
    assert.strictEqual(p.frontMatter, null);
  });

  it('locates each problem exactly, with what a quick fix needs', () => {
    const doc = joinLines(
      '---',
      'parties: [CN, "BYY"]',
      '---',
      'The [Belarusian side]{#belarus-side note="x"} and [Kenya]{.prty}.',
      '[The two sides will meet]{.commitment type="pledge promise" parties="CN ZZ"}.',
    );
    const a = analyze(doc);
    assert.deepStrictEqual(
      a.warnings.map((w) => [doc.slice(w.start, w.end), w.code, w.value, lineOf(doc, w.start)]),
      [
        ['BYY', 'unknown-party', 'BYY', 2],
        ['belarus-side', 'unknown-id', 'belarus-side', 4],
        ['prty', 'unknown-class', 'prty', 4],
        ['promise', 'unknown-type', 'promise', 5],
        ['ZZ', 'unknown-party', 'ZZ', 5],
      ],
    );
    assert.deepStrictEqual(
      a.warnings.map((w) => w.message),
      [
        'front matter: party `BYY` is not in any glossary',
        'annotation names `#belarus-side`, which no glossary defines',
        'unknown annotation class `.prty` (expected a term kind or .commitment)',
        'unknown commitment type `promise` (expected pledge, support, oppose, affirm, request)',
        'party `ZZ` is not in any glossary',
      ],
    );
  });

  it('locates the parties of front matter written as one text', () => {
    const doc = joinLines('---', 'parties: CN, BYX', '---', 'Text.');
    const p = parseStatement(doc);
    assert.deepStrictEqual(p.frontMatter?.parties, ['CN', 'BYX']);
    assert.deepStrictEqual(
      analyze(doc).warnings.map((w) => doc.slice(w.start, w.end)),
      ['BYX'],
    );
  });

  it('reports at most MAX_STATEMENT_PROBLEMS annotation problems, then how many more', () => {
    const doc = Array.from({ length: MAX_STATEMENT_PROBLEMS + 20 }, (_, i) => `[x]{#nowhere-${i}}`).join(' ');
    const warnings = analyze(doc).warnings;
    assert.strictEqual(warnings.length, MAX_STATEMENT_PROBLEMS + 1);
    assert.strictEqual(warnings[warnings.length - 1].message, '20 more problems with annotations are not shown');
  });

  it('leaves ordinary brackets alone', () => {
    const p = parseStatement('The text [sic] and [1] remain.');
    assert.deepStrictEqual(p.annotations, []);
    assert.deepStrictEqual(p.problems, []);
    assert.strictEqual(p.plain, 'The text [sic] and [1] remain.');
  });
});
