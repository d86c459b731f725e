/**
 * Reports of analyses for people and programs: JSON (the CLI's and the export's schema), Markdown
 * (an outline grouped by the parties that make the commitments, or a table), and CSV — all with
 * 1-based lines and columns in UTF-16 code
 * units, as VS Code counts them. What people read (Markdown, CSV, problems) goes through
 * {@link displayText}: no control characters, bidirectional controls shown; CSV cells that would
 * start a formula are escaped. Also the tables of `eval` (see `evaluate.ts`).
 */
import type { Analysis } from './analyze';
import type { Commitment } from './commitments';
import { csvField, displayText, escapeMarkdown } from './display';
import { figures, sumEvaluations, termFigures, type Evaluation, type EvaluationItem, type Score } from './evaluate';
import type { Glossary, GlossaryEntry, GlossaryProblem } from './glossary';
import { COMMITMENT_TYPES } from './lexicon';
import { joinNotes, noteIndexOf } from './notes';
import { LineIndex, type Span } from './text';

/** A located item in a report. */
export interface Located {
  line: number;
  column: number;
  length: number;
}

/** One document of the JSON report. */
export interface DocumentReport {
  file: string;
  language: string;
  parties: { id: string; name: string }[];
  /** Each with the `note` of the notes on it, when there are any. */
  terms: ({ id: string; kind: string; text: string; note?: string } & Located)[];
  /** Each with the `note` of the notes on it (its span or words inside it), when there are any. */
  commitments: ({ actor: string; parties: string[]; type: string; trigger: string; strength: string; negated: boolean; text: string; note?: string } & Located)[];
  /** Every `{note="…"}` of the document, with the words it is on. */
  notes: ({ note: string; text: string } & Located)[];
  warnings: ({ message: string } & Located)[];
}

/** The JSON-ready report of one analysed text. */
export function toDocumentReport(file: string, text: string, analysis: Analysis): DocumentReport {
  const { loc, noteOn } = reportHelpers(text, analysis);
  return {
    file,
    language: analysis.language,
    parties: analysis.parties,
    terms: analysis.terms.map((t) => ({ id: t.id, kind: t.kind, text: text.slice(t.start, t.end), ...noteOn(t), ...loc(t) })),
    commitments: toCommitmentReports(text, analysis),
    notes: analysis.notes.map((n) => ({ note: n.note, text: oneLine(analysis.plain.slice(n.start, n.end)), ...loc(n) })),
    warnings: analysis.warnings.map((w) => ({ message: w.message, ...loc(w) })),
  };
}

/** The `commitments` of {@link toDocumentReport} alone (what a diff report shows of each side). */
export function toCommitmentReports(text: string, analysis: Analysis): DocumentReport['commitments'] {
  const { loc, noteOn } = reportHelpers(text, analysis);
  return analysis.commitments.map((c) => ({
    actor: c.actor,
    parties: c.parties,
    type: c.type,
    trigger: c.trigger,
    strength: c.strength,
    negated: c.negated,
    text: oneLine(analysis.plain.slice(c.start, c.end)),
    ...noteOn(c),
    ...loc(c),
  }));
}

/** Where a span is (line, column, length) and the notes on it, as the JSON report gives them. */
function reportHelpers(text: string, analysis: Analysis) {
  const lines = new LineIndex(text);
  const loc = (s: Span): Located => {
    const p = lines.position(s.start);
    return { line: p.line, column: p.column, length: s.end - s.start };
  };
  const notes = noteIndexOf(analysis.notes);
  const noteOn = (s: Span) => {
    const note = notes.empty ? undefined : joinNotes(notes.on(s));
    return note === undefined ? {} : { note };
  };
  return { loc, noteOn };
}

