/**
 * The facade: compile a glossary once, then analyse texts with it — terms, commitments, parties,
 * annotations and warnings — for the CLI and every editor feature alike.
 */
import { extractCommitments, type Commitment, type TermHit } from './commitments';
import { TERM_KINDS, formsOf, type Glossary, type GlossaryEntry, type TermKind } from './glossary';
import { isAcronym } from './chars';
import { COMMITMENT_TYPES, type CommitmentType, type Strength } from './lexicon';
import { compileMatcher, loadMatcher, serializeMatcher, type Matcher } from './matcher';
import { segmentSentences, type Segment } from './sentences';
import { parseStatement, type Annotation, type FrontMatter, type StatementProblem } from './statement';
import type { Span } from './text';

/** A glossary ready for matching. */
export interface CompiledGlossary {
  glossary: Glossary;
  matcher: Matcher<GlossaryEntry>;
}

/** Builds the matcher for a glossary: every form of every entry, case-sensitive where the entry or the acronym rule says so. */
export function compileGlossary(glossary: Glossary): CompiledGlossary {
  function* patterns() {
    for (const entry of glossary.entries) {
      for (const form of formsOf(entry)) {
        const caseSensitive = entry.caseSensitive ?? isAcronym(form);
        yield { text: form, caseSensitive, value: entry };
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
  terms: FoundTerm[];
  commitments: Commitment[];
  segments: Segment[];
  notes: Note[];
  frontMatter: FrontMatter | null;
  frontMatterSpan: Span | null;
  annotations: Annotation[];
  warnings: StatementProblem[];
  /** The text as analysed: front matter and annotation markup blanked out, offsets unchanged. */
  plain: string;
}

/** Options for {@link analyzeText}. */
export interface AnalyzeOptions {
  /** Read front matter and annotations (the `.statement` format); true by default, since plain text has neither. */
  statement?: boolean;
  /** Results of earlier analyses of (other versions of) the same document, to reuse per block. */
  cache?: BlockCache;
}

/** What one block of text yields, in block-relative offsets. */
interface BlockTerms {
  terms: FoundTerm[];
  segments: Segment[];
}

/**
 * Per-block results kept between analyses of a document: after an edit only the blocks that
 * changed are matched, segmented and extracted again. Create one per document.
 */
export class BlockCache {
  /** The glossary the entries were made with; another glossary empties the cache. */
  glossary: CompiledGlossary | undefined;
  readonly terms = new Map<string, BlockTerms>();
  /** Per context (document parties, organ), per block text. */
  readonly commitments = new Map<string, Map<string, Commitment[]>>();
  /** Block texts used by the latest analysis; the others are dropped after it. */
  readonly touched = new Set<string>();
}

/**
 * Blocks: runs of lines that end where a line ends a sentence (terminal punctuation) or at a
 * blank line. No glossary phrase and no sentence spans two blocks, so each block can be analysed
 * (and cached) on its own and the result is the same as for the whole text.
 */
export function splitBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let k = lineEnd;
    while (k > lineStart && /\s/.test(text.charAt(k - 1))) k--;
    const blank = k === lineStart;
    if (blank || ENDS_BLOCK.test(text.slice(Math.max(lineStart, k - 4), k))) {
      if (lineEnd + 1 > start) blocks.push({ start, end: Math.min(lineEnd + 1, text.length) });
      start = lineEnd + 1;
    }
    lineStart = lineEnd + 1;
  }
  if (start < text.length) blocks.push({ start, end: text.length });
  return blocks;
}

const ENDS_BLOCK = /[.!?;:。！？；：]["'”’»)\]」』）]*$/;

/** Analyses one text with a compiled glossary. Never throws on any input. */
export function analyzeText(text: string, compiled: CompiledGlossary, options: AnalyzeOptions = {}): Analysis {
  const parsed = options.statement === false ? null : parseStatement(text);
  const plain = parsed ? parsed.plain : text;
  const warnings: StatementProblem[] = parsed ? [...parsed.problems] : [];
  const { glossary } = compiled;
  const cache = options.cache;
  if (cache && cache.glossary !== compiled) {
    cache.terms.clear();
    cache.commitments.clear();
    cache.glossary = compiled;
  }
  cache?.touched.clear();

  // Terms and segments, block by block.
  const blocks = splitBlocks(plain);
  let terms: FoundTerm[] = [];
  const segments: Segment[] = [];
  const blockTexts: string[] = [];
  for (const b of blocks) {
    const blockText = plain.slice(b.start, b.end);
    blockTexts.push(blockText);
    let r = cache?.terms.get(blockText);
    if (!r) {
      r = {
        terms: compiled.matcher.findAll(blockText).map((m) => ({ id: m.value.id, kind: m.value.kind, start: m.start, end: m.end, entry: m.value })),
        segments: segmentSentences(blockText),
      };
      cache?.terms.set(blockText, r);
    }
    cache?.touched.add(blockText);
    for (const t of r.terms) terms.push({ id: t.id, kind: t.kind, start: t.start + b.start, end: t.end + b.start, entry: t.entry });
    for (const sg of r.segments) segments.push(shiftSegment(sg, b.start));
  }

  const notes: Note[] = [];
  const explicitCommitments: Commitment[] = [];
  const annotations = parsed?.annotations ?? [];
  const explicitTerms: FoundTerm[] = [];
  for (const a of annotations) {
    if (a.attributes.note !== undefined) notes.push({ ...a.span, note: a.attributes.note });
    const kind = a.classes.find((c): c is TermKind => (TERM_KINDS as readonly string[]).includes(c));
    if (a.id !== undefined || kind) {
      const entry = a.id !== undefined ? glossary.byId.get(a.id) : undefined;
      if (a.id !== undefined && !entry) warnings.push({ ...a.markup, message: `annotation names \`#${a.id}\`, which no glossary defines` });
      const resolved: GlossaryEntry = entry ?? syntheticEntry(plain.slice(a.span.start, a.span.end), kind ?? 'concept', a.id);
      explicitTerms.push({ id: resolved.id, kind: kind ?? resolved.kind, start: a.span.start, end: a.span.end, entry: resolved, explicit: true });
    }
    if (a.classes.includes('commitment')) explicitCommitments.push(toExplicitCommitment(a, plain, warnings));
    for (const c of a.classes) {
      if (c !== 'commitment' && !(TERM_KINDS as readonly string[]).includes(c)) warnings.push({ ...a.markup, message: `unknown annotation class \`.${c}\` (expected a term kind or .commitment)` });
    }
  }
  if (explicitTerms.length > 0) {
    terms = terms.filter((t) => !explicitTerms.some((e) => overlaps(e, t))).concat(explicitTerms).sort((a, b) => a.start - b.start);
  }

  const language = parsed?.frontMatter?.language?.toLowerCase().startsWith('zh') ? 'zh' : detectLanguage(plain);
  const partyIds = parsed?.frontMatter?.parties?.length ? parsed.frontMatter.parties : detectDocumentParties(plain, segments, terms);
  if (parsed?.frontMatter?.parties) {
    for (const id of parsed.frontMatter.parties) {
      if (!glossary.byId.has(id)) warnings.push({ ...(parsed.frontMatterSpan ?? { start: 0, end: 0 }), message: `front matter: party \`${id}\` is not in any glossary` });
    }
  }
  const organ = detectOrgan(plain, segments, terms);

  // Commitments, block by block; a block with annotations in it is never taken from the cache.
  let commitments: Commitment[] = [];
  const context = `${partyIds.join(',')}|${organ ? `${organ.text}|${organ.parties.join(',')}` : ''}`;
  let contextCache = cache?.commitments.get(context);
  if (cache && !contextCache) {
    // Another context (the parties or the organ changed): earlier results no longer apply.
    cache.commitments.clear();
    cache.commitments.set(context, (contextCache = new Map()));
  }
  let t = 0;
  let sg = 0;
  let a = 0;
  blocks.forEach((b, i) => {
    const t0 = t;
    while (t < terms.length && terms[t].start < b.end) t++;
    const s0 = sg;
    while (sg < segments.length && segments[sg].start < b.end) sg++;
    while (a < annotations.length && annotations[a].markup.end <= b.start) a++;
    const annotated = a < annotations.length && annotations[a].markup.start < b.end;
    const cacheable = !annotated;
    let found = cacheable ? contextCache?.get(blockTexts[i]) : undefined;
    if (!found) {
      found = extractCommitments({
        text: blockTexts[i],
        segments: segments.slice(s0, sg).map((x) => shiftSegment(x, -b.start)),
        terms: terms.slice(t0, t).map((x) => ({ ...x, start: x.start - b.start, end: x.end - b.start })),
        documentParties: partyIds,
        organ: organ && { ...organ, span: { start: organ.span.start - b.start, end: organ.span.end - b.start } },
      });
      if (cacheable) contextCache?.set(blockTexts[i], found);
    }
    for (const c of found) {
      const shifted = shiftCommitment(c, b.start);
      // The organ is named once, elsewhere: its span does not move with the block.
      if (organ && c.actor === organ.text) shifted.actorSpan = organ.span;
      commitments.push(shifted);
    }
  });
  if (cache) {
    for (const k of cache.terms.keys()) if (!cache.touched.has(k)) cache.terms.delete(k);
    if (contextCache) for (const k of contextCache.keys()) if (!cache.touched.has(k)) contextCache.delete(k);
  }

  if (explicitCommitments.length > 0) {
    // An explicit commitment replaces what was detected over the same text, and inherits its actor.
    for (const e of explicitCommitments) {
      const detected = commitments.find((c) => overlaps(c, e));
      if (detected && e.actor === '') Object.assign(e, { actor: detected.actor, actorSpan: detected.actorSpan, parties: detected.parties });
      if (!e.trigger) {
        e.trigger = detected && overlaps(detected.triggerSpan, e) ? detected.trigger : plain.slice(e.start, e.end).trim().split(/\s+/).slice(0, 3).join(' ');
        e.triggerSpan = detected && overlaps(detected.triggerSpan, e) ? detected.triggerSpan : { start: e.start, end: e.start + e.trigger.length };
      }
      if (e.actor === '') e.parties = partyIds;
    }
    commitments = commitments.filter((c) => !explicitCommitments.some((e) => overlaps(e, c))).concat(explicitCommitments).sort((a, b) => a.start - b.start);
  }
  return {
    language,
    parties: partyIds.map((id) => ({ id, name: glossary.byId.get(id)?.term ?? id })),
    terms,
    commitments,
    segments,
    notes,
    frontMatter: parsed?.frontMatter ?? null,
    frontMatterSpan: parsed?.frontMatterSpan ?? null,
    annotations,
    warnings,
    plain,
  };
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

function syntheticEntry(text: string, kind: TermKind, id?: string): GlossaryEntry {
  return { id: id ?? text, term: text, kind, aliases: [], sources: [], see: [], origin: { file: '', line: 0, column: 0 } };
}

function toExplicitCommitment(a: Annotation, plain: string, warnings: StatementProblem[]): Commitment {
  const typeAttr = a.attributes.type ?? 'pledge';
  let type: CommitmentType = 'pledge';
  if ((COMMITMENT_TYPES as readonly string[]).includes(typeAttr)) type = typeAttr as CommitmentType;
  else warnings.push({ ...a.markup, message: `unknown commitment type \`${typeAttr}\` (expected ${COMMITMENT_TYPES.join(', ')})` });
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
 * The parties of a document without front matter: those named in a "hereinafter referred to as"
 * or "We, the Leaders of" sentence, else in the first sentence or title that names two or more.
 */
export function detectDocumentParties(text: string, segments: Segment[], terms: TermHit[]): string[] {
  const partiesIn = (s: Span) => [...new Set(terms.filter((t) => t.kind === 'party' && t.start >= s.start && t.end <= s.end).map((t) => t.id))];
  const head = segments.slice(0, 12);
  for (const seg of head) {
    const body = text.slice(seg.start, seg.end);
    if (/hereinafter (?:referred to as|called)|^We,? the (?:Leaders|Heads|Ministers|Presidents)|以下简称/i.test(body)) {
      const ids = partiesIn(seg);
      if (ids.length > 0) return ids;
    }
  }
  for (const seg of head.slice(0, 6)) {
    const ids = partiesIn(seg);
    if (ids.length >= 2) return ids;
  }
  return [];
}

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
