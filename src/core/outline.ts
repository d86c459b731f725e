/**
 * The outline of commitments: one node per actor ("The two sides — 9 commitments") with its
 * commitments as children in document order, each named by trigger and object. Plain data; the
 * editor adapter turns it into DocumentSymbols and tree items. Names and details are display text
 * (see {@link displayText}): a right-to-left override in an actor is shown as `<U+202E>`, not obeyed.
 */
import type { Commitment } from './commitments';
import { displayText } from './display';
import { groupByActor } from './report';
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
  const body = text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
  let object = body;
  const trigger = c.trigger.replace(/\s+/g, ' ');
  if (body.toLowerCase().startsWith(trigger.toLowerCase())) object = body.slice(trigger.length).trim();
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

/** The outline of a document's commitments, grouped by actor (`text` is the analysed, markup-free text). */
export function buildOutline(commitments: Commitment[], text: string): OutlineNode[] {
  return groupByActor(commitments).map((g) => {
    const children = g.commitments.map<OutlineNode>((c) => {
      const sel = clampSpan(c.triggerSpan, c);
      return { name: commitmentLabel(c, text), detail: commitmentDetail(c), range: { start: c.start, end: c.end }, selectionRange: sel, children: [], commitment: c };
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
      name: displayText(`${g.actor} — ${n} commitment${n === 1 ? '' : 's'}`),
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
