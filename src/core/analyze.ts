/**
 * The facade: compile a glossary once, then analyse texts with it — terms, commitments, parties,
 * annotations and warnings — for the CLI and every editor feature alike.
 */
import { PARAGRAPH_PRONOUN, clauseActorAt, extractInContext, type ActorReading, type Commitment, type ExtractionInput, type LeadIn, type TermHit } from './commitments';
import { TERM_KINDS, formsOf, isCaseSensitive, type Glossary, type GlossaryEntry, type TermKind } from './glossary';
import { endsWithTerminal } from './chars';
import { COMMITMENT_TYPES, OFFICE_TITLES, SINGLE_STATE_TITLES, ZH_TITLE_TOPIC_WORDS, type CommitmentType, type Strength } from './lexicon';
import { spanAt } from './hover';
import { findShortForms, partyInitials } from './shortForms';
import { compileMatcher, loadMatcher, serializeMatcher, type Matcher, type Pattern } from './matcher';
import { segmentSentences, type Segment } from './sentences';
import { MAX_STATEMENT_PROBLEMS, markupOf, parseStatement, type Annotation, type FrontMatter, type StatementProblem } from './statement';
import { cutOut, detach, lastAtOrBefore, type Span } from './text';

/** A glossary ready for matching. */
export interface CompiledGlossary {
  glossary: Glossary;
  matcher: Matcher<GlossaryEntry>;
}

/**
 * Builds the matcher for a glossary: every form of every entry, case-sensitive where the entry or
 * the acronym rule says so, then every entry's `blocks` as blocking patterns (after all forms, so
 * a phrase that is also some entry's form stays that form).
 */
export function compileGlossary(glossary: Glossary): CompiledGlossary {
  function* patterns(): Generator<Pattern<GlossaryEntry>> {
    for (const entry of glossary.entries) {
      for (const form of formsOf(entry)) {
        yield { text: form, caseSensitive: isCaseSensitive(entry, form), value: entry };
      }
    }
    for (const entry of glossary.entries) {
      for (const phrase of entry.blocks ?? []) {
        yield { text: phrase, caseSensitive: isCaseSensitive(entry, phrase), value: entry, block: true };
      }
    }
  }
  return { glossary, matcher: compileMatcher(patterns()) };
}

/** The compiled glossary's matcher as bytes (see `serializeMatcher`), which the build ships beside the built-in glossary. */
export function serializeCompiledGlossary(compiled: CompiledGlossary): Uint8Array {
  const index = new Map(compiled.glossary.entries.map((e, i) => [e, i]));
  return serializeMatcher(compiled.matcher, (e) => index.get(e)!, compiled.glossary.entries.length);
}

/** The glossary compiled from precompiled bytes when they fit it, else compiled now. */
export function loadCompiledGlossary(glossary: Glossary, bytes: Uint8Array | undefined): CompiledGlossary {
  const matcher = bytes && loadMatcher(bytes, glossary.entries);
  return matcher ? { glossary, matcher } : compileGlossary(glossary);
}

/** A term found in the text, with the entry that explains it. */
export interface FoundTerm extends TermHit {
  entry: GlossaryEntry;
  /** True when it comes from an explicit annotation. */
  explicit?: boolean;
}

/** A note attached to a span by `{note="…"}`. */
export interface Note extends Span {
  note: string;
}

/** Everything the tool knows about one text. */
export interface Analysis {
  language: 'en' | 'zh';
  /** The document's parties, with their names from the glossary. */
  parties: { id: string; name: string }[];
  /** Terms in document order (built from {@link blocks} on first use). */
  readonly terms: FoundTerm[];
  /** Commitments in document order (built from {@link blocks} on first use). */
  readonly commitments: Commitment[];
  /** Sentences and headings in document order (built from {@link blocks} on first use). */
  readonly segments: Segment[];
  notes: Note[];
  frontMatter: FrontMatter | null;
  frontMatterSpan: Span | null;
  annotations: Annotation[];
  /** Problems of the statement, in document order (see {@link checkStatement}); a terms-only analysis may lack some. */
  warnings: StatementProblem[];
  /** The text as analysed: front matter and annotation markup blanked out, offsets unchanged. */
  plain: string;
  /**
   * The blocks the text was analysed in (see {@link splitBlocks}), each with its results in
   * block-relative offsets. A block whose text is unchanged since an earlier analysis with the
   * same cache shares that analysis's result object, so consumers can keep per-block work on it.
   */
  blocks: AnalysedBlock[];
  /** True for a terms-only analysis (see {@link AnalyzeOptions.termsOnly}): no segments or commitments. */
  termsOnly?: boolean;
  /** The organ a resolution's operative paragraphs speak for ("The Security Council"), when there is one. */
  organ?: Organ;
}

/** One block of an analysis: where it is, and its results. */
export interface AnalysedBlock {
  start: number;
  end: number;
  /** 0-based line on which the block starts (blocks always start at a line start). */
  line: number;
  result: BlockResult;
}

/** A block's results, in offsets relative to the block's start. */
export interface BlockResult {
  terms: FoundTerm[];
  segments: Segment[];
  commitments: Commitment[];
  /** Line breaks inside the block. */
  lineBreaks: number;
  /** Room for consumers to keep what they derive from this block (the semantic tokens do); created by them. */
  memo?: Record<string, unknown>;
}

/** Options for {@link analyzeText}. */
export interface AnalyzeOptions {
  /** Read front matter and annotations (the `.statement` format); true by default, since plain text has neither. */
  statement?: boolean;
  /** Results of earlier analyses of (other versions of) the same document, to reuse per block. */
  cache?: BlockCache;
  /**
   * Find glossary terms only: no sentences, parties or commitments (the result says so in
   * `termsOnly`). A fraction of the cost, for highlighting a large document at once; the terms
   * found are cached for the full analysis that follows.
   */
  termsOnly?: boolean;
}

/** What one block's text yields regardless of context, in block-relative offsets. */
interface BlockFindings {
  /** The block's text, detached from the document it was cut from (see `detach`). */
  text: string;
  terms: FoundTerm[];
  /** Computed when first needed (a terms-only analysis does not segment). */
  segments: Segment[] | undefined;
  lineBreaks: number;
  /** Whether a paragraph of it opens with "They" (see {@link opensWithThey}), once asked. */
  they?: boolean;
  /** The cache generation that last used it (see {@link BlockCache}). */
  used: number;
}

/**
 * Per-block results kept between analyses of a document: after an edit only the blocks that
 * changed are matched, segmented and extracted again. Create one per document.
 */
export class BlockCache {
  /** The glossary the entries were made with; another glossary empties the cache. */
  glossary: CompiledGlossary | undefined;
  readonly findings = new Map<string, BlockFindings>();
  /** The context (document parties, organ) the results were extracted in; another one empties them. */
  context = '';
  /** Keyed by the block's text and the lead-in it starts under; with the lead-in in force after it. */
  readonly results = new Map<string, CachedResult>();
  /** Counts analyses; entries remember the last one that used them. */
  generation = 0;
  /**
   * The last analysis's plain text, blocks and their findings: after an edit, the blocks before and
   * after it are found by position and compared, not looked up by their text (hashing every block
   * of a large document cost milliseconds per keystroke).
   */
  last: { plain: string; spans: Span[]; findings: BlockFindings[] } | undefined;
}

/**
 * For each block of `spans`, the index of the same block (same place relative to the start or the
 * end of the text, wholly inside the text the two versions share there) among the last analysis's
 * blocks, or -1.
 */
