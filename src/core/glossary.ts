/**
 * The glossary: parse and validate YAML glossary files into entries with located problems, and
 * merge several glossaries (built-in first, then the user's) into one.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { isAcronym, normalizePhrase } from './chars';
import { layoutGlossary, type GlossaryParseCache } from './glossaryEntries';
import { fromYaml, getValue, type YamlNode, type YamlRange } from './glossaryYaml';
import { findExcessiveYamlNesting, MAX_YAML_DEPTH } from './yamlDepth';

import { TERM_KINDS, type TermKind } from './kinds';

// The kinds are listed once, in kinds.ts; re-exported here, where most callers look for them.
export { TERM_KINDS, type TermKind };

/** Where something is defined: a file and a 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One glossary entry, validated. */
export interface GlossaryEntry {
  id: string;
  term: string;
  kind: TermKind;
  aliases: string[];
  summary?: string;
  details?: string;
  sources: string[];
  see: string[];
  /**
   * For a group that acts as one actor (G7, ASEAN, BRICS): the ids of its members, so that "We, the
   * Leaders of the G7" resolves to the states that speak, not to the states the text mentions.
   */
  members?: string[];
  /**
   * For a person or an institution that speaks for a party (a head of state or government, a
   * ministry, an agency): that party's id, so that "President Biden welcomed …" is a US commitment.
   */
  party?: string;
  /**
   * true: every form is case-sensitive; false: none is; undefined: only acronyms are (see
   * `isAcronym`); a list: the forms (and `blocks` phrases) it names are, the others follow the
   * acronym rule — for a name whose lower-case twin is an ordinary word ("Chad" and chad, Чили and
   * чили) while its other forms must still match at the start of a sentence ("чадская сторона").
   * See {@link isCaseSensitive}.
   */
  caseSensitive?: boolean | string[];
  /**
   * Longer phrases that contain one of the entry's forms but do not mean the entry ("Niger Delta"
   * for Niger, 沿海地区 for 海地): matched like forms, with the same case rule, and reported as
   * nothing, so that leftmost-longest selection hides the form inside them.
   */
  blocks?: string[];
  /**
   * The date its facts were last checked, for entries that date quickly (memberships,
   * officeholders, partnership lists, treaty status): `YYYY-MM-DD`, or `YYYY-MM` when only the
   * month is known. Validated by {@link parseAsOf}; shown in the hover; `check` warns when it is old.
   */
  asOf?: string;
  /** Where the entry starts (its `- ` list item). */
  origin: SourceLocation;
}

/** A problem found while loading a glossary, located as precisely as the YAML parser allows. */
export interface GlossaryProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  message: string;
  /** What the problem is about, for the editor's quick fixes (see {@link GlossaryProblemCode}). */
  code?: GlossaryProblemCode;
  /**
   * For a `see`, `members` or `party` naming an id the file does not define: that reference.
   * Whether another glossary defines it is decided when glossaries are merged ({@link mergeGlossaries}).
   */
  reference?: { entry: string; field: string; id: string };
}

/** `unknown-kind`: a `kind` that is not one of {@link TERM_KINDS}; `unknown-reference`: see {@link GlossaryProblem.reference}. */
export type GlossaryProblemCode = 'unknown-kind' | 'unknown-reference';

/** A set of entries, indexed by id, with what went wrong while building it. */
export interface Glossary {
  entries: GlossaryEntry[];
  byId: Map<string, GlossaryEntry>;
  problems: GlossaryProblem[];
}

/** Glossary files larger than this are refused before parsing. */
export const MAX_GLOSSARY_BYTES = 32 * 1024 * 1024;

/** Lower-case, hyphenated slug of a term, used as the default id. */
export function slugify(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether `form` (one of the entry's forms or `blocks` phrases) is matched case-sensitively (see {@link GlossaryEntry.caseSensitive}). */
export function isCaseSensitive(entry: GlossaryEntry, form: string): boolean {
  const rule = entry.caseSensitive;
  if (Array.isArray(rule)) return rule.includes(form) || isAcronym(form);
  return rule ?? isAcronym(form);
}

/** All forms under which an entry is matched: its term, then its aliases. */
export function formsOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.aliases];
}

