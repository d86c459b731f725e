/**
 * Commitment extraction: who commits to what, how strongly. One commitment per coordinated
 * predicate, its actor resolved to party ids through the glossary's terms and the document's parties.
 *
 * English works clause by clause: find an actor at a clause start ("the two sides", "the Belarusian
 * side", "We", "Each Party"), read the predicate after it (modal + verb, "agreed to" + verb, a
 * trigger verb…), then follow the chain of coordinated predicates that share that actor
 * (", maintain …, follow …, and jointly advocate …"). Chinese works on clauses cut at full-width
 * commas and semicolons, with the subject carried over from clause to clause.
 */
import { type Glossary, type GlossaryEntry, type TermKind } from './glossary';
import {
  ACTOR_HEAD_NOUNS,
  ACTOR_OPENING_ADVERBS,
  OPENING_PHRASE_PREPOSITIONS,
  ACTOR_OF_NOUNS,
  BODY_HEADS,
  COLLECTIVE_ACTORS,
  ABILITY_MODALS,
  OBLIGATION_MODALS,
  COMMITMENT_NOUN_VERBS,
  PERFECT_PLEDGE_VERBS,
  PERFECT_REQUEST_VERBS,
  ANNOUNCED_NOUNS,
  ANNOUNCED_FUNDING_NOUNS,
  ANNOUNCED_STEP_NOUNS,
  PAST_TIME_WORDS,
  COMPLEMENT_LEAD_IN_VERBS,
  COURTESY_CALLED,
  COURTESY_NOUNS,
  COURTESY_EXPRESSING_VERBS,
  ZH_REAFFIRMED_COURSE,
  OFFICE_TITLES,
  OPERATIVE_REQUEST_VERBS,
  OPERATIVE_AFFIRM_VERBS,
  EMPHASIS_VERBS,
  EMPHASIZED_NOUNS,
  GATHERING_VERBS,
  INFINITIVE_PLEDGE_VERBS,
  MODALS,
  OTHER_ADVERBS,
  PRONOUN_ACTORS,
  READINESS_ADJECTIVES,
  READINESS_NOUNS,
  READINESS_VERBS,
  LEAD_IN_ENDINGS,
  BARE_PLEDGE_VERBS,
  COMMITMENT_ADJECTIVES,
  STANCE_NOUNS,
  UNITED_ADJECTIVES,
  COPULA_FORMS,
  EXPRESSED_STRONG_ADJECTIVES,
  NOT_VERBS_AFTER_TO,
  NOUN_ENDINGS,
  NOT_BASE_VERB_ENDINGS,
  ZH_ADVERB_ONLY,
  POSSESSIVES,
  REFLEXIVE_PRONOUNS,
  SHARED_AIM_NOUNS,
  SHARED_AIM_ADJECTIVES,
  ANNOUNCED_STEP_ADJECTIVES,
  NOT_AFTER_IMPERATIVE,
  ZH_PRIORITY_MAKERS,
  ZH_PRIORITY_WORDS,
  OUTCOME_VERBS,
  STANCE_KEPT,
  RELATIVE_PRONOUNS,
  REPORTING_VERBS,
  DETERMINERS,
  SUBORDINATING_OPENERS,
  VERB_ADJECTIVE_HOMOGRAPHS,
  PLAIN_ADJECTIVES,
  ADJECTIVE_ENDINGS,
  EXPRESSED_SUPPORT_NOUNS,
  STRONG_ADVERBS,
  STRONG_PHRASES,
  WEAK_MODALS,
  WEAK_PHRASES,
  WEAK_VERBS,
  ZH_ACTOR_HEADS,
  ZH_BELIEF_VERBS,
  ZH_COLLECTIVE_ACTORS,
  ZH_COMPOUND_ACTOR_HEADS,
  ZH_COURTESY_VERBS,
  ZH_DISPOSAL_VERBS,
  ZH_ELABORATION_OPENERS,
  ZH_EXPRESSED_ON,
  ZH_EXPRESSING_VERBS,
  ZH_IMPORTANCE,
  ZH_LIGHT_ADVERBS,
  ZH_NOT_SHORT_FORMS,
  ZH_OPINION_VERBS,
  ZH_OPINION_STANCES,
  ZH_WISH_VERBS,
  ZH_PAST_MARKERS,
  ZH_PREPOSITIONS,
  ZH_PURPOSE_OPENERS,
  ZH_SPEECH_VERBS,
  ZH_STRONG,
  ZH_TRIGGERS,
  ZH_VERBS,
  ZH_REFRAIN_VERBS,
  ZH_RECIPROCAL,
  ZH_PRINCIPLE_OPENERS,
  ZH_REGARD_VERBS,
  PRESENT_POLICY_VERBS,
  ING_NOUNS,
  UNITED_STANCES,
  ADVERBIAL_PAIRS,
  HONORIFICS,
  COURTESY_INVITED_TO,
  CONNECTIVE_PHRASES,
  DIRECTIVE_VERBS,
  EMPHASIS_PHRASES,
  ZH_WEAK,
  ZH_WILLING,
  triggerType,
  verbInfo,
  type CommitmentType,
  type Strength,
  type VerbForm,
} from './lexicon';
import { labelKind, type Segment } from './sentences';
import { partyInitials } from './shortForms';
import type { Span } from './text';

/** A glossary term found in the text (what the matcher reports, with the entry's id and kind). */
export interface TermHit extends Span {
  id: string;
  kind: TermKind;
  /** What the glossary says about who the term speaks for (see `GlossaryEntry.members` and `party`). */
  entry?: Pick<GlossaryEntry, 'members' | 'party'>;
}

/** One commitment: an actor binding itself or taking a position through one predicate. */
export interface Commitment extends Span {
  /** The text that names the actor ("The two sides"). */
  actor: string;
  actorSpan: Span;
  /** Party ids the actor resolves to. */
  parties: string[];
  type: CommitmentType;
  /** The trigger words ("will deepen", "supports"). */
  trigger: string;
  triggerSpan: Span;
  strength: Strength;
  negated: boolean;
  /** True when it comes from an explicit `{.commitment}` annotation rather than detection. */
  explicit?: boolean;
}

/** What extraction needs besides the text. */
export interface ExtractionInput {
  /** The text, with any markup blanked out (offsets as in the document). */
  text: string;
  segments: Segment[];
  /** Glossary terms found in the text, in order. */
  terms: TermHit[];
  /** The parties of the document, for "the two sides", "We", "the Parties". */
  documentParties: string[];
  /** The organ of a UN-style resolution ("The Security Council,") whose operative paragraphs commit it. */
  organ?: { text: string; span: Span; parties: string[] };
  /**
   * The glossary, for what its entries say about actors: the Chinese names of the document's parties
   * (whose initials resolve "阿方", "中阿双方") and the party a person or an institution speaks for.
   */
  glossary?: Pick<Glossary, 'byId'>;
  /** The lead-in in force where the text starts (see {@link LeadIn}); none when absent. */
  leadIn?: LeadIn | null;
  /** Titles of office and the party each speaks for in this document (see {@link OFFICE_TITLES}). */
  offices?: ReadonlyMap<string, string>;
  /** The parties of the last actor before the text, for a paragraph that opens with "They …". */
  carriedParties?: string[] | null;
}

/**
 * A lead-in in force: a sentence ending in an open predicate and a colon ("WE HEREBY COMMIT TO:",
 * "the Parties agree:", "We will champion … by:"). Each list item after it that starts with a verb
 * ("1. FULFILL …", "- support …", "To meet …", "- upholding …") is a commitment of the lead-in's
 * actor, with its type (a verb of its own type keeps it under a pledge: "- oppose …" is
 * opposition), strength and negation. A lead-in ends at a paragraph that is not a list item, or at
 * an item labelled like the lead-in's own paragraph ("3." after "2. We will … by:"); headings
 * between items do not end it.
 */
export interface LeadIn {
  actor: string;
  parties: string[];
  type: CommitmentType;
  strength: Strength;
  negated: boolean;
  /** The kind of label of the lead-in's own paragraph (see `labelKind`), or '' for none. */
  labelKind: string;
  /**
   * False when the items only spell out what the lead-in's object may comprise ("…, which may
   * include:" + "a) Training programs"): then an item without a verb is no commitment of its own.
   */
  nounItems?: boolean;
  /** True while only unlabelled items followed the lead-in, if any (see `bareItems`). */
  bare?: boolean;
  /** True once an unlabelled item was read after it (a run goes on item by item). */
  bareRun?: boolean;
  /**
   * The kind of label of its first item ("1." items): paragraphs with another kind of label ("-"
   * bullets under "1. …") are sub-items, read as sentences of their own, and the list goes on.
   */
  itemKind?: string;
}

/** What {@link extractInContext} finds: the commitments, and the lead-in in force where the text ends. */
export interface Extraction {
  commitments: Commitment[];
  leadIn: LeadIn | null;
  /** The parties of the last actor, for "They …" in the next part (see `carriedParties`). */
  carriedParties: string[] | null;
}

/** Extracts every commitment from a text (see module doc), in document order. */
export function extractCommitments(input: ExtractionInput): Commitment[] {
  return extractInContext(input).commitments;
}

/**
 * {@link extractCommitments} for a part of a document: starts with the lead-in in force before it
 * (`input.leadIn`) and also returns the one in force after it, for the next part.
 */