function unchangedBlocks(plain: string, spans: readonly Span[], last: BlockCache['last']): Int32Array {
  const same = new Int32Array(spans.length).fill(-1);
  if (!last) return same;
  const old = last.plain;
  // The lengths of the text shared at the start and at the end (not overlapping), by halving: a
  // comparison of two long slices runs at memory speed, one per block would not.
  const most = Math.min(plain.length, old.length);
  const prefix = sharedLength(most, (from, to) => plain.slice(from, to) === old.slice(from, to));
  const suffix = sharedLength(most - prefix, (from, to) => plain.slice(plain.length - to, plain.length - from) === old.slice(old.length - to, old.length - from));
  let head = 0;
  while (head < spans.length && head < last.spans.length && spans[head].end <= prefix && spans[head].start === last.spans[head].start && spans[head].end === last.spans[head].end)
    same[head] = head++;
  const shift = plain.length - old.length;
  const tail = plain.length - suffix;
  for (let i = spans.length - 1, j = last.spans.length - 1; i >= head && j >= head; i--, j--) {
    if (spans[i].start < tail || spans[i].start - shift !== last.spans[j].start || spans[i].end - shift !== last.spans[j].end) break;
    same[i] = j;
  }
  return same;
}

/**
 * The largest n ≤ `most` such that the first n characters are shared, where `shares(from, to)`
 * tells whether characters from..to are: doubling, then halving, each comparison only of what is
 * not known yet (about three times n characters compared in all).
 */
function sharedLength(most: number, shares: (from: number, to: number) => boolean): number {
  let lo = 0;
  let step = 4096;
  while (lo < most) {
    const to = Math.min(most, lo + step);
    if (!shares(lo, to)) break;
    lo = to;
    step *= 2;
  }
  let hi = Math.min(most, lo + step);
  if (lo === most) return most;
  // The first difference is in lo..hi.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (shares(lo, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A block's cached result, and the lead-in in force after the block. */
interface CachedResult {
  result: BlockResult;
  leadIn: LeadIn | null;
  /** The parties carried to the next block (see `ExtractionInput.carriedParties`). */
  carriedParties: string[] | null;
  used: number;
}

/** Drops the entries the latest analysis did not use, once they outnumber the used ones (not on every keystroke). */
function sweep<V extends { used: number }>(map: Map<string, V>, generation: number, inUse: number): void {
  if (map.size <= inUse * 2 + 64) return;
  for (const [k, v] of map) if (v.used !== generation) map.delete(k);
}

/**
 * Blocks: runs of lines that end where a line ends a sentence (terminal punctuation) or at a
 * blank line. No glossary phrase and no sentence spans two blocks, so each block can be analysed
 * (and cached) on its own and the result is the same as for the whole text. Blocks that an
 * annotation's markup (`spans`, sorted) crosses are joined.
 *
 * A block is also cut once it is longer than {@link MAX_BLOCK_CHARS} (at a line end, or inside a
 * single overlong line at a space): a block is analysed in one go, and text with no sentence
 * punctuation at all would otherwise be one block that blocks the editor for seconds.
 */
export function splitBlocks(text: string, spans: readonly Span[] = []): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  let lineStart = 0;
  let s = 0;
  /** Whether an annotation's markup crosses the boundary at `end`. */
  const annotationCrosses = (end: number) => {
    while (s < spans.length && spans[s].end <= end) s++;
    return s < spans.length && spans[s].start < end;
  };
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // A block that this line would make too long ends before it…
    if (lineEnd + 1 - start > MAX_BLOCK_CHARS && lineStart > start && !annotationCrosses(lineStart)) {
      blocks.push({ start, end: lineStart });
      start = lineStart;
    }
    // …and an overlong line is cut at spaces into pieces of at most MAX_BLOCK_CHARS.
    while (lineEnd - start > MAX_BLOCK_CHARS) {
      const cut = cutPoint(text, Math.max(start, lineStart), start + MAX_BLOCK_CHARS);
      if (cut === -1 || annotationCrosses(cut)) break;
      blocks.push({ start, end: cut });
      start = cut;
    }
    let k = lineEnd;
    while (k > lineStart && isSpace(text.charCodeAt(k - 1))) k--;
    const end = Math.min(lineEnd + 1, text.length);
    if ((k === lineStart || endsWithTerminal(text, lineStart, k)) && !annotationCrosses(end)) {
      if (end > start) blocks.push({ start, end });
      start = lineEnd + 1;
    }
    lineStart = lineEnd + 1;
  }
  if (start < text.length) blocks.push({ start, end: text.length });
  return blocks;
}

/**
 * The longest block analysed in one go, in characters. Real paragraphs are far shorter (the
 * longest operative paragraph of a UN resolution is a few thousand characters); 32 K characters
 * take ~30 ms to analyse.
 */
export const MAX_BLOCK_CHARS = 32 * 1024;

/** Where to cut `text[from, limit)`: after the last space (after sentence punctuation, if any), or -1. */
function cutPoint(text: string, from: number, limit: number): number {
  let space = -1;
  for (let i = limit - 1; i > from; i--) {
    if (!isSpace(text.charCodeAt(i))) continue;
    if (endsWithTerminal(text, from, i)) return i + 1;
    if (space === -1) space = i + 1;
    if (limit - i > 4096) break;
  }
  return space;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0d ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff ||
    c === 0x1680
  );
}

/** Analyses one text with a compiled glossary. Never throws on any input. */
export function analyzeText(text: string, compiled: CompiledGlossary, options: AnalyzeOptions = {}): Analysis {
  const steps = analysisSteps(text, compiled, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The problems of a statement, in document order: what the editor shows as diagnostics and
 * `check` prints (both read {@link Analysis.warnings}, which this is).
 */
export function checkStatement(text: string, compiled: CompiledGlossary): StatementProblem[] {
  return analyzeText(text, compiled, { statement: true }).warnings;
}

/** Options of {@link analyzeTextInSlices}. */
export interface SliceOptions {
  /** Work for about this long before giving the event loop back (default 15 ms). */
  sliceMs?: number;
  /** Checked after each pause: true abandons the analysis (the promise resolves undefined). */
  cancelled?: () => boolean;
  /** How to give the event loop back (default: a zero timeout). */
  pause?: () => Promise<void>;
}

/**
 * {@link analyzeText} in slices, giving the event loop back between them, so that a large
 * document's first analysis does not hold up everything else in its thread (other requests are
 * served in between) and can be abandoned when the document changes. Same result as analyzeText.
 */
export async function analyzeTextInSlices(text: string, compiled: CompiledGlossary, options: AnalyzeOptions & SliceOptions = {}): Promise<Analysis | undefined> {
  const steps = analysisSteps(text, compiled, options);
  const sliceMs = options.sliceMs ?? 15;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart < sliceMs) continue;
    await pause();
    if (options.cancelled?.()) return undefined;
    sliceStart = Date.now();
  }
}

/**
 * Work between two points where {@link analysisSteps} may pause: at most this many blocks, and no
 * more than about this many characters (one block may be up to {@link MAX_BLOCK_CHARS}), so a
 * step stays a few milliseconds even in text whose blocks are all long.
 */
const BLOCKS_PER_STEP = 64;
const CHARS_PER_STEP = 16 * 1024;

/** Counts the work done since the last pause; `due(chars)` says whether to pause before the next block. */
function stepBudget(): (chars: number) => boolean {
  let blocks = 0;
  let chars = 0;
  return (next) => {
    const due = blocks >= BLOCKS_PER_STEP || (blocks > 0 && chars + next > CHARS_PER_STEP);
    if (due) blocks = chars = 0;
    blocks++;
    chars += next;
    return due;
  };
}

