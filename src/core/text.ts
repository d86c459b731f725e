/**
 * Positions, ranges and the minimal document interface shared by the core and its adapters.
 *
 * Offsets are indices into a JavaScript string, i.e. UTF-16 code units — the unit VS Code uses for
 * columns — so a position computed here can be handed to the editor unchanged.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into a text. */
export interface Span {
  start: number;
  end: number;
}

/** A 1-based line and column, the column counted in UTF-16 code units (as VS Code shows them). */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * The smallest document surface the core needs; a `vscode.TextDocument` satisfies it, and so does
 * {@link TextDocumentLike.fromString}'s result for the CLI and tests.
 */
export interface TextDocumentLike {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

/** Maps offsets to 1-based line/column pairs and back, for one text. Lines end at `\n`; a `\r` before it belongs to the line ending. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** The number of lines (a text with no newline has one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of `offset`. */
  position(offset: number): LineColumn {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /** The 0-based line that contains `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  offset(pos: LineColumn): number {
    const line = Math.min(Math.max(pos.line, 1), this.starts.length) - 1;
    return Math.min(this.starts[line] + Math.max(pos.column, 1) - 1, this.lineEnd(line));
  }

  /** The offset at which 0-based `line` starts. */
  lineStart(line: number): number {
    return this.starts[line];
  }

  /** The offset at which 0-based `line`'s content ends (before `\r\n` or `\n`). */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13 /* \r */ && line + 1 < this.starts.length) end--;
    return end;
  }
}

/** Removes a leading UTF-8 byte order mark, which VS Code hides as well, so columns agree with the editor. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Text with every character except line breaks replaced by spaces: keeps offsets while hiding content. */
export function blankOut(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/**
 * The index of the last of `items` (sorted by `key`) whose key is at most `value`, or -1 when
 * there is none; by bisection.
 */
export function lastAtOrBefore<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length - 1;
  if (hi < 0 || key(items[0]) > value) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid]) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * `s` as a string of its own. JavaScript engines make a slice share the memory of the string it
 * was cut from, so a short slice kept in a cache would keep a whole earlier version of a document
 * alive; the concatenation is flattened into a new string before the slice is taken.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/** A text with some spans cut out, and the maps between its offsets and the original's (see {@link cutOut}). */
export interface CutText {
  text: string;
  /** The offset in the cut text of an original offset (one inside a cut goes to where the cut was). */
  toCut(offset: number): number;
  /** The original offset of an offset of the cut text: where a cut was, after it for a `start`, before it for an `end`. */
  fromCut(offset: number, side: 'start' | 'end'): number;
}

/**
 * `text` without the spans `cuts` (disjoint; any order): the markup of annotations cut out of a
 * statement, say, so the text reads as written. Both maps bisect over the cuts.
 */
export function cutOut(text: string, cuts: readonly Span[]): CutText {
  const sorted = [...cuts].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  /** Characters cut before sorted[i]; and where sorted[i] falls in the cut text. */
  const before: number[] = [];
  const at: number[] = [];
  let removed = 0;
  let last = 0;
  for (const c of sorted) {
    before.push(removed);
    at.push(c.start - removed);
    parts.push(text.slice(last, c.start));
    last = c.end;
    removed += c.end - c.start;
  }
  parts.push(text.slice(last));
  const toCut = (offset: number): number => {
    const i = lastAtOrBefore(sorted, (c) => c.start, offset - 1);
    if (i === -1) return offset;
    const c = sorted[i];
    return offset - before[i] - (Math.min(offset, c.end) - c.start);
  };
  const fromCut = (offset: number, side: 'start' | 'end'): number => {
    // The cuts at or before `offset` (strictly before it for an end) were all removed before it.
    const i = lastAtOrBefore(at, (x) => x, side === 'start' ? offset : offset - 1);
    return i === -1 ? offset : offset + before[i] + sorted[i].end - sorted[i].start;
  };
  return { text: parts.join(''), toCut, fromCut };
}
