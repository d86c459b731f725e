import * as assert from 'assert';
import { buildOutline, commitmentDetail, commitmentLabel } from '../../src/core/outline';
import { analyze, fixture } from './helpers';

describe('outline', () => {
  const text = fixture('china-belarus-2022.txt');
  const a = analyze(text);
  const outline = buildOutline(a.commitments, a.plain);

  it('groups commitments by actor, in order of first appearance', () => {
    assert.deepStrictEqual(
      outline.map((n) => [n.name, n.detail]),
      [
        ['The two sides — 9 commitments', 'CN, BY'],
        ['The Belarusian side — 4 commitments', 'BY'],
      ],
    );
  });

  it('names each commitment by trigger and object, with type and strength as detail', () => {
    const belarus = outline[1].children;
    assert.deepStrictEqual(
      belarus.map((c) => c.detail),
      ['affirm', 'oppose', 'support', 'support'],
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
});
