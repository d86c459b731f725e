/**
 * Notes (`{note="…"}` on a span) found where a reader looks: on a commitment, on a term, at an
 * offset. One lookup for every place that shows them — hovers, the outline, the Commitments view,
 * exports and the command line — so they all agree on which note belongs to what.
 */
import type { Note } from './analyze';
import type { Span } from './text';

/**
 * The notes of a text, indexed for the question "which notes touch this span?". Notes may nest
 * and overlap, so a note that starts early can still reach far: the running maximum of the ends
 * (in order of start) bounds the backward scan, and a lookup costs a bisection plus the notes it
 * returns (and those it passes while some earlier note still reaches the span).
 */
export class NoteIndex {
  private readonly notes: readonly Note[];
  /** For each note, the largest end of it and every note before it. */
  private readonly reach: number[];

  /** `notes` in any order (an analysis lists them by start already). */
  constructor(notes: readonly Note[]) {
    this.notes = [...notes].sort((a, b) => a.start - b.start || a.end - b.end);
    this.reach = [];
    let max = -Infinity;
    for (const n of this.notes) this.reach.push((max = Math.max(max, n.end)));
  }

  /** True when the text has no notes (callers skip the work). */
  get empty(): boolean {
    return this.notes.length === 0;
  }

  /** The notes whose span overlaps `span` (an empty span: the notes that contain its offset), in document order. */
  on(span: Span): Note[] {
    if (this.notes.length === 0) return [];
    const end = span.end > span.start ? span.end : span.start + 1;
    // The last note that starts before `end`…
    let lo = 0;
    let hi = this.notes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.notes[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    // …and back while an earlier note may still reach the span.
    const out: Note[] = [];
    for (let i = lo - 1; i >= 0 && this.reach[i] > span.start; i--) {
      if (this.notes[i].end > span.start) out.push(this.notes[i]);
    }
    return out.reverse();
  }

  /** The notes whose span contains `offset`, the innermost (shortest) last. */
  at(offset: number): Note[] {
    return this.on({ start: offset, end: offset }).sort((a, b) => b.end - b.start - (a.end - a.start));
  }
}

const indexes = new WeakMap<readonly Note[], NoteIndex>();

/**
 * The index of an analysis's notes, made once per list (an analysis keeps its list until the
 * next edit): hovers, the view's items and reports ask it again and again.
 */
export function noteIndexOf(notes: readonly Note[]): NoteIndex {
  let index = indexes.get(notes);
  if (!index) indexes.set(notes, (index = new NoteIndex(notes)));
  return index;
}

/** The text of several notes as one line ("contested; see the 2013 text"), or undefined for none. */
export function joinNotes(notes: readonly Note[]): string | undefined {
  if (notes.length === 0) return undefined;
  return [...new Set(notes.map((n) => n.note.replace(/\s+/g, ' ').trim()))].filter(Boolean).join('; ') || undefined;
}
