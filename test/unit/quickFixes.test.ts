import * as assert from 'assert';
import { analyzeText, type CompiledGlossary } from '../../src/core/analyze';
import { editDistance, kindQuickFixes, nearestWords, statementQuickFixes, suggestIds, type QuickFix } from '../../src/core/quickFixes';
import { TERM_KINDS } from '../../src/core/glossary';
import { loadBuiltinCompiled, loadBuiltinGlossary } from '../../src/node/builtin';
import { joinLines } from './helpers';

let builtin: CompiledGlossary | undefined;
const glossary = () => (builtin ??= loadBuiltinCompiled(loadBuiltinGlossary()));

/** The fixes around the first occurrence of `needle`, as "title" or "title → newText" lines. */
function fixesAt(text: string, needle: string): string[] {
  const at = text.indexOf(needle);
  assert.ok(at !== -1, needle);
  const analysis = analyzeText(text, glossary(), { statement: true });
  return statementQuickFixes(analysis, glossary().glossary, { start: at, end: at }).map(show);
}

function show(fix: QuickFix): string {
  return 'edit' in fix ? `${fix.title} → ${fix.edit.newText}${fix.preferred ? ' (preferred)' : ''}` : `${fix.title}: ${JSON.stringify(fix.addEntry)}`;
}

describe('quick fixes', () => {
  describe('editDistance', () => {
    it('counts insertions, deletions, substitutions and swapped neighbours', () => {
      assert.strictEqual(editDistance('BY', 'BY'), 0);
      assert.strictEqual(editDistance('BYY', 'BY'), 1);
      assert.strictEqual(editDistance('principal', 'principle'), 2);
      assert.strictEqual(editDistance('Bealrus', 'Belarus'), 1, 'a swap of neighbours is one edit');
      assert.strictEqual(editDistance('', 'abc'), 3);
      assert.strictEqual(editDistance('kitten', 'sitting'), 3);
    });

    it('stops past the limit with limit + 1', () => {
      assert.strictEqual(editDistance('abcdefgh', 'zyxwvuts', 2), 3);
      assert.strictEqual(editDistance('a', 'abcdef', 2), 3);
      assert.strictEqual(editDistance('kitten', 'sitting', 3), 3);
    });
  });

  describe('suggestIds', () => {
    it('suggests the party nearest to a mistyped id, by id, name or alias', () => {
      const entries = glossary().glossary.entries;
      const party = (e: { kind: string; members?: string[] }) => e.kind === 'party';
      assert.strictEqual(suggestIds('BYY', entries, { accept: party })[0]?.id, 'BY');
      assert.strictEqual(suggestIds('by', entries, { accept: party })[0]?.id, 'BY');
      assert.strictEqual(suggestIds('Belarus', entries, { accept: party })[0]?.id, 'BY');
      assert.strictEqual(suggestIds('Bealrus', entries, { accept: party })[0]?.id, 'BY');
      assert.strictEqual(suggestIds('白方', entries, { accept: party })[0]?.id, 'BY');
    });

    it('ranks a match on the id before one on a name, and suggests nothing far off', () => {
      const entries = glossary().glossary.entries;
      const cn = suggestIds('CNN', entries, { accept: (e) => e.kind === 'party' });
      assert.strictEqual(cn[0]?.id, 'CN');
      assert.ok(cn.length <= 3);
      assert.deepStrictEqual(suggestIds('xqzwvkj-plorb', entries), []);
      assert.deepStrictEqual(suggestIds('  ', entries), []);
    });

    it('finds a glossary id with a typo in it', () => {
      assert.strictEqual(suggestIds('global-developement-initiative', glossary().glossary.entries)[0]?.id, 'global-development-initiative');
    });
  });

  it('nearestWords: the nearest kinds and types, none when nothing is near', () => {
    assert.deepStrictEqual(nearestWords('principal', TERM_KINDS).slice(0, 1), ['principle']);
    assert.deepStrictEqual(nearestWords('Party', TERM_KINDS).slice(0, 1), ['party']);
    assert.deepStrictEqual(nearestWords('xylophone', TERM_KINDS), []);
  });

  it('kindQuickFixes: the nearest known kind for an unknown one, quoted or not', () => {
    assert.deepStrictEqual(kindQuickFixes('principal')[0], { title: 'Change to `principle`', newText: 'principle', preferred: true });
    assert.strictEqual(kindQuickFixes('"institutoin"')[0]?.newText, 'institution');
    assert.deepStrictEqual(kindQuickFixes('country'), []);
  });

  describe('statementQuickFixes', () => {
    it('a mistyped front-matter party: "did you mean `BY`?", replacing exactly the id', () => {
      const text = joinLines('---', 'parties: [CN, BYY]', '---', 'The two sides agreed to meet.');
      assert.deepStrictEqual(fixesAt(text, 'BYY').slice(0, 1), ['Did you mean `BY` (Belarus)? → BY (preferred)']);
      const analysis = analyzeText(text, glossary(), { statement: true });
      const [fix] = statementQuickFixes(analysis, glossary().glossary, { start: text.indexOf('BYY'), end: text.indexOf('BYY') + 3 });
      assert.ok('edit' in fix);
      const fixed = text.slice(0, fix.edit.start) + fix.edit.newText + text.slice(fix.edit.end);
      assert.deepStrictEqual(analyzeText(fixed, glossary(), { statement: true }).warnings, []);
    });

    it('a party named by its name in `parties=`', () => {
      const text = '[The Belarusian side supports it]{.commitment type=support parties="Belarus"}.';
      assert.deepStrictEqual(fixesAt(text, 'Belarus"').slice(0, 1), ['Did you mean `BY` (Belarus)? → BY (preferred)']);
    });

    it('an unknown #id: the nearest ids of the annotation’s kind, then "add it to a glossary" with its text and kind', () => {
      const text = 'The two sides support the [Global Development Initiative]{#global-developement-initiative .initiative}.';
      const fixes = fixesAt(text, 'developement');
      assert.strictEqual(fixes[0], 'Change to `#global-development-initiative` (Global Development Initiative) → global-development-initiative (preferred)');
      assert.strictEqual(
        fixes[fixes.length - 1],
        'Add `global-developement-initiative` to a glossary: {"id":"global-developement-initiative","term":"Global Development Initiative","kind":"initiative"}',
      );
    });

    it('an unknown #id without a class is added without a kind (the editor asks)', () => {
      const text = 'They met in [Minsk city]{#minsk-city}.';
      assert.deepStrictEqual(
        fixesAt(text, 'minsk-city').filter((f) => f.startsWith('Add')),
        ['Add `minsk-city` to a glossary: {"id":"minsk-city","term":"Minsk city"}'],
      );
    });

    it('an unknown class or commitment type: the nearest known one', () => {
      const text = '[Kenya]{.prty} [will host it]{.commitment type=plege}.';
      assert.deepStrictEqual(fixesAt(text, 'prty'), ['Change to `.party` → party (preferred)']);
      assert.deepStrictEqual(fixesAt(text, 'plege'), ['Change to `pledge` → pledge (preferred)']);
    });

    it('offers nothing away from a problem', () => {
      const text = joinLines('---', 'parties: [CN, BYY]', '---', 'The two sides agreed to meet.');
      assert.deepStrictEqual(fixesAt(text, 'agreed'), []);
    });
  });
});
