import * as assert from 'assert';
import { cutOut } from '../../src/core/text';

describe('text', () => {
  it('cuts spans out of a text and maps offsets both ways', () => {
    // "The two sides [will deepen]{.commitment} ties." with the markup cut out.
    const text = 'The two sides [will deepen]{.commitment} ties.';
    const open = text.indexOf('[');
    const close = text.indexOf(']');
    const end = text.indexOf('}') + 1;
    const cut = cutOut(text, [
      { start: close, end },
      { start: open, end: open + 1 },
    ]);
    assert.strictEqual(cut.text, 'The two sides will deepen ties.');
    const will = text.indexOf('will');
    assert.strictEqual(cut.toCut(will), cut.text.indexOf('will'));
    assert.strictEqual(cut.toCut(text.indexOf('ties')), cut.text.indexOf('ties'));
    // Inside a cut: where the cut was.
    assert.strictEqual(cut.toCut(close + 3), cut.text.indexOf(' ties'));
    // Back: a start after the cut, an end before it.
    const deepenEnd = cut.text.indexOf(' ties');
    assert.strictEqual(cut.fromCut(deepenEnd, 'end'), close);
    assert.strictEqual(cut.fromCut(cut.text.indexOf('will'), 'start'), will);
    assert.strictEqual(cut.fromCut(cut.text.indexOf('will'), 'end'), open);
    assert.strictEqual(cut.fromCut(0, 'start'), 0);
  });

  it('maps every offset outside the cuts there and back', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const cuts = [
      { start: 3, end: 5 },
      { start: 5, end: 6 },
      { start: 10, end: 15 },
    ];
    const cut = cutOut(text, cuts);
    assert.strictEqual(cut.text, 'abcghijpqrstuvwxyz');
    for (let i = 0; i <= text.length; i++) {
      if (cuts.some((c) => i > c.start && i < c.end)) continue;
      const back = cut.fromCut(cut.toCut(i), 'start');
      const inCut = cuts.find((c) => c.start === i);
      assert.strictEqual(back, inCut ? (i === 3 ? 6 : inCut.end) : i, `offset ${i}`);
      assert.strictEqual(text.charAt(back), cut.text.charAt(cut.toCut(i)));
    }
  });
});
