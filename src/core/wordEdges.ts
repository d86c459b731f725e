/**
 * Word boundaries in scripts written without spaces (Chinese, Japanese), for the matcher: a
 * glossary form found inside other words is not that term — 海地 (Haiti) in 沿海|地区 "coastal
 * areas", 美国 in 欧美|国家 "European and American countries", 中方 in 其中|方案.
 *
 * The words are the platform's (ICU's dictionary segmentation, as `Intl.Segmenter`), which knows
 * the language but not our glossary: it splits 理事|会 (council) and then joins 会同 ("together
 * with") in 安理会同意, or 和白 in 中国和白俄罗斯. So an edge of a match fits the words when
 * 1. a character that stands as a word by itself is next to it outside (a particle, preposition or
 *    conjunction, or 人 "the people of", 方 "the side of", 国, 间 after a name; see
 *    `ZH_STANDALONE_CHARACTERS`): 和|白俄罗斯, 以色列|人;
 * 2. or word segmentation puts a boundary there;
 * 3. or the word around the edge straddles it, and the text outside the match, segmented without
 *    the match, still keeps the character next to the edge in a word of two or more characters
 *    (安全理事会|同意 fits: 同意 is a word; 沿|海地|区 does not: 沿 and 区 are left alone).
 * An edge inside a word that holds the whole match and more does not fit: a longer word built on
 * the match names something else (法属圭亚那 is French Guiana, not Guyana; 印度支那 Indochina).
 *
 * What it cannot see is meaning: 文莱|苏丹 ("the Sultan of Brunei") segments like "Sudan"; for such
 * cases glossaries have `blocks`.
 *
 * Cost: in V8 each `segment()` call costs tens of microseconds whatever the length, and walking the
 * segments of a long string takes time quadratic in its length. So a run is segmented only when an
 * edge needs it (rule 1 settles about half of them), in windows of at most {@link WINDOW}
 * characters each side of the edge, once per scan, and the boundaries of recent runs are
 * remembered by their text (diplomatic texts repeat their phrases). Without `Intl.Segmenter`,
 * every edge fits.
 */
import { SEGMENTED_CHAR } from './chars';
import { ZH_STANDALONE_CHARACTERS } from './lexicon';
import { detach } from './text';

/** Characters of context segmented on each side of an edge, at most. */
const WINDOW = 64;
/** How near a window's cut (not a run's end) an edge may be and still be read from that window. */
const MARGIN = 16;
/** Characters beside a match segmented again without it (rule 3). */
const CONTEXT = 8;
/** Runs whose boundaries are remembered, at most (the memory is cleared when it is full). */
const REMEMBERED_RUNS = 4096;

/** 1 for each code unit of {@link ZH_STANDALONE_CHARACTERS}. */
const STANDALONE = new Uint8Array(65536);
for (let i = 0; i < ZH_STANDALONE_CHARACTERS.length; i++) STANDALONE[ZH_STANDALONE_CHARACTERS.charCodeAt(i)] = 1;

/** The platform's word segmenter, made on first use; null where the platform has none. */
let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  segmenter ??= typeof Intl === 'object' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

/**
 * Decides whether the edges of matches fit the words of a text (see the module doc). One per
 * matcher: it keeps the latest window segmented, so call {@link reset} before each scan, and
 * remembers the boundaries of the runs it segmented, up to {@link REMEMBERED_RUNS}.
 */
export class WordEdges {
  /** The latest window segmented: its offsets in the text, where its boundaries can be trusted, and its boundaries. */
  private start = 0;
  private end = 0;
  private trustedStart = 0;
  private trustedEnd = 0;
  private boundary: Uint8Array = new Uint8Array(1);
  /** Word boundaries of recently segmented runs, by their text (see {@link boundariesOf}). */
  private readonly remembered = new Map<string, Uint8Array>();

  /** Forgets the latest window (the next text is another). */
  reset(): void {
    this.end = this.trustedEnd = 0;
  }

