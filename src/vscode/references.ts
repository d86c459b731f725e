/**
 * Find All References on a glossary term — in a statement, or on an entry's `id:` or `term:` line
 * in a workspace glossary — lists its occurrences in every statement of the workspace, open or
 * not (see `WorkspaceCorpus`), and with the declaration asked for, the entry itself.
 */
import * as vscode from 'vscode';
import { termOccurrences } from '../core/corpusIndex';
import { LineIndex } from '../core/text';
import type { AnalysisCache } from './analysisCache';
import { entryAtPosition, type WorkspaceCorpus } from './corpus';

/** Registers the references provider for `selector` (the statement languages and glossary files). */
export function registerReferences(selector: vscode.DocumentSelector, cache: AnalysisCache, corpus: WorkspaceCorpus): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, {
    async provideReferences(doc, position, context, token) {
      const entry = entryAtPosition(doc, position, cache);
      if (!entry) return undefined;
      const locations: vscode.Location[] = [];
      if (context.includeDeclaration) {
        const where = cache.glossary.locate(entry);
        if (where) locations.push(new vscode.Location(where.uri, new vscode.Position(where.line - 1, where.column - 1)));
      }
      for await (const d of corpus.documents(token)) {
        const occurrences = termOccurrences(d, entry.id);
        if (occurrences.length === 0) continue;
        const lines = new LineIndex(d.text);
        const at = (offset: number) => {
          const p = lines.position(offset);
          return new vscode.Position(p.line - 1, p.column - 1);
        };
        for (const o of occurrences) locations.push(new vscode.Location(d.uri, new vscode.Range(at(o.start), at(o.end))));
      }
      return token.isCancellationRequested ? undefined : locations;
    },
  });
}
