/**
 * The commitment diff: what changed between two analysed statements, commitment by commitment.
 *
 * Alignment. Each commitment is reduced to its *object*: the glossary terms and content words
 * after its trigger ("supports [the Global Development Initiative] proposed by the Chinese side"
 * → {#global-development-initiative, propos, chinese, side}); a glossary term counts as its id, so
 * "the GDI" and "the Global Development Initiative" are the same token, and as two words, so a
 * shared term weighs more than a shared common word. Function words (see
 * {@link DIFF_FUNCTION_WORDS}) and numbers are left out; words are lower-cased and lightly stemmed
 * ("supports", "supported" → "support"). Chinese text counts as pairs of adjacent characters. Two
 * commitments may pair when the weighted Jaccard similarity of their objects is at least
 * {@link DEFAULT_THRESHOLD}, or 0.6 of it for two of the same actor, type and trigger words. Candidate pairs are ranked by that similarity, plus a small bonus for
 * the same actor and the same type, and taken greedily, best first (ties to the pair nearer in
 * relative position): a commitment pairs at most once. Identical commitments (same actor, type,
 * negation, strength and words) are paired first, in document order. Greedy by score is not the
 * optimal assignment, but the scores of true pairs stand far above the rest, and it stays linear
 * on large documents: candidates come from an index of the objects' tokens, not from all pairs,
 * and a common token only proposes the commitments nearest in relative position.
 * Nothing depends on order or paragraph numbers, so reordering and renumbering pair as before.
 *
 * Classification. A pair gets the first change that applies, in the order of {@link CHANGE_KINDS}:
 * `negated` (negation flipped), `retyped` (another commitment type), `actor-changed` (other parties,
 * or for actors that resolve to none, other words), `strengthened` / `weakened` (strength, then the
 * count of intensifying minus hedging words, see {@link DIFF_INTENSIFYING_ADVERBS}), `reworded`
 * (other words in the actor or the commitment; case, spacing and punctuation aside), `kept`.
 * Unpaired commitments of the old document are `dropped`, of the new one `added`.
 */
import type { Analysis } from './analyze';
import type { Commitment } from './commitments';
import { DIFF_FUNCTION_WORDS, DIFF_HEDGING_WORDS, DIFF_INTENSIFYING_ADVERBS, WEAK_PHRASES, ZH_DIFF_INTENSIFIERS, ZH_WEAK, type Strength } from './lexicon';
import { lastAtOrBefore, type Span } from './text';

/** The kinds of change, in the order a pair is classified by (the first that applies); then the unpaired. */
export const CHANGE_KINDS = ['negated', 'retyped', 'actor-changed', 'strengthened', 'weakened', 'reworded', 'kept', 'added', 'dropped'] as const;
/** One of {@link CHANGE_KINDS}. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The least similarity of two commitments' objects for them to pair (weighted Jaccard, 0–1). */
export const DEFAULT_THRESHOLD = 0.4;

/** What the diff reads of an analysis. */
export type DiffInput = Pick<Analysis, 'commitments' | 'terms' | 'plain' | 'segments'>;

/** One item of a diff: a pair of commitments with its change, or an added or dropped one. */
export interface CommitmentChange {
  change: ChangeKind;
  /** The old document's commitment and its index in its analysis; absent for `added`. */
  old?: Commitment;
  oldIndex?: number;
  /** The new document's commitment and its index in its analysis; absent for `dropped`. */
  new?: Commitment;
  newIndex?: number;
  /** How alike the two objects are (0–1); 0 for an added or dropped commitment. */
  similarity: number;
  /** Words of the old side (its actor and its commitment) that the new side lacks, in document offsets. */
  oldMarks: Span[];
  /** Words of the new side that the old side lacks, in document offsets. */
  newMarks: Span[];
  /** The sentence (or heading) each side's commitment starts in, for revealing it. */
  oldSentence?: Span;
  newSentence?: Span;
}

/** The diff of two documents. */
export interface CommitmentDiff {
  /** Pairs and unpaired commitments in the new document's order, each dropped one after the pair before it in the old. */
  changes: CommitmentChange[];
  /** Ids of glossary terms found in one document only, in order of first appearance (annotated words no glossary defines are left out). */
  terms: { added: string[]; dropped: string[] };
}

