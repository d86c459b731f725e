/**
 * Finds every glossary form in a text in one pass, whatever the number of forms: an Aho–Corasick
 * automaton over normalised code units (see `chars.ts`), with leftmost-longest selection.
 *
 * The automaton is a full DFA over the "dense" alphabet (the Latin-range characters the patterns
 * use, where nearly all text is) and a sparse edge map with failure links for everything else
 * (Chinese, Cyrillic…), so memory stays small while the common path is one array read per code unit.
 */
import { CANONICAL, FOLDED, SPACE, WORD_CHAR, isCjk, normalizePhrase } from './chars';

/** One form to look for, and what a hit on it stands for. */
export interface Pattern<T> {
  text: string;
  caseSensitive: boolean;
  value: T;
}

/** A hit: the span of the original text and the value of the pattern that matched. */
export interface Match<T> {
  start: number;
  end: number;
  value: T;
}

/** Code units below this limit get dense DFA rows; above it, sparse edges. */
const DENSE_LIMIT = 0x250;

interface CompiledPattern<T> {
  value: T;
  /** Length in normalised code units. */
  length: number;
  /** The canonical, case-kept form, for case-sensitive verification; null when case-insensitive. */
  exact: string | null;
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

/** A compiled set of patterns, reusable across texts. Build with {@link compileMatcher}. */
export class Matcher<T> {
  /** Number of patterns compiled (duplicates after normalisation are dropped: the first wins). */
  readonly size: number;

  constructor(
    private readonly classOf: Uint16Array,
    private readonly denseClasses: number,
    private readonly delta: Int32Array,
    private readonly sparse: Map<number, number>,
    private readonly fail: Int32Array,
    private readonly output: Int32Array,
    private readonly dictLink: Int32Array,
    private readonly patterns: CompiledPattern<T>[],
    private readonly ringMask: number,
  ) {
    this.size = patterns.length;
  }

  /**
   * Every non-overlapping occurrence of a pattern in `text`, leftmost first, the longest where
   * several start at the same place. Latin and Cyrillic patterns match whole words only.
   */
  findAll(text: string, from = 0, to = text.length): Match<T>[] {
    const { classOf, denseClasses: D, delta, sparse, fail, output, dictLink, patterns, ringMask } = this;
    const ring = new Int32Array(ringMask + 1);
    const candStart: number[] = [];
    const candEnd: number[] = [];
    const candPattern: number[] = [];
    let state = 0;
    let emitted = 0;
    let lastWasSpace = true;
    for (let i = from; i < to; i++) {
      const f = FOLDED[text.charCodeAt(i)];
      if (f === SPACE) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
      ring[emitted & ringMask] = i;
      emitted++;
      const cls = classOf[f];
      if (cls === 0) {
        state = 0;
        continue;
      }
      if (cls < D) state = delta[state * D + cls];
      else {
        for (;;) {
          const next = sparse.get(state * 65536 + cls);
          if (next !== undefined) {
            state = next;
            break;
          }
          if (state === 0) break;
          state = fail[state];
        }
      }
      let hit = output[state] >= 0 ? state : dictLink[state];
      while (hit > 0) {
        const p = output[hit];
        const pattern = patterns[p];
        const start = ring[(emitted - pattern.length) & ringMask];
        if (this.accept(text, pattern, start, i + 1, from, to)) {
          candStart.push(start);
          candEnd.push(i + 1);
          candPattern.push(p);
        }
        hit = dictLink[hit];
      }
    }
    return selectLeftmostLongest(candStart, candEnd, candPattern, patterns);
  }