/** Options for {@link parseGlossary}. */
export interface ParseGlossaryOptions {
  /**
   * Entries parsed before (see {@link GlossaryParseCache}): the file is read entry by entry with
   * the `yaml` package, and only entries whose text changed since its last parse are parsed.
   */
  cache?: GlossaryParseCache;
}

/**
 * Parses one glossary file. Never throws: syntax errors, a missing `term` or `kind`, an unknown
 * kind, duplicate ids and an alias claimed twice within the file become problems, each at its
 * line and column; entries that are usable are kept.
 */
export function parseGlossary(text: string, file: string, options: ParseGlossaryOptions = {}): Glossary {
  const problems: GlossaryProblem[] = [];
  const lineCounter = new LineCounter();
  const locate = (start: number, end = start): Pick<GlossaryProblem, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(end, start));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const report: Reporter = (severity, message, range, extra) =>
    problems.push({ file, severity, message, ...(range ? locate(range[0], range[1]) : { line: 1, column: 1, endLine: 1, endColumn: 1 }), ...extra });

  const empty = (): Glossary => ({ entries: [], byId: new Map(), problems });
  if (text.length > MAX_GLOSSARY_BYTES) {
    report('error', `glossary is too large (${text.length} characters; the limit is ${MAX_GLOSSARY_BYTES})`);
    return empty();
  }

  const byEntry = options.cache ? readByEntry(text, file, options.cache) : null;
  if (byEntry) {
    for (const start of byEntry.lineStarts) lineCounter.addNewLine(start);
    return { ...readEntries(byEntry.readings, file, report, lineCounter), problems };
  }
  const tooDeep = findExcessiveYamlNesting(text);
  if (tooDeep !== -1) {
    // lineCounter is filled by the parser; compute the position by hand here.
    const before = text.slice(0, tooDeep);
    const line = before.split('\n').length;
    const column = tooDeep - before.lastIndexOf('\n');
    problems.push({ file, severity: 'error', message: `YAML nesting deeper than ${MAX_YAML_DEPTH} levels is refused`, line, column, endLine: line, endColumn: column });
    return empty();
  }
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  for (const e of doc.errors) report('error', cleanYamlMessage(e.message), openingQuoteOf(text, e.code, e.pos) ?? e.pos);
  for (const w of doc.warnings) report('warning', cleanYamlMessage(w.message), w.pos);
  const syntaxErrors = doc.errors.length;
  if (syntaxErrors > 0 && !isMap(doc.contents)) return empty();
  const root = doc.contents === null || doc.contents === undefined ? null : fromYaml(doc.contents as Node, 0);

  if (root === null) {
    report('warning', 'the glossary is empty: expected a `terms:` list');
    return empty();
  }
  if (root.kind !== 'map') {
    report('error', 'a glossary must be a mapping with a `terms:` list', root.range);
    return empty();
  }
  for (const pair of root.pairs) {
    if (pair.key !== 'terms') report('warning', `unknown top-level key \`${pair.key}\` (expected \`terms\`)`, pair.keyRange);
  }
  const termsNode = getValue(root, 'terms');
  if (!termsNode || (termsNode.kind === 'scalar' && termsNode.value === null)) {
    report('warning', 'the glossary has no `terms:` list', root.range);
    return empty();
  }
  if (termsNode.kind !== 'list') {
    report('error', '`terms` must be a list of entries', termsNode.range);
    return empty();
  }

  // After a syntax error the tree is a best guess: keep what is usable, but do not add
  // validation problems that are only echoes of the syntax error.
  const before = problems.length;
  const result = readEntries(
    termsNode.items.map((node) => ({ reading: readEntryNode(node, file), base: 0 })),
    file,
    report,
    lineCounter,
  );
  if (syntaxErrors > 0) problems.splice(before);
  return { ...result, problems };
}

type MapNode = YamlNode & { kind: 'map' };

/** Options of the `yaml` package for glossaries: strict, duplicate keys refused, messages without a code frame. */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/**
 * The glossary read entry by entry (see `glossaryEntries.ts`): each entry parsed by `yaml` alone
 * and read, unless `cache` has its reading from an earlier parse of `file`. When most entries are
 * new (a first parse), the whole text is parsed once instead, which is faster than entry by entry.
 * Null when the text is not in the usual shape or an entry is not valid YAML alone (the whole text
 * is then parsed as usual, so every problem is located and worded as usual).
 */
