/**
 * Finds every glossary form in a text in one pass, whatever the number of forms: an Aho–Corasick
 * automaton over normalised code units (see `chars.ts`), with leftmost-longest selection.
 *
 * The shallowest states have full DFA rows over the "dense" alphabet (the Latin-range characters
 * the patterns use, where nearly all text is); everything else (deep states, Chinese, Cyrillic…)
 * follows compact trie edges and failure links. Memory stays small and compiling fast, while the
 * common path is one array read per code unit.
 *
 * Word boundaries: Latin, Cyrillic and other spaced scripts match whole words only (a table lookup
 * at each end). Chinese and Japanese have no spaces, so a form that starts or ends with their
 * letters must start and end on a word boundary of the sentence as word segmentation (ICU, through
 * `Intl.Segmenter`) reads it — 海地 is not found in 沿海|地区, nor 美国 in 欧美|国家 — with the
 * corrections for ICU's coarser words and the cost limits described in `wordEdges.ts`. The check
 * runs only on candidates of such forms, before leftmost-longest selection (so a form rejected
 * there leaves room for a shorter one); blocking patterns are exempt.
 */
import { CANONICAL, FOLDED, SEGMENTED_CHAR, SPACE, WORD_CHAR, isCjk, normalizePhrase } from './chars';
import { WordEdges } from './wordEdges';

/** One form to look for, and what a hit on it stands for. */
export interface Pattern<T> {
  text: string;
  caseSensitive: boolean;
  value: T;
  /**
   * A blocking pattern: it takes part in leftmost-longest selection like any other, but its hit is
   * not reported. A longer phrase that contains a form ("Niger Delta", 沿海地区 around 海地) thus
   * hides that form wherever the phrase occurs, and the scan stays one pass.
   */
  block?: boolean;
}

/** A hit: the span of the original text and the value of the pattern that matched. */
export interface Match<T> {
  start: number;
  end: number;
  value: T;
}

/** Code units below this limit get dense DFA rows; above it, sparse edges. */
const DENSE_LIMIT = 0x250;
/** How many of the shallowest states get full DFA rows. */
const DENSE_STATES = 4096;

interface CompiledPattern<T> {
  value: T;
  /** Length in normalised code units. */
  length: number;
  /** The canonical, case-kept form, for case-sensitive verification; null when case-insensitive. */
  exact: string | null;
  boundaryStart: boolean;
  boundaryEnd: boolean;
  /** Starts (ends) with a letter of a script without spaces: checked against word segmentation. */
  segmentStart: boolean;
  segmentEnd: boolean;
  /** See {@link Pattern.block}. */
  block: boolean;
}

/** A compiled set of patterns, reusable across texts. Build with {@link compileMatcher}. */
export class Matcher<T> {
  /** Number of patterns compiled (duplicates after normalisation are dropped: the first wins). */
  readonly size: number;
  /** Offsets of the latest code units scanned (see findAll). */
  private ring: Int32Array | undefined;
  /** Where matches in unspaced scripts may start and end (see `wordEdges.ts`). */
  private readonly wordEdges = new WordEdges();

  constructor(
    private readonly classOf: Uint16Array,
    private readonly a: Automaton,
    private readonly patterns: CompiledPattern<T>[],
    private readonly ringMask: number,
  ) {
    this.size = patterns.length;
  }

  /**
   * Every non-overlapping occurrence of a pattern in `text`, leftmost first, the longest where
   * several start at the same place. Latin and Cyrillic patterns match whole words only. A blocking
   * pattern's hit (see {@link Pattern.block}) is chosen the same way but left out of the result, so
   * the hits it overlaps are gone too.
   */
  findAll(text: string, from = 0, to = text.length): Match<T>[] {
    return this.findAllAs(text, (start, end, value) => ({ start, end, value }), from, to);
  }