/** The analysis, as steps (see analyzeText and analyzeTextInSlices): it yields between runs of blocks. */
function* analysisSteps(text: string, compiled: CompiledGlossary, options: AnalyzeOptions): Generator<void, Analysis, void> {
  const parsed = options.statement === false ? null : parseStatement(text);
  const plain = parsed ? parsed.plain : text;
  const warnings: StatementProblem[] = parsed ? [...parsed.problems] : [];
  const { glossary } = compiled;
  const cache = options.cache;
  if (cache && cache.glossary !== compiled) {
    cache.findings.clear();
    cache.results.clear();
    cache.last = undefined;
    cache.glossary = compiled;
  }
  const generation = cache ? ++cache.generation : 0;
  const annotations = parsed?.annotations ?? [];

  // Terms and segments, block by block.
  const spans = splitBlocks(
    plain,
    annotations.map((a) => a.markup),
  );
  const texts: string[] = [];
  const findings: BlockFindings[] = [];
  const termsStep = stepBudget();
  const same = unchangedBlocks(plain, spans, cache?.last);
  for (let i = 0; i < spans.length; i++) {
    const b = spans[i];
    if (termsStep(b.end - b.start)) yield;
    const previous = same[i] >= 0 ? cache!.last!.findings[same[i]] : undefined;
    const slice = previous ? previous.text : plain.slice(b.start, b.end);
    let f = previous ?? cache?.findings.get(slice);
    if (!f) {
      // Kept in the cache (and cut into commitments' actor and trigger texts): it must not keep
      // this whole version of the document alive.
      const blockText = cache ? detach(slice) : slice;
      f = {
        text: blockText,
        terms: compiled.matcher.findAllAs(blockText, foundTerm),
        segments: undefined,
        lineBreaks: countLineBreaks(blockText),
        used: generation,
      };
      cache?.findings.set(blockText, f);
    }
    f.used = generation;
    if (!options.termsOnly) f.segments ??= segmentSentences(f.text);
    texts.push(f.text);
    findings.push(f);
  }
  if (cache) cache.last = { plain, spans, findings };

  // Annotations: notes, explicit terms and commitments (absolute offsets), by block.
  const notes: Note[] = [];
  const explicitTerms = new Map<number, FoundTerm[]>();
  const explicitCommitments = new Map<number, Commitment[]>();
  const annotationsOf = new Map<number, Annotation[]>();
  const blockOf = (offset: number) =>
    Math.max(
      0,
      lastAtOrBefore(spans, (b) => b.start, offset),
    );
  const annotated = new Set<number>();
  const annotationProblems: StatementProblem[] = [];
  for (const a of annotations) {
    const block = blockOf(a.markup.start);
    annotated.add(block);
    push(annotationsOf, block, a);
    if (a.attributes.note !== undefined) notes.push({ ...a.span, note: a.attributes.note });
    const kind = a.classes.find((c): c is TermKind => (TERM_KINDS as readonly string[]).includes(c));
    if (a.id !== undefined || kind) {
      const entry = a.id !== undefined ? glossary.byId.get(a.id) : undefined;
      if (a.id !== undefined && !entry)
        annotationProblems.push({ ...(a.idSpan ?? a.markup), message: `annotation names \`#${a.id}\`, which no glossary defines`, code: 'unknown-id', value: a.id });
      const words = plain.slice(a.span.start, a.span.end);
      // `[中华人民共和国]{.party}`: words that are a form of an entry of that kind are that entry.
      const known = entry ?? (a.id === undefined && kind ? entryNamedBy(words.trim(), kind, compiled) : undefined);
      const resolved: GlossaryEntry = known ?? syntheticEntry(words, kind ?? 'concept', a.id);
      push(explicitTerms, block, { id: resolved.id, kind: kind ?? resolved.kind, start: a.span.start, end: a.span.end, entry: resolved, explicit: true });
    }
    if (a.classes.includes('commitment')) {
      push(explicitCommitments, block, toExplicitCommitment(a, plain, annotationProblems));
      for (const party of listedIds(a.attributes.parties, a.valueSpans.parties)) {
        if (!glossary.byId.has(party.id)) annotationProblems.push({ ...party.span, message: unknownPartyMessage(party.id), code: 'unknown-party', value: party.id });
      }
    }
    a.classes.forEach((c, i) => {
      if (c !== 'commitment' && !(TERM_KINDS as readonly string[]).includes(c))
        annotationProblems.push({
          ...(a.classSpans[i] ?? a.markup),
          message: `unknown annotation class \`.${c}\` (expected a term kind or .commitment)`,
          code: 'unknown-class',
          value: c,
        });
    });
  }
  // As many as the parser reports at most, whatever the text holds (each becomes a diagnostic).
  if (annotationProblems.length > MAX_STATEMENT_PROBLEMS) {
    const more = annotationProblems.length - MAX_STATEMENT_PROBLEMS;
    annotationProblems.length = MAX_STATEMENT_PROBLEMS;
    annotationProblems.push({ start: text.length, end: text.length, message: `${more} more problems with annotations are not shown` });
  }
  warnings.push(...annotationProblems);
  /** A block's terms, block-relative, with its explicit ones in place of what they overlap. */
  const termsOf = (i: number): FoundTerm[] => {
    const explicit = explicitTerms.get(i);
    if (!explicit) return findings[i].terms;
    const relative = explicit.map((e) => ({ ...e, start: e.start - spans[i].start, end: e.end - spans[i].start }));
    return findings[i].terms
      .filter((t) => !relative.some((e) => overlaps(e, t)))
      .concat(relative)
      .sort((a, b) => a.start - b.start);
  };

  const language = parsed?.frontMatter?.language?.toLowerCase().startsWith('zh') ? 'zh' : detectLanguage(plain);
  const finish = (blocks: AnalysedBlock[], organ: Organ | undefined, partyIds: string[], termsOnly?: true) =>
    lazyAnalysis({
      warnings: warnings.sort((a, b) => a.start - b.start),
      ...(termsOnly && { termsOnly }),
      blocks,
      organ,
      language,
      parties: partyIds.map((id) => ({ id, name: glossary.byId.get(id)?.term ?? id })),
      notes,
      frontMatter: parsed?.frontMatter ?? null,
      frontMatterSpan: parsed?.frontMatterSpan ?? null,
      annotations,
      plain,
    });

  if (options.termsOnly) {
    const blocks: AnalysedBlock[] = [];
    let line = 0;
    spans.forEach((b, i) => {
      blocks.push({ start: b.start, end: b.end, line, result: { terms: termsOf(i), segments: [], commitments: [], lineBreaks: findings[i].lineBreaks } });
      line += findings[i].lineBreaks;
    });
    return finish(blocks, undefined, [], true);
  }

  // The document's head decides its parties and organ.
  const head = headOf(spans, findings, termsOf);
  const partyIds = parsed?.frontMatter?.parties?.length ? parsed.frontMatter.parties : detectDocumentParties(plain, head.segments, head.terms);
  const frontMatter = parsed?.frontMatter;
  frontMatter?.parties?.slice(0, MAX_STATEMENT_PROBLEMS).forEach((id, i) => {
    const span = frontMatter.partySpans?.[i] ?? parsed?.frontMatterSpan ?? { start: 0, end: 0 };
    if (!glossary.byId.has(id)) warnings.push({ ...span, message: `front matter: ${unknownPartyMessage(id)}`, code: 'unknown-party', value: id });
  });
  const organ = detectOrgan(plain, head.segments, head.terms);
  const offices = detectOffices(plain, head.segments, head.terms, { glossary, parties: partyIds });

  // Commitments, block by block, each taken from the cache when its text and context are unchanged.
  // (The organ's span is not part of it: its commitments get the span when the arrays are built.)
  const context = `${partyIds.join(',')}|${organ ? `${organ.text}|${organ.parties.join(',')}` : ''}|${[...offices].join(';')}`;
  if (cache && cache.context !== context) {
    // Another context (the parties or the organ changed): earlier results no longer apply.
    cache.results.clear();
    cache.context = context;
  }
  // The parties' short forms ("阿方", "所方") are terms of this document, found once its parties are known.
  const initials = partyInitials(partyIds, glossary);
  const blocks: AnalysedBlock[] = [];
  let line = 0;
  // The lead-in in force ("We hereby commit to:") carries from block to block: a block's result
  // depends on its text and on the lead-in it starts under, so both make its cache key.
  let leadIn: LeadIn | null = null;
  // So does the last actor, for a paragraph that opens with "They …" (then it is part of the key too).
  let carried: string[] | null = null;
  const commitmentsStep = stepBudget();
  for (let i = 0; i < spans.length; i++) {
    const b = spans[i];
    if (commitmentsStep(b.end - b.start)) yield;
    // A block with annotations is keyed by its text as written, markup included: the same plain
    // text annotated otherwise has other results.
    const blockKey = annotated.has(i) ? `\u0001${text.slice(b.start, b.end)}` : texts[i];
    const carriedKey = carried?.length && (findings[i].they ??= opensWithThey(texts[i])) ? `\u0002${carried.join(',')}` : '';
    const key: string = (leadIn ? `${blockKey}\u0000${leadInKey(leadIn)}` : blockKey) + carriedKey;
    const cached: CachedResult | undefined = cache?.results.get(key);
    if (cached) cached.used = generation;
    let result = cached?.result;
    if (cached) {
      leadIn = cached.leadIn;
      carried = cached.carriedParties ?? carried;
    }
    if (!result) {
      let carriedOut: string[] | null = null;
      const terms = withShortForms(texts[i], termsOf(i), initials, glossary);
      const context = {
        documentParties: partyIds,
        glossary,
        organ: organ && { ...organ, span: { start: organ.span.start - b.start, end: organ.span.end - b.start } },
        leadIn,
        offices,
        carriedParties: carried,
      };
      // Every field written out: an object spread here made the extractor's every read of its input
      // slow (a third of the analysis of the 10 MB corpus).
      const input: ExtractionInput = {
        text: texts[i],
        segments: findings[i].segments!,
        terms,
        documentParties: context.documentParties,
        glossary: context.glossary,
        organ: context.organ,
        leadIn: context.leadIn,
        offices: context.offices,
        carriedParties: context.carriedParties,
      };
      const extraction = extractInContext(input);
      let commitments = extraction.commitments;
      leadIn = extraction.leadIn;
      carriedOut = extraction.carriedParties;
      carried = carriedOut ?? carried;
      const explicit = explicitCommitments.get(i);
      if (explicit) {
        // Read again as written only when a hand-annotated commitment needs its actor.
        const asWritten = () => readAsWritten(texts[i], b.start, annotationsOf.get(i) ?? [], terms, compiled, context);
        commitments = applyExplicitCommitments(commitments, explicit, b.start, plain, partyIds, asWritten, compiled);
      }
      result = { terms, segments: findings[i].segments!, commitments, lineBreaks: findings[i].lineBreaks };
      cache?.results.set(annotated.has(i) ? detach(key) : key, { result, leadIn, carriedParties: carriedOut, used: generation });
    }
    blocks.push({ start: b.start, end: b.end, line, result });
    line += result.lineBreaks;
  }
  if (cache) {
    sweep(cache.findings, generation, spans.length);
    sweep(cache.results, generation, spans.length);
  }

  return finish(blocks, organ, partyIds);
}