function readByEntry(text: string, file: string, cache: GlossaryParseCache): { readings: PlacedReading[]; lineStarts: number[] } | null {
  const layout = layoutGlossary(text);
  if (!layout) return null;
  const known = cache.entriesOf(file);
  const sources = layout.items.map(({ start, end }) => text.slice(start, end));
  let missing = 0;
  for (const source of sources) if (!known.has(source)) missing++;
  const fresh = missing > 1 && missing > sources.length / 4 ? readWhole(text, file, layout.items) : undefined;
  if (fresh === null) return null;
  const used = new Map<string, EntryReading>();
  const readings: PlacedReading[] = [];
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    let reading = known.get(source) ?? used.get(source) ?? fresh?.[i];
    if (!reading) {
      if (findExcessiveYamlNesting(source) !== -1) return null;
      const doc = parseDocument(source, YAML_OPTIONS);
      const list = doc.contents;
      if (doc.errors.length > 0 || doc.warnings.length > 0 || !isSeq(list) || list.items.length !== 1) return null;
      reading = readEntryNode(fromYaml(list.items[0] as Node | null, 0), file);
    }
    used.set(source, reading);
    readings.push({ reading, base: layout.items[i].start });
  }
  cache.keep(file, used);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { readings, lineStarts };
}

/**
 * Every entry of the text read from one parse of the whole text, each with offsets from the start
 * of its item (as {@link readByEntry} keeps them); null when the text has a syntax problem or its
 * list is not the items laid out.
 */
function readWhole(text: string, file: string, items: readonly { start: number }[]): EntryReading[] | null {
  if (findExcessiveYamlNesting(text) !== -1) return null;
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return null;
  const list = doc.contents.items[0].value;
  if (!isSeq(list) || list.items.length !== items.length) return null;
  return list.items.map((node, i) => readEntryNode(shiftNode(fromYaml(node as Node | null, 0), -items[i].start), file));
}

/** `node` with every offset moved by `offset`. */
function shiftNode(node: YamlNode, offset: number): YamlNode {
  const shift = (r: YamlRange): YamlRange => [r[0] + offset, r[1] + offset, r[2] + offset];
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, range: shift(node.range) };
    case 'list':
      return { kind: 'list', items: node.items.map((n) => shiftNode(n, offset)), range: shift(node.range) };
    case 'map':
      return { kind: 'map', pairs: node.pairs.map((p) => ({ key: p.key, keyRange: shift(p.keyRange), value: shiftNode(p.value, offset) })), range: shift(node.range) };
    default:
      return { kind: 'other', range: shift(node.range) };
  }
}

/**
 * What one entry of a file says on its own, with offsets from the start of its node's text (`base`
 * in {@link PlacedReading}): kept by a {@link GlossaryParseCache}, so an entry whose text did not
 * change is not read again. What depends on the other entries (duplicate ids, forms claimed twice,
 * references) is checked by {@link readEntries}.
 */
export interface EntryReading {
  /** The entry (its `origin` is set where it is placed), or null when it is unusable. */
  entry: GlossaryEntry | null;
  /** Problems of the entry alone, in the order found. */
  reports: { severity: GlossaryProblem['severity']; message: string; range?: readonly number[]; extra?: Pick<GlossaryProblem, 'code' | 'reference'> }[];
  /** Offset of the entry's node (its origin). */
  start: number;
  /** Where a duplicate id is reported: the `id`, else the `term`. */
  idRange?: readonly number[];
  /** Its forms (term first), normalised, with where each is written. */
  forms: { form: string; key: string; range?: readonly number[] }[];
  /** The ids its `see`, `members` and `party` name. */
  references: { field: string; id: string; range: readonly number[] }[];
}

/** An {@link EntryReading} and the offset its offsets count from. */
interface PlacedReading {
  reading: EntryReading;
  base: number;
}