export function extractInContext(input: ExtractionInput): Extraction {
  const out: Commitment[] = [];
  let previousActor: Actor | null = null;
  let leadIn = input.leadIn ?? null;
  let paragraphLabel = '';
  // Whether this text names an actor itself (not only one carried into it).
  let namesActor = false;
  const carriedIn: Actor | null = input.carriedParties?.length ? { text: '', span: { start: 0, end: 0 }, parties: input.carriedParties } : null;
  let paragraphCarry = carriedIn;
  // The actor the last English sentence named itself, if any.
  let lastSentenceActor: Actor | null = carriedIn;
  // Segments and terms are both in document order: walk them together, so each segment sees only
  // its own terms and the whole pass stays linear in the size of the text.
  const { terms, text } = input;
  let lo = 0;
  let zh: ZhParties | undefined;
  // True from a lead-in through the unlabelled items that may follow it (see `bareItems`).
  let bareOpen = !!input.leadIn?.bare;
  let bareRun = !!input.leadIn?.bareRun;
  for (let si = 0; si < input.segments.length; si++) {
    const seg = input.segments[si];
    while (lo < terms.length && terms[lo].end <= seg.start) lo++;
    // Items that lost their bullets ("…in areas including:" + "Bilateral relations" + "Climate change").
    const bare = bareOpen && leadIn !== null && !seg.label && bareItems(input.segments, si, text, bareRun);
    bareOpen &&= bare;
    bareRun = bare;
    // Headings (between the items of a list: "Maritime Cooperation") keep the lead-in.
    if (seg.kind !== 'sentence' && !bare) continue;
    let item: LeadIn | null = null;
    if (seg.paragraphStart) {
      // "They agreed …" opening a paragraph: the actor of the paragraph before (English only).
      // Only the actor of the paragraph's last sentence carries, and only the document's own parties:
      // "They" after a paragraph that ends on a third party (or on a subject not read) is unknown.
      if (si > 0) paragraphCarry = lastSentenceActor && ownParties(lastSentenceActor, input) ? lastSentenceActor : null;
      previousActor = null;
      paragraphLabel = seg.label ? labelKind(text.slice(seg.label.start, seg.label.end)) : '';
      if (leadIn && !bare && (!seg.label || paragraphLabel === leadIn.labelKind)) leadIn = null;
      // "- …" bullets between the "1." items of a list are its sub-items: not items of the lead-in.
      const subItem = !!seg.label && leadIn?.itemKind !== undefined && paragraphLabel !== leadIn.itemKind;
      if (leadIn && seg.label && leadIn.itemKind === undefined) leadIn = { ...leadIn, itemKind: paragraphLabel };
      item = (seg.label || bare) && !subItem ? leadIn : null;
    }
    let hi = lo;
    while (hi < terms.length && terms[hi].start < seg.end) hi++;
    const local = withTerms(input, terms.slice(lo, hi));
    const body = text.slice(seg.start, seg.end);
    let clause: LeadClause | null;
    if (/[\u4e00-\u9fff]/.test(body) && !/[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(body)) {
      // A "——" item under a Chinese lead-in starts with the lead-in's subject.
      if (item) previousActor = itemActor(item, seg);
      previousActor = extractChinese(local, seg, out, previousActor, (zh ??= zhParties(input)), item);
      clause = previousActor && /[:：]$/.test(body) ? { actor: previousActor, type: 'pledge', strength: 'normal', negated: false } : null;
    } else {
      const pronounFirst = seg.paragraphStart && PARAGRAPH_PRONOUN.test(body);
      const given = previousActor ?? (pronounFirst ? paragraphCarry : null);
      const found = extractEnglish(local, seg, out, given, item);
      lastSentenceActor = found.actor !== given ? found.actor : null;
      previousActor = found.actor;
      namesActor ||= found.actor !== null && found.actor !== carriedIn;
      clause = found.leadIn;
      if (found.subjectItem) leadIn = null;
    }
    // (Tested only on a lead-in: the pattern is slow to fail on every sentence of a long text.)
    const nounItems = !(body.trimEnd().endsWith(':') && CONTENTS_LEAD_IN.test(body));
    if (clause && !item) {
      bareOpen = true;
      bareRun = false;
    }
    if (clause) {
      const { actor, type, strength, negated } = clause;
      leadIn = { actor: actor.text, parties: actor.parties, type, strength, negated, labelKind: paragraphLabel, nounItems };
    } else if (leadIn && !nounItems) {
      // An item that lists its own contents ("3. To bolster …, which may include:" + "a) Training …").
      leadIn = { ...leadIn, nounItems };
    }
  }
  if (leadIn && (!!leadIn.bare !== bareOpen || !!leadIn.bareRun !== bareRun)) leadIn = { ...leadIn, bare: bareOpen, bareRun };
  // A third party last named carries nothing: "[]", not null (which keeps what came before).
  return { commitments: out, leadIn, carriedParties: namesActor ? (lastSentenceActor && ownParties(lastSentenceActor, input) ? lastSentenceActor.parties : []) : null };
}

/**
 * The input with other terms (a sentence's own). Every field written out, not spread: an object
 * made by a spread in this loop slowed every later read of its fields.
 */
function withTerms(input: ExtractionInput, terms: TermHit[]): ExtractionInput {
  return {
    text: input.text,
    segments: input.segments,
    terms,
    documentParties: input.documentParties,
    glossary: input.glossary,
    organ: input.organ,
    leadIn: input.leadIn,
    offices: input.offices,
    carriedParties: input.carriedParties,
  };
}

/** True when the actor names parties and none is the document's ("Russia" in a G7 statement). */
function thirdParty(actor: Actor, input: ExtractionInput): boolean {
  return input.documentParties.length > 0 && actor.parties.length > 0 && !actor.parties.some((p) => input.documentParties.includes(p));
}

/** True when every party of the actor is a party of the document ("the two sides", "Japan"). */
function ownParties(actor: Actor, input: ExtractionInput): boolean {
  return actor.parties.length > 0 && actor.parties.every((p) => input.documentParties.includes(p));
}

/** A paragraph that opens with "They" (its label aside): the actor carries over from the paragraph before. */
export const PARAGRAPH_PRONOUN = /^(?:\S{1,6}\s+)?They\b|^(?:\S{1,6}\s+)?[A-Z][^,.;:\n]{2,60},\s+they\b/;

/** The words that name an actor, where they stand, and the party ids they resolve to. */
export interface ActorReading {
  text: string;
  span: Span;
  parties: string[];
}

/**
 * The actor that opens the last clause of its sentence starting at or before `offset`, read as
 * detection reads the subject of a predicate ("The Chilean side [noted with appreciation …]",
 * "[We stand together on …]"): what a hand-annotated commitment that detection does not find
 * takes as its actor. English only (a Chinese sentence gives none); null when no such clause
 * opens with an actor.
 */
export function clauseActorAt(input: ExtractionInput, offset: number): ActorReading | null {
  const seg = input.segments.find((s) => s.kind === 'sentence' && s.start <= offset && offset < s.end);
  if (!seg) return null;
  const body = input.text.slice(seg.start, seg.end);
  if (/[\u4e00-\u9fff]/.test(body) && !/[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(body)) return null;
  const tokens = tokenize(input.text, seg.start, seg.end);
  const parties = partyTermsByToken(tokens, input.terms, seg);
  let found: Actor | null = null;
  for (let i = 0; i < tokens.length && tokens[i].start <= offset; i++) {
    if (!isClauseStart(tokens, i)) continue;
    const match: ActorMatch | null =
      readActor(input, tokens, i, parties, found) ?? (ACTOR_OPENING_ADVERBS.has(tokens[i].w) && i + 1 < tokens.length ? readActor(input, tokens, i + 1, parties, found) : null);
    if (match) found = match.actor;
  }
  return found;
}

/** The actor of a list item under a lead-in: the lead-in's, named where the item's label stands. */
function itemActor(leadIn: LeadIn, seg: Segment): Actor {
  return { text: leadIn.actor, span: seg.label ?? { start: seg.start, end: seg.start }, parties: leadIn.parties };
}

/** The clause of a sentence that makes it a lead-in: its actor and what its items will be. */
interface LeadClause {
  actor: Actor;
  type: CommitmentType;
  strength: Strength;
  negated: boolean;
}

// ---------------------------------------------------------------------------------------------
// English

/** A word or punctuation token of a sentence (see {@link tokenize}). */
export interface Token extends Span {
  /** Lower-cased text. */
  w: string;
  /** Original text. */
  t: string;
  word: boolean;
  /** Parenthesis/quote nesting depth at this token. */
  depth: number;
}

interface Actor {
  text: string;
  span: Span;
  parties: string[];
}

interface Predicate {
  /** Token index where the predicate starts (adverbs included). */
  first: number;
  /** Token index just past the trigger words. */
  triggerEndToken: number;
  triggerStart: number;
  triggerEnd: number;
  type: CommitmentType | null;
  strength: Strength;
  negated: boolean;
  form: VerbForm;
  modal: boolean;
  /** True when the predicate is "X to V" (agreed to, ready to…): "and to V" continues it. */
  infinitive: boolean;
  /** Base of the main verb. */
  base: string;
  /** True for "is/are V-ing" ("Japan is providing …") and "announced the launch of": an announcement only by a party of the document. */
  progressive?: boolean;
}

/**
 * Words and punctuation of `text[from, to)`: a word is `[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?`
 * (a trailing period kept only for abbreviations like "U.S."), anything else but white space is
 * one token per code point. A hand-written scanner: a Unicode-property regex cost more than the
 * rest of the extractor. (Exported for tests, which check it against that regex.)
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let straightQuoteOpen = false;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isWhiteSpace(c)) {
      i++;
      continue;
    }
    let end: number;
    const first = letterOrNumberAt(text, i, to);
    if (first > 0) {
      end = i + first;
      for (let k = letterOrNumberAt(text, end, to); k > 0; k = letterOrNumberAt(text, end, to)) end += k;
      for (;;) {
        const joiner = text.charCodeAt(end);
        const next = end < to && (joiner === 0x27 || joiner === 0x2019 || joiner === 0x2e || joiner === 0x2d) ? letterOrNumberAt(text, end + 1, to) : 0;
        if (next === 0) break;
        end += 1 + next;
        for (let k = letterOrNumberAt(text, end, to); k > 0; k = letterOrNumberAt(text, end, to)) end += k;
      }
      if (end < to && text.charCodeAt(end) === 0x2e) end++;
    } else {
      end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1);
    }
    const matched = text.slice(i, end);
    let t = matched;
    // A trailing period belongs to the token only for abbreviations like "U.S."; otherwise split it off.
    if (t.length > 1 && t.endsWith('.') && !ABBREVIATION.test(t)) t = t.slice(0, -1);
    const start = i;
    // (A two-unit symbol such as an emoji counts as a word, as it always has.)
    const word = first > 0 || t.length > 1;
    if (!word) {
      if (t === '(' || t === '[' || t === '“' || t === '«' || t === '‘') depth++;
      else if ((t === ')' || t === ']' || t === '”' || t === '»' || t === '’') && depth > 0) depth--;
      else if (t === '"') {
        if (straightQuoteOpen) depth = Math.max(0, depth - 1);
        else depth++;
        straightQuoteOpen = !straightQuoteOpen;
      }
    }
    // Most tokens are lower-case ASCII already: they are their own lower case, without a call.
    const lower = isLowerAscii(text, start, start + t.length) ? t : lowerWord(t);
    tokens.push({ start, end: start + t.length, w: lower, t, word, depth });
    if (t.length < matched.length) {
      tokens.push({ start: start + t.length, end: start + matched.length, w: '.', t: '.', word: false, depth });
    }
    i = end;
  }
  return tokens;
}

/** True when `text[from, to)` has no capital A–Z and nothing beyond ASCII: lower-casing leaves it as it is. */
function isLowerAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

/** A token's lower case, its curly apostrophes straight. */
function lowerWord(t: string): string {
  const lower = t.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

const ABBREVIATION = /^(?:\p{L}\.)+$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 a letter or number, 2 not (filled as text is seen). */
const letterOrNumberTable = new Uint8Array(65536);

/** The length (1, or 2 for a surrogate pair) of the letter or number at `i`, or 0. */
function letterOrNumberAt(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    if (i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) return LETTER_OR_NUMBER.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  let known = letterOrNumberTable[c];
  if (known === 0) letterOrNumberTable[c] = known = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** What `\s` matches. */
function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What {@link extractEnglish} leaves for the next sentence: the actor to carry, and a lead-in it opens. */
interface SentenceResult {
  actor: Actor | null;
  leadIn: LeadClause | null;
  /** True for a list item under a lead-in that has a subject of its own: it ends the list. */
  subjectItem: boolean;
}

function extractEnglish(input: ExtractionInput, seg: Segment, out: Commitment[], carried: Actor | null, item: LeadIn | null): SentenceResult {
  const tokens = tokenize(input.text, seg.start, seg.end);
  const n = tokens.length;
  const parties = partyTermsByToken(tokens, input.terms, seg);
  let lastActor = carried;
  // The last clause with an actor, for a sentence that turns out to be a lead-in.
  let lastClause: LeadClause | null = null;
  let subjectItem = false;
  // The base of the last predicate ("undertake … :" leads in its complements), and whether the
  // last actor stood without one ("…, we, the ASEAN Foreign Ministers:").
  let lastBase = '';
  let verbless = false;
  const result = (): SentenceResult => {
    const colon = n > 0 && tokens[n - 1].w === ':';
    const opens = opensList(tokens) || (colon && (verbless || COMPLEMENT_LEAD_IN_VERBS.has(lastBase)));
    // "The Participants intend to collaborate …. Focus areas for collaboration are intended to
    // include:": the items are the speakers' pledges, the actor the one before this sentence.
    if (
      !lastClause &&
      colon &&
      carried &&
      !item &&
      INCLUDE_LEAD_IN.test(
        tokens
          .slice(Math.max(0, n - 6))
          .map((t) => t.w)
          .join(' '),
      )
    )
      return { actor: lastActor, leadIn: { actor: carried, type: 'pledge', strength: 'normal', negated: false }, subjectItem };
    if (!lastClause || !opens) return { actor: lastActor, leadIn: null, subjectItem };
    // "We will champion … by:": the items are the means, pledges whatever the lead-in's verb.
    const means = tokens[tokens.length - 2].w === 'by';
    return { actor: lastActor, leadIn: means ? { ...lastClause, type: 'pledge' } : lastClause, subjectItem };
  };

  // A resolution's operative paragraph: "Calls upon …", "Strongly condemns …", the organ as actor.
  if (input.organ && n > 0 && /^\p{Lu}/u.test(tokens[0].t)) {
    let k = 0;
    while (k < n && (STRONG_ADVERBS.has(tokens[k].w) || OTHER_ADVERBS.has(tokens[k].w))) k++;
    const info = k < n ? verbInfo(tokens[k].w) : undefined;
    if (info && info.some((i) => i.form === 's')) {
      const actor: Actor = { text: input.organ.text, span: input.organ.span, parties: input.organ.parties };
      const pred = readPredicate(tokens, 0, 's');
      if (pred) {
        const typed = operativeTyped(pred);
        runChain(input, tokens, actor, typed, out, { operative: true });
        // "7. Requests the Secretary-General, within available resources:" leads in its items.
        const leadIn = tokens[n - 1].w === ':' && typed.type ? { actor, type: typed.type, strength: typed.strength, negated: typed.negated } : null;
        return { actor, leadIn, subjectItem: false };
      }
    }
  }

  let i = 0;
  // A list item under a lead-in that starts with a verb: the lead-in's actor, then the item's chain.
  // An item with a subject of its own ("- We call on China …") is a sentence, and ends the list.
  subjectItem = item !== null && readActor(input, tokens, 0, parties, lastActor) !== null;
  // "1. Catalyze Clean Energy and Create Good Jobs: Deepening …": a run-in heading that starts with a
  // verb is the item; its sentences after the colon are read as any others.
  const heading = item && !subjectItem ? verbHeading(tokens, item) : null;
  if (item && heading) {
    lastActor = itemActor(item, seg);
    emit(input, tokens, lastActor, heading.pred, heading.colon, out);
    i = heading.colon + 1;
  }
  const itemPred = item && !subjectItem && !heading && readItemPredicate(tokens, item);
  if (item && itemPred) {
    lastActor = itemActor(item, seg);
    i = runChain(input, tokens, lastActor, itemPred, out, { item });
  }
  // "1. Hold the third Meeting of High Representatives …" in an action plan: a numbered item in the
  // imperative, under no lead-in, is a pledge of the document's parties.
  const imperative = i === 0 && !item ? imperativeItem(input, seg, tokens) : null;
  if (imperative) {
    lastActor = imperative.actor;
    i = runChain(input, tokens, imperative.actor, imperative.pred, out);
  }
  if (i === 0) ({ at: i, actor: lastActor } = afterSubordinateOpening(input, tokens, parties, lastActor));
  while (i < n) {
    if (!isClauseStart(tokens, i)) {
      i++;
      continue;
    }
    const policy = readPolicy(input, tokens, i, parties, lastActor) ?? (i === 0 ? readStanceSubject(input, tokens, i) : null);
    if (policy) {
      lastActor = policy.actor;
      lastClause = { actor: policy.actor, type: 'pledge', strength: 'normal', negated: false };
      i = runChain(input, tokens, policy.actor, policy.pred, out);
      continue;
    }
    // "Together we intend …", "Today we are launching …": an adverb before the actor, without a comma.
    let actor =
      readActor(input, tokens, i, parties, lastActor) ??
      (ACTOR_OPENING_ADVERBS.has(tokens[i].w) && i + 1 < n ? readActor(input, tokens, i + 1, parties, lastActor) : null) ??
      weAfterOpeningPhrase(input, tokens, i, parties, lastActor);
    if (!actor) {
      i++;
      continue;
    }
    let pred = readPredicate(tokens, skipAdverbials(tokens, actor.endToken));
    // "Japan and India (the “Participants”) commit to …": a definition in brackets after the actor.
    if (!pred && tokens[actor.endToken]?.w === '(') {
      const close = closingBracket(tokens, actor.endToken, 12);
      if (close > 0) pred = readPredicate(tokens, skipAdverbials(tokens, close + 1));
    }
    if (!pred && actor.appositive) {
      // "We, the Leaders of …, met": skip the appositive to the comma before the predicate.
      for (let j = actor.endToken; j < Math.min(n, actor.endToken + 40); j++) {
        if (tokens[j].w === ',' && (pred = readPredicate(tokens, j + 1))) break;
      }
    }
    if (!pred) {
      const after = readAfterParenthetical(input, tokens, actor, parties, lastActor);
      if (after) ({ actor, pred } = after);
    }
    // "Japan is providing …", "we are launching …": an announcement of the document's parties; "Russia
    // is waging …" and "the Quad is harnessing …" (a group at work) are reports, and "We are taking
    // steps to:" leads in the list that carries the commitments.
    if (pred?.progressive && !announces(input, actor, tokens)) pred = { ...pred, type: null };
    // "Russia can end this war …": what another party is able to do is no commitment.
    if (pred?.modal && ABILITY_MODALS.has(tokens[pred.first]?.w ?? '') && !actor.actor.parties.every((p) => input.documentParties.includes(p))) pred = { ...pred, type: null };
    // "Russia must not succeed in wrecking …": what another party must (not) do is the speakers'
    // view of it, not that party's commitment.
    if (pred?.modal && OBLIGATION_MODALS.has(tokens[pred.first]?.w ?? '') && thirdParty(actor.actor, input)) pred = { ...pred, type: null };
    // "Russia continues to wage its war …": what a third party goes on doing is a report.
    if (pred?.base === 'continue' && pred.infinitive && thirdParty(actor.actor, input)) pred = { ...pred, type: null };
    // "They reiterated their expressions of deep sympathy …", "expressed his gratitude for the warm reception".
    if (pred && COURTESY_EXPRESSING_VERBS.has(pred.base) && courtesyObject(tokens, pred.first + 1)) pred = { ...pred, type: null };
    if (!pred) {
      // "We are taking concrete steps to:": an actor without a known predicate may still lead in a list.
      lastClause = { actor: actor.actor, type: 'pledge', strength: 'normal', negated: false };
      verbless ||= actor.appositive;
      i++;
      continue;
    }
    verbless = false;
    lastBase = pred.base;
    // "We promote open and transparent investment screening": in the first person plural the
    // simple present of an action verb is the declarants' own policy.
    if (pred.type === null && pred.form === 'base' && !pred.modal && !pred.negated && actor.actor.text.toLowerCase() === 'we' && PRESENT_POLICY_VERBS.has(pred.base)) {
      pred = { ...pred, type: 'pledge' };
    }
    // "Chile stated that it firmly opposes …", "X said it supports …": the stance reported is the actor's.
    pred = reportedStance(tokens, pred) ?? pred;
    lastActor = actor.actor;
    lastClause = { actor: actor.actor, type: pred.type ?? 'pledge', strength: pred.strength, negated: pred.negated };
    i = runChain(input, tokens, actor.actor, pred, out);
  }
  return result();
}

/**
 * Where the main clause starts after a subordinate clause that opens the sentence ("As the United
 * States and Kenya continue to lead on adaptation, we will …", "If requested, the Parties shall
 * …"): after the first comma, when an actor follows it; else 0. The subordinate clause's verbs
 * are circumstance, not commitments.
 */
function afterSubordinateOpening(input: ExtractionInput, tokens: Token[], parties: Map<number, PartyRun>, lastActor: Actor | null): { at: number; actor: Actor | null } {
  if (!SUBORDINATING_OPENERS.has(tokens[0]?.w ?? '') || !/^\p{Lu}/u.test(tokens[0].t)) return { at: 0, actor: lastActor };
  const comma = tokens.findIndex((t, k) => k > 1 && t.w === ',' && t.depth === 0);
  if (comma < 0) return { at: 0, actor: lastActor };
  // "As France assumes the Presidency …, it will keep …": the pronoun is the subordinate clause's subject.
  // "As the Council meets in May, it will decide": a subject that is no party of ours.
  if (PRONOUN_ACTORS.has(tokens[comma + 1]?.w ?? '')) {
    const subject = readActor(input, tokens, 1, parties, lastActor);
    return { at: comma + 1, actor: subject && subject.actor.parties.length > 0 ? subject.actor : null };
  }
  return readActor(input, tokens, comma + 1, parties, lastActor) ? { at: comma + 1, actor: lastActor } : { at: 0, actor: lastActor };
}

/**
 * "At the same time we will …", "As democratic societies we support …": "we" after a short opening
 * phrase at the start of a sentence, without a comma (at most six words, no punctuation, no verb).
 */
function weAfterOpeningPhrase(input: ExtractionInput, tokens: Token[], i: number, parties: Map<number, PartyRun>, lastActor: Actor | null): ActorMatch | null {
  if (i !== 0 || !OPENING_PHRASE_PREPOSITIONS.has(tokens[0]?.w ?? '') || !/^\p{Lu}/u.test(tokens[0].t)) return null;
  for (let k = 1; k < Math.min(tokens.length, 8); k++) {
    if (tokens[k].t === 'we') return readActor(input, tokens, k, parties, lastActor);
    if (!tokens[k].word || verbInfo(tokens[k].w)) return null;
  }
  return null;
}

/** True when the object after a trigger is headed by a noun of courtesy within its first words ("their expressions of deep sympathy"). */
function courtesyObject(tokens: Token[], k: number): boolean {
  for (let j = k; j < Math.min(tokens.length, k + 5); j++) {
    if (!tokens[j].word) return false;
    if (COURTESY_NOUNS.has(tokens[j].w)) return true;
  }
  return false;
}

/** True when a progressive ("is providing") of this actor announces an action: see its caller. */
function announces(input: ExtractionInput, actor: ActorMatch, tokens: Token[]): boolean {
  const parties = actor.actor.parties;
  return !actor.group && parties.length > 0 && parties.every((p) => input.documentParties.includes(p)) && !opensList(tokens);
}

/** A capitalised word of a name ("Coast", "Howard") at token `at`: not a party, a modal or a verb. */
function isNameWord(tokens: Token[], at: number, parties: Map<number, PartyRun>): boolean {
  const t = tokens[at];
  return !!t && t.word && /^\p{Lu}\p{Ll}/u.test(t.t) && !parties.has(at) && !MODALS.has(t.w) && !verbInfo(t.w);
}

/**
 * After a party's name, the rest of the name of one of its agencies ("the U.S. International
 * Development Finance Corporation (DFC)", "the Japan Coast Guard"): capitalised words that are
 * neither a party nor a verb or modal, and an abbreviation in parentheses, which may also follow the
 * name of an institution in the glossary directly ("the Japan International Cooperation Agency
 * (JICA)"). Returns where it ends.
 */
function skipAgencyName(tokens: Token[], e: number, parties: Map<number, PartyRun>): number {
  const start = e;
  while (isNameWord(tokens, e, parties) || ((tokens[e]?.w === 'for' || tokens[e]?.w === 'of') && e > start && isNameWord(tokens, e + 1, parties))) e++;
  if (tokens[e]?.w === '(' && tokens[e + 2]?.w === ')' && /^\p{Lu}+$/u.test(tokens[e + 1].t)) e += 3;
  return e;
}

/**
 * The predicate after a phrase between commas that follows the actor and opens with a lower-case
 * word ("The United States, under the … Program, plans to …", "India, through its …, will offer"),
 * with more parties after it ("The United States, subject to …, and Japan, with …, intend to"); or
 * null. A relative clause ("Russia, which …, must …") is not such a phrase.
 */
function readAfterParenthetical(
  input: ExtractionInput,
  tokens: Token[],
  found: ActorMatch,
  parties: Map<number, PartyRun>,
  last: Actor | null,
): { actor: ActorMatch; pred: Predicate } | null {
  const n = tokens.length;
  let actor = found;
  for (let more = 0; more < 4; more++) {
    const open = actor.endToken;
    const first = tokens[open + 1];
    if (tokens[open]?.w !== ',' || !first || !/^\p{Ll}/u.test(first.t) || first.w === 'and' || first.w === 'or' || RELATIVE_PRONOUNS.has(first.w)) return null;
    let close = open + 1;
    while (close < n && close < open + 40 && !(tokens[close].w === ',' && tokens[close].depth === 0)) {
      if (tokens[close].w === ';' || tokens[close].w === '.') return null;
      close++;
    }
    if (tokens[close]?.w !== ',') return null;
    if (tokens[close + 1]?.w !== 'and') {
      const pred = readPredicate(tokens, skipAdverbials(tokens, close + 1));
      return pred && { actor, pred };
    }
    const next = readActor(input, tokens, close + 2, parties, last);
    if (!next) return null;
    const span = { start: actor.actor.span.start, end: next.actor.span.end };
    const joined: Actor = { text: input.text.slice(span.start, span.end), span, parties: unique([...actor.actor.parties, ...next.actor.parties]) };
    actor = { actor: joined, endToken: next.endToken, appositive: false };
    const pred = readPredicate(tokens, skipAdverbials(tokens, actor.endToken));
    if (pred) return { actor, pred };
  }
  return null;
}

/**
 * "Our steadfast commitment to supporting Ukraine … will never waver", "Our commitment remains to
 * restrict exports …", "Our support for … remains unwavering": a stance of the speakers named as
 * the subject, kept (a pledge to act, else the stance noun's type).
 */
function readStanceSubject(input: ExtractionInput, tokens: Token[], i: number): { actor: Actor; pred: Predicate } | null {
  if (tokens[i].w !== 'our') return null;
  let j = i + 1;
  while (j < tokens.length && COMMITMENT_ADJECTIVES.has(tokens[j].w)) j++;
  const noun = tokens[j]?.w ?? '';
  const stance = STANCE_NOUNS[noun];
  if (!stance || stance.type === 'request') return null;
  const actor: Actor = { text: input.text.slice(tokens[i].start, tokens[i].end), span: { start: tokens[i].start, end: tokens[i].end }, parties: input.documentParties };
  const at: PredicateStart = { tokens, first: i, verb: i, allowModal: false, strength: 'strong', negated: false, hereby: false };
  const pred = (end: number, type: CommitmentType) => ({ actor, pred: predicate(at, i, end, type, 's', noun) });
  // "Our commitment remains to restrict …".
  if (noun === 'commitment' && tokens[j + 1]?.w === 'remains' && tokens[j + 2]?.w === 'to' && tokens[j + 3] && isInfinitiveVerb(tokens[j + 3])) return pred(j + 4, 'pledge');
  if (!stance.after.includes(tokens[j + 1]?.w ?? '')) return null;
  // The stance is said to hold: "… will never waver", "… remains unwavering", "… is unshakeable".
  let held = false;
  for (let m = j + 2; m < tokens.length && !held; m++) {
    if (tokens[m].w === ';' || tokens[m].w === '.') break;
    held = phraseAt(tokens, m, STANCE_KEPT) > 0;
  }
  if (!held) return null;
  const next = tokens[j + 2];
  const acting = noun === 'commitment' && !!next && !!verbInfo(next.w)?.some((v) => v.form === 'base' || v.form === 'ing');
  return pred(j + 2, acting ? 'pledge' : stance.type);
}

/** "It is the policy of the United States to assist Ukraine …": a pledge of the party named. */
function readPolicy(input: ExtractionInput, tokens: Token[], i: number, parties: Map<number, PartyRun>, last: Actor | null): { actor: Actor; pred: Predicate } | null {
  if (tokens[i].w !== 'it' || tokens[i + 1]?.w !== 'is' || tokens[i + 2]?.w !== 'the' || tokens[i + 3]?.w !== 'policy' || tokens[i + 4]?.w !== 'of') return null;
  const actor = readActor(input, tokens, i + 5, parties, last);
  const to = actor?.endToken ?? -1;
  if (!actor || tokens[to]?.w !== 'to' || !tokens[to + 1] || !isInfinitiveVerb(tokens[to + 1])) return null;
  const base = verbInfo(tokens[to + 1].w)?.find((v) => v.form === 'base')?.base ?? tokens[to + 1].w;
  const pred: Predicate = {
    first: i,
    triggerEndToken: to + 2,
    triggerStart: tokens[i].start,
    triggerEnd: tokens[to + 1].end,
    type: 'pledge',
    strength: 'normal',
    negated: false,
    form: 'base',
    modal: true,
    infinitive: true,
    base,
  };
  return { actor: actor.actor, pred };
}

/**
 * After a reporting verb ("stated", "said", "reiterated") and "[that] it/they/we", the predicate
 * of the actor's own stance, which replaces the report; null when there is none.
 */
function reportedStance(tokens: Token[], pred: Predicate): Predicate | null {
  if (!REPORTING_VERBS.has(pred.base)) return null;
  let k = pred.triggerEndToken;
  if (tokens[k]?.w === 'that') k++;
  if (!PRONOUN_ACTORS.has(tokens[k]?.w ?? '') && tokens[k]?.w !== 'we') return null;
  const inner = readPredicate(tokens, k + 1);
  return inner && inner.type ? inner : null;
}

/** True when a sentence ends in an open predicate and a colon: "… commit to:", "… agree:", "… by:". */
function opensList(tokens: Token[]): boolean {
  const n = tokens.length;
  if (n < 3 || tokens[n - 1].w !== ':') return false;
  const last = tokens[n - 2].w;
  return LEAD_IN_ENDINGS.has(last) || MODALS.has(last) || (verbInfo(last)?.some((i) => INFINITIVE_PLEDGE_VERBS.has(i.base) || triggerType(i.base) !== undefined) ?? false);
}

/**
 * The predicate a list item under a lead-in starts with: "[To] [adverbs] VERB", the verb in its base
 * or -ing form, or a lower-case or capitalised word that reads as a verb ("FULFILL", "Identify").
 * Its type is the lead-in's, except that under a pledge a verb of a type of its own keeps it.
 */
function readItemPredicate(tokens: Token[], leadIn: LeadIn): Predicate | null {
  let k = tokens[0]?.w === 'to' ? 1 : 0;
  if (k >= tokens.length) return null;
  let pred: Predicate | null = null;
  // "To further implementation of …": "further" is the verb when no verb follows it.
  const furtherAsVerb = tokens[k].w === 'further' && !verbInfo(tokens[k + 1]?.w ?? '')?.some((i) => i.form === 'base' || i.form === 'ing');
  if (!furtherAsVerb) pred = readPredicate(tokens, k, 'base', false) ?? readPredicate(tokens, k, 'ing', false);
  if (pred && pred.base === 'be') return null;
  if (!pred) {
    while (k < tokens.length && !furtherAsVerb && (STRONG_ADVERBS.has(tokens[k].w) || OTHER_ADVERBS.has(tokens[k].w))) k++;
    // A word the lexicon does not know is a verb only in capitals ("FULFILL the goals"), after "To", or before a
    // determiner ("drive the transition"): "- human rights" is a noun item.
    // After "To" ("(b) To circulate annually …") the word is an infinitive's verb.
    const unknownVerb =
      k < tokens.length && looksLikeBaseVerb(tokens[k]) && (tokens[k].t === tokens[k].t.toUpperCase() || DETERMINERS.has(tokens[k + 1]?.w ?? '') || tokens[0].w === 'to');
    if (k + 1 >= tokens.length || !(furtherAsVerb || unknownVerb)) return nounItem(tokens, leadIn);
    pred = {
      first: 0,
      triggerEndToken: k + 1,
      triggerStart: tokens[0].start,
      triggerEnd: tokens[k].end,
      type: null,
      strength: 'normal',
      negated: false,
      form: 'base',
      modal: false,
      infinitive: false,
      base: tokens[k].w,
    };
  }
  if (tokens[0].w === 'to') pred = { ...pred, first: 0, triggerStart: tokens[0].start };
  // "NOTE the United Nations General Assembly Resolution …": noting commits to nothing, in a list too.
  if (pred.base === 'note') return { ...pred, type: null };
  return itemTyped(pred, leadIn);
}

/**
 * A run-in heading of a list item that starts with a verb ("Catalyze Clean Energy and Create Good
 * Jobs:", "Protecting Our Shared Waters and the Arctic:"), at most twelve words before a colon:
 * the item's predicate (typed by the lead-in) and where the colon stands; or null. A heading
 * without a verb ("Biotechnology:") is no commitment.
 */
function verbHeading(tokens: Token[], leadIn: LeadIn): { pred: Predicate; colon: number } | null {
  const colon = tokens.findIndex((t) => t.w === ':' && t.depth === 0);
  if (colon < 2 || colon > 12 || colon === tokens.length - 1) return null;
  const head = tokens.slice(0, colon);
  const pred = readPredicate(head, 0, 'base', false) ?? readPredicate(head, 0, 'ing', false);
  if (!pred || pred.base === 'be' || pred.base === 'note') return null;
  return { pred: itemTyped(pred, leadIn), colon };
}

/**
 * True when the paragraph at `i` and the ones after it up to the next sentence are unlabelled list
 * items: two at least (or one ending in ", and"), each at most six words and no sentence of its own
 * (no final period or colon; "Defence, and" may end in a conjunction; no "Done at …"), and what
 * follows them is not a labelled item (then they would be headings of that list).
 */
function bareItems(segments: Segment[], i: number, text: string, inRun: boolean): boolean {
  let j = i;
  for (; j < segments.length && segments[j].paragraphStart && !segments[j].label; j++) {
    const body = text.slice(segments[j].start, segments[j].end).trim();
    const words = body.split(/\s+/).length;
    if (words > 6 || /[.:!?。：]$/.test(body) || CLOSING_FORMULA.test(body)) break;
  }
  // A list has two items at least: one short line after a lead-in is a heading ("Economic Cooperation").
  if (j === i) return false;
  if (!inRun && j - i < 2 && !segments.slice(i, j).some((g) => /,\s*(?:and|or)$/.test(text.slice(g.start, g.end).trim()))) return false;
  return j === segments.length || !segments[j].label;
}

/** The closing lines of a signed text: "Done at Canberra, 5 May 2024", "Signed in …", "Adopted …". */
const CLOSING_FORMULA = /^(?:Done|Signed|Adopted|Issued|Made)\b/;

/** The end of a lead-in whose subject is the topics of the actor before it: "… are intended to include :", "… will include :". */
const INCLUDE_LEAD_IN = /(?:^| )(?:(?:are|is) intended to|will|shall|would) include :$/;

/**
 * A lead-in that lists what its object may comprise: "…, which may include:", "that include:", "Focus
 * areas … are intended to include:" (a noun item under it is a topic, not a commitment).
 */
const CONTENTS_LEAD_IN = /\b(?:(?:which|that)\s+(?:\p{L}+\s+){0,2}includes?|(?:are|is)\s+intended\s+to\s+include)\s*:\s*$/iu;

/**
 * A noun item under a lead-in whose verb takes the items as its object ("Calls for practical steps
 * …:" + "(b) Increased transparency …", "We support:" + "- the Global Development Initiative"): the
 * lead-in's stance on that object, its first word (after a determiner) standing for the trigger. Under a pledge ("We
 * will champion:" + "- human rights") a noun item is a topic, not a commitment.
 */
function nounItem(tokens: Token[], leadIn: LeadIn): Predicate | null {
  if (leadIn.nounItems === false || !tokens[0]?.word) return null;
  // "- Artificial Intelligence (AI): The United States and Singapore resolve to …": a run-in heading
  // before the item's own sentence, whose actor and verbs are read as any sentence's.
  if (tokens.some((t) => t.w === ':' && t.depth === 0)) return null;
  const head = DETERMINERS.has(tokens[0].w) && tokens[1]?.word ? 1 : 0;
  return {
    first: 0,
    triggerEndToken: head + 1,
    triggerStart: tokens[head].start,
    triggerEnd: tokens[head].end,
    type: leadIn.type,
    strength: leadIn.strength,
    negated: leadIn.negated,
    form: 'base',
    modal: false,
    infinitive: false,
    base: tokens[0].w,
  };
}

/** A predicate under a lead-in: the lead-in's type (a verb's own type under a pledge), strength and negation. */
function itemTyped(pred: Predicate, leadIn: LeadIn): Predicate {
  const type = leadIn.type === 'pledge' ? (pred.type ?? 'pledge') : leadIn.type;
  const strength = pred.strength === 'normal' ? leadIn.strength : pred.strength;
  return { ...pred, type, strength, negated: pred.negated || leadIn.negated };
}

/** A word the lexicon does not know that reads as a verb in its base form: not a determiner, not a noun, adjective or inflected form. */
function looksLikeBaseVerb(tok: Token): boolean {
  if (!tok.word || !/^[\p{L}-]+$/u.test(tok.t) || NOT_VERBS_AFTER_TO.has(tok.w)) return false;
  if (verbInfo(tok.w)) return verbInfo(tok.w)!.some((i) => i.form === 'base');
  return !NOT_BASE_VERB_ENDINGS.test(tok.w);
}

/** A clause may start here: the sentence start, or after a comma, semicolon, colon or conjunction. */
function isClauseStart(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1];
  if (prev.depth > 0 || tokens[i].depth > 0) return false;
  return (
    prev.w === ',' || prev.w === ';' || prev.w === ':' || prev.w === 'and' || prev.w === 'but' || prev.w === 'while' || prev.w === 'whereas' || prev.w === '—' || prev.w === '–'
  );
}

interface PartyRun {
  endToken: number;
  ids: string[];
  /** True for a group that stands for its members ("the Quad"), not a party itself. */
  group: boolean;
}

/** For each token that starts a party (or institution) term, where the term ends and its id. */
function partyTermsByToken(tokens: Token[], terms: TermHit[], seg: Segment): Map<number, PartyRun> {
  const map = new Map<number, PartyRun>();
  let t = 0;
  for (const term of terms) {
    if (term.end <= seg.start || term.start >= seg.end) continue;
    const ids = actorIds(term);
    if (!ids) continue;
    while (t < tokens.length && tokens[t].start < term.start) t++;
    if (t >= tokens.length || tokens[t].start !== term.start) continue;
    let e = t;
    while (e < tokens.length && tokens[e].end <= term.end) e++;
    // A term that does not cover whole tokens (Latin glued to Chinese: "反China") is no actor.
    if (e > t && tokens[e - 1].end === term.end) map.set(t, { endToken: e, ids, group: term.kind !== 'party' && !!term.entry?.members?.length });
  }
  return map;
}

/**
 * The parties a term stands for as an actor: a party or institution itself, a group that is not a
 * party (the G7) its members, a person or agency the party it speaks for ("President Biden" → US).
 */
function actorIds(term: TermHit): string[] | undefined {
  if (term.kind === 'party') return [term.id];
  if (term.entry?.members?.length) return term.entry.members;
  if (term.entry?.party) return [term.entry.party];
  return term.kind === 'institution' ? [term.id] : undefined;
}

interface ActorMatch {
  actor: Actor;
  endToken: number;
  appositive: boolean;
  /** True when the actor is a group standing for its members ("the Quad"). */
  group?: boolean;
}

/** The parties of the persons named in tokens [from, to): by their glossary entries, or by the document's offices ("name:lavrov"). */
function namedParties(input: ExtractionInput, tokens: Token[], from: number, to: number): string[] {
  const ids: string[] = [];
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  for (const t of input.terms) {
    if (t.start < start || t.end > end || t.kind !== 'person') continue;
    const party = input.glossary?.byId.get(t.id)?.party;
    if (party) ids.push(party);
  }
  for (let k = from; k < to; k++) {
    const party = input.offices?.get(`name:${tokens[k].w}`);
    if (party) ids.push(party);
  }
  // "Prime Ministers Najib and Gillard" with Gillard known alone: a name not known is one of the
  // document's own parties, when the known ones are too.
  const names = 1 + tokens.slice(from, to).filter((t) => t.w === 'and' || t.w === ',').length;
  const found = unique(ids);
  if (found.length < names && input.documentParties.length > found.length && found.every((p) => input.documentParties.includes(p)))
    return unique([...found, ...input.documentParties]);
  return found;
}

/** Plural titles a list of names may follow ("Prime Ministers John Key and Julia Gillard met …"). */
const PLURAL_TITLES = new Set(['ministers', 'presidents', 'leaders']);

/**
 * A numbered paragraph ("1.", "2)") that opens with a verb in the imperative and its object ("Hold
 * the meeting …", "Strengthen cooperation …"), in a document with parties and no organ: their pledge.
 */
function imperativeItem(input: ExtractionInput, seg: Segment, tokens: Token[]): { actor: Actor; pred: Predicate } | null {
  if (!seg.label || input.organ || input.documentParties.length === 0 || !/^[\p{Lu}]\p{Ll}+$/u.test(tokens[0]?.t ?? '')) return null;
  if (!/\d/.test(input.text.slice(seg.label.start, seg.label.end))) return null;
  const next = tokens[1];
  // "Support for …", "Hold-ups": the word is a noun there.
  if (!next?.word || NOT_AFTER_IMPERATIVE.has(next.w)) return null;
  const pred = readPredicate(tokens, 0, 'base', false);
  if (!pred || pred.first !== 0) return null;
  const actor: Actor = { text: '', span: { start: seg.start, end: seg.start }, parties: input.documentParties };
  return { actor, pred: { ...pred, type: pred.type ?? 'pledge' } };
}

/** True when the sentence opens with a participle phrase: "Recognizing …", "While fully respecting …", "Noting …". */
function participleOpening(tokens: Token[]): boolean {
  let k = tokens[0]?.w === 'while' || tokens[0]?.w === 'whilst' ? 1 : 0;
  while (k < tokens.length && (STRONG_ADVERBS.has(tokens[k].w) || /^\p{Ll}{3,}ly$/u.test(tokens[k].t))) k++;
  return /^\p{L}{3,}ing$/u.test(tokens[k]?.t ?? '') && (k > 0 || /^\p{Lu}/u.test(tokens[0].t));
}

/** {@link BODY_HEADS} as word sequences, the longest first. */
const PLURAL_HEADS = BODY_HEADS.map((h) => h.split(' ')).sort((a, b) => b.length - a.length);

/**
 * "[the] Forum Leaders", "Commonwealth Heads of Government": one to four capitalised words that are
 * neither a party nor a verb, then a plural head; the token after it, or 0.
 */
function namedBodyHead(tokens: Token[], i: number, parties: Map<number, PartyRun>): number {
  let j = tokens[i]?.w === 'the' ? i + 1 : i;
  const first = j;
  while (j < first + 4 && isNameWord(tokens, j, parties) && !PLURAL_HEADS.some((h) => h[0] === tokens[j].w)) j++;
  if (j === first) return 0;
  const head = phraseAt(tokens, j, PLURAL_HEADS);
  return head > 0 ? j + head : 0;
}

/** {@link COLLECTIVE_ACTORS} by their first word. */
const COLLECTIVE_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of COLLECTIVE_ACTORS) COLLECTIVE_BY_FIRST_WORD.set(phrase[0], [...(COLLECTIVE_BY_FIRST_WORD.get(phrase[0]) ?? []), phrase]);

/**
 * The actor at token i: a collective phrase ("the two sides", "our three nations", "We"), a pronoun
 * carrying on the last actor, or parties ("the Government of Kenya", "Norway and Iceland", "the
 * Quad partners", "President Biden") with the words that still belong to them.
 */
function readActor(input: ExtractionInput, tokens: Token[], i: number, parties: Map<number, PartyRun>, last: Actor | null): ActorMatch | null {
  const n = tokens.length;
  const span = (a: number, b: number): Span => ({ start: tokens[a].start, end: tokens[b - 1].end });
  const textOf = (a: number, b: number) => input.text.slice(tokens[a].start, tokens[b - 1].end);

  for (const phrase of COLLECTIVE_BY_FIRST_WORD.get(tokens[i].w) ?? []) {
    if (i + phrase.length > n) continue;
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) ok = tokens[i + j].w === phrase[j];
    if (!ok) continue;
    let end = i + phrase.length;
    // "the two sides'": a possessive is not a subject.
    if (end < n && (tokens[end].w === "'" || tokens[end].w === "'s")) continue;
    // "Prime Ministers John Key and Julia Gillard": the names after a plural title, who speak for
    // the parties they are known for, and for the document's parties when none is known; a third
    // party among them ("Foreign Ministers Wang and Lavrov will meet") makes it no actor of ours.
    let named: string[] | undefined;
    if (PLURAL_TITLES.has(phrase[phrase.length - 1]) && isNameWord(tokens, end, parties)) {
      let e = end;
      while (isNameWord(tokens, e, parties) || (tokens[e]?.w === 'and' && isNameWord(tokens, e + 1, parties))) e++;
      named = namedParties(input, tokens, end, e);
      if (named.some((p) => !input.documentParties.includes(p))) continue;
      end = e;
    }
    const appositive = phrase.length === 1 && phrase[0] === 'we' && end < n && tokens[end].w === ',';
    return { actor: { text: textOf(i, end), span: span(i, end), parties: named?.length ? named : input.documentParties }, endToken: end, appositive };
  }
  // "Forum Leaders", "Commonwealth Heads of Government": a body's name that is no party, before a
  // plural head, names the speakers as "the leaders" does.
  const body = namedBodyHead(tokens, i, parties);
  if (body > 0) return { actor: { text: textOf(i, body), span: span(i, body), parties: input.documentParties }, endToken: body, appositive: false };
  // "They …", and after a short opening phrase: "In this regard, they expressed …".
  // "As France assumes the Presidency …, it will …": after a subordinate clause that opens the sentence.
  const opening =
    i === 0 ||
    (i <= 6 && tokens[i - 1].w === ',' && !tokens.slice(0, i - 1).some((t) => t.w === ',' || PRONOUN_ACTORS.has(t.w))) ||
    (i > 2 && tokens[i - 1].w === ',' && SUBORDINATING_OPENERS.has(tokens[0].w) && !tokens.slice(1, i - 1).some((t) => t.w === ',' && t.depth === 0)) ||
    // "Recognizing the importance of …, especially …, they committed …", "While fully respecting …, they reject …".
    (i > 2 && tokens[i - 1].w === ',' && participleOpening(tokens) && !tokens.slice(1, i - 1).some((t) => PRONOUN_ACTORS.has(t.w) || t.w === 'we' || t.w === ';'));
  // "The leaders reaffirmed …, and they committed to …": the subject of this very sentence, named
  // in the third person, goes on after ", and".
  const sameSubject =
    i >= 2 &&
    tokens[i - 1].w === 'and' &&
    tokens[i - 2].w === ',' &&
    !!last &&
    last.span.start >= tokens[0].start &&
    !/^(?:we|our|us)\b/i.test(last.text) &&
    // "…, and they must stop": a modal after "they" is more often what others are to do.
    !MODALS.has(tokens[i + 1]?.w ?? '');
  // "We welcome the EU's Ukraine Facility. It will provide …": "it" is never the speakers "we" nor
  // several parties; it names something else.
  const notIt = tokens[i].w === 'it' && !!last && (/^(?:we|our|us)\b/i.test(last.text) || last.parties.length > 1);
  if (PRONOUN_ACTORS.has(tokens[i].w) && last && (opening || sameSubject) && !notIt) {
    return { actor: { text: textOf(i, i + 1), span: span(i, i + 1), parties: last.parties }, endToken: i + 1, appositive: false };
  }

  // Parties: "[the] (Government|President…) of [the] X", "[the] X [side]", joined by "and" / ",".
  let k = i;
  const ids: string[] = [];
  let end = -1;
  let group = false;
  for (;;) {
    let j = k;
    if (j < n && tokens[j].w === 'the' && !parties.has(j)) j++;
    j = partyAfterTitle(tokens, j, parties) ?? j;
    const run = parties.get(j) ?? officeRun(tokens, j, input.offices, parties);
    if (!run) break;
    let e = run.endToken;
    // "President Yoon Suk Yeol of the Republic of Korea", "President Joseph R. Biden, Jr. of the
    // United States": a person of the glossary, with the party after "of".
    let own = run.ids;
    const of = partyAfterOf(tokens, skipNameSuffix(tokens, e), parties);
    if (of && !run.group) {
      own = of.ids;
      e = of.endToken;
    }
    ids.push(...own);
    group ||= run.group;
    if (e < n && (tokens[e].w === "'s" || tokens[e].w === "'")) e++;
    while (e < n && ACTOR_HEAD_NOUNS.has(tokens[e].w)) e++;
    e = skipAgencyName(tokens, e, parties);
    end = e;
    // Continue a list of parties: "Norway and Iceland", "China, Russia and India".
    if (e + 1 < n && (tokens[e].w === 'and' || tokens[e].w === ',')) {
      let next = e + 1;
      if (tokens[next].w === 'and') next++;
      let probe = next;
      if (probe < n && tokens[probe].w === 'the') probe++;
      const office = !parties.has(probe) && officeRun(tokens, probe, input.offices, parties);
      if (
        parties.has(probe) ||
        office ||
        partyAfterTitle(tokens, probe, parties) !== undefined ||
        (probe + 2 < n && ACTOR_OF_NOUNS.has(tokens[probe].w) && tokens[probe + 1].w === 'of')
      ) {
        k = next;
        continue;
      }
    }
    break;
  }
  if (end === -1) return null;
  return { actor: { text: textOf(i, end), span: span(i, end), parties: unique(ids) }, endToken: end, appositive: false, group };
}

/**
 * "Government of [the] X", "Prime Minister of X", "Chancellor of X": the token where the party
 * after a noun of {@link ACTOR_OF_NOUNS} or a title of office and "of (the)" starts, or undefined.
 */
function partyAfterTitle(tokens: Token[], j: number, parties: Map<number, PartyRun>): number | undefined {
  let m = j;
  const title = phraseAt(tokens, j, OFFICE_TITLE_WORDS);
  if (title > 0) m += title;
  else if (ACTOR_OF_NOUNS.has(tokens[j]?.w ?? '')) m += tokens[j].w === 'prime' && tokens[j + 1]?.w === 'minister' ? 2 : 1;
  else return undefined;
  if (tokens[m]?.w !== 'of') return undefined;
  m++;
  if (tokens[m]?.w === 'the') m++;
  return parties.has(m) ? m : undefined;
}

/**
 * "the Prime Minister", "Prime Minister Howard", "President Megawati Soekarnoputri": a title of office
 * the document ties to one party (see `ExtractionInput.offices`), with the name after it.
 */
function officeRun(tokens: Token[], j: number, offices: ReadonlyMap<string, string> | undefined, parties: Map<number, PartyRun>): PartyRun | undefined {
  for (const title of OFFICE_TITLE_WORDS) {
    if (!title.every((w, x) => tokens[j + x]?.w === w)) continue;
    let e = j + title.length;
    // "of Australia" makes it a party run of its own; here only a name may follow.
    if (tokens[e]?.w === 'of') return undefined;
    // "Prime Minister [Kishida]", "President [Yoon Suk Yeol] of the Republic of Korea": a person of
    // the glossary after the title speaks for their party, or for the party after "of".
    const person = parties.get(e);
    if (person && !person.group) {
      // "President Joseph R. Biden, Jr. of the United States": the suffix belongs to the name.
      const end = skipNameSuffix(tokens, person.endToken);
      const of = partyAfterOf(tokens, end, parties);
      return of ? { ids: of.ids, endToken: of.endToken, group: false } : { ids: person.ids, endToken: end, group: false };
    }
    let named: string | undefined;
    while (isNameWord(tokens, e, parties)) {
      named ??= offices?.get(`name:${tokens[e].w}`);
      e++;
    }
    // "Prime Minister Yasuo Fukuda of Japan": the party after the name.
    const of = e > j + title.length ? partyAfterOf(tokens, e, parties) : undefined;
    if (of) return { ids: of.ids, endToken: of.endToken, group: false };
    // The name decides where two parties share the title ("Prime Minister Singh" beside Abe).
    const party = named ?? offices?.get(title.join(' '));
    return party ? { ids: [party], endToken: e, group: false } : undefined;
  }
  // "Dr Singh and Mr Rudd": an honorific decides nothing, the name the head tied to a party does.
  if (HONORIFICS.has(tokens[j]?.w ?? '') && isNameWord(tokens, j + 1, parties)) {
    const named = offices?.get(`name:${tokens[j + 1].w}`);
    let e = j + 1;
    while (isNameWord(tokens, e, parties)) e++;
    return named ? { ids: [named], endToken: e, group: false } : undefined;
  }
  return undefined;
}

/** The party (not a group) named by "of (the) X" at `e`, after a person or a title's name; or undefined. */
function partyAfterOf(tokens: Token[], e: number, parties: Map<number, PartyRun>): PartyRun | undefined {
  if (tokens[e]?.w !== 'of') return undefined;
  const run = parties.get(e + 1) ?? (tokens[e + 1]?.w === 'the' ? parties.get(e + 2) : undefined);
  return run && !run.group ? run : undefined;
}

/** After a name, past ", Jr." or ", Sr." when it follows; else `e`. */
function skipNameSuffix(tokens: Token[], e: number): number {
  if (tokens[e]?.w !== ',' || !/^(?:jr|sr)\.?$/.test(tokens[e + 1]?.w ?? '')) return e;
  return tokens[e + 2]?.w === '.' ? e + 3 : e + 2;
}

/** {@link OFFICE_TITLES} as word sequences, longest first. */
const OFFICE_TITLE_WORDS = OFFICE_TITLES.map((t) => t.split(' ')).sort((a, b) => b.length - a.length);

/** Skips what may stand between an actor and its verb: "on Thursday", "also", "once again", ", for their part,". */
function skipAdverbials(tokens: Token[], k: number): number {
  const n = tokens.length;
  for (;;) {
    if (k < n && tokens[k].w === 'on' && k + 1 < n && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tokens[k + 1].w)) {
      k += 2;
      continue;
    }
    if (k + 2 < n && tokens[k].w === 'for' && tokens[k + 1].w === 'their' && tokens[k + 2].w === 'part') {
      k += 3;
      continue;
    }
    if (k < n && tokens[k].w === ',' && k + 1 < n && (OTHER_ADVERBS.has(tokens[k + 1].w) || STRONG_ADVERBS.has(tokens[k + 1].w) || tokens[k + 1].w === 'for')) {
      k++;
      continue;
    }
    if (k < n && tokens[k].w === ',' && k > 0) {
      // A parenthetical between commas right after the actor: ", for their part," is handled above; others end the actor.
      return k;
    }
    // "Forum Leaders while respecting the principle of non-interference … committed themselves …":
    // a participle phrase after "while" before the verb.
    if (k + 1 < n && (tokens[k].w === 'while' || tokens[k].w === 'whilst') && /ing$/.test(tokens[k + 1].w)) {
      for (let m = k + 2; m < Math.min(n, k + 30); m++) {
        if (tokens[m].w === ',' || tokens[m].w === ';' || tokens[m].w === '.') break;
        if (verbInfo(tokens[m].w)?.some((i) => (i.form === 'ed' || i.form === 's') && triggerType(i.base) !== undefined)) return m;
      }
    }
    return k;
  }
}

