/**
 * Sentence segmentation for English and Chinese statements.
 *
 * A statement is first cut into paragraphs (lines; a line that wraps mid-sentence, as text pasted
 * from a PDF does, is joined to the one before), then a paragraph's label ("1.", "(a)", "One —") and
 * headings ("Article 2", a short title line) are set apart, then the rest is cut into sentences.
 */
import { endsWithTerminal } from './chars';
import type { Span } from './text';

/** What a segment is. */
export type SegmentKind = 'sentence' | 'heading';

/** A sentence or heading of a text. */
export interface Segment extends Span {
  kind: SegmentKind;
  /** True for the first sentence of a paragraph. */
  paragraphStart: boolean;
  /** The paragraph label before the first sentence ("1.", "(a)"), if any. */
  label?: Span;
}

// prettier-ignore
const ABBREVIATIONS = new Set(
  [
    'no', 'nos', 'art', 'arts', 'para', 'paras', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'cf', 'etc', 'approx', 'vol', 'pp', 'p',
    'inc', 'ltd', 'co', 'corp', 'gen', 'sen', 'rep', 'gov', 'amb', 'prof', 'hon', 'h.e', 'e.g', 'i.e', 'jan', 'feb', 'mar',
    'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'ch', 'sec', 'res', 'doc', 'rev', 'add', 'corr',
  ].map((a) => a.toLowerCase()),
);

const NUMBER_WORDS = 'One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty';
/**
 * A paragraph label at the start of a line: "1.", "1)", "1．", "1.中法…" (no space before Chinese), "2.3", "(1)", "(a)", "a)", "a.", "(iv)", "IV.",
 * "One —", "一、", "（一）", and the bullets of a list: "- ", "• ", "* ", "– ", "— ", "——", and "o " before a capital (a
 * sub-bullet that lost its symbol in plain text: "o Ministers agreed …").
 */
const LABEL = new RegExp(
  `^(?:[-–—•▪●◦‣*](?=\\s)|o(?=\\s+[A-Z])|——|\\d{1,3}．|\\d{1,3}[.)](?=[\\u4e00-\\u9fff])|\\d{1,3}(?:\\.\\d{1,3})*[.)](?=\\s)|\\d{1,3}(?:\\.\\d{1,3})+(?=\\s)|\\((?:[a-z]{1,2}|[ivxlc]{1,6}|\\d{1,3})\\)|[a-z][).](?=\\s)|[IVXLC]{1,6}\\.(?=\\s)|(?:${NUMBER_WORDS})\\s*[—–-]+|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）])\\s*`,
);
/** A bullet label: "-", "•", "——" … */
const BULLET = /^(?:[-–—•▪●◦‣*]+|o)$/;
/** A heading line: "Article 2", "ARTICLE 12", "Article 2 — Obligations", "Section III", "Part One", "第二条". */
const HEADING = /^(?:(?:Article|ARTICLE|Section|SECTION|Part|PART|Chapter|CHAPTER|Annex|ANNEX)\s+[\dIVXLC]+[A-Za-z]?\b.*|第[一二三四五六七八九十百\d]+[条章节])\s*$/;
/**
 * The paragraph label that opens a line ("1.", "(a)", "一、", "——", "- "), trimmed, or undefined
 * when the line has none. The same labels {@link segmentSentences} sets apart.
 */
export function paragraphLabel(line: string): string | undefined {
  const m = LABEL.exec(line);
  return m ? m[0].trimEnd() : undefined;
}

/** True for a bullet label ("-", "•", "——"), which marks a list item rather than a numbered paragraph. */
export function isBullet(label: string): boolean {
  return BULLET.test(label);
}

/**
 * The level of a heading line ("Part I" 0, "Chapter 2" and "第二章" 1, "Section 3" and "第一节" 2,
 * "Article 4" and "第四条" 3; an annex is a part), or undefined when the line is not a heading.
 */
export function headingLevel(line: string): number | undefined {
  if (!HEADING.test(line)) return undefined;
  if (/^(?:Part|PART|Annex|ANNEX)\b/.test(line)) return 0;
  if (/^(?:Chapter|CHAPTER)\b|章\s*$/.test(line)) return 1;
  if (/^(?:Section|SECTION)\b|节\s*$/.test(line)) return 2;
  return 3;
}

/**
 * The kind of a paragraph label, for telling the items of one list from those of another: numbers,
 * letters and numerals become one placeholder each ("12." → "1.", "(b)" and "(iv)" → "(a)", "（三）" → "（一）").
 */
export function labelKind(label: string): string {
  return label
    .replace(/\d+/g, '1')
    .replace(/[a-z]+/g, 'a')
    .replace(/[A-Z]+/g, 'A')
    .replace(/[一二三四五六七八九十]+/g, '一');
}

