/**
 * Scoring the extractor against a hand-annotated statement: the annotations are the gold, the
 * same text with its annotations removed is what detection sees.
 *
 * Gold, from the `.statement` annotations:
 * - `[…]{.commitment type=pledge}` — a commitment. `type` may list the acceptable types
 *   (`type="affirm support"`); `parties="US UA"` names the actor's glossary ids (without it the
 *   actor is not scored); `optional=true` marks a debatable case, neither a miss when it is not
 *   found nor a false alarm when it is.
 * - `[…]{.party}` (any term kind) or `[…]{#ID}` — a term; its kind is the class, else the kind of
 *   the glossary entry. Only the annotated occurrences are scored (term recall, not precision), so
 *   a term need be annotated only once.
 *
 * Detection runs on the text with the annotation markup removed (`[` and `]{…}` cut out, so the
 * document reads exactly as it was written) and the front matter kept: its `parties`, `language`
 * are what a user tells the tool about the document. Lines are unchanged by the removal.
 *
 * Matching, one to one: a detected commitment matches a gold one when their spans overlap and the
 * detected type is one the gold accepts ("strict": and its parties are the gold's, as a set). As
 * many required gold commitments as possible are matched, then optional ones. Precision is over
 * the detected commitments not matched to an optional one; recall over the required gold ones.
 * Per type, recall counts a gold commitment under its first listed type and precision counts a
 * detection under its own type. A gold term is found when a detected term has exactly its span.
 */
import { analyzeText, type CompiledGlossary } from './analyze';
import type { Commitment } from './commitments';
import { TERM_KINDS, type TermKind } from './glossary';
import { COMMITMENT_TYPES, type CommitmentType } from './lexicon';
import { markupOf, parseStatement, type Annotation, type StatementProblem } from './statement';
import { LineIndex, cutOut, type Span } from './text';

/** A commitment marked in the gold. */
export interface GoldCommitment extends Span {
  /** Acceptable types; the first is the one it is counted under. */
  types: CommitmentType[];
  /** The actor's party ids; undefined when the actor is not scored. */
  parties?: string[];
  optional: boolean;
}

/** A term marked in the gold. */
export interface GoldTerm extends Span {
  kind: TermKind;
}

/** The gold of one statement, in offsets of the text with its markup removed. */
export interface Gold {
  commitments: GoldCommitment[];
  terms: GoldTerm[];
}

/**
 * Counts behind precision and recall. `gold` and `found` count gold commitments (required only),
 * `detected` and `correct` count detections (those matched to an optional gold one left out).
 * Overall `found === correct`; per type they can differ (see module doc).
 */
export interface Score {
  gold: number;
  found: number;
  detected: number;
  correct: number;
}

/** Counts behind term recall and kind accuracy. */
export interface TermScore {
  gold: number;
  found: number;
  /** Found terms whose detected kind is the gold kind. */
  kindRight: number;
}

/** A miss, a false alarm or a wrong actor, located for a reader. */
export interface EvaluationItem {
  /** 1-based line of its start. */
  line: number;
  /** Its text on one line. */
  text: string;
  /** The detected type, or the gold's acceptable types. */
  types: string[];
  /** The detected parties, or the gold's when it names them. */
  parties?: string[];
  /** For a wrong actor: the gold's parties. */
  expectedParties?: string[];
  /** For a detection: its trigger words. */
  trigger?: string;
  /** For a gold term found with another kind: the detected kind. */
  detectedKind?: string;
}

/** The scores of one statement, or of several summed (see {@link sumEvaluations}). */
export interface Evaluation {
  byType: Record<CommitmentType, Score>;
  overall: Score;
  /** Like overall, but a match needs the right parties too. */
  strict: Score;
  /** Optional gold commitments (not scored). */
  optional: number;
  terms: TermScore;
  /** Required gold commitments nothing detected matches. */
  misses: EvaluationItem[];
  /** Detections that match no gold commitment. */
  falseAlarms: EvaluationItem[];
  /** Matched commitments whose detected parties are not the gold's. */
  wrongParties: EvaluationItem[];
  /** Gold terms not found, or found with another kind (`types` holds the detected kind). */
  termMisses: EvaluationItem[];
}