/** Options of {@link diffCommitments}. */
export interface DiffOptions {
  /** See {@link DEFAULT_THRESHOLD}. */
  threshold?: number;
}

/** A word of a commitment: where it is, and how it compares. */
interface Word extends Span {
  /** Lower-cased. */
  lower: string;
  /** True for a Chinese character (a word of one character). */
  han: boolean;
}

/** What alignment and classification read of one commitment. */
interface Features {
  commitment: Commitment;
  index: number;
  /** Relative position in its document (0–1). */
  position: number;
  /** Object tokens with their weights. */
  object: Map<string, number>;
  objectWeight: number;
  actorKey: string;
  actorWords: Word[];
  words: Word[];
  intensity: number;
}

/**
 * Share of the threshold enough for a pair of the same actor, type and trigger words ("Decides to
 * include in the provisional agenda … the sub-item … and to consider the sub-item before" the next
 * Games, whichever they are: the object's words change with the occasion, the commitment stays).
 */
const ANCHORED = 0.6;
/** Weight of a glossary term in an object (a word weighs 1). */
const TERM_WEIGHT = 2;
/** The most candidates one token of an object finds (see {@link candidatesOf}). */
const MAX_POSTING = 40;

/**
 * The commitment diff of two analyses of (the texts of) two documents; see the module doc for how
 * commitments are paired and classified. Pure; offsets are those of each analysis.
 */
export function diffCommitments(oldDoc: DiffInput, newDoc: DiffInput, options: DiffOptions = {}): CommitmentDiff {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // Identical commitments pair first, from a key of their words alone; only the others are
  // reduced to features (most of a revised document is kept as it was).
  const wordsOf = new Map<string, string>();
  const identical = identicalPairs(identitiesOf(oldDoc, wordsOf), identitiesOf(newDoc, wordsOf));
  const olds = featuresOf(oldDoc, (i) => !identical.oldTaken.has(i));
  const news = featuresOf(newDoc, (i) => !identical.newTaken.has(i));
  const pairs = [...identical.pairs, ...alignPairs(olds, news, threshold)].sort((x, y) => x.newIndex - y.newIndex);
  const pairedOld = new Map<number, number>();
  const changes: { item: CommitmentChange; key: number }[] = [];
  for (const { oldIndex, newIndex, similarity } of pairs) {
    pairedOld.set(oldIndex, newIndex);
    const a = olds[oldIndex];
    const b = news[newIndex];
    const [oldMarks, newMarks] = a && b ? changedWords(a, b) : [[], []];
    changes.push({
      key: newIndex,
      item: {
        change: a && b ? classify(a, b) : 'kept',
        old: oldDoc.commitments[oldIndex],
        oldIndex,
        new: newDoc.commitments[newIndex],
        newIndex,
        similarity,
        oldMarks,
        newMarks,
        oldSentence: sentenceOf(oldDoc, oldDoc.commitments[oldIndex]),
        newSentence: sentenceOf(newDoc, newDoc.commitments[newIndex]),
      },
    });
  }
  const pairedNew = new Set(pairs.map((p) => p.newIndex));
  for (const [index, c] of newDoc.commitments.entries()) {
    if (pairedNew.has(index)) continue;
    changes.push({ key: index, item: { change: 'added', new: c, newIndex: index, similarity: 0, oldMarks: [], newMarks: [], newSentence: sentenceOf(newDoc, c) } });
  }
  // A dropped commitment goes after the pair whose old commitment comes last before it.
  let after = -1;
  const oldCount = oldDoc.commitments.length;
  for (const [index, c] of oldDoc.commitments.entries()) {
    const paired = pairedOld.get(index);
    if (paired !== undefined) {
      after = Math.max(after, paired);
      continue;
    }
    const key = after + 0.25 + (0.5 * index) / (oldCount + 1);
    changes.push({ key, item: { change: 'dropped', old: c, oldIndex: index, similarity: 0, oldMarks: [], newMarks: [], oldSentence: sentenceOf(oldDoc, c) } });
  }
  changes.sort((x, y) => x.key - y.key);
  return { changes: changes.map((c) => c.item), terms: termChanges(oldDoc, newDoc) };
}