/** A block's terms with the short forms of the document's parties (see `findShortForms`) among them, in order. */
function withShortForms(text: string, terms: FoundTerm[], initials: ReadonlyMap<string, readonly string[]>, glossary: Glossary): FoundTerm[] {
  const shortForms = findShortForms(text, initials, terms);
  if (shortForms.length === 0) return terms;
  const added = shortForms.flatMap((f) => {
    const entry = glossary.byId.get(f.id);
    return entry ? [foundTerm(f.start, f.end, entry)] : [];
  });
  return terms.concat(added).sort((a, b) => a.start - b.start);
}

/** A lead-in as part of a cache key. */
function leadInKey(leadIn: LeadIn): string {
  return `${leadIn.actor}|${leadIn.parties.join(',')}|${leadIn.type}|${leadIn.strength}|${leadIn.negated}|${leadIn.labelKind}|${leadIn.nounItems}|${leadIn.bare}|${leadIn.bareRun}|${leadIn.itemKind ?? ''}`;
}

/**
 * True for a block with a paragraph that opens with "They" or "To …, they" (`PARAGRAPH_PRONOUN`):
 * its result depends on the actor carried in. Each line start is tried alone (a pattern over the
 * whole block cost milliseconds per edit of a large document).
 */
function opensWithThey(text: string): boolean {
  if (!text.includes('hey')) return false;
  for (let at = 0; at >= 0 && at < text.length;) {
    if (PARAGRAPH_PRONOUN.test(text.slice(at, at + 100))) return true;
    const nl = text.indexOf('\n', at);
    at = nl < 0 ? -1 : nl + 1;
  }
  return false;
}

/** An {@link Analysis} whose document-wide arrays are built from its blocks on first use. */
function lazyAnalysis(fields: Omit<Analysis, 'terms' | 'commitments' | 'segments'>): Analysis {
  let terms: FoundTerm[] | undefined;
  let commitments: Commitment[] | undefined;
  let segments: Segment[] | undefined;
  const analysis: Analysis = {
    ...fields,
    get terms() {
      return (terms ??= collect((add) => forEachTerm(analysis, add)));
    },
    get commitments() {
      return (commitments ??= collect((add) => forEachCommitment(analysis, add)));
    },
    get segments() {
      return (segments ??= collect((add) => {
        for (const b of analysis.blocks) for (const s of b.result.segments) add(shiftSegment(s, b.start));
      }));
    },
  };
  return analysis;
}

/** What `each` hands to its callback, as an array. */
function collect<T>(each: (add: (item: T) => void) => void): T[] {
  const out: T[] = [];
  each((item) => out.push(item));
  return out;
}

/** See {@link detectOrgan}. */
export type Organ = NonNullable<ReturnType<typeof detectOrgan>>;

/**
 * Calls `fn` with each term of an analysis in document order, in document offsets, without
 * building `analysis.terms` (a large corpus file need not hold its terms twice).
 */
export function forEachTerm(analysis: Pick<Analysis, 'blocks'>, fn: (term: FoundTerm) => void): void {
  for (const b of analysis.blocks) for (const t of b.result.terms) fn(shiftTerm(t, b.start));
}

/** Calls `fn` with each commitment in document order, in document offsets, without building `analysis.commitments`. */
export function forEachCommitment(analysis: Pick<Analysis, 'blocks' | 'organ'>, fn: (commitment: Commitment) => void): void {
  const organ = analysis.organ;
  for (const b of analysis.blocks) {
    for (const c of b.result.commitments) {
      const shifted = shiftCommitment(c, b.start);
      // The organ is named once, elsewhere: its span does not move with the block.
      if (organ && c.actor === organ.text && !c.explicit) shifted.actorSpan = organ.span;
      fn(shifted);
    }
  }
}

/** The block of an analysis that contains `offset` (the last one starting at or before it), by bisection. */
function blockAt(analysis: Pick<Analysis, 'blocks'>, offset: number): AnalysedBlock | undefined {
  return analysis.blocks[lastAtOrBefore(analysis.blocks, (b) => b.start, offset)];
}

/** The term at `offset`, in document offsets — looked up in its block, without building `analysis.terms`. */
export function termAt(analysis: Pick<Analysis, 'blocks'>, offset: number): FoundTerm | undefined {
  const b = blockAt(analysis, offset);
  const t = b && spanAt(b.result.terms, offset - b.start);
  return t && b && shiftTerm(t, b.start);
}

