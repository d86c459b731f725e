/**
 * Reports of a commitment diff (see `diff.ts`) for people and programs: the JSON of
 * `diplomatic-annotator diff`, a Markdown report (changes first, grouped by kind; then terms; then
 * how many commitments were kept), CSV, and the HTML of the editor's side-by-side report. Changed
 * words are marked: struck through (`~~…~~`, `<del>`) on the old side, bold (`**…**`, `<ins>`) on
 * the new. What people read goes through {@link displayText}.
 */
import type { Analysis } from './analyze';
import { CHANGE_KINDS, type ChangeKind, type CommitmentChange, type CommitmentDiff } from './diff';
import { csvField, displayText, escapeMarkdown, htmlText, reportPage } from './display';

/** Text shown literally in the report's Markdown. */
const markdownText = (text: string): string => escapeMarkdown(text, 'syntax');
import type { Glossary } from './glossary';
import { partyNamer, toCommitmentReports, type DocumentReport } from './report';
import { LineIndex, type Span } from './text';

/** One side of a diff: the file as named in the report, its text and its analysis. */
export interface DiffDocument {
  file: string;
  text: string;
  analysis: Analysis;
}

/** A run of text, marked when it is a changed word (or words next to each other). */
export interface Piece {
  text: string;
  marked: boolean;
}

/** A commitment as a diff report shows it. */
export interface DiffSide {
  /** The commitment as `extract`'s JSON gives it. */
  commitment: DocumentReport['commitments'][number];
  /** The actor's words and the commitment's words, the changed ones marked. */
  actor: Piece[];
  words: Piece[];
  /** The sentence the commitment is in (document offsets) and its 1-based line, to reveal it. */
  sentence: Span;
  sentenceLine: number;
}

/** One item of a diff report. */
export interface DiffReportItem {
  change: ChangeKind;
  old?: DiffSide;
  new?: DiffSide;
}

/** A diff ready to render. */
export interface DiffReport {
  old: string;
  new: string;
  /** In the order of the diff (the new document's, dropped ones where they were). */
  items: DiffReportItem[];
  /** Glossary terms in one document only, with the names the glossary gives them. */
  terms: { added: { id: string; term: string }[]; dropped: { id: string; term: string }[] };
  /** How many items of each kind. */
  counts: Record<ChangeKind, number>;
  /** A party id's name (for "Belarus → China, Belarus"). */
  nameOf: (id: string) => string;
}

/** The report of a diff of `oldDoc` and `newDoc`; `glossary` names parties and terms. */
export function toDiffReport(oldDoc: DiffDocument, newDoc: DiffDocument, diff: CommitmentDiff, glossary?: Pick<Glossary, 'byId'>): DiffReport {
  const sides = { old: documentSide(oldDoc), new: documentSide(newDoc) };
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const items = diff.changes.map((c): DiffReportItem => {
    counts[c.change]++;
    const item: DiffReportItem = { change: c.change };
    if (c.oldIndex !== undefined) item.old = sides.old(c, 'old');
    if (c.newIndex !== undefined) item.new = sides.new(c, 'new');
    return item;
  });
  const term = (id: string) => ({ id, term: glossary?.byId.get(id)?.term ?? id });
  const parties = [...oldDoc.analysis.parties, ...newDoc.analysis.parties];
  return {
    old: oldDoc.file,
    new: newDoc.file,
    items,
    terms: { added: diff.terms.added.map(term), dropped: diff.terms.dropped.map(term) },
    counts,
    nameOf: partyNamer(glossary, parties),
  };
}