/**
 * Two documents in the order a diff takes them: `[older, newer]` by the `date` of their front
 * matter (ISO dates compare as text) when both have one and `second` is the older, else as given.
 */
export function olderFirst<T extends { analysis: Pick<Analysis, 'frontMatter'> }>(first: T, second: T): [T, T] {
  const a = first.analysis.frontMatter?.date;
  const b = second.analysis.frontMatter?.date;
  return a && b && b < a ? [second, first] : [first, second];
}

/** Term ids of `newDoc` not in `oldDoc` (added) and the reverse (dropped), in order of first appearance. */
function termChanges(oldDoc: DiffInput, newDoc: DiffInput): CommitmentDiff['terms'] {
  // Words annotated with a kind that no glossary entry has (`[人工智能]{.concept}`) stand for an
  // entry made up for them, defined in no file: they are not glossary terms.
  const ids = (doc: DiffInput) => [...new Set(doc.terms.filter((t) => t.entry.origin.file !== '').map((t) => t.id))];
  const oldIds = ids(oldDoc);
  const newIds = ids(newDoc);
  const inOld = new Set(oldIds);
  const inNew = new Set(newIds);
  return { added: newIds.filter((id) => !inOld.has(id)), dropped: oldIds.filter((id) => !inNew.has(id)) };
}

/** The sentence (segment) a commitment starts in, or the commitment itself when no segment holds it. */
function sentenceOf(doc: DiffInput, c: Commitment): Span {
  const i = lastAtOrBefore(doc.segments, (s) => s.start, c.start);
  const s = i >= 0 ? doc.segments[i] : undefined;
  return s && s.end > c.start ? { start: s.start, end: s.end } : { start: c.start, end: c.end };
}

// ——— Features ———

/** Words: runs of letters and digits, and each Chinese character alone (apostrophes inside words kept). */
const WORD = /\p{Script=Han}|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’](?=\p{L}))*/gu;
const HAN = /^\p{Script=Han}$/u;
const NUMBER = /^\p{N}+$/u;

/** The words of `text` between `start` and `end`, in document offsets. */
function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, lower: m[0].toLowerCase(), han: HAN.test(m[0]) });
  }
  return out;
}

/** A light English stem: "initiatives" → "initiative", "supported" → "support", "strengthening" → "strengthen". */
export function stemWord(lower: string): string {
  let w = lower.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w.replace(/e$/, '');
}

/**
 * What alignment and classification read of the commitments `wanted` (by index) of `doc`; the
 * others are left undefined.
 */
function featuresOf(doc: DiffInput, wanted: (index: number) => boolean): (Features | undefined)[] {
  const terms = doc.terms;
  const n = doc.commitments.length;
  // A document repeats its words: each is stemmed once.
  const stems = new Map<string, string>();
  return doc.commitments.map((c, index) => {
    if (!wanted(index)) return undefined;
    const words = wordsIn(doc.plain, c.start, c.end);
    const objectStart = c.triggerSpan.end > c.start && c.triggerSpan.end < c.end ? c.triggerSpan.end : c.start;
    const object = new Map<string, number>();
    // Terms inside the object count as their ids; their words are not counted again.
    const inTerms: Span[] = [];
    for (
      let t = Math.max(
        0,
        lastAtOrBefore(terms, (x) => x.start, objectStart),
      );
      t < terms.length && terms[t].start < c.end;
      t++
    ) {
      const term = terms[t];
      if (term.start < objectStart || term.end > c.end) continue;
      object.set(`#${term.id}`, TERM_WEIGHT);
      inTerms.push(term);
    }
    let previous: Word | undefined;
    let term = 0;
    for (const w of words) {
      // Terms and words are both in document order: one walk over each.
      while (term < inTerms.length && inTerms[term].end <= w.start) term++;
      const insideTerm = term < inTerms.length && w.start >= inTerms[term].start && w.end <= inTerms[term].end;
      if (w.start < objectStart || insideTerm) {
        previous = undefined;
        continue;
      }
      if (w.han) {
        // Adjacent Chinese characters make the tokens; a lone one stands for itself.
        if (previous?.han && previous.end === w.start) object.set(previous.lower + w.lower, 1);
        previous = w;
        continue;
      }
      previous = undefined;
      if (DIFF_FUNCTION_WORDS.has(w.lower) || NUMBER.test(w.lower)) continue;
      let stem = stems.get(w.lower);
      if (stem === undefined) stems.set(w.lower, (stem = stemWord(w.lower)));
      object.set(stem, 1);
    }
    if (object.size === 0) for (const w of words) if (!DIFF_FUNCTION_WORDS.has(w.lower)) object.set(stemWord(w.lower), 1);
    let objectWeight = 0;
    for (const weight of object.values()) objectWeight += weight;
    return {
      commitment: c,
      index,
      position: n > 1 ? index / (n - 1) : 0,
      object,
      objectWeight,
      actorKey: actorKeyOf(c),
      actorWords: wordsIn(doc.plain, c.actorSpan.start, c.actorSpan.end),
      words,
      intensity: intensityOf(words, doc.plain.slice(c.start, c.end)),
    };
  });
}