  /** {@link findAll}, each hit made by `make` (saves building a match object only to copy it). */
  findAllAs<R>(text: string, make: (start: number, end: number, value: T) => R, from = 0, to = text.length): R[] {
    const { classOf, patterns, ringMask } = this;
    const { dense: D, denseStates: K, delta, output, dictLink, firstHit } = this.a;
    // Reused between calls (a scan never re-enters itself): blocks are small and many.
    const ring = (this.ring ??= new Int32Array(ringMask + 1));
    this.wordEdges.reset();
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
      state = cls < D && state < K ? delta[state * D + cls] : step(this.a, state, cls);
      let hit = firstHit[state];
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
    return selectLeftmostLongest(candStart, candEnd, candPattern, patterns, make);
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
    // Blocking patterns are exempt: a phrase written to hide a misfire hides it wherever it occurs.
    if (!p.block) {
      if (p.segmentEnd && !this.wordEdges.fits(text, start, end, end, from, to)) return false;
      if (p.segmentStart && !this.wordEdges.fits(text, start, end, start, from, to)) return false;
    }
    return true;
  }
}

/**
 * The automaton. States are numbered breadth-first, so the shallow states — where a scan spends
 * nearly all its time — come first: the first `denseStates` get full DFA rows over the dense
 * classes (one array read per code unit); every state keeps its trie edges in compact sorted
 * arrays (CSR), followed with failure links where there is no DFA row.
 */
interface Automaton {
  dense: number;
  denseStates: number;
  delta: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  output: Int32Array;
  dictLink: Int32Array;
  /** The first state with an output on the dictionary chain of each state (itself, or its dictionary link): one read per code unit. */
  firstHit: Int32Array;
}

