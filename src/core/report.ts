/**
 * Reports of analyses for people and programs: JSON (the CLI's and the export's schema), a
 * Markdown outline grouped by actor, and CSV — all with 1-based lines and columns in UTF-16 code
 * units, as VS Code counts them.
 */
import { forEachCommitment, forEachTerm, type Analysis } from './analyze';
import type { Commitment } from './commitments';
import type { GlossaryEntry, GlossaryProblem } from './glossary';
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
  terms: ({ id: string; kind: string; text: string } & Located)[];
  commitments: ({ actor: string; parties: string[]; type: string; trigger: string; strength: string; negated: boolean; text: string } & Located)[];
  warnings: ({ message: string } & Located)[];
}

/** The JSON-ready report of one analysed text. */
export function toDocumentReport(file: string, text: string, analysis: Analysis): DocumentReport {
  const lines = new LineIndex(text);
  const loc = (s: Span): Located => {
    const p = lines.position(s.start);
    return { line: p.line, column: p.column, length: s.end - s.start };
  };
  return {
    file,
    language: analysis.language,
    parties: analysis.parties,
    terms: analysis.terms.map((t) => ({ id: t.id, kind: t.kind, text: text.slice(t.start, t.end), ...loc(t) })),
    commitments: analysis.commitments.map((c) => ({
      actor: c.actor,
      parties: c.parties,
      type: c.type,
      trigger: c.trigger,
      strength: c.strength,
      negated: c.negated,
      text: oneLine(analysis.plain.slice(c.start, c.end)),
      ...loc(c),
    })),
    warnings: analysis.warnings.map((w) => ({ message: w.message, ...loc(w) })),
  };
}

/** The text on one line, runs of white space (and blanked-out markup) folded to one space. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Writes the JSON of {@link toDocumentReport} in pieces, without building the whole report (a
 * large corpus file does not need its report in memory twice). The output is byte-identical to
 * `JSON.stringify(toDocumentReport(…))`.
 */
export function writeDocumentJson(file: string, text: string, analysis: Analysis, write: (chunk: string) => void): void {
  const lines = new LineIndex(text);
  const loc = (s: Span) => {
    const p = lines.position(s.start);
    return `"line":${p.line},"column":${p.column},"length":${s.end - s.start}`;
  };
  write(`{"file":${JSON.stringify(file)},"language":${JSON.stringify(analysis.language)},"parties":${JSON.stringify(analysis.parties)},"terms":[`);
  const CHUNK = 2000;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) write(buffer.join(','));
    buffer = [];
  };
  let i = 0;
  forEachTerm(analysis, (t) => {
    if (i > 0 && i % CHUNK === 0) {
      flush();
      write(',');
    }
    i++;
    buffer.push(`{"id":${JSON.stringify(t.id)},"kind":${JSON.stringify(t.kind)},"text":${JSON.stringify(text.slice(t.start, t.end))},${loc(t)}}`);
  });
  flush();
  write('],"commitments":[');
  i = 0;
  forEachCommitment(analysis, (c) => {
    if (i > 0 && i % CHUNK === 0) {
      flush();
      write(',');
    }
    i++;
    buffer.push(
      `{"actor":${JSON.stringify(c.actor)},"parties":${JSON.stringify(c.parties)},"type":${JSON.stringify(c.type)},"trigger":${JSON.stringify(c.trigger)},"strength":${JSON.stringify(c.strength)},"negated":${c.negated},"text":${JSON.stringify(oneLine(analysis.plain.slice(c.start, c.end)))},${loc(c)}}`,
    );
  });
  flush();
  write(`],"warnings":[${analysis.warnings.map((w) => `{"message":${JSON.stringify(w.message)},${loc(w)}}`).join(',')}]}`);
}

/** Commitments grouped by actor, in order of first appearance (what the outline and the Markdown report show). */
export function groupByActor(commitments: Commitment[]): { actor: string; parties: string[]; commitments: Commitment[] }[] {
  const groups = new Map<string, { actor: string; parties: string[]; commitments: Commitment[] }>();
  for (const c of commitments) {
    const key = actorKey(c);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { actor: capitalize(c.actor || 'Unattributed'), parties: c.parties, commitments: [] }));
    g.commitments.push(c);
  }
  return [...groups.values()];
}

