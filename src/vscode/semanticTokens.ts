/**
 * Semantic tokens from the merged glossary (terms by kind) and the extracted commitments
 * (triggers). Tokens are encoded per block and reused for blocks that did not change; after an
 * edit VS Code asks for edits against the previous result, and we send only the changed middle of
 * the token array (common prefix and suffix kept), so a one-line edit in a large statement neither
 * recomputes nor re-sends every token.
 */
import * as vscode from 'vscode';
import { analyzeText, type Analysis, type CompiledGlossary } from '../core/analyze';
import { looksBinary } from '../core/decode';
import { TOKEN_MODIFIERS, TOKEN_TYPES, encodeSemanticTokens, semanticTokens, semanticTokensInLines } from '../core/tokens';
import type { AnalysisCache } from './analysisCache';
import { timed } from './timings';

/** The legend, in the order of the core's token types and modifiers. */
export const LEGEND = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

/** Registers the semantic tokens provider; tokens refresh when the glossary changes. */
export function registerSemanticTokens(selector: vscode.DocumentSelector, cache: AnalysisCache): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const previous = new Map<string, { resultId: string; data: Uint32Array }>();
  let nextId = 1;
  const compute = (doc: vscode.TextDocument, token: vscode.CancellationToken): Uint32Array | undefined => {
    // A large document's first answer may hold its terms only; commitments follow (onDidComplete).
    const analysis = cache.now(doc);
    if (!analysis || token.isCancellationRequested) return undefined;
    // Encoded per block and kept on the blocks: after an edit only changed blocks are encoded.
    return encodeSemanticTokens(analysis);
  };
  const remember = (doc: vscode.TextDocument, data: Uint32Array): string => {
    const resultId = String(nextId++);
    previous.set(doc.uri.toString(), { resultId, data });
    return resultId;
  };
  const provider = vscode.languages.registerDocumentSemanticTokensProvider(
    selector,
    {
      onDidChangeSemanticTokens: changed.event,
      provideDocumentSemanticTokens(doc, token) {
        const data = timed('semantic tokens', () => compute(doc, token));
        return data && new vscode.SemanticTokens(data, remember(doc, data));
      },
      provideDocumentSemanticTokensEdits(doc, previousResultId, token) {
        const data = timed('semantic tokens (edits)', () => compute(doc, token));
        if (!data) return undefined;
        const before = previous.get(doc.uri.toString());
        const resultId = remember(doc, data);
        if (!before || before.resultId !== previousResultId) return new vscode.SemanticTokens(data, resultId);
        return new vscode.SemanticTokensEdits([diffTokens(before.data, data)], resultId);
      },
    },
    LEGEND,
  );
  // Ranges: what VS Code asks for first (the visible part), and the only tokens a document above
  // the size limit gets — analysed from the lines around the range alone.
  const rangeProvider = vscode.languages.registerDocumentRangeSemanticTokensProvider(
    selector,
    {
      provideDocumentRangeSemanticTokens(doc, range, token) {
        const builder = new vscode.SemanticTokensBuilder(LEGEND);
        if (cache.refusalOf(doc)?.reason === 'tooLarge') {
          const part = analyseAround(doc, range, cache.glossary.current);
          if (!part || token.isCancellationRequested) return undefined;
          const first = doc.positionAt(part.offset);
          for (const t of semanticTokens(part.text, part.analysis)) {
            builder.push(t.line + first.line, t.line === 0 ? t.character + first.character : t.character, t.length, t.type, t.modifiers);
          }
          return builder.build();
        }
        return timed('semantic tokens (range)', () => {
          const analysis = cache.now(doc);
          if (!analysis || token.isCancellationRequested) return undefined;
          for (const t of semanticTokensInLines(analysis, range.start.line, range.end.line)) builder.push(t.line, t.character, t.length, t.type, t.modifiers);
          return builder.build();
        });
      },
    },
    LEGEND,
  );
  return vscode.Disposable.from(
    provider,
    rangeProvider,
    cache.onDidInvalidate(() => changed.fire()),
    cache.onDidComplete(() => changed.fire()),
    vscode.workspace.onDidCloseTextDocument((d) => previous.delete(d.uri.toString())),
    changed,
  );
}

/** The most text analysed for the visible part of a document above the size limit. */
const MAX_WINDOW = 200_000;

/**
 * The analysis of part of a document too large to analyse whole: the lines around `range` (at
 * most {@link MAX_WINDOW} characters), with the offset of its text in the document. Undefined for
 * binary content.
 */
function analyseAround(doc: vscode.TextDocument, range: vscode.Range, glossary: CompiledGlossary): { analysis: Analysis; offset: number; text: string } | undefined {
  const startLine = Math.max(0, range.start.line - 50);
  const endLine = Math.min(doc.lineCount - 1, range.end.line + 50);
  let start = doc.offsetAt(new vscode.Position(startLine, 0));
  let end = doc.offsetAt(doc.lineAt(endLine).range.end);
  if (end - start > MAX_WINDOW) {
    const middle = doc.offsetAt(range.start);
    start = Math.max(start, middle - MAX_WINDOW / 2);
    end = Math.min(end, start + MAX_WINDOW);
  }
  const text = doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
  if (looksBinary(text)) return undefined;
  return { analysis: analyzeText(text, glossary, { statement: start === 0 }), offset: start, text };
}

/** One edit turning `a` into `b`: everything between their common prefix and common suffix. */
export function diffTokens(a: Uint32Array, b: Uint32Array): vscode.SemanticTokensEdit {
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return new vscode.SemanticTokensEdit(prefix, a.length - prefix - suffix, b.subarray(prefix, b.length - suffix));
}
