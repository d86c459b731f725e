/**
 * A guard against YAML nested too deeply to parse safely. The `yaml` package (and our tree
 * conversion) recurse once per level: 100,000 levels of `- - - …` on one line overflow the stack,
 * and the overflow has been seen to leave V8 in a state where the next regular expression compiled
 * aborts the whole process ("RegExpCompiler Allocation failed") — the extension host with it. So
 * depth is measured before parsing, by a linear scan that never recurses, and deep text is refused.
 *
 * The scan over-counts rather than under-counts: every kind of nesting adds up — block collections
 * by indentation, compact ones on one line (`- - - x`, `- key: value`, `? - x`) and flow
 * collections (`[`, `{`), which may span lines. Block scalars (`|`, `>`) are skipped, so text
 * inside them never counts.
 */

/** Deeper nesting than this is refused before parsing. Real glossaries and front matter use fewer than ten levels. */
export const MAX_YAML_DEPTH = 64;

/** The offset where YAML nesting (block, compact or flow) first exceeds {@link MAX_YAML_DEPTH}, or -1. */
export function findExcessiveYamlNesting(text: string): number {
  // Indentation columns of the open block collections, innermost last.
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
    const indent = i - lineStart;
    const blank = i === lineEnd || text.charCodeAt(i) === 0x0d || text.charCodeAt(i) === 0x23; /* # */
    // Inside a block scalar: lines more indented than its key (and blank lines) are text.
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (blank) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact collections: `- - x`, `? x`, `- key: - x` open one level each on this line.
      for (let c = text.charCodeAt(i); (c === 0x2d || c === 0x3f) && isBlankAt(text, i + 1, lineEnd); c = text.charCodeAt(i)) {
        i += 2;
        while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
        indents.push(i - lineStart);
        if (indents.length + flow > MAX_YAML_DEPTH) return i;
      }
      if (indents.length > MAX_YAML_DEPTH) return i;
    }
    const scanned = scanLine(text, i, lineEnd, flow);
    if (scanned.tooDeep !== -1) return scanned.tooDeep;
    flow = scanned.flow;
    if (flow === 0 && scanned.blockScalar) blockScalarIndent = indent;
    lineStart = lineEnd + 1;
  }
  return -1;

  /**
   * Flow brackets on one line, outside quoted scalars and comments. A quote opens a string only
   * where a scalar starts (after an indicator or a bracket); inside plain text ("People's") it is
   * a letter. Strings are taken to end with their line: a multi-line string can only make the
   * count higher, never hide nesting that the parser would see.
   */
  function scanLine(t: string, from: number, to: number, flowDepth: number) {
    let blockScalar = false;
    let quote = 0;
    let atScalarStart = true;
    for (let i = from; i < to; i++) {
      const c = t.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      const next = i + 1 < to ? t.charCodeAt(i + 1) : 0x20;
      if (c === 0x22 || c === 0x27) {
        if (atScalarStart) quote = c;
        atScalarStart = false;
      } else if (c === 0x23 /* # */ && (i === from || t.charCodeAt(i - 1) === 0x20)) {
        break;
      } else if (c === 0x5b || c === 0x7b /* [ { */) {
        if (++flowDepth + indents.length > MAX_YAML_DEPTH) return { tooDeep: i, flow: flowDepth, blockScalar };
        atScalarStart = true;
      } else if (c === 0x5d || c === 0x7d /* ] } */) {
        if (flowDepth > 0) flowDepth--;
        atScalarStart = false;
      } else if (c === 0x2c /* , */) {
        atScalarStart = flowDepth > 0 || atScalarStart;
      } else if ((c === 0x3a || c === 0x2d || c === 0x3f) /* : - ? */ && (next === 0x20 || next === 0x0d)) {
        atScalarStart = true;
      } else if ((c === 0x7c || c === 0x3e) /* | > */ && atScalarStart && flowDepth === 0) {
        blockScalar = isBlockScalarHeader(t, i + 1, to);
        atScalarStart = false;
      } else {
        atScalarStart = false;
      }
    }
    return { tooDeep: -1, flow: flowDepth, blockScalar };
  }
}

/** After `|` or `>`: only indentation/chomping indicators, then spaces and maybe a comment, up to the line end. */
function isBlockScalarHeader(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && /[-+0-9]/.test(text[i])) i++;
  while (i < to && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x0d)) i++;
  return i === to || text.charCodeAt(i) === 0x23;
}

/** A space, a line end or the end of the text at `i` (what must follow a `-` or `?` indicator). */
function isBlankAt(text: string, i: number, lineEnd: number): boolean {
  return i >= lineEnd || text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x0d;
}