/** Actors that name the same parties in the same words are one group ("The two sides" = "the two sides"). */
function actorKey(c: Commitment): string {
  return `${c.actor.toLowerCase().replace(/\s+/g, ' ')}|${[...c.parties].sort().join(',')}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A readable Markdown outline of one document: parties, commitments by actor, terms by kind, warnings. */
export function toMarkdown(doc: DocumentReport, commitments: Commitment[]): string {
  const out: string[] = [];
  out.push(`# ${doc.file}`, '');
  const parties = doc.parties.length ? doc.parties.map((p) => `${p.name} (${p.id})`).join(', ') : 'none detected';
  out.push(
    `Language: ${doc.language} · Parties: ${parties} · ${doc.commitments.length} commitment${doc.commitments.length === 1 ? '' : 's'}, ${doc.terms.length} term${doc.terms.length === 1 ? '' : 's'}`,
    '',
  );
  const located = new Map(commitments.map((c, i) => [c, doc.commitments[i]]));
  for (const group of groupByActor(commitments)) {
    const who = group.parties.length ? ` (${group.parties.join(', ')})` : '';
    out.push(`## ${group.actor}${who} — ${group.commitments.length} commitment${group.commitments.length === 1 ? '' : 's'}`, '');
    for (const c of group.commitments) {
      const r = located.get(c)!;
      const marks = [c.type, c.strength !== 'normal' ? c.strength : '', c.negated ? 'negated' : ''].filter(Boolean).join(', ');
      out.push(`- line ${r.line}: **${escapeMarkdown(c.trigger)}** — ${escapeMarkdown(r.text)} *(${marks})*`);
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
      out.push(`- ${kind}: ${[...m].map(([text, n]) => (n > 1 ? `${escapeMarkdown(text)} (×${n})` : escapeMarkdown(text))).join(', ')}`);
    }
    out.push('');
  }
  if (doc.warnings.length > 0) {
    out.push('## Warnings', '');
    for (const w of doc.warnings) out.push(`- line ${w.line}, column ${w.column}: ${escapeMarkdown(w.message)}`);
    out.push('');
  }
  return out.join('\n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** The CSV header of {@link toCsvRows}. */
export const CSV_HEADER = 'file,line,column,actor,parties,type,trigger,strength,negated,text';

/** One CSV row per commitment (RFC 4180 quoting). */
export function toCsvRows(doc: DocumentReport): string[] {
  return doc.commitments.map((c) => [doc.file, c.line, c.column, c.actor, c.parties.join(' '), c.type, c.trigger, c.strength, c.negated, c.text].map(csvField).join(','));
}

function csvField(v: unknown): string {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A problem as the command line prints it: `file:line:column: severity: message`. */
export function formatProblem(p: Pick<GlossaryProblem, 'file' | 'line' | 'column' | 'severity' | 'message'>): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
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
  out.origin = e.origin;
  return out;
}

/** A Markdown listing of glossary entries, grouped by kind. */
export function glossaryToMarkdown(entries: GlossaryEntry[]): string {
  const out: string[] = ['# Glossary', '', `${entries.length} entries`, ''];
  const kinds = [...new Set(entries.map((e) => e.kind))];
  for (const kind of kinds) {
    const list = entries.filter((e) => e.kind === kind);
    out.push(`## ${kind} (${list.length})`, '');
    for (const e of list) {
      const aliases = e.aliases.length ? ` — also: ${e.aliases.map(escapeMarkdown).join(', ')}` : '';
      out.push(`- **${escapeMarkdown(e.term)}** \`${e.id}\`${aliases}${e.summary ? `  \n  ${escapeMarkdown(e.summary)}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A Markdown table of a document's commitments (the "Export Commitments" Markdown format). */
export function toMarkdownTable(doc: DocumentReport): string {
  const cell = (s: unknown) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const rows = [
    `| Line | Actor | Parties | Type | Trigger | Strength | Negated | Text |`,
    `|---:|---|---|---|---|---|---|---|`,
    ...doc.commitments.map(
      (c) => `| ${c.line} | ${cell(c.actor)} | ${cell(c.parties.join(', '))} | ${c.type} | ${cell(c.trigger)} | ${c.strength} | ${c.negated ? 'yes' : ''} | ${cell(c.text)} |`,
    ),
  ];
  return `# Commitments — ${doc.file}\n\n${rows.join('\n')}\n`;
}