/** What {@link evaluateStatement} returns: an evaluation, or the problems that prevent one. */
export type EvaluationResult = { ok: true; evaluation: Evaluation; gold: Gold; text: string } | { ok: false; problems: StatementProblem[] };

/** Attributes a commitment annotation may carry (those of the format and those of the gold). */
const COMMITMENT_ATTRIBUTES = new Set(['type', 'parties', 'optional', 'strength', 'negated', 'actor', 'trigger', 'note']);

/**
 * Scores detection on an annotated statement (see module doc). Problems in the statement or its
 * annotations (including having none to score against) mean no score: a gold that cannot be read
 * exactly would give figures that mean nothing. Problems are in offsets of `text`.
 */
export function evaluateStatement(text: string, compiled: CompiledGlossary): EvaluationResult {
  const parsed = parseStatement(text);
  const problems: StatementProblem[] = [...parsed.problems];
  const { clean, toClean } = removeMarkup(text, parsed.annotations);
  const gold = readGold(parsed.annotations, text, compiled, problems);
  if (problems.length === 0 && gold.commitments.length === 0 && gold.terms.length === 0)
    problems.push({
      start: 0,
      end: 0,
      message: 'no annotations to score against: mark commitments as [text]{.commitment type=pledge} and terms as [text]{.party} or [text]{#ID}',
    });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.start - b.start) };
  const inClean = <T extends Span>(s: T): T => ({ ...s, start: toClean(s.start), end: toClean(s.end) });
  const cleanGold: Gold = { commitments: gold.commitments.map(inClean), terms: gold.terms.map(inClean) };
  const analysis = analyzeText(clean, compiled, { statement: true });
  return { ok: true, evaluation: score(clean, cleanGold, analysis.commitments, analysis.terms), gold: cleanGold, text: clean };
}

/**
 * The text with every annotation's markup (`[` and `]{…}`) cut out, and a map from offsets of the
 * annotated text to offsets of the result. The markup never holds a line break, so lines agree.
 */
export function removeMarkup(text: string, annotations: readonly Annotation[]): { clean: string; toClean: (offset: number) => number } {
  const { text: clean, toCut } = cutOut(text, markupOf(annotations));
  return { clean, toClean: toCut };
}

/** Reads the gold from the annotations (offsets of the annotated text), reporting what cannot be read. */
function readGold(annotations: readonly Annotation[], text: string, compiled: CompiledGlossary, problems: StatementProblem[]): Gold {
  const gold: Gold = { commitments: [], terms: [] };
  for (const a of annotations) {
    const report = (message: string) => problems.push({ ...a.markup, message });
    const trimmed = trimSpan(text, a.span);
    const kinds = a.classes.filter((c): c is TermKind => (TERM_KINDS as readonly string[]).includes(c));
    for (const c of a.classes) {
      if (c !== 'commitment' && !kinds.includes(c as TermKind)) report(`unknown annotation class \`.${c}\` (expected .commitment or a term kind: ${TERM_KINDS.join(', ')})`);
    }
    const isCommitment = a.classes.includes('commitment');
    if (!isCommitment && kinds.length === 0 && a.id === undefined && Object.keys(a.attributes).some((k) => k !== 'note'))
      report('this annotation has attributes but no class: a commitment needs `.commitment`, a term its kind (`.party`) or `#ID`');
    if ((isCommitment || kinds.length > 0 || a.id !== undefined) && trimmed.start === trimmed.end) {
      report('empty annotation: there is no text between `[` and `]`');
      continue;
    }
    if (isCommitment) {
      const commitment = readGoldCommitment(a, compiled, report);
      if (commitment) gold.commitments.push({ ...commitment, ...trimmed });
    }
    if (kinds.length > 1) report(`a term has one kind, this annotation gives ${kinds.length}: ${kinds.map((k) => `.${k}`).join(' ')}`);
    const entry = a.id !== undefined ? compiled.glossary.byId.get(a.id) : undefined;
    if (a.id !== undefined && !entry) report(`\`#${a.id}\` is not the id of any glossary entry`);
    const kind = kinds[0] ?? entry?.kind;
    if (kind && (kinds.length > 0 || entry)) gold.terms.push({ ...trimmed, kind });
  }
  return gold;
}

