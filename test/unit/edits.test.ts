import * as assert from 'assert';
import { annotationFor, appendGlossaryEntry } from '../../src/core/edits';
import { parseGlossary } from '../../src/core/glossary';

function apply(text: string, r: ReturnType<typeof appendGlossaryEntry>): string {
  assert.ok(!('error' in r), JSON.stringify(r));
  return text.slice(0, r.edit.start) + r.edit.newText + text.slice(r.edit.end);
}

describe('edits', () => {
  it('wraps a selection in annotation markup', () => {
    assert.strictEqual(annotationFor('GDI', { kind: 'initiative' }), '[GDI]{.initiative}');
    assert.strictEqual(annotationFor('the Belarusian side', { id: 'BY' }), '[the Belarusian side]{#BY}');
    assert.strictEqual(annotationFor('will deepen', { kind: 'commitment', type: 'pledge' }), '[will deepen]{.commitment type=pledge}');
    assert.strictEqual(annotationFor('x', { note: 'say "no"' }), `[x]{note="say 'no'"}`);
  });

  it('appends an entry and keeps the rest of the file byte for byte', () => {
    const text = '# My terms\nterms:\n    - term: Existing   # keep\n      kind: concept\n\n# trailing comment\n';
    const out = apply(text, appendGlossaryEntry(text, { id: 'samarkand', term: 'Samarkand', kind: 'concept' }));
    assert.strictEqual(
      out,
      '# My terms\nterms:\n    - term: Existing   # keep\n      kind: concept\n    - id: samarkand\n      term: Samarkand\n      kind: concept\n      summary: ""\n\n# trailing comment\n',
    );
    const g = parseGlossary(out, 'x');
    assert.deepStrictEqual(g.problems, []);
    assert.deepStrictEqual(
      g.entries.map((e) => e.id),
      ['existing', 'samarkand'],
    );
  });

  it('creates the list in an empty file and keeps CRLF line endings', () => {
    assert.strictEqual(apply('', appendGlossaryEntry('', { term: 'Kenya', kind: 'party', id: 'KE' })), 'terms:\n  - id: KE\n    term: Kenya\n    kind: party\n    summary: ""\n');
    const crlf = 'terms:\r\n  - term: A\r\n    kind: concept\r\n';
    const out = apply(crlf, appendGlossaryEntry(crlf, { term: "People's Forum: 2025", kind: 'institution' }));
    assert.ok(!/[^\r]\n/.test(out), JSON.stringify(out));
    assert.deepStrictEqual(
      parseGlossary(out, 'x').entries.map((e) => e.term),
      ['A', "People's Forum: 2025"],
    );
  });

  it('refuses a file it cannot append to safely', () => {
    assert.match((appendGlossaryEntry('terms: [a', { term: 'X', kind: 'concept' }) as { error: string }).error, /YAML error/);
    assert.match((appendGlossaryEntry('- a\n- b\n', { term: 'X', kind: 'concept' }) as { error: string }).error, /not a glossary/);
    assert.match((appendGlossaryEntry('terms: [{term: A, kind: concept}]\n', { term: 'X', kind: 'concept' }) as { error: string }).error, /flow list/);
  });
});
