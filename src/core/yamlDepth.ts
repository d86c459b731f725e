/**
 * A guard against YAML nested too deeply to parse safely. Building a document from `yaml`'s
 * concrete syntax tree (and our tree conversion) recurses once per level: 100,000 levels of
 * `- - - …` on one line overflow the stack, and the overflow has been seen to leave V8 in a state
 * where the next regular expression compiled aborts the whole process ("RegExpCompiler Allocation
 * failed") — the extension host with it.
 *
 * `yaml`'s own lexer and CST parser do not recurse: they keep the open collections on an explicit
 * stack. So the guard runs them token by token and stops as soon as that stack is deeper than the
 * limit. It measures nesting exactly as the parser will build it — block, compact (`- - x`),
 * flow, and what error recovery makes of invalid text such as `a: b: c` — where a scan of our own
 * had to guess, and guessed low on some invalid text.
 */
import { Lexer, Parser } from 'yaml';

/** Deeper nesting than this is refused before parsing. Real glossaries and front matter use fewer than ten levels. */
export const MAX_YAML_DEPTH = 64;

/** The document token at the bottom of the parser's stack is not a level of nesting. */
const STACK_BASE = 1;

/** The offset where YAML nesting first exceeds {@link MAX_YAML_DEPTH}, or -1. Linear in the text; stops there. */
export function findExcessiveYamlNesting(text: string): number {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    // Finished documents are not needed, only the depth of the one being read: drain the generator.
    const tokens = parser.next(lexeme);
    while (!tokens.next().done);
    if (parser.stack.length - STACK_BASE > MAX_YAML_DEPTH) return Math.min(parser.offset, text.length);
  }
  return -1;
}