/**
 * Reads a predicate at token k: adverbs, then one of the shapes of {@link PREDICATE_READERS} (a modal
 * + verb, "do not" + verb, "be ready/committed to", "expressed readiness to", a finite verb with
 * its complement). With `form`, only a verb of that form is accepted (chain continuations).
 */
function readPredicate(tokens: Token[], k: number, form?: VerbForm | 'modal', allowModal = true): Predicate | null {
  const { end: verb, strength, negated, hereby } = readAdverbs(tokens, k);
  if (verb >= tokens.length || !tokens[verb].word) return null;
  const at: PredicateStart = { tokens, first: k, verb, form, allowModal, strength, negated, hereby };
  for (const reader of PREDICATE_READERS) {
    const pred = reader(at);
    if (pred) return pred;
  }
  return null;
}

/** Where a predicate starts: its first token, the adverbs before the verb read, and what is asked for. */
interface PredicateStart {
  tokens: Token[];
  /** Token index where the predicate starts (adverbs included). */
  first: number;
  /** Token index of the first word after the adverbs. */
  verb: number;
  /** Only a verb of this form is accepted ('modal': a modal, or a base form after one). */
  form?: VerbForm | 'modal';
  /** False where a modal may not open the predicate (list items, continuations in a modal chain). */
  allowModal: boolean;
  strength: Strength;
  negated: boolean;
  /** True when "hereby" stands among the adverbs: a performative ("The Parties hereby establish"). */
  hereby: boolean;
}