/** Reads one entry's node on its own (see {@link EntryReading}). */
function readEntryNode(node: YamlNode, file: string): EntryReading {
  const reading: EntryReading = { entry: null, reports: [], start: node.range[0], forms: [], references: [] };
  const report: Reporter = (severity, message, range, extra) => reading.reports.push({ severity, message, range: range ?? undefined, extra });
  if (node.kind !== 'map') {
    report('error', 'each entry must be a mapping with at least `term` and `kind`', node.range);
    return reading;
  }
  const entry = readEntry(node, file, report);
  if (!entry) return reading;
  reading.entry = entry;
  reading.idRange = (getValue(node, 'id') ?? getValue(node, 'term'))?.range;
  for (const [form, range] of aliasRangesOf(node, entry)) reading.forms.push({ form, key: normalizePhrase(form), range });
  reportRedundantForms(node, entry, report);
  for (const field of REFERENCE_FIELDS) {
    const v = getValue(node, field);
    const items = v?.kind === 'list' ? v.items : v ? [v] : [];
    for (const it of items) if (it.kind === 'scalar' && it.value !== null) reading.references.push({ field, id: String(it.value).trim(), range: it.range });
  }
  return reading;
}

/**
 * "Blue dot network" beside "Blue Dot Network": forms match in any case (and spacing, hyphens), so
 * an alias that matches the same text as the term or an earlier alias adds nothing unless the
 * entry makes the case matter — said at the alias, not dropped in silence.
 */
function reportRedundantForms(node: MapNode, entry: GlossaryEntry, report: Reporter): void {
  const aliases = getValue(node, 'aliases');
  if (aliases?.kind !== 'list') return;
  const seen = new Map<string, string>([[normalizePhrase(entry.term), entry.term]]);
  for (const it of aliases.items) {
    if (it.kind !== 'scalar' || it.value === null) continue;
    const form = String(it.value).trim();
    const key = normalizePhrase(form);
    const same = seen.get(key);
    if (same === undefined) seen.set(key, form);
    else if (same !== form && !isCaseSensitive(entry, form) && !isCaseSensitive(entry, same))
      report('warning', `\`${form}\` matches the same text as \`${same}\` (forms match in any case), so it adds nothing; use \`caseSensitive\` if the case matters`, it.range);
  }
}

function shiftRange(range: readonly number[] | undefined, base: number): number[] | undefined {
  return range && range.map((offset) => offset + base);
}

function readEntries(readings: PlacedReading[], file: string, report: Reporter, lineCounter: LineCounter): Omit<Glossary, 'problems'> {
  const entries: GlossaryEntry[] = [];
  const byId = new Map<string, GlossaryEntry>();
  const formOwner = new Map<string, GlossaryEntry>();
  // Ids named by `see`, `members` and `party`, checked once every entry is known.
  const references = new Map<GlossaryEntry, { field: string; id: string; range: readonly number[] }[]>();
  for (const { reading, base } of readings) {
    for (const r of reading.reports) report(r.severity, r.message, shiftRange(r.range, base), r.extra);
    if (!reading.entry) continue;
    const pos = lineCounter.linePos(base + reading.start);
    // A copy: a kept reading serves later parses too.
    const entry: GlossaryEntry = { ...reading.entry, origin: { file, line: pos.line, column: pos.col } };
    if (byId.has(entry.id)) {
      const first = byId.get(entry.id)!;
      report('error', `duplicate id \`${entry.id}\` (first defined at line ${first.origin.line})`, shiftRange(reading.idRange, base));
      continue;
    }
    let clash = false;
    for (const { form, key, range } of reading.forms) {
      const owner = formOwner.get(key);
      if (owner && owner !== entry) {
        report('error', `\`${form}\` is already a form of \`${owner.id}\` (line ${owner.origin.line})`, shiftRange(range, base));
        clash = true;
      }
    }
    byId.set(entry.id, entry);
    entries.push(entry);
    for (const { key } of reading.forms) if (!formOwner.has(key)) formOwner.set(key, entry);
    if (clash) entry.aliases = entry.aliases.filter((a) => formOwner.get(normalizePhrase(a)) === entry);
    references.set(
      entry,
      reading.references.map((r) => ({ ...r, range: shiftRange(r.range, base)! })),
    );
  }
  for (const entry of entries) {
    for (const { field, id, range } of references.get(entry) ?? []) {
      if (!byId.has(id))
        report('warning', `\`${field}\` names \`${id}\`, which this glossary does not define`, range, {
          code: 'unknown-reference',
          reference: { entry: entry.id, field, id },
        });
    }
  }
  return { entries, byId };
}