/** A function that makes one side of each change of a document. */
function documentSide(doc: DiffDocument): (c: CommitmentChange, side: 'old' | 'new') => DiffSide {
  const commitments = toCommitmentReports(doc.text, doc.analysis);
  const lines = new LineIndex(doc.text);
  const plain = doc.analysis.plain;
  return (c, side) => {
    const index = side === 'old' ? c.oldIndex! : c.newIndex!;
    const commitment = doc.analysis.commitments[index];
    const marks = side === 'old' ? c.oldMarks : c.newMarks;
    const sentence = (side === 'old' ? c.oldSentence : c.newSentence) ?? commitment;
    return {
      commitment: commitments[index],
      // An actor inside the commitment's own words is shown there.
      actor: commitment.actorSpan.start >= commitment.start && commitment.actorSpan.start < commitment.end ? [] : pieces(plain, commitment.actorSpan, marks),
      words: pieces(plain, commitment, marks),
      sentence: { start: sentence.start, end: sentence.end },
      sentenceLine: lines.position(sentence.start).line,
    };
  };
}

/** The text of `span` cut at the marks inside it, white space folded. */
function pieces(plain: string, span: Span, marks: readonly Span[]): Piece[] {
  const out: Piece[] = [];
  let at = span.start;
  const push = (start: number, end: number, marked: boolean) => {
    const text = plain.slice(start, end).replace(/\s+/g, ' ');
    if (text) out.push({ text, marked });
  };
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < span.start || m.end > span.end) continue;
    push(at, m.start, false);
    push(m.start, m.end, true);
    at = m.end;
  }
  push(at, span.end, false);
  if (out.length) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  return out.filter((p) => p.text);
}

/** Headings of the kinds of change in reports. */
export const CHANGE_TITLES: Record<ChangeKind, string> = {
  negated: 'Negated',
  retyped: 'Retyped',
  'actor-changed': 'Actor changed',
  strengthened: 'Strengthened',
  weakened: 'Weakened',
  reworded: 'Reworded',
  kept: 'Kept',
  added: 'Added',
  dropped: 'Dropped',
};

/** The kinds a report lists item by item, in the order it lists them. */
const LISTED: readonly ChangeKind[] = ['negated', 'retyped', 'actor-changed', 'strengthened', 'weakened', 'reworded', 'added', 'dropped'];

/** The JSON of `diplomatic-annotator diff`: `{old, new, changes: [{change, old, new}], terms: {added, dropped}}`. */
export function diffToJson(report: DiffReport): unknown {
  return {
    old: report.old,
    new: report.new,
    changes: report.items.map((i) => ({ change: i.change, old: i.old?.commitment ?? null, new: i.new?.commitment ?? null })),
    terms: { added: report.terms.added.map((t) => t.id), dropped: report.terms.dropped.map((t) => t.id) },
  };
}

/** One line of counts: "4 changed, 2 added, 1 dropped, 7 kept; terms: 1 added, 2 dropped". */
export function diffSummary(report: DiffReport): string {
  const c = report.counts;
  const changed = c.negated + c.retyped + c['actor-changed'] + c.strengthened + c.weakened + c.reworded;
  return `${changed} changed, ${c.added} added, ${c.dropped} dropped, ${c.kept} kept; terms: ${report.terms.added.length} added, ${report.terms.dropped.length} dropped`;
}

