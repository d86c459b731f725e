/**
 * A corpus of analysed statements, navigated by glossary term: where each term occurs (for Find
 * All References), the symbols of a document (terms, and commitments by the terms they commit to,
 * for Go to Symbol in Workspace), a term × document index with dates (the CLI's `index`), and a
 * term's timeline — in which documents, when (the `date` of the front matter) and who commits to
 * it (the commitments whose span holds the term: their type and parties). Pure: the hosts read
 * and analyse the files, this module only reads analyses.
 */
import type { Analysis } from './analyze';
import type { Commitment } from './commitments';
import { csvField, displayText, htmlText, reportPage } from './display';
import type { Glossary, GlossaryEntry } from './glossary';
import { COMMITMENT_TYPES, type CommitmentType } from './lexicon';
import { commitmentLabel } from './outline';
import { partyNamer } from './report';
import { LineIndex, type Span } from './text';

/** One analysed document of a corpus: its name (a path or URI, as the host names it), text and analysis. */
export interface CorpusDocument {
  file: string;
  text: string;
  analysis: Analysis;
}

/** The commitment an occurrence of a term is part of. */
export interface OccurrenceCommitment {
  type: CommitmentType;
  /** Party ids of its actor (empty when the actor names no known party). */
  parties: string[];
  /** The actor's own words ("The Belarusian side"), on one line. */
  actor: string;
  negated: boolean;
}

/** Where a term occurs in a document. */
export interface TermOccurrence extends Span {
  file: string;
  /** 1-based line and column (UTF-16 code units) of the start. */
  line: number;
  column: number;
  /** The words as written. */
  text: string;
  /** The innermost commitment whose span holds the occurrence, when there is one. */
  commitment?: OccurrenceCommitment;
}

/**
 * Every occurrence of the glossary entry `id` in `doc`, in document order, each with the
 * commitment it is part of. Cheap: reads the analysis only.
 */
export function termOccurrences(doc: CorpusDocument, id: string): TermOccurrence[] {
  const hits = doc.analysis.terms.filter((t) => t.id === id);
  if (hits.length === 0) return [];
  const lines = new LineIndex(doc.text);
  return hits.map((t) => {
    const p = lines.position(t.start);
    const occurrence: TermOccurrence = { file: doc.file, start: t.start, end: t.end, line: p.line, column: p.column, text: doc.text.slice(t.start, t.end) };
    const c = innermostCommitment(doc.analysis.commitments, t);
    if (c) occurrence.commitment = { type: c.type, parties: c.parties, actor: oneLine(c.actor), negated: c.negated };
    return occurrence;
  });
}

/** The shortest commitment whose span holds `span` (commitments may nest: a lead-in and its items). */
function innermostCommitment(commitments: readonly Commitment[], span: Span): Commitment | undefined {
  let best: Commitment | undefined;
  for (const c of commitments) {
    if (c.start > span.start) break;
    if (c.end >= span.end && (!best || c.end - c.start < best.end - best.start)) best = c;
  }
  return best;
}

/** A document of the index: its name, its date as the front matter gives it, and its parties. */
export interface IndexedDocument {
  file: string;
  /** The front matter's `date` as written (none for a plain file, or a statement without one). */
  date?: string;
  parties: string[];
}

/** A term of the index, with its occurrences in every document (documents in index order). */
export interface IndexedTerm {
  id: string;
  term: string;
  kind: string;
  occurrences: TermOccurrence[];
}

/** A term × document index of a corpus (see {@link buildCorpusIndex}). */
export interface CorpusIndex {
  /** In the order given. */
  documents: IndexedDocument[];
  /** By id. */
  terms: IndexedTerm[];
}

/** The date of a document, from its front matter (a string; YAML may give a number or a Date). */
export function documentDate(analysis: Pick<Analysis, 'frontMatter'>): string | undefined {
  const date: unknown = analysis.frontMatter?.date;
  if (date instanceof Date) return date.toISOString().slice(0, 10);
  if (typeof date === 'string' || typeof date === 'number') return String(date).trim() || undefined;
  return undefined;
}

/**
 * The term × document index of `docs`: every glossary term found, with its occurrences in each
 * document; only the entry `term` when it is given. Entries are named from `glossary` (a term the
 * glossary no longer has keeps its id as its name).
 */
export function buildCorpusIndex(docs: readonly CorpusDocument[], glossary: Pick<Glossary, 'byId'>, options: { term?: string } = {}): CorpusIndex {
  const documents = docs.map((d) => ({ file: d.file, ...dated(d.analysis), parties: d.analysis.parties.map((p) => p.id) }));
  const ids = new Set<string>();
  for (const d of docs) for (const t of d.analysis.terms) if (options.term === undefined || t.id === options.term) ids.add(t.id);
  if (options.term !== undefined) ids.add(options.term);
  const terms = [...ids].sort().map((id): IndexedTerm => {
    const entry = glossary.byId.get(id);
    const kind = entry?.kind ?? docs.flatMap((d) => d.analysis.terms).find((t) => t.id === id)?.kind ?? '';
    return { id, term: entry?.term ?? id, kind, occurrences: docs.flatMap((d) => termOccurrences(d, id)) };
  });
  return { documents, terms };
}