/**
 * Merges glossaries in order: a later entry with the same id replaces the earlier one; a form
 * claimed by two entries stays with the first, and the clash is reported. A file's reference to
 * an id it does not define ({@link GlossaryProblem.reference}) is reported once, where it is
 * written, when no glossary of the merge defines that id; otherwise it is no problem.
 */
export function mergeGlossaries(glossaries: Glossary[]): Glossary {
  const byId = new Map<string, GlossaryEntry>();
  const problems: GlossaryProblem[] = [];
  const references: GlossaryProblem[] = [];
  for (const g of glossaries) {
    for (const p of g.problems) (p.reference ? references : problems).push(p);
    for (const e of g.entries) byId.set(e.id, e);
  }
  const entries = [...byId.values()];
  const formOwner = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    const kept: string[] = [];
    const forms = formsOf(entry);
    const keys = formKeysOf(entry, forms);
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i];
      const key = keys[i];
      const owner = formOwner.get(key);
      if (owner && owner !== entry) {
        problems.push({
          ...at(entry.origin),
          severity: 'warning',
          message: `\`${form}\` of \`${entry.id}\` is already a form of \`${owner.id}\` (${owner.origin.file}:${owner.origin.line}); it is ignored here`,
        });
        continue;
      }
      formOwner.set(key, entry);
      if (form !== entry.term) kept.push(form);
    }
    if (kept.length !== entry.aliases.length) byId.set(entry.id, { ...entry, aliases: kept });
  }
  for (const p of references) {
    const { entry, field, id } = p.reference!;
    if (!byId.has(id)) problems.push({ ...p, message: `\`${field}\` of \`${entry}\` names \`${id}\`, which no glossary defines` });
  }
  return { entries: [...byId.values()], byId, problems };
}

/**
 * The normalised forms of entries merged before, by entry: a merge after an edit of one file
 * normalises only the entries that file's parse made (the built-in entries are merged again at
 * every edit).
 */
const formKeys = new WeakMap<GlossaryEntry, { forms: string[]; keys: string[] }>();

/** {@link normalizePhrase} of each of `forms` (the entry's forms, term first), remembered for the entry. */
function formKeysOf(entry: GlossaryEntry, forms: string[]): string[] {
  const known = formKeys.get(entry);
  if (known && known.forms.length === forms.length && known.forms.every((f, i) => f === forms[i])) return known.keys;
  const keys = forms.map((f) => normalizePhrase(f));
  formKeys.set(entry, { forms, keys });
  return keys;
}

function at(o: SourceLocation) {
  return { file: o.file, line: o.line, column: o.column, endLine: o.line, endColumn: o.column };
}

type Reporter = (severity: GlossaryProblem['severity'], message: string, range?: readonly number[] | null, extra?: Pick<GlossaryProblem, 'code' | 'reference'>) => void;

/** Fields whose values are ids of other entries. */
const REFERENCE_FIELDS = ['see', 'members', 'party'] as const;

const KNOWN_FIELDS = new Set(['id', 'term', 'kind', 'aliases', 'summary', 'details', 'sources', 'see', 'members', 'party', 'caseSensitive', 'blocks', 'asOf']);