/** Who makes a commitment, for comparison: its parties, or for an actor that resolves to none, its words. */
function actorKeyOf(c: Commitment): string {
  const parties = [...new Set(c.parties)].sort();
  return parties.length > 0 ? `parties:${parties.join(',')}` : `words:${actorWords(c.actor)}`;
}

/** An actor's words for comparison: lower case, no leading article, spacing folded. */
function actorWords(actor: string): string {
  return actor.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^the /, '');
}

/** Intensifying words minus hedging words and phrases (see {@link DIFF_INTENSIFYING_ADVERBS}). */
function intensityOf(words: readonly Word[], text: string): number {
  let n = 0;
  for (const w of words) {
    if (DIFF_INTENSIFYING_ADVERBS.has(w.lower)) n++;
    else if (DIFF_HEDGING_WORDS.has(w.lower)) n--;
  }
  if (WEAK_PHRASES.test(text)) n--;
  if (!words.some((w) => w.han)) return n;
  for (const word of ZH_DIFF_INTENSIFIERS) n += countOf(text, word);
  for (const word of ZH_WEAK) n -= countOf(text, word);
  return n;
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

// ——— Alignment ———

/** Weighted Jaccard similarity of two objects. */
function similarity(a: Features, b: Features): number {
  let shared = 0;
  const [small, large] = a.object.size <= b.object.size ? [a, b] : [b, a];
  for (const [token, weight] of small.object) if (large.object.has(token)) shared += weight;
  const union = a.objectWeight + b.objectWeight - shared;
  return union > 0 ? shared / union : 0;
}

interface Pair {
  oldIndex: number;
  newIndex: number;
  similarity: number;
}

/** Pairs old and new commitments that are not identical, greedily by score (see the module doc). */
function alignPairs(olds: (Features | undefined)[], news: (Features | undefined)[], threshold: number): Pair[] {
  const pairs: Pair[] = [];
  const oldTaken = new Set<number>();
  const newTaken = new Set<number>();
  const postings = new Map<string, number[]>();
  for (const a of olds) {
    if (!a) continue;
    for (const token of a.object.keys()) {
      const list = postings.get(token);
      if (list) list.push(a.index);
      else postings.set(token, [a.index]);
    }
  }
  const candidates: (Pair & { score: number; distance: number })[] = [];
  const seen = new Int32Array(olds.length).fill(-1);
  for (const b of news) {
    if (!b) continue;
    for (const oldIndex of candidatesOf(b, postings, olds.length, seen)) {
      const a = olds[oldIndex]!;
      const sim = similarity(a, b);
      if (sim < threshold && !(sim >= threshold * ANCHORED && anchored(a, b))) continue;
      const bonus = (a.actorKey === b.actorKey ? 0.1 : 0) + (a.commitment.type === b.commitment.type ? 0.1 : 0) + (a.commitment.negated === b.commitment.negated ? 0.05 : 0);
      candidates.push({ oldIndex, newIndex: b.index, similarity: sim, score: sim + bonus, distance: Math.abs(a.position - b.position) });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance || x.oldIndex - y.oldIndex || x.newIndex - y.newIndex);
  for (const c of candidates) {
    if (oldTaken.has(c.oldIndex) || newTaken.has(c.newIndex)) continue;
    oldTaken.add(c.oldIndex);
    newTaken.add(c.newIndex);
    pairs.push({ oldIndex: c.oldIndex, newIndex: c.newIndex, similarity: c.similarity });
  }
  return pairs;
}

/**
 * What makes two commitments identical: the same actor, type, negation and strength, and the same
 * words (lower-cased, in order) in the actor and the commitment. `wordsOf` remembers the words of
 * each text seen (both documents repeat their actors, and share most of their commitments).
 */
function identitiesOf(doc: DiffInput, wordsOf: Map<string, string>): string[] {
  const words = (start: number, end: number) => {
    const text = doc.plain.slice(start, end);
    let found = wordsOf.get(text);
    if (found === undefined) wordsOf.set(text, (found = (text.match(WORD) ?? []).join(' ').toLowerCase()));
    return found;
  };
  return doc.commitments.map(
    (c) => `${actorKeyOf(c)}\u0000${c.type}\u0000${c.negated}\u0000${c.strength}\u0000${words(c.actorSpan.start, c.actorSpan.end)}\u0000${words(c.start, c.end)}`,
  );
}

/**
 * Identical commitments (see {@link identitiesOf}), paired in document order: no pair can score
 * higher, and most of a revised document is kept as it was.
 */
function identicalPairs(oldKeys: readonly string[], newKeys: readonly string[]): { pairs: Pair[]; oldTaken: Set<number>; newTaken: Set<number> } {
  const queues = new Map<string, number[]>();
  for (const [i, key] of oldKeys.entries()) {
    const queue = queues.get(key);
    if (queue) queue.push(i);
    else queues.set(key, [i]);
  }
  const pairs: Pair[] = [];
  const oldTaken = new Set<number>();
  const newTaken = new Set<number>();
  const used = new Map<string, number>();
  for (const [j, key] of newKeys.entries()) {
    const queue = queues.get(key);
    const next = used.get(key) ?? 0;
    if (!queue || next >= queue.length) continue;
    pairs.push({ oldIndex: queue[next], newIndex: j, similarity: 1 });
    oldTaken.add(queue[next]);
    newTaken.add(j);
    used.set(key, next + 1);
  }
  return { pairs, oldTaken, newTaken };
}

/** Same actor, type, negation and trigger words (case aside). */
function anchored(a: Features, b: Features): boolean {
  const x = a.commitment;
  const y = b.commitment;
  return a.actorKey === b.actorKey && x.type === y.type && x.negated === y.negated && x.trigger.toLowerCase() === y.trigger.toLowerCase();
}

/**
 * The old commitments that share a token with `b`'s object. From a token shared by more than
 * {@link MAX_POSTING} commitments ("cooperation") only the {@link MAX_POSTING} nearest to `b`'s
 * relative position are taken: a pair above the threshold nearly always shares a rarer token as
 * well, and the work stays linear in the size of the documents, whatever they repeat.
 */
function candidatesOf(b: Features, postings: Map<string, number[]>, oldCount: number, seen: Int32Array): number[] {
  const out: number[] = [];
  // `seen[i] === b.index` once old commitment i is in `out`: no set to build for every commitment.
  const add = (i: number) => {
    if (seen[i] !== b.index) {
      seen[i] = b.index;
      out.push(i);
    }
  };
  const at = b.position * Math.max(0, oldCount - 1);
  for (const token of b.object.keys()) {
    const list = postings.get(token);
    if (!list) continue;
    if (list.length <= MAX_POSTING) {
      for (const i of list) add(i);
      continue;
    }
    // The list is in document order: the window of MAX_POSTING entries around the position.
    const middle = lastAtOrBefore(list, (i) => i, at);
    const from = Math.min(Math.max(0, middle - MAX_POSTING / 2), list.length - MAX_POSTING);
    for (let k = from; k < from + MAX_POSTING; k++) add(list[k]);
  }
  return out;
}

// ——— Classification ———

const STRENGTH_RANK: Record<Strength, number> = { weak: 0, normal: 1, strong: 2 };

/** The change of a pair: the first of {@link CHANGE_KINDS} that applies. */
function classify(a: Features, b: Features): ChangeKind {
  const x = a.commitment;
  const y = b.commitment;
  if (x.negated !== y.negated) return 'negated';
  if (x.type !== y.type) return 'retyped';
  if (a.actorKey !== b.actorKey) return 'actor-changed';
  const firmer = STRENGTH_RANK[y.strength] - STRENGTH_RANK[x.strength] || b.intensity - a.intensity;
  if (firmer > 0) return 'strengthened';
  if (firmer < 0) return 'weakened';
  if (!sameWords(a.words, b.words) || !sameWords(a.actorWords, b.actorWords)) return 'reworded';
  return 'kept';
}

/** The same words in the same order (case aside). */
function sameWords(p: readonly Word[], q: readonly Word[]): boolean {
  return p.length === q.length && p.every((w, i) => w.lower === q[i].lower);
}

/** The words of each side the other lacks: actor words and commitment words, each by a longest common subsequence. */
function changedWords(a: Features, b: Features): [Span[], Span[]] {
  const [oldActor, newActor] = sameWords(a.actorWords, b.actorWords) ? [[], []] : unmatched(a.actorWords, b.actorWords);
  const [oldWords, newWords] = sameWords(a.words, b.words) ? [[], []] : unmatched(a.words, b.words);
  // An actor inside the commitment's own words is marked there already.
  const outside = (marks: Span[], c: Commitment) => marks.filter((m) => m.start < c.start || m.start >= c.end);
  return [
    [...outside(oldActor, a.commitment), ...oldWords],
    [...outside(newActor, b.commitment), ...newWords],
  ];
}

/** Longest common subsequence tables above this many cells are not built: the words of each side are compared as sets. */
const MAX_LCS_CELLS = 250_000;

/** The words of `p` and of `q` outside a longest common subsequence (by lower-cased text). */
function unmatched(p: readonly Word[], q: readonly Word[]): [Span[], Span[]] {
  if (p.length * q.length > MAX_LCS_CELLS) {
    const inP = new Set(p.map((w) => w.lower));
    const inQ = new Set(q.map((w) => w.lower));
    return [p.filter((w) => !inQ.has(w.lower)).map(spanOf), q.filter((w) => !inP.has(w.lower)).map(spanOf)];
  }
  const m = q.length + 1;
  const table = new Uint32Array((p.length + 1) * m);
  for (let i = p.length - 1; i >= 0; i--) {
    for (let j = q.length - 1; j >= 0; j--) {
      table[i * m + j] = p[i].lower === q[j].lower ? table[(i + 1) * m + j + 1] + 1 : Math.max(table[(i + 1) * m + j], table[i * m + j + 1]);
    }
  }
  const left: Span[] = [];
  const right: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < p.length && j < q.length) {
    if (p[i].lower === q[j].lower) {
      i++;
      j++;
    } else if (table[(i + 1) * m + j] >= table[i * m + j + 1]) left.push(spanOf(p[i++]));
    else right.push(spanOf(q[j++]));
  }
  while (i < p.length) left.push(spanOf(p[i++]));
  while (j < q.length) right.push(spanOf(q[j++]));
  return [mergeAdjacent(left, p), mergeAdjacent(right, q)];
}

function spanOf(w: Word): Span {
  return { start: w.start, end: w.end };
}

/** Runs of marked words that are next to each other in `words` become one span ("fully and firmly"). */
function mergeAdjacent(marks: Span[], words: readonly Word[]): Span[] {
  if (marks.length < 2) return marks;
  const order = new Map(words.map((w, i) => [w.start, i]));
  const out: Span[] = [];
  for (const s of marks) {
    const last = out[out.length - 1];
    if (last && order.get(s.start) === (order.get(lastWordStart(last, words)) ?? -2) + 1) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function lastWordStart(span: Span, words: readonly Word[]): number {
  const i = lastAtOrBefore(words, (w) => w.start, span.end - 1);
  return i >= 0 ? words[i].start : -1;
}
