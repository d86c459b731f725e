/**
 * The `.statement` format: optional YAML front matter, then text with optional inline annotations
 * in Pandoc's bracketed-span syntax — `[Global Development Initiative]{.initiative}`,
 * `[the Belarusian side]{#BY}`, `[will deepen …]{.commitment type=pledge}`, `[…]{note="comment"}`.
 *
 * Parsing never throws: a problem (bad front matter, an unclosed span) becomes a located warning
 * and the rest is still read. {@link ParsedStatement.plain} is the text with front matter and
 * markup blanked out, offset for offset, so everything found in it can be shown in the document.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { COMMITMENT_TYPES } from './lexicon';
import { blankOut, type Span } from './text';
import { findExcessiveYamlNesting, MAX_YAML_DEPTH } from './yamlDepth';

/** Front matter fields the tool understands (others are kept in `extra`). */
export interface FrontMatter {
  title?: string;
  date?: string;
  parties?: string[];
  /** Where each of {@link parties} is written, in the statement's offsets (same order). */
  partySpans?: Span[];
  place?: string;
  source?: string;
  language?: string;
  extra: Record<string, unknown>;
}

/** One bracketed span with its attributes. */
export interface Annotation {
  /** The annotated text, inside the brackets. */
  span: Span;
  /** The whole markup, from `[` to `}`. */
  markup: Span;
  classes: string[];
  /** Where each of {@link classes} is written (the name, without its `.`), same order. */
  classSpans: Span[];
  id?: string;
  /** Where {@link id} is written (the id, without its `#`). */
  idSpan?: Span;
  attributes: Record<string, string>;
  /** Where each attribute's value is written (inside its quotes, if any). */
  valueSpans: Record<string, Span>;
}

/**
 * What a {@link StatementProblem} is about, for the editor's quick fixes: a `#id` no glossary
 * defines, a party id (front matter or `parties=`) no glossary defines, an unknown class, an
 * unknown commitment type. Problems without a code have no fix but to edit the text.
 */
export type StatementProblemCode = 'unknown-id' | 'unknown-party' | 'unknown-class' | 'unknown-type';

/** A located problem inside a statement. */
export interface StatementProblem extends Span {
  message: string;
  /** See {@link StatementProblemCode}. */
  code?: StatementProblemCode;
  /** The unknown word as written (the span covers exactly it when there is a code). */
  value?: string;
}