/** The shapes of an English predicate, tried in order; each returns null when the words are not its shape. */
const PREDICATE_READERS: ((at: PredicateStart) => Predicate | null)[] = [readModal, readNegatedDo, readPerfect, readCopula, readExpressed, readFiniteVerb, readUnknownPast];

/**
 * A past tense the lexicon does not know ("The leaders reflected on …"): a predicate that commits to
 * nothing, so that its actor is known to the clauses after it ("… and condemned …", "They …").
 */
function readUnknownPast(at: PredicateStart): Predicate | null {
  const t = at.tokens[at.verb];
  if (at.form !== undefined || verbInfo(t.w) || !/^\p{Ll}{3,}ed$/u.test(t.t)) return null;
  const next = at.tokens[at.verb + 1];
  // "The leaders concerned agreed …": a participle before the verb.
  if (next && (verbInfo(next.w)?.length || MODALS.has(next.w))) return null;
  return predicate(at, at.verb, at.verb + 1, null, 'ed', t.w);
}

/** The length of the first of `phrases` (word lists) that stands at token `k`, or 0. */
function phraseAt(tokens: Token[], k: number, phrases: readonly (readonly string[])[]): number {
  return phrases.find((p) => p.every((w, x) => tokens[k + x]?.w === w))?.length ?? 0;
}

/** Adverbs from token k ("firmly", "also", "once again", "not"): where they end, and what they make of the predicate. */
function readAdverbs(tokens: Token[], k: number): { end: number; strength: Strength; negated: boolean; hereby: boolean } {
  let strength: Strength = 'normal';
  let negated = false;
  let hereby = false;
  for (;;) {
    // "shall in particular encourage", "will, as appropriate, …": a two-word adverbial.
    const pair = phraseAt(tokens, k, ADVERBIAL_PAIRS);
    if (pair > 0) {
      k += pair;
      continue;
    }
    if (!(k < tokens.length && (STRONG_ADVERBS.has(tokens[k].w) || OTHER_ADVERBS.has(tokens[k].w) || (tokens[k].w === 'once' && tokens[k + 1]?.w === 'again')))) break;
    if (STRONG_ADVERBS.has(tokens[k].w)) strength = 'strong';
    if (tokens[k].w === 'not' || tokens[k].w === 'never') negated = true;
    if (tokens[k].w === 'hereby') hereby = true;
    k++;
  }
  return { end: k, strength, negated, hereby };
}

/** A predicate of `at` whose trigger runs from token `startTok` to just before `endTok`. */
function predicate(at: PredicateStart, startTok: number, endTok: number, type: CommitmentType | null, form: VerbForm, base: string, extra: Partial<Predicate> = {}): Predicate {
  return {
    first: at.first,
    triggerEndToken: endTok,
    triggerStart: at.tokens[startTok].start,
    triggerEnd: at.tokens[endTok - 1].end,
    type,
    strength: at.strength,
    negated: at.negated,
    form,
    modal: false,
    infinitive: false,
    base,
    ...extra,
  };
}

/** Modal + verb: "will (not) (further) deepen", "shall, at the request of …, meet", "may establish". */
function readModal(at: PredicateStart): Predicate | null {
  const { tokens } = at;
  const n = tokens.length;
  const modalTok = at.verb;
  if (!MODALS.has(tokens[modalTok].w) || !at.allowModal || !(at.form === undefined || at.form === 'modal' || at.form === 'base')) return null;
  let adverbs = readAdverbs(tokens, modalTok + 1);
  let k = skipInterruption(tokens, adverbs.end);
  let strength: Strength = adverbs.strength === 'strong' ? 'strong' : at.strength;
  let negated = at.negated || adverbs.negated;
  adverbs = readAdverbs(tokens, k);
  k = adverbs.end;
  if (adverbs.strength === 'strong') strength = 'strong';
  if (adverbs.negated) negated = true;
  if (k >= n || !tokens[k].word) return null;
  const verb = tokens[k].w;
  let end = k + 1;
  const base = verbInfo(verb)?.find((i) => i.form === 'base')?.base ?? verb;
  if (base === 'continue' && end + 1 < n && tokens[end].w === 'to' && tokens[end + 1].word) {
    end += 2;
  }
  if (base === 'be' && end + 1 < n && READINESS_ADJECTIVES.has(tokens[end].w) && tokens[end + 1].w === 'to') {
    end += 2;
    if (end < n && tokens[end].word) end++;
  }
  if (/^[\p{Lu}\d]/u.test(tokens[k].t) && tokens[k].w !== 'i') return null; // "… will Kenya …": not a verb
  // "will (not) support", "will oppose": the position verb gives the type, the modal does not.
  // "will urge all parties to …", "will ask them to convene": a request to others, not a pledge.
  let type: CommitmentType = positionType(base) ?? (triggerType(base) === 'request' ? 'request' : 'pledge');
  if (negated && (base === 'tolerate' || base === 'accept' || base === 'condone')) {
    type = 'oppose';
    negated = false;
  }
  if (WEAK_MODALS.has(tokens[modalTok].w) || WEAK_VERBS.has(base)) strength = 'weak';
  if (base === 'work' && end < n && tokens[end].w === 'together') end++;
  // "Russia must not prevail", "… will not succeed": an outcome, which nobody can commit to.
  if (OUTCOME_VERBS.has(verb)) return predicate({ ...at, strength, negated }, modalTok, end, null, 'base', base, { modal: true });
  return predicate({ ...at, strength, negated }, modalTok, end, type, 'base', base, { modal: true });
}

/** "Chile does not support the proposal": the verb's own type, negated. */
function readNegatedDo(at: PredicateStart): Predicate | null {
  const { tokens } = at;
  const aux = at.verb;
  const w = tokens[aux].w;
  const form: VerbForm | undefined = w === 'does' ? 's' : w === 'did' ? 'ed' : w === 'do' ? 'base' : undefined;
  if (!form || tokens[aux + 1]?.w !== 'not' || (at.form !== undefined && at.form !== form)) return null;
  const adverbs = readAdverbs(tokens, aux + 2);
  const k = adverbs.end;
  const info = k < tokens.length ? verbInfo(tokens[k].w)?.find((i) => i.form === 'base') : undefined;
  if (!info) return null;
  const strength = adverbs.strength === 'strong' ? 'strong' : at.strength;
  return predicate({ ...at, strength, negated: true }, aux, k + 1, triggerType(info.base) ?? null, form, info.base);
}

/**
 * The present perfect of a verb of commitment with its infinitive: "have committed to develop",
 * "has agreed to hold" (a pledge made now). Other perfects ("have signed", "has long supported")
 * report what was done: no commitment.
 */
function readPerfect(at: PredicateStart): Predicate | null {
  const { tokens } = at;
  const aux = tokens[at.verb].w;
  const form: VerbForm | undefined = aux === 'have' ? 'base' : aux === 'has' ? 's' : undefined;
  if (!form || (at.form !== undefined && at.form !== form && !(at.form === 'modal' && form === 'base'))) return null;
  const adverbs = readAdverbs(tokens, at.verb + 1);
  const k = adverbs.end;
  const info = k < tokens.length ? verbInfo(tokens[k].w)?.find((i) => i.form === 'ed') : undefined;
  if (!info) return null;
  const strength = adverbs.strength === 'strong' ? 'strong' : at.strength;
  const stance: PredicateStart = { ...at, strength, negated: at.negated || adverbs.negated };
  // "have asked senior officials to finalise …", "has tasked the ministers to …": a task given now.
  if (PERFECT_REQUEST_VERBS.has(info.base) && objectThenInfinitive(tokens, k + 1)) return predicate(stance, at.verb, k + 1, 'request', form, info.base);
  // "have today announced a commitment to enter into …": an undertaking made now.
  if (info.base === 'announce') {
    const announced = announcedCommitment(tokens, k + 1);
    if (announced !== null) return predicate(stance, at.verb, announced, 'pledge', form, info.base, { infinitive: true });
  }
  const complement = PERFECT_PLEDGE_VERBS.has(info.base) ? readInfinitiveComplement({ at: stance, k, base: info.base, form: 'ed' }) : null;
  if (complement?.type !== 'pledge') return predicate(stance, at.verb, k + 1, null, form, info.base);
  return predicate(stance, at.verb, k + 1 + complement.length, 'pledge', form, info.base, { infinitive: complement.infinitive ?? false });
}

/**
 * Whether a short object and "to" + a verb follow at `j` ("senior officials to finalise", "the
 * Ministers to develop"): a task given to others, not a report of what was asked.
 */
function objectThenInfinitive(tokens: Token[], j: number): boolean {
  const to = toAfterObject(tokens, j + 1, j + 8);
  return to >= 0 && isInfinitiveVerb(tokens[to + 1]);
}

/**
 * Where "to" stands from `from` (before `until`), with only words before it and a word after it
 * ("senior officials to finalise", "other coastal countries to join"); or -1.
 */
function toAfterObject(tokens: Token[], from: number, until: number): number {
  for (let m = from; m < Math.min(tokens.length - 1, until); m++) {
    if (!tokens[m].word) return -1;
    if (tokens[m].w === 'to') return m;
  }
  return -1;
}

/**
 * After "announce(d)": "a (renewed) commitment to" + a verb or gerund — an undertaking, unlike a
 * commitment to a value ("announced their commitment to democracy"). The token after "to", or null.
 */
function announcedCommitment(tokens: Token[], j: number): number | null {
  const stance = stanceNoun(tokens, j);
  if (stance?.type !== 'affirm') return null;
  const next = tokens[stance.end];
  if (!next) return null;
  const gerund = verbInfo(next.w)?.some((i) => i.form === 'ing') || (/^\p{Ll}{3,}ing$/u.test(next.t) && !ING_NOUNS.has(next.w));
  return gerund || verbInfo(next.w)?.some((i) => i.form === 'base') ? stance.end + 1 : null;
}

