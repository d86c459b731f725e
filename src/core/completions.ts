/**
 * Completions in a statement: glossary ids after `{#`, kinds after `{.`, attribute names and
 * values inside `{…}`, front matter keys, and party ids in `parties:`.
 *
 * Only markup is completed, never prose: outside an attribute block and the front matter there is
 * no context and so no item. The work is bounded by the cursor's line, the front matter and the
 * glossary, whatever the length of the document.
 */
import { formsOf, TERM_KINDS, type Glossary, type GlossaryEntry } from './glossary';
import { KIND_LABEL, TYPE_LABEL } from './hover';
import { ANNOTATION_ATTRIBUTES, FRONT_MATTER_FIELDS, findFrontMatter, parseStatement } from './statement';
import type { Span } from './text';

/** Where the cursor stands, for completion; `range` is the text an item replaces. */
export type CompletionContext =
  | { kind: 'id'; range: Span }
  | { kind: 'class'; range: Span }
  | { kind: 'attribute-name'; range: Span; present: string[]; classes: string[] }
  | { kind: 'attribute-value'; range: Span; name: string; listed: string[] }
  | { kind: 'front-matter-key'; range: Span; present: string[] }
  | { kind: 'front-matter-value'; range: Span; key: string; listed: string[] };

/** One item to offer. */
export interface StatementCompletion {
  label: string;
  /** Shown beside the label: an entry's name and kind, what an attribute means. */
  description?: string;
  /** The first line of the item's details. */
  detail?: string;
  /** What the item is (the editor picks its icon from it). */
  kind: 'entry' | 'class' | 'attribute' | 'value' | 'field';
  /** For a glossary entry: the entry (its hover is the item's documentation). */
  entry?: GlossaryEntry;
  insertText: string;
  /** True when `insertText` is a snippet (`$1` is where the cursor goes). */
  snippet?: boolean;
  /** What typing is matched against: for an entry, its id, name and aliases. */
  filterText?: string;
  sortText: string;
  /** Open the suggestions again after inserting: what comes next has its own list. */
  retrigger?: boolean;
}

/** The items for a position and the range they replace. */
export interface StatementCompletions {
  context: CompletionContext['kind'];
  range: Span;
  items: StatementCompletion[];
  /**
   * True when the items depend on what is typed, so the editor must ask again as typing goes on:
   * entry lists put the names that contain the typed text first (see {@link entryFilterText}).
   */
  incomplete: boolean;
}

/** Characters after which the editor should ask for completions (each opens a context above). */
export const COMPLETION_TRIGGER_CHARACTERS = ['#', '.', '=', '"', ',', ' '];

/** The items to offer at `offset` in a statement, or undefined where there is nothing to complete (prose). */
export function completeStatement(text: string, offset: number, glossary: Glossary): StatementCompletions | undefined {
  const context = findCompletionContext(text, offset);
  if (!context) return undefined;
  const query = text.slice(context.range.start, offset);
  const items = itemsFor(context, query, text, glossary);
  const incomplete = context.kind === 'id' || ((context.kind === 'attribute-value' || context.kind === 'front-matter-value') && isPartyList(context));
  return { context: context.kind, range: context.range, items, incomplete };
}

function isPartyList(context: CompletionContext): boolean {
  return (context.kind === 'attribute-value' && context.name === 'parties') || (context.kind === 'front-matter-value' && context.key === 'parties');
}

/** What is being written at `offset`: a part of an attribute block or of the front matter; undefined in prose. */
export function findCompletionContext(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  if (text.charCodeAt(lineEnd - 1) === 13 /* \r */ && lineEnd > offset) lineEnd--;
  const line = { start: lineStart, end: lineEnd };
  const yaml = frontMatterYaml(text);
  if (yaml && lineStart >= yaml.start && offset <= yaml.end) return frontMatterContext(text, offset, line, yaml);
  if (yaml && offset < yaml.start) return undefined; // the opening `---` line
  return attributeContext(text, offset, line);
}