/** A parsed statement. */
export interface ParsedStatement {
  frontMatter: FrontMatter | null;
  /** The span of the front matter block, delimiters included. */
  frontMatterSpan: Span | null;
  annotations: Annotation[];
  /** The text with front matter and markup replaced by spaces (line breaks kept). */
  plain: string;
  problems: StatementProblem[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$/m;

/** Where the front matter block of a statement lies. */
export interface FrontMatterBlock {
  /** The whole block, delimiter lines included (to the end of the text when it is not closed). */
  span: Span;
  /** The YAML between the delimiter lines. */
  yaml: Span;
  /** False when no closing `---` (or `...`) line follows the opening one. */
  closed: boolean;
}

/** The front matter block that opens `text` (a first line `---`), or null when there is none. */
export function findFrontMatter(text: string): FrontMatterBlock | null {
  if (!text.startsWith('---')) return null;
  const m = FRONT_MATTER.exec(text);
  const yamlStart = text.indexOf('\n') + 1 || text.length;
  if (!m || m.index !== 0) return { span: { start: 0, end: text.length }, yaml: { start: yamlStart, end: text.length }, closed: false };
  return { span: { start: 0, end: m[0].length }, yaml: { start: yamlStart, end: yamlStart + m[1].length }, closed: true };
}

/** Parses front matter and annotations (see module doc). */
export function parseStatement(text: string): ParsedStatement {
  const problems: StatementProblem[] = [];
  let frontMatter: FrontMatter | null = null;
  let frontMatterSpan: Span | null = null;
  let bodyStart = 0;
  const block = findFrontMatter(text);
  if (block?.closed) {
    frontMatterSpan = block.span;
    bodyStart = block.span.end;
    frontMatter = readFrontMatter(text.slice(block.yaml.start, block.yaml.end), block.yaml.start, problems);
  } else if (block) {
    const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
    problems.push({ start: 0, end: firstLineEnd, message: 'front matter is not closed: add a line `---` after it' });
  }
  const { annotations, masked } = readAnnotations(text, bodyStart, problems);
  let plain = masked;
  if (frontMatterSpan) plain = blankOut(text.slice(0, frontMatterSpan.end)) + plain.slice(frontMatterSpan.end);
  return { frontMatter, frontMatterSpan, annotations, plain, problems };
}

function readFrontMatter(yamlText: string, offset: number, problems: StatementProblem[]): FrontMatter {
  const fm: FrontMatter = { extra: {} };
  const tooDeep = findExcessiveYamlNesting(yamlText);
  if (tooDeep !== -1) {
    problems.push({ start: offset + tooDeep, end: offset + tooDeep + 1, message: `front matter: YAML nesting deeper than ${MAX_YAML_DEPTH} levels is refused` });
    return fm;
  }
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  for (const e of doc.errors) {
    problems.push({
      start: offset + e.pos[0],
      end: offset + Math.max(e.pos[1], e.pos[0] + 1),
      message: `front matter: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    if (doc.errors.length === 0 && doc.contents !== null)
      problems.push({ start: offset, end: offset + yamlText.length, message: 'front matter must be a YAML mapping (`key: value` lines)' });
    return fm;
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  } catch (e) {
    // An alias bomb (aliases that expand exponentially) is refused by `yaml` with a throw.
    const reason = e instanceof Error && /alias/i.test(e.message) ? 'its aliases expand too much' : 'it could not be read';
    problems.push({ start: offset, end: offset + yamlText.length, message: `front matter is ignored: ${reason}` });
    return fm;
  }
  const rangeOfKey = (key: string): Span => {
    const node = doc.contents && isMap(doc.contents) ? (doc.contents.get(key, true) as { range?: [number, number, number] } | undefined) : undefined;
    return node?.range ? { start: offset + node.range[0], end: offset + node.range[1] } : { start: offset, end: offset + 1 };
  };
  for (const [key, value] of Object.entries(data)) {
    if (FRONT_MATTER_FIELDS.some((f) => f.key === key && f.key !== 'parties')) {
      if (value instanceof Date) (fm as unknown as Record<string, string>)[key] = value.toISOString().slice(0, 10);
      else if (typeof value === 'string' || typeof value === 'number') (fm as unknown as Record<string, string>)[key] = String(value);
      else problems.push({ ...rangeOfKey(key), message: `front matter: \`${key}\` must be text` });
    } else if (key === 'parties') {
      const node = isMap(doc.contents) ? doc.contents.get('parties', true) : undefined;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string') && isSeq(node)) {
        fm.parties = value as string[];
        fm.partySpans = node.items.map((item, i) => scalarSpan(yamlText, offset, item, fm.parties![i]));
      } else if (typeof value === 'string') {
        const at = (node as { range?: [number, number, number] } | undefined)?.range;
        const written = at ? listedWords(yamlText, at[0], at[1], offset) : [];
        fm.parties = written.map((w) => w.word);
        fm.partySpans = written.map((w) => w.span);
      } else problems.push({ ...rangeOfKey(key), message: 'front matter: `parties` must be a list of glossary ids, e.g. [CN, BY]' });
    } else fm.extra[key] = value;
  }
  return fm;
}

/**
 * Where a YAML scalar's value is written: inside its quotes, if any. A value the source does not
 * hold verbatim (escapes, folding) is located at the whole node.
 */
function scalarSpan(yamlText: string, offset: number, node: unknown, value: string): Span {
  const range = (node as { range?: [number, number, number] }).range;
  if (!range) return { start: offset, end: offset + 1 };
  const source = yamlText.slice(range[0], range[1]);
  const inner = source.indexOf(value);
  return inner === -1 ? { start: offset + range[0], end: offset + range[1] } : { start: offset + range[0] + inner, end: offset + range[0] + inner + value.length };
}

