/**
 * The fast glossary reader against the `yaml` package: whenever it answers, its tree (values and
 * every range) and the glossary validated from it are those `yaml` gives; whenever the text leaves
 * the plain subset, it declines. Built-in glossaries, hand-picked cases and generated documents.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parseDocument, type Node } from 'yaml';
import { parseGlossary } from '../../src/core/glossary';
import { fromYaml, readGlossaryYaml } from '../../src/core/glossaryYaml';
import { ROOT, joinLines } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20221115);

/** The reference tree: `yaml`'s, converted. */
function reference(text: string) {
  return fromYaml(parseDocument(text, { uniqueKeys: true, strict: true }).contents as Node, 0);
}

/** Asserts that the fast reader either declines or agrees with `yaml`, and that validation agrees either way. */
function agrees(text: string): boolean {
  const fast = readGlossaryYaml(text);
  if (fast) {
    // Every entry node, with every range, is yaml's; the root's and the list's outer ends are
    // not compared (yaml stretches them over trailing comments; validation never reads them).
    const ref = reference(text);
    assert.ok(ref.kind === 'map' && ref.pairs[0].value.kind === 'list');
    const list = fast.root.pairs[0].value;
    assert.ok(list.kind === 'list');
    assert.deepStrictEqual(list.items, ref.pairs[0].value.items, `tree differs for:\n${text}`);
    assert.deepStrictEqual(
      fast.root.pairs.map((p) => [p.key, p.keyRange]),
      ref.pairs.map((p) => [p.key, p.keyRange]),
    );
    assert.deepStrictEqual([fast.root.range[0], list.range[0], list.range[1]], [ref.range[0], ref.pairs[0].value.range[0], ref.pairs[0].value.range[1]]);
  }
  assert.deepStrictEqual(parseGlossary(text, 'g.yaml'), parseGlossary(text, 'g.yaml', { fast: false }), `validation differs for:\n${text}`);
  return fast !== null;
}

describe('fast glossary reader', () => {
  it('reads every built-in glossary file exactly as yaml does', () => {
    const dir = path.join(ROOT, 'glossary');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 10);
    for (const f of files) assert.ok(agrees(readFileSync(path.join(dir, f), 'utf8')), `${f}: the fast reader declined`);
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
    for (const text of accepted) assert.ok(agrees(text), `declined:\n${text}`);
  });

  it('declines what it does not read, and the glossary is the same as with yaml alone', () => {
    const declined = [
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
    ];
    for (const text of declined) assert.ok(!agrees(text), `should have declined:\n${text}`);
  });

  it('agrees with yaml on generated glossaries (fixed seed; npm run fuzz for more)', () => {
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
      fc.property(doc, (text) => {
        if (agrees(text)) answered++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    assert.ok(answered > RUNS / 20, `the fast reader answered only ${answered} of ${RUNS} generated glossaries`);
  });
});
