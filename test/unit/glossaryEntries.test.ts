/**
 * Reading a glossary entry by entry (with a {@link GlossaryParseCache}) against parsing the whole
 * text with `yaml`: the glossary — entries, origins, every problem and where it is — is the same,
 * on a first parse and after edits (entries kept from the parse before); a text not in the usual
 * shape is parsed whole. Built-in glossaries, hand-picked cases and generated documents.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parseGlossary } from '../../src/core/glossary';
import { GlossaryParseCache, layoutGlossary } from '../../src/core/glossaryEntries';
import { ROOT, joinLines } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20221115);

/**
 * Asserts that `text` reads the same entry by entry as whole: on a first parse, and after a parse
 * of `before` with the same cache (so the entries they share come from the cache). True when the
 * text was read entry by entry.
 */
function agrees(text: string, before?: string): boolean {
  const whole = parseGlossary(text, 'g.yaml');
  const cold = new GlossaryParseCache();
  assert.deepStrictEqual(parseGlossary(text, 'g.yaml', { cache: cold }), whole, `first parse differs for:\n${text}`);
  const warm = new GlossaryParseCache();
  parseGlossary(before ?? text.replace(/kind: party/, 'kind: concept'), 'g.yaml', { cache: warm });
  assert.deepStrictEqual(parseGlossary(text, 'g.yaml', { cache: warm }), whole, `parse after an edit differs for:\n${text}`);
  return cold.entriesOf('g.yaml').size > 0;
}

