/**
 * The outline of commitments: one node per group of parties ("China, Belarus — 9 commitments"),
 * whatever words name them, with its commitments as children in document order, each named by
 * trigger and object, its actor's own words, type and notes as detail. Plain data; the editor
 * adapter turns it into DocumentSymbols, and the Commitments view uses the same labels. Names and
 * details are display text (see {@link displayText}): a right-to-left override in an actor is
 * shown as `<U+202E>`, not obeyed.
 */
import type { Analysis, Note } from './analyze';
import type { Commitment } from './commitments';
import { displayText } from './display';
import type { Glossary } from './glossary';
import { commitmentObject } from './hover';
import { joinNotes, noteIndexOf } from './notes';
import { groupByParties, partyNamer } from './report';
import type { Span } from './text';

/** A node of the outline. */
export interface OutlineNode {
  name: string;
  detail: string;
  range: Span;
  selectionRange: Span;
  children: OutlineNode[];
  commitment?: Commitment;
}

const MAX_NAME = 80;

/** The name of a commitment: "supports — the Global Development Initiative…" (display text). */
export function commitmentLabel(c: Commitment, text: string): string {
  return displayText(rawLabel(c, text));
}

function rawLabel(c: Commitment, text: string): string {
  let object = commitmentObject(c, text);
  const trigger = c.trigger.replace(/\s+/g, ' ');
  if (object.length > MAX_NAME) {
    // Cut at a word boundary where there is one (Chinese has none: cut at the limit).
    const cut = object.lastIndexOf(' ', MAX_NAME - 1);
    object = object.slice(0, cut > MAX_NAME / 2 ? cut : MAX_NAME - 1).replace(/[\s,;:]+$/, '') + '…';
  }
  return object ? `${trigger} — ${object}` : trigger;
}

/** The detail of a commitment: "pledge", "support · strong", "pledge · weak · negated". */
export function commitmentDetail(c: Commitment): string {
  return [c.type, c.strength !== 'normal' ? c.strength : '', c.negated ? 'negated' : ''].filter(Boolean).join(' · ');
}

/** The most characters of a note shown in a one-line detail (the hover and tooltip show it whole). */
const MAX_NOTE = 120;

/**
 * The detail of a commitment in a list grouped by parties: its actor's own words, its type (see
 * {@link commitmentDetail}) and its notes — "The two sides · support · strong · note: contested".
 * `notes` are those on the commitment (see `NoteIndex.on`).
 */
export function commitmentItemDetail(c: Commitment, notes: readonly Note[] = []): string {
  const note = joinNotes(notes);
  const shown = note && (note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 1)}…` : note);
  return displayText([c.actor.replace(/\s+/g, ' ').trim(), commitmentDetail(c), shown ? `note: ${shown}` : ''].filter(Boolean).join(' · '));
}

/** The parts of an analysis the outline is built from. */
export type OutlineSource = Pick<Analysis, 'commitments' | 'plain'> & Partial<Pick<Analysis, 'notes' | 'parties'>>;

/**
 * The outline of a document's commitments, grouped by the parties that make them (see
 * `groupByParties`); `glossary` names the parties ("CN" → "China").
 */
export function buildOutline(analysis: OutlineSource, glossary?: Pick<Glossary, 'byId'>): OutlineNode[] {
  const text = analysis.plain;
  const notes = noteIndexOf(analysis.notes ?? []);
  return groupByParties(analysis.commitments, partyNamer(glossary, analysis.parties)).map((g) => {
    const children = g.commitments.map<OutlineNode>((c) => {
      const sel = clampSpan(c.triggerSpan, c);
      const detail = commitmentItemDetail(c, notes.on(c));
      return { name: commitmentLabel(c, text), detail, range: { start: c.start, end: c.end }, selectionRange: sel, children: [], commitment: c };
    });
    let start = Infinity;
    let end = -Infinity;
    for (const c of children) {
      start = Math.min(start, c.range.start);
      end = Math.max(end, c.range.end);
    }
    const range = { start, end };
    const n = g.commitments.length;
    return {
      name: displayText(`${g.label} — ${n} commitment${n === 1 ? '' : 's'}`),
      detail: displayText(g.parties.join(', ')),
      range,
      selectionRange: children[0].range,
      children,
    };
  });
}

function clampSpan(s: Span, within: Span): Span {
  const start = Math.min(Math.max(s.start, within.start), within.end);
  const end = Math.min(Math.max(s.end, start), within.end);
  return end > start ? { start, end } : { start: within.start, end: within.end };
}