  /**
   * Whether the edge `at` (the `start` or the `end`) of the match `text[start, end)` fits the
   * words of `text[from, to)`. Edges without letters of unspaced scripts on both sides always fit.
   */
  fits(text: string, start: number, end: number, at: number, from: number, to: number): boolean {
    if (at <= from || at >= to || SEGMENTED_CHAR[text.charCodeAt(at - 1)] !== 1 || SEGMENTED_CHAR[text.charCodeAt(at)] !== 1) return true;
    const before = at === start;
    if (STANDALONE[text.charCodeAt(before ? at - 1 : at)] === 1) return true;
    if (!(at >= this.trustedStart && at <= this.trustedEnd && at > this.start && at < this.end) && !this.segmentAround(text, at, from, to)) return true;
    const boundary = this.boundary;
    const offset = this.start;
    if (boundary[at - offset] === 1) return true;
    let wordStart = at - 1;
    while (boundary[wordStart - offset] !== 1) wordStart--;
    let wordEnd = at + 1;
    while (boundary[wordEnd - offset] !== 1) wordEnd++;
    if (wordStart <= start && end <= wordEnd) return false;
    return this.keepsNeighbourInWord(text, at, before, Math.max(from, this.start), Math.min(to, this.end));
  }

  /**
   * Rule 3 of the module doc: the few characters beside the match on the side of `at` (`before` it,
   * or after), within `[low, high)`, segmented without the match; true when the one next to the
   * match is in a word of two or more characters.
   */
  private keepsNeighbourInWord(text: string, at: number, before: boolean, low: number, high: number): boolean {
    const context = before ? text.slice(Math.max(low, at - CONTEXT), at) : text.slice(at, Math.min(high, at + CONTEXT));
    const boundary = this.boundariesOf(context, segmenter!);
    return before ? boundary[context.length - 1] !== 1 : boundary[1] !== 1;
  }

  /** The word boundaries of `run`: `result[i]` is 1 when offset `i` (0 to `run.length`) is one. */
  private boundariesOf(run: string, segmenter: Intl.Segmenter): Uint8Array {
    let boundary = this.remembered.get(run);
    if (boundary) return boundary;
    boundary = new Uint8Array(run.length + 1);
    for (const { index } of segmenter.segment(run)) boundary[index] = 1;
    boundary[run.length] = 1;
    if (this.remembered.size >= REMEMBERED_RUNS) this.remembered.clear();
    // Detached: a slice kept as a key would keep the whole text it was cut from alive.
    this.remembered.set(detach(run), boundary);
    return boundary;
  }

  /** Segments the window around `at` of its run of unspaced letters within `[from, to)`; false without a segmenter. */
  private segmentAround(text: string, at: number, from: number, to: number): boolean {
    const segmenter = wordSegmenter();
    if (segmenter === null) return false;
    const lowest = Math.max(from, at - WINDOW);
    const highest = Math.min(to, at + WINDOW);
    let start = at - 1;
    while (start > lowest && SEGMENTED_CHAR[text.charCodeAt(start - 1)] === 1) start--;
    let end = at + 1;
    while (end < highest && SEGMENTED_CHAR[text.charCodeAt(end)] === 1) end++;
    this.boundary = this.boundariesOf(text.slice(start, end), segmenter);
    this.start = start;
    this.end = end;
    // Near a cut made by the window (not by the run's end), the words may differ from the run's.
    this.trustedStart = start === lowest && start > from && SEGMENTED_CHAR[text.charCodeAt(start - 1)] === 1 ? start + MARGIN : start;
    this.trustedEnd = end === highest && end < to && SEGMENTED_CHAR[text.charCodeAt(end)] === 1 ? end - MARGIN : end;
    return true;
  }
}

/** Characters of context segmented on each side of a word by {@link standsAsWord}. */
const WORD_CONTEXT = 16;

/**
 * Whether `text[start, end)` stands as one or more whole words of `text[from, to)`: word
 * segmentation of the run of unspaced letters around it puts a boundary at both its ends — stricter
 * than {@link WordEdges.fits}, for forms that are not in the glossary but made from the document
 * (the short forms "阿方", "所方": 阿|方|面临 stands, 以|方便 and 研究所|方面 do not). True where the
 * platform has no segmenter.
 */
export function standsAsWord(text: string, start: number, end: number, from = 0, to = text.length): boolean {
  const segmenter = wordSegmenter();
  if (segmenter === null) return true;
  let low = start;
  while (low > Math.max(from, start - WORD_CONTEXT) && SEGMENTED_CHAR[text.charCodeAt(low - 1)] === 1) low--;
  let high = end;
  while (high < Math.min(to, end + WORD_CONTEXT) && SEGMENTED_CHAR[text.charCodeAt(high)] === 1) high++;
  let startFits = start === low;
  let endFits = end === high;
  for (const { index } of segmenter.segment(text.slice(low, high))) {
    if (index + low === start) startFits = true;
    if (index + low === end) endFits = true;
  }
  return startFits && endFits;
}