/** The text on one line, runs of white space (and blanked-out markup) folded to one space. */
function oneLine(s: string): string {
  // Most texts are on one line already: then the copy `replace` makes is not needed.
  return NOT_ONE_LINE.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** White space that {@link oneLine} changes: at either end, two in a row, or any but a plain space. */
const NOT_ONE_LINE = /^\s|\s$|\s\s|[^\S ]/;

/** Items of a JSON array written at once: a large document's report is never whole in memory. */
const JSON_CHUNK = 2000;

/**
 * Writes the JSON of {@link toDocumentReport} in pieces, without building the whole report (a
 * large corpus file does not need its report in memory twice). The output is byte-identical to
 * `JSON.stringify(toDocumentReport(…))`: each piece is `JSON.stringify` of up to
 * {@link JSON_CHUNK} items made as that report makes them (V8 writes an array of objects of one
 * shape far faster than it joins strings built field by field).
 */
export function writeDocumentJson(file: string, text: string, analysis: Analysis, write: (chunk: string) => void): void {
  const lines = new LineIndex(text);
  // Items come in document order: each one's line is found from the line of the one before.
  let line = 0;
  const lineOf = (offset: number) => {
    if (offset < lines.lineStart(line)) line = lines.lineOf(offset);
    else while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= offset) line++;
    return line;
  };
  const notes = noteIndexOf(analysis.notes);
  const noteOn = (start: number, end: number) => (notes.empty ? undefined : joinNotes(notes.on({ start, end })));
  write(`{"file":${JSON.stringify(file)},"language":${JSON.stringify(analysis.language)},"parties":${JSON.stringify(analysis.parties)},"terms":[`);
  let items: object[] = [];
  let written = 0;
  // The items of an array so far, without its brackets (the comma between two pieces is a piece
  // of its own: joined to one, it would make the piece a copy).
  const writeItems = () => {
    if (items.length === 0) return;
    if (written > 0) write(',');
    write(JSON.stringify(items).slice(1, -1));
    written += items.length;
    items = [];
  };
  const add = (item: object) => {
    items.push(item);
    if (items.length === JSON_CHUNK) writeItems();
  };
  const finish = () => {
    writeItems();
    written = 0;
  };
  // The blocks' own items, shifted here (forEachTerm and forEachCommitment would copy each one first).
  for (const b of analysis.blocks) {
    for (const t of b.result.terms) {
      const start = t.start + b.start;
      const end = t.end + b.start;
      const at = lineOf(start);
      const { id, kind } = t;
      const words = text.slice(start, end);
      const note = noteOn(start, end);
      const column = start - lines.lineStart(at) + 1;
      add(note === undefined ? { id, kind, text: words, line: at + 1, column, length: end - start } : { id, kind, text: words, note, line: at + 1, column, length: end - start });
    }
  }
  finish();
  write('],"commitments":[');
  line = 0;
  for (const b of analysis.blocks) {
    for (const c of b.result.commitments) {
      const start = c.start + b.start;
      const end = c.end + b.start;
      const at = lineOf(start);
      const note = noteOn(start, end);
      const { actor, parties, type, trigger, strength, negated } = c;
      const words = oneLine(analysis.plain.slice(start, end));
      const column = start - lines.lineStart(at) + 1;
      add(
        note === undefined
          ? { actor, parties, type, trigger, strength, negated, text: words, line: at + 1, column, length: end - start }
          : { actor, parties, type, trigger, strength, negated, text: words, note, line: at + 1, column, length: end - start },
      );
    }
  }
  finish();
  const loc = (s: Span) => {
    const p = lines.position(s.start);
    return `"line":${p.line},"column":${p.column},"length":${s.end - s.start}`;
  };
  const noteItems = analysis.notes.map((n) => `{"note":${JSON.stringify(n.note)},"text":${JSON.stringify(oneLine(analysis.plain.slice(n.start, n.end)))},${loc(n)}}`);
  write(`],"notes":[${noteItems.join(',')}],"warnings":[${analysis.warnings.map((w) => `{"message":${JSON.stringify(w.message)},${loc(w)}}`).join(',')}]}`);
}

/** Commitments made by the same parties, whatever words name them (see {@link groupByParties}). */
export interface PartyGroup {
  /**
   * The parties' names ("Chile, Viet Nam"); for an actor that resolves to no party, its own
   * words ("The Security Council"); "Unattributed" when there is neither.
   */
  label: string;
  /** The resolved party ids, in the order the group's first commitment gives them. */
  parties: string[];
  /** The distinct words that name the actor ("The two sides", "Both sides"), in order of first appearance. */
  actors: string[];
  commitments: Commitment[];
}

/**
 * Commitments grouped by the parties their actor resolves to, in order of first appearance: "The
 * two sides", "Both sides", "Chile and Viet Nam" and "The Republic of Chile and the Socialist
 * Republic of Viet Nam" are one group of Chile and Viet Nam. An actor that resolves to no party
 * is grouped by its words (case and spacing aside). What the outline, the Commitments view and
 * the Markdown report show; `nameOf` gives a party id's name (see {@link partyNamer}).
 */
