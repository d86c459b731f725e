import * as assert from 'assert';
import { buildOutline, commitmentDetail, commitmentLabel } from '../../src/core/outline';
import { analyzeText } from '../../src/core/analyze';
import { analyze, fixture, fixtureGlossary, joinLines } from './helpers';

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