/** The trie edge of `state` on `cls`, or -1 (binary search in the state's sorted edges). */
function edge(a: Automaton, state: number, cls: number): number {
  let lo = a.edgeStart[state];
  let hi = a.edgeStart[state + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = a.edgeClass[mid];
    if (c === cls) return a.edgeTarget[mid];
    if (c < cls) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The automaton's transition on `cls` from `state`, through failure links where needed. */
function step(a: Automaton, state: number, cls: number): number {
  for (;;) {
    if (cls < a.dense && state < a.denseStates) return a.delta[state * a.dense + cls];
    const next = edge(a, state, cls);
    if (next !== -1) return next;
    if (state === 0) return 0;
    state = a.fail[state];
  }
}

/** Greedy leftmost-longest choice among candidates that arrive ordered by end offset. */
function selectLeftmostLongest<T, R>(starts: number[], ends: number[], pats: number[], patterns: CompiledPattern<T>[], make: (start: number, end: number, value: T) => R): R[] {
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
  const result: R[] = [];
  let lastEnd = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (starts[i] < lastEnd) continue;
    const p = patterns[pats[i]];
    if (!p.block) result.push(make(starts[i], ends[i], p.value));
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
      segmentStart: SEGMENTED_CHAR[first] === 1,
      segmentEnd: SEGMENTED_CHAR[last] === 1,
      block: p.block === true,
    });
    normalized.push(folded);
    maxLength = Math.max(maxLength, folded.length);
  }

  // Alphabet: class 0 = absent from every pattern; dense classes first, then sparse ones.
  const classOf = new Uint16Array(65536);
  const used = new Uint8Array(65536);
  let totalLength = 0;
  for (const s of normalized) {
    totalLength += s.length;
    for (let i = 0; i < s.length; i++) used[s.charCodeAt(i)] = 1;
  }
  const sorted: number[] = [];
  for (let c = 0; c < 65536; c++) if (used[c] === 1) sorted.push(c);
  let nextClass = 1;
  for (const c of sorted) if (c < DENSE_LIMIT) classOf[c] = nextClass++;
  const denseClasses = nextClass;
  for (const c of sorted) if (c >= DENSE_LIMIT) classOf[c] = nextClass++;
  // Every code unit that folds onto a used one shares its class (FOLDED is applied before lookup,
  // so only the folded code units need a class).

  // Trie, built from the patterns in sorted order: each one shares its path with the previous
  // one up to their common prefix, so no edge lookup is needed (a map keyed by node and class
  // cost most of the compile time on large glossaries).
  // At most one state per pattern character, plus the root.
  const edgeParentList = new Int32Array(totalLength);
  const edgeClassList = new Uint16Array(totalLength);
  const terminal = new Int32Array(totalLength + 1).fill(-1);
  let states = 1;
  const indexOf = new Map<string, number>();
  normalized.forEach((s, i) => indexOf.set(s, i));
  // The default sort (code-unit order, no comparator callback) is several times faster.
  const byText = normalized
    .slice()
    .sort()
    .map((s) => indexOf.get(s)!);
  const path: number[] = [0];
  let previous = '';
  for (const p of byText) {
    const s = normalized[p];
    let common = 0;
    const limit = Math.min(s.length, previous.length);
    while (common < limit && s.charCodeAt(common) === previous.charCodeAt(common)) common++;
    let node = path[common];
    for (let i = common; i < s.length; i++) {
      const next = states++;
      edgeParentList[next - 1] = node;
      edgeClassList[next - 1] = classOf[s.charCodeAt(i)];
      node = next;
      path[i + 1] = node;
    }
    terminal[node] = p;
    previous = s;
  }
  const edgeCount = states - 1;
  // Children of each node, sorted by class (CSR by parent, in trie numbering).
  const childStart = new Int32Array(states + 1);
  for (let e = 0; e < edgeCount; e++) childStart[edgeParentList[e] + 1]++;
  for (let i = 0; i < states; i++) childStart[i + 1] += childStart[i];
  const childClass = new Uint16Array(edgeCount);
  const childNode = new Int32Array(edgeCount);
  const fill = childStart.slice(0, states);
  for (let e = 0; e < edgeCount; e++) {
    const at = fill[edgeParentList[e]]++;
    childClass[at] = edgeClassList[e];
    childNode[at] = e + 1; // nodes are created in edge order: edge e creates node e + 1
  }
  for (let n = 0; n < states; n++) {
    const from = childStart[n];
    const to = childStart[n + 1];
    if (to - from < 2) continue;
    const pairs = [];
    for (let i = from; i < to; i++) pairs.push([childClass[i], childNode[i]]);
    pairs.sort((x, y) => x[0] - y[0]);
    for (let i = from; i < to; i++) [childClass[i], childNode[i]] = pairs[i - from];
  }
  // Renumber breadth-first and lay the edges out in that order.
  const order = new Int32Array(states);
  const renumber = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const old = order[head];
    for (let i = childStart[old]; i < childStart[old + 1]; i++) {
      renumber[childNode[i]] = tail;
      order[tail++] = childNode[i];
    }
  }
  const edgeStart = new Int32Array(states + 1);
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const output = new Int32Array(states);
  let e = 0;
  for (let s = 0; s < states; s++) {
    const old = order[s];
    edgeStart[s] = e;
    output[s] = terminal[old];
    for (let i = childStart[old]; i < childStart[old + 1]; i++, e++) {
      edgeClass[e] = childClass[i];
      edgeTarget[e] = renumber[childNode[i]];
    }
  }
  edgeStart[states] = e;

  const D = denseClasses;
  const K = Math.min(states, DENSE_STATES);
  const a: Automaton = {
    dense: D,
    denseStates: K,
    delta: new Int32Array(K * D),
    edgeStart,
    edgeClass,
    edgeTarget,
    fail: new Int32Array(states),
    output,
    dictLink: new Int32Array(states),
    firstHit: new Int32Array(states),
  };
  completeAutomaton(a, true);

  let ringSize = 1;
  while (ringSize < maxLength) ringSize <<= 1;
  return new Matcher(classOf, a, patterns, ringSize - 1);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** First word of a serialized matcher ("DAM" and a format number): anything else is refused. */
const MAGIC = 0x44414d04;
/** Nine 32-bit numbers: magic, dense classes, dense states, ring mask, states, patterns, class pairs, exact code units, values. */
const HEADER_BYTES = 36;

/**
 * The matcher as bytes, to ship precompiled (the build does this for the built-in glossary) so
 * that loading it costs a few array copies instead of a compile. `indexOf` names each pattern's
 * value by a number that {@link loadMatcher} turns back into the value.
 *
 * Layout (little-endian, every section 4-byte aligned): a header of nine 32-bit numbers, then
 * the (code unit, class) pairs, each state's child count, each edge's class, the failure links,
 * each pattern's state, value index, length and flags (1: word boundary at the start, 2: at the end,
 * 4: blocking, 8: segment check at the start, 16: at the end), and the case-sensitive patterns' exact forms.
 * Edge targets are not stored: in breadth-first numbering edge `e` always leads to state `e + 1`.
 */
