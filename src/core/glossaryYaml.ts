/**
 * A fast reader for the plain YAML that glossary files are written in: a `terms:` list of
 * mappings whose values are one-line scalars (plain, 'single' or "double" quoted without escapes),
 * `|` / `>` block scalars, one-line flow lists and block lists of scalars, with comments and blank
 * lines anywhere between.
 *
 * The `yaml` package stays the reference: this reader returns `null` the moment it meets anything
 * outside that subset (anchors, tags, escapes, multi-line plain scalars, numbers, tabs, a second
 * document, duplicate keys…) and the caller parses with `yaml`, which also words every error.
 * When it does answer, it answers with `yaml`'s own node classes, values and ranges, so validation
 * reads both the same way (a unit test compares the two trees on every built-in glossary and on
 * generated documents). It exists because a 10,000-entry glossary takes `yaml` ~400 ms to parse
 * and this reader ~30 ms.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';

/** Offsets of a node: where it starts, where its value ends, where the node ends (comments and line break included). */
export type YamlRange = [number, number, number];

/** A YAML node as glossary validation reads it, whichever reader produced it. */
export type YamlNode =
  | { kind: 'scalar'; value: unknown; range: YamlRange }
  | { kind: 'list'; items: YamlNode[]; range: YamlRange }
  | { kind: 'map'; pairs: YamlPair[]; range: YamlRange }
  /** Anything else `yaml` can produce (an alias, say): never valid in a glossary. */
  | { kind: 'other'; range: YamlRange };

/** One `key: value` of a mapping; keys that are not scalars read as ''. */
export interface YamlPair {
  key: string;
  keyRange: YamlRange;
  value: YamlNode;
}

/** Converts a node of the `yaml` package (the reference parser) to a {@link YamlNode}. */
export function fromYaml(node: Node | null | undefined, fallback: number): YamlNode {
  const range: YamlRange = node?.range ? [node.range[0], node.range[1], node.range[2]] : [fallback, fallback, fallback];
  if (!node) return { kind: 'scalar', value: null, range };
  if (isScalar(node)) return { kind: 'scalar', value: node.value, range };
  if (isSeq(node)) return { kind: 'list', items: (node.items as Node[]).map((n) => fromYaml(n, range[0])), range };
  if (isMap(node)) {
    return {
      kind: 'map',
      pairs: node.items.map((p) => {
        const key = p.key as Node | null;
        const keyRange: YamlRange = key?.range ? [key.range[0], key.range[1], key.range[2]] : range;
        return { key: isScalar(key) ? String(key.value) : '', keyRange, value: fromYaml(p.value as Node | null, keyRange[1]) };
      }),
      range,
    };
  }
  return { kind: 'other', range };
}

/** The value of `key` in a map node, if present. */
export function getValue(map: YamlNode & { kind: 'map' }, key: string): YamlNode | undefined {
  for (const p of map.pairs) if (p.key === key) return p.value;
  return undefined;
}

/** What {@link readGlossaryYaml} understood: the root mapping and the offset of every line start. */
export interface SimpleYaml {
  root: YamlNode & { kind: 'map' };
  lineStarts: number[];
}

/** Characters this reader leaves to `yaml`: control characters, tabs, a byte order mark, a lone `\r`. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSUPPORTED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\ufeff]|\r(?!\n)/;
const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_KEYS = 32;
/** YAML 1.2 core schema: plain scalars that are not strings. */
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;

/** Thrown (and caught below) when the text leaves the subset. */
class Unsupported extends Error {}

type Scalar = YamlNode & { kind: 'scalar' };
type List = YamlNode & { kind: 'list' };
type Mapping = YamlNode & { kind: 'map' };

function scalar(value: unknown, range: YamlRange): Scalar {
  return { kind: 'scalar', value, range };
}

