/**
 * The problems of each open statement (unknown ids and parties, unclosed spans, malformed
 * attributes, front matter errors) as diagnostics at their exact range: read from the analysis the
 * other features share ({@link AnalysisCache}), so nothing is analysed twice; updated a moment
 * after typing stops, when the glossary changes, and cleared when the document closes.
 */
import * as vscode from 'vscode';
import type { StatementProblem } from '../core/statement';
import type { AnalysisCache } from './analysisCache';
import { toRange } from './convert';
import { settings } from './settings';
import { timed } from './timings';

/** Waiting this long after a keystroke lets a burst of typing cost one update, not one per key (as for glossaries). */
const TYPING_DELAY_MS = 250;

/** The source every diagnostic of the extension carries. */
export const DIAGNOSTIC_SOURCE = 'Diplomatic Annotator';

/** Registers the statement diagnostics (see module doc). */
export function registerStatementDiagnostics(cache: AnalysisCache): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('diplomatic-annotator-statement');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const applies = (doc: vscode.TextDocument) => doc.languageId === 'statement' && settings.languages().includes('statement');

  const update = async (doc: vscode.TextDocument) => {
    if (doc.isClosed || !applies(doc)) return void collection.delete(doc.uri);
    const version = doc.version;
    const analysis = await cache.whenReady(doc);
    // A later version has its own update coming; a closed document keeps none.
    if (doc.isClosed || doc.version !== version) return;
    if (!analysis) return void collection.delete(doc.uri);
    collection.set(
      doc.uri,
      timed('statement diagnostics', () => analysis.warnings.map((p) => toDiagnostic(doc, p))),
    );
  };
  const schedule = (doc: vscode.TextDocument, delay: number) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void update(doc);
      }, delay),
    );
  };
  const all = () => vscode.workspace.textDocuments.forEach((doc) => applies(doc) && schedule(doc, 0));

  all();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => applies(doc) && schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && applies(e.document) && schedule(e.document, TYPING_DELAY_MS)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      clearTimeout(timers.get(doc.uri.toString()));
      timers.delete(doc.uri.toString());
      collection.delete(doc.uri);
    }),
    // A new glossary (or size limit) changes which ids are known: every statement again.
    cache.onDidInvalidate(all),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('diplomaticAnnotator.languages')) return;
      collection.clear();
      all();
    }),
    new vscode.Disposable(() => timers.forEach((t) => clearTimeout(t))),
  );
}

function toDiagnostic(doc: vscode.TextDocument, problem: StatementProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(doc, problem), problem.message, vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  if (problem.code) d.code = problem.code;
  return d;
}