/** The words of a list written as one text (`parties: CN, BY`), each with where it is written. */
function listedWords(yamlText: string, from: number, to: number, offset: number): { word: string; span: Span }[] {
  const out: { word: string; span: Span }[] = [];
  const word = /[^,\s"']+/g;
  const source = yamlText.slice(from, to);
  for (let m = word.exec(source); m !== null; m = word.exec(source)) {
    out.push({ word: m[0], span: { start: offset + from + m.index, end: offset + from + m.index + m[0].length } });
  }
  return out;
}

/** The markup of annotations, `[` and `]{…}` of each, as spans to cut out (see `cutOut` in text.ts). */
export function markupOf(annotations: readonly Annotation[]): Span[] {
  return annotations.flatMap((a) => [
    { start: a.markup.start, end: a.span.start },
    { start: a.span.end, end: a.markup.end },
  ]);
}

/** Spans nested deeper than this are read as text (`[` beyond it is an ordinary bracket). */
export const MAX_SPAN_DEPTH = 32;
/** Problems reported per statement; past this, one last problem says how many more there were. */
export const MAX_STATEMENT_PROBLEMS = 100;

/**
 * Finds `[text]{attributes}` spans (nesting allowed, up to {@link MAX_SPAN_DEPTH}) and blanks out
 * their markup. Brackets that are not followed by `{` are ordinary text ("[sic]"). A `{` after `]`
 * with no closing `}` on the same line, or a `[` still open at the end of its paragraph while
 * other spans are used, is reported. Linear in the text, whatever it holds: hostile text such as
 * 400 KB of `a]{ ` or `[[[[` on one line must not freeze the editor.
 */
function readAnnotations(text: string, from: number, problems: StatementProblem[]): { annotations: Annotation[]; masked: string } {
  const annotations: Annotation[] = [];
  const blanks: Span[] = [];
  const stack: number[] = [];
  const attributeEnds = new AttributeEnds(text);
  const report = (problem: StatementProblem) => {
    if (problems.length < MAX_STATEMENT_PROBLEMS) problems.push(problem);
    else omitted++;
  };
  let omitted = 0;
  let tooDeep = -1;
  const flushUnclosed = () => {
    // Only report brackets that look like an annotation attempt: a `{.`, `{#` or `{word` follows
    // later on the line, or the line ends with `]`. Both are facts of the line, found once per line.
    let lineEnd = -1;
    let lastAttributeStart = -1;
    let endsWithBracket = false;
    for (const open of stack) {
      if (open > lineEnd) {
        lineEnd = text.indexOf('\n', open);
        if (lineEnd === -1) lineEnd = text.length;
        lastAttributeStart = lastAttributeOpening(text, open, lineEnd);
        endsWithBracket = /\]\s*$/.test(text.slice(Math.max(open, lineEnd - 64), lineEnd));
      }
      if (endsWithBracket || lastAttributeStart > open) report({ start: open, end: open + 1, message: 'unclosed annotation span: this `[` has no matching `]{…}`' });
    }
    stack.length = 0;
  };
  // Only brackets and paragraph breaks matter: let the regex engine skip everything else.
  const special = /[[\]]|\n\r?\n/g;
  special.lastIndex = from;
  for (let m = special.exec(text); m !== null; m = special.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      if (stack.length < MAX_SPAN_DEPTH) stack.push(i);
      else if (tooDeep === -1) tooDeep = i;
    } else if (c === 0x5d /* ] */) {
      const open = stack.pop();
      if (text.charCodeAt(i + 1) !== 0x7b /* { */) continue;
      const close = attributeEnds.find(i + 2);
      if (close === -1) {
        report({ start: i + 1, end: i + 2, message: 'unclosed attribute block: `{` has no matching `}` on this line' });
        continue;
      }
      if (open === undefined) {
        report({ start: i, end: close + 1, message: 'stray `]{…}`: no `[` opens this annotation span' });
        blanks.push({ start: i, end: close + 1 });
        special.lastIndex = close + 1;
        continue;
      }
      const attrs = parseAttributes(text.slice(i + 2, close), i + 2, report);
      annotations.push({ span: { start: open + 1, end: i }, markup: { start: open, end: close + 1 }, ...attrs });
      blanks.push({ start: open, end: open + 1 }, { start: i, end: close + 1 });
      special.lastIndex = close + 1;
    } else if (stack.length > 0) flushUnclosed(); // a paragraph break
  }
  flushUnclosed();
  if (tooDeep !== -1)
    problems.unshift({ start: tooDeep, end: tooDeep + 1, message: `annotation spans nested deeper than ${MAX_SPAN_DEPTH} levels: the deeper ones are read as text` });
  if (omitted > 0) problems.push({ start: text.length, end: text.length, message: `${omitted} more problems in this statement are not shown` });
  annotations.sort((a, b) => a.markup.start - b.markup.start);
  if (blanks.length === 0) return { annotations, masked: text };
  blanks.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let last = 0;
  for (const b of blanks) {
    parts.push(text.slice(last, b.start), blankOut(text.slice(b.start, b.end)));
    last = b.end;
  }
  parts.push(text.slice(last));
  return { annotations, masked: parts.join('') };
}

/** The last offset in `text[from, to)` where an attribute block seems to open (`{.`, `{#`, `{word`), or -1. */
function lastAttributeOpening(text: string, from: number, to: number): number {
  let last = -1;
  for (let i = text.indexOf('{', from); i !== -1 && i < to; i = text.indexOf('{', i + 1)) {
    if (/[.#\w]/.test(text.charAt(i + 1))) last = i;
  }
  return last;
}

/**
 * Finds the `}` that closes an attribute block, outside quotes and on the same line. Memoised so
 * that many `]{` on one long line (each without its `}`) cost linear time, not quadratic: every
 * offset a search passes outside quotes leads to the same answer, so each is remembered once a
 * search that has to go far has found it.
 */
class AttributeEnds {
  /** Answer + 2 for offsets already passed (0: unknown); made only once a search goes far. */
  private memo: Int32Array | undefined;

  constructor(private readonly text: string) {}

  /** The offset of the closing `}` for a block whose body starts at `from`, or -1. */
  find(from: number): number {
    const { text, memo } = this;
    let quote = 0;
    let answer = -1;
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) break;
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      if (memo !== undefined && memo[i] !== 0) {
        answer = memo[i] - 2;
        break;
      }
      if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x7d) {
        answer = i;
        break;
      }
    }
    if (i - from > 256) this.remember(from, i, answer);
    return answer;
  }

  /** Records `answer` for every offset in [from, to) that a search starting at `from` passes outside quotes. */
  private remember(from: number, to: number, answer: number): void {
    const memo = (this.memo ??= new Int32Array(this.text.length + 1));
    let quote = 0;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      memo[i] = answer + 2;
      if (c === 0x22 || c === 0x27) quote = c;
    }
  }
}