/** The commitment whose span contains `offset`, in document offsets, looked up in its block. */
export function commitmentAt(analysis: Pick<Analysis, 'blocks' | 'organ'>, offset: number): Commitment | undefined {
  const b = blockAt(analysis, offset);
  const c = b && spanAt(b.result.commitments, offset - b.start);
  if (!c || !b) return undefined;
  const shifted = shiftCommitment(c, b.start);
  if (analysis.organ && c.actor === analysis.organ.text && !c.explicit) shifted.actorSpan = analysis.organ.span;
  return shifted;
}

/** The segments and terms (absolute) of the first blocks: enough for the document's head. */
function headOf(spans: Span[], findings: BlockFindings[], termsOf: (i: number) => FoundTerm[]): { segments: Segment[]; terms: FoundTerm[] } {
  const segments: Segment[] = [];
  const terms: FoundTerm[] = [];
  for (let i = 0; i < spans.length && segments.length < HEAD_SEGMENTS; i++) {
    for (const s of findings[i].segments!) segments.push(shiftSegment(s, spans[i].start));
    for (const t of termsOf(i)) terms.push(shiftTerm(t, spans[i].start));
  }
  return { segments, terms };
}

/** How many segments the head detectors look at (see detectDocumentParties and detectOrgan). */
const HEAD_SEGMENTS = 40;

/**
 * A block as written — its annotations' markup cut out, not blanked (blanks split a Chinese clause
 * that detection reads whole) — and what detection finds in it, to give hand-annotated commitments
 * the actor detection would: `eval` reads the same text. Offsets of `commitments` are of the cut
 * text; `toCut` maps a block-relative offset to it, `fromCut` back.
 */
interface AsWritten {
  input: Parameters<typeof extractInContext>[0];
  commitments: Commitment[];
  toCut: (offset: number) => number;
  fromCut: (offset: number, side: 'start' | 'end') => number;
}

/** See {@link AsWritten}: `annotations` and `terms` are the block's (absolute and block-relative offsets). */
function readAsWritten(
  blockText: string,
  blockStart: number,
  annotations: readonly Annotation[],
  terms: readonly FoundTerm[],
  compiled: CompiledGlossary,
  context: Omit<Parameters<typeof extractInContext>[0], 'text' | 'segments' | 'terms'>,
): AsWritten {
  const cuts = markupOf(annotations).map((c) => ({ start: c.start - blockStart, end: c.end - blockStart }));
  const { text, toCut, fromCut } = cutOut(blockText, cuts);
  // Terms as the block's own (annotated ones included), moved to the cut text; the matcher's for the rest.
  const moved = terms.map((t) => ({ ...t, start: toCut(t.start), end: toCut(t.end) }));
  const found = compiled.matcher.findAllAs(text, foundTerm).filter((t) => !moved.some((m) => overlaps(m, t)));
  const input = { ...context, text, segments: segmentSentences(text), terms: moved.concat(found).sort((a, b) => a.start - b.start) };
  return { input, commitments: extractInContext(input).commitments, toCut, fromCut };
}

/**
 * Explicit commitments of one block replace what was detected over the same text. One that names
 * no actor (`actor=`) takes the one detection gives it, as `eval` reads the text: the actor of a
 * commitment detected over its words in the text as written (`asWritten`), else in the analysed
 * text, else the actor that opens its clause ("The Chilean side [noted …]"), else a resolution's
 * organ, else the document's parties, unnamed. Its own `parties` are kept; one with `actor=` and no `parties` resolves them
 * from the actor's words. `detected` is block-relative; `explicit` absolute; the result block-relative.
 */
function applyExplicitCommitments(
  detected: Commitment[],
  explicit: Commitment[],
  blockStart: number,
  plain: string,
  partyIds: string[],
  readWritten: () => AsWritten,
  compiled: CompiledGlossary,
): Commitment[] {
  const absolute = detected.map((c) => shiftCommitment(c, blockStart));
  let read: AsWritten | undefined;
  for (const e of explicit) {
    const d = absolute.find((c) => overlaps(c, e));
    if (e.actor === '') {
      const asWritten = (read ??= readWritten());
      const { toCut, fromCut } = asWritten;
      const fromWritten = (s: Span): Span => ({ start: fromCut(s.start, 'start') + blockStart, end: fromCut(s.end, 'end') + blockStart });
      const written = { start: toCut(e.start - blockStart), end: toCut(e.end - blockStart) };
      const w = asWritten.commitments.find((c) => overlaps(c, written));
      const clause = w || d ? null : clauseActorAt(asWritten.input, written.start);
      const organ = asWritten.input.organ;
      const actor: ActorReading | null = w
        ? { text: w.actor, span: fromWritten(w.actorSpan), parties: w.parties }
        : d
          ? { text: d.actor, span: d.actorSpan, parties: d.parties }
          : clause
            ? { ...clause, span: fromWritten(clause.span) }
            : // In a resolution, what is not said by another is the organ's.
              ((organ && { text: organ.text, span: { start: organ.span.start + blockStart, end: organ.span.end + blockStart }, parties: organ.parties }) ?? null);
      if (actor) Object.assign(e, { actor: actor.text, actorSpan: actor.span });
      if (e.parties.length === 0) e.parties = actor ? actor.parties : partyIds;
    } else if (e.parties.length === 0) e.parties = actorWordsParties(e.actor, compiled, partyIds);
    if (!e.trigger) {
      e.trigger = d && overlaps(d.triggerSpan, e) ? d.trigger : plain.slice(e.start, e.end).trim().split(/\s+/).slice(0, 3).join(' ');
      e.triggerSpan = d && overlaps(d.triggerSpan, e) ? d.triggerSpan : { start: e.start, end: e.start + e.trigger.length };
    }
  }
  return absolute
    .filter((c) => !explicit.some((e) => overlaps(e, c)))
    .concat(explicit)
    .sort((a, b) => a.start - b.start)
    .map((c) => shiftCommitment(c, -blockStart));
}