/** What changed besides the words, said briefly: "pledge → support", "Belarus → China, Belarus", "normal → strong". */
export function changeDetail(item: DiffReportItem, nameOf: (id: string) => string): string {
  const a = item.old?.commitment;
  const b = item.new?.commitment;
  if (!a || !b) return (a ?? b)!.type;
  const parties = (p: string[]) => (p.length ? p.map(nameOf).join(', ') : 'no party');
  switch (item.change) {
    case 'negated':
      return `${a.type}: ${a.negated ? 'negated → affirmative' : 'affirmative → negated'}`;
    case 'retyped':
      return `${a.type} → ${b.type}`;
    case 'actor-changed':
      return `${a.type}: ${a.parties.length || b.parties.length ? `${parties(a.parties)} → ${parties(b.parties)}` : `${oneLine(a.actor)} → ${oneLine(b.actor)}`}`;
    case 'strengthened':
    case 'weakened':
      return a.strength !== b.strength ? `${a.type}: ${a.strength} → ${b.strength}` : `${a.type}: ${item.change === 'strengthened' ? 'firmer' : 'softer'} wording`;
    default:
      return a.type;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Marked pieces as Markdown: the changed words struck through (old) or bold (new). */
function markdownPieces(pieces: readonly Piece[], side: 'old' | 'new'): string {
  const mark = side === 'old' ? '~~' : '**';
  return pieces.map((p) => (p.marked ? `${mark}${markdownText(p.text)}${mark}` : markdownText(p.text))).join('');
}

/** A side as one Markdown line: "line 8: the Belarusian side — ~~opposes~~ any form of …". */
function markdownSide(side: DiffSide, which: 'old' | 'new'): string {
  const actor = side.actor.length ? `${markdownPieces(side.actor, which)} — ` : '';
  return `line ${side.commitment.line}: ${actor}${markdownPieces(side.words, which)}`;
}

/** The Markdown report of a diff: a summary, the changes by kind, the terms, how many were kept. */
export function diffToMarkdown(report: DiffReport): string {
  const out: string[] = [`# Commitments: ${markdownText(report.old)} → ${markdownText(report.new)}`, '', diffSummary(report) + '.', ''];
  for (const kind of LISTED) {
    const items = report.items.filter((i) => i.change === kind);
    if (items.length === 0) continue;
    out.push(`## ${CHANGE_TITLES[kind]} (${items.length})`, '');
    for (const item of items) {
      if (item.old && item.new) {
        out.push(`- *${markdownText(changeDetail(item, report.nameOf))}*`);
        out.push(`  - old, ${markdownSide(item.old, 'old')}`);
        out.push(`  - new, ${markdownSide(item.new, 'new')}`);
      } else {
        const side = (item.old ?? item.new)!;
        out.push(`- ${markdownSide(side, item.old ? 'old' : 'new')} *(${side.commitment.type})*`);
      }
    }
    out.push('');
  }
  if (report.terms.added.length + report.terms.dropped.length > 0) {
    out.push('## Terms', '');
    const list = (terms: { id: string; term: string }[]) => terms.map((t) => `${markdownText(t.term)} (\`${displayText(t.id).replace(/`/g, "'")}\`)`).join(', ');
    if (report.terms.added.length) out.push(`- Added: ${list(report.terms.added)}`);
    if (report.terms.dropped.length) out.push(`- Dropped: ${list(report.terms.dropped)}`);
    out.push('');
  }
  const kept = report.counts.kept;
  out.push(`${kept} commitment${kept === 1 ? '' : 's'} kept as they were.`, '');
  return out.join('\n');
}

const SIDE_COLUMNS = ['line', 'column', 'actor', 'parties', 'type', 'trigger', 'strength', 'negated', 'text'] as const;

/** The CSV header of {@link diffToCsvRows}. */
export const DIFF_CSV_HEADER = ['change', ...SIDE_COLUMNS.map((c) => `old_${c}`), ...SIDE_COLUMNS.map((c) => `new_${c}`), 'term'].join(',');

/**
 * One CSV row per item of the diff (kept pairs too), each side's columns empty when it has none;
 * then one row per term found in one document only, its `change` `term-added` or `term-dropped`
 * and its id in the `term` column.
 */
export function diffToCsvRows(report: DiffReport): string[] {
  const side = (s: DiffSide | undefined) => {
    if (!s) return SIDE_COLUMNS.map(() => '');
    const c = s.commitment;
    return [c.line, c.column, c.actor, c.parties.join(' '), c.type, c.trigger, c.strength, c.negated, c.text];
  };
  const blank = SIDE_COLUMNS.map(() => '');
  return [
    ...report.items.map((i) => [i.change, ...side(i.old), ...side(i.new), '']),
    ...report.terms.added.map((t) => ['term-added', ...blank, ...blank, t.id]),
    ...report.terms.dropped.map((t) => ['term-dropped', ...blank, ...blank, t.id]),
  ].map((row) => row.map(csvField).join(','));
}

