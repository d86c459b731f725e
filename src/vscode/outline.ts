/** The Outline view and breadcrumbs: groups of parties, each with its commitments (actor's words, type and notes as detail). */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { buildOutline, type OutlineNode } from '../core/outline';
import type { AnalysisCache } from './analysisCache';
import { toRange } from './convert';
import { timed } from './timings';

/** Registers the document symbol provider. */
export function registerOutline(selector: vscode.DocumentSelector, cache: AnalysisCache): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    selector,
    {
      async provideDocumentSymbols(doc, token) {
        // A large document's first analysis runs in slices, other requests being served meanwhile.
        const analysis = await cache.whenReady(doc);
        if (!analysis || token.isCancellationRequested) return undefined;
        return timed('outline', () => symbols(doc, analysis, cache));
      },
    },
    { label: 'Commitments' },
  );
}

function symbols(doc: vscode.TextDocument, analysis: Analysis, cache: AnalysisCache): vscode.DocumentSymbol[] {
  const toSymbol = (n: OutlineNode, kind: vscode.SymbolKind): vscode.DocumentSymbol => {
    const s = new vscode.DocumentSymbol(n.name, n.detail, kind, toRange(doc, n.range), toRange(doc, n.selectionRange));
    s.children = n.children.map((c) => toSymbol(c, symbolKindOf(c)));
    return s;
  };
  return buildOutline(analysis, cache.glossary.current.glossary).map((n) => toSymbol(n, vscode.SymbolKind.Namespace));
}

function symbolKindOf(n: OutlineNode): vscode.SymbolKind {
  switch (n.commitment?.type) {
    case 'pledge':
      return vscode.SymbolKind.Event;
    case 'support':
      return vscode.SymbolKind.Boolean;
    case 'oppose':
      return vscode.SymbolKind.Null;
    case 'affirm':
      return vscode.SymbolKind.Constant;
    default:
      return vscode.SymbolKind.Function;
  }
}