/** The parties an annotation's `actor="…"` names, read as a sentence's subject ("The Chilean side" → CL; "the two sides" → the document's parties). */
function actorWordsParties(actor: string, compiled: CompiledGlossary, partyIds: string[]): string[] {
  const text = `${actor} `;
  const input = {
    text,
    segments: [{ start: 0, end: text.length, kind: 'sentence' as const, paragraphStart: true }],
    terms: compiled.matcher.findAllAs(text, foundTerm),
    documentParties: partyIds,
    glossary: compiled.glossary,
  };
  return clauseActorAt(input, 0)?.parties ?? [];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function foundTerm(start: number, end: number, entry: GlossaryEntry): FoundTerm {
  return { id: entry.id, kind: entry.kind, start, end, entry };
}

function shiftTerm(t: FoundTerm, by: number): FoundTerm {
  const out: FoundTerm = { id: t.id, kind: t.kind, start: t.start + by, end: t.end + by, entry: t.entry };
  if (t.explicit) out.explicit = true;
  return out;
}

function shiftSegment(s: Segment, by: number): Segment {
  return s.label
    ? { start: s.start + by, end: s.end + by, kind: s.kind, paragraphStart: s.paragraphStart, label: { start: s.label.start + by, end: s.label.end + by } }
    : { start: s.start + by, end: s.end + by, kind: s.kind, paragraphStart: s.paragraphStart };
}

function shiftCommitment(c: Commitment, by: number): Commitment {
  const out: Commitment = {
    start: c.start + by,
    end: c.end + by,
    actor: c.actor,
    actorSpan: { start: c.actorSpan.start + by, end: c.actorSpan.end + by },
    parties: c.parties,
    type: c.type,
    trigger: c.trigger,
    triggerSpan: { start: c.triggerSpan.start + by, end: c.triggerSpan.end + by },
    strength: c.strength,
    negated: c.negated,
  };
  if (c.explicit) out.explicit = true;
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The entry of kind `kind` of which `words` are exactly a form, if any. */
function entryNamedBy(words: string, kind: TermKind, compiled: CompiledGlossary): GlossaryEntry | undefined {
  const hit = compiled.matcher.findAll(words).find((m) => m.start === 0 && m.end === words.length);
  return hit && hit.value.kind === kind ? hit.value : undefined;
}

function syntheticEntry(text: string, kind: TermKind, id?: string): GlossaryEntry {
  return { id: id ?? text, term: text, kind, aliases: [], sources: [], see: [], origin: { file: '', line: 0, column: 0 } };
}

/** The message for a party id no glossary defines (front matter and `parties=` alike). */
function unknownPartyMessage(id: string): string {
  return `party \`${id}\` is not in any glossary`;
}

/** The ids of a list attribute (`parties="US UA"`), each with where it is written; `at` is the value's span. */
function listedIds(value: string | undefined, at: Span | undefined): { id: string; span: Span }[] {
  if (value === undefined) return [];
  const out: { id: string; span: Span }[] = [];
  const word = /[^\s,]+/g;
  for (let m = word.exec(value); m !== null; m = word.exec(value)) {
    const start = (at?.start ?? 0) + m.index;
    out.push({ id: m[0], span: at ? { start, end: start + m[0].length } : { start: 0, end: 0 } });
  }
  return out;
}

function toExplicitCommitment(a: Annotation, plain: string, warnings: StatementProblem[]): Commitment {
  // `type` may list the acceptable types (`type="affirm support"`, for `eval`): the first is shown.
  const written = listedIds(a.attributes.type ?? 'pledge', a.valueSpans.type);
  const listed = written.map((w) => w.id);
  const unknown = listed.length === 0 ? undefined : written.find((t) => !(COMMITMENT_TYPES as readonly string[]).includes(t.id));
  let type: CommitmentType = 'pledge';
  if (listed.length > 0 && unknown === undefined) type = listed[0] as CommitmentType;
  else if (unknown) warnings.push({ ...unknown.span, message: unknownTypeMessage(unknown.id), code: 'unknown-type', value: unknown.id });
  else warnings.push({ ...a.markup, message: unknownTypeMessage(a.attributes.type ?? '') });
  const strengthAttr = a.attributes.strength;
  const strength: Strength = strengthAttr === 'strong' || strengthAttr === 'weak' ? strengthAttr : 'normal';
  const actor = a.attributes.actor ?? '';
  return {
    ...a.span,
    actor,
    actorSpan: a.span,
    parties: a.attributes.parties ? a.attributes.parties.split(/[,\s]+/).filter(Boolean) : [],
    type,
    trigger: a.attributes.trigger ?? '',
    triggerSpan: { start: a.span.start, end: a.span.start },
    strength,
    negated: a.attributes.negated === 'true',
    explicit: true,
  };
}

function unknownTypeMessage(type: string): string {
  return `unknown commitment type \`${type}\` (expected ${COMMITMENT_TYPES.join(', ')})`;
}

/** 'zh' when Chinese characters outnumber Latin letters. */
export function detectLanguage(text: string): 'en' | 'zh' {
  let han = 0;
  let latin = 0;
  const limit = Math.min(text.length, 20000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return han > latin / 3 ? 'zh' : 'en';
}

/**
 * The parties of a document without front matter, from where a document names them, never from
 * how often it mentions a state: a "hereinafter referred to as" or "We, the Leaders of" sentence;
 * the title ("Joint Statement of the United States and Kenya"); "between X and Y"; or the actor
 * that opens the text ("China and Kenya held talks …"). A group that is not itself a party (the G7)
 * stands for its `members`.
 */
export function detectDocumentParties(text: string, segments: Segment[], terms: TermHit[]): string[] {
  const partiesIn = (from: number, to: number) => [...new Set(terms.filter((t) => t.start >= from && t.end <= to).flatMap(documentPartyIds))];
  const head = segments.slice(0, 12);
  for (const seg of head) {
    const body = text.slice(seg.start, seg.end);
    // "We, the Leaders of the G7, met in Hiroshima": the appositive, not the place of the meeting.
    // "We, the Leaders of the G7", "We, the ASEAN Foreign Ministers": a group's name may stand first.
    const opening =
      /^We,? the (?:Leaders|Heads|Ministers|Presidents|Member States|Governments)/i.exec(body) ??
      /^We,? the (?:\p{Lu}[\p{L}-]*\s+){1,3}?(?:Leaders|Heads|(?:Foreign |Economic |Defence |Defense )?Ministers|Presidents|Member States|Governments)\b/u.exec(body);
    // The appositive runs on over commas before a name ("of Iceland, Norway and Finland,", "of
    // Japan, the Philippines, and the United States,"), and ends at the comma before the verb.
    const we = opening && /^(?:[^,]|,\s*(?=(?:and\s+)?(?:the\s+)?\p{Lu}))*/u.exec(body.slice(opening[0].length));
    // "We, Angola, Argentina, …, and the United States, as coastal countries …": the states listed.
    const listed = /^We,\s+(?=(?:the\s+)?\p{Lu})/u.exec(body);
    if (listed) {
      const ids = partyChain(text, seg.start + listed[0].length, terms);
      if (ids.length >= 2) return ids;
    }
    // "…, and the United States of America (the “Participants”) commit to …": the parties a
    // definition names stand before it.
    const definition = /\((?:hereinafter\s+)?(?:(?:referred to as|called)\s+)?(?:the|jointly|collectively)?\s*[“"]?(?:Participants|Parties|Sides|Signatories)[”"]?\)/.exec(body);
    if (opening || definition || /hereinafter (?:referred to as|called)|以下简称/i.test(body)) {
      const end = opening && we ? seg.start + opening[0].length + we[0].length : definition ? seg.start + definition.index : seg.end;
      const ids = partiesIn(seg.start, end);
      if (ids.length > 0) return ids;
    }
  }
  // "On 29 July 2017 ministers and senior officials from Australia, …, and the Philippines met":
  // the delegations that open the text.
  for (const seg of head) {
    const from = DELEGATIONS_FROM.exec(text.slice(seg.start, seg.end));
    const ids = from ? partyChain(text, seg.start + from.index + from[0].length, terms) : [];
    if (ids.length >= 2) return ids;
  }
  // The title: the headings before the first sentence. A Chinese title names its parties before
  // 关于 ("中华人民共和国和法兰西共和国关于…的联合声明"), by name or by initials ("中法关于…").
  for (const seg of head) {
    if (seg.kind !== 'heading') break;
    const heading = text.slice(seg.start, seg.end);
    // "The General Assembly,", "Recalling …,": a resolution's body has begun, and its paragraphs
    // name no parties.
    if (/[,，]\s*$/.test(heading)) break;
    const topic = heading.search(ZH_TITLE_TOPIC);
    const end = topic > 0 ? seg.start + topic : seg.end;
    const inTitle = terms.filter((t) => t.start >= seg.start && t.end <= end);
    // "Joint Statement by President Biden and Taoiseach Martin": the leaders stand for their states.
    const leaders = inTitle.flatMap((t) => (t.kind === 'person' && t.entry?.party ? [t.entry.party] : []));
    const titles = singleStateTitlesIn(text.slice(seg.start, end)).map(([, party]) => party);
    const named = [...new Set([...inTitle.filter((t) => !isGroup(t)).flatMap(documentPartyIds), ...leaders, ...titles])];
    if (named.length >= 2) return named;
    // A title that names a group (the G7) and no party is the group's own, and the group names its
    // members; beside a party ("Cooperation between the United Nations and the Organization of
    // American States") the group is a partner, and its members are not the document's parties.
    const groups = inTitle.filter(isGroup);
    if (named.length === 0 && groups.length > 0) return [...new Set(groups.flatMap(documentPartyIds))];
    const initials = zhInitialParties(
      text,
      seg.start,
      end,
      terms.filter((t) => t.start < end || t.start >= seg.end),
    );
    if (initials.length >= 2) return initials;
  }
  // "… between the People's Republic of China and the Republic of Kenya": the parties right after it.
  for (const seg of head) {
    const between = /\bbetween\s+(?:the\s+)?/i.exec(text.slice(seg.start, seg.end));
    // Two parties, not a group's members: "between the United Nations and the Organization of
    // American States" names none.
    const ids = between ? partyChain(text, seg.start + between.index + between[0].length, terms, false) : [];
    if (ids.length >= 2) return ids.slice(0, 2);
  }
  // The actor that opens the text: parties at the start of one of its first sentences.
  for (const seg of head.slice(0, 6)) {
    if (seg.kind !== 'sentence') continue;
    const ids = openingParties(text, seg, terms);
    if (ids.length >= 2) return ids;
  }
  // A Chinese state visit opens the text: "应X主席邀请，Y总统…对Z进行国事访问" names both parties.
  for (const seg of head.slice(0, 6)) {
    if (seg.kind !== 'sentence' || !ZH_VISIT_OPENING.test(text.slice(seg.start, seg.end))) continue;
    const ids = [
      ...new Set(terms.filter((t) => t.start >= seg.start && t.end <= seg.end).flatMap((t) => (t.kind === 'person' && t.entry?.party ? [t.entry.party] : documentPartyIds(t)))),
    ];
    if (ids.length === 2) return ids;
  }
  return [];
}

/** "(On …,) (the) ministers (and senior officials) from|of", opening a sentence: the parties follow. */
const DELEGATIONS_FROM =
  /^(?:On\s[^,]{3,40}?,?\s+)?(?:the\s+)?(?:leaders|heads of (?:state|government|delegation)|(?:foreign\s+)?ministers|representatives|delegations|senior officials)(?:\s+and\s+(?:\w+\s+){0,2}?(?:officials|ministers|representatives|leaders))?\s+(?:of|from)\s+(?:the\s+)?/i;

/** Where the topic of a Chinese title begins: its parties stand before it. */
const ZH_TITLE_TOPIC = new RegExp(ZH_TITLE_TOPIC_WORDS.join('|'));

/** A Chinese opening sentence that reports a visit at another party's invitation. */
const ZH_VISIT_OPENING = /^应.{2,60}?邀请[，,].*访问/u;

/**
 * Parties named by their initials in `text[from, to)` ("中法", "中俄"): each Han character, in a
 * row from `from`, is the first character of the name of a party the head mentions (`terms`, the
 * title's topic left out); when several share it ("中巴"), the one mentioned first. Empty unless
 * every character resolves.
 */
function zhInitialParties(text: string, from: number, to: number, terms: TermHit[]): string[] {
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (!/[\u4e00-\u9fff]/.test(c)) return [];
    const named = terms.find((t) => t.kind === 'party' && text.charAt(t.start) === c);
    if (!named) return [];
    ids.push(named.id);
  }
  return [...new Set(ids)];
}

/** True for a group that is not a party itself and stands for its `members` (the G7, the Group of 77). */
function isGroup(term: TermHit): boolean {
  return term.kind !== 'party' && (term.entry?.members?.length ?? 0) > 0;
}

/** The ids a term contributes to a document's parties: a party's own id, or a group's members. */
function documentPartyIds(term: TermHit): string[] {
  if (term.kind === 'party') return [term.id];
  return term.entry?.members ?? [];
}

/** Parties named one after another at the start of a sentence ("China and Kenya", "The United States of America and Ukraine"). */
function openingParties(text: string, seg: Span, terms: TermHit[]): string[] {
  // "Today, the President of the United States and the Chancellor of Germany affirm …": a short
  // adverbial before the actor.
  const adverbial = /^(?:Today|Together|(?:On|In) [^,]{3,30}),\s+/.exec(text.slice(seg.start, seg.start + 40));
  const at = seg.start + (adverbial?.[0].length ?? 0);
  return partyChain(text, /^the /i.test(text.slice(at, at + 4)) ? at + 4 : at, terms);
}

/**
 * Parties named one after another from `at` ("China and Kenya", "the Republic of Korea (ROK), Japan
 * and the United States", "President Yoon Suk Yeol of the Republic of Korea and …"), or none. A
 * group (the G7) stands for its members, or, with `groups` false, ends the chain.
 */
function partyChain(text: string, at: number, terms: TermHit[], groups = true): string[] {
  const ids: string[] = [];
  const hits = terms.filter((t) => t.end > at);
  for (let h = 0; h < hits.length;) {
    let t = hits[h++];
    // A leader may stand for a party: "President [Yoon Suk Yeol] of the [Republic of Korea]",
    // "Prime Minister [Kishida]"; a title of capitalised words may precede the name.
    const leader = t.kind === 'person' && /^(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$/u.test(text.slice(at, t.start));
    // "the President of the United States and the Chancellor of Germany": a title of office before
    // "of" and the party.
    const office = !leader && t.kind === 'party' && OFFICE_BEFORE_PARTY.test(text.slice(at, t.start));
    if (t.start !== at && !leader && !office) break;
    if (!groups && isGroup(t)) break;
    let own = leader ? (t.entry?.party ? [t.entry.party] : []) : documentPartyIds(t);
    if (leader) {
      const of = /^\s+of\s+(?:the\s+)?/.exec(text.slice(t.end, t.end + 12));
      const state = of ? hits[h] : undefined;
      if (of && state && state.start === t.end + of[0].length && documentPartyIds(state).length > 0) {
        own = documentPartyIds(state);
        t = state;
        h++;
      }
    }
    if (own.length === 0) break;
    ids.push(...own);
    let end = t.end;
    // "the Republic of Korea (ROK)": an abbreviation in parentheses belongs to the name.
    const abbreviation = /^\s*\([^()]{1,16}\)/.exec(text.slice(end, end + 20));
    if (abbreviation) {
      end += abbreviation[0].length;
      while (h < hits.length && hits[h].start < end) h++;
    }
    const joiner = /^(?:,\s*(?:and\s+)?|\s+and\s+|\s*、\s*|[和与])/.exec(text.slice(end, end + 12));
    if (!joiner) break;
    at = end + joiner[0].length;
    // "…, the Netherlands, Norway": an article before the next name, unless the name holds it.
    if (/^the\s/i.test(text.slice(at, at + 4)) && !hits.some((x) => x.start === at)) at += /^the\s+/i.exec(text.slice(at))![0].length;
  }
  return [...new Set(ids)];
}

/**
 * The titles of office the head of a document ties to a party: "the Prime Minister of Australia",
 * "Megawati Soekarnoputri, President of the Republic of Indonesia". A title named with two parties
 * ("the Presidents of China and Kenya") ties to neither.
 */
export function detectOffices(
  text: string,
  segments: Segment[],
  terms: TermHit[],
  known?: { glossary: Pick<Glossary, 'entries'>; parties: readonly string[] },
): Map<string, string> {
  const found = new Map<string, string | null>();
  const partyAt = (at: number) => terms.find((t) => t.start === at && t.kind === 'party');
  for (const seg of segments) {
    const body = text.slice(seg.start, seg.end);
    for (const m of body.matchAll(OFFICE_OF)) {
      const term = partyAt(seg.start + m.index + m[0].length);
      if (!term) continue;
      tie(found, m[1].toLowerCase().replace(/\s+/g, ' '), term.id);
      // The officeholder's name, after ("…of India, H.E. Dr. Manmohan Singh") or before ("Megawati
      // Soekarnoputri, President of …"): "Prime Minister Singh" then names India even where two
      // prime ministers make the title alone ambiguous.
      const after = OFFICEHOLDER_AFTER.exec(text.slice(term.end, term.end + 80));
      const before = OFFICEHOLDER_BEFORE.exec(body.slice(Math.max(0, m.index - 80), m.index));
      for (const name of [after?.[1], before?.[1]]) {
        for (const word of name?.split(/\s+/) ?? []) if (word.length > 2 && !/^(?:The|His|Her|Excellency)$/.test(word)) tie(found, `name:${word.toLowerCase()}`, term.id);
      }
    }
    // "Prime Minister Yasuo Fukuda of Japan": the name between the title and the party.
    for (const m of body.matchAll(OFFICE_NAME_OF)) {
      const term = partyAt(seg.start + m.index + m[0].length);
      if (!term) continue;
      for (const word of m[2].split(/\s+/)) if (word.length > 2) tie(found, `name:${word.toLowerCase()}`, term.id);
    }
  }
  // "President Joe Biden", "Taoiseach Micheál Martin": a title before a person the glossary ties to a party.
  for (const t of terms) {
    const party = t.kind === 'person' ? t.entry?.party : undefined;
    if (!party) continue;
    const title = TITLE_BEFORE.exec(text.slice(Math.max(0, t.start - 40), t.start)) ?? TITLE_FIRST.exec(text.slice(t.start, t.end));
    if (title) tie(found, title[1].toLowerCase().replace(/\s+/g, ' '), party);
    // "Joko Widodo" here makes "President Widodo" Indonesia's later on.
    for (const word of text.slice(t.start, t.end).split(/\s+/)) {
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(word) && !OFFICE_TITLE_WORD.test(word)) tie(found, `name:${word.toLowerCase()}`, party);
    }
  }
  // A title only one state has ("the Taoiseach"): that state, where the head names it.
  for (const seg of segments) {
    for (const [title, party] of singleStateTitlesIn(text.slice(seg.start, seg.end))) if (!found.has(title)) found.set(title, party);
  }
  // "Prime Minister Gillard" where the document never gives her full name: a name of a glossary
  // person who speaks for one of the document's own parties, unless the document tied it already.
  if (known && known.parties.length > 0) {
    const byName = new Map<string, string | null>();
    for (const [name, party] of personNames(known.glossary)) if (known.parties.includes(party)) tie(byName, `name:${name}`, party);
    for (const [key, party] of byName) if (!found.has(key)) found.set(key, party);
  }
  return new Map([...found].filter((e): e is [string, string] => e[1] !== null));
}

const PERSON_NAMES = new WeakMap<object, [string, string][]>();

/**
 * Each word of the name of a glossary person who speaks for a party ("Julia Gillard": "julia" and
 * "gillard", Australia's), worked out once per glossary.
 */
function personNames(glossary: Pick<Glossary, 'entries'>): [string, string][] {
  let names = PERSON_NAMES.get(glossary);
  if (!names) {
    names = [];
    for (const entry of glossary.entries) {
      if (entry.kind !== 'person' || !entry.party) continue;
      for (const form of [entry.term, ...entry.aliases]) {
        for (const word of form.split(/\s+/)) if (/^\p{Lu}\p{Ll}+$/u.test(word) && !OFFICE_TITLE_WORD.test(word)) names.push([word.toLowerCase(), entry.party]);
      }
    }
    PERSON_NAMES.set(glossary, names);
  }
  return names;
}

/** The titles only one state has (`SINGLE_STATE_TITLES`) that `text` names, with that state. */
function singleStateTitlesIn(text: string): [string, string][] {
  return SINGLE_STATE_TITLE_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ title, party }) => [title, party]);
}