export function serializeMatcher<T>(m: Matcher<T>, indexOf: (value: T) => number, valueCount: number): Uint8Array {
  const { classOf, a, patterns, ringMask } = m as unknown as { classOf: Uint16Array; a: Automaton; patterns: CompiledPattern<T>[]; ringMask: number };
  const states = a.fail.length;
  for (let e = 0; e < a.edgeTarget.length; e++) if (a.edgeTarget[e] !== e + 1) throw new Error('matcher: edges are not in breadth-first order');
  const classPairs: number[] = [];
  for (let c = 0; c < 65536; c++) if (classOf[c] !== 0) classPairs.push(c, classOf[c]);
  const stateOf = new Int32Array(patterns.length);
  for (let s = 0; s < states; s++) if (a.output[s] >= 0) stateOf[a.output[s]] = s;
  const exact = patterns.map((p) => p.exact ?? '').join('');
  const words = [MAGIC, a.dense, a.denseStates, ringMask, states, patterns.length, classPairs.length / 2, exact.length, valueCount];
  const size = (n16: number) => (n16 * 2 + 3) & ~3;
  const bytes = new Uint8Array(
    words.length * 4 + size(classPairs.length) + size(states) + size(states - 1) + states * 4 + patterns.length * 16 + patterns.length * 4 + size(exact.length),
  );
  const view = new DataView(bytes.buffer);
  let at = 0;
  // Explicitly little-endian, whatever the host; loadMatcher refuses big-endian hosts (they compile).
  const i32 = (v: number) => {
    view.setInt32(at, v, true);
    at += 4;
  };
  const u16s = (values: ArrayLike<number>) => {
    for (let i = 0; i < values.length; i++) view.setUint16(at + i * 2, values[i], true);
    at += size(values.length);
  };
  words.forEach(i32);
  u16s(classPairs);
  const childCount = new Uint16Array(states);
  for (let s = 0; s < states; s++) childCount[s] = a.edgeStart[s + 1] - a.edgeStart[s];
  u16s(childCount);
  u16s(a.edgeClass);
  a.fail.forEach(i32);
  patterns.forEach((p, i) => {
    i32(stateOf[i]);
    i32(indexOf(p.value));
    i32(p.length);
    i32((p.boundaryStart ? 1 : 0) | (p.boundaryEnd ? 2 : 0) | (p.block ? 4 : 0) | (p.segmentStart ? 8 : 0) | (p.segmentEnd ? 16 : 0));
  });
  patterns.forEach((p) => i32(p.exact === null ? -1 : p.exact.length));
  // Code units, not code points: `exact.length` counts units, and astral letters are two.
  u16s(Array.from({ length: exact.length }, (_, i) => exact.charCodeAt(i)));
  return bytes;
}

/**
 * A matcher from {@link serializeMatcher}'s bytes, its values looked up in `values`; undefined when
 * the bytes are not a matcher of this format, were made for another number of values, or are
 * inconsistent (then compile instead).
 */