function readEntry(node: MapNode, file: string, report: Reporter): GlossaryEntry | null {
  for (const pair of node.pairs) {
    if (!KNOWN_FIELDS.has(pair.key)) report('warning', `unknown field \`${pair.key}\``, pair.keyRange);
  }
  const str = (name: string, required: boolean): string | undefined => {
    const v = getValue(node, name);
    if (v === undefined || (v.kind === 'scalar' && (v.value === null || v.value === ''))) {
      if (required) report('error', `entry has no \`${name}\``, node.pairs[0]?.keyRange ?? node.range);
      return undefined;
    }
    if (v.kind !== 'scalar' || (typeof v.value !== 'string' && typeof v.value !== 'number')) {
      report('error', `\`${name}\` must be text`, v.range);
      return undefined;
    }
    return String(v.value).trim();
  };
  const list = (name: string): string[] => {
    const v = getValue(node, name);
    if (v === undefined || (v.kind === 'scalar' && v.value === null)) return [];
    if (v.kind === 'scalar') return [String(v.value)];
    if (v.kind !== 'list') {
      report('error', `\`${name}\` must be a list`, v.range);
      return [];
    }
    const out: string[] = [];
    for (const it of v.items) {
      if (it.kind === 'scalar' && it.value !== null && typeof it.value !== 'object') out.push(String(it.value).trim());
      else report('error', `each item of \`${name}\` must be text`, it.range);
    }
    return out.filter((s) => s.length > 0);
  };

  const term = str('term', true);
  const kindText = str('kind', true);
  let kind: TermKind | undefined;
  if (kindText !== undefined) {
    if ((TERM_KINDS as readonly string[]).includes(kindText)) kind = kindText as TermKind;
    else report('error', `unknown kind \`${kindText}\` (expected one of ${TERM_KINDS.join(', ')})`, getValue(node, 'kind')?.range, { code: 'unknown-kind' });
  }
  const idText = str('id', false);
  const aliases = list('aliases');
  const sources = list('sources');
  for (const s of sources) {
    if (!/^https?:\/\//i.test(s)) report('warning', `source \`${s}\` is not an http(s) link; it will be shown as text`, getValue(node, 'sources')?.range);
  }
  const see = list('see');
  const members = list('members');
  const party = str('party', false);
  const csNode = getValue(node, 'caseSensitive');
  let caseSensitive: boolean | string[] | undefined;
  if (csNode !== undefined) {
    if (csNode.kind === 'scalar' && typeof csNode.value === 'boolean') caseSensitive = csNode.value;
    else if (csNode.kind === 'list') caseSensitive = list('caseSensitive');
    else report('error', "`caseSensitive` must be true, false or a list of the entry's forms", csNode.range);
  }
  const asOf = asOfOf(node, report);
  if (term === undefined || kind === undefined) return null;
  const id = idText ?? slugify(term);
  if (id.length === 0) {
    report('error', 'the entry needs an `id`: its term gives no usable slug', node.range);
    return null;
  }
  const normalizedTerm = normalizePhrase(term);
  const entry: GlossaryEntry = {
    id,
    term,
    kind,
    aliases: aliases.filter((a) => normalizePhrase(a) !== normalizedTerm),
    sources,
    see,
    // Set where the entry is placed in its file (see readEntries).
    origin: { file, line: 0, column: 0 },
  };
  const summary = str('summary', false);
  const details = str('details', false);
  if (summary !== undefined) entry.summary = summary;
  if (details !== undefined) entry.details = details;
  if (members.length > 0) entry.members = members;
  if (party !== undefined) entry.party = party;
  const blocks = blocksOf(node, entry, list('blocks'), report);
  if (blocks.length > 0) entry.blocks = blocks;
  if (Array.isArray(caseSensitive)) caseSensitive = caseSensitiveFormsOf(csNode!, entry, caseSensitive, report);
  if (caseSensitive !== undefined) entry.caseSensitive = caseSensitive;
  if (asOf !== undefined) entry.asOf = asOf;
  return entry;
}

/** The entry's `asOf` when it is a valid date; anything else is reported where it is written and dropped. */
function asOfOf(node: MapNode, report: Reporter): string | undefined {
  const v = getValue(node, 'asOf');
  if (v === undefined || (v.kind === 'scalar' && v.value === null)) return undefined;
  const text = v.kind === 'scalar' && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value).trim() : undefined;
  if (text !== undefined && parseAsOf(text)) return text;
  const shown = text === undefined ? 'a list or mapping' : `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
  report('error', `\`asOf\` must be a date written YYYY-MM-DD (e.g. 2026-11-30) or YYYY-MM; got ${shown}`, v.range);
  return undefined;
}

/** A date of an `asOf` field: the day is absent when only the month is given. */
export interface AsOfDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31; undefined for `YYYY-MM`. */
  day?: number;
}

/**
 * Reads an `asOf` value: `YYYY-MM-DD` or `YYYY-MM`, a real calendar date (no 31 April, 29 February
 * only in leap years), year 1900 or later. Undefined for anything else.
 */
export function parseAsOf(text: string): AsOfDate | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  // Date.UTC rolls 31 April over to 1 May: a date that does not come back unchanged does not exist.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) return undefined;
  return { year, month, day };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An `asOf` date for reading: "30 November 2026", or "November 2026" for a month; the text itself when invalid. */
export function formatAsOf(text: string): string {
  const d = parseAsOf(text);
  if (!d) return text;
  const month = `${MONTHS[d.month - 1]} ${d.year}`;
  return d.day === undefined ? month : `${d.day} ${month}`;
}

