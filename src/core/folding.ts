/**
 * Folding regions of a statement: its front matter, its headings ("Article 3", "Section II",
 * "第三条"), its numbered paragraphs ("1.", "(a)", "一、", "（一）") and the list under a lead-in
 * ("We are determined to:" followed by "- support …" items).
 *
 * Lines are read once, top to bottom, against a stack of the regions still open. A heading closes
 * every open region of its level or below. A paragraph label closes the open region that has the
 * same kind of label (a sibling: "2." after "1.") and whatever opened inside it; a label of a new
 * kind opens a region inside the current one ("(a)" inside "1."). An unlabelled paragraph belongs
 * to the numbered paragraph before it, but ends a lead-in's list and the bulleted items in it —
 * unless it only continues the line before (a lower-case start after a line with no terminal
 * punctuation: "… of this Communique." after the last item). A title line between items
 * ("Maritime Cooperation") ends the items before it but not their list. A region ends on its last
 * non-blank line; one that stays on a single line is not reported.
 */
import { endsWithTerminal } from './chars';
import { headingLevel, isBullet, isTitle, labelKind, paragraphLabel } from './sentences';
import { parseStatement } from './statement';

/** What a folding region holds. */
export type FoldingRegionKind = 'frontMatter' | 'heading' | 'paragraph' | 'list';

/** One folding region: 0-based first and last line (last > first). */
export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind: FoldingRegionKind;
}

/** A region still open while the lines are read. */
interface Open {
  kind: Exclude<FoldingRegionKind, 'frontMatter'>;
  startLine: number;
  /** The heading's level (see `headingLevel`), for headings. */
  level?: number;
  /** The kind of paragraph label (see `labelKind`), for numbered paragraphs and bulleted items. */
  labelKind?: string;
  /** The label itself ("(h)"), to tell the letter "(i)" after it from the numeral "(i)". */
  label?: string;
  bullet?: boolean;
  /** For a lead-in: whether a list item followed it (a lead-in without items folds nothing). */
  hasItems?: boolean;
}

/**
 * The folding regions of a text (see module doc), sorted by first line. Front matter and
 * annotation markup (`[…]{.party}`) are read as the `.statement` format does.
 */
export function findFoldingRegions(text: string): FoldingRegion[] {
  const { plain, frontMatterSpan } = parseStatement(text);
  const out: FoldingRegion[] = [];
  const stack: Open[] = [];
  let lastContentLine = -1;
  let previousContent = '';
  const close = (down: number) => {
    while (stack.length > down) {
      const region = stack.pop()!;
      if (region.kind === 'list' && !region.hasItems) continue;
      if (lastContentLine > region.startLine) out.push({ startLine: region.startLine, endLine: lastContentLine, kind: region.kind });
    }
  };
  /** Closes the innermost open lead-in and every region opened inside it. */
  const closeList = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].kind === 'list') return close(i);
    }
    // No lead-in: bulleted items still end at a paragraph that is not one.
    let down = stack.length;
    while (down > 0 && stack[down - 1].bullet) down--;
    close(down);
  };

  const lines = plain.split('\n');
  // The front matter ends on the line of its closing `---`.
  const frontMatterEnd = frontMatterSpan ? countLineBreaks(plain, frontMatterSpan.end) : -1;
  if (frontMatterEnd > 0) out.push({ startLine: 0, endLine: frontMatterEnd, kind: 'frontMatter' });
  let line = frontMatterEnd + 1;
  for (; line < lines.length; line++) {
    const content = lines[line].trim();
    if (content === '') continue;
    readLine(content);
    lastContentLine = line;
    previousContent = content;
  }
  close(0);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);

  function readLine(content: string): void {
    const level = headingLevel(content);
    if (level !== undefined) {
      let down = stack.length;
      while (down > 0 && (stack[down - 1].kind !== 'heading' || stack[down - 1].level! >= level)) down--;
      close(down);
      stack.push({ kind: 'heading', startLine: line, level });
      return;
    }
    const label = paragraphLabel(content);
    if (label !== undefined) {
      const kind = foldingLabelKind(label);
      // A sibling closes its predecessor; a new kind of label nests. Headings bound the search.
      for (let i = stack.length - 1; i >= 0 && stack[i].kind !== 'heading'; i--) {
        if (stack[i].labelKind === kind) {
          close(i);
          break;
        }
      }
      const list = innermost((open) => open.kind === 'list');
      if (list) list.hasItems = true;
      stack.push({ kind: 'paragraph', startLine: line, labelKind: kind, label, bullet: isBullet(label) });
      return;
    }
    if (continuesPreviousLine(content)) return;
    if (/[:：]$/.test(content)) {
      closeList();
      stack.push({ kind: 'list', startLine: line });
    } else if (isTitle(content)) {
      // A title between items ("Maritime Cooperation") ends the item before it, not the list.
      let down = stack.length;
      while (down > 0 && stack[down - 1].kind === 'paragraph') down--;
      close(down);
    } else closeList();
  }

  function innermost(test: (open: Open) => boolean): Open | undefined {
    for (let i = stack.length - 1; i >= 0; i--) if (test(stack[i])) return stack[i];
    return undefined;
  }

  /**
   * The kind of a label (see `labelKind`), with lower-case Roman numerals set apart from letters:
   * "(i)" is the letter after an open "(h)", else a numeral, like "(ii)" and "(iv)".
   */
  function foldingLabelKind(label: string): string {
    const kind = labelKind(label);
    const letters = /[a-z]+/.exec(label)?.[0];
    if (!letters || !/^[ivxlc]+$/.test(letters)) return kind;
    if (letters.length === 1) {
      const before = String.fromCharCode(letters.charCodeAt(0) - 1);
      const sibling = innermost((open) => open.labelKind === kind);
      if (sibling?.label?.replace(/[^a-z]/g, '') === before) return kind;
    }
    return `${kind} roman`;
  }

  /** A lower-case start after a line without terminal punctuation: the same sentence, wrapped. */
  function continuesPreviousLine(content: string): boolean {
    return previousContent !== '' && /^\p{Ll}/u.test(content) && !/[:：]$/.test(previousContent) && !endsWithTerminal(previousContent, 0, previousContent.length);
  }
}

/** The number of line breaks before offset `to`. */
function countLineBreaks(text: string, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