export function groupByParties(commitments: readonly Commitment[], nameOf: (id: string) => string): PartyGroup[] {
  const groups = new Map<string, PartyGroup>();
  for (const c of commitments) {
    const parties = [...new Set(c.parties)];
    const words = c.actor.replace(/\s+/g, ' ').trim();
    const key = parties.length > 0 ? `parties:${[...parties].sort().join(',')}` : `words:${words.toLowerCase()}`;
    let g = groups.get(key);
    if (!g) {
      const label = parties.length > 0 ? parties.map(nameOf).join(', ') : capitalize(words || 'Unattributed');
      groups.set(key, (g = { label, parties, actors: [], commitments: [] }));
    }
    if (words && !g.actors.some((a) => a.toLowerCase() === words.toLowerCase())) g.actors.push(words);
    g.commitments.push(c);
  }
  return [...groups.values()];
}

/**
 * A party id's name: its glossary entry's `term` ("CN" → "China"), else the name the document's
 * parties give it, else the id itself.
 */
export function partyNamer(glossary: Pick<Glossary, 'byId'> | undefined, known: readonly { id: string; name: string }[] = []): (id: string) => string {
  return (id) => glossary?.byId.get(id)?.term ?? known.find((p) => p.id === id)?.name ?? id;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Options of {@link toMarkdown}. */
export interface MarkdownReportOptions {
  /**
   * `outline` (the default; `extract --format markdown`): commitments grouped by the parties that
   * make them, each with its actor's words and its notes, then terms by kind, notes, warnings.
   * `table` (Export Commitments): one row per commitment with every column of the CSV report.
   */
  view?: 'outline' | 'table';
  /** Names a party id (default: the document's parties, else the id); see {@link partyNamer}. */
  nameOf?: (id: string) => string;
}

/**
 * The Markdown report of one document, the one renderer of the CLI and the editor: a heading (the
 * file), a line on its language, parties and counts, then the {@link MarkdownReportOptions.view}
 * asked for. Text from the document is escaped for reading raw as well as rendered
 * ({@link escapeMarkdown} `syntax`).
 */
export function toMarkdown(doc: DocumentReport, commitments: Commitment[], options: MarkdownReportOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${displayText(doc.file)}`, '');
  const parties = doc.parties.length ? doc.parties.map((p) => `${md(p.name)} (${md(p.id)})`).join(', ') : 'none detected';
  out.push(
    `Language: ${doc.language} · Parties: ${parties} · ${doc.commitments.length} commitment${doc.commitments.length === 1 ? '' : 's'}, ${doc.terms.length} term${doc.terms.length === 1 ? '' : 's'}`,
    '',
  );
  if (options.view === 'table') out.push(...commitmentTable(doc), '');
  else outline(out, doc, commitments, options.nameOf ?? partyNamer(undefined, doc.parties));
  return out.join('\n');
}

/** The outline view of {@link toMarkdown}, appended to `out`. */
function outline(out: string[], doc: DocumentReport, commitments: Commitment[], nameOf: (id: string) => string): void {
  const located = new Map(commitments.map((c, i) => [c, doc.commitments[i]]));
  for (const group of groupByParties(commitments, nameOf)) {
    // Ids no glossary names are the label already.
    const ids = group.parties.length && group.label !== group.parties.join(', ') ? ` (${md(group.parties.join(', '))})` : '';
    out.push(`## ${md(group.label)}${ids} — ${group.commitments.length} commitment${group.commitments.length === 1 ? '' : 's'}`, '');
    for (const c of group.commitments) {
      const r = located.get(c)!;
      const marks = [c.type, c.strength !== 'normal' ? c.strength : '', c.negated ? 'negated' : ''].filter(Boolean).join(', ');
      // A group of parties gathers several wordings: each item says whose words it is.
      const actor = group.parties.length > 0 && c.actor ? `${md(oneLine(c.actor))}: ` : '';
      out.push(`- line ${r.line}: ${actor}**${md(c.trigger)}** — ${md(r.text)} *(${marks})*`);
      if (r.note !== undefined) out.push(`  - *Note:* ${md(r.note)}`);
    }
    out.push('');
  }
  if (doc.terms.length > 0) {
    out.push('## Terms', '');
    const byKind = new Map<string, Map<string, number>>();
    for (const t of doc.terms) {
      const m = byKind.get(t.kind) ?? new Map<string, number>();
      m.set(t.text, (m.get(t.text) ?? 0) + 1);
      byKind.set(t.kind, m);
    }
    for (const [kind, m] of byKind) {
      out.push(`- ${kind}: ${[...m].map(([text, n]) => (n > 1 ? `${md(text)} (×${n})` : md(text))).join(', ')}`);
    }
    out.push('');
  }
  if (doc.notes.length > 0) {
    out.push('## Notes', '');
    for (const n of doc.notes) out.push(`- line ${n.line}: “${md(n.text)}” — ${md(oneLine(n.note))}`);
    out.push('');
  }
  if (doc.warnings.length > 0) {
    out.push('## Warnings', '');
    for (const w of doc.warnings) out.push(`- line ${w.line}, column ${w.column}: ${md(w.message)}`);
    out.push('');
  }
}

