/**
 * Navigating the statements of the workspace: Find All References on a term, Go to Symbol in
 * Workspace, and the term timeline, all on one {@link WorkspaceCorpus}. References follow the
 * `languages` and `glossary.files` settings: re-registered when they change.
 */
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { WorkspaceCorpus } from './corpus';
import type { Logger } from './logger';
import { registerReferences } from './references';
import { documentSelector, settings } from './settings';
import { registerTimeline } from './timeline';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** Registers the references and workspace symbol providers and the timeline command. */
export function registerCorpusNavigation(cache: AnalysisCache, log: Logger): vscode.Disposable {
  const corpus = new WorkspaceCorpus(cache, log);
  let references: vscode.Disposable | undefined;
  const registerReferencesNow = () => {
    references?.dispose();
    const glossaries = settings.glossaryFiles().map((pattern): vscode.DocumentFilter => ({ pattern }));
    references = registerReferences([...(documentSelector() as vscode.DocumentFilter[]), ...glossaries], cache, corpus);
  };
  registerReferencesNow();
  return vscode.Disposable.from(
    corpus,
    new vscode.Disposable(() => references?.dispose()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('diplomaticAnnotator.languages') || e.affectsConfiguration('diplomaticAnnotator.glossary.files')) registerReferencesNow();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(registerReferencesNow),
    registerWorkspaceSymbols(cache, corpus),
    registerTimeline(cache, corpus),
  );
}