/** A copula and its complement: "are ready to V", "remain committed to", "remain opposed", "are steadfast in our commitment to"; a bare "is" reads as no commitment. */
function readCopula(at: PredicateStart): Predicate | null {
  const { tokens } = at;
  const copula = at.verb;
  const w = tokens[copula].w;
  const form = COPULA_FORMS[w];
  if (!form || copula + 1 >= tokens.length) return null;
  const adverbs = readAdverbs(tokens, copula + 1);
  const k = adverbs.end;
  const after: PredicateStart = { ...at, strength: adverbs.strength === 'strong' ? 'strong' : at.strength, negated: at.negated || adverbs.negated };
  if (READINESS_ADJECTIVES.has(tokens[k]?.w ?? '') && tokens[k + 1]?.w === 'to') {
    const next = tokens[k + 2];
    const nextIsVerb = next && verbInfo(next.w)?.some((i) => i.form === 'base');
    // "are committed to peace" affirms; "are committed to addressing food insecurity" pledges an action.
    const nextIsGerund = next && (verbInfo(next.w)?.some((i) => i.form === 'ing') || (/^\p{Ll}{3,}ing$/u.test(next.t) && !ING_NOUNS.has(next.w)));
    if (tokens[k].w === 'committed' && nextIsGerund) return predicate(after, copula, k + 3, 'pledge', form, 'be', { infinitive: true });
    if (tokens[k].w === 'committed' && !nextIsVerb) return predicate(after, copula, k + 2, 'affirm', form, 'remain');
    // "are proud to have hosted": a perfect infinitive looks back, it commits to nothing.
    if (next?.w === 'have') return null;
    return predicate(after, copula, next && next.word ? k + 3 : k + 2, 'pledge', form, 'be', { infinitive: true });
  }
  if ((tokens[k]?.w === 'opposed' || tokens[k]?.w === 'against') && w.startsWith('remain')) return predicate(after, copula, k + 1, 'oppose', 's', 'remain');
  // "are steadfast / united in our commitment to …" (an affirmation), "remain united and resolute
  // in our support of …" (a support), "remain steadfast in their pursuit of …" (an affirmation).
  if (UNITED_ADJECTIVES.has(tokens[k]?.w ?? '')) {
    const u = tokens[k + 1]?.w === 'and' && UNITED_ADJECTIVES.has(tokens[k + 2]?.w ?? '') ? k + 2 : k;
    const noun = tokens[u + 3]?.w ?? '';
    const stance = UNITED_STANCES[noun];
    if (tokens[u + 1]?.w === 'in' && POSSESSIVES.has(tokens[u + 2]?.w ?? '') && stance && stance.after.includes(tokens[u + 4]?.w ?? ''))
      return predicate(after, copula, u + 5, stance.type, 'base', 'be');
  }
  // "Australia is announcing …", "we are launching …": an announced action (see `progressive`).
  const ing = at.form === undefined && (w === 'is' || w === 'are') ? verbInfo(tokens[k]?.w ?? '')?.find((i) => i.form === 'ing') : undefined;
  // "We are calling for action from …", "are urging …": a request under way is a request.
  const asking = ing && (triggerType(ing.base) === 'request' || (ing.base === 'call' && /^(?:for|on|upon)$/.test(tokens[k + 1]?.w ?? '')));
  if (ing) return predicate(after, copula, k + 1, positionType(ing.base) ?? (asking ? 'request' : 'pledge'), form, ing.base, { progressive: true });
  if (w === 'are' || w === 'is' || w === 'were' || w === 'was') return predicate(after, copula, copula + 1, null, form, 'be');
  return null;
}

/**
 * "confirmed our intention to further enhance …", "showed their willingness to foster …": a
 * readiness (not a commitment, which such verbs affirm) to act, stated again or shown: a pledge.
 */
function readConfirmedReadiness(at: PredicateStart): Predicate | null {
  const { tokens } = at;
  const verbTok = at.verb;
  const info = verbInfo(tokens[verbTok].w)?.find((i) => READINESS_VERBS.has(i.base) && i.form !== 'ing');
  if (!info) return null;
  let j = verbTok + 1;
  // "confirmed our intention to": the actor's own; "confirmed the intent to harm civilians was …" is not.
  if (!POSSESSIVES.has(tokens[j]?.w ?? '')) return null;
  j++;
  while (j < tokens.length && COMMITMENT_ADJECTIVES.has(tokens[j].w)) j++;
  const noun = tokens[j]?.w ?? '';
  if (!READINESS_NOUNS.has(noun) || noun === 'commitment' || tokens[j + 1]?.w !== 'to') return null;
  const verb = splitInfinitiveVerb(tokens, j + 2);
  if (!tokens[verb] || !isInfinitiveVerb(tokens[verb])) return null;
  return predicate(at, verbTok, verb + 1, 'pledge', info.form, info.base);
}

/** "expressed (their) (firm) readiness to V" (pledge), "… support for" (support), "… opposition to" (oppose). */
function readExpressed(at: PredicateStart): Predicate | null {
  const { tokens } = at;
  const n = tokens.length;
  const verbTok = at.verb;
  const w = tokens[verbTok].w;
  if (!/^express(?:es|ed)?$/.test(w)) return readConfirmedReadiness(at);
  let j = verbTok + 1;
  let strength = at.strength;
  if (j < n && (POSSESSIVES.has(tokens[j].w) || tokens[j].w === 'the')) j++;
  // "expressed their shared commitment to": adjectives of the noun, strong ones making it strong.
  while (j < n && (EXPRESSED_STRONG_ADJECTIVES.has(tokens[j].w) || COMMITMENT_ADJECTIVES.has(tokens[j].w))) {
    if (EXPRESSED_STRONG_ADJECTIVES.has(tokens[j].w)) strength = 'strong';
    j++;
  }
  const stance = { ...at, strength };
  const form = verbInfo(w)![0].form;
  if (j + 1 < n && READINESS_NOUNS.has(tokens[j].w) && tokens[j + 1].w === 'to') {
    // "expressed their readiness to cooperate" pledges; "… their commitment to the partnership" affirms.
    const verb = j + 2 < n && tokens[j + 2].word && !NOT_VERBS_AFTER_TO.has(tokens[j + 2].w);
    if (!verb && tokens[j].w === 'commitment') return predicate(stance, verbTok, j + 2, 'affirm', form, 'express');
    return predicate(stance, verbTok, verb ? j + 3 : j + 2, 'pledge', form, 'express', { infinitive: true });
  }
  if (j + 1 < n && EXPRESSED_SUPPORT_NOUNS.has(tokens[j].w) && tokens[j + 1].w === 'for') return predicate(stance, verbTok, j + 2, 'support', form, 'express');
  if (j + 1 < n && tokens[j].w === 'opposition' && tokens[j + 1].w === 'to') return predicate(stance, verbTok, j + 2, 'oppose', form, 'express');
  return predicate(stance, verbTok, verbTok + 1, null, form, 'express');
}

/** What follows a finite verb that completes its trigger: how many tokens, the type it makes, and more. */
interface Complement {
  /** Tokens after the verb that belong to the trigger ("to V", "on", "themselves to"). */
  length: number;
  type: CommitmentType | null;
  infinitive?: boolean;
  /** An announced action ("announced the establishment of"): a commitment only of the document's parties. */
  announcement?: boolean;
}

/** A finite verb read at token k: its base and form, and what `at` asked for. */
interface FiniteVerb {
  at: PredicateStart;
  k: number;
  base: string;
  form: VerbForm;
}

/**
 * A finite verb and its complement: the first of {@link COMPLEMENT_READERS} that applies, else the
 * verb's own type; then a second verb sharing the object ("respect and support"), "(their)
 * commitment to" after a verb of emphasis, weak verbs, and "hereby".
 */
function readFiniteVerb(at: PredicateStart): Predicate | null {
  const { tokens, form } = at;
  const k = at.verb;
  const infos = verbInfo(tokens[k].w);
  if (!infos) return null;
  const wanted = form === 'modal' ? 'base' : form;
  // An -ing form is a predicate only where one is asked for (a list item under "by:").
  const info = wanted ? infos.find((i) => i.form === wanted) : infos.find((i) => i.form !== 'ing');
  if (!info) return null;
  // A capitalised verb mid-sentence is a name ("Support Group"), except at the sentence start.
  if (k > 0 && /^\p{Lu}/u.test(tokens[k].t) && tokens[k - 1].w !== ',' && at.first !== 0) return null;
  const verb: FiniteVerb = { at, k, base: info.base, form: info.form };
  let complement: Complement | null = null;
  for (const reader of COMPLEMENT_READERS) if ((complement = reader(verb))) break;
  let end = k + 1 + (complement?.length ?? 0);
  let type: CommitmentType | null = complement ? complement.type : (triggerType(info.base) ?? null);
  // "respect and support X": two verbs sharing one object are one commitment.
  if (tokens[end]?.w === 'and' && tokens[end + 1] && verbInfo(tokens[end + 1].w)?.some((i) => i.form === info.form) && triggerType(verbInfo(tokens[end + 1].w)![0].base)) {
    const second = tokens[end + 2];
    if (second && second.word && second.w !== 'and') {
      end += 2;
      type = type ?? triggerType(verbInfo(tokens[end - 1].w)![0].base) ?? null;
    }
  }
  // "underscored their commitment to …" (affirm), "underscore our support for" (support),
  // "reiterate our strong opposition to" (oppose): the stance noun gives the type.
  // "reaffirmed in the strongest terms their condemnation of …".
  const stance = (type === null || type === 'affirm') && COMMITMENT_NOUN_VERBS.has(info.base) ? stanceNoun(tokens, end + phraseAt(tokens, end, EMPHASIS_PHRASES)) : null;
  if (stance && (type === null || stance.type !== 'affirm')) {
    type = stance.type;
    end = stance.end;
  }
  // "announced a renewed commitment to preserving …": an undertaking (see announcedCommitment).
  const announced = info.base === 'announce' ? announcedCommitment(tokens, k + 1) : null;
  if (announced !== null) {
    type = 'pledge';
    end = announced;
  }
  // "stress the importance of …", and "underscored (unequivocally) that the centerpiece … is …":
  // what is stressed is affirmed (a pronoun after "that" is a stance of the actor's own, see reportedStance).
  if (type === null && EMPHASIS_VERBS.has(info.base) && (emphasizedNoun(tokens, end) || stressedClause(tokens, end))) type = 'affirm';
  const strength = WEAK_VERBS.has(info.base) ? 'weak' : at.strength;
  // "The Parties hereby establish …": a performative pledge.
  if (at.hereby && type === null) type = 'pledge';
  // The trigger includes the adverbs before the verb ("firmly support", "jointly advocate").
  return predicate({ ...at, strength }, at.first, end, type, info.form, info.base, { infinitive: complement?.infinitive ?? false, progressive: complement?.announcement });
}

/**
 * A stance noun after a verb of emphasis: "(our) (nations’) (unwavering) commitment to" (affirm),
 * "… support for" (support), "… opposition to" (oppose), and the token after it; or null.
 */
function stanceNoun(tokens: Token[], j: number): { type: CommitmentType; end: number } | null {
  // "highlighted the U.S. commitment to …": "the" and a capitalised name stand for the possessive.
  if (tokens[j]?.w === 'the') {
    let m = j + 1;
    while (m < Math.min(tokens.length, j + 6) && (/^\p{Lu}/u.test(tokens[m].t) || tokens[m].w === '.' || tokens[m].w === "'s" || tokens[m].w === "'")) m++;
    if (m > j + 1) j = m;
  }
  // "reiterated Australia's support for …": a name's possessive stands for the possessive too.
  else if (/^\p{Lu}/u.test(tokens[j]?.t ?? '') && tokens[j].w.endsWith("'s")) j++;
  // "announced a renewed commitment to …".
  if ((tokens[j]?.w === 'a' || tokens[j]?.w === 'an') && (COMMITMENT_ADJECTIVES.has(tokens[j + 1]?.w ?? '') || tokens[j + 1]?.w === 'commitment')) j++;
  else if (POSSESSIVES.has(tokens[j]?.w ?? '')) {
    j++;
    // "our nations’ commitment", "our country's support".
    if (tokens[j]?.w.endsWith("'s")) j++;
    else if (tokens[j + 1]?.w === "'" && tokens[j]?.word) j += 2;
  }
  while (j < tokens.length && COMMITMENT_ADJECTIVES.has(tokens[j].w)) j++;
  const noun = tokens[j]?.w ?? '';
  const stance = STANCE_NOUNS[noun];
  return stance && stance.after.includes(tokens[j + 1]?.w ?? '') ? { type: stance.type, end: j + 2 } : null;
}

/** "that …" after a verb of emphasis and its adverbs ("underscored unequivocally that …"), at `j`. */
function stressedClause(tokens: Token[], j: number): boolean {
  const k = readAdverbs(tokens, j).end;
  return tokens[k]?.w === 'that' || (/^\p{Ll}{3,}ly$/u.test(tokens[k]?.t ?? '') && tokens[k + 1]?.w === 'that');
}

/** "the importance of", "the critical need for", "the fundamental principles": what a verb of emphasis affirms, at `j`. */
function emphasizedNoun(tokens: Token[], j: number): boolean {
  if (tokens[j]?.w !== 'the' && !POSSESSIVES.has(tokens[j]?.w ?? '')) return false;
  for (let k = j + 1; k < Math.min(tokens.length, j + 4); k++) {
    if (EMPHASIZED_NOUNS.has(tokens[k].w)) return true;
    if (!tokens[k].word || !/^\p{Ll}/u.test(tokens[k].t)) return false;
  }
  return false;
}

/** The complements of a finite verb, tried in order; each returns null when it does not apply. */
const COMPLEMENT_READERS: ((verb: FiniteVerb) => Complement | null)[] = [
  readInfinitiveComplement,
  readAnnounced,
  readContinueIng,
  readLookForward,
  readStandWith,
  readParticleComplement,
  readReflexiveCommit,
  readInvitation,
  readWelcomedVisitor,
  readSharedAim,
  readBareVerb,
];

/**
 * "share the goal of continuing to bolster …", "share a desire to deepen …", "share a commitment
 * to strengthen …": an aim held in common, to act — a pledge. ("share concerns", "share a border"
 * commit to nothing.)
 */
function readSharedAim({ at, k, base }: FiniteVerb): Complement | null {
  const { tokens } = at;
  if (base !== 'share') return null;
  let j = k + 1;
  if (/^(?:a|an|the|our|their)$/.test(tokens[j]?.w ?? '')) j++;
  while (SHARED_AIM_ADJECTIVES.has(tokens[j]?.w ?? '')) j++;
  const noun = tokens[j]?.w ?? '';
  if (!SHARED_AIM_NOUNS.has(noun)) return null;
  const after = tokens[j + 1]?.w;
  const next = tokens[j + 2];
  const verb = !!next && (after === 'to' ? !!verbInfo(next.w)?.some((i) => i.form === 'base') : after === 'of' && !!verbInfo(next.w)?.some((i) => i.form === 'ing'));
  return verb ? { length: j + 2 - k, type: 'pledge', infinitive: true } : null;
}

/**
 * "welcomed President Sleiman and his delegation to Australia", "welcomed Prime Minister X to
 * Washington": a host's courtesy to a visitor, no position on anything.
 */
function readWelcomedVisitor({ at, k, base }: FiniteVerb): Complement | null {
  const { tokens } = at;
  if (base !== 'welcome') return null;
  let j = k + 1;
  if (tokens[j]?.w === 'the' || tokens[j]?.w === 'his' || tokens[j]?.w === 'her') j++;
  const visitor = phraseAt(tokens, j, OFFICE_TITLE_WORDS) > 0 || HONORIFICS.has(tokens[j]?.w ?? '') || tokens[j]?.w === 'h.e';
  if (!visitor) return null;
  // The place the visitor came to, before the clause ends: "to Washington", "to Australia".
  for (let m = j + 1; m < Math.min(tokens.length, j + 16); m++) {
    // "welcomed President Biden's invitation to …" welcomes the invitation, not the person.
    if (tokens[m].w === ';' || tokens[m].w === '.' || tokens[m].w.endsWith("'s") || (tokens[m].w === 'and' && !/^(?:his|her|the|their)$/.test(tokens[m + 1]?.w ?? ''))) return null;
    if (tokens[m].w === 'to' && /^\p{Lu}/u.test(tokens[m + 1]?.t ?? '')) return { length: 0, type: null };
  }
  return null;
}

/**
 * "We invite other coastal Atlantic countries to join us", "We tasked the Ministers to develop …":
 * an invitation to act, or a task given, is a request; an invitation to visit or attend is a courtesy.
 */
function readInvitation({ at, k, base }: FiniteVerb): Complement | null {
  if (base !== 'invite' && !DIRECTIVE_VERBS.has(base)) return null;
  const { tokens } = at;
  const to = toAfterObject(tokens, k + 1, k + 9);
  const verb = to >= 0 ? verbInfo(tokens[to + 1].w)?.find((i) => i.form === 'base') : undefined;
  return verb && !COURTESY_INVITED_TO.has(verb.base) ? { length: 0, type: 'request' } : null;
}

/** "agreed to upgrade", "continue to advance", "commit to open trade"; "Continues to welcome" keeps its position type. */
function readInfinitiveComplement({ at, k, base }: FiniteVerb): Complement | null {
  const { tokens } = at;
  if (!INFINITIVE_PLEDGE_VERBS.has(base) || tokens[k + 1]?.w !== 'to') return null;
  // "intend to further expand": the verb after a split infinitive's adverbs.
  const verbAt = splitInfinitiveVerb(tokens, k + 2);
  const after = tokens[verbAt];
  // "commit to open, fair and predictable trade": a word in a coordinated list is an adjective of the object.
  const listed = (base === 'commit' || base === 'recommit' || base === 'pledge') && /^(?:,|and|or)$/.test(tokens[k + 3]?.w ?? '');
  if (after && isInfinitiveVerb(after) && !listed) {
    // "Continues to welcome": continuing a position is that position, not a pledge; "continue to
    // encourage China to …" goes on asking, a request.
    const continued = base === 'continue' ? verbInfo(after.w)?.find((i) => i.form === 'base') : undefined;
    const kept = continued && (positionType(continued.base) ?? (triggerType(continued.base) === 'request' ? 'request' : undefined));
    return { length: verbAt - k, type: kept || 'pledge', infinitive: true };
  }
  // "commit to open trade"; "agreed to a relationship based on …": a pledge to what is agreed.
  if (base === 'agree' && (tokens[k + 2]?.w === 'a' || tokens[k + 2]?.w === 'an' || (tokens[k + 2]?.w === 'the' && AGREED_ACTIONS.test(tokens[k + 3]?.w ?? '')))) {
    return { length: 1, type: 'pledge' };
  }
  return base === 'commit' || base === 'recommit' || base === 'pledge' ? { length: 1, type: 'pledge' } : { length: 0, type: null };
}

/**
 * Where the verb of an infinitive stands after adverbs that split it ("to further expand", "to
 * transparently and effectively work"); `j` itself when no known verb follows them.
 */
function splitInfinitiveVerb(tokens: Token[], j: number): number {
  // "intend to: (i) end the pandemic …; (ii) protect …": the first item of a list inside the sentence.
  if (tokens[j]?.w === ':' && skipItemLabel(tokens, j + 1) > j + 1) {
    const item = skipItemLabel(tokens, j + 1);
    return verbInfo(tokens[item]?.w ?? '')?.some((i) => i.form === 'base') ? item : j;
  }
  let v = j;
  const adverb = (t: Token | undefined) => !!t && (STRONG_ADVERBS.has(t.w) || OTHER_ADVERBS.has(t.w) || /^\p{Ll}{3,}ly$/u.test(t.t));
  while (adverb(tokens[v]) || (tokens[v]?.w === 'and' && v > j && adverb(tokens[v + 1]))) v++;
  return v > j && verbInfo(tokens[v]?.w ?? '')?.some((i) => i.form === 'base') ? v : j;
}