function readGoldCommitment(a: Annotation, compiled: CompiledGlossary, report: (message: string) => void): Omit<GoldCommitment, 'start' | 'end'> | undefined {
  for (const name of Object.keys(a.attributes)) {
    if (!COMMITMENT_ATTRIBUTES.has(name)) report(`unknown commitment attribute \`${name}\` (expected ${[...COMMITMENT_ATTRIBUTES].join(', ')})`);
  }
  const typeText = a.attributes.type;
  if (typeText === undefined) {
    report('a commitment to score needs its type: type=pledge, or the acceptable types, type="affirm support"');
    return undefined;
  }
  const types = splitList(typeText);
  const unknown = types.filter((t) => !(COMMITMENT_TYPES as readonly string[]).includes(t));
  if (types.length === 0 || unknown.length > 0) {
    report(`unknown commitment type \`${unknown[0] ?? typeText}\` (expected ${COMMITMENT_TYPES.join(', ')})`);
    return undefined;
  }
  let parties: string[] | undefined;
  if (a.attributes.parties !== undefined) {
    parties = splitList(a.attributes.parties);
    if (parties.length === 0) report('`parties` is empty: give glossary ids, e.g. parties="US UA", or leave it out not to score the actor');
    for (const id of parties) if (!compiled.glossary.byId.has(id)) report(`party \`${id}\` is not the id of any glossary entry`);
  }
  const optionalText = a.attributes.optional;
  if (optionalText !== undefined && optionalText !== 'true' && optionalText !== 'false') report(`\`optional\` is true or false, not \`${optionalText}\``);
  return { types: [...new Set(types)] as CommitmentType[], ...(parties && { parties }), optional: optionalText === 'true' };
}

function splitList(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}

/** The span without white space at either end. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Scores detected commitments and terms against the gold, all in offsets of `text`. */
export function score(text: string, gold: Gold, detected: readonly Commitment[], terms: readonly (Span & { kind: TermKind })[]): Evaluation {
  const lines = new LineIndex(text);
  const lineOf = (s: Span) => lines.lineOf(s.start) + 1;
  const oneLine = (s: Span) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  const goldItem = (g: GoldCommitment): EvaluationItem => ({ line: lineOf(g), text: oneLine(g), types: g.types, ...(g.parties && { parties: g.parties }) });
  const detectedItem = (d: Commitment): EvaluationItem => ({ line: lineOf(d), text: oneLine(d), types: [d.type], parties: d.parties, trigger: d.trigger });

  const lenient = match(gold.commitments, detected, (g, d) => g.types.includes(d.type));
  const strict = match(gold.commitments, detected, (g, d) => g.types.includes(d.type) && (!g.parties || sameSet(g.parties, d.parties)));

  const evaluation = emptyEvaluation();
  const { byType, overall, strict: strictScore } = evaluation;
  gold.commitments.forEach((g, i) => {
    if (g.optional) {
      evaluation.optional++;
      return;
    }
    const s = byType[g.types[0]];
    s.gold++;
    overall.gold++;
    strictScore.gold++;
    const d = lenient.detectionOf[i];
    if (d !== -1) {
      s.found++;
      overall.found++;
      const found = detected[d];
      if (g.parties && !sameSet(g.parties, found.parties)) evaluation.wrongParties.push({ ...detectedItem(found), expectedParties: g.parties });
    } else evaluation.misses.push(goldItem(g));
    if (strict.detectionOf[i] !== -1) strictScore.found++;
  });
  detected.forEach((d, j) => {
    const countIn = (s: Score, m: Matching) => {
      const g = m.goldOf[j];
      if (g !== -1 && gold.commitments[g].optional) return;
      s.detected++;
      if (g !== -1) s.correct++;
    };
    countIn(byType[d.type], lenient);
    countIn(overall, lenient);
    countIn(strictScore, strict);
    if (lenient.goldOf[j] === -1) evaluation.falseAlarms.push(detectedItem(d));
  });

  const detectedTerms = new Map(terms.map((t) => [`${t.start}:${t.end}`, t]));
  for (const g of gold.terms) {
    evaluation.terms.gold++;
    const t = detectedTerms.get(`${g.start}:${g.end}`);
    if (t) evaluation.terms.found++;
    if (t && t.kind === g.kind) evaluation.terms.kindRight++;
    else evaluation.termMisses.push({ line: lineOf(g), text: oneLine(g), types: [g.kind], ...(t && { detectedKind: t.kind }) });
  }
  return evaluation;
}