const ATTRIBUTE = /\s*(?:\.([\w-]+)|#([\w.:-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))\s*/y;

function parseAttributes(
  body: string,
  offset: number,
  report: (problem: StatementProblem) => void,
): Pick<Annotation, 'classes' | 'classSpans' | 'id' | 'idSpan' | 'attributes' | 'valueSpans'> {
  const classes: string[] = [];
  const classSpans: Span[] = [];
  const attributes: Record<string, string> = {};
  const valueSpans: Record<string, Span> = {};
  let id: string | undefined;
  let idSpan: Span | undefined;
  ATTRIBUTE.lastIndex = 0;
  let pos = 0;
  while (pos < body.length) {
    ATTRIBUTE.lastIndex = pos;
    const m = ATTRIBUTE.exec(body);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(body.slice(pos))) break;
      report({
        start: offset + pos,
        end: offset + body.length,
        message: `cannot read annotation attributes \`${body.slice(pos).trim()}\` (expected .class, #id or key=value)`,
      });
      break;
    }
    // The captured text ends where its group ends: a closing quote and trailing spaces come after.
    const at = (group: string) => {
      const end = offset + pos + m[0].trimEnd().length - (m[4] !== undefined || m[5] !== undefined ? 1 : 0);
      return { start: end - group.length, end };
    };
    if (m[1]) {
      classes.push(m[1]);
      classSpans.push(at(m[1]));
    } else if (m[2]) {
      id = m[2];
      idSpan = at(m[2]);
    } else if (m[3]) {
      const value = m[4] ?? m[5] ?? m[6] ?? '';
      attributes[m[3]] = value;
      valueSpans[m[3]] = at(value);
    }
    pos = ATTRIBUTE.lastIndex;
  }
  return { classes, classSpans, id, idSpan, attributes, valueSpans };
}

/** A front matter field the tool reads, with what it holds. */
export interface FrontMatterField {
  key: keyof Omit<FrontMatter, 'extra'>;
  description: string;
  /** Usual values, when there are a few. */
  values?: readonly string[];
}

/** The front matter fields the tool reads (see {@link FrontMatter}); `parties` is a list, the others text. */
export const FRONT_MATTER_FIELDS: readonly FrontMatterField[] = [
  { key: 'title', description: 'The title of the statement' },
  { key: 'date', description: 'The date it was issued (YYYY-MM-DD)' },
  { key: 'parties', description: 'The glossary ids of the parties that issue it, e.g. [CN, BY]' },
  { key: 'place', description: 'Where it was issued' },
  { key: 'source', description: 'Where the text comes from (a URL)' },
  { key: 'language', description: 'The language of the text; zh reads it as Chinese', values: ['en', 'zh', 'ru', 'fr', 'es', 'ar'] },
];

/** An annotation attribute (`key=value` inside `{…}`) the tool reads. */
export interface AnnotationAttribute {
  name: string;
  description: string;
  /** The values it takes, when they are a closed set. */
  values?: readonly string[];
  /** True when it only means something on a `.commitment` span. */
  commitment?: boolean;
}

/** The annotation attributes the tool reads (besides `.class` and `#id`). */
export const ANNOTATION_ATTRIBUTES: readonly AnnotationAttribute[] = [
  { name: 'note', description: 'A comment on the span, shown to readers' },
  { name: 'type', description: 'The commitment type (several, for eval: type="affirm support")', values: COMMITMENT_TYPES, commitment: true },
  { name: 'parties', description: 'The glossary ids of the parties that commit (parties="CN BY")', commitment: true },
  { name: 'actor', description: 'The words that name who commits', commitment: true },
  { name: 'strength', description: 'How firmly it is worded (normal when absent)', values: ['strong', 'weak'], commitment: true },
  { name: 'negated', description: 'A negated commitment ("will not support")', values: ['true', 'false'], commitment: true },
  { name: 'trigger', description: 'The words that make it a commitment', commitment: true },
];
