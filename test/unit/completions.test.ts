import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { COMPLETION_TRIGGER_CHARACTERS, completeStatement, entryFilterText, findCompletionContext } from '../../src/core/completions';
import { mergeGlossaries, parseGlossary, type Glossary } from '../../src/core/glossary';
import { findFrontMatter, parseStatement } from '../../src/core/statement';
import { parseBuiltinGlossary } from '../../src/node/builtin';
import { ROOT, joinLines } from './helpers';

const CURSOR = '$$CURSOR$$';

/** The text without its cursor marker, and the marker's offset. */
function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset !== -1, 'no cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

/** A real statement (of test/fixtures/real, or else the integration workspace) with `inserted` and the cursor right after the first `after`. */
function realWithCursor(file: string, after: string, inserted = ''): { text: string; offset: number } {
  const real = path.join(ROOT, 'test/fixtures/real', file);
  const text = existsSync(real) ? readFileSync(real, 'utf8') : readFileSync(path.join(ROOT, 'test/integration/workspace', file), 'utf8');
  const at = text.indexOf(after);
  assert.ok(at !== -1, `"${after}" is not in ${file}`);
  const offset = at + after.length;
  return { text: text.slice(0, offset) + inserted + text.slice(offset), offset: offset + inserted.length };
}

describe('completions', () => {
  let builtin: Glossary;
  before(() => {
    builtin = parseBuiltinGlossary(ROOT);
  });

  const complete = (marked: { text: string; offset: number }, glossary = builtin) => completeStatement(marked.text, marked.offset, glossary);
  const labels = (marked: { text: string; offset: number }, glossary = builtin) => complete(marked, glossary)?.items.map((i) => i.label);

  describe('never in prose', () => {
    it('offers nothing after a word of prose, such as "principle" at the end of a sentence', () => {
      const marked = realWithCursor('zh-china-france-2025.statement', '国际安全与稳定面临的挑战与威胁');
      assert.strictEqual(complete(marked), undefined);
      const english = withCursor('Reiterating its adherence to the principle$$CURSOR$$\nThe two sides will deepen cooperation.');
      assert.strictEqual(complete(english), undefined);
    });

    it('offers nothing outside attribute blocks and front matter, at any offset of the real statements', () => {
      const dir = path.join(ROOT, 'test/fixtures/real');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.statement'))) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const parsed = parseStatement(text);
        const markup = new Uint8Array(text.length + 1);
        // Attribute blocks, from just after `]{` to just before `}` (both ends are cursor positions inside).
        for (const a of parsed.annotations) markup.fill(1, a.span.end + 2, a.markup.end);
        const yaml = findFrontMatter(text)?.yaml;
        if (yaml) markup.fill(1, 0, yaml.end + 1);
        for (let offset = 0; offset <= text.length; offset++) {
          if (markup[offset]) continue;
          assert.strictEqual(findCompletionContext(text, offset), undefined, `${file} at ${offset}: ${JSON.stringify(text.slice(offset - 20, offset))}`);
        }
      }
    });
  });

  describe('glossary ids after {#', () => {
    it('offers every entry of the built-in glossary, labelled by id with name and kind', () => {
      const marked = realWithCursor('zh-china-france-2025.statement', '国际人道法]{.principle}的行为', '[包括]{#');
      const result = complete(marked)!;
      assert.strictEqual(result.context, 'id');
      assert.strictEqual(result.items.length, builtin.entries.length);
      const by = result.items.find((i) => i.label === 'BY')!;
      assert.strictEqual(by.description, 'Belarus · Party');
      assert.strictEqual(by.insertText, 'BY');
      assert.deepStrictEqual(result.range, { start: marked.offset, end: marked.offset });
      assert.strictEqual(result.incomplete, true);
    });

    it('lets a Chinese or English alias find the entry', () => {
      const statement = readFileSync(path.join(ROOT, 'test/integration/workspace/china-belarus-2022.statement'), 'utf8');
      const typed = (query: string) => complete(withCursor(statement.replace('the Belarusian side recognizes', () => `[the Belarusian side]{#${query}${CURSOR}} recognizes`)))!;
      const zh = typed('白方').items.find((i) => i.label === 'BY')!;
      assert.ok(zh.filterText!.startsWith('白方 '), zh.filterText);
      const en = typed('Byelorussia').items.find((i) => i.label === 'BY')!;
      assert.ok(en.filterText!.startsWith('Byelorussia '), en.filterText);
      // The range covers what is typed after `#`, so the editor filters by it.
      const result = typed('白方');
      assert.strictEqual(result.range.end - result.range.start, 2);
    });

    it('finds a Chinese name from the middle, where the editor wants a word start', () => {
      const entry = builtin.entries.find((e) => e.aliases.includes('一个中国原则'))!;
      const filter = entryFilterText(entry, '中国原则');
      assert.ok(filter.startsWith('中国原则 一个中国原则'), filter);
      // Without a query: the id, then every form.
      assert.ok(entryFilterText(entry, '').startsWith(`${entry.id} ${entry.term}`));
    });

    it('lists the document parties first, and workspace entries beside the built-in ones', () => {
      const workspace = parseGlossary(
        joinLines('terms:', '  - id: xiamen-consensus', '    term: Xiamen Consensus', '    kind: principle', '    aliases: [厦门共识]'),
        'my.glossary.yaml',
      );
      const merged = mergeGlossaries([builtin, workspace]);
      const marked = withCursor(joinLines('---', 'title: Test', 'parties: [CN, BY]', '---', '[The two sides]{#$$CURSOR$$}'));
      const items = complete(marked, merged)!.items;
      const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((i) => i.label);
      assert.deepStrictEqual(sorted.slice(0, 2), ['BY', 'CN']);
      assert.ok(items.some((i) => i.label === 'xiamen-consensus' && i.description === 'Xiamen Consensus · Principle'));
    });

    it('replaces the whole id around the cursor', () => {
      const marked = withCursor('[the Belarusian side]{#B$$CURSOR$$Yx .party}');
      const result = complete(marked)!;
      assert.strictEqual(marked.text.slice(result.range.start, result.range.end), 'BYx');
    });
  });

  describe('kinds after {.', () => {
    it('offers the term kinds and commitment', () => {
      const marked = realWithCursor('zh-china-france-2025.statement', '[国际法]{.');
      const result = complete(marked)!;
      assert.strictEqual(result.context, 'class');
      assert.deepStrictEqual(
        result.items.map((i) => i.label),
        ['party', 'principle', 'initiative', 'institution', 'partnership', 'agreement', 'person', 'concept', 'commitment'],
      );
      assert.strictEqual(marked.text.slice(result.range.start, result.range.end), 'principle');
    });
  });

  describe('attributes inside {…}', () => {
    it('offers the attribute names not yet written, commitment ones first on a commitment', () => {
      const marked = realWithCursor('zh-china-france-2025.statement', '{.commitment type=pledge parties="CN FR"', ' ');
      const result = complete(marked)!;
      assert.strictEqual(result.context, 'attribute-name');
      assert.deepStrictEqual(
        result.items.map((i) => i.label),
        ['note=', 'actor=', 'strength=', 'negated=', 'trigger='],
      );
      const note = result.items.find((i) => i.label === 'note=')!;
      assert.deepStrictEqual([note.insertText, note.snippet], ['note="$1"', true]);
      const onTerm = complete(withCursor('[Taiwan]{.party $$CURSOR$$}'))!.items;
      assert.strictEqual([...onTerm].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))[0].label, 'note=');
    });

    it('offers the commitment types after type=, and opens them again after the name is inserted', () => {
      const name = complete(withCursor('[will deepen cooperation]{.commitment ty$$CURSOR$$}'))!.items.find((i) => i.label === 'type=')!;
      assert.deepStrictEqual([name.insertText, name.retrigger], ['type=', true]);
      const marked = realWithCursor('zh-china-france-2025.statement', '应对国际安全与稳定面临的挑战与威胁]{.commitment type=');
      const result = complete(marked)!;
      assert.strictEqual(result.context, 'attribute-value');
      assert.deepStrictEqual(
        result.items.map((i) => i.label),
        ['pledge', 'support', 'oppose', 'affirm', 'request'],
      );
      assert.strictEqual(result.items[2].description, 'Opposition');
      assert.strictEqual(marked.text.slice(result.range.start, result.range.end), 'pledge');
    });

    it('completes the next type of a quoted list, leaving out the ones listed', () => {
      // Between the two types of `type="affirm pledge"`.
      const marked = realWithCursor('zh-china-france-2025.statement', '{.commitment type="affirm', ' ');
      assert.deepStrictEqual(labels(marked), ['support', 'oppose', 'request']);
    });

    it('offers party ids after parties=, the document parties first, without those already listed', () => {
      const marked = withCursor(joinLines('---', 'parties: [CN, FR]', '---', '[中法两国共同致力于]{.commitment type=pledge parties="FR $$CURSOR$$"}'));
      const result = complete(marked)!;
      assert.strictEqual(result.context, 'attribute-value');
      assert.ok(result.items.every((i) => i.entry?.kind === 'party'));
      assert.ok(!result.items.some((i) => i.label === 'FR'));
      assert.strictEqual([...result.items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))[0].label, 'CN');
      assert.ok(result.items.find((i) => i.label === 'CN')!.filterText!.includes('中国'));
    });

    it('offers nothing inside free text (note=) or after the block closes', () => {
      assert.strictEqual(complete(withCursor('[Taiwan]{.party note="the principle $$CURSOR$$"}')), undefined);
      assert.strictEqual(complete(withCursor('[Taiwan]{.party} and the principle $$CURSOR$$')), undefined);
      assert.strictEqual(complete(withCursor('[Taiwan]{.party}\n{#$$CURSOR$$')), undefined);
    });
  });

  describe('front matter', () => {
    it('offers the keys not yet written', () => {
      const marked = withCursor(joinLines('---', 'title: Joint Statement', 'pa$$CURSOR$$', '---', 'The two sides agreed.'));
      const result = complete(marked)!;
      assert.strictEqual(result.context, 'front-matter-key');
      assert.deepStrictEqual(
        result.items.map((i) => i.label),
        ['date', 'parties', 'place', 'source', 'language'],
      );
      assert.strictEqual(marked.text.slice(result.range.start, result.range.end), 'pa');
      const parties = result.items.find((i) => i.label === 'parties')!;
      assert.deepStrictEqual([parties.insertText, parties.retrigger], ['parties: [$1]', true]);
    });

    it('offers party ids in parties:, flow or block, without those already listed', () => {
      const flow = withCursor(joinLines('---', 'parties: [CN, $$CURSOR$$]', '---', ''));
      const result = complete(flow)!;
      assert.strictEqual(result.context, 'front-matter-value');
      assert.ok(result.items.some((i) => i.label === 'BY'));
      assert.ok(!result.items.some((i) => i.label === 'CN'));
      assert.ok(result.items.every((i) => i.entry?.kind === 'party'));
      const block = withCursor(joinLines('---', 'parties:', '  - CN', '  - B$$CURSOR$$', 'language: en', '---'));
      const items = complete(block)!.items;
      assert.ok(items.some((i) => i.label === 'BY') && !items.some((i) => i.label === 'CN'));
    });

    it('offers languages after language:, nothing after a free-text key', () => {
      const marked = realWithCursor('zh-china-france-2025.statement', 'language: ');
      assert.deepStrictEqual(labels({ text: marked.text.replace('language: zh', 'language: '), offset: marked.offset }), ['en', 'zh', 'ru', 'fr', 'es', 'ar']);
      assert.strictEqual(complete(realWithCursor('zh-china-france-2025.statement', 'title: ')), undefined);
    });

    it('completes in front matter that is not closed yet, but not in the text after its first blank line', () => {
      assert.strictEqual(complete(withCursor(joinLines('---', 'title: Test', 'lang$$CURSOR$$')))?.context, 'front-matter-key');
      assert.strictEqual(complete(withCursor(joinLines('---', 'title: Test', '', 'The two sides$$CURSOR$$'))), undefined);
    });
  });

  describe('snippets and words of the statement language', () => {
    const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

    it('has no snippet prefix that starts like a word of prose, nor one that starts with a trigger character', () => {
      const snippets = read('snippets/statement.code-snippets') as Record<string, { prefix: string | string[] }>;
      const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
      assert.ok(prefixes.length >= 9);
      for (const prefix of prefixes) {
        assert.ok(!/^[\p{L}\p{N}]/u.test(prefix), `snippet prefix "${prefix}" starts like a word of prose`);
        // VS Code asks for snippets on every trigger character, with those that start with it.
        assert.ok(!COMPLETION_TRIGGER_CHARACTERS.includes(prefix[0]), `snippet prefix "${prefix}" starts with a trigger character`);
      }
    });

    it('reads words of any script with its word pattern (as VS Code builds it)', () => {
      const { wordPattern } = read('syntaxes/language-configuration.json');
      // VS Code: a string is a pattern without flags; an object gives its flags.
      const regex = typeof wordPattern === 'string' ? new RegExp(wordPattern, 'g') : new RegExp(wordPattern.pattern, `${wordPattern.flags ?? ''}g`);
      const words = (text: string): string[] => text.match(regex) ?? [];
      const english = words(readFileSync(path.join(ROOT, 'test/integration/workspace/china-belarus-2022.statement'), 'utf8'));
      assert.ok(english.includes('one-China') && english.includes('Belarusian') && english.includes('30'));
      assert.ok(!english.some((w) => ['p', 'pp', 'L', 'N', '{', '}'].includes(w)));
      const chinese = words('白方重申恪守一个中国原则，承认中华人民共和国政府');
      assert.deepStrictEqual(chinese, ['白方重申恪守一个中国原则', '承认中华人民共和国政府']);
    });
  });
});