  private accept(text: string, p: CompiledPattern<T>, start: number, end: number, from: number, to: number): boolean {
    if (p.boundaryStart && start > from && WORD_CHAR[FOLDED[text.charCodeAt(start - 1)]] === 1) return false;
    if (p.boundaryEnd && end < to && WORD_CHAR[FOLDED[text.charCodeAt(end)]] === 1) return false;
    if (p.exact !== null) {
      let k = 0;
      let lastWasSpace = true;
      for (let i = start; i < end; i++) {
        const c = CANONICAL[text.charCodeAt(i)];
        if (c === SPACE) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else lastWasSpace = false;
        if (p.exact.charCodeAt(k++) !== c) return false;
      }
    }
    return true;
  }
}

/** Greedy leftmost-longest choice among candidates that arrive ordered by end offset. */
function selectLeftmostLongest<T>(
  starts: number[],
  ends: number[],
  pats: number[],
  patterns: CompiledPattern<T>[],
): Match<T>[] {
  const n = starts.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Insertion sort by (start asc, end desc): candidates come nearly sorted (only overlapping ones
  // are out of order), so this runs in about linear time.
  for (let i = 1; i < n; i++) {
    const x = order[i];
    let j = i - 1;
    while (j >= 0 && (starts[order[j]] > starts[x] || (starts[order[j]] === starts[x] && ends[order[j]] < ends[x]))) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
  const result: Match<T>[] = [];
  let lastEnd = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (starts[i] < lastEnd) continue;
    result.push({ start: starts[i], end: ends[i], value: patterns[pats[i]].value });
    lastEnd = ends[i];
  }
  return result;
}

/**
 * Compiles patterns into a {@link Matcher}. Patterns are normalised (see `chars.ts`); an empty
 * pattern is ignored, and of two patterns equal after case-folding only the first is kept.
 */
export function compileMatcher<T>(input: Iterable<Pattern<T>>): Matcher<T> {
  const patterns: CompiledPattern<T>[] = [];
  const normalized: string[] = [];
  const seen = new Set<string>();
  let maxLength = 1;
  for (const p of input) {
    const folded = normalizePhrase(p.text);
    if (folded.length === 0 || seen.has(folded)) continue;
    seen.add(folded);
    const first = folded.charCodeAt(0);
    const last = folded.charCodeAt(folded.length - 1);
    patterns.push({
      value: p.value,
      length: folded.length,
      exact: p.caseSensitive ? normalizePhrase(p.text, true) : null,
      boundaryStart: WORD_CHAR[first] === 1 && !isCjk(first),
      boundaryEnd: WORD_CHAR[last] === 1 && !isCjk(last),
    });
    normalized.push(folded);
    maxLength = Math.max(maxLength, folded.length);
  }

  // Alphabet: class 0 = absent from every pattern; dense classes first, then sparse ones.
  const classOf = new Uint16Array(65536);
  const used = new Set<number>();
  for (const s of normalized) for (let i = 0; i < s.length; i++) used.add(s.charCodeAt(i));
  const sorted = [...used].sort((a, b) => a - b);
  let nextClass = 1;
  for (const c of sorted) if (c < DENSE_LIMIT) classOf[c] = nextClass++;
  const denseClasses = nextClass;
  for (const c of sorted) if (c >= DENSE_LIMIT) classOf[c] = nextClass++;
  // Every code unit that folds onto a used one shares its class (FOLDED is applied before lookup,
  // so only the folded code units need a class).

  // Trie.
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[] = [-1];
  normalized.forEach((s, p) => {
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const cls = classOf[s.charCodeAt(i)];
      let next = children[node].get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push(-1);
        children[node].set(cls, next);
      }
      node = next;
    }
    terminal[node] = p;
  });

  const states = children.length;
  const D = denseClasses;
  const delta = new Int32Array(states * D);
  const sparse = new Map<number, number>();
  const fail = new Int32Array(states);
  const output = Int32Array.from(terminal);
  const dictLink = new Int32Array(states);

  // Breadth-first: failure links, dictionary links, full DFA rows for dense classes.
  const queue: number[] = [];
  for (const [cls, child] of children[0]) {
    if (cls < D) delta[cls] = child;
    else sparse.set(cls, child);
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head];
    const f = fail[s];
    dictLink[s] = output[f] >= 0 ? f : dictLink[f];
    for (let cls = 1; cls < D; cls++) delta[s * D + cls] = delta[f * D + cls];
    for (const [cls, child] of children[s]) {
      let g = f;
      let target: number | undefined;
      if (cls < D) {
        target = delta[f * D + cls];
        delta[s * D + cls] = child;
      } else {
        sparse.set(s * 65536 + cls, child);
        for (;;) {
          target = sparse.get(g * 65536 + cls);
          if (target !== undefined || g === 0) break;
          g = fail[g];
        }
      }
      fail[child] = target ?? 0;
      queue.push(child);
    }
  }

  let ringSize = 1;
  while (ringSize < maxLength) ringSize <<= 1;
  return new Matcher(classOf, D, delta, sparse, fail, output, dictLink, patterns, ringSize - 1);
}