function dated(analysis: Analysis): { date?: string } {
  const date = documentDate(analysis);
  return date === undefined ? {} : { date };
}

/** A commitment that holds a term, as a timeline row lists it: type, parties (or actor words), negation. */
export interface TimelineActor {
  type: CommitmentType;
  negated: boolean;
  /** Party ids; empty when the actor names no known party (then {@link actor} says who). */
  parties: string[];
  actor: string;
}

/** One document of a term's timeline. */
export interface TimelineRow {
  file: string;
  date?: string;
  count: number;
  /** The distinct commitments that hold the term, in document order. */
  actors: TimelineActor[];
  occurrences: TermOccurrence[];
}

/** Where and when a term appears (see {@link termTimeline}). */
export interface TermTimeline {
  id: string;
  term: string;
  kind: string;
  /** Documents where the term appears, oldest first; undated ones last, in index order. */
  rows: TimelineRow[];
  /** How many documents the index has (the term may be in fewer). */
  documents: number;
}

/**
 * The timeline of the term `id` in `index`: one row per document it appears in, by date (ISO
 * dates sort as text; undated documents come last, in index order), each with who commits to
 * it. Undefined when the index has no such term.
 */
export function termTimeline(index: CorpusIndex, id: string): TermTimeline | undefined {
  const term = index.terms.find((t) => t.id === id);
  if (!term) return undefined;
  const rows = index.documents
    .map((d, order) => ({ d, order, occurrences: term.occurrences.filter((o) => o.file === d.file) }))
    .filter((r) => r.occurrences.length > 0)
    .sort((a, b) => compareDates(a.d.date, b.d.date) || a.order - b.order)
    .map(({ d, occurrences }): TimelineRow => ({
      file: d.file,
      ...(d.date === undefined ? {} : { date: d.date }),
      count: occurrences.length,
      actors: actorsOf(occurrences),
      occurrences,
    }));
  return { id: term.id, term: term.term, kind: term.kind, rows, documents: index.documents.length };
}

/** Dated before undated; dates as text (ISO dates sort so). */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

function actorsOf(occurrences: readonly TermOccurrence[]): TimelineActor[] {
  const seen = new Map<string, TimelineActor>();
  for (const o of occurrences) {
    const c = o.commitment;
    if (!c) continue;
    const key = JSON.stringify([c.type, c.negated, c.parties, c.parties.length ? '' : c.actor]);
    if (!seen.has(key)) seen.set(key, { type: c.type, negated: c.negated, parties: c.parties, actor: c.actor });
  }
  return [...seen.values()];
}

/** An actor as an index cell lists it: its party ids ("CN BY") or its words, `not ` before a negated one. */
function actorCell(a: TimelineActor): string {
  const who = a.parties.length ? a.parties.join(' ') : a.actor;
  return a.negated ? `not ${who}` : who;
}

/**
 * The CSV header of {@link corpusIndexToCsvRows}: the term, the document and its date, how many
 * times the term occurs there, then per commitment type the actors of the commitments of that
 * type that hold the term.
 */
export const INDEX_CSV_HEADER = ['term', 'name', 'kind', 'document', 'date', 'count', ...COMMITMENT_TYPES].join(',');

/**
 * The index as CSV rows (see {@link INDEX_CSV_HEADER}), one per term and document it occurs in,
 * terms by id, documents by date (see {@link termTimeline}). With `all`, every document gets a
 * row for every term, `0` where it is absent (for one term: its whole timeline, gaps included).
 * A type's cell lists the actors separated by `; `, each as party ids separated by spaces (or the
 * actor's words when it names no known party), `not ` before a negated commitment.
 */
export function corpusIndexToCsvRows(index: CorpusIndex, options: { all?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const term of index.terms) {
    const timeline = termTimeline(index, term.id)!;
    const rows: (TimelineRow | IndexedDocument)[] = [...timeline.rows];
    if (options.all) {
      const present = new Set(timeline.rows.map((r) => r.file));
      rows.push(...index.documents.filter((d) => !present.has(d.file)));
      rows.sort((a, b) => compareDates(a.date, b.date));
    }
    for (const row of rows) {
      const actors = 'actors' in row ? row.actors : [];
      const byType = COMMITMENT_TYPES.map((type) =>
        actors
          .filter((a) => a.type === type)
          .map(actorCell)
          .join('; '),
      );
      const count = 'count' in row ? row.count : 0;
      out.push([term.id, term.term, term.kind, row.file, row.date ?? '', count, ...byType].map(csvField).join(','));
    }
  }
  return out;
}

