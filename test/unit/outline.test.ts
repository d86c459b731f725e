import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { buildOutline, commitmentDetail, commitmentItemDetail, commitmentLabel } from '../../src/core/outline';
import { analyzeText } from '../../src/core/analyze';
import { ROOT, analyze, fixture, fixtureGlossary, joinLines } from './helpers';

describe('outline', () => {
  const text = fixture('china-belarus-2022.txt');
  const a = analyze(text);
  const outline = buildOutline(a, fixtureGlossary().glossary);

  it('groups commitments by the parties that make them, in order of first appearance', () => {
    assert.deepStrictEqual(
      outline.map((n) => [n.name, n.detail]),
      [
        ['China, Belarus — 9 commitments', 'CN, BY'],
        ['Belarus — 4 commitments', 'BY'],
      ],
    );
  });

  it('names each commitment by trigger and object, with type and strength as detail', () => {
    const belarus = outline[1].children;
    assert.deepStrictEqual(
      belarus.map((c) => c.detail),
      ['the Belarusian side · affirm', 'the Belarusian side · oppose', 'the Belarusian side · support', 'The Belarusian side · support'],
    );
    assert.strictEqual(belarus[3].name, 'supports — the Global Development Initiative and the Global Security Initiative proposed…');
    assert.ok(belarus[0].name.endsWith('…') && belarus[0].name.length <= 'recognizes — '.length + 80);
    assert.strictEqual(commitmentDetail({ ...a.commitments[0], strength: 'weak', negated: true }), 'pledge · weak · negated');
    assert.strictEqual(commitmentLabel(a.commitments[2], a.plain), 'firmly support — each other on issues concerning their respective core interests including…');
  });

  it('gives ranges that select the commitment and contain the selection range', () => {
    for (const group of outline) {
      for (const child of group.children) {
        assert.ok(group.range.start <= child.range.start && child.range.end <= group.range.end);
        assert.ok(child.range.start <= child.selectionRange.start && child.selectionRange.end <= child.range.end);
      }
    }
    const gdi = outline[1].children[3];
    assert.strictEqual(text.slice(gdi.selectionRange.start, gdi.selectionRange.end), 'supports');
  });

  it('shows bidirectional controls and drops control characters in labels instead of obeying them', () => {
    // "The Russian side" spelt backwards behind a right-to-left override reads as "The Russian side".
    const hostile = joinLines(
      '---',
      'parties: [CN, BY]',
      '---',
      '[will deepen cooperation]{.commitment type=pledge actor="The \u202eedis naisuR ehT\u202c side"}.',
      'The Belarusian side supports the \u001b]0;pwned\u0007\u2067Global Development Initiative\u2069.',
    );
    const a2 = analyzeText(hostile, fixtureGlossary(), { statement: true });
    const nodes = buildOutline(a2, fixtureGlossary().glossary);
    assert.deepStrictEqual(
      nodes.map((n) => [n.name, n.children.map((c) => c.name)]),
      [
        ['The <U+202E>edis naisuR ehT<U+202C> side — 1 commitment', ['will deepen cooperation']],
        ['Belarus — 1 commitment', ['supports — the ]0;pwned<U+2067>Global Development Initiative']],
      ],
    );
  });
});

describe('outline by resolved parties', () => {
  const text = fixture('chile-viet-nam.statement');
  const a = analyzeText(text, fixtureGlossary(), { statement: true });
  const outline = buildOutline(a, fixtureGlossary().glossary);

  it('puts four wordings of the same two parties in one group named by the parties, the words as detail', () => {
    assert.deepStrictEqual(
      outline.map((n) => [n.name, n.detail]),
      [
        ['Chile, Viet Nam — 4 commitments', 'CL, VN'],
        ['Chile — 1 commitment', 'CL'],
      ],
    );
    assert.deepStrictEqual(
      outline[0].children.map((c) => c.detail.split(' · ')[0]),
      ['The two sides', 'Both sides', 'Chile and Viet Nam', 'The Republic of Chile and the Socialist Republic of Viet Nam'],
    );
  });

  it('keeps the actor of a hand-annotated commitment: the one detection reads in its clause, not "Unattributed"', () => {
    const [chilean] = outline[1].children;
    assert.strictEqual(chilean.commitment?.explicit, true);
    assert.strictEqual(chilean.detail, 'The Chilean side · support');
    assert.strictEqual(chilean.name, 'took note with — appreciation of the proposal for a direct shipping route');
  });

  it('shows the notes on a commitment (its own, and those on words inside it) in its detail', () => {
    const [elevate, , , reaffirm] = outline[0].children;
    assert.strictEqual(elevate.detail, 'The two sides · pledge · note: the first such title for either side in Latin America');
    assert.strictEqual(reaffirm.detail, 'The Republic of Chile and the Socialist Republic of Viet Nam · affirm · note: wording of the 2017 statement');
    assert.strictEqual(outline[0].children[1].detail, 'Both sides · pledge');
  });

  it('clips a long note in the detail and shows control characters in it instead of obeying them', () => {
    const long = `[will deepen ties]{.commitment type=pledge note="${'very '.repeat(40)}long\u202e"}`;
    const b = analyzeText(`---\nparties: [CL, VN]\n---\nThe two sides ${long}.\n`, fixtureGlossary(), { statement: true });
    const [item] = buildOutline(b, fixtureGlossary().glossary)[0].children;
    assert.ok(item.detail.startsWith('The two sides · pledge · note: very very'), item.detail);
    assert.ok(item.detail.endsWith('…') && item.detail.length < 180, item.detail);
    assert.strictEqual(commitmentItemDetail(b.commitments[0], [{ start: 0, end: 1, note: 'x\u202ey' }]), 'The two sides · pledge · note: x<U+202E>y');
  });

  it('still gives the reference statement its 13 commitments, in two groups', () => {
    const ref = analyzeText(readFileSync(path.join(ROOT, 'samples/china-belarus-2022.statement'), 'utf8'), fixtureGlossary(), { statement: true });
    const groups = buildOutline(ref, fixtureGlossary().glossary);
    assert.deepStrictEqual(
      groups.map((g) => g.name),
      ['China, Belarus — 9 commitments', 'Belarus — 4 commitments'],
    );
    assert.strictEqual(ref.commitments.length, 13);
  });
});
