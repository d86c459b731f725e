/**
 * Quick fixes for the problems of a statement and of a glossary file, as plain data: "did you
 * mean `BY`?" for a mistyped party id (nearest glossary ids by edit distance, names and aliases
 * considered), the nearest known kind, class or commitment type for an unknown one, and "add it
 * to a glossary" for an id no glossary defines. The editor turns them into code actions.
 */
import type { Analysis } from './analyze';
import { TERM_KINDS, formsOf, type Glossary, type GlossaryEntry, type TermKind } from './glossary';
import { COMMITMENT_TYPES } from './lexicon';
import type { StatementProblem } from './statement';
import type { TextEdit } from './edits';

/**
 * The optimal-string-alignment distance between two strings (insertions, deletions,
 * substitutions, and transpositions of neighbours, each costing 1), or `limit + 1` as soon as it
 * is known to exceed `limit` — a mistyped id is compared with every form of a glossary, so most
 * comparisons stop after a row or two.
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  // Three rows, reused between calls: this runs for every form of a glossary at each request.
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 2));
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < d) d = previous[j] + 1;
      if (current[j - 1] + 1 < d) d = current[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && before[j - 2] + 1 < d) d = before[j - 2] + 1;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], limit + 1);
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** How far a word may be from what was meant: one edit for short words, about one in three for longer ones, at most four. */
function tolerance(word: string): number {
  return Math.min(4, Math.max(1, Math.floor(word.length / 3)));
}

/** A glossary entry close to an unknown id, and the form of it that is closest. */
export interface IdSuggestion {
  id: string;
  /** The entry's term (its name). */
  term: string;
  /** The id, term or alias the unknown id is closest to. */
  form: string;
  distance: number;
}

/** Options of {@link suggestIds}. */
export interface SuggestIdsOptions {
  /** Only entries this test accepts (say, parties). */
  accept?: (entry: GlossaryEntry) => boolean;
  /** At most this many suggestions (3). */
  max?: number;
}

/**
 * The glossary entries nearest to an unknown id, best first: compared, case-insensitively, with
 * each entry's id, term and aliases (so `Belarus` or `Bealrus` suggest `BY`), within
 * {@link tolerance}. Ties go to a match on the id itself, then to the shorter id.
 */
export function suggestIds(unknown: string, entries: Iterable<GlossaryEntry>, options: SuggestIdsOptions = {}): IdSuggestion[] {
  const wanted = unknown.trim().toLowerCase();
  if (wanted === '') return [];
  const limit = tolerance(wanted);
  const found: (IdSuggestion & { onId: boolean })[] = [];
  for (const entry of entries) {
    if (entry.id === unknown || (options.accept && !options.accept(entry))) continue;
    let best: (IdSuggestion & { onId: boolean }) | undefined;
    const forms = lowerFormsOf(entry);
    for (let k = 0; k < forms.length; k++) {
      const distance = editDistance(wanted, forms[k], best ? Math.min(limit, best.distance) : limit);
      if (distance > limit || (best && distance >= best.distance)) continue;
      const form = k === 0 ? entry.id : formsOf(entry)[k - 1];
      best = { id: entry.id, term: entry.term, form, distance, onId: k === 0 };
    }
    if (best) found.push(best);
  }
  found.sort((x, y) => x.distance - y.distance || Number(y.onId) - Number(x.onId) || x.id.length - y.id.length || x.id.localeCompare(y.id));
  return found.slice(0, options.max ?? 3).map(({ id, term, form, distance }) => ({ id, term, form, distance }));
}

/** Each entry's id and forms, lower-cased once (entries are immutable once a glossary is built). */
const lowerForms = new WeakMap<GlossaryEntry, string[]>();

function lowerFormsOf(entry: GlossaryEntry): string[] {
  let forms = lowerForms.get(entry);
  if (!forms) lowerForms.set(entry, (forms = [entry.id, ...formsOf(entry)].map((f) => f.toLowerCase())));
  return forms;
}