/** How old an `asOf` may be before `check` and the editor warn, by default (days). */
export const DEFAULT_MAX_AGE_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Warnings for entries whose `asOf` is more than `maxAgeDays` days before `today` (a month counts
 * from its first day), or after `today`, each at the entry's line. `maxAgeDays` 0 turns the check
 * off. Pure: the caller gives the date, so tests and the CLI agree on what "today" is.
 */
export function findStaleEntries(entries: readonly GlossaryEntry[], today: Date, maxAgeDays: number = DEFAULT_MAX_AGE_DAYS): GlossaryProblem[] {
  if (!(maxAgeDays > 0)) return [];
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const problems: GlossaryProblem[] = [];
  for (const entry of entries) {
    const d = entry.asOf === undefined ? undefined : parseAsOf(entry.asOf);
    if (!d) continue;
    const age = Math.round((todayUtc - Date.UTC(d.year, d.month - 1, d.day ?? 1)) / DAY_MS);
    let message: string | undefined;
    if (age > maxAgeDays) {
      message = `\`${entry.id}\` was last checked ${age} days ago (asOf ${entry.asOf}, more than ${maxAgeDays} days): check its facts and update \`asOf\``;
    } else if (age < 0) {
      message = `\`${entry.id}\` has an \`asOf\` in the future (${entry.asOf})`;
    }
    if (message) problems.push({ ...at(entry.origin), severity: 'warning', message });
  }
  return problems;
}

/**
 * A `caseSensitive` list, each item checked: it must be written exactly as one of the entry's forms
 * or `blocks` phrases (it names which of them to match case-sensitively); anything else is
 * reported where it is written and dropped.
 */
function caseSensitiveFormsOf(v: YamlNode, entry: GlossaryEntry, listed: string[], report: Reporter): string[] {
  const known = new Set([...formsOf(entry), ...(entry.blocks ?? [])]);
  return listed.filter((form) => {
    if (known.has(form)) return true;
    const range = v.kind === 'list' ? v.items.find((it) => it.kind === 'scalar' && String(it.value).trim() === form)?.range : v.range;
    report('warning', `\`caseSensitive\` lists \`${form}\`, which is not one of the entry's forms or blocks (written exactly): ignored`, range);
    return false;
  });
}

/**
 * The entry's `blocks`, each checked: a phrase that contains none of the entry's forms (compared
 * normalised and case-folded) could never hide one, so it is reported where it is written and
 * dropped; so is a phrase that is itself one of the forms.
 */
function blocksOf(node: MapNode, entry: GlossaryEntry, blocks: string[], report: Reporter): string[] {
  const forms = formsOf(entry).map((f) => normalizePhrase(f));
  const v = getValue(node, 'blocks');
  const rangeOf = (phrase: string) => (v?.kind === 'list' ? v.items.find((it) => it.kind === 'scalar' && String(it.value).trim() === phrase)?.range : v?.range);
  return blocks.filter((phrase) => {
    const folded = normalizePhrase(phrase);
    if (forms.includes(folded)) {
      report('warning', `\`${phrase}\` in \`blocks\` is a form of \`${entry.id}\` itself; it is ignored`, rangeOf(phrase));
      return false;
    }
    if (!forms.some((f) => folded.includes(f))) {
      report('warning', `\`${phrase}\` in \`blocks\` contains none of the forms of \`${entry.id}\`, so it blocks nothing; it is ignored`, rangeOf(phrase));
      return false;
    }
    return true;
  });
}

/** Each form of the entry (term first) with the range it was written at. */
function aliasRangesOf(node: MapNode, entry: GlossaryEntry): Map<string, YamlRange | undefined> {
  const out = new Map<string, YamlRange | undefined>();
  out.set(entry.term, getValue(node, 'term')?.range);
  const v = getValue(node, 'aliases');
  if (v?.kind === 'list') {
    for (const it of v.items) {
      if (it.kind !== 'scalar') continue;
      const form = String(it.value).trim();
      if (entry.aliases.includes(form)) out.set(form, it.range);
    }
  }
  return out;
}

/**
 * The parser reports an unclosed quote where the file ends; the quote that opened the scalar is
 * where the user must look, so point there instead.
 */
