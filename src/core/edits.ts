/**
 * Text edits the editor commands make, computed as plain data: wrapping a selection in an
 * annotation span, and appending an entry to a glossary file without touching the rest of it
 * (comments, quoting and layout stay byte for byte).
 */
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import type { TermKind } from './glossary';

/** An insertion or replacement in a text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The annotation markup for a selection: `[text]{.initiative}`, `[text]{#BY}`, `[text]{.commitment type=pledge}`, `[text]{note="…"}`. */
export function annotationFor(selected: string, attributes: { kind?: TermKind | 'commitment'; id?: string; type?: string; note?: string }): string {
  const parts: string[] = [];
  if (attributes.id) parts.push(`#${attributes.id}`);
  else if (attributes.kind) parts.push(`.${attributes.kind}`);
  if (attributes.type) parts.push(`type=${attributes.type}`);
  if (attributes.note !== undefined) parts.push(`note="${attributes.note.replace(/"/g, "'")}"`);
  return `[${selected}]{${parts.join(' ')}}`;
}

/** A new glossary entry as the "Add Selection to Glossary" command writes it. */
export interface NewEntry {
  id?: string;
  term: string;
  kind: TermKind;
  summary?: string;
  aliases?: string[];
}

/** Result of {@link appendGlossaryEntry}: the edit, and the offset of the new entry's first line (to reveal it). */
export interface AppendResult {
  edit: TextEdit;
  entryOffset: number;
}

/**
 * Appends `entry` to the `terms:` list of a glossary file. An empty file gets a `terms:` header.
 * Returns an error message instead when the file is not a glossary that can be appended to safely.
 */
export function appendGlossaryEntry(text: string, entry: NewEntry): AppendResult | { error: string } {
  const item: Record<string, unknown> = {};
  if (entry.id) item.id = entry.id;
  item.term = entry.term;
  item.kind = entry.kind;
  if (entry.aliases?.length) item.aliases = entry.aliases;
  item.summary = entry.summary ?? '';
  const body = stringify([item], { lineWidth: 0 }).trimEnd();

  if (text.trim() === '') {
    const newText = `terms:\n${indent(body, '  ')}\n`;
    return { edit: { start: 0, end: text.length, newText }, entryOffset: 'terms:\n'.length };
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { error: `the glossary has a YAML error (line ${doc.errors[0].linePos?.[0].line ?? '?'}); fix it before adding entries` };
  if (!isMap(doc.contents)) return { error: 'the file is not a glossary (expected a `terms:` list)' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const terms = doc.contents.get('terms', true);
  if (terms === undefined || terms === null) {
    const prefix = text.endsWith('\n') ? '' : eol;
    const insert = `${prefix}terms:${eol}${indent(body, '  ').split('\n').join(eol)}${eol}`;
    return { edit: { start: text.length, end: text.length, newText: insert }, entryOffset: text.length + prefix.length + `terms:${eol}`.length };
  }
  if (!isSeq(terms) || !terms.range) return { error: '`terms` is not a list' };
  if (terms.flow) return { error: '`terms` is written as a flow list ([…]); add the entry by hand' };
  // Indent like the existing items: the column of the first "- ".
  const first = terms.items[0] as { range?: [number, number, number] } | undefined;
  let itemIndent = '  ';
  if (first?.range) {
    const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
    const dash = text.lastIndexOf('-', first.range[0]);
    itemIndent = ' '.repeat(Math.max(0, dash - lineStart));
  }
  // Insert after the last line that belongs to the list.
  let at = terms.range[1];
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  const lineEnd = text.indexOf('\n', at);
  const insertAt = lineEnd === -1 ? text.length : lineEnd + 1;
  const prefix = lineEnd === -1 ? eol : '';
  const newText = prefix + indent(body, itemIndent).split('\n').join(eol) + eol;
  return { edit: { start: insertAt, end: insertAt, newText }, entryOffset: insertAt + prefix.length };
}

function indent(block: string, pad: string): string {
  return block
    .split('\n')
    .map((l) => (l.length ? pad + l : l))
    .join('\n');
}
