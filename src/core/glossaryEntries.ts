/**
 * A glossary file cut into its entries, so that a parse after an edit reads again only the entries
 * that changed (see {@link GlossaryParseCache}). A glossary is a `terms:` list whose items start
 * at one indentation (`  - term: …`); each item, from its `- ` to the next one, is a YAML document
 * of its own that the `yaml` package parses alone, and a parse of the same text again gives the
 * same nodes. Cutting needs no YAML: only the lines that start an item, at the list's
 * indentation, are looked for. Whatever falls outside that shape (another top-level key, a flow
 * list, a directive, a byte order mark, a second document) gives `null`, and the caller parses
 * the whole text; so does an item that is not valid alone (an alias to an anchor in another item,
 * a quoted scalar running into the next item), which the whole parse then locates and words.
 */
import type { EntryReading } from './glossary';

/** Where the `terms` key and each item of its list are, as offsets into the text. */
export interface GlossaryLayout {
  /** Offset of the `terms` key. */
  termsKey: number;
  /** Each item: from the start of its line to the start of the next item's line (or the end). */
  items: { start: number; end: number }[];
}

const TERMS_LINE = /^terms:[ \t]*(?:#.*)?\r?$/;
const ITEM_START = /^( *)-(?: |\r?$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?\r?$/;

/**
 * The layout of a glossary in the usual shape (see module doc), or null when the text is not in
 * that shape. Linear in the text's length.
 */
export function layoutGlossary(text: string): GlossaryLayout | null {
  if (text.charCodeAt(0) === 0xfeff) return null;
  let termsKey = -1;
  let indent = -1;
  const items: { start: number; end: number }[] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const next = newline === -1 ? text.length : newline + 1;
    if (termsKey === -1) {
      if (TERMS_LINE.test(line)) termsKey = lineStart;
      else if (!BLANK_OR_COMMENT.test(line)) return null;
    } else if (!BLANK_OR_COMMENT.test(line)) {
      const item = ITEM_START.exec(line);
      const lineIndent = line.length - line.trimStart().length;
      if (indent === -1) {
        if (!item) return null;
        indent = item[1].length;
      }
      if (item && item[1].length === indent) {
        if (items.length > 0) items[items.length - 1].end = lineStart;
        items.push({ start: lineStart, end: text.length });
      } else if (lineIndent <= indent || line.charCodeAt(0) === 9) {
        // Back at the list's indentation or before it without an item: another key, a document marker…
        return null;
      }
    }
    lineStart = next;
  }
  return termsKey === -1 || items.length === 0 ? null : { termsKey, items };
}

/** How many files a {@link GlossaryParseCache} keeps entries for (the files parsed last). */
const CACHED_FILES = 64;

/**
 * Entries parsed before, by file and by each entry's text, with offsets relative to the entry:
 * a parse of a file after an edit parses only the entries whose text changed. Each file keeps the
 * entries its latest parse used; entries of the {@link CACHED_FILES} files parsed last are kept.
 */
export class GlossaryParseCache {
  private readonly files = new Map<string, Map<string, EntryReading>>();

  /** The entries kept for `file` (an empty map the first time). */
  entriesOf(file: string): ReadonlyMap<string, EntryReading> {
    return this.files.get(file) ?? new Map();
  }

  /** Keeps `entries` as what `file`'s latest parse used. */
  keep(file: string, entries: Map<string, EntryReading>): void {
    this.files.delete(file);
    this.files.set(file, entries);
    if (this.files.size > CACHED_FILES) this.files.delete(this.files.keys().next().value!);
  }

  /** Forgets what was kept for `file`. */
  forget(file: string): void {
    this.files.delete(file);
  }
}
