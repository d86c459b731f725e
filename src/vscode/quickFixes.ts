/**
 * Quick fixes, the way a spelling checker offers "add to dictionary": on a statement's unknown
 * `#id`, the nearest ids and "Add it to <glossary>"; on a mistyped party id, "Did you mean `BY`?";
 * on an unknown class or commitment type, the nearest known one; on a selected phrase, "Add it to
 * <glossary>"; in a glossary file, the nearest known kind for an unknown `kind`. The fixes come
 * from the core (`statementQuickFixes`, `kindQuickFixes`); adding goes through the Add Selection to
 * Glossary command, with its safety rules (Restricted Mode, targets outside the workspace).
 */
import * as vscode from 'vscode';
import { kindQuickFixes, statementQuickFixes, type EntryToAdd, type QuickFix } from '../core/quickFixes';
import type { AnalysisCache } from './analysisCache';
import { toRange, toSpan } from './convert';
import type { GlossaryService } from './glossaryService';
import { DIAGNOSTIC_SOURCE } from './statementDiagnostics';
import { settings } from './settings';
import { timed } from './timings';

/** A selected phrase longer than this is not offered as a glossary term. */
const MAX_PHRASE = 200;

/** Registers the quick fixes for the configured languages and for YAML (glossary files). */
export function registerQuickFixes(selector: vscode.DocumentSelector, cache: AnalysisCache, glossary: GlossaryService): vscode.Disposable {
  const selectors = [...(Array.isArray(selector) ? selector : [selector]), { language: 'yaml' }, { pattern: '**/*.{yaml,yml}' }];
  return vscode.languages.registerCodeActionsProvider(
    selectors,
    { provideCodeActions: (doc, range, context) => timed('code actions', () => codeActions(doc, range, context, cache, glossary)) },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function codeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, cache: AnalysisCache, glossary: GlossaryService): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const d of context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || d.code !== 'unknown-kind') continue;
    for (const fix of kindQuickFixes(doc.getText(d.range))) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, d.range, fix.newText);
      action.diagnostics = [d];
      action.isPreferred = fix.preferred;
      actions.push(action);
    }
  }
  if (!settings.languages().includes(doc.languageId)) return actions;
  const analysis = doc.languageId === 'statement' ? cache.now(doc) : undefined;
  // A large document's terms-only first analysis has no statement problems yet.
  if (analysis && !analysis.termsOnly) {
    for (const fix of statementQuickFixes(analysis, glossary.current.glossary, toSpan(doc, range))) actions.push(...toActions(doc, fix, context, glossary));
  }
  const phrase = range.isEmpty || range.start.line !== range.end.line ? '' : doc.getText(range).replace(/\s+/g, ' ').trim();
  if (phrase.length > 0 && phrase.length <= MAX_PHRASE && !/[[\]{}]/.test(phrase)) {
    for (const target of glossaryTargets(glossary)) actions.push(addAction(`Add “${phrase}” to ${target.label}`, { term: phrase }, undefined, target.uri));
  }
  return actions;
}

/** The code actions for one fix from the core: an edit, or one "add" per workspace glossary. */
function toActions(doc: vscode.TextDocument, fix: QuickFix, context: vscode.CodeActionContext, glossary: GlossaryService): vscode.CodeAction[] {
  const range = toRange(doc, fix.problem);
  const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(range) && d.message === fix.problem.message);
  if ('edit' in fix) {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(doc.uri, toRange(doc, fix.edit), fix.edit.newText);
    action.diagnostics = diagnostics;
    action.isPreferred = fix.preferred;
    return [action];
  }
  return glossaryTargets(glossary).map((target) => {
    const action = addAction(`Add \`${fix.addEntry.id}\` to ${target.label}`, fix.addEntry, fix.addEntry.kind, target.uri);
    action.diagnostics = diagnostics;
    return action;
  });
}

/** An action that runs Add Selection to Glossary for `entry`; shown disabled, with the reason, in Restricted Mode. */
function addAction(title: string, entry: Partial<EntryToAdd> & { term: string }, kind: string | undefined, target: vscode.Uri): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { title, command: 'diplomaticAnnotator.addToGlossary', arguments: [kind, target, { term: entry.term, id: entry.id }] };
  if (!vscode.workspace.isTrusted) action.disabled = { reason: 'Restricted Mode: trust this workspace to let the extension edit its glossaries.' };
  return action;
}

/** The workspace glossaries to add to; a new `terms.glossary.yaml` in the first folder when there is none. */
function glossaryTargets(glossary: GlossaryService): { label: string; uri: vscode.Uri }[] {
  const files = glossary.workspaceFiles().filter((uri) => uri.scheme !== 'untitled');
  if (files.length > 0) return files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }));
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? [{ label: 'a new terms.glossary.yaml', uri: vscode.Uri.joinPath(folder.uri, 'terms.glossary.yaml') }] : [];
}
