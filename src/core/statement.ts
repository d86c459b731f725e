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
import { LineIndex, blankOut, type Span } from './text';

/** Front matter fields the tool understands (others are kept in `extra`). */
export interface FrontMatter {
  title?: string;
  date?: string;
  parties?: string[];
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
  id?: string;
  attributes: Record<string, string>;
}

/** A located problem inside a statement. */
export interface StatementProblem extends Span {
  message: string;
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

/** Parses front matter and annotations (see module doc). */
export function parseStatement(text: string): ParsedStatement {
  const problems: StatementProblem[] = [];
  let frontMatter: FrontMatter | null = null;
  let frontMatterSpan: Span | null = null;
  let bodyStart = 0;
  if (text.startsWith('---')) {
    const m = FRONT_MATTER.exec(text);
    if (m && m.index === 0) {
      frontMatterSpan = { start: 0, end: m[0].length };
      bodyStart = m[0].length;
      const yamlStart = text.indexOf('\n') + 1;
      frontMatter = readFrontMatter(m[1], yamlStart, problems);
    } else {
      const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
      problems.push({ start: 0, end: firstLineEnd, message: 'front matter is not closed: add a line `---` after it' });
    }
  }
  const { annotations, masked } = readAnnotations(text, bodyStart, problems);
  let plain = masked;
  if (frontMatterSpan) plain = blankOut(text.slice(0, frontMatterSpan.end)) + plain.slice(frontMatterSpan.end);
  return { frontMatter, frontMatterSpan, annotations, plain, problems };
}

function readFrontMatter(yamlText: string, offset: number, problems: StatementProblem[]): FrontMatter {
  const fm: FrontMatter = { extra: {} };
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
  const data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  const rangeOfKey = (key: string): Span => {
    const node = doc.contents && isMap(doc.contents) ? (doc.contents.get(key, true) as { range?: [number, number, number] } | undefined) : undefined;
    return node?.range ? { start: offset + node.range[0], end: offset + node.range[1] } : { start: offset, end: offset + 1 };
  };
  for (const [key, value] of Object.entries(data)) {
    if (['title', 'date', 'place', 'source', 'language'].includes(key)) {
      if (value instanceof Date) (fm as unknown as Record<string, string>)[key] = value.toISOString().slice(0, 10);
      else if (typeof value === 'string' || typeof value === 'number') (fm as unknown as Record<string, string>)[key] = String(value);
      else problems.push({ ...rangeOfKey(key), message: `front matter: \`${key}\` must be text` });
    } else if (key === 'parties') {
      const node = isMap(doc.contents) ? doc.contents.get('parties', true) : undefined;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) fm.parties = value as string[];
      else if (typeof value === 'string') fm.parties = value.split(/[,\s]+/).filter(Boolean);
      else problems.push({ ...rangeOfKey(key), message: `front matter: \`parties\` must be a list of glossary ids, e.g. [CN, BY]${isSeq(node) ? '' : ''}` });
    } else fm.extra[key] = value;
  }
  return fm;
}

/**
 * Finds `[text]{attributes}` spans (nesting allowed) and blanks out their markup. Brackets that are
 * not followed by `{` are ordinary text ("[sic]"). A `{` after `]` with no closing `}` on the same
 * line, or a `[` still open at the end of its paragraph while other spans are used, is reported.
 */
function readAnnotations(text: string, from: number, problems: StatementProblem[]): { annotations: Annotation[]; masked: string } {
  const annotations: Annotation[] = [];
  const blanks: Span[] = [];
  const stack: number[] = [];
  let lines: LineIndex | undefined;
  const flushUnclosed = () => {
    if (stack.length > 0) lines ??= new LineIndex(text);
    for (const open of stack) {
      // Only report when the bracket looks like an annotation attempt: `{` follows later on the line.
      const lineEnd = lines!.lineEnd(lines!.lineOf(open));
      const rest = text.slice(open, lineEnd);
      if (/\]\s*$/.test(rest) || /\{[.#\w]/.test(rest)) problems.push({ start: open, end: open + 1, message: 'unclosed annotation span: this `[` has no matching `]{…}`' });
    }
    stack.length = 0;
  };
  // Only brackets and paragraph breaks matter: let the regex engine skip everything else.
  const special = /[[\]]|\n\r?\n/g;
  special.lastIndex = from;
  for (let m = special.exec(text); m !== null; m = special.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */) stack.push(i);
    else if (c === 0x5d /* ] */) {
      const open = stack.pop();
      if (text.charCodeAt(i + 1) !== 0x7b /* { */) continue;
      const close = findAttributeEnd(text, i + 2);
      if (close === -1) {
        problems.push({ start: i + 1, end: i + 2, message: 'unclosed attribute block: `{` has no matching `}` on this line' });
        continue;
      }
      if (open === undefined) {
        problems.push({ start: i, end: close + 1, message: 'stray `]{…}`: no `[` opens this annotation span' });
        blanks.push({ start: i, end: close + 1 });
        special.lastIndex = close + 1;
        continue;
      }
      const attrs = parseAttributes(text.slice(i + 2, close), i + 2, problems);
      annotations.push({ span: { start: open + 1, end: i }, markup: { start: open, end: close + 1 }, ...attrs });
      blanks.push({ start: open, end: open + 1 }, { start: i, end: close + 1 });
      special.lastIndex = close + 1;
    } else if (stack.length > 0) flushUnclosed(); // a paragraph break
  }
  flushUnclosed();
  annotations.sort((a, b) => a.markup.start - b.markup.start);
  if (blanks.length === 0) return { annotations, masked: text };
  blanks.sort((a, b) => a.start - b.start);
  let masked = '';
  let last = 0;
  for (const b of blanks) {
    masked += text.slice(last, b.start) + blankOut(text.slice(b.start, b.end));
    last = b.end;
  }
  masked += text.slice(last);
  return { annotations, masked };
}

function findAttributeEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return -1;
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x7d) return i;
  }
  return -1;
}

const ATTRIBUTE = /\s*(?:\.([\w-]+)|#([\w.:-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))\s*/y;

function parseAttributes(body: string, offset: number, problems: StatementProblem[]): Pick<Annotation, 'classes' | 'id' | 'attributes'> {
  const classes: string[] = [];
  const attributes: Record<string, string> = {};
  let id: string | undefined;
  ATTRIBUTE.lastIndex = 0;
  let pos = 0;
  while (pos < body.length) {
    ATTRIBUTE.lastIndex = pos;
    const m = ATTRIBUTE.exec(body);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(body.slice(pos))) break;
      problems.push({
        start: offset + pos,
        end: offset + body.length,
        message: `cannot read annotation attributes \`${body.slice(pos).trim()}\` (expected .class, #id or key=value)`,
      });
      break;
    }
    if (m[1]) classes.push(m[1]);
    else if (m[2]) id = m[2];
    else if (m[3]) attributes[m[3]] = m[4] ?? m[5] ?? m[6] ?? '';
    pos = ATTRIBUTE.lastIndex;
  }
  return { classes, id, attributes };
}