/** The table view of {@link toMarkdown}: a header row, then a row per commitment. */
function commitmentTable(doc: DocumentReport): string[] {
  const cell = (s: unknown) => md(String(s)).replace(/\r?\n/g, ' ');
  return [
    `| Line | Actor | Parties | Type | Trigger | Strength | Negated | Text | Note |`,
    `|---:|---|---|---|---|---|---|---|---|`,
    ...doc.commitments.map(
      (c) =>
        `| ${c.line} | ${cell(c.actor)} | ${cell(c.parties.join(', '))} | ${c.type} | ${cell(c.trigger)} | ${c.strength} | ${c.negated ? 'yes' : ''} | ${cell(c.text)} | ${cell(c.note ?? '')} |`,
    ),
  ];
}

/** Text escaped for a report read raw or rendered (see {@link escapeMarkdown}), as display text. */
const md = (text: string) => escapeMarkdown(text, 'syntax');

/** The CSV header of {@link toCsvRows}. */
export const CSV_HEADER = 'file,line,column,actor,parties,type,trigger,strength,negated,text,note';

/** One CSV row per commitment (RFC 4180 quoting; formulas escaped, see {@link csvField}); `note` is empty when it has none. */
export function toCsvRows(doc: DocumentReport): string[] {
  return doc.commitments.map((c) =>
    [doc.file, c.line, c.column, c.actor, c.parties.join(' '), c.type, c.trigger, c.strength, c.negated, c.text, c.note ?? ''].map(csvField).join(','),
  );
}

/** A problem as the command line prints it: `file:line:column: severity: message`. */
export function formatProblem(p: Pick<GlossaryProblem, 'file' | 'line' | 'column' | 'severity' | 'message'>): string {
  return displayText(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
}

/** The JSON form of a glossary entry (what `glossary --format json` prints). */
export function entryToJson(e: GlossaryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, term: e.term, kind: e.kind, aliases: e.aliases };
  if (e.summary !== undefined) out.summary = e.summary;
  if (e.details !== undefined) out.details = e.details;
  out.sources = e.sources;
  out.see = e.see;
  if (e.members !== undefined) out.members = e.members;
  if (e.party !== undefined) out.party = e.party;
  if (e.caseSensitive !== undefined) out.caseSensitive = e.caseSensitive;
  if (e.blocks !== undefined) out.blocks = e.blocks;
  if (e.asOf !== undefined) out.asOf = e.asOf;
  out.origin = e.origin;
  return out;
}

