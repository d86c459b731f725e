import * as assert from 'assert';
import { analyzeText, compileGlossary, termAt, type Analysis, type CompiledGlossary } from '../../src/core/analyze';
import { findShortForms, partyInitials } from '../../src/core/shortForms';
import { parseBuiltinGlossary } from '../../src/node/builtin';
import { ROOT, fixture, joinLines } from './helpers';

let builtin: CompiledGlossary | undefined;
function glossary(): CompiledGlossary {
  builtin ??= compileGlossary(parseBuiltinGlossary(ROOT));
  return builtin;
}

/** The terms the analysis found (not annotated by hand) whose text is `form`, as ids. */
function foundAs(analysis: Analysis, form: string): string[] {
  return analysis.terms.filter((t) => !t.explicit && analysis.plain.slice(t.start, t.end) === form).map((t) => `${t.kind} ${t.id}`);
}

/** A Chinese statement of the given parties (front matter), with these sentences. */
function statement(parties: string[], ...lines: string[]): string {
  return joinLines('---', 'language: zh', `parties: [${parties.join(', ')}]`, '---', ...lines);
}

describe('shortForms', () => {
  it('reports 阿方 in the China–UAE statement as the UAE, wherever the text has it', () => {
    const text = fixture('real/zh-china-uae-2019.statement');
    const analysis = analyzeText(text, glossary());
    const occurrences = analysis.plain.split('阿方').length - 1;
    const found = foundAs(analysis, '阿方');
    // One is annotated by hand in the fixture; the analysis finds all the others.
    assert.ok(occurrences >= 5, `${occurrences} occurrences`);
    assert.deepStrictEqual(found, Array(occurrences - 1).fill('party AE'));
  });

  it('reports 所方 in the China–Solomon Islands statement as Solomon Islands', () => {
    const analysis = analyzeText(fixture('real/zh-china-solomon-2024.statement'), glossary());
    const found = foundAs(analysis, '所方');
    assert.ok(found.length >= 3, found.join());
    assert.deepStrictEqual(new Set(found), new Set(['party SB']));
  });

  it('is the term under the cursor, as the hover asks for it', () => {
    const text = statement(['CN', 'AE'], '中方感谢阿方的支持。');
    const analysis = analyzeText(text, glossary());
    const at = text.indexOf('阿方') + 1;
    assert.strictEqual(termAt(analysis, at)?.entry.term, 'United Arab Emirates');
  });

  it('reports a short form only where its initial is one document party’s', () => {
    const sentence = '中方支持阿方为维护国家主权所作努力。';
    assert.deepStrictEqual(foundAs(analyzeText(statement(['CN', 'AE'], sentence), glossary()), '阿方'), ['party AE']);
    // Argentina and Algeria both begin with 阿: 阿方 names neither.
    assert.deepStrictEqual(foundAs(analyzeText(statement(['CN', 'AR', 'DZ'], sentence), glossary()), '阿方'), []);
    // No party begins with 阿.
    assert.deepStrictEqual(foundAs(analyzeText(statement(['CN', 'FR'], sentence), glossary()), '阿方'), []);
  });

  it('does not report two characters that are not a word of the sentence, or an ordinary word', () => {
    const g = glossary().glossary;
    const found = (parties: string[], text: string) => findShortForms(text, partyInitials(parties, g), []).map((f) => text.slice(f.start, f.end));
    assert.deepStrictEqual(found(['CN', 'IL'], '以方便两国人员往来。以方支持这一倡议。'), ['以方']);
    assert.deepStrictEqual(found(['CN', 'SB'], '该研究所方面表示，所方面临困难。'), ['所方']);
    assert.deepStrictEqual(found(['CN', 'ES'], '西方国家对此表示关切。'), []);
    assert.deepStrictEqual(found(['CN', 'TL'], '东方文明源远流长。'), []);
  });

  it('leaves a form the glossary has to the glossary (中方)', () => {
    const analysis = analyzeText(statement(['CN', 'AE'], '中方感谢阿方的支持。'), glossary());
    assert.deepStrictEqual(
      analysis.terms.map((t) => `${analysis.plain.slice(t.start, t.end)} ${t.id}`),
      ['中方 CN', '阿方 AE'],
    );
  });
});