/**
 * "announced the establishment of a new …", "announce the launch of …": an announced action, a
 * pledge like "is launching" (the caller makes it none where the actor is not a party announcing).
 */
function readAnnounced({ at, k, base }: FiniteVerb): Complement | null {
  const { tokens } = at;
  if (base !== 'announce') return null;
  const j = tokens[k + 1]?.w === 'the' ? k + 2 : k + 1;
  const funding = announcedFunding(tokens, k + 1) ?? announcedSteps(tokens, k + 1);
  if (funding === null && (!ANNOUNCED_NOUNS.has(tokens[j]?.w ?? '') || tokens[j + 1]?.w !== 'of')) return null;
  // "In 2023, we announced the launch of …", "previously announced": a report of an earlier announcement.
  const earlier = tokens.slice(0, k).some((t, i) => PAST_TIME_WORDS.has(t.w) || (t.w === 'in' && /^(?:19|20)\d\d$/.test(tokens[i + 1]?.w ?? '')));
  if (earlier) return { length: 0, type: null };
  return funding !== null ? { length: funding - 1 - k, type: 'pledge', announcement: true } : { length: j + 1 - k, type: 'pledge', announcement: true };
}

/**
 * After "announce(d)": "further steps to deepen …", "new measures to …" — action announced. The
 * token after the noun, or null.
 */
function announcedSteps(tokens: Token[], j: number): number | null {
  let m = j;
  if (tokens[m]?.w === 'a' || tokens[m]?.w === 'an') m++;
  if (ANNOUNCED_STEP_ADJECTIVES.has(tokens[m]?.w ?? '')) m++;
  if (!ANNOUNCED_STEP_NOUNS.has(tokens[m]?.w ?? '') || tokens[m + 1]?.w !== 'to') return null;
  return verbInfo(tokens[m + 2]?.w ?? '')?.some((i) => i.form === 'base') ? m + 1 : null;
}

/**
 * After "announce(d)": "an additional $1 million contribution", "A$50 million in new funding", "a
 * package of": money or aid given, an undertaking. The token after the noun, or null.
 */
function announcedFunding(tokens: Token[], j: number): number | null {
  for (let m = j; m < Math.min(tokens.length, j + 10); m++) {
    const t = tokens[m];
    if (ANNOUNCED_FUNDING_NOUNS.has(t.w)) return m + 1;
    // Articles, amounts, currencies and lower-case adjectives may come before the noun.
    if (!(/^(?:a|an|the|its|our|their|in|of)$/.test(t.w) || /^[\p{N}$€£¥.,]/u.test(t.t) || /^\p{Ll}+$/u.test(t.t) || /^[A-Z]{1,3}\$?$/.test(t.t))) return null;
  }
  return null;
}

/** "look forward to holding …": a pledge of the speakers' own action ("look forward to the day" is none). */
function readLookForward({ at, k, base }: FiniteVerb): Complement | null {
  const { tokens } = at;
  if (base !== 'look' || tokens[k + 1]?.w !== 'forward' || tokens[k + 2]?.w !== 'to') return null;
  const ing = tokens[k + 3];
  return ing && verbInfo(ing.w)?.some((i) => i.form === 'ing') ? { length: 3, type: 'pledge' } : { length: 0, type: null };
}

/** "stand with Ukraine", "stand for the maintenance of peace": support. */
function readStandWith({ at, k, base }: FiniteVerb): Complement | null {
  const next = at.tokens[k + 1]?.w;
  return base === 'stand' && (next === 'with' || next === 'for') ? { length: 1, type: 'support' } : null;
}

/** "continue working on …": a pledge like "continue to work". */
function readContinueIng({ at, k, base }: FiniteVerb): Complement | null {
  const next = at.tokens[k + 1];
  if (base !== 'continue' || !next || !verbInfo(next.w)?.some((i) => i.form === 'ing')) return null;
  return { length: 1, type: 'pledge' };
}

/** "agreed to the establishment of …": nouns of an action agreed on (not "the importance of", "the extent possible"). */
const AGREED_ACTIONS = /^(?:establishment|creation|launch|holding|convening|resumption|setting|formation|development|implementation|adoption|conclusion|opening|expansion)$/;

/** A verb and its particle: "agree on/upon" (pledge), "call on/upon/for" (request), "adhere to", "abide by". */
function readParticleComplement({ at, k, base, form }: FiniteVerb): Complement | null {
  const next = at.tokens[k + 1]?.w;
  // "agreed on the importance of …" affirms what matters; "agreed on a plan" pledges it.
  if (base === 'agree' && (next === 'on' || next === 'upon')) return { length: 1, type: emphasizedNoun(at.tokens, k + 2) ? 'affirm' : 'pledge' };
  // "called on H.E. Prof. Amien Rais": a courtesy call on a person, not a request.
  if (base === 'call' && (next === 'on' || next === 'upon') && COURTESY_CALLED.has(at.tokens[k + 2]?.w ?? '')) return { length: 0, type: null };
  if (base === 'call') return next === 'on' || next === 'upon' || next === 'for' ? { length: 1, type: 'request' } : { length: 0, type: null };
  if ((base === 'adhere' && next === 'to') || (base === 'abide' && next === 'by')) return { length: 1, type: triggerType(base) ?? null };
  // "Today, we embark on a trilateral effort …": an undertaking begun; "embarked on" in the past tense reports it.
  if (base === 'embark' && next === 'on') return { length: 1, type: form !== 'ed' ? 'pledge' : null };
  return null;
}

/** "commit themselves/itself/ourselves to": a pledge. */
function readReflexiveCommit({ at, k, base }: FiniteVerb): Complement | null {
  const { tokens } = at;
  if (base !== 'commit' || !REFLEXIVE_PRONOUNS.has(tokens[k + 1]?.w ?? '') || tokens[k + 2]?.w !== 'to') return null;
  return { length: 2, type: 'pledge' };
}

/** Who may be the subject of "agreed that X would …" for it to be a pledge: the speakers or their officials. */
const AGREED_DOERS = new Set(['we', 'they', 'both', 'each', 'officials', 'ministers', 'leaders', 'governments', 'their', 'our', 'senior', 'relevant', 'two', 'parties', 'sides']);

/** True when the subject at j is one of {@link AGREED_DOERS}, after "the" ("the two sides", "the officials"). */
function agreedDoer(tokens: Token[], j: number): boolean {
  const w = tokens[j]?.w === 'the' ? tokens[j + 1]?.w : tokens[j]?.w;
  return AGREED_DOERS.has(w ?? '');
}

/** True when "will/would/shall be" and a past participle stand within the next twelve words, before any punctuation. */
function passiveFollows(tokens: Token[], j: number): boolean {
  const k = modalAt(tokens, j, 12);
  const participle = tokens[k + 2];
  return k >= 0 && tokens[k + 1]?.w === 'be' && !!participle && (!!verbInfo(participle.w)?.some((i) => i.form === 'ed') || /^\p{Ll}{3,}(?:ed|en)$/u.test(participle.t));
}

/** True when a modal ("will", "would", "shall") stands within the next `within` words, before any punctuation. */
function modalFollows(tokens: Token[], j: number, within = 6): boolean {
  return modalAt(tokens, j, within) >= 0;
}

/** Where the first "will", "would" or "shall" stands within the next `within` words, before any punctuation; or -1. */
function modalAt(tokens: Token[], j: number, within: number): number {
  for (let k = j; k < Math.min(tokens.length, j + within); k++) {
    if (!tokens[k].word) return -1;
    if (tokens[k].w === 'will' || tokens[k].w === 'would' || tokens[k].w === 'shall') return k;
  }
  return -1;
}

/**
 * Verbs that make no commitment by themselves: an infinitive-pledge verb without "to" ("agreed",
 * "plan"), "resolve disputes", "decide" (except a resolution's "Decides that"), and "back", too
 * often not a verb.
 */
function readBareVerb({ at, k, base, form }: FiniteVerb): Complement | null {
  const next = at.tokens[k + 1]?.w;
  // "Ministers agreed that stronger cooperation is required": an affirmation agreed on.
  // "agreed that officials would work on …": what is to be done, a pledge.
  // "agreed that all relevant information would be handed over …": an action agreed, in the passive.
  if (base === 'agree' && next === 'that')
    return { length: 1, type: (agreedDoer(at.tokens, k + 2) && modalFollows(at.tokens, k + 2)) || passiveFollows(at.tokens, k + 2) ? 'pledge' : 'affirm' };
  // "agreed the Productivity Commissions of each country would conduct a study": "that" left out,
  // a named body or officials to act.
  if (base === 'agree' && (next === 'the' || /^\p{Lu}/u.test(at.tokens[k + 1]?.t ?? '')) && modalFollows(at.tokens, k + 1, 9)) {
    const named = /^\p{Lu}/u.test((next === 'the' ? at.tokens[k + 2] : at.tokens[k + 1])?.t ?? '');
    return { length: 0, type: named || agreedDoer(at.tokens, k + 1) ? 'pledge' : 'affirm' };
  }
  // "Ministers agreed it was important to clarify …": the view agreed on, without "that".
  if (base === 'agree' && next === 'it' && /^(?:is|was|would)$/.test(at.tokens[k + 2]?.w ?? '')) return { length: 0, type: 'affirm' };
  if (INFINITIVE_PLEDGE_VERBS.has(base) && !triggerType(base)) return { length: 0, type: null };
  if (BARE_PLEDGE_VERBS.has(base)) return { length: 0, type: base === 'decide' && (next === 'that' || next === ',') ? 'pledge' : null };
  if (base === 'back' && form === 'base' && at.form !== 'modal') return { length: 0, type: null };
  return null;
}

/** The type of a verb that states a position (support or opposition), which a modal or "continue to" keeps. */
function positionType(base: string): CommitmentType | undefined {
  const type = triggerType(base);
  return type === 'support' || type === 'oppose' ? type : undefined;
}

/** The index of the ")" that closes the "(" at `open` within `max` tokens, or -1. */
function closingBracket(tokens: Token[], open: number, max: number): number {
  const depth = tokens[open].depth - 1;
  for (let k = open + 1; k < Math.min(tokens.length, open + max); k++) if (tokens[k].w === ')' && tokens[k].depth === depth) return k;
  return -1;
}

/** After an item label ("(i)", "(a)", "(2)"): where the item's words start; `k` itself when none stands there. */
function skipItemLabel(tokens: Token[], k: number): number {
  return tokens[k]?.w === '(' && tokens[k + 2]?.w === ')' && /^(?:[ivx]{1,4}|[a-z]|\d{1,2})$/.test(tokens[k + 1].w) ? k + 3 : k;
}

/**
 * What may stand between a modal and its verb: an item label ("will (i) modify … and (ii) adopt")
 * or a phrase between commas ("shall, at the request of either Party, immediately meet"), when a
 * verb follows it. Returns where the verb (or its adverbs) starts, or `k` unchanged.
 */
function skipInterruption(tokens: Token[], k: number): number {
  const n = tokens.length;
  const labelled = skipItemLabel(tokens, k);
  if (labelled > k) return labelled;
  if (tokens[k]?.w !== ',') return k;
  for (let j = k + 1; j < Math.min(n, k + 40); j++) {
    if (tokens[j].w === ';' || tokens[j].w === '.') return k;
    if (tokens[j].w !== ',' || tokens[j].depth > 0) continue;
    let v = j + 1;
    while (v < n && (STRONG_ADVERBS.has(tokens[v].w) || OTHER_ADVERBS.has(tokens[v].w))) v++;
    return v < n && verbInfo(tokens[v].w)?.some((i) => i.form === 'base') ? j + 1 : k;
  }
  return k;
}

/** After "agreed to", "decided to": a lower-case word that is not a determiner or pronoun is the verb of the infinitive. */
function isInfinitiveVerb(tok: Token): boolean {
  if (!tok.word) return false;
  if (verbInfo(tok.w)?.some((i) => i.form === 'base')) return true;
  return /^\p{Ll}[\p{Ll}-]*$/u.test(tok.t) && !NOT_VERBS_AFTER_TO.has(tok.w) && !NOUN_ENDINGS.test(tok.w);
}

/**
 * Emits the predicate's commitment, then follows the chain of coordinated predicates sharing the
 * actor. Returns the token index where scanning for the next actor resumes.
 */
function runChain(input: ExtractionInput, tokens: Token[], actor: Actor, first: Predicate, out: Commitment[], mode: ChainMode = {}): number {
  const { item, operative } = mode;
  const n = tokens.length;
  let pred = first;
  let chainForm: VerbForm | 'modal' = first.modal ? 'modal' : first.form;
  for (;;) {
    // Find where this predicate's object ends: the next continuation or new clause, or the sentence end.
    let k = pred.triggerEndToken;
    let next: Predicate | null = null;
    let objectEnd = n;
    let resumeAt = n;
    // Inside a relative clause ("…, according to which the Court shall cooperate …") a modal is
    // another subject's: only a verb of the chain's own form continues it ("…, and requests …").
    let inRelative = false;
    // After ", to V" without "and" (a purpose: "plan to deepen … through a dialogue, to advance …"),
    // "and to V" belongs to that purpose, not to the chain.
    let inPurpose = false;
    // After "to V" in the object ("will work to enable … and improve …", "take action to promote …
    // and support …"), a plain verb is coordinated with that infinitive, not with the chain.
    let inInfinitive = false;
    let infinitiveList = false;
    // "will maintain, fully implement and expand the measures": verbs in a row with no object of
    // their own share the last one's object, one predicate (where the row ends so far).
    let sharedEnd = pred.triggerEndToken;
    for (; k < n; k++) {
      const tok = tokens[k];
      if (tok.depth > 0) continue;
      if (k === sharedEnd && (tok.w === ',' || tok.w === 'and')) {
        const next = sharedVerbAt(tokens, tok.w === ',' && tokens[k + 1]?.w === 'and' ? k + 2 : k + 1, chainForm, pred);
        if (next > 0) {
          sharedEnd = next;
          k = next - 1;
          continue;
        }
      }
      if (RELATIVE_PRONOUNS.has(tok.w)) inRelative = true;
      if (tok.w === ',' && tokens[k + 1]?.w === 'to') inPurpose = true;
      if (tok.w === 'to' && tokens[k + 1] && isInfinitiveVerb(tokens[k + 1])) inInfinitive = true;
      if (tok.w === ';') inInfinitive = infinitiveList = false;
      const boundary = tok.w === ',' || tok.w === ';' || tok.w === 'and' || tok.w === 'but';
      // "decide to develop and implement additional responses": two verbs sharing one object are one predicate.
      if (!boundary || (tok.w === 'and' && sharesObject(tokens, pred.triggerEndToken, k))) continue;
      let j = k + 1;
      if (tok.w === ',' && tokens[j]?.w === 'and') j++;
      // "…, and to resolve …" after "agreed to increase …".
      if (
        !item &&
        !inPurpose &&
        !inInfinitive &&
        pred.infinitive &&
        j > k + (tok.w === ',' ? 1 : 0) &&
        tokens[j]?.w === 'to' &&
        tokens[j + 1] &&
        verbInfo(tokens[j + 1].w)?.some((i) => i.form === 'base')
      ) {
        const p = readPredicate(tokens, j + 1, 'base', false);
        if (p) {
          next = {
            ...p,
            first: j,
            triggerStart: tokens[j].start,
            type: pred.type,
            infinitive: true,
            negated: pred.negated,
            strength: p.strength === 'normal' ? pred.strength : p.strength,
          };
          objectEnd = k;
          break;
        }
      }
      let cont = continuation(tokens, j, chainForm, pred);
      // A modal after a bare comma in a chain of finite verbs has another subject ("X announced that
      // …, [the funds] will support …"): a modal continues such a chain only after "and", "but" or ";".
      if (cont && cont.modal && chainForm !== 'modal' && (inRelative || (tok.w === ',' && j === k + 1))) cont = null;
      if (cont && operative) cont = operativeTyped(cont);
      // Only a list that starts right after the infinitive is its own: "to enhance …, reduce …, and
      // support …", "to cooperate and implement …"; in "decide to develop responses, and implement
      // them" the ", and" goes back to the chain.
      const commaAnd = (tok.w === ',' && tokens[k + 1]?.w === 'and') || (tok.w === 'and' && tokens[k - 1]?.w === ',');
      if (inInfinitive && tok.w === ',' && !commaAnd && tokens[j] && looksLikeBaseVerb(tokens[j])) infinitiveList = true;
      if (
        cont &&
        inInfinitive &&
        (infinitiveList || !commaAnd) &&
        !opensWithModal(tokens, j) &&
        (chainForm === 'modal' || (chainForm === 'base' && (item || cont.type === null || cont.type === 'pledge')))
      ) {
        cont = null;
        infinitiveList = true;
      }
      // A list item is one commitment, and one more for each coordinated verb of another type of its
      // own ("- support … and oppose …"); "- foster …, maintain …, and promote …" is one.
      if (cont && (!item || (triggerType(cont.base) && itemTyped(cont, item).type !== pred.type))) {
        next = item ? itemTyped(cont, item) : cont;
        objectEnd = k;
        break;
      }
      // "…, we will launch …": after a bare comma only a pronoun subject opens a clause of its own,
      // and not inside a "that" clause ("We affirm that by investing …, we will release …").
      const pronounClause = tok.w === ',' && j === k + 1 && (tokens[j]?.w === 'we' || tokens[j]?.w === 'they') && !thatClauseBefore(tokens, pred.triggerEndToken, k);
      // "… on the battlefield and we call on third parties …": "and we" opens a clause without a comma too.
      const andWe = tok.w === 'and' && (tokens[j]?.w === 'we' || tokens[j]?.w === 'they');
      if (pronounClause || andWe || tok.w === ';' || (tok.w === ',' && j > k + 1) || tok.w === 'but' || (tok.w === 'and' && tokens[k - 1]?.w === ',')) {
        // A new clause with its own subject ends the chain: "…, and we support …".
        if (startsNewClause(tokens, j)) {
          objectEnd = k;
          resumeAt = j;
          break;
        }
      }
    }
    emit(input, tokens, actor, pred, objectEnd, out);
    if (pred.type === null && GATHERING_VERBS.has(pred.base)) purposeClause(input, tokens, actor, pred, objectEnd, out);
    if (!next) return resumeAt;
    if (next.modal) chainForm = 'modal';
    pred = next;
  }
}

/** True when a modal of its own opens the predicate at j, adverbs aside ("…, and will also support …"). */
function opensWithModal(tokens: Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && (STRONG_ADVERBS.has(tokens[k].w) || OTHER_ADVERBS.has(tokens[k].w))) k++;
  return k < tokens.length && MODALS.has(tokens[k].w);
}

/**
 * Where a verb of the chain's form at `j` (adverbs before it skipped) ends, when it is one of a row
 * of verbs sharing an object ("maintain, fully implement and expand …"): it adds no stance of its
 * own (a position verb of another type is a commitment apart); else -1.
 */
function sharedVerbAt(tokens: Token[], j: number, chainForm: VerbForm | 'modal', pred: Predicate): number {
  let m = j;
  while (m < tokens.length && (STRONG_ADVERBS.has(tokens[m].w) || OTHER_ADVERBS.has(tokens[m].w))) m++;
  const wanted: VerbForm = chainForm === 'modal' ? 'base' : chainForm;
  const info = verbInfo(tokens[m]?.w ?? '')?.find((i) => i.form === wanted);
  if (!info || MODALS.has(tokens[m].w)) return -1;
  const own = positionType(info.base) ?? triggerType(info.base);
  if (own && own !== pred.type && own !== 'pledge') return -1;
  // The row goes on, or the shared object follows (not "of", "between": "exchange of views").
  const after = tokens[m + 1]?.w;
  if (after === undefined || after === 'of' || after === 'between' || after === '.') return -1;
  return m + 1;
}

