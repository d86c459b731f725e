/**
 * The analysis facade's block structure: blocks and annotations, the per-block cache across edits,
 * and the memory that cache keeps over a long editing session.
 */
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { BlockCache, analyzeText, analyzeTextInSlices, compileGlossary, splitBlocks, type Analysis } from '../../src/core/analyze';
import { parseGlossary } from '../../src/core/glossary';
import { comparableAnalysis, fixture, fixtureGlossary, joinLines } from './helpers';

describe('analysis', () => {
  const glossary = fixtureGlossary();

  it('cuts blocks after lines that end a sentence and at blank lines, and keeps an annotation in one block', () => {
    const text = joinLines('The two sides agreed.', 'They will meet', 'again soon.', '', 'Next.');
    assert.deepStrictEqual(
      splitBlocks(text).map((b) => text.slice(b.start, b.end)),
      ['The two sides agreed.\n', 'They will meet\nagain soon.\n', '\n', 'Next.'],
    );
    const markup = { start: text.indexOf('agreed'), end: text.indexOf('They') + 4 };
    assert.deepStrictEqual(
      splitBlocks(text, [markup]).map((b) => text.slice(b.start, b.end)),
      ['The two sides agreed.\nThey will meet\nagain soon.\n', '\n', 'Next.'],
    );
  });

  it('shares the results of unchanged blocks with the analysis before an edit', () => {
    const text = fixture('china-belarus-2022.txt');
    const cache = new BlockCache();
    const before = analyzeText(text, glossary, { cache });
    const at = text.indexOf('\n', text.length / 2) + 1;
    const after = analyzeText(text.slice(0, at) + 'Indeed, ' + text.slice(at), glossary, { cache });
    const shared = after.blocks.filter((b) => before.blocks.some((p) => p.result === b.result)).length;
    assert.strictEqual(after.blocks.length, before.blocks.length);
    assert.strictEqual(shared, after.blocks.length - 1, 'only the edited block is analysed again');
  });

  it('takes document parties from where the document names them, never from mentions; a group stands for its members', () => {
    const yaml = joinLines(
      'terms:',
      '  - {id: US, term: United States, kind: party}',
      '  - {id: JP, term: Japan, kind: party}',
      '  - {id: UA, term: Ukraine, kind: party}',
      '  - {id: RU, term: Russia, kind: party}',
      '  - {id: g7, term: Group of Seven, kind: institution, aliases: [G7], members: [US, JP]}',
    );
    const g7 = compileGlossary(parseGlossary(yaml, 'g.yaml'));
    const body = joinLines('We are determined to work together to:', '- support Ukraine against the war of Russia;', '- promote the rule of law.');
    const opened = analyzeText(joinLines('Leaders’ Communiqué', 'We, the Leaders of the Group of Seven (G7), met in Hiroshima.', body), g7);
    assert.deepStrictEqual(
      opened.parties.map((p) => p.id),
      ['US', 'JP'],
    );
    assert.deepStrictEqual([...new Set(opened.commitments.map((c) => c.parties.join(',')))], ['US,JP']);
    // Names with articles and an Oxford comma: the appositive runs to the comma before the verb.
    const named = analyzeText('We, the leaders of Japan, the United States, and the Group of Seven, met in Kyiv with Ukraine.', g7);
    assert.deepStrictEqual(
      named.parties.map((p) => p.id),
      ['JP', 'US'],
    );
    // The states a text mentions most are not its parties.
    assert.deepStrictEqual(analyzeText(joinLines('Leaders’ Communiqué', body), g7).parties, []);
  });

  it('carries a lead-in into the blocks of its items: editing it re-analyses them, an edit elsewhere does not', () => {
    const text = fixture('lead-in-lists.txt');
    const cache = new BlockCache();
    const before = analyzeText(text, glossary, { cache });
    const itemParties = (a: Analysis) => a.commitments.filter((c) => /^(?:to meet|To further|to oppose)$/.test(c.trigger)).map((c) => c.parties.join(','));
    assert.deepStrictEqual(itemParties(before), ['US,KE', 'US,KE', 'US,KE']);
    const edited = text.replace('The Parties agree:', 'Kenya agrees:');
    const after = analyzeText(edited, glossary, { cache });
    assert.deepStrictEqual(itemParties(after), ['KE', 'KE', 'KE']);
    assert.deepStrictEqual(comparableAnalysis(after), comparableAnalysis(analyzeText(edited, glossary)));
    // A one-line edit outside any list re-analyses that block only.
    const elsewhere = analyzeText(edited.replace('held talks', 'held useful talks'), glossary, { cache });
    const shared = elsewhere.blocks.filter((b) => after.blocks.some((p) => p.result === b.result)).length;
    assert.strictEqual(shared, elsewhere.blocks.length - 1);
  });

  it('analyses in slices to the same result, and can be abandoned between slices', async () => {
    const base = fixture('china-belarus-2022.txt') + '\n' + fixture('zh-joint-statement.txt');
    const text = Array.from({ length: 30 }, (_, k) => base.replace(/^(?=\S)/gm, `(${k}) `)).join('\n');
    const strip = (a: Analysis) => ({ ...comparableAnalysis(a), blocks: a.blocks.length });
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    const cache = new BlockCache();
    const sliced = await analyzeTextInSlices(text, glossary, { cache, sliceMs: 0, pause });
    assert.ok(sliced && pauses > 5, `${pauses} pauses`);
    assert.deepStrictEqual(strip(sliced), strip(analyzeText(text, glossary)));
    // Abandoned after a few slices: nothing is returned, and the cache still gives right answers.
    const other = new BlockCache();
    let left = 3;
    assert.strictEqual(await analyzeTextInSlices(text, glossary, { cache: other, sliceMs: 0, pause, cancelled: () => --left < 0 }), undefined);
    assert.deepStrictEqual(strip(analyzeText(text, glossary, { cache: other })), strip(analyzeText(text, glossary)));
  });

  it('does not keep earlier versions of a document alive through its cache', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const base = fixture('china-belarus-2022.txt');
    let n = 0;
    let text = Array.from({ length: 200 }, () => base.replace(/^(?=\S)/gm, () => `(${++n}) `)).join('\n');
    const cache = new BlockCache();
    analyzeText(text, glossary, { cache });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 60; k++) {
      // An edit in another paragraph each time, on a fresh flat string as an editor hands it over.
      const at = text.indexOf('\n', Math.floor((((k * 7919) % 1000) / 1000) * text.length)) + 1;
      text = Buffer.from(text.slice(0, at) + 'x' + text.slice(at)).toString();
      analyzeText(text, glossary, { cache });
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Keeping each version (~1 MB, two bytes a character) would grow the heap by ~60 MB.
    assert.ok(grown < 8e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 60 edits of a ${(text.length / 1e6).toFixed(2)} M-character text`);
  });
});
