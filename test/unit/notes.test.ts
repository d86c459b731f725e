import * as assert from 'assert';
import fc from 'fast-check';
import type { Note } from '../../src/core/analyze';
import { NoteIndex, joinNotes } from '../../src/core/notes';

describe('notes', () => {
  const notes: Note[] = [
    { start: 0, end: 100, note: 'whole paragraph' },
    { start: 10, end: 20, note: 'a term' },
    { start: 15, end: 18, note: 'inside the term' },
    { start: 40, end: 60, note: 'a commitment' },
  ];
  const index = new NoteIndex(notes);

  it('finds the notes on a span: those inside it, around it and across its edges', () => {
    assert.deepStrictEqual(
      index.on({ start: 12, end: 16 }).map((n) => n.note),
      ['whole paragraph', 'a term', 'inside the term'],
    );
    assert.deepStrictEqual(
      index.on({ start: 30, end: 45 }).map((n) => n.note),
      ['whole paragraph', 'a commitment'],
    );
    assert.deepStrictEqual(index.on({ start: 100, end: 120 }), []);
    assert.deepStrictEqual(
      index.on({ start: 20, end: 20 }).map((n) => n.note),
      ['whole paragraph'],
    );
  });

  it('lists the notes at an offset with the innermost last', () => {
    assert.deepStrictEqual(
      index.at(16).map((n) => n.note),
      ['whole paragraph', 'a term', 'inside the term'],
    );
    assert.ok(new NoteIndex([]).empty);
  });

  it('agrees with a scan of every note, for nested and overlapping notes in any order', () => {
    const note = fc.tuple(fc.nat(200), fc.nat(60)).map(([start, length]): Note => ({ start, end: start + length + 1, note: `${start}+${length}` }));
    fc.assert(
      fc.property(fc.array(note, { maxLength: 40 }), fc.nat(260), fc.nat(40), (list, start, length) => {
        const span = { start, end: start + length };
        const probe = length === 0 ? { start, end: start + 1 } : span;
        const expected = list
          .filter((n) => n.start < probe.end && n.end > probe.start)
          .map((n) => `${n.start}-${n.end}`)
          .sort();
        const actual = new NoteIndex(list)
          .on(span)
          .map((n) => `${n.start}-${n.end}`)
          .sort();
        assert.deepStrictEqual(actual, expected);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it('joins the notes of one place on one line, each once', () => {
    assert.strictEqual(joinNotes([]), undefined);
    assert.strictEqual(joinNotes([{ start: 0, end: 1, note: '  ' }]), undefined);
    assert.strictEqual(
      joinNotes([
        { start: 0, end: 5, note: 'contested:\n whose interests?' },
        { start: 1, end: 2, note: 'see 2013' },
        { start: 3, end: 4, note: 'see 2013' },
      ]),
      'contested: whose interests?; see 2013',
    );
  });
});