/** True when nothing but "to VERB" stands between a trigger's end and the "and" at `and`: the next verb shares the object. */
function sharesObject(tokens: Token[], triggerEnd: number, and: number): boolean {
  return and === triggerEnd || (and === triggerEnd + 2 && tokens[triggerEnd].w === 'to' && isInfinitiveVerb(tokens[triggerEnd + 1]));
}

/** How a chain of predicates is read: as a list item under a lead-in, or in a resolution's operative paragraph. */
interface ChainMode {
  item?: LeadIn;
  operative?: boolean;
}

/** In an operative paragraph, "Invites …", "Calls …", "Appeals …" are requests. */
function operativeTyped(pred: Predicate): Predicate {
  if (pred.type !== null) return pred;
  if (OPERATIVE_REQUEST_VERBS.has(pred.base)) return { ...pred, type: 'request' };
  return OPERATIVE_AFFIRM_VERBS.has(pred.base) ? { ...pred, type: 'affirm' } : pred;
}

/** A coordinated predicate at j continuing a chain of the given form, or null. */
function continuation(tokens: Token[], j: number, chainForm: VerbForm | 'modal', prev: Predicate): Predicate | null {
  if (j >= tokens.length || !tokens[j].word) return null;
  if (coordinatedAdjective(tokens, j)) return null;
  // "…, and to that end requests the Secretary-General …".
  j += phraseAt(tokens, j, CONNECTIVE_PHRASES);
  let k = j;
  while (k < tokens.length && (STRONG_ADVERBS.has(tokens[k].w) || OTHER_ADVERBS.has(tokens[k].w))) k++;
  if (k >= tokens.length) return null;
  if (MODALS.has(tokens[k].w)) return readPredicate(tokens, j, 'modal');
  // "welcomes these developments and is committed to continue playing …": a copula of the chain's
  // person with a complement that commits.
  if (chainForm !== 'modal' && (chainForm === 's' ? tokens[k].w === 'is' : chainForm === 'base' && tokens[k].w === 'are')) {
    const p = readPredicate(tokens, j);
    // "… and are deepening …" reports what is under way.
    return p?.type && !p.progressive ? p : null;
  }
  const infos = verbInfo(tokens[k].w);
  if (!infos) return null;
  const wanted: VerbForm = chainForm === 'modal' ? 'base' : chainForm;
  if (!infos.some((i) => i.form === wanted)) return null;
  // A verb directly followed by "of" or "between" is a noun here ("exchange of views").
  const after = tokens[k + 1]?.w;
  if (after === 'of' || after === 'between' || after === 'among' || after === ',' || after === '.' || after === undefined || after === 'and') return null;
  if (after === 'for' && !infos.some((i) => i.base === 'call')) return null;
  const p = readPredicate(tokens, j, wanted, false);
  if (!p) return null;
  if (chainForm === 'modal') {
    // The modal carries over: "will deepen …, and continue to advance …" are both pledges.
    const inherited: Predicate = { ...p, type: 'pledge', modal: true, negated: prev.negated || p.negated };
    if (prev.strength === 'weak' || p.strength === 'weak') inherited.strength = 'weak';
    if (prev.type === 'oppose' && p.base === 'tolerate') inherited.type = 'oppose';
    if (p.type === 'request') inherited.type = 'request';
    return inherited;
  }
  return p;
}

/**
 * "a free and open Indo-Pacific", "a peaceful, stable and secure region": the word after "and" at
 * `j` is an adjective coordinated with the adjectives before it (a determiner opens the phrase and a
 * noun, not a determiner, follows), not a verb of the chain ("support the fund and open an office").
 */
function coordinatedAdjective(tokens: Token[], j: number): boolean {
  if (tokens[j - 1]?.w !== 'and' || !VERB_ADJECTIVE_HOMOGRAPHS.has(tokens[j].w)) return false;
  const next = tokens[j + 1];
  if (!next?.word || DETERMINERS.has(next.w) || verbInfo(next.w)?.length) return false;
  const adjective = (t: Token | undefined) => !!t?.word && (PLAIN_ADJECTIVES.has(t.w) || ADJECTIVE_ENDINGS.test(t.w));
  let m = j - 2;
  if (!adjective(tokens[m])) return false;
  while (tokens[m - 1]?.w === ',' && adjective(tokens[m - 2])) m -= 2;
  return DETERMINERS.has(tokens[m - 1]?.w ?? '') || tokens[m - 1]?.w === 'more';
}

/** True when a "that" at the top level stands in `tokens[from, to)`: what follows is inside its clause. */
function thatClauseBefore(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].w === 'that' && tokens[k].depth === 0) return true;
  return false;
}

/** True when a new subject + predicate starts at j. */
function startsNewClause(tokens: Token[], j: number): boolean {
  if (j >= tokens.length) return false;
  const w = tokens[j].w;
  if (w === 'we' || w === 'they' || w === 'it' || w === 'the' || w === 'both' || w === 'each' || w === 'neither') return true;
  return /^\p{Lu}/u.test(tokens[j].t);
}

/** "met … to reaffirm our commitment": the purpose clause of a gathering carries the commitment. */
function purposeClause(input: ExtractionInput, tokens: Token[], actor: Actor, pred: Predicate, objectEnd: number, out: Commitment[]): void {
  for (let k = pred.triggerEndToken; k + 1 < objectEnd; k++) {
    if (tokens[k].w !== 'to' || tokens[k].depth > 0) continue;
    const info = verbInfo(tokens[k + 1].w)?.find((i) => i.form === 'base');
    const type = info && triggerType(info.base);
    if (!type) continue;
    const p = readPredicate(tokens, k + 1, 'base', false);
    if (p && p.type) emit(input, tokens, actor, p, objectEnd, out);
    return;
  }
}