/** A one-to-one matching: for each gold commitment the index of its detection, and back (-1: none). */
interface Matching {
  detectionOf: number[];
  goldOf: number[];
}

/**
 * A maximum matching of gold to detected commitments whose spans overlap and that `fits`, by
 * augmenting paths (a matched commitment stays matched, so matching the required gold first and
 * then the optional one gives the most required matches). Candidates are tried nearest first.
 */
function match(gold: readonly GoldCommitment[], detected: readonly Commitment[], fits: (g: GoldCommitment, d: Commitment) => boolean): Matching {
  const byStart = detected.map((_, j) => j).sort((a, b) => detected[a].start - detected[b].start);
  const candidates = gold.map((g) => {
    const list: number[] = [];
    for (const j of byStart) {
      const d = detected[j];
      if (d.start >= g.end) break;
      if (d.end > g.start && fits(g, d)) list.push(j);
    }
    // The detection whose trigger is nearest the start of the gold span (where its predicate is)
    // first, so that the one left over, reported as a false alarm, is the one that least fits.
    const distance = (j: number) => Math.abs(detected[j].triggerSpan.start - g.start);
    return list.sort((a, b) => distance(a) - distance(b));
  });
  const detectionOf = gold.map(() => -1);
  const goldOf = detected.map(() => -1);
  const augment = (i: number, seen: Set<number>): boolean => {
    for (const j of candidates[i]) {
      if (seen.has(j)) continue;
      seen.add(j);
      if (goldOf[j] === -1 || augment(goldOf[j], seen)) {
        goldOf[j] = i;
        detectionOf[i] = j;
        return true;
      }
    }
    return false;
  };
  for (const optional of [false, true]) gold.forEach((g, i) => g.optional === optional && augment(i, new Set()));
  return { detectionOf, goldOf };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function emptyScore(): Score {
  return { gold: 0, found: 0, detected: 0, correct: 0 };
}

/** An evaluation with every count at zero and every list empty. */
function emptyEvaluation(): Evaluation {
  return {
    byType: Object.fromEntries(COMMITMENT_TYPES.map((t) => [t, emptyScore()])) as Record<CommitmentType, Score>,
    overall: emptyScore(),
    strict: emptyScore(),
    optional: 0,
    terms: { gold: 0, found: 0, kindRight: 0 },
    misses: [],
    falseAlarms: [],
    wrongParties: [],
    termMisses: [],
  };
}

/** Sums evaluations (micro-average: the figures of the sum weigh every commitment alike); the item lists are not kept. */
export function sumEvaluations(evaluations: readonly Evaluation[]): Evaluation {
  const add = (a: Score, b: Score): Score => ({ gold: a.gold + b.gold, found: a.found + b.found, detected: a.detected + b.detected, correct: a.correct + b.correct });
  const sum = emptyEvaluation();
  for (const e of evaluations) {
    for (const t of COMMITMENT_TYPES) sum.byType[t] = add(sum.byType[t], e.byType[t]);
    sum.overall = add(sum.overall, e.overall);
    sum.strict = add(sum.strict, e.strict);
    sum.optional += e.optional;
    sum.terms = { gold: sum.terms.gold + e.terms.gold, found: sum.terms.found + e.terms.found, kindRight: sum.terms.kindRight + e.terms.kindRight };
  }
  return sum;
}

/**
 * Precision, recall and F1 of a score; a figure is undefined where its denominator is zero
 * (nothing to measure), and F1 is 0 when either figure is 0, even if the other is undefined.
 */
export function figures(s: Score): { precision?: number; recall?: number; f1?: number } {
  const precision = s.detected > 0 ? s.correct / s.detected : undefined;
  const recall = s.gold > 0 ? s.found / s.gold : undefined;
  let f1: number | undefined;
  if (precision === 0 || recall === 0) f1 = 0;
  else if (precision !== undefined && recall !== undefined) f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Term recall and kind accuracy (kind right among the found); undefined where nothing is measured. */
export function termFigures(t: TermScore): { recall?: number; kindAccuracy?: number } {
  return { recall: t.gold > 0 ? t.found / t.gold : undefined, kindAccuracy: t.found > 0 ? t.kindRight / t.found : undefined };
}