/** The words of `known` nearest to `unknown` (case-insensitive, within {@link tolerance}, at most `max`), best first. */
export function nearestWords(unknown: string, known: readonly string[], max = 3): string[] {
  const wanted = unknown.trim().toLowerCase();
  const limit = Math.max(2, tolerance(wanted));
  return known
    .map((word) => ({ word, distance: editDistance(wanted, word.toLowerCase(), limit) }))
    .filter((w) => w.distance <= limit && w.word !== unknown)
    .sort((x, y) => x.distance - y.distance)
    .slice(0, max)
    .map((w) => w.word);
}

/** An entry to add to a workspace glossary (the editor asks for what is missing: the kind, the file). */
export interface EntryToAdd {
  id: string;
  term: string;
  kind?: TermKind;
}

/** A fix the editor offers for a problem: an edit of the statement, or an entry to add to a glossary. */
export type QuickFix = { title: string; problem: StatementProblem; edit: TextEdit; preferred: boolean } | { title: string; problem: StatementProblem; addEntry: EntryToAdd };

/** Entries that may stand for a party: states and organisations, and groups that speak through their members. */
function isPartyLike(entry: GlossaryEntry): boolean {
  return entry.kind === 'party' || (entry.members?.length ?? 0) > 0;
}

/**
 * The quick fixes for the problems of `analysis` that touch `range` (an empty range touches
 * problems around it): for an unknown `#id`, the nearest ids and "add it to a glossary" (its term
 * the annotated text, its kind the annotation's class when it has one); for an unknown party id,
 * the nearest parties; for an unknown class or commitment type, the nearest known one.
 */
export function statementQuickFixes(analysis: Pick<Analysis, 'warnings' | 'annotations' | 'plain'>, glossary: Glossary, range: { start: number; end: number }): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const problem of analysis.warnings) {
    if (problem.end < range.start || problem.start > range.end || !problem.code || problem.value === undefined) continue;
    const value = problem.value;
    const replace = (newText: string, title: string, preferred: boolean): QuickFix => ({ title, problem, edit: { start: problem.start, end: problem.end, newText }, preferred });
    switch (problem.code) {
      case 'unknown-id': {
        const annotation = analysis.annotations.find((a) => a.idSpan?.start === problem.start);
        const kind = annotation?.classes.find((c): c is TermKind => (TERM_KINDS as readonly string[]).includes(c));
        const accept = kind ? (e: GlossaryEntry) => e.kind === kind : undefined;
        suggestIds(value, glossary.entries, { accept }).forEach((s, i) => fixes.push(replace(s.id, `Change to \`#${s.id}\` (${s.term})`, i === 0)));
        const term = annotation ? analysis.plain.slice(annotation.span.start, annotation.span.end).replace(/\s+/g, ' ').trim() : '';
        fixes.push({ title: `Add \`${value}\` to a glossary`, problem, addEntry: { id: value, term: term || value, ...(kind && { kind }) } });
        break;
      }
      case 'unknown-party':
        suggestIds(value, glossary.entries, { accept: isPartyLike }).forEach((s, i) => fixes.push(replace(s.id, `Did you mean \`${s.id}\` (${s.term})?`, i === 0)));
        break;
      case 'unknown-class':
        nearestWords(value, [...TERM_KINDS, 'commitment']).forEach((word, i) => fixes.push(replace(word, `Change to \`.${word}\``, i === 0)));
        break;
      case 'unknown-type':
        nearestWords(value, COMMITMENT_TYPES).forEach((word, i) => fixes.push(replace(word, `Change to \`${word}\``, i === 0)));
        break;
    }
  }
  return fixes;
}

/** The fixes for a glossary entry's unknown `kind` (the value as written, quotes and all): the nearest known kinds. */
export function kindQuickFixes(written: string): { title: string; newText: string; preferred: boolean }[] {
  const quote = /^(["'])(.*)\1$/s.exec(written.trim());
  const value = quote ? quote[2] : written.trim();
  return nearestWords(value, TERM_KINDS).map((kind, i) => ({ title: `Change to \`${kind}\``, newText: kind, preferred: i === 0 }));
}