const SINGLE_STATE_TITLE_PATTERNS = Object.entries(SINGLE_STATE_TITLES).map(([title, party]) => ({ title, party, pattern: new RegExp(`\\b${title}\\b`, 'i') }));

/** The titles of office as alternatives of a pattern, their spaces any white space. */
const OFFICE_TITLE_ALTERNATIVES = OFFICE_TITLES.map((t) => t.replace(/ /g, '\\s+')).join('|');

/** A title of office and "of (the)" before a party: "President of the ", "Chancellor of ". */
const OFFICE_BEFORE_PARTY = new RegExp(`^(?:the\\s+)?(?:${OFFICE_TITLE_ALTERNATIVES})\\s+of\\s+(?:the\\s+)?$`, 'i');

/** A title of office right before a name: "President ", "Prime Minister ". */
const TITLE_BEFORE = new RegExp(`\\b(${OFFICE_TITLE_ALTERNATIVES})\\s+$`, 'i');

/** A word of a title of office ("President", "Minister"), not a name. */
const OFFICE_TITLE_WORD = new RegExp(`^(?:${[...new Set(OFFICE_TITLES.flatMap((t) => t.split(' ')))].join('|')})$`, 'i');

/** A person's term that opens with the title: "President Joe Biden". */
const TITLE_FIRST = new RegExp(`^(${OFFICE_TITLE_ALTERNATIVES})\\s+\\p{Lu}`, 'iu');

