/**
 * Semantic tokens: glossary terms by kind and commitment triggers, with modifiers for strength and
 * negation — as single-line spans, sorted and non-overlapping, ready for the editor's builder.
 * The words that name a commitment's actor ("The two sides", "Both sides", "the Parties", 双方)
 * are coloured as a party when they resolve to parties and no glossary term already covers them.
 */
import type { AnalysedBlock, Analysis, FoundTerm } from './analyze';
import type { Commitment } from './commitments';
import { COMMITMENT_MODIFIERS, TERM_KINDS, type TermKind } from './kinds';
import { LineIndex, lastAtOrBefore, type Span } from './text';

/** Token types, in legend order: one per term kind (see `kinds.ts`), then commitment triggers. */
export const TOKEN_TYPES: readonly (TermKind | 'commitment')[] = [...TERM_KINDS, 'commitment'];
/** Token modifiers, in legend order. */
export const TOKEN_MODIFIERS = Object.keys(COMMITMENT_MODIFIERS) as (keyof typeof COMMITMENT_MODIFIERS)[];

/** One token: 0-based line, UTF-16 character, length, type index and modifier bit set. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

interface Piece {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

/**
 * The tokens of an analysis over `text` (commitment triggers win over terms they overlap). Actor
 * words are read from `analysis.plain` when given (the text with markup blanked out), else `text`.
 */
export function semanticTokens(
  text: string,
  analysis: Pick<Analysis, 'terms' | 'commitments'> & Partial<Pick<Analysis, 'plain'>>,
  lines: LineIndex = new LineIndex(text),
): SemanticToken[] {
  return tokensOf(analysis.plain ?? text, analysis.terms, analysis.commitments, lines);
}

const STRONG = 1 << TOKEN_MODIFIERS.indexOf('strong');
const WEAK = 1 << TOKEN_MODIFIERS.indexOf('weak');
const NEGATED = 1 << TOKEN_MODIFIERS.indexOf('negated');

function tokensOf(text: string, terms: readonly FoundTerm[], commitments: readonly Commitment[], lines: LineIndex): SemanticToken[] {
  const pieces: Piece[] = [];
  const commitmentType = TOKEN_TYPES.indexOf('commitment');
  const partyType = TOKEN_TYPES.indexOf('party');
  for (const c of commitments) {
    if (c.triggerSpan.end <= c.triggerSpan.start) continue;
    let modifiers = 0;
    if (c.strength === 'strong') modifiers |= STRONG;
    if (c.strength === 'weak') modifiers |= WEAK;
    if (c.negated) modifiers |= NEGATED;
    pieces.push({ start: c.triggerSpan.start, end: c.triggerSpan.end, type: commitmentType, modifiers });
  }
  const triggers = pieces.slice().sort((a, b) => a.start - b.start);
  let t = 0;
  for (const term of terms) {
    while (t < triggers.length && triggers[t].end <= term.start) t++;
    if (t < triggers.length && triggers[t].start < term.end) continue;
    pieces.push({ start: term.start, end: term.end, type: TOKEN_TYPES.indexOf(term.kind), modifiers: 0 });
  }
  for (const span of actorSpans(text, terms, commitments)) pieces.push({ ...span, type: partyType, modifiers: 0 });
  pieces.sort((a, b) => a.start - b.start);
  const out: SemanticToken[] = [];
  let lastEnd = 0;
  for (const p of pieces) {
    if (p.start < lastEnd) continue;
    lastEnd = p.end;
    // A token may not cross a line break: split it per line.
    let start = p.start;
    let line = lines.lineOf(start);
    while (start < p.end) {
      const lineEnd = Math.min(lines.lineEnd(line), p.end);
      if (lineEnd > start) out.push({ line, character: start - lines.lineStart(line), length: lineEnd - start, type: p.type, modifiers: p.modifiers });
      line++;
      if (line >= lines.lineCount) break;
      start = lines.lineStart(line);
    }
  }
  return out;
}

/**
 * The spans of `text` that name a commitment's actor and resolve to parties, where no term lies
 * (a term says more: "the Belarusian side" is already a party, "The Security Council" an
 * institution). A span must hold the actor's own words: a list item's actor is its lead-in's,
 * and its span the item's label, which is not coloured.
 */
