/**
 * Semantic tokens: glossary terms by kind and commitment triggers, with modifiers for strength and
 * negation — as single-line spans, sorted and non-overlapping, ready for the editor's builder.
 */
import type { Analysis } from './analyze';
import type { TermKind } from './glossary';
import { LineIndex } from './text';

/** Token types, in legend order. */
export const TOKEN_TYPES = ['party', 'principle', 'initiative', 'institution', 'partnership', 'agreement', 'person', 'concept', 'commitment'] as const;
/** Token modifiers, in legend order. */
export const TOKEN_MODIFIERS = ['strong', 'weak', 'negated'] as const;

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

/** The tokens of an analysis over `text` (commitment triggers win over terms they overlap). */
export function semanticTokens(text: string, analysis: Analysis, lines: LineIndex = new LineIndex(text)): SemanticToken[] {
  const pieces: Piece[] = [];
  const commitmentType = TOKEN_TYPES.indexOf('commitment');
  for (const c of analysis.commitments) {
    if (c.triggerSpan.end <= c.triggerSpan.start) continue;
    let modifiers = 0;
    if (c.strength === 'strong') modifiers |= 1;
    if (c.strength === 'weak') modifiers |= 2;
    if (c.negated) modifiers |= 4;
    pieces.push({ start: c.triggerSpan.start, end: c.triggerSpan.end, type: commitmentType, modifiers });
  }
  const triggers = pieces.slice().sort((a, b) => a.start - b.start);
  let t = 0;
  for (const term of analysis.terms) {
    while (t < triggers.length && triggers[t].end <= term.start) t++;
    if (t < triggers.length && triggers[t].start < term.end) continue;
    pieces.push({ start: term.start, end: term.end, type: TOKEN_TYPES.indexOf(term.kind as TermKind), modifiers: 0 });
  }
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
