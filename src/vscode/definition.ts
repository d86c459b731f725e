/** Go to Definition on a term opens its glossary entry. */
import * as vscode from 'vscode';
import { termAt } from '../core/analyze';
import type { AnalysisCache } from './analysisCache';
import type { GlossaryService } from './glossaryService';

/** Registers the definition provider. */
export function registerDefinition(selector: vscode.DocumentSelector, cache: AnalysisCache, glossary: GlossaryService): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, {
    provideDefinition(doc, position) {
      const analysis = cache.now(doc);
      const term = analysis && termAt(analysis, doc.offsetAt(position));
      const where = term && glossary.locate(term.entry);
      if (!where) return undefined;
      const pos = new vscode.Position(where.line - 1, where.column - 1);
      return new vscode.Location(where.uri, pos);
    },
  });
}