function openingQuoteOf(text: string, code: string, pos: [number, number]): [number, number] | null {
  if (code !== 'MISSING_CHAR') return null;
  const opener = /(?:^|[:\-[,{]\s*)(["'])/gm;
  let last: number | null = null;
  for (let m = opener.exec(text); m && m.index < pos[0]; m = opener.exec(text)) {
    const q = m.index + m[0].length - 1;
    const close = text.indexOf(m[1], q + 1);
    if (close === -1 || close >= pos[0]) {
      last = q;
      break;
    }
    opener.lastIndex = close + 1;
  }
  return last === null ? null : [last, last + 1];
}

function cleanYamlMessage(message: string): string {
  // The yaml package appends " at line L, column C" and a code frame; positions are reported separately.
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/**
 * A glossary from entries already validated, as plain data: the precompiled built-in glossary,
 * `glossary --format json` output, or what a worker's {@link parseGlossary} sent back (entries and
 * problems; `byId` is rebuilt here). Malformed items are skipped rather than trusted.
 */
export function glossaryFromJson(data: unknown): Glossary {
  const entries: GlossaryEntry[] = [];
  const byId = new Map<string, GlossaryEntry>();
  const list = (data as { entries?: unknown })?.entries;
  if (Array.isArray(list)) {
    for (const raw of list as Record<string, unknown>[]) {
      if (!raw || typeof raw.id !== 'string' || typeof raw.term !== 'string' || !(TERM_KINDS as readonly string[]).includes(raw.kind as string)) continue;
      const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
      const origin = raw.origin as SourceLocation | undefined;
      const entry: GlossaryEntry = {
        id: raw.id,
        term: raw.term,
        kind: raw.kind as TermKind,
        aliases: strings(raw.aliases),
        sources: strings(raw.sources),
        see: strings(raw.see),
        origin:
          origin && typeof origin.file === 'string' ? { file: origin.file, line: Number(origin.line) || 1, column: Number(origin.column) || 1 } : { file: '', line: 1, column: 1 },
      };
      if (typeof raw.summary === 'string') entry.summary = raw.summary;
      if (typeof raw.details === 'string') entry.details = raw.details;
      if (typeof raw.caseSensitive === 'boolean') entry.caseSensitive = raw.caseSensitive;
      else if (Array.isArray(raw.caseSensitive)) entry.caseSensitive = strings(raw.caseSensitive);
      const members = strings(raw.members);
      if (members.length > 0) entry.members = members;
      if (typeof raw.party === 'string') entry.party = raw.party;
      const blocks = strings(raw.blocks);
      if (blocks.length > 0) entry.blocks = blocks;
      if (typeof raw.asOf === 'string' && parseAsOf(raw.asOf)) entry.asOf = raw.asOf;
      if (!byId.has(entry.id)) {
        byId.set(entry.id, entry);
        entries.push(entry);
      }
    }
  }
  const problems: GlossaryProblem[] = [];
  const rawProblems = (data as { problems?: unknown })?.problems;
  if (Array.isArray(rawProblems)) {
    for (const raw of rawProblems as Record<string, unknown>[]) {
      if (!raw || typeof raw.file !== 'string' || typeof raw.message !== 'string') continue;
      const position = (v: unknown) => (typeof v === 'number' && v >= 1 ? v : 1);
      problems.push({
        file: raw.file,
        line: position(raw.line),
        column: position(raw.column),
        endLine: position(raw.endLine),
        endColumn: position(raw.endColumn),
        severity: raw.severity === 'warning' ? 'warning' : 'error',
        message: raw.message,
        ...problemDetails(raw),
      });
    }
  }
  return { entries, byId, problems };
}

/** The `code` and `reference` of a problem read back from plain data, when they are well formed. */
function problemDetails(raw: Record<string, unknown>): Pick<GlossaryProblem, 'code' | 'reference'> {
  const out: Pick<GlossaryProblem, 'code' | 'reference'> = {};
  if (raw.code === 'unknown-kind' || raw.code === 'unknown-reference') out.code = raw.code;
  const reference = raw.reference as { entry?: unknown; field?: unknown; id?: unknown } | undefined;
  if (reference && typeof reference.entry === 'string' && typeof reference.field === 'string' && typeof reference.id === 'string')
    out.reference = { entry: reference.entry, field: reference.field, id: reference.id };
  return out;
}
