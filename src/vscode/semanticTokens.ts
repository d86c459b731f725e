/** Semantic tokens from the merged glossary (terms by kind) and the extracted commitments (triggers). */
import * as vscode from 'vscode';
import { TOKEN_MODIFIERS, TOKEN_TYPES, semanticTokens } from '../core/tokens';
import type { AnalysisCache } from './analysisCache';

/** The legend, in the order of the core's token types and modifiers. */
export const LEGEND = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

/** Registers the semantic tokens provider; tokens refresh when the glossary changes. */
export function registerSemanticTokens(selector: vscode.DocumentSelector, cache: AnalysisCache): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const sub = cache.onDidInvalidate(() => changed.fire());
  const provider = vscode.languages.registerDocumentSemanticTokensProvider(
    selector,
    {
      onDidChangeSemanticTokens: changed.event,
      provideDocumentSemanticTokens(doc, token) {
        const analysis = cache.get(doc);
        if (!analysis || token.isCancellationRequested) return undefined;
        const builder = new vscode.SemanticTokensBuilder(LEGEND);
        for (const t of semanticTokens(doc.getText(), analysis)) builder.push(t.line, t.character, t.length, t.type, t.modifiers);
        return builder.build();
      },
    },
    LEGEND,
  );
  return vscode.Disposable.from(provider, sub, changed);
}