/** What the HTML report needs from its host. */
export interface DiffHtmlOptions {
  /** The link that reveals a side's sentence in its document (a `command:` URI in the editor), or undefined for none. */
  revealLink: (item: DiffReportItem, side: 'old' | 'new') => string | undefined;
  /** A nonce for the one `<style>` element, which the Content-Security-Policy allows; the page has no script. */
  nonce: string;
}

/**
 * The editor's report as an HTML page: a summary, then per kind of change a two-column table, old
 * on the left and new on the right, each side's line a link that reveals its sentence and its
 * changed words marked (`<del>` old, `<ins>` new); then the terms and the kept count. The
 * Content-Security-Policy allows nothing but the page's own style: no script, no remote content.
 */
export function diffToHtml(report: DiffReport, options: DiffHtmlOptions): string {
  const h = htmlText;
  const marked = (pieces: readonly Piece[], side: 'old' | 'new') =>
    pieces.map((p) => (p.marked ? `<${side === 'old' ? 'del' : 'ins'}>${h(p.text)}</${side === 'old' ? 'del' : 'ins'}>` : h(p.text))).join('');
  const cell = (item: DiffReportItem, side: 'old' | 'new') => {
    const s = item[side];
    if (!s) return '<td class="none">—</td>';
    const link = options.revealLink(item, side);
    const line = link
      ? `<a class="line" href="${h(link)}" title="Reveal in ${h(side === 'old' ? report.old : report.new)}">line ${s.commitment.line}</a>`
      : `<span class="line">line ${s.commitment.line}</span>`;
    const actor = s.actor.length ? `<span class="actor">${marked(s.actor, side)}</span> — ` : '';
    return `<td>${line} ${actor}${marked(s.words, side)}</td>`;
  };
  const body: string[] = [];
  for (const kind of LISTED) {
    const items = report.items.filter((i) => i.change === kind);
    if (items.length === 0) continue;
    body.push(`<h2 id="${kind}">${h(CHANGE_TITLES[kind])} (${items.length})</h2>`, '<table>', '<tr><th></th><th>Old</th><th>New</th></tr>');
    for (const item of items) body.push(`<tr data-change="${kind}"><td class="detail">${h(changeDetail(item, report.nameOf))}</td>${cell(item, 'old')}${cell(item, 'new')}</tr>`);
    body.push('</table>');
  }
  if (report.terms.added.length + report.terms.dropped.length > 0) {
    body.push('<h2 id="terms">Terms</h2>', '<ul>');
    const list = (terms: { id: string; term: string }[]) => terms.map((t) => `${h(t.term)} <code>${h(t.id)}</code>`).join(', ');
    if (report.terms.added.length) body.push(`<li>Added: ${list(report.terms.added)}</li>`);
    if (report.terms.dropped.length) body.push(`<li>Dropped: ${list(report.terms.dropped)}</li>`);
    body.push('</ul>');
  }
  const kept = report.counts.kept;
  body.push(`<p class="kept">${kept} commitment${kept === 1 ? '' : 's'} kept as they were.</p>`);
  const css = `table { border-collapse: collapse; width: 100%; margin-bottom: 1em; table-layout: fixed; }
th:first-child, td.detail { width: 12em; }
td.detail { color: var(--vscode-descriptionForeground); }
td.none { color: var(--vscode-disabledForeground, #888); text-align: center; }
del { background: var(--vscode-diffEditor-removedTextBackground, #f003); text-decoration: line-through; }
ins { background: var(--vscode-diffEditor-insertedTextBackground, #0c03); text-decoration: none; font-weight: bold; }
a.line, span.line { font-variant-numeric: tabular-nums; margin-right: 0.3em; }
.actor { font-style: italic; }`;
  const content = `<p class="summary">${h(diffSummary(report))}.</p>\n${body.join('\n')}`;
  return reportPage(`Commitments: ${report.old} → ${report.new}`, options.nonce, css, content);
}
