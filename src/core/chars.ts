/**
 * Character tables for matching: one lookup per UTF-16 code unit, built once.
 *
 * Matching compares texts after two normalisations: `canonical` (hyphens, dashes and every kind of
 * white space become one space; curly quotes and apostrophes become straight ones) and `folded`
 * (canonical, then lower-cased where lower-casing keeps a single code unit). What the Unicode
 * properties say of each code unit is precomputed in `charData.ts` (scripts/char-data.mjs).
 */
import { LOWER_CASE_RUNS, SEGMENTED_CHAR_RANGES, WORD_CHAR_RANGES } from './charData';

/** The code unit every separator (space, line break, hyphen, dash) normalises to. */
export const SPACE = 32;

function buildCanonical(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  const toSpace = [
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x2d, 0xa0, 0x1680, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2028, 0x2029, 0x202f, 0x205f, 0x2212, 0x3000, 0xfe58, 0xfe63, 0xff0d,
  ];
  for (let c = 0x2000; c <= 0x200a; c++) toSpace.push(c);
  for (const c of toSpace) table[c] = SPACE;
  for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07]) table[c] = 0x27; // '
  for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02]) table[c] = 0x22; // "
  return table;
}

/** A table with 1 for the code units of `ranges` (see `charData.ts`). */
function tableOfRanges(ranges: readonly string[]): Uint8Array {
  const table = new Uint8Array(65536);
  for (const line of ranges) {
    for (const range of line.split(' ')) {
      const [start, end = start] = range.split('-').map((h) => parseInt(h, 16));
      table.fill(1, start, end + 1);
    }
  }
  return table;
}

/**
 * Canonical, then lower-cased where lower-casing keeps a single code unit (`String#toLowerCase`
 * of each code unit, precomputed: see `charData.ts`); surrogates are left alone.
 */
function buildFolded(canonical: Uint16Array): Uint16Array {
  const lower = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) lower[c] = c;
  for (const line of LOWER_CASE_RUNS) {
    for (const run of line.split(' ')) {
      const [start, count, offset] = run.split(':').map((h) => parseInt(h, 16));
      for (let c = start; c < start + count; c++) lower[c] = c + offset;
    }
  }
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = lower[canonical[c]];
  return table;
}

/** Canonical form of each code unit (see module doc). */
export const CANONICAL = buildCanonical();
/** Canonical, lower-cased form of each code unit. */
export const FOLDED = buildFolded(CANONICAL);
/**
 * 1 where a code unit is a letter or digit of a script that separates words with spaces (Latin,
 * Cyrillic, Greek, Arabic…) or `_`; 0 for everything else, including Chinese, Japanese and Korean
 * characters, where terms match with no word boundary.
 */
export const WORD_CHAR = tableOfRanges(WORD_CHAR_RANGES);
/**
 * 1 where a code unit is a letter of a script written without spaces between words (Han, Kana):
 * the characters whose word boundaries only a dictionary knows (see `wordEdges.ts`). Not Hangul:
 * Korean puts spaces between words and writes particles onto them (대한민국은), so a form matches
 * inside a spaced word, as before.
 */
export const SEGMENTED_CHAR = tableOfRanges(SEGMENTED_CHAR_RANGES);

/**
 * Normalises a phrase the way the matcher sees text: canonical characters (folded unless
 * `keepCase`), runs of separators collapsed to one space, and no leading or trailing space.
 */
export function normalizePhrase(phrase: string, keepCase = false): string {
  const table = keepCase ? CANONICAL : FOLDED;
  if (phrase.length > buffer.length) buffer = new Uint16Array(phrase.length * 2);
  // Code units go to a reused buffer and become one string at the end: `out += char` would
  // allocate a string per character, which dominated compiling a large glossary.
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < phrase.length; i++) {
    const c = table[phrase.charCodeAt(i)];
    if (c === SPACE) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) buffer[n++] = SPACE;
    pendingSpace = false;
    buffer[n++] = c;
  }
  let out = '';
  for (let from = 0; from < n; from += CHUNK) out += String.fromCharCode.apply(null, buffer.subarray(from, Math.min(n, from + CHUNK)) as unknown as number[]);
  return out;
}

/** Scratch space of {@link normalizePhrase}. */
let buffer = new Uint16Array(256);
/** Code units per `String.fromCharCode` call (its arguments go on the stack). */
const CHUNK = 4096;

/** True when `phrase` is an acronym: two or more capitals (dots and digits allowed, as in "U.S." or "G20") and no lower-case letter. */
export function isAcronym(phrase: string): boolean {
  return /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}.&+-]+$/u.test(phrase.trim());
}

/** True for a code unit in the Han, Kana or Hangul blocks (the scripts matched without word boundaries). */
export function isCjk(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
}

const SENTENCE_TERMINALS = new Set(Array.from('.!?;:。！？；：', (c) => c.charCodeAt(0)));
const SENTENCE_CLOSERS = new Set(Array.from('"\'”’»)]」』）', (c) => c.charCodeAt(0)));

/**
 * Whether `text[from, to)` ends a sentence: terminal punctuation, then at most three closing quotes
 * or brackets. It looks at the last few characters only, so a long line costs no more than a short
 * one (an unanchored `…$` regex retried at every position made 400 KB without punctuation take
 * seconds).
 */
export function endsWithTerminal(text: string, from: number, to: number): boolean {
  let i = to - 1;
  for (let n = 0; n < 3 && i >= from && SENTENCE_CLOSERS.has(text.charCodeAt(i)); n++) i--;
  return i >= from && SENTENCE_TERMINALS.has(text.charCodeAt(i));
}