function emit(input: ExtractionInput, tokens: Token[], actor: Actor, pred: Predicate, objectEndToken: number, out: Commitment[]): void {
  if (pred.type === null) return;
  let endTok = Math.max(objectEndToken, pred.triggerEndToken);
  while (endTok > pred.triggerEndToken && !tokens[endTok - 1].word && !/["”’)\]]/.test(tokens[endTok - 1].t)) endTok--;
  const start = tokens[pred.first].start;
  const end = tokens[endTok - 1].end;
  const text = input.text.slice(start, end);
  let strength = pred.strength;
  if (strength === 'normal' && STRONG_PHRASES.test(text)) strength = 'strong';
  if (strength === 'normal' && WEAK_PHRASES.test(text)) strength = 'weak';
  const negated = pred.negated || /^neither\b/i.test(actor.text);
  const trigger = input.text.slice(pred.triggerStart, pred.triggerEnd).replace(/\s+/g, ' ');
  out.push(commitmentOf(actor, { start, end }, pred.type, trigger, { start: pred.triggerStart, end: pred.triggerEnd }, strength, negated));
}

/** A detected commitment of `actor` over `span` (English and Chinese readers alike). */
function commitmentOf(actor: Actor, span: Span, type: CommitmentType, trigger: string, triggerSpan: Span, strength: Strength, negated: boolean): Commitment {
  return { start: span.start, end: span.end, actor: actor.text, actorSpan: actor.span, parties: actor.parties, type, trigger, triggerSpan, strength, negated };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

// ---------------------------------------------------------------------------------------------
// Chinese

const ZH_TRIGGER_WORDS = Object.keys(ZH_TRIGGERS).sort((a, b) => b.length - a.length);
const ZH_COLLECTIVES = [...ZH_COLLECTIVE_ACTORS].sort((a, b) => b.length - a.length);
/** What may follow a subject directly besides a trigger: a modal, a verb of speech, opinion or belief. */
const ZH_STANCE_OPENERS = ['将', '应', ...ZH_SPEECH_VERBS, ...ZH_OPINION_VERBS, ...ZH_BELIEF_VERBS];
const ZH_CLAUSE_BREAK = /[，；。！？,;]/;
/** What ends an opening prepositional phrase ("在…上", "就…问题", "在…框架内"), so a verb may follow. */
const ZH_PHRASE_ENDS = /(?:上|中|内|下|方面|问题|领域|层面|时|后|前|基础上|框架内)$/;
/** Words of ZH_VERBS that are adverbs: they lengthen a verb but are never one alone. */

/** What the Chinese reader knows about the document's parties, computed once per extraction. */
interface ZhParties {
  /** First character of each Chinese name of a document party → that party ("阿" → AE in a China–UAE text). */
  initials: Map<string, string[]>;
  /** The party a person or an institution speaks for (`party` in the glossary). */
  partyOf(id: string): string | undefined;
}

/**
 * The initials of the document's parties, from every Chinese form of their glossary entries: they
 * resolve short forms ("阿方", "所方", "肯方") and compounds ("中阿双方") without a table per country.
 */
function zhParties(input: ExtractionInput): ZhParties {
  const initials = partyInitials(input.documentParties, input.glossary);
  return { initials, partyOf: (id) => input.glossary?.byId.get(id)?.party };
}

/** What a Chinese sentence carries from clause to clause. */
interface ZhState {
  actor: Actor | null;
  /** A future 将 or a 愿 governs the clauses after it that have no subject ("将深化…，继续推进…"). */
  modalChain: boolean;
  /**
   * The pledge that the chain continues: a plain verb of a later clause ("双方将以…为引领，推动…，
   * 保持…") is part of it and extends its span, as the verbs coordinated under one trigger are one
   * commitment.
   */
  chainHead: Commitment | null;
  /** The rest of the sentence is a purpose ("以深化…") or an opinion ("认为，…"): it commits to nothing. */
  reported: boolean;
  /** The last pledge's verb comes in the next clause ("愿通过…机制，继续支持…"): that clause adds no commitment. */
  verbPending: boolean;
  /** No clause of the sentence has been read yet (a list item inherits its lead-in's modality). */
  firstClause: boolean;
  /** True when a list item's first clause was only an opening phrase ("通过…等形式，"). */
  phraseOnly: boolean;
  /** The last predicate was a request: clauses without a subject may spell out its content. */
  requested: boolean;
  /** Where the sentence ends. */
  sentenceEnd: number;
  /** The rest of the sentence is what an opinion or a belief holds ("双方认为，…"), subjects included. */
  content: boolean;
  /** The sentence is reported because of an opinion (认为, 指出): a stance verb of the actor's own ends it. */
  opinion: boolean;
  /**
   * The sentence is an item under a pledge's lead-in ("双方将采取…步骤：——维护和发展…关系"): until a
   * subject of its own, its verbs read as after 将 — "维护" maintains (a pledge), "反对" still opposes.
   */
  underPledge: boolean;
}

function extractChinese(input: ExtractionInput, seg: Segment, out: Commitment[], carried: Actor | null, parties: ZhParties, item: LeadIn | null): Actor | null {
  const text = input.text;
  const state: ZhState = {
    actor: carried,
    modalChain: false,
    chainHead: null,
    reported: false,
    verbPending: false,
    firstClause: true,
    phraseOnly: false,
    requested: false,
    sentenceEnd: seg.end,
    content: false,
    opinion: false,
    underPledge: item?.type === 'pledge',
  };
  let clauseStart = seg.start;
  for (let i = seg.start; i <= seg.end; i++) {
    if (i < seg.end && !ZH_CLAUSE_BREAK.test(text.charAt(i))) continue;
    const clause = { start: clauseStart, end: i };
    clauseStart = i + 1;
    if (clause.end <= clause.start) continue;
    const opener = state.firstClause;
    readZhClause(input, clause, state, out, parties);
    // "（一）通过…等形式，保持高层接触": an item's opening phrase alone; its verb opens the next clause.
    state.firstClause = opener && state.phraseOnly;
    state.phraseOnly = false;
  }
  return state.actor;
}

/** Reads one clause: its subject (or the carried one), then its predicates. */
function readZhClause(input: ExtractionInput, clause: Span, state: ZhState, out: Commitment[], parties: ZhParties): void {
  const text = input.text;
  let p = clause.start;
  while (p < clause.end && /\s/.test(text.charAt(p))) p++;
  // "…的重要原则，包括…，尊重和支持…": the examples run on to the sentence's next subject.
  if (startsWithAny(text, p, ZH_ELABORATION_OPENERS)) {
    state.reported = true;
    state.opinion = false;
    return;
  }
  const subject = zhSubject(input, p, clause.end, parties);
  let listItem = false;
  if (subject) {
    const after = skipZhAdverbs(text, subject.span.end);
    const stance = [ZH_COURTESY_VERBS, ZH_OPINION_VERBS, ZH_SPEECH_VERBS, ZH_BELIEF_VERBS].some((words) => startsWithAny(text, after, words));
    // A party named at a clause start is its subject only when something is said of it ("白方支持…",
    // "双方认为…"), not in "台湾是中国领土…", which is the content of the previous clause.
    // "双方彼此视为友好邻邦，并愿…": a verb of its own makes it the subject of the clauses after it.
    // "中华人民共和国和洪都拉斯共和国，根据…，兹决定…": a subject alone in its clause is the subject of the next.
    const said = startsWithAny(text, after, ZH_RECIPROCAL) || startsWithAny(text, after, ZH_REGARD_VERBS) || trimmedEnd(text, after, clause.end) <= after;
    if (!stance && !subject.stands && !said && !zhPredicate(text, subject.span.end, clause.end, false)) return;
    // "双方深信，两国将…": the content of an opinion or a belief, subject and all.
    if (state.content) return;
    state.actor = subject;
    state.modalChain = false;
    state.chainHead = null;
    state.reported = state.opinion = state.underPledge = false;
    state.verbPending = false;
    p = subject.span.end;
  } else {
    if (!state.actor) return;
    if (state.reported) {
      // "双方认为，各国均有权…，反对干涉主权国家内政": the opinion's content ends at a stance of the actor's own.
      const stance = skipZhAdverbs(text, skipZhStrong(text, skipZhAdverbs(text, p)));
      if (!state.opinion || !(startsWithAny(text, stance, ZH_OPINION_STANCES) || startsWithAny(text, stance, ZH_REAFFIRMED_COURSE))) return;
      state.reported = state.content = state.opinion = false;
    }
    if (zhPurposeAt(text, p, clause.end)) {
      state.reported = true;
      state.opinion = false;
      return;
    }
    if (state.verbPending) {
      state.verbPending = false;
      return;
    }
    listItem = state.firstClause;
  }
  const actor = state.actor!;
  const q = skipZhAdverbs(text, p);
  const opinion = ZH_OPINION_VERBS.find((w) => text.startsWith(w, q));
  if (opinion) {
    state.reported = state.opinion = true;
    state.content = skipZhAdverbs(text, q + opinion.length) >= clause.end;
    // "一致认为促进…至关重要": an opinion that something matters is an affirmation.
    const rest = text.slice(q, state.sentenceEnd).replace(/[。！？\s]+$/, '');
    if (ZH_IMPORTANCE.some((w) => rest.endsWith(w))) {
      pushZhCommitment(text, actor, p, { start: q, triggerEnd: q + opinion.length, type: 'affirm', modal: false }, q + rest.length, out);
    }
    return;
  }
  // "两国元首深信…的重要性，决定…": a belief commits to nothing; the clauses after it may. When the
  // belief's content follows in the next clauses ("双方深信，…"), the sentence is reported.
  const belief = ZH_BELIEF_VERBS.find((w) => text.startsWith(w, q));
  if (belief) {
    // "相信，…" or "相信在…领导下，X将…": the belief's content is in the clauses after it.
    const rest = skipZhAdverbs(text, q + belief.length);
    if (rest >= clause.end || startsWithAny(text, rest, ZH_PREPOSITIONS)) state.reported = state.content = true;
    return;
  }
  // "衷心祝愿中国人民…，继续朝着…迈进": the rest of the sentence is the wish.
  if (startsWithAny(text, q, ZH_WISH_VERBS)) {
    state.reported = true;
    return;
  }
  if (startsWithAny(text, q, ZH_COURTESY_VERBS)) return;

  let from = p;
  let found = zhPredicate(text, from, clause.end, state.modalChain || listItem);
  if (!found && listItem && startsWithAny(text, q, ZH_PREPOSITIONS)) state.phraseOnly = true;
  // A clause under 将 that continues it with no verb we know may have a subject of its own
  // ("两国将共庆…，双边关系…实现长足进展"): the chain ends there.
  if (!found) {
    state.modalChain = false;
    state.chainHead = null;
  }
  // After a request, a clause without a subject spells out what is requested ("呼吁各方履行承诺，
  // 避免…"), unless a trigger of the actor's own opens it ("…，愿同各方一道…").
  if (found && !subject && state.requested && found.start !== q) found = null;
  if (subject) state.requested = false;
  while (found) {
    if (state.underPledge && found.type === 'affirm') found = { ...found, type: 'pledge' };
    const head = state.chainHead;
    state.modalChain = found.modal || ZH_WILLING.includes(text.slice(found.start, found.triggerEnd)) || (state.modalChain && found.type === 'pledge');
    if (found.type === 'request') state.requested = true;
    if (found.chained && head && !subject && from === p) {
      // "双方将继续开展…，深化…，保持…": one commitment, whose span now reaches this clause's end.
      head.end = Math.max(head.end, trimmedEnd(text, found.start, clause.end));
    } else {
      state.chainHead = null;
      // "中国自1988年起承认…", "双方已签署…": a report of what is done, no commitment.
      // "双方重申，不参加…": the reaffirmation is the undertaking in the next clause, read there.
      const reaffirmsRefrain =
        found.type === 'affirm' && trimmedEnd(text, found.triggerEnd, clause.end) <= found.triggerEnd && !!refrainAt(text, clause.end + 1, state.sentenceEnd);
      if (!zhPastBefore(text.slice(from, found.start)) && !reaffirmsRefrain) {
        pushZhCommitment(text, actor, from, found, clause.end, out);
        if (state.modalChain && found.type === 'pledge') state.chainHead = out[out.length - 1];
      }
    }
    if (!found.modal && found.type === 'pledge' && zhVerbIsNext(text, found.triggerEnd, clause.end)) state.verbPending = true;
    // "支持…倡议并愿积极参与…": a second predicate of its own after 并.
    const and = text.indexOf('并', found.triggerEnd);
    if (and < 0 || and >= clause.end) break;
    from = and + 1;
    found = zhPredicate(text, from, clause.end, false);
    if (found && found.start !== from) found = null;
  }
}

function pushZhCommitment(text: string, actor: Actor, from: number, found: ZhPredicate, clauseEnd: number, out: Commitment[]): void {
  const body = text.slice(found.start, clauseEnd);
  let strength: Strength = 'normal';
  const before = text.slice(from, found.start);
  // Strength adverbs stand before the trigger (坚定支持) or right after it (重申坚定奉行).
  const after = text.slice(found.triggerEnd, found.triggerEnd + 4);
  if (ZH_STRONG.some((w) => before.includes(w) || body.startsWith(w) || after.startsWith(w) || text.slice(found.start, found.triggerEnd).includes(w))) {
    strength = 'strong';
  }
  if (ZH_WEAK.some((w) => body.startsWith(w) || before.endsWith(w)) || /探讨|研究.*可能/.test(body.slice(0, 8))) strength = 'weak';
  const negated = !!found.negated || /(?:不|绝不|决不|永不|不会)$/.test(before);
  const end = trimmedEnd(text, found.start, clauseEnd);
  let start = from;
  while (start < found.start && /\s/.test(text.charAt(start))) start++;
  const triggerSpan = { start: found.start, end: found.triggerEnd };
  out.push(commitmentOf(actor, { start, end }, found.type, text.slice(found.start, found.triggerEnd), triggerSpan, strength, negated));
}

/** `end`, moved back over white space, but not before `start`. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/** Words before a predicate that make it a report of the past: "已", "曾经", "自1988年起". */
function zhPastBefore(before: string): boolean {
  return ZH_PAST_MARKERS.some((w) => before.includes(w)) || ZH_PAST_SINCE.test(before);
}

/** "自1988年起", "自2013年建立…以来": since a date. */
const ZH_PAST_SINCE = /自[^，。]{0,15}?年[^，。]{0,12}?(?:起|以来)/;

function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  return words.some((w) => text.startsWith(w, at));
}

/** Skips the strength adverbs before a verb ("严厉谴责", "坚决反对"). */
function skipZhStrong(text: string, at: number): number {
  const adverb = ZH_STRONG.find((w) => text.startsWith(w, at));
  return adverb ? at + adverb.length : at;
}

/** Skips adverbs that do not change the reading ("还", "都", "一致"). */
function skipZhAdverbs(text: string, at: number): number {
  for (;;) {
    const adverb = ZH_LIGHT_ADVERBS.find((w) => text.startsWith(w, at));
    if (!adverb) return at;
    at += adverb.length;
  }
}

/** A purpose clause opens here: "以深化…", "以便…", "从而…" (以 only before a verb: "以和平方式" is a manner). */
function zhPurposeAt(text: string, at: number, end: number): boolean {
  const opener = ZH_PURPOSE_OPENERS.find((w) => text.startsWith(w, at));
  if (!opener) return false;
  if (opener !== '以') return true;
  const next = skipZhAdverbs(text, at + 1);
  return next < end && (startsWithAny(text, next, ZH_VERBS) || startsWithAny(text, next, ZH_TRIGGER_WORDS));
}

/**
 * After a pledge trigger, the rest of the clause is only a prepositional phrase ("愿通过双边经贸联委会
 * 机制，…"): its verb is in the next clause.
 */
function zhVerbIsNext(text: string, at: number, end: number): boolean {
  if (!startsWithAny(text, at, ZH_PREPOSITIONS)) return false;
  for (let i = at + 1; i < end; i++) {
    if (startsWithAny(text, i, ZH_VERBS) || startsWithAny(text, i, ZH_TRIGGER_WORDS)) return false;
  }
  return true;
}

interface ZhSubject extends Actor {
  /** The subject stands even before a clause with no commitment ("双方积极评价…，愿…"): 双方, 阿方. */
  stands: boolean;
}

/**
 * The subject at the start of a clause: a collective ("双方", "两国"), the parties' initials before
 * one ("中阿双方"), a short form "X方" of a document party whose Chinese name starts with X, or party
 * terms (and persons or institutions that speak for a party) joined by 和/与/同/、.
 */
function zhSubject(input: ExtractionInput, s: number, end: number, parties: ZhParties): ZhSubject | null {
  const text = input.text;
  const make = (to: number, ids: string[]): ZhSubject | null =>
    text.charAt(to) === '的' || ids.length === 0 ? null : { text: text.slice(s, to), span: { start: s, end: to }, parties: unique(ids), stands: text.charAt(to - 1) === '方' };
  for (const phrase of ZH_COLLECTIVES) {
    if (text.startsWith(phrase, s)) return make(s + phrase.length, input.documentParties);
  }
  // "中阿双方", "中俄两国": the parties' initials, then a collective head.
  let k = s;
  const initialIds: string[] = [];
  while (k < end && parties.initials.get(text.charAt(k))?.length === 1) initialIds.push(...parties.initials.get(text.charAt(k++))!);
  if (k - s >= 2) {
    const head = ZH_COMPOUND_ACTOR_HEADS.find((h) => text.startsWith(h, k));
    if (head) return make(k + head.length, initialIds);
    // "中法支持…", "中俄一致认为…": the initials alone, right before what is said of them (not "中法关系").
    const next = skipZhAdverbs(text, k);
    if (startsWithAny(text, next, ZH_TRIGGER_WORDS) || startsWithAny(text, next, ZH_STANCE_OPENERS)) return make(k, initialIds);
  }
  // "阿方", "所方": the short form of a document party, when the glossary has no such alias.
  if (text.charAt(s + 1) === '方' && !ZH_NOT_SHORT_FORMS.includes(text.slice(s, s + 2)) && !input.terms.some((t) => t.start === s)) {
    const ids = parties.initials.get(text.charAt(s));
    return ids?.length === 1 ? make(s + 2, ids) : null;
  }
  const ids: string[] = [];
  let p = s;
  for (const term of input.terms) {
    if (term.start < p) continue;
    if (term.start > p) break;
    const id = term.kind === 'party' ? term.id : term.kind === 'person' || term.kind === 'institution' ? parties.partyOf(term.id) : undefined;
    if (!id) break;
    ids.push(id);
    p = term.end;
    const head = ZH_ACTOR_HEADS.find((h) => text.startsWith(h, p));
    if (head) p += head.length;
    if (/[和与同、]/.test(text.charAt(p)) && p + 1 < end) p++;
    else break;
  }
  if (ids.length === 0) return null;
  if (/[和与同、]$/.test(text.slice(s, p))) p--;
  return make(p, ids);
}

interface ZhPredicate {
  start: number;
  triggerEnd: number;
  type: CommitmentType;
  modal: boolean;
  /** A plain verb (or 继续 + one) under a modality: it continues the commitment before it, if any. */
  chained?: boolean;
  /** An undertaking not to act ("不参加任何…同盟"), also when reaffirmed ("重申，不参加…"). */
  negated?: boolean;
}

/** The readers of a predicate at one position, tried in order. */
const ZH_READERS: ((text: string, i: number, to: number, ctx: ZhReading) => ZhPredicate | null)[] = [
  readZhObjectMarker,
  readZhFuture,
  readZhShould,
  readZhRefrain,
  readZhTrigger,
  readZhGiveSupport,
  readZhChainVerb,
  readZhOtherVerb,
];

/** What a reader needs besides the position. */
interface ZhReading {
  from: number;
  /** A modality (future 将, a list's lead-in) governs this clause. */
  modalChain: boolean;
  startsWithPreposition: boolean;
}

/** The first predicate of `text[from, to)`, if any, read by the first reader that succeeds. */
function zhPredicate(text: string, from: number, to: number, modalChain: boolean, afterPhrase = false): ZhPredicate | null {
  // Skip an opening prepositional phrase ("在…上", "就…") only as far as the first trigger.
  const ctx: ZhReading = { from, modalChain, startsWithPreposition: ZH_PREPOSITIONS.some((p) => text.startsWith(p, from)) };
  const expressed = readZhExpressed(text, from, to);
  if (expressed) return expressed;
  for (let i = from; i < to; i++) {
    for (const read of ZH_READERS) {
      const found = read(text, i, to, ctx);
      if (found === NO_PREDICATE) return null;
      // "在反对恐怖主义…的斗争中加强合作": a trigger inside the opening phrase is part of it; the
      // predicate is the verb after the phrase's end.
      if (found) return (ctx.startsWithPreposition && !afterPhrase && predicateAfterPhrase(text, found.triggerEnd, to, modalChain)) || found;
    }
    // A trigger after 的 or 是 sits inside a noun phrase or a predicate of another subject.
    const c = text.charAt(i);
    if ((c === '的' || c === '是') && !ctx.startsWithPreposition) return null;
  }
  return null;
}

/**
 * The predicate right after the end of an opening prepositional phrase ("…斗争中", "…基础上") that
 * closes within a few words after `at` and before `to`; or null.
 */
function predicateAfterPhrase(text: string, at: number, to: number, modalChain: boolean): ZhPredicate | null {
  const limit = Math.min(to, at + 40);
  for (let k = at + 1; k < limit; k++) {
    if (!ZH_PHRASE_ENDS.test(text.slice(Math.max(at, k - 3), k))) continue;
    const pred = zhPredicate(text, k, to, modalChain, true);
    if (pred && pred.start === skipZhAdverbs(text, k)) return pred;
  }
  return null;
}

/**
 * "对…表示欢迎", "就…予以谴责": a stance expressed on what the prepositional phrase names. The
 * trigger is the one after the verb of expression; a trigger inside the phrase ("对法国承认巴勒斯坦国
 * 表示欢迎") is part of its object.
 */
function readZhExpressed(text: string, from: number, to: number): ZhPredicate | null {
  if (!startsWithAny(text, skipZhAdverbs(text, from), ZH_EXPRESSED_ON)) return null;
  for (let i = from + 1; i < to; i++) {
    const verb = ZH_EXPRESSING_VERBS.find((v) => text.startsWith(v, i));
    if (!verb) continue;
    let j = i + verb.length;
    for (let adverb = ZH_STRONG.find((w) => text.startsWith(w, j)); adverb; adverb = ZH_STRONG.find((w) => text.startsWith(w, j))) j += adverb.length;
    const trigger = ZH_TRIGGER_WORDS.find((t) => text.startsWith(t, j) && j + t.length <= to && ZH_TRIGGERS[t] !== 'pledge');
    if (trigger) return { start: i, triggerEnd: j + trigger.length, type: ZH_TRIGGERS[trigger], modal: false };
  }
  return null;
}

/**
 * 将 marking the object ("将两国关系提升至更高水平", "将发展…作为优先方向"): not the future. It is a
 * pledge only where a modality governs the clause; its trigger is the verb after the object.
 */
function readZhObjectMarker(text: string, i: number, to: number, ctx: ZhReading): ZhPredicate | null {
  if (text.charAt(i) !== '将') return null;
  for (let j = i + 2; j < Math.min(to, i + 40); j++) {
    const verb = ZH_DISPOSAL_VERBS.find((v) => text.startsWith(v, j));
    if (!verb) continue;
    // The marker reading ends the search either way: this 将 is no future. "将深化双边关系作为…优先事项":
    // making something a priority is a course the actor sets, a pledge by itself.
    const priority = ZH_PRIORITY_MAKERS.includes(verb) && ZH_PRIORITY_WORDS.some((w) => text.slice(j, to).includes(w));
    return ctx.modalChain || priority ? { start: j, triggerEnd: j + verb.length, type: 'pledge', modal: false, chained: true } : NO_PREDICATE;
  }
  return null;
}

/** A sentinel: the position holds a predicate that commits to nothing. */
const NO_PREDICATE: ZhPredicate = { start: -1, triggerEnd: -1, type: 'pledge', modal: false };

/**
 * The future 将 + verb ("将深化", "将继续加强"), which governs the clauses after it. Right after the
 * subject, 将 is the future before any verb ("巴方将采取…"); elsewhere only before a known one.
 */
function readZhFuture(text: string, i: number, to: number, ctx: ZhReading): ZhPredicate | null {
  if (text.charAt(i) !== '将') return null;
  let verbLen = zhVerbLength(text, i + 1, to);
  // (Before a prepositional phrase, the trigger is 将 alone: "将在联合国框架内加强…".)
  if (verbLen === 0 && atZhPredicatePosition(text, ctx.from, i)) verbLen = startsWithAny(text, i + 1, ZH_PREPOSITIONS) ? 0 : Math.min(2, to - i - 1);
  else if (verbLen === 0) return null;
  return { start: i, triggerEnd: i + 1 + verbLen, type: 'pledge', modal: true };
}

/** Only light adverbs and verbs of speech stand between the subject (or clause start) and `i`. */
function atZhPredicatePosition(text: string, from: number, i: number): boolean {
  let before = text.slice(from, i);
  for (const w of [...ZH_SPEECH_VERBS, ...ZH_LIGHT_ADVERBS]) before = before.split(w).join('');
  return before === '';
}

/** "强调应积极维护…", "应致力于…": 应 (should) right after the subject or a verb of speech, before a verb. */
function readZhShould(text: string, i: number, to: number, ctx: ZhReading): ZhPredicate | null {
  if (text.charAt(i) !== '应' || !atZhPredicatePosition(text, ctx.from, i)) return null;
  let j = i + 1;
  if (text.startsWith('当', j) || text.startsWith('该', j)) j++;
  const verbLen = zhVerbLength(text, j, to);
  const trigger = verbLen === 0 ? ZH_TRIGGER_WORDS.find((t) => text.startsWith(t, j)) : undefined;
  if (verbLen === 0 && !trigger) return null;
  return { start: i, triggerEnd: j + (verbLen || trigger!.length), type: 'pledge', modal: false };
}

/**
 * An undertaking not to act, right after the subject: "双方不参加任何军事政治同盟", "不允许利用其领土…";
 * a pledge, negated.
 */
function readZhRefrain(text: string, i: number, to: number, ctx: ZhReading): ZhPredicate | null {
  if (text.charAt(i) !== '不' || !atZhPredicatePosition(text, ctx.from, i)) return null;
  return refrainAt(text, i, to);
}

/**
 * 不 + a verb of the acts states undertake not to do, at `i` ("不参加…"), also with whom first
 * ("不与台湾建立…", "不同第三国缔结…"); or null.
 */
function refrainAt(text: string, i: number, to: number): ZhPredicate | null {
  if (text.charAt(i) !== '不') return null;
  const verbAt = (at: number) => ZH_REFRAIN_VERBS.find((v) => text.startsWith(v, at) && at + v.length <= to);
  const verb = verbAt(i + 1);
  if (verb) return { start: i, triggerEnd: i + 1 + verb.length, type: 'pledge', modal: false, negated: true };
  if (text.charAt(i + 1) !== '与' && text.charAt(i + 1) !== '同') return null;
  for (let j = i + 3; j < Math.min(to, i + 16); j++) {
    if (/[，。；、的]/.test(text.charAt(j))) return null;
    const with_ = verbAt(j);
    if (with_) return { start: i, triggerEnd: j + with_.length, type: 'pledge', modal: false, negated: true };
  }
  return null;
}

/**
 * A trigger word ("支持", "愿", "重申"; two joined by 和/并: "尊重和支持"). 继续 takes the type of the
 * verb it continues ("继续支持" is a support), also after a prepositional phrase ("继续在…问题上给予…支持").
 */
function readZhTrigger(text: string, i: number, to: number, ctx?: ZhReading): ZhPredicate | null {
  const trig = ZH_TRIGGER_WORDS.find((t) => text.startsWith(t, i) && i + t.length <= to);
  if (!trig) return null;
  // "重申，不参加任何…同盟": what is reaffirmed is an undertaking not to act.
  if (ZH_TRIGGERS[trig] === 'affirm') {
    const refrain = refrainAt(text, /^[，,]/.test(text.charAt(i + trig.length)) ? i + trig.length + 1 : i + trig.length, to);
    if (refrain) return { ...refrain, start: i };
    // "重申支持…", "重申坚决反对…": a position reaffirmed is that position.
    const next = skipZhStrong(text, skipZhAdverbs(text, i + trig.length));
    const position = ZH_TRIGGER_WORDS.find((t) => text.startsWith(t, next) && (ZH_TRIGGERS[t] === 'support' || ZH_TRIGGERS[t] === 'oppose'));
    if (position) return { start: i, triggerEnd: next + position.length, type: ZH_TRIGGERS[position], modal: false };
  }
  // "本着相互尊重、平等互利的精神", "基于…相互尊重原则": a mutual stance named as a principle is a
  // noun, no trigger.
  if (ZH_RECIPROCAL.includes(text.slice(i - 2, i)) && (/^[、的]/.test(text.charAt(i + trig.length)) || (ctx && ZH_PRINCIPLE_OPENERS.test(text.slice(ctx.from, i))))) return null;
  // "共同愿望": 愿 in a noun (wish), not 愿 (be willing to).
  if (trig === '愿' && text.charAt(i + 1) === '望') return null;
  let type = ZH_TRIGGERS[trig];
  let end = i + trig.length;
  let chained = false;
  if (trig === '继续') {
    const next = skipZhAdverbs(text, end);
    const inner = ZH_TRIGGER_WORDS.find((t) => text.startsWith(t, next) && ZH_TRIGGERS[t] !== 'pledge');
    if (inner) {
      type = ZH_TRIGGERS[inner];
      end = next + inner.length;
    } else if (ZH_PREPOSITIONS.some((p) => text.startsWith(p, next))) {
      const verb = zhPredicate(text, next, to, false);
      if (verb && ZH_PHRASE_ENDS.test(text.slice(next, verb.start))) return verb;
    }
    if (type === 'pledge') {
      const verbLen = zhVerbLength(text, end, to);
      // "继续保持…" after "双方将…，": a plain verb continued, part of the chain's commitment.
      chained = verbLen > 0;
      end += verbLen;
    }
  }
  // "尊重和支持": two triggers sharing one object are one commitment.
  const joined = /^[和并与、]/.test(text.charAt(end)) ? ZH_TRIGGER_WORDS.find((t) => text.startsWith(t, end + 1)) : undefined;
  if (joined) {
    end += 1 + joined.length;
    chained = false;
  }
  return { start: i, triggerEnd: end, type, modal: false, chained };
}

/** "给予对方坚定支持": support given as a noun. */
function readZhGiveSupport(text: string, i: number, to: number): ZhPredicate | null {
  if (!text.startsWith('给予', i)) return null;
  const support = text.indexOf('支持', i + 2);
  if (support < 0 || support + 2 > to || support - i > 12 || text.slice(i, support).includes('的')) return null;
  return { start: i, triggerEnd: support + 2, type: 'support', modal: false };
}

/** Under a modality, a verb that opens the clause continues it ("将深化…，推进…"). */
function readZhChainVerb(text: string, i: number, to: number, ctx: ZhReading): ZhPredicate | null {
  if (!ctx.modalChain) return null;
  const verb = ZH_VERBS.find((v) => text.startsWith(v, i));
  if (!verb || ZH_ADVERB_ONLY.has(verb)) return null;
  // The verb opens the clause, or follows its opening prepositional phrase ("就…问题保持…").
  const opensHere = atZhPredicatePosition(text, ctx.from, i) || (ctx.startsWithPreposition && ZH_PHRASE_ENDS.test(text.slice(ctx.from, i)));
  if (!opensHere) return null;
  const len = zhVerbLength(text, i, to);
  // "在两国举办的会议": a verb before 的 modifies a noun.
  if (text.charAt(i + len) === '的') return null;
  return { start: i, triggerEnd: i + len, type: 'pledge', modal: true, chained: true };
}

/**
 * Another verb as the clause's predicate ("建立…相互尊重…的伙伴关系"): a trigger after it is part of
 * its object, so the search ends.
 */
function readZhOtherVerb(text: string, i: number, to: number, ctx: ZhReading): ZhPredicate | null {
  const verb = ZH_VERBS.find((v) => text.startsWith(v, i) && i + v.length <= to);
  if (!verb || ZH_ADVERB_ONLY.has(verb) || ctx.startsWithPreposition || !atZhPredicatePosition(text, ctx.from, i)) return null;
  return NO_PREDICATE;
}

/** Length of the verb (with its adverbs) starting at i: "继续推进", "深化". */
function zhVerbLength(text: string, i: number, to: number): number {
  let len = 0;
  for (let guard = 0; guard < 3; guard++) {
    const verb = ZH_VERBS.find((v) => text.startsWith(v, i + len)) ?? (text.startsWith('继续', i + len) ? '继续' : undefined);
    if (!verb || i + len + verb.length > to) break;
    len += verb.length;
  }
  return len;
}