/** The YAML of the front matter; while it is not closed, up to its first blank line. */
function frontMatterYaml(text: string): Span | undefined {
  const block = findFrontMatter(text);
  if (!block) return undefined;
  if (block.closed) return block.yaml;
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = block.yaml.start - 1;
  const m = blank.exec(text);
  return { start: block.yaml.start, end: m ? m.index : text.length };
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:/;

function frontMatterContext(text: string, offset: number, line: Span, yaml: Span): CompletionContext | undefined {
  const before = text.slice(line.start, offset);
  const after = text.slice(offset, line.end);
  const lines = text.slice(yaml.start, yaml.end).split(/\r?\n/);
  const index = lineIndexAt(text, yaml.start, line.start);
  if (/^(?:[A-Za-z_][\w-]*)?$/.test(before)) {
    const present = lines.flatMap((l, i) => (i === index ? [] : (KEY_LINE.exec(l)?.[1] ?? [])));
    return { kind: 'front-matter-key', range: { start: line.start, end: offset + /^[\w-]*/.exec(after)![0].length }, present };
  }
  const keyed = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(before);
  if (keyed) {
    const key = keyed[1];
    if (!hasFrontMatterValues(key)) return undefined;
    return { kind: 'front-matter-value', key, ...valueAt(keyed[2], after, offset, /[[\],\s"']/, /^[^\s,\]"']*/, /^.*/) };
  }
  // A block list item (`  - BY`) belongs to the key above it.
  const item = /^[ \t]*-[ \t]*(\S*)$/.exec(before);
  if (!item) return undefined;
  let key: string | undefined;
  const listed: string[] = [];
  const listItem = /^[ \t]*-[ \t]*(\S+)/;
  for (let i = index - 1; i >= 0 && key === undefined; i--) {
    const m = listItem.exec(lines[i]);
    if (m) listed.push(m[1]);
    else key = KEY_LINE.exec(lines[i])?.[1] ?? '';
  }
  for (let i = index + 1; i < lines.length; i++) {
    const m = listItem.exec(lines[i]);
    if (!m) break;
    listed.push(m[1]);
  }
  if (!key || !hasFrontMatterValues(key)) return undefined;
  return { kind: 'front-matter-value', key, listed, range: { start: offset - item[1].length, end: offset + /^\S*/.exec(after)![0].length } };
}

function hasFrontMatterValues(key: string): boolean {
  return key === 'parties' || FRONT_MATTER_FIELDS.some((f) => f.key === key && f.values !== undefined);
}

/** The 0-based index, among the lines from `from`, of the line starting at `lineStart`. */
function lineIndexAt(text: string, from: number, lineStart: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The item of a value at the cursor (a value may list several: `parties: [CN, BY]`,
 * `parties="CN BY"`): it starts after the last `separator` before the cursor and runs on over
 * `itemRest`; the value runs on over `valueRest`, and its other items are `listed`.
 */
function valueAt(before: string, after: string, offset: number, separator: RegExp, itemRest: RegExp, valueRest: RegExp): { range: Span; listed: string[] } {
  let start = before.length;
  while (start > 0 && !separator.test(before[start - 1])) start--;
  const current = before.slice(start);
  const tail = itemRest.exec(after)![0];
  const rest = valueRest.exec(after.slice(tail.length))![0];
  const listed = `${before.slice(0, start)} ${rest}`.split(/[[\]\s,"']+/).filter((v) => v !== '');
  return { listed, range: { start: offset - current.length, end: offset + tail.length } };
}

/** Inside `]{…}` on the cursor's line: the attribute being written. */
function attributeContext(text: string, offset: number, line: Span): CompletionContext | undefined {
  // Searched in the line only: a document without markup is not scanned back to its start.
  const open = text.slice(line.start, offset).lastIndexOf(']{');
  if (open === -1) return undefined;
  const bodyStart = line.start + open + 2;
  let quote = 0;
  let tokenStart = bodyStart;
  for (let i = bodyStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x7d /* } */) return undefined;
    else if (c === 0x20 || c === 0x09) tokenStart = i + 1;
  }
  const token = text.slice(tokenStart, offset);
  const after = text.slice(offset, line.end);
  const block = blockTokens(text.slice(bodyStart, line.end));
  if (token.startsWith('#')) return { kind: 'id', range: { start: tokenStart + 1, end: offset + /^[\w.:-]*/.exec(after)![0].length } };
  if (token.startsWith('.')) return { kind: 'class', range: { start: tokenStart + 1, end: offset + /^[\w-]*/.exec(after)![0].length } };
  const assignment = /^([\w-]+)=(["']?)(.*)$/s.exec(token);
  if (assignment) {
    const [, name, openQuote, value] = assignment;
    const attribute = ANNOTATION_ATTRIBUTES.find((a) => a.name === name);
    if (!attribute || (!attribute.values && name !== 'parties')) return undefined; // free text (note, actor, trigger)
    if (openQuote && value.includes(openQuote)) return undefined; // the value is closed
    const at = openQuote ? valueAt(value, after, offset, /[\s,]/, /^[^\s,"'}]*/, /^[^"'}]*/) : valueAt(value, after, offset, /,/, /^[^\s,}]*/, /^[^\s}]*/);
    return { kind: 'attribute-value', name, ...at };
  }
  if (!/^[\w-]*$/.test(token)) return undefined;
  const present = block.flatMap((t) => /^([\w-]+)=/.exec(t)?.[1] ?? []);
  const classes = block.flatMap((t) => (t.startsWith('.') ? [t.slice(1)] : []));
  return { kind: 'attribute-name', range: { start: tokenStart, end: offset + /^[\w-]*/.exec(after)![0].length }, present, classes };
}

/** The tokens of an attribute block's body (up to its `}`), split at spaces outside quotes. */
function blockTokens(body: string): string[] {
  const tokens: string[] = [];
  let quote = '';
  let current = '';
  for (const c of body) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') break;
    else if (c === ' ' || c === '\t') {
      if (current) tokens.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current) tokens.push(current);
  return tokens;
}

function itemsFor(context: CompletionContext, query: string, text: string, glossary: Glossary): StatementCompletion[] {
  switch (context.kind) {
    case 'id':
      return entryItems(glossary.entries, query, documentParties(text));
    case 'class':
      return [...TERM_KINDS, 'commitment' as const].map((kind, i) => ({
        label: kind,
        description: kind === 'commitment' ? 'Commitment' : KIND_LABEL[kind],
        detail: kind === 'commitment' ? 'A commitment marked by hand (it replaces what is detected)' : `Marks a ${KIND_LABEL[kind].toLowerCase()}`,
        kind: 'class',
        insertText: kind,
        sortText: String(i).padStart(2, '0'),
      }));
    case 'attribute-name':
      return ANNOTATION_ATTRIBUTES.filter((a) => !context.present.includes(a.name)).map((a, i) => {
        const listed = a.values !== undefined || a.name === 'parties';
        const quoted = a.values === undefined;
        // Commitment attributes come after `note` unless the span is a commitment.
        const rank = a.commitment && !context.classes.includes('commitment') ? 1 : 0;
        return {
          label: `${a.name}=`,
          description: a.description,
          detail: a.commitment ? `${a.description} (on a .commitment span)` : a.description,
          kind: 'attribute',
          insertText: quoted ? `${a.name}="$1"` : `${a.name}=`,
          snippet: quoted,
          filterText: a.name,
          sortText: `${rank}${String(i).padStart(2, '0')}`,
          retrigger: listed,
        } satisfies StatementCompletion;
      });
    case 'attribute-value':
      if (context.name === 'parties') return entryItems(partiesOf(glossary), query, documentParties(text), context.listed);
      return valueItems(ANNOTATION_ATTRIBUTES.find((a) => a.name === context.name)?.values ?? [], context.listed, (v) => (context.name === 'type' ? TYPE_LABEL[v] : undefined));
    case 'front-matter-key':
      return FRONT_MATTER_FIELDS.filter((f) => !context.present.includes(f.key)).map((f, i) => ({
        label: f.key,
        description: f.description,
        kind: 'field',
        insertText: f.key === 'parties' ? 'parties: [$1]' : `${f.key}: `,
        snippet: f.key === 'parties',
        sortText: String(i).padStart(2, '0'),
        retrigger: f.key === 'parties' || f.values !== undefined,
      }));
    case 'front-matter-value':
      if (context.key === 'parties') return entryItems(partiesOf(glossary), query, [], context.listed);
      return valueItems(FRONT_MATTER_FIELDS.find((f) => f.key === context.key)?.values ?? [], context.listed, () => undefined);
  }
}

function valueItems(values: readonly string[], listed: string[], describe: (value: string) => string | undefined): StatementCompletion[] {
  return values
    .filter((v) => !listed.includes(v))
    .map((value, i) => ({ label: value, description: describe(value), kind: 'value', insertText: value, sortText: String(i).padStart(2, '0') }));
}

/** The parties named in the front matter (offered first where a party id is wanted). */
function documentParties(text: string): string[] {
  const block = findFrontMatter(text);
  if (!block?.closed) return [];
  return parseStatement(text.slice(0, block.span.end)).frontMatter?.parties ?? [];
}

const partyCache = new WeakMap<Glossary, GlossaryEntry[]>();

function partiesOf(glossary: Glossary): GlossaryEntry[] {
  let parties = partyCache.get(glossary);
  if (!parties) partyCache.set(glossary, (parties = glossary.entries.filter((e) => e.kind === 'party')));
  return parties;
}

/** One item per entry: label the id, description the name and kind; the document's parties first. */
function entryItems(entries: readonly GlossaryEntry[], query: string, first: string[], listed: string[] = []): StatementCompletion[] {
  const items: StatementCompletion[] = [];
  for (const entry of entries) {
    if (listed.includes(entry.id)) continue;
    const kindLabel = KIND_LABEL[entry.kind] ?? entry.kind;
    items.push({
      label: entry.id,
      description: `${entry.term} · ${kindLabel}`,
      detail: `${entry.term} (${kindLabel.toLowerCase()})`,
      kind: 'entry',
      entry,
      insertText: entry.id,
      filterText: entryFilterText(entry, query),
      sortText: `${first.includes(entry.id) ? 0 : 1}${entry.id.toLowerCase()}`,
    });
  }
  return items;
}

/**
 * What the editor matches typing against for an entry: its id, name and aliases, so that "Belarus"
 * or 白方 finds `BY`. The editor's filter reads only the first 128 characters and wants the first
 * typed character at the start of a word; so the forms that contain what is typed come first, each
 * also from where it matches (Chinese has no spaces: 中国原则 must find 一个中国原则).
 */
export function entryFilterText(entry: GlossaryEntry, query: string): string {
  const forms = [entry.id, ...formsOf(entry)];
  const typed = query.trim().toLowerCase();
  if (!typed) return forms.join(' ');
  let lower = lowerForms.get(entry);
  if (!lower) lowerForms.set(entry, (lower = forms.map((f) => f.toLowerCase())));
  const matching: string[] = [];
  const others: string[] = [];
  forms.forEach((form, i) => {
    const at = lower[i].indexOf(typed);
    if (at === -1) others.push(form);
    else if (at === 0) matching.push(form);
    else matching.push(form.slice(at), form);
  });
  return [...matching, ...others].join(' ');
}

/** The forms of each entry in lower case, made once per entry. */
const lowerForms = new WeakMap<GlossaryEntry, string[]>();