describe('glossary read entry by entry', () => {
  it('reads every built-in glossary file entry by entry, as the whole parse does, also after an edit of one entry', () => {
    const dir = path.join(ROOT, 'glossary');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 10);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const edited = text.replace(/\n {4}summary: /, '\n    summary: Edited. ');
      assert.ok(agrees(text, edited), `${f}: not read entry by entry`);
      assert.ok(agrees(edited, text));
    }
  });

  it('reads the constructs glossaries are written with', () => {
    const accepted = [
      joinLines('terms:', '  - term: A b  # comment', '    kind: "party"', "    aliases: ['it''s', \"x\", plain]", '    see: []', ''),
      joinLines('# header', 'terms:', '- term: Zero indent', '  kind: concept', '  aliases:', '    - one', "    - 'two'  # c", '', '    # between', '    - three', ''),
      joinLines(
        'terms:',
        '  - term: X',
        '    kind: concept',
        '    details: |',
        '      line 1',
        '',
        '        indented more',
        '      line 3',
        '',
        '',
        '    summary: >-',
        '      folded',
        '      text',
        '',
        '      para',
        '  - term: Y',
        '    kind: party',
        '    caseSensitive: true',
      ),
      joinLines('terms:', '  - term: X', '    kind: concept', '    details: |-', '      no final newline', '  # trailing comment', ''),
      joinLines('terms:', '  -   term: Wide', '      kind: concept', '      summary: ends without newline'),
      'terms:\r\n  - term: CRLF\r\n    kind: concept\r\n    details: |\r\n      a\r\n      b\r\n    aliases: [c, d]\r\n',
      joinLines(
        'terms:',
        '  - term: 2030 Agenda',
        '    kind: initiative',
        "    summary: Plain text:with a colon, a #hash, [brackets] {braces} and 'quotes'.",
        '    sources: [https://example.org/a#frag]',
      ),
      joinLines('terms:', '  - term: 一带一路', '    kind: initiative', '    aliases: [“Belt and Road”, Пояс и путь]', '    unknown: kept as a warning', '    see: [missing]'),
    ];
    for (const text of accepted) assert.ok(agrees(text), `not read entry by entry:\n${text}`);
  });

  it('reads anything else, syntax errors included, as the whole parse does (located and worded by it)', () => {
    const others = [
      joinLines('terms:', '  - term: &a X', '    kind: concept'),
      joinLines('terms:', '  - term: !!str X', '    kind: concept'),
      joinLines('terms:', '  - term: "escaped \\" quote"', '    kind: concept'),
      joinLines('terms:', '  - term: multi', '      line plain', '    kind: concept'),
      joinLines('terms:', '  - term: 1970', '    kind: concept'),
      joinLines('terms:', '  - term: X', '    kind: concept', '    kind: party'),
      joinLines('terms:', '\t- term: X'),
      joinLines('---', 'terms:', '  - term: X', '    kind: concept'),
      joinLines('terms:', '  - term: X', '    kind: concept', 'other: 1'),
      joinLines('terms:', '  - term: "unclosed', '    kind: concept'),
      joinLines('terms:', '  - term: X', '    kind: {a: 1}'),
      joinLines('terms:', '  - term: X', '    kind:', '    summary: null value above'),
      joinLines('terms:', '  - term: a: b', '    kind: concept'),
      joinLines('terms:', '  - term: X', '    kind: concept', '    see: [a, [b]]'),
      joinLines('terms:', '  - term: X', '    kind: concept', '    details: |+', '      keep', ''),
      joinLines('terms:', '  - just a string'),
      joinLines('terms:', '  - term: X', '    kind: concept', '    aliases:', '    - same indent as the key'),
      joinLines('terms: []'),
      '',
      '# only a comment\n',
      joinLines('terms:', '  - term: &a X', '    kind: concept', '  - term: *a', '    kind: party'),
      joinLines('terms:', '  - term: "runs', '  - into the next item"', '    kind: concept'),
      joinLines('terms:', '  - term: X', '    kind: concept', '  - term: X', '    kind: party'),
      joinLines('terms:', '  -', '  - term: X', '    kind: concept'),
    ];
    for (const text of others) agrees(text);
  });

  it('after an edit of one entry, parses that entry again and keeps the readings of the others', () => {
    const text = (term: string) => joinLines('terms:', '  - term: One', '    kind: concept', `  - term: ${term}`, '    kind: concept', '  - term: Three', '    kind: party', '');
    const cache = new GlossaryParseCache();
    parseGlossary(text('Two'), 'g.yaml', { cache });
    const before = new Set(cache.entriesOf('g.yaml').values());
    const edited = parseGlossary(text('Second'), 'g.yaml', { cache });
    assert.deepStrictEqual(
      edited.entries.map((e) => `${e.origin.line} ${e.term}`),
      ['2 One', '4 Second', '6 Three'],
    );
    const after = [...cache.entriesOf('g.yaml').values()];
    assert.deepStrictEqual(
      after.map((r) => before.has(r)),
      [true, false, true],
    );
  });

  it('cuts only texts in the usual shape', () => {
    assert.deepStrictEqual(layoutGlossary(joinLines('# c', 'terms:  # c', '  - a: 1', '    b: 2', '  # c', '  - c: 3', '')), {
      termsKey: 4,
      items: [
        { start: 16, end: 40 },
        { start: 40, end: 49 },
      ],
    });
    for (const text of ['terms: []', 'other: 1\nterms:\n  - a: 1', 'terms:\n  - a: 1\nother: 2', '\ufeffterms:\n  - a: 1', 'terms:\n\t- a: 1', 'terms:\n', '---\nterms:\n  - a: 1'])
      assert.strictEqual(layoutGlossary(text), null, JSON.stringify(text));
  });

  it('agrees with the whole parse on generated glossaries, first and after an edit (fixed seed; npm run fuzz for more)', () => {
    const char = fc.constantFrom('a', 'B', ' ', ':', '#', "'", '"', '[', ']', ',', '-', '{', '|', '>', '&', '*', '!', '?', '%', '\\', '1', '.', 'é', '中', '😀', '\t', 'e');
    const word = fc.oneof(
      { arbitrary: fc.constantFrom('Belarus', 'one-China principle', 'https://x.org/a#b', 'win-win', 'party', 'concept', 'it’s', '中国', 'BY'), weight: 6 },
      { arbitrary: fc.constantFrom('true', 'False', 'null', '~', '12', '0x1F', '1e3', '.inf', 'a: b', 'a #b', '', ' '), weight: 1 },
      { arbitrary: fc.array(char, { maxLength: 8 }).map((cs) => cs.join('')), weight: 1 },
    );
    const scalar = fc
      .tuple(fc.constantFrom('plain', 'single', 'double'), word)
      .map(([style, w]) => (style === 'plain' ? w : style === 'single' ? `'${w.replace(/'/g, "''")}'` : `"${w.replace(/"/g, '')}"`));
    const comment = fc.constantFrom('', '', '', '  # note', ' #x', '#glued');
    const value = fc.oneof(
      fc.tuple(scalar, comment).map(([s, c]) => ` ${s}${c}`),
      fc.array(scalar, { maxLength: 4 }).map((xs) => ` [${xs.join(', ')}]`),
      fc.tuple(fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom(6, 6, 8, 4)).map(([xs, n]) => '\n' + xs.map((x) => `${' '.repeat(n)}- ${x}`).join('\n')),
      fc
        .tuple(fc.constantFrom('|', '|-', '>', '>-'), fc.array(fc.oneof(word, fc.constant('')), { minLength: 1, maxLength: 4 }), fc.constantFrom(6, 5))
        .map(([h, lines, n]) => ` ${h}\n` + lines.map((l) => (l === '' ? '' : ' '.repeat(n) + l)).join('\n')),
    );
    const key = fc.constantFrom('term', 'kind', 'id', 'aliases', 'summary', 'details', 'sources', 'see', 'caseSensitive', 'extra');
    const entry = fc
      .uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 6, selector: ([k]) => k })
      .map((pairs) => pairs.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}:${v}`).join('\n'));
    const doc = fc
      .tuple(fc.array(fc.oneof(entry, fc.constantFrom('', '  # comment', '    kind: party', '  - term: Belarus\n    kind: party')), { maxLength: 6 }), fc.boolean(), fc.boolean())
      .map(([entries, crlf, finalNewline]) => {
        const text = 'terms:\n' + entries.join('\n') + (finalNewline ? '\n' : '');
        return crlf ? text.replace(/\n/g, '\r\n') : text;
      });
    let answered = 0;
    fc.assert(
      fc.property(doc, doc, (text, before) => {
        if (agrees(text, before)) answered++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    assert.ok(answered > RUNS / 20, `only ${answered} of ${RUNS} generated glossaries were read entry by entry`);
  });
});