/** A Markdown listing of glossary entries, grouped by kind. */
export function glossaryToMarkdown(entries: GlossaryEntry[]): string {
  const out: string[] = ['# Glossary', '', `${entries.length} entries`, ''];
  const kinds = [...new Set(entries.map((e) => e.kind))];
  for (const kind of kinds) {
    const list = entries.filter((e) => e.kind === kind);
    out.push(`## ${md(kind)} (${list.length})`, '');
    for (const e of list) {
      const aliases = e.aliases.length ? ` — also: ${e.aliases.map(md).join(', ')}` : '';
      out.push(`- **${md(e.term)}** \`${displayText(e.id)}\`${aliases}${e.summary ? `  \n  ${md(e.summary)}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** One scored file of an `eval` report. */
export interface FileEvaluation {
  file: string;
  evaluation: Evaluation;
}

/** A figure with two decimals, or a dash where there is nothing to measure. */
function figure(x: number | undefined): string {
  return x === undefined ? '–' : x.toFixed(2);
}

/** The rows of a per-type table: the types with gold or detections, then all types, then all types with parties. */
function scoreTable(e: Evaluation): string[] {
  const row = (label: string, s: Score) => {
    const f = figures(s);
    return `| ${label} | ${s.gold} | ${s.found} | ${s.detected} | ${s.correct} | ${figure(f.precision)} | ${figure(f.recall)} | ${figure(f.f1)} |`;
  };
  const t = termFigures(e.terms);
  return [
    '| Type | Gold | Found | Detected | Correct | Precision | Recall | F1 |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...COMMITMENT_TYPES.filter((type) => e.byType[type].gold + e.byType[type].detected > 0).map((type) => row(type, e.byType[type])),
    row('**all**', e.overall),
    row('**all, with the right parties**', e.strict),
    '',
    `Optional commitments (not scored): ${e.optional}. Terms: ${e.terms.found} of ${e.terms.gold} found (${figure(t.recall)}), ` +
      `kind right for ${e.terms.kindRight} of ${e.terms.found} (${figure(t.kindAccuracy)}).`,
  ];
}

/** What went wrong in one file, line by line (`eval --details`). */
function detailLines(e: Evaluation): string[] {
  const out: string[] = [];
  const parties = (p: string[] | undefined) => (p && p.length ? p.join(' ') : 'no party');
  const section = (title: string, items: EvaluationItem[], show: (item: EvaluationItem) => string) => {
    if (items.length === 0) return;
    out.push('', `${title} (${items.length}):`, '');
    for (const item of items) out.push(`- line ${item.line}: ${show(item)}`);
  };
  const text = (s: string) => md(s.length > 160 ? `${s.slice(0, 159)}…` : s);
  section('Missed', e.misses, (m) => `${text(m.text)} *(${m.types.join(' or ')}${m.parties ? `; ${parties(m.parties)}` : ''})*`);
  section('False alarms', e.falseAlarms, (m) => `**${md(m.trigger ?? '')}** — ${text(m.text)} *(${m.types[0]}; ${parties(m.parties)})*`);
  section('Wrong parties', e.wrongParties, (m) => `**${md(m.trigger ?? '')}** — ${text(m.text)} *(${parties(m.parties)}; expected ${parties(m.expectedParties)})*`);
  section('Terms not found or of another kind', e.termMisses, (m) => `${text(m.text)} *(${m.types[0]}${m.detectedKind ? `; found as ${m.detectedKind}` : ''})*`);
  return out;
}

/**
 * The Markdown report of `eval`: a table per file (with what failed, when `details`), the
 * micro-averaged table of all files, and a summary row per file.
 */
export function evaluationsToMarkdown(files: readonly FileEvaluation[], details: boolean): string {
  const out: string[] = [];
  for (const { file, evaluation } of files) {
    out.push(`# ${file}`, '', ...scoreTable(evaluation));
    if (details) out.push(...detailLines(evaluation));
    out.push('');
  }
  if (files.length > 1) {
    const all = sumEvaluations(files.map((f) => f.evaluation));
    out.push(`# All ${files.length} files (micro-averaged)`, '', ...scoreTable(all), '');
    out.push('| File | Precision | Recall | F1 | F1 with parties | Terms found | Kind right |', '|---|--:|--:|--:|--:|--:|--:|');
    const summary = (label: string, e: Evaluation) => {
      const f = figures(e.overall);
      const t = termFigures(e.terms);
      return `| ${label} | ${figure(f.precision)} | ${figure(f.recall)} | ${figure(f.f1)} | ${figure(figures(e.strict).f1)} | ${figure(t.recall)} | ${figure(t.kindAccuracy)} |`;
    };
    for (const { file, evaluation } of files) out.push(summary(md(file), evaluation));
    out.push(summary('**all**', all), '');
  }
  return out.join('\n');
}

/** The JSON report of `eval`: every count and figure (null where nothing is measured), and what failed. */
export function evaluationsToJson(files: readonly FileEvaluation[]): unknown {
  const scoreJson = (s: Score) => {
    const f = figures(s);
    return { ...s, precision: f.precision ?? null, recall: f.recall ?? null, f1: f.f1 ?? null };
  };
  const evaluationJson = (e: Evaluation) => {
    const t = termFigures(e.terms);
    return {
      byType: Object.fromEntries(COMMITMENT_TYPES.map((type) => [type, scoreJson(e.byType[type])])),
      overall: scoreJson(e.overall),
      strict: scoreJson(e.strict),
      optional: e.optional,
      terms: { ...e.terms, recall: t.recall ?? null, kindAccuracy: t.kindAccuracy ?? null },
    };
  };
  return {
    files: files.map(({ file, evaluation: e }) => ({
      file,
      ...evaluationJson(e),
      misses: e.misses,
      falseAlarms: e.falseAlarms,
      wrongParties: e.wrongParties,
      termMisses: e.termMisses,
    })),
    all: evaluationJson(sumEvaluations(files.map((f) => f.evaluation))),
  };
}