/** Records that `key` names `id`, or null where two parties share it. */
function tie(found: Map<string, string | null>, key: string, id: string): void {
  found.set(key, found.has(key) && found.get(key) !== id ? null : id);
}

/** "<title of office> of (the) ": the party term follows (see {@link detectOffices}). */
const OFFICE_OF = new RegExp(`\\b(${OFFICE_TITLE_ALTERNATIVES})\\s+of\\s+(?:the\\s+)?`, 'gi');

/**
 * "<title> <Name …> of (the) ": "Prime Minister Yasuo Fukuda of Japan"; the party term follows. The
 * title's words match with either case of their first letter (no `i` flag: the name must be capitalised).
 */
const OFFICE_NAME_OF = new RegExp(
  `\\b(${OFFICE_TITLES.map((t) => t.replace(/\b\p{Ll}/gu, (c) => `[${c.toUpperCase()}${c}]`).replace(/ /g, '\\s+')).join('|')})\\s+((?:\\p{Lu}[\\p{L}'’-]+\\s+){1,3})of\\s+(?:the\\s+)?`,
  'gu',
);

/** An officeholder's name after "<title> of <party>": ", H.E. Dr. Manmohan Singh". */
const OFFICEHOLDER_AFTER =
  /^,\s*(?:H\.\s?E\.\s*|His Excellency\s+|Her Excellency\s+|the Hon(?:ourable|\.)\s+)?(?:(?:Dr|Mr|Mrs|Ms|Sir)\.?\s+)?((?:\p{Lu}[\p{L}'’-]+\.?\s+){0,3}\p{Lu}[\p{L}'’-]+)/u;
/** An officeholder's name before ", <title> of <party>": "Megawati Soekarnoputri, President of". */
const OFFICEHOLDER_BEFORE = /((?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)(?:\s+MP)?,\s*(?:the\s+)?$/u;

/** "The Security Council," / "The General Assembly," heading a resolution: the organ its operative paragraphs speak for. */
export function detectOrgan(text: string, segments: Segment[], terms: TermHit[]): { text: string; span: Span; parties: string[] } | undefined {
  for (const seg of segments.slice(0, 40)) {
    if (seg.kind !== 'heading') continue;
    const body = text.slice(seg.start, seg.end);
    const m = /^(?:The\s+)?([\p{L} ’'-]{3,80}?)\s*,$/u.exec(body);
    if (!m) continue;
    const term = terms.find((t) => t.start >= seg.start && t.end <= seg.end && (t.kind === 'institution' || t.kind === 'party'));
    if (!term && !/Assembly|Council|Conference|Commission|Committee|Board/.test(m[1])) continue;
    const name = body.replace(/,$/, '').trim();
    return { text: name, span: { start: seg.start, end: seg.start + name.length }, parties: term ? [term.id] : [] };
  }
  return undefined;
}