/** Splits `text` into sentences and headings (see module doc). Spans never include surrounding white space. */
export function segmentSentences(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const para of paragraphs(text)) {
    let start = para.start;
    const body = text.slice(para.start, para.end);
    if (HEADING.test(body)) {
      segments.push({ start: para.start, end: para.end, kind: 'heading', paragraphStart: true });
      continue;
    }
    let label: Span | undefined;
    const m = LABEL.exec(body);
    if (m && m[0].length < body.length) {
      const labelText = m[0].trimEnd();
      label = { start, end: start + labelText.length };
      start += m[0].length;
    }
    // A bulleted line is a list item, never a title.
    if (!(label && BULLET.test(text.slice(label.start, label.end))) && isTitleLine(text.slice(start, para.end), para.singleLine)) {
      segments.push({ start, end: para.end, kind: 'heading', paragraphStart: true, label });
      continue;
    }
    let first = true;
    for (const s of splitSentences(text, start, para.end)) {
      const seg: Segment = { start: s.start, end: s.end, kind: 'sentence', paragraphStart: first };
      if (first && label) seg.label = label;
      segments.push(seg);
      first = false;
    }
  }
  return segments;
}

interface Paragraph extends Span {
  singleLine: boolean;
}

/** Lines, with a line that continues the previous one's sentence (lower-case start, no terminal punctuation before) joined to it. */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let lineStart = 0;
  let current: Paragraph | null = null;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const span = trimSpan(text, lineStart, lineEnd);
    if (span.start === span.end) {
      if (current) out.push(current);
      current = null;
    } else {
      const firstChar = text.charAt(span.start);
      const continues = current !== null && !endsWithTerminal(text, current.start, current.end) && /\p{Ll}/u.test(firstChar) && !LABEL.test(text.slice(span.start, span.end));
      if (continues && current) {
        current.end = span.end;
        current.singleLine = false;
      } else {
        if (current) out.push(current);
        current = { start: span.start, end: span.end, singleLine: true };
      }
    }
    lineStart = lineEnd + 1;
  }
  if (current) out.push(current);
  return out;
}

/**
 * True for a line that reads as a title or a section heading ("Maritime Cooperation", "Preamble"):
 * short, without sentence punctuation or a verb-like word. The same test {@link segmentSentences}
 * applies to a one-line paragraph.
 */
export function isTitle(line: string): boolean {
  return isTitleLine(line, true);
}

/** A short line with no sentence punctuation and no verb-like lower-case run: a title or section heading. */
function isTitleLine(line: string, singleLine: boolean): boolean {
  // "…; and" / "…, or": a list item that runs on into the next.
  if (!singleLine || endsWithTerminal(line, 0, line.length) || line.length > 240 || /[,;]\s*(?:and|or)$/.test(line)) return false;
  if (/[，。；]/.test(line)) return false;
  // An English line of a few words, or any line in capitals: a title. A line with a comma-less
  // clause ("The two sides agreed to upgrade relations") is long enough to be a sentence.
  const words = line.split(/\s+/).filter(Boolean);
  if (line === line.toUpperCase() && /\p{Lu}/u.test(line)) return true;
  if (/[\u4e00-\u9fff]/.test(line)) return !/[将同意决定支持欢迎反对重申承认尊重呼吁]/.test(line) || /^.{0,40}（节选）$|联合声明|公报/.test(line);
  return words.length <= 6 || !/\b(?:will|shall|agreed?|support|supports|welcome[sd]?|reaffirm(?:s|ed)?|decided?|may|intend)\b/i.test(line);
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** Sentence spans within [start, end). */
function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // Only sentence punctuation can end a sentence: skip everything else at once.
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x3002 && code !== 0xff01 && code !== 0xff1f) continue;
    const c = text.charAt(i);
    let cut = -1;
    if (c === '。' || c === '！' || c === '？') {
      cut = i + 1;
      while (cut < end && /["'”’」』）)]/.test(text.charAt(cut))) cut++;
    } else if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < end && /["'”’»)\]]/.test(text.charAt(j))) j++;
      if (j < end && !/\s/.test(text.charAt(j))) continue;
      let k = j;
      while (k < end && /\s/.test(text.charAt(k))) k++;
      if (k >= end) continue; // the paragraph end closes the sentence anyway
      const next = text.charAt(k);
      if (!/[\p{Lu}\d"'“‘([]/u.test(next)) continue;
      if (c === '.' && isAbbreviation(text, sentenceStart, i)) continue;
      cut = j;
    }
    if (cut !== -1) {
      const span = trimSpan(text, sentenceStart, cut);
      if (span.end > span.start) out.push(span);
      sentenceStart = cut;
      i = cut - 1;
    }
  }
  const last = trimSpan(text, sentenceStart, end);
  if (last.end > last.start) out.push(last);
  return out;
}

/** True when the period at `dot` ends an abbreviation ("No.", "U.S.", "Art.") or an initial ("J."). */
function isAbbreviation(text: string, from: number, dot: number): boolean {
  let w = dot;
  while (w > from && /[\p{L}.]/u.test(text.charAt(w - 1))) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S, e.g, i.e
  return false;
}