/** Reads a glossary written in the plain subset (see module doc), or returns null for `yaml` to parse. */
export function readGlossaryYaml(text: string): SimpleYaml | null {
  if (UNSUPPORTED.test(text)) return null;
  try {
    return new Reader(text).read();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

class Reader {
  /** Offset of each line's first character. */
  private readonly starts: number[] = [];
  /** Offset where each line's content ends (before `\r\n` or `\n`). */
  private readonly ends: number[] = [];

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      this.starts.push(start);
      const nl = text.indexOf('\n', start);
      if (nl === -1) {
        this.ends.push(text.length);
        break;
      }
      this.ends.push(nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      start = nl + 1;
    }
  }

  read(): SimpleYaml {
    const { text } = this;
    let line = this.significant(0);
    if (line === -1 || this.indent(line) !== 0) throw new Unsupported();
    const keyStart = this.starts[line];
    if (!text.startsWith('terms:', keyStart)) throw new Unsupported();
    this.expectEnd(line, keyStart + 6);
    const keyRange: YamlRange = [keyStart, keyStart + 5, keyStart + 5];
    line = this.significant(line + 1);
    if (line === -1) throw new Unsupported();
    const seqIndent = this.indent(line);
    const seqStart = this.starts[line] + seqIndent;
    const items: YamlNode[] = [];
    let end = 0;
    while (line !== -1) {
      const ind = this.indent(line);
      const dash = this.starts[line] + ind;
      if (ind !== seqIndent || text.charCodeAt(dash) !== 0x2d /* - */ || text.charCodeAt(dash + 1) !== 0x20) throw new Unsupported();
      let keyAt = dash + 1;
      while (text.charCodeAt(keyAt) === 0x20) keyAt++;
      const entry = this.mapping(line, keyAt - this.starts[line]);
      items.push(entry.map);
      end = entry.map.range[2];
      line = entry.next;
    }
    const seq: List = { kind: 'list', items, range: [seqStart, end, end] };
    const root: Mapping = { kind: 'map', pairs: [{ key: 'terms', keyRange, value: seq }], range: [keyStart, end, end] };
    return { root, lineStarts: this.starts };
  }

  /** One list item's mapping, whose keys start at column `indent` of `line` and of the lines after. */
  private mapping(line: number, indent: number): { map: Mapping; next: number } {
    const { text } = this;
    const pairs: YamlPair[] = [];
    const map: Mapping = { kind: 'map', pairs, range: [0, 0, 0] };
    let keyAt = this.starts[line] + indent;
    for (;;) {
      const colon = text.indexOf(':', keyAt);
      if (colon === -1 || colon > this.ends[line]) throw new Unsupported();
      const name = text.slice(keyAt, colon);
      // A glossary entry has at most nine fields: a mapping with dozens is left to yaml (and the
      // duplicate check below stays cheap).
      if (!KEY.test(name) || pairs.length >= MAX_KEYS || pairs.some((p) => p.key === name)) throw new Unsupported();
      const after = text.charCodeAt(colon + 1);
      if (colon + 1 < this.ends[line] && after !== 0x20) throw new Unsupported();
      const value = this.value(line, colon + 1, indent);
      pairs.push({ key: name, keyRange: [keyAt, colon, colon], value: value.node });
      map.range = [pairs[0].keyRange[0], value.node.range[2], value.node.range[2]];
      const next = this.significant(value.next);
      if (next === -1) return { map, next };
      const ind = this.indent(next);
      if (ind === indent) {
        line = next;
        keyAt = this.starts[line] + indent;
        continue;
      }
      if (ind < indent) return { map, next };
      throw new Unsupported();
    }
  }

  /** The value after `key:` at offset `at` of `line`, for a key at column `keyIndent`. */
  private value(line: number, at: number, keyIndent: number): { node: Scalar | List; next: number } {
    const { text } = this;
    const end = this.ends[line];
    while (at < end && text.charCodeAt(at) === 0x20) at++;
    if (at === end || text.charCodeAt(at) === 0x23 /* # */) {
      // Nothing on this line: a block list must follow, indented further.
      const first = this.significant(line + 1);
      if (first === -1) throw new Unsupported();
      const ind = this.indent(first);
      if (ind <= keyIndent) throw new Unsupported();
      return this.blockList(first, ind);
    }
    const c = text.charCodeAt(at);
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return this.blockScalar(line, at, keyIndent);
    if (c === 0x5b /* [ */) {
      const node = this.flowList(line, at);
      return { node, next: this.noContinuation(line + 1, keyIndent) };
    }
    const node = this.scalarAt(line, at);
    return { node, next: this.noContinuation(line + 1, keyIndent) };
  }

  /** A block list of scalars whose dashes are at column `indent`, starting at `line`. */
  private blockList(line: number, indent: number): { node: List; next: number } {
    const { text } = this;
    const seq: List = { kind: 'list', items: [], range: [0, 0, 0] };
    let next = line;
    for (;;) {
      const dash = this.starts[next] + indent;
      if (text.charCodeAt(dash) !== 0x2d || text.charCodeAt(dash + 1) !== 0x20) throw new Unsupported();
      let at = dash + 2;
      while (at < this.ends[next] && text.charCodeAt(at) === 0x20) at++;
      const c = text.charCodeAt(at);
      if (at === this.ends[next] || c === 0x23 || c === 0x7c || c === 0x3e || c === 0x5b) throw new Unsupported();
      seq.items.push(this.scalarAt(next, at));
      const following = this.noContinuation(next + 1, indent);
      const nextLine = this.significant(following);
      if (nextLine === -1 || this.indent(nextLine) !== indent) {
        const last = seq.items[seq.items.length - 1] as Scalar;
        seq.range = [this.starts[line] + indent, last.range[2], last.range[2]];
        return { node: seq, next: following };
      }
      next = nextLine;
    }
  }

  /** A plain or quoted scalar on one line starting at `at`, followed only by a comment. */
  private scalarAt(line: number, at: number): Scalar {
    const { text } = this;
    const end = this.ends[line];
    const nodeEnd = this.nextStart(line);
    const c = text.charCodeAt(at);
    if (c === 0x22 || c === 0x27) {
      const q = this.quoted(at, end);
      this.expectEnd(line, q.end);
      return scalar(q.value, [at, q.end, nodeEnd]);
    }
    if ('-?:,]{}#&*!%@`'.includes(text.charAt(at))) throw new Unsupported();
    let stop = at;
    while (stop < end && !(text.charCodeAt(stop) === 0x23 && text.charCodeAt(stop - 1) === 0x20)) stop++;
    if (stop < end) stop--;
    let last = stop;
    while (last > at && text.charCodeAt(last - 1) === 0x20) last--;
    const raw = text.slice(at, last);
    if (raw.includes(': ') || raw.endsWith(':')) throw new Unsupported();
    return scalar(resolvePlain(raw), [at, last, nodeEnd]);
  }

  /** A quoted scalar from the quote at `at`, closed before `end`; escapes are left to `yaml`. */
  private quoted(at: number, end: number): { value: string; end: number } {
    const { text } = this;
    const quote = text.charAt(at);
    if (quote === '"') {
      const close = text.indexOf('"', at + 1);
      if (close === -1 || close >= end) throw new Unsupported();
      const value = text.slice(at + 1, close);
      if (value.includes('\\')) throw new Unsupported();
      return { value, end: close + 1 };
    }
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close === -1 || close >= end) throw new Unsupported();
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) === 0x27) {
        value += "'";
        from = close + 2;
        continue;
      }
      return { value, end: close + 1 };
    }
  }

  /** `[a, 'b', c]` on one line. */
  private flowList(line: number, at: number): List {
    const { text } = this;
    const end = this.ends[line];
    const seq: List = { kind: 'list', items: [], range: [0, 0, 0] };
    let i = at + 1;
    const skip = () => {
      while (i < end && text.charCodeAt(i) === 0x20) i++;
    };
    skip();
    if (text.charCodeAt(i) === 0x5d /* ] */) {
      i++;
    } else {
      for (;;) {
        skip();
        const c = text.charCodeAt(i);
        if (c === 0x22 || c === 0x27) {
          const q = this.quoted(i, end);
          seq.items.push(scalar(q.value, [i, q.end, q.end]));
          i = q.end;
        } else {
          let j = i;
          while (j < end && !',]'.includes(text.charAt(j))) j++;
          let last = j;
          while (last > i && text.charCodeAt(last - 1) === 0x20) last--;
          const raw = text.slice(i, last);
          if (raw.length === 0 || /[[\]{}#"':&*!|>%@`?]/.test(raw.charAt(0)) || /[[{}]| #|:(?:[ ,[\]{}]|$)/.test(raw) || raw.startsWith('- ') || raw === '-')
            throw new Unsupported();
          seq.items.push(scalar(resolvePlain(raw), [i, last, last]));
          i = last;
        }
        skip();
        // yaml ends a flow item's node at the separator, after any spaces.
        seq.items[seq.items.length - 1].range[2] = i;
        const sep = text.charCodeAt(i);
        if (sep === 0x5d) {
          i++;
          break;
        }
        if (sep !== 0x2c /* , */) throw new Unsupported();
        i++;
        skip();
        if (text.charCodeAt(i) === 0x5d || i >= end) throw new Unsupported();
      }
    }
    this.expectEnd(line, i);
    seq.range = [at, i, this.nextStart(line)];
    return seq;
  }

  /** `|`, `|-`, `>` or `>-` and the lines indented under it. */
  private blockScalar(line: number, at: number, keyIndent: number): { node: Scalar; next: number } {
    const { text } = this;
    const folded = text.charCodeAt(at) === 0x3e;
    let i = at + 1;
    const strip = text.charCodeAt(i) === 0x2d;
    if (strip) i++;
    const c = text.charCodeAt(i);
    if (i < this.ends[line] && c !== 0x20) throw new Unsupported();
    this.expectEnd(line, i);
    const first = line + 1;
    if (first >= this.starts.length || this.isBlank(first)) throw new Unsupported();
    const indent = this.indent(first);
    if (indent <= keyIndent) throw new Unsupported();
    const lines: string[] = [];
    let lastContent = first;
    let n = first;
    for (; n < this.starts.length; n++) {
      if (this.isBlank(n)) {
        if (this.ends[n] - this.starts[n] > indent) throw new Unsupported();
        lines.push('');
        continue;
      }
      const ind = this.indent(n);
      if (ind < indent) {
        if (ind > keyIndent) throw new Unsupported();
        break;
      }
      if (folded && ind > indent) throw new Unsupported();
      lines.push(text.slice(this.starts[n] + indent, this.ends[n]));
      lastContent = n;
    }
    lines.length = lastContent - first + 1;
    let value: string;
    if (folded) {
      value = '';
      for (let k = 0; k < lines.length; k++) {
        if (k > 0) value += lines[k] === '' || lines[k - 1] === '' ? (lines[k] === '' ? '\n' : '') : ' ';
        value += lines[k];
      }
    } else {
      value = lines.join('\n');
    }
    if (!strip) value += '\n';
    const end = this.nextStart(lastContent);
    return { node: scalar(value, [at, end, end]), next: lastContent + 1 };
  }

  /** Index of the first line at or after `line` that is neither blank nor a comment, or -1. */
  private significant(line: number): number {
    for (let n = line; n < this.starts.length; n++) {
      if (this.isBlank(n)) continue;
      if (this.text.charCodeAt(this.starts[n] + this.indent(n)) === 0x23) continue;
      return n;
    }
    return -1;
  }

  /**
   * After a one-line value: the next significant line must not continue it (a multi-line plain
   * scalar). Returns that line (or the line count), so callers need not skip the blank and
   * comment lines again.
   */
  private noContinuation(line: number, indent: number): number {
    const next = this.significant(line);
    if (next === -1) return this.starts.length;
    if (this.indent(next) > indent) throw new Unsupported();
    return next;
  }

  /** Only spaces and a comment may follow offset `at` on `line`. */
  private expectEnd(line: number, at: number): void {
    const end = this.ends[line];
    let i = at;
    while (i < end && this.text.charCodeAt(i) === 0x20) i++;
    if (i < end && (this.text.charCodeAt(i) !== 0x23 || i === at)) throw new Unsupported();
  }

  private indent(line: number): number {
    let i = this.starts[line];
    while (this.text.charCodeAt(i) === 0x20) i++;
    return i - this.starts[line];
  }

  private isBlank(line: number): boolean {
    return this.indent(line) >= this.ends[line] - this.starts[line];
  }

  private nextStart(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }
}

/** A plain scalar's value; the ones the core schema reads as numbers or null are left to `yaml`. */
function resolvePlain(raw: string): string | boolean {
  if (TRUE.test(raw)) return true;
  if (FALSE.test(raw)) return false;
  if (NULL.test(raw) || NUMBER.test(raw)) throw new Unsupported();
  return raw;
}
