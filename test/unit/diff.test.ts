import * as assert from 'assert';
import { diffCommitments, olderFirst, stemWord, type CommitmentChange, type CommitmentDiff } from '../../src/core/diff';
import type { Analysis } from '../../src/core/analyze';
import { analyze, fixture, joinLines } from './helpers';

/** A change as [kind, old trigger or null, new trigger or null]. */
function triggers(diff: CommitmentDiff): [string, string | null, string | null][] {
  return diff.changes.map((c) => [c.change, c.old?.trigger ?? null, c.new?.trigger ?? null]);
}

/** The words a change marks on each side, as text. */
function marked(c: CommitmentChange, oldDoc: Analysis, newDoc: Analysis): [string[], string[]] {
  return [c.oldMarks.map((m) => oldDoc.plain.slice(m.start, m.end)), c.newMarks.map((m) => newDoc.plain.slice(m.start, m.end))];
}

/** The diff of two texts analysed with the fixture glossary, with the analyses. */
function diffTexts(oldText: string, newText: string) {
  const oldDoc = analyze(oldText);
  const newDoc = analyze(newText);
  return { oldDoc, newDoc, diff: diffCommitments(oldDoc, newDoc) };
}

describe('diff', () => {
  const reference = fixture('china-belarus-2022.txt');

  it('pairs every commitment of a document with itself as kept', () => {
    const { diff } = diffTexts(reference, reference);
    assert.strictEqual(diff.changes.length, 13);
    assert.ok(diff.changes.every((c) => c.change === 'kept' && c.oldIndex === c.newIndex && c.similarity === 1));
    assert.deepStrictEqual(diff.terms, { added: [], dropped: [] });
  });

  it('is robust to reordered and renumbered paragraphs', () => {
    const lines = reference.split('\n');
    // The commitments' paragraphs, last first, each numbered.
    const shuffled = [
      ...lines.slice(0, 3),
      ...lines
        .slice(3)
        .reverse()
        .map((l, i) => (l.trim() ? `${i + 1}. ${l}` : l)),
    ].join('\n');
    const { diff } = diffTexts(reference, shuffled);
    assert.deepStrictEqual(
      diff.changes.map((c) => c.change),
      Array(13).fill('kept'),
    );
    // Each pairs with the same words, not merely some commitment of the same kind.
    const { oldDoc, newDoc } = diffTexts(reference, shuffled);
    for (const c of diffCommitments(oldDoc, newDoc).changes) {
      assert.strictEqual(oldDoc.plain.slice(c.old!.start, c.old!.end), newDoc.plain.slice(c.new!.start, c.new!.end));
    }
  });

  it('classifies each kind of change on the reference statement against an edited copy', () => {
    // test/fixtures/diff/china-belarus-2022-edited.txt: paragraphs numbered and reordered; "will
    // deepen" the Belt and Road cooperation now "welcome"; "firmly support each other" lost its
    // adverb; "opposes … Taiwan independence" now "does not oppose"; "supports all efforts" now
    // "firmly supports"; the Belarusian side's support for the GDI and GSI now the two sides';
    // "the framework of the United Nations" now "the UN framework"; "maintain close
    // communication …" gone; trade and flights new; the SCO and the Party Congress no longer named.
    const { oldDoc, newDoc, diff } = diffTexts(reference, fixture('diff/china-belarus-2022-edited.txt'));
    assert.deepStrictEqual(triggers(diff), [
      ['retyped', 'will deepen', 'welcome'],
      ['kept', 'continue to advance', 'continue to advance'],
      ['kept', 'agreed to upgrade', 'agreed to upgrade'],
      ['kept', 'respect and support', 'respect and support'],
      ['weakened', 'firmly support', 'support'],
      ['kept', 'recognizes', 'recognizes'],
      ['strengthened', 'supports', 'firmly supports'],
      ['negated', 'opposes', 'does not oppose'],
      ['actor-changed', 'supports', 'support'],
      ['reworded', 'will continue to strengthen', 'will continue to strengthen'],
      ['dropped', 'maintain', null],
      ['kept', 'follow', 'follow'],
      ['kept', 'jointly advocate', 'jointly advocate'],
      ['added', null, 'will expand'],
      ['added', null, 'open'],
    ]);
    const byKind = (kind: string) => diff.changes.find((c) => c.change === kind)!;
    assert.deepStrictEqual(byKind('actor-changed').old!.parties, ['BY']);
    assert.deepStrictEqual([...byKind('actor-changed').new!.parties].sort(), ['BY', 'CN']);
    assert.deepStrictEqual(marked(byKind('weakened'), oldDoc, newDoc), [['firmly'], []]);
    assert.deepStrictEqual(marked(byKind('strengthened'), oldDoc, newDoc), [[], ['firmly']]);
    assert.deepStrictEqual(marked(byKind('reworded'), oldDoc, newDoc), [['of the United Nations'], ['UN']]);
    assert.deepStrictEqual(marked(byKind('actor-changed'), oldDoc, newDoc), [
      ['Belarusian side', 'supports'],
      ['two sides', 'support'],
    ]);
    assert.deepStrictEqual(diff.terms, { added: [], dropped: ['sco', 'communist-party-of-china'] });
  });

  it('gives each side the sentence its commitment is in', () => {
    const { newDoc, diff } = diffTexts(reference, fixture('diff/china-belarus-2022-edited.txt'));
    const negated = diff.changes.find((c) => c.change === 'negated')!;
    assert.strictEqual(newDoc.plain.slice(negated.newSentence!.start, negated.newSentence!.end), 'The Belarusian side does not oppose any form of "Taiwan independence."');
  });

  it('reads an intensifying adverb the engine does not count as strength', () => {
    const { oldDoc, newDoc, diff } = diffTexts('The two sides support the Global Development Initiative.', 'The two sides actively support the Global Development Initiative.');
    assert.strictEqual(diff.changes[0].old!.strength, diff.changes[0].new!.strength);
    assert.deepStrictEqual(triggers(diff), [['strengthened', 'support', 'actively support']]);
    assert.deepStrictEqual(marked(diff.changes[0], oldDoc, newDoc), [[], ['actively']]);
  });

  it('weakens a pledge hedged by a modal or a phrase', () => {
    const modal = diffTexts('China and Belarus will expand trade in agricultural products.', 'China and Belarus may expand trade in agricultural products.');
    assert.deepStrictEqual(triggers(modal.diff), [['weakened', 'will expand', 'may expand']]);
    const phrase = diffTexts('China and Belarus will expand trade in agricultural products.', 'China and Belarus will expand trade in agricultural products where appropriate.');
    assert.deepStrictEqual(
      phrase.diff.changes.map((c) => c.change),
      ['weakened'],
    );
  });

  it('calls a change of punctuation or case kept, and of words reworded', () => {
    const base = 'The two sides will deepen the high-quality Belt and Road cooperation.';
    assert.deepStrictEqual(
      diffTexts(base, 'The two sides will deepen the high quality Belt and Road Cooperation!').diff.changes.map((c) => c.change),
      ['kept'],
    );
    const reworded = diffTexts(base, 'The two sides will deepen the high-quality cooperation under the Belt and Road Initiative.');
    assert.deepStrictEqual(triggers(reworded.diff), [['reworded', 'will deepen', 'will deepen']]);
  });

  it('reads other words for the same parties as a rewording, not a change of actor', () => {
    const opening = 'China and Belarus issued a joint statement.';
    const { diff } = diffTexts(
      joinLines(opening, 'The two sides will deepen the Belt and Road cooperation.'),
      joinLines(opening, 'China and Belarus will deepen the Belt and Road cooperation.'),
    );
    assert.deepStrictEqual([...diff.changes[0].old!.parties].sort(), ['BY', 'CN']);
    assert.deepStrictEqual(
      diff.changes.map((c) => c.change),
      ['reworded'],
    );
  });

  it('classifies by the first change that applies: negation before type before actor before strength', () => {
    const { diff } = diffTexts('Belarus firmly supports the Global Security Initiative.', 'China does not oppose the Global Security Initiative.');
    assert.deepStrictEqual(
      diff.changes.map((c) => c.change),
      ['negated'],
    );
    const retyped = diffTexts('Belarus firmly supports the Global Security Initiative.', 'China opposes the Global Security Initiative.');
    assert.deepStrictEqual(
      retyped.diff.changes.map((c) => c.change),
      ['retyped'],
    );
  });

  it('does not pair commitments about different things: one is dropped, the other added', () => {
    const { diff } = diffTexts('The two sides support the Global Development Initiative.', 'The two sides support the Paris Agreement.');
    assert.deepStrictEqual(triggers(diff), [
      ['dropped', 'support', null],
      ['added', null, 'support'],
    ]);
  });

  it('pairs each commitment once, with the most similar one', () => {
    const { diff } = diffTexts(
      joinLines('The two sides support the Global Development Initiative.', 'The two sides support the Global Security Initiative.'),
      joinLines('The two sides firmly support the Global Security Initiative.', 'The two sides support the Global Development Initiative.'),
    );
    assert.deepStrictEqual(
      diff.changes.map((c) => [c.change, c.oldIndex, c.newIndex]),
      [
        ['strengthened', 1, 0],
        ['kept', 0, 1],
      ],
    );
  });

  it('lists glossary terms found in one document only, by id in order of appearance', () => {
    const { diff } = diffTexts(
      'The two sides support the Global Development Initiative and the Paris Agreement.',
      'The two sides support UNCLOS and the Global Development Initiative and the SCO.',
    );
    assert.deepStrictEqual(diff.terms, { added: ['unclos', 'sco'], dropped: ['paris-agreement'] });
  });

  it('lists only glossary entries as terms, not words annotated with a kind that no glossary defines', () => {
    const { diff } = diffTexts(
      'The two sides support the [Xiamen Consensus]{.initiative}.',
      'The two sides support the [Paris Agreement]{.agreement} and the [Lima Accord]{.agreement}.',
    );
    assert.deepStrictEqual(diff.terms, { added: ['paris-agreement'], dropped: [] });
  });

  it('compares Chinese commitments by their characters', () => {
    const { diff } = diffTexts('中方支持全球发展倡议。\n白方反对任何形式的"台独"。', '白方坚决反对任何形式的"台独"。\n中方支持全球发展倡议。');
    assert.deepStrictEqual(
      diff.changes.map((c) => c.change),
      ['strengthened', 'kept'],
    );
  });

  it('takes the older of two dated documents as the old one, else the order given', () => {
    const dated = (date?: string) => ({ analysis: analyze(date ? `---\ndate: ${date}\n---\nThe two sides agreed.` : 'The two sides agreed.') });
    const [y2022, y2023, undated] = [dated('2022-09-15'), dated('2023-03-01'), dated()];
    assert.deepStrictEqual(olderFirst(y2023, y2022), [y2022, y2023]);
    assert.deepStrictEqual(olderFirst(y2022, y2023), [y2022, y2023]);
    assert.deepStrictEqual(olderFirst(y2023, undated), [y2023, undated]);
    assert.deepStrictEqual(olderFirst(undated, y2022), [undated, y2022]);
  });

  it('stems English words lightly', () => {
    assert.deepStrictEqual(['initiatives', 'initiative', 'supported', 'supports', 'strengthening', 'strengthen', 'process', 'status', "china's"].map(stemWord), [
      'initiativ',
      'initiativ',
      'support',
      'support',
      'strengthen',
      'strengthen',
      'process',
      'status',
      'china',
    ]);
  });

  describe('real consecutive statements of the same parties (test/fixtures/diff/README.md)', () => {
    it('China–France joint statements of 2024 (AI, global governance) and 2025 (Ukraine, Palestine): nothing in common is paired', () => {
      // test/fixtures/real/: the two share no commitment (read from both), so none may pair.
      const { oldDoc, newDoc, diff } = diffTexts(fixture('real/zh-china-france-ai-2024.statement'), fixture('real/zh-china-france-2025.statement'));
      assert.ok(oldDoc.commitments.length >= 5 && newDoc.commitments.length >= 5);
      assert.deepStrictEqual(
        diff.changes.map((c) => c.change),
        [...Array(oldDoc.commitments.length).fill('dropped'), ...Array(newDoc.commitments.length).fill('added')],
      );
      // 联合国 (the United Nations) is named in 2025 only.
      assert.ok(diff.terms.added.includes('UN'), JSON.stringify(diff.terms));
    });

    /** Each change as its kind and the first words of each side's commitment. */
    const opening = (doc: Analysis, c: CommitmentChange['old']) => (c ? doc.plain.slice(c.start, c.end).split(/\s+/).slice(0, 4).join(' ') : null);

    it('GA resolutions 79/7 and 80/4 on the embargo against Cuba: the sessions named change, the calls stay', () => {
      const { oldDoc, newDoc, diff } = diffTexts(fixture('diff/unga-79-7-cuba-embargo.txt'), fixture('diff/unga-80-4-cuba-embargo.txt'));
      assert.deepStrictEqual(
        diff.changes.map((c) => [c.change, opening(oldDoc, c.old), opening(newDoc, c.new)]),
        [
          ['kept', 'Reiterates its call upon', 'Reiterates its call upon'],
          ['kept', 'Once again urges States', 'Once again urges States'],
          ['reworded', 'Requests the Secretary-General, in', 'Requests the Secretary-General, in'],
          ['reworded', 'Decides to include in', 'Decides to include in'],
        ],
      );
      for (const c of diff.changes.filter((x) => x.change === 'reworded')) assert.deepStrictEqual(marked(c, oldDoc, newDoc), [['eightieth'], ['eighty-first']]);
      assert.deepStrictEqual(diff.terms, { added: [], dropped: [] });
    });

    it('GA resolutions 78/10 and 80/8 on the Olympic Truce: the Games change, one paragraph gains tolerance, one a proviso', () => {
      const { oldDoc, newDoc, diff } = diffTexts(fixture('diff/unga-78-10-olympic-truce.txt'), fixture('diff/unga-80-8-olympic-truce.txt'));
      // Every commitment of either resolution is paired: the operative paragraphs are the same nine.
      assert.ok(diff.changes.every((c) => c.old && c.new));
      const changeOf = (start: string) => diff.changes.filter((c) => opening(oldDoc, c.old)!.startsWith(start)).map((c) => c.change);
      assert.deepStrictEqual(changeOf('Urges Member States'), ['reworded']); // Paris 2024 → Milano-Cortina 2026
      assert.deepStrictEqual(changeOf('Calls upon all'), ['reworded']);
      assert.deepStrictEqual(changeOf('Welcomes the cooperation'), ['reworded']);
      assert.deepStrictEqual(changeOf('Decides to include'), ['reworded']); // the eightieth → the eighty-second session
      assert.deepStrictEqual(changeOf('to consider the'), ['reworded']); // before Milano-Cortina 2026 → Los Angeles 2028
      for (const start of ['Welcomes the work', 'invites those organizations', 'Also welcomes the', 'Recognizes that sport', 'Requests the Secretary-General']) {
        assert.deepStrictEqual(changeOf(start), ['kept'], start);
      }
      const calls = diff.changes.find((c) => opening(oldDoc, c.old)!.startsWith('Calls upon all'))!;
      assert.deepStrictEqual(marked(calls, oldDoc, newDoc), [[], ['tolerance']]);
      const cooperation = diff.changes.find((c) => opening(oldDoc, c.old)!.startsWith('Welcomes the cooperation'))!;
      assert.deepStrictEqual(marked(cooperation, oldDoc, newDoc), [[], ['within their respective mandates']]);
    });
  });
});
