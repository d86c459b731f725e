import * as assert from 'assert';
import { analyzeText, compileGlossary, serializeCompiledGlossary } from '../../src/core/analyze';
import { parseGlossary, type Glossary } from '../../src/core/glossary';
import type { GlossaryParser } from '../../src/core/glossaryParser';
import { GlossaryStore, matchingKey, type GlossaryChange } from '../../src/core/glossaryStore';
import { joinLines } from './helpers';

const BUILTIN = parseGlossary(
  joinLines('terms:', '  - id: CN', '    term: China', '    kind: party', '  - term: one-China principle', '    kind: principle', '    summary: Built-in.', ''),
  'glossary/builtin.yaml',
);

/** A one-file glossary with an entry per `[term, summary]`. */
function glossaryText(...entries: [string, string][]): string {
  return joinLines('terms:', ...entries.flatMap(([term, summary]) => [`  - term: ${term}`, '    kind: concept', `    summary: ${summary}`]), '');
}

/** A store over {@link BUILTIN}, recording its changes. */
function storeWithLog(options: ConstructorParameters<typeof GlossaryStore>[1] = {}) {
  const store = new GlossaryStore(BUILTIN, options);
  const changes: GlossaryChange[] = [];
  store.onDidChange((c) => changes.push(c));
  return { store, changes };
}

const termsFound = (text: string, store: GlossaryStore) => analyzeText(text, store.current).terms.map((t) => `${t.entry.id}: ${t.entry.summary ?? ''}`);