/**
 * The index as the JSON of `diplomatic-annotator index`: `{documents: [{file, date?, parties}],
 * terms: [{id, term, kind, occurrences: [{file, line, column, text, commitment?: {type, parties,
 * actor, negated}}]}]}`.
 */
export function corpusIndexToJson(index: CorpusIndex): unknown {
  return {
    documents: index.documents,
    terms: index.terms.map((t) => ({
      id: t.id,
      term: t.term,
      kind: t.kind,
      occurrences: t.occurrences.map((o) => ({ file: o.file, line: o.line, column: o.column, text: o.text, ...(o.commitment ? { commitment: o.commitment } : {}) })),
    })),
  };
}

/** What a symbol of a document stands for. */
export type CorpusSymbolKind = 'term' | 'commitment';

/** A symbol of a document for Go to Symbol in Workspace. */
export interface CorpusSymbol {
  /** "Global Development Initiative", or "supports — Global Development Initiative" (display text). */
  name: string;
  kind: CorpusSymbolKind;
  /** The term's kind, or the commitment's type and actor. */
  detail: string;
  /** The term's first occurrence, or the commitment. */
  range: Span;
}

/**
 * The symbols of a document: each glossary term it uses (once, at its first occurrence), and each
 * commitment once per term it commits to, named by trigger and term ("supports — Global
 * Development Initiative"; terms of its actor or trigger do not count); a commitment with no such
 * term is named as in the outline ("will deepen — the high-quality…"). Only those whose name
 * matches `query` (see {@link matchesSymbolQuery}).
 */
export function corpusSymbols(doc: CorpusDocument, glossary: Pick<Glossary, 'byId'>, query = ''): CorpusSymbol[] {
  const out: CorpusSymbol[] = [];
  const push = (s: CorpusSymbol) => {
    if (matchesSymbolQuery(s.name, query)) out.push(s);
  };
  const { analysis } = doc;
  const nameOf = (id: string, fallback: string) => glossary.byId.get(id)?.term ?? fallback;
  const seen = new Set<string>();
  for (const t of analysis.terms) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    push({ name: displayText(nameOf(t.id, t.id)), kind: 'term', detail: t.kind, range: { start: t.start, end: t.end } });
  }
  const parties = partyNamer(glossary, analysis.parties);
  let from = 0;
  for (const c of analysis.commitments) {
    // Terms are in document order: start the search at the first that can be inside.
    while (from < analysis.terms.length && analysis.terms[from].start < c.start) from++;
    const names = new Set<string>();
    for (let i = from; i < analysis.terms.length && analysis.terms[i].start < c.end; i++) {
      const t = analysis.terms[i];
      if (t.end > c.end || within(t, c.actorSpan) || within(t, c.triggerSpan)) continue;
      names.add(nameOf(t.id, analysis.plain.slice(t.start, t.end)));
    }
    const who = c.parties.length ? c.parties.map(parties).join(', ') : oneLine(c.actor);
    const detail = displayText([c.type, c.negated ? 'negated' : '', who].filter(Boolean).join(' · '));
    const trigger = oneLine(c.trigger);
    const range = { start: c.start, end: c.end };
    if (names.size === 0) push({ name: commitmentLabel(c, analysis.plain), kind: 'commitment', detail, range });
    for (const name of names) push({ name: displayText(`${trigger} — ${name}`), kind: 'commitment', detail, range });
  }
  return out;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * True when `name` matches a Go to Symbol query the relaxed way VS Code asks providers to: the
 * query's characters appear in the name in order, case aside (white space in the query ignored).
 * The editor ranks and highlights the matches itself.
 */