export function loadMatcher<T>(bytes: Uint8Array, values: readonly T[]): Matcher<T> | undefined {
  if (bytes.byteLength < HEADER_BYTES || !LITTLE_ENDIAN) return undefined;
  // A copy of our own is aligned, so every section can be viewed in place.
  const buffer = bytes.slice().buffer;
  const header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  const [magic, dense, denseStates, ringMask, states, patternCount, classPairCount, exactLength, valueCount] = header;
  if (magic !== MAGIC || valueCount !== values.length || states < 1 || patternCount < 0 || classPairCount < 0 || exactLength < 0) return undefined;
  const size = (n16: number) => (n16 * 2 + 3) & ~3;
  const expected = HEADER_BYTES + size(classPairCount * 2) + size(states) + size(states - 1) + states * 4 + patternCount * 20 + size(exactLength);
  if (bytes.byteLength !== expected || denseStates > states || dense < 1) return undefined;
  let at = HEADER_BYTES;
  const u16 = (n: number) => {
    const out = new Uint16Array(buffer, at, n);
    at += size(n);
    return out;
  };
  const i32 = (n: number) => {
    const out = new Int32Array(buffer, at, n);
    at += n * 4;
    return out;
  };
  const pairs = u16(classPairCount * 2);
  const classOf = new Uint16Array(65536);
  for (let i = 0; i < pairs.length; i += 2) classOf[pairs[i]] = pairs[i + 1];
  const childCount = u16(states);
  const edgeClass = u16(states - 1);
  const fail = i32(states);
  const table = i32(patternCount * 4);
  const exactLengths = i32(patternCount);
  const exactUnits = u16(exactLength);

  const edgeStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) edgeStart[s + 1] = edgeStart[s] + childCount[s];
  if (edgeStart[states] !== states - 1) return undefined;
  const edgeTarget = new Int32Array(states - 1);
  for (let e = 0; e < edgeTarget.length; e++) edgeTarget[e] = e + 1;
  const output = new Int32Array(states).fill(-1);
  const patterns: CompiledPattern<T>[] = [];
  let exactAt = 0;
  for (let p = 0; p < patternCount; p++) {
    const state = table[p * 4];
    const valueIndex = table[p * 4 + 1];
    const length = table[p * 4 + 2];
    const flags = table[p * 4 + 3];
    if (state < 0 || state >= states || valueIndex < 0 || valueIndex >= values.length) return undefined;
    output[state] = p;
    const exactLen = exactLengths[p];
    if (exactAt + Math.max(exactLen, 0) > exactUnits.length) return undefined;
    const exact = exactLen < 0 ? null : String.fromCharCode(...exactUnits.subarray(exactAt, exactAt + exactLen));
    if (exactLen > 0) exactAt += exactLen;
    patterns.push({
      value: values[valueIndex],
      length,
      exact,
      boundaryStart: (flags & 1) !== 0,
      boundaryEnd: (flags & 2) !== 0,
      block: (flags & 4) !== 0,
      segmentStart: (flags & 8) !== 0,
      segmentEnd: (flags & 16) !== 0,
    });
  }
  // Enough checks that damaged bytes are refused rather than scanned with: failure links point to
  // shallower states, classes and lengths are in range.
  if (fail[0] !== 0) return undefined;
  for (let s = 1; s < states; s++) if (fail[s] < 0 || fail[s] >= s) return undefined;
  let classes = 0;
  for (let i = 1; i < pairs.length; i += 2) classes = Math.max(classes, pairs[i]);
  if (dense > classes + 1) return undefined;
  for (let e = 0; e < edgeClass.length; e++) if (edgeClass[e] === 0 || edgeClass[e] > classes) return undefined;
  if (ringMask < 0 || (ringMask & (ringMask + 1)) !== 0) return undefined;
  for (const p of patterns) if (p.length < 1 || p.length > ringMask + 1) return undefined;
  const a: Automaton = {
    dense,
    denseStates,
    delta: new Int32Array(denseStates * dense),
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    output,
    dictLink: new Int32Array(states),
    firstHit: new Int32Array(states),
  };
  completeAutomaton(a, false);
  return new Matcher(classOf, a, patterns, ringMask);
}

/**
 * Fills the dictionary links and the dense DFA rows — and, when `computeFail`, the failure links —
 * in breadth-first order: a state's failure target is shallower, hence already complete.
 */
function completeAutomaton(a: Automaton, computeFail: boolean): void {
  const { dense: D, denseStates: K, edgeStart, edgeClass, edgeTarget, output } = a;
  const states = a.fail.length;
  for (let s = 0; s < states; s++) {
    const f = a.fail[s];
    if (s > 0) a.dictLink[s] = output[f] >= 0 ? f : a.dictLink[f];
    a.firstHit[s] = output[s] >= 0 ? s : a.dictLink[s];
    if (computeFail) {
      for (let e = edgeStart[s]; e < edgeStart[s + 1]; e++) a.fail[edgeTarget[e]] = s === 0 ? 0 : step(a, f, edgeClass[e]);
    }
    if (s < K) {
      const row = s * D;
      if (s > 0) a.delta.set(a.delta.subarray(f * D, f * D + D), row);
      for (let e = edgeStart[s]; e < edgeStart[s + 1] && edgeClass[e] < D; e++) a.delta[row + edgeClass[e]] = edgeTarget[e];
    }
  }
}