describe('GlossaryStore', () => {
  it('merges a file over the built-in glossary; deleting it restores the built-in one', async () => {
    const builtinMatcher = serializeCompiledGlossary(compileGlossary(BUILTIN));
    const { store, changes } = storeWithLog({ builtinMatcher });
    assert.strictEqual(store.merged, BUILTIN);
    assert.deepStrictEqual(termsFound('China and Blue Economy', store), ['CN: ']);
    assert.ok(await store.setText('a.glossary.yaml', glossaryText(['Blue Economy', 'Oceans.'])));
    assert.deepStrictEqual(termsFound('China and Blue Economy', store), ['CN: ', 'blue-economy: Oceans.']);
    assert.deepStrictEqual(changes, [{ matching: true }]);
    store.delete('a.glossary.yaml');
    assert.strictEqual(store.merged, BUILTIN);
    assert.deepStrictEqual(termsFound('China and Blue Economy', store), ['CN: ']);
    assert.deepStrictEqual(changes, [{ matching: true }, { matching: true }]);
  });

  it('a file with no entries keeps the built-in glossary itself, and its problems are reported on it', async () => {
    const { store } = storeWithLog();
    await store.setText('empty.glossary.yaml', '');
    assert.strictEqual(store.merged, BUILTIN);
    assert.deepStrictEqual(
      store.problemsOf('empty.glossary.yaml').map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`),
      ['1:1 warning the glossary is empty: expected a `terms:` list'],
    );
  });

  it('reports problems by file: its own, the merge’s (a form of another file, a reference no glossary defines), none of the built-in ones', async () => {
    const { store } = storeWithLog();
    await store.setText('a.glossary.yaml', glossaryText(['Blue Economy', 'A.']), { merge: false });
    await store.setText(
      'b.glossary.yaml',
      joinLines('terms:', '  - term: Ocean Economy', '    kind: concept', '    aliases: [Blue Economy]', '    see: [nowhere]', '  - term: Broken', ''),
      { merge: false },
    );
    store.merge();
    assert.deepStrictEqual(store.problemsOf('a.glossary.yaml'), []);
    assert.deepStrictEqual(
      store.problemsOf('b.glossary.yaml').map((p) => `${p.line}:${p.column} ${p.message}`),
      [
        '6:5 entry has no `kind`',
        '2:5 `Blue Economy` of `ocean-economy` is already a form of `blue-economy` (a.glossary.yaml:2); it is ignored here',
        '5:11 `see` of `ocean-economy` names `nowhere`, which no glossary defines',
      ],
    );
    assert.deepStrictEqual(store.problemsOf('glossary/builtin.yaml'), []);
  });

  it('a reference to an entry of another file is no problem', async () => {
    const { store } = storeWithLog();
    await store.setText('a.glossary.yaml', joinLines('terms:', '  - term: Ocean Economy', '    kind: concept', '    see: [CN]', ''));
    assert.deepStrictEqual(store.problemsOf('a.glossary.yaml'), []);
  });

  it('merges files in the order they were added, or by name', async () => {
    const texts: [string, string][] = [
      ['z.glossary.yaml', joinLines('terms:', '  - id: x', '    term: Zed', '    kind: concept', '')],
      ['a.glossary.yaml', joinLines('terms:', '  - id: x', '    term: Ay', '    kind: concept', '')],
    ];
    for (const [mergeOrder, winner] of [
      ['added', 'Ay'],
      ['name', 'Zed'],
    ] as const) {
      const { store } = storeWithLog({ mergeOrder });
      for (const [file, text] of texts) await store.setText(file, text);
      assert.strictEqual(store.merged.byId.get('x')?.term, winner, mergeOrder);
    }
  });

  it('leaves the built-in glossary out when told to', async () => {
    let include = true;
    const { store } = storeWithLog({ includeBuiltin: () => include });
    await store.setText('a.glossary.yaml', glossaryText(['Blue Economy', 'A.']));
    include = false;
    store.merge();
    assert.deepStrictEqual(
      store.merged.entries.map((e) => e.id),
      ['blue-economy'],
    );
  });

  it('warns about old asOf dates when an age is set', async () => {
    const { store } = storeWithLog({ maxAgeDays: () => 30, today: () => new Date('2026-11-30') });
    await store.setText('a.glossary.yaml', joinLines('terms:', '  - term: Old Fact', '    kind: concept', '    asOf: 2020-01-01', ''));
    assert.deepStrictEqual(
      store.problemsOf('a.glossary.yaml').map((p) => `${p.line} ${p.severity}`),
      ['2 warning'],
    );
  });

  it('a summary edit keeps the compiled glossary and the entries analyses point at, with the new text', async () => {
    const { store, changes } = storeWithLog();
    await store.setText('a.glossary.yaml', glossaryText(['Blue Economy', 'Before.'], ['Green Economy', 'G.']));
    const compiled = store.current;
    const analysis = analyzeText('the Blue Economy', compiled);
    await store.setText('a.glossary.yaml', glossaryText(['Blue Economy', 'After.'], ['Green Economy', 'G.']));
    assert.strictEqual(store.current, compiled, 'not compiled again');
    assert.deepStrictEqual(changes.at(-1), { matching: false });
    assert.strictEqual(analysis.terms[0].entry.summary, 'After.', 'the analysis made before shows the new summary');
    assert.strictEqual(store.merged.byId.get('blue-economy')?.summary, 'After.');
  });

  it('a term edit compiles again and says analyses are stale', async () => {
    const { store, changes } = storeWithLog();
    await store.setText('a.glossary.yaml', glossaryText(['Blue Economy', 'S.']));
    const compiled = store.current;
    await store.setText('a.glossary.yaml', glossaryText(['Blue Economies', 'S.']));
    assert.notStrictEqual(store.current, compiled);
    assert.deepStrictEqual(changes.at(-1), { matching: true });
    assert.deepStrictEqual(termsFound('Blue Economies', store), ['blue-economies: S.']);
  });

  it('an entry that overrides a built-in one with only another summary compiles again, and never changes the built-in entry', async () => {
    const { store } = storeWithLog();
    const text = (summary: string) => joinLines('terms:', '  - id: CN', '    term: China', '    kind: party', `    summary: ${summary}`, '');
    await store.setText('a.glossary.yaml', text('Mine.'));
    assert.strictEqual(store.merged.byId.get('CN')?.summary, 'Mine.');
    await store.setText('a.glossary.yaml', text('Mine, edited.'));
    store.delete('a.glossary.yaml');
    assert.strictEqual(BUILTIN.byId.get('CN')?.summary, undefined);
    assert.strictEqual(store.merged.byId.get('CN')?.summary, undefined);
  });

  it('drops the answer to a superseded parse, and a parse of a file deleted meanwhile', async () => {
    const resolvers: ((g: Glossary) => void)[] = [];
    const parser: GlossaryParser = { parse: () => new Promise((resolve) => resolvers.push(resolve)), dispose: () => {} };
    const { store } = storeWithLog({ parser });
    const first = store.setText('a.glossary.yaml', 'old');
    const second = store.setText('a.glossary.yaml', 'new');
    resolvers[1](parseGlossary(glossaryText(['New Term', 'N.']), 'a.glossary.yaml'));
    resolvers[0](parseGlossary(glossaryText(['Old Term', 'O.']), 'a.glossary.yaml'));
    assert.deepStrictEqual(await Promise.all([first, second]), [false, true]);
    assert.ok(store.merged.byId.has('new-term') && !store.merged.byId.has('old-term'));
    const third = store.setText('b.glossary.yaml', 'b');
    store.delete('b.glossary.yaml');
    resolvers[2](parseGlossary(glossaryText(['B Term', 'B.']), 'b.glossary.yaml'));
    assert.strictEqual(await third, false);
    assert.ok(!store.has('b.glossary.yaml'));
  });

  it('a parser that rejects leaves a located problem on the file, not an unhandled rejection', async () => {
    const parser: GlossaryParser = { parse: () => Promise.reject(new Error('boom')), dispose: () => {} };
    const { store } = storeWithLog({ parser });
    assert.ok(await store.setText('a.glossary.yaml', 'terms: []'));
    assert.deepStrictEqual(
      store.problemsOf('a.glossary.yaml').map((p) => `${p.line}:${p.column} ${p.message}`),
      ['1:1 this glossary could not be parsed: boom'],
    );
  });

  it('setProblem records a file that cannot be read as one error', () => {
    const { store } = storeWithLog();
    store.setProblem('bin.glossary.yaml', 'this glossary is a binary file, not a text');
    assert.deepStrictEqual(
      store.problemsOf('bin.glossary.yaml').map((p) => `${p.severity} ${p.message}`),
      ['error this glossary is a binary file, not a text'],
    );
    assert.strictEqual(store.merged, BUILTIN);
  });
});

describe('matchingKey', () => {
  const entry = (text: string) => parseGlossary(joinLines('terms:', '  - term: Blue Economy', '    kind: concept', text, ''), 'a.yaml').entries[0];
  it('ignores the fields matching does not use', () => {
    const base = matchingKey(entry(''));
    for (const field of ['    summary: S.', '    details: D.', '    sources: [https://example.org]', '    see: [x]', '    asOf: 2026-01-01'])
      assert.strictEqual(matchingKey(entry(field)), base, field);
  });
  it('changes with every field matching or analysis uses', () => {
    const base = matchingKey(entry(''));
    for (const field of ['    aliases: [BE]', '    caseSensitive: true', '    blocks: [Blue Economy Zone]', '    members: [CN]', '    party: CN', '    id: other'])
      assert.notStrictEqual(matchingKey(entry(field)), base, field);
  });
});