export function matchesSymbolQuery(name: string, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return true;
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of q) {
    at = n.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

/**
 * The glossary entry a line of a glossary file names by its `id:` or `term:` (for Find All
 * References from the glossary): the entry of `file` whose origin is the last at or before `line`
 * (1-based), when `lineText` is that entry's `id` or `term` line. Entries come from the merged
 * glossary, whose `origin.file` names their file as `file` does.
 */
export function entryAtGlossaryLine(entries: readonly GlossaryEntry[], file: string, line: number, lineText: string): GlossaryEntry | undefined {
  const m = /^\s*(?:-\s+)?(id|term)\s*:\s*(.*?)\s*$/.exec(lineText);
  if (!m) return undefined;
  let best: GlossaryEntry | undefined;
  for (const e of entries) {
    if (e.origin.file !== file || e.origin.line > line) continue;
    if (!best || e.origin.line > best.origin.line) best = e;
  }
  if (!best) return undefined;
  const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
  return value === (m[1] === 'id' ? best.id : best.term) ? best : undefined;
}

/** What {@link timelineToHtml} needs from its host. */
export interface TimelineHtmlOptions {
  /** A nonce for the one `<style>` element, which the Content-Security-Policy allows; the page has no script. */
  nonce: string;
  /** The link that reveals an occurrence (a `command:` URI in the editor), or undefined for none. */
  revealLink: (occurrence: TermOccurrence) => string | undefined;
  /** A document's name as shown (a path relative to the workspace, say); the file itself by default. */
  documentName?: (file: string) => string;
  /** Names parties ("CN" → "China"). */
  glossary?: Pick<Glossary, 'byId'>;
}

/**
 * A term's timeline as an HTML page: a summary ("in 4 of 40 documents, 2013-06-21 to
 * 2025-12-05"), then a table with a row per document — date, document, count, who commits to the
 * term (by type, with parties named) — and each occurrence as a link that reveals it, with its
 * line. The Content-Security-Policy allows nothing but the page's own style.
 */
export function timelineToHtml(timeline: TermTimeline, options: TimelineHtmlOptions): string {
  const h = htmlText;
  const name = options.documentName ?? ((f: string) => f);
  const body: string[] = [];
  const nameOf = partyNamer(options.glossary);
  for (const row of timeline.rows) {
    const actors = row.actors.length
      ? row.actors
          .map((a) => {
            const who = a.parties.length ? a.parties.map(nameOf).join(', ') : a.actor;
            return `<li><span class="type">${h(a.negated ? `not ${a.type}` : a.type)}</span> ${h(who)}</li>`;
          })
          .join('')
      : '';
    const links = row.occurrences
      .map((o) => {
        const label = `line ${o.line}`;
        const link = options.revealLink(o);
        const title = `${o.text}${o.commitment ? ` (${o.commitment.type})` : ''}`;
        return link ? `<a href="${h(link)}" title="${h(title)}">${h(label)}</a>` : `<span title="${h(title)}">${h(label)}</span>`;
      })
      .join(', ');
    body.push(
      `<tr><td class="date">${h(row.date ?? '—')}</td><td>${h(name(row.file))}</td><td class="count">${row.count}</td>` +
        `<td>${actors ? `<ul>${actors}</ul>` : '<span class="none">no commitment</span>'}</td><td>${links}</td></tr>`,
    );
  }
  const css = `table { border-collapse: collapse; width: 100%; }
td.date, td.count { white-space: nowrap; font-variant-numeric: tabular-nums; }
ul { margin: 0; padding-left: 1.2em; }
.type { font-weight: bold; }
.none { color: var(--vscode-descriptionForeground); }`;
  const table = `<p class="summary">${h(timelineSummary(timeline))}.</p>
<table>
<tr><th>Date</th><th>Document</th><th>Count</th><th>Who commits to it</th><th>Occurrences</th></tr>
${body.join('\n')}
</table>`;
  return reportPage(`Timeline: ${timeline.term}`, options.nonce, css, table);
}

/** One line about a timeline: "Sustainable Development Goals (sustainable-development-goals): in 3 of 40 documents, 2021-06-13 to 2023-05-20". */
export function timelineSummary(timeline: TermTimeline): string {
  const dates = timeline.rows.map((r) => r.date).filter((d): d is string => d !== undefined);
  const span = dates.length ? `, ${dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`}` : '';
  return displayText(`${timeline.term} (${timeline.id}): in ${timeline.rows.length} of ${timeline.documents} document${timeline.documents === 1 ? '' : 's'}${span}`);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A language as extensions contribute it: its id and the file name endings that select it. */
export interface LanguageContribution {
  id: string;
  extensions?: readonly string[];
}

/**
 * The glob of the files of the corpus: every file whose name ends as one of the `languages` (the
 * `diplomaticAnnotator.languages` setting) is contributed with ("statement" → `.statement`;
 * "plaintext" → `.txt`…), as one brace glob over every folder (`*.{statement,txt}` at any depth). Undefined when no language has an ending.
 * Endings with glob characters are left out (they would widen the glob).
 */
export function corpusFileGlob(languages: readonly string[], contributions: readonly LanguageContribution[]): string | undefined {
  const wanted = new Set(languages);
  const endings = new Set<string>();
  for (const c of contributions) {
    if (!wanted.has(c.id)) continue;
    for (const e of c.extensions ?? []) {
      const ending = e.replace(/^\./, '');
      if (ending && !/[*?{}[\],/\\!]/.test(ending)) endings.add(ending);
    }
  }
  const sorted = [...endings].sort();
  if (sorted.length === 0) return undefined;
  return sorted.length === 1 ? `**/*.${sorted[0]}` : `**/*.{${sorted.join(',')}}`;
}