function actorSpans(text: string, terms: readonly FoundTerm[], commitments: readonly Commitment[]): Span[] {
  const spans = new Map<number, Span>();
  for (const c of commitments) {
    const { start, end } = c.actorSpan;
    if (c.parties.length === 0 || c.actor === '' || start < 0 || end > text.length || end <= start) continue;
    if (text.slice(start, end) !== c.actor || spans.has(start)) continue;
    spans.set(start, { start, end });
  }
  const sorted = [...spans.values()].sort((a, b) => a.start - b.start);
  // Terms are in document order: one sweep drops the actor spans a term overlaps.
  const out: Span[] = [];
  let t = 0;
  for (const span of sorted) {
    while (t < terms.length && terms[t].end <= span.start) t++;
    if (t < terms.length && terms[t].start < span.end) continue;
    out.push(span);
  }
  return out;
}

/**
 * Tokens in the editor's encoding: five numbers per token (line delta, start delta, length, type,
 * modifiers), each position relative to the token before.
 */
export function encodeTokens(tokens: readonly SemanticToken[]): Uint32Array {
  const data = new Uint32Array(tokens.length * 5);
  let line = 0;
  let character = 0;
  tokens.forEach((t, i) => {
    data[i * 5] = t.line - line;
    data[i * 5 + 1] = t.line === line ? t.character - character : t.character;
    data[i * 5 + 2] = t.length;
    data[i * 5 + 3] = t.type;
    data[i * 5 + 4] = t.modifiers;
    line = t.line;
    character = t.character;
  });
  return data;
}

/** A block's tokens, encoded relative to the block's first line, kept on its result (see `BlockResult.memo`). */
interface BlockTokens {
  data: Uint32Array;
  /** Block-relative lines of the first and the last token. */
  firstLine: number;
  lastLine: number;
}

/**
 * The whole analysis's tokens in the editor's encoding, assembled from per-block encodings that
 * are kept on the blocks' results: after an edit only the blocks that changed are encoded again,
 * and the rest is copied. Equal to `encodeTokens(semanticTokens(text, analysis))`.
 */
export function encodeSemanticTokens(analysis: Analysis): Uint32Array {
  const parts: BlockTokens[] = [];
  let total = 0;
  for (const b of analysis.blocks) {
    let t = b.result.memo?.tokens as BlockTokens | undefined;
    if (!t) {
      const tokens = blockTokens(analysis, b);
      t = { data: encodeTokens(tokens), firstLine: tokens[0]?.line ?? 0, lastLine: tokens[tokens.length - 1]?.line ?? 0 };
      (b.result.memo ??= {}).tokens = t;
    }
    parts.push(t);
    total += t.data.length;
  }
  const out = new Uint32Array(total);
  let at = 0;
  let previousLine = 0;
  analysis.blocks.forEach((b, i) => {
    const t = parts[i];
    if (t.data.length === 0) return;
    out.set(t.data, at);
    // Blocks start on a line of their own, so only the first token's line delta changes; its
    // character is already counted from the line start.
    out[at] = b.line + t.firstLine - previousLine;
    previousLine = b.line + t.lastLine;
    at += t.data.length;
  });
  return out;
}

/** The tokens on 0-based lines `fromLine`…`toLine` of an analysis, from the blocks there only. */
export function semanticTokensInLines(analysis: Analysis, fromLine: number, toLine: number): SemanticToken[] {
  const { blocks } = analysis;
  const out: SemanticToken[] = [];
  const first = Math.max(
    0,
    lastAtOrBefore(blocks, (b) => b.line, fromLine),
  );
  for (let i = first; i < blocks.length && blocks[i].line <= toLine; i++) {
    for (const t of blockTokens(analysis, blocks[i])) {
      const line = t.line + blocks[i].line;
      if (line >= fromLine && line <= toLine) out.push({ ...t, line });
    }
  }
  return out;
}

/** One block's tokens, with lines counted from the block's first line. */
function blockTokens(analysis: Analysis, b: AnalysedBlock): SemanticToken[] {
  const text = analysis.plain.slice(b.start, b.end);
  return tokensOf(text, b.result.terms, b.result.commitments, new LineIndex(text));
}
