/**
 * Go to Symbol in Workspace: the glossary terms each statement of the workspace uses, and its
 * commitments by the terms they commit to ("supports — Global Development Initiative"), with the
 * file as container (see `corpusSymbols`). Statements are read as `WorkspaceCorpus` reads them.
 */
import * as vscode from 'vscode';
import { corpusSymbols } from '../core/corpusIndex';
import { LineIndex } from '../core/text';
import type { AnalysisCache } from './analysisCache';
import type { WorkspaceCorpus } from './corpus';

/** The most symbols one query returns (the editor shows far fewer). */
export const MAX_WORKSPACE_SYMBOLS = 5000;

/** Registers the workspace symbol provider. */
export function registerWorkspaceSymbols(cache: AnalysisCache, corpus: WorkspaceCorpus): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      const out: vscode.SymbolInformation[] = [];
      for await (const d of corpus.documents(token)) {
        const symbols = corpusSymbols(d, cache.glossary.current.glossary, query);
        if (symbols.length === 0) continue;
        const lines = new LineIndex(d.text);
        const at = (offset: number) => {
          const p = lines.position(offset);
          return new vscode.Position(p.line - 1, p.column - 1);
        };
        for (const s of symbols) {
          const kind = s.kind === 'term' ? vscode.SymbolKind.Constant : vscode.SymbolKind.Event;
          const location = new vscode.Location(d.uri, new vscode.Range(at(s.range.start), at(s.range.end)));
          out.push(new vscode.SymbolInformation(s.name, kind, d.file, location));
          if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
        }
      }
      return token.isCancellationRequested ? undefined : out;
    },
  });
}
