/**
 * The language status items of the active document (the `{}` entry of the status bar), from
 * `languageStatusItems` in the core: glossary entries in use, a partial analysis, or the action
 * that turns the features on for a plain-text or Markdown file. Also the two commands they run.
 */
import * as vscode from 'vscode';
import { ENABLE_LANGUAGE_COMMAND, SHOW_TERMS_COMMAND, entriesInUse, languageStatusItems, languagesUpdate, type StatusItem } from '../core/languageStatus';
import type { AnalysisCache } from './analysisCache';
import { SECTION, settings } from './settings';

/** What the language status shows now, for tests. */
export type LanguageStatusSnapshot = readonly StatusItem[];

/** Registers the items and their commands; `snapshot()` gives what they show. */
export function registerLanguageStatus(cache: AnalysisCache): vscode.Disposable & { snapshot: () => LanguageStatusSnapshot } {
  const shown = new Map<StatusItem['id'], vscode.LanguageStatusItem>();
  let current: StatusItem[] = [];
  let pending: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const languages = settings.languages();
    current = [];
    if (doc) {
      const enabled = languages.includes(doc.languageId);
      const refusal = enabled ? cache.refusalOf(doc) : undefined;
      const best = enabled && !refusal ? cache.now(doc) : undefined;
      // While a large document's full analysis runs (onDidComplete updates), its count is not known.
      const analysis = best?.termsOnly ? undefined : best;
      current = languageStatusItems({ languageId: doc.languageId, enabledLanguages: languages, refusal, analysis });
    }
    for (const [id, item] of shown) {
      if (!current.some((c) => c.id === id)) {
        item.dispose();
        shown.delete(id);
      }
    }
    for (const content of current) {
      let item = shown.get(content.id);
      if (!item) {
        item = vscode.languages.createLanguageStatusItem(`${SECTION}.${content.id}`, []);
        shown.set(content.id, item);
      }
      // The items follow the active document: they show for its language.
      item.selector = doc ? [{ language: doc.languageId }] : [];
      item.name = content.name;
      item.text = content.text;
      item.detail = content.detail;
      item.severity = content.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      item.busy = content.busy ?? false;
      item.command = content.command && { title: content.command.title, command: content.command.command, arguments: content.command.arguments };
    }
  };
  /**
   * Updates once typing pauses: the count may lag a second behind, but no analysis of a version
   * the other features skip is made while keys are pressed.
   */
  const schedule = (delayMs: number) => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      update();
    }, delayMs);
  };
  update();

  const disposable = vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule(1000);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      // A language change (plain text → statement) reopens the document.
      if (d === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) update();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    cache.onDidComplete(() => schedule(100)),
    cache.onDidInvalidate(() => schedule(100)),
    cache.onDidRefuse(() => schedule(100)),
    vscode.commands.registerCommand(SHOW_TERMS_COMMAND, showTermsInUse),
    vscode.commands.registerCommand(ENABLE_LANGUAGE_COMMAND, enableForLanguage),
    new vscode.Disposable(() => {
      if (pending) clearTimeout(pending);
      for (const item of shown.values()) item.dispose();
      shown.clear();
    }),
  );
  return Object.assign(disposable, { snapshot: () => current });

  /** Lists the glossary entries the active document uses; picking one reveals its first occurrence. */
  async function showTermsInUse(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && (await cache.whenReady(editor.document));
    if (!editor || !analysis) return;
    const entries = entriesInUse(analysis);
    const picked = await vscode.window.showQuickPick(
      entries.map((e) => ({ label: e.name, description: `${e.kind} · ${e.count}×`, detail: e.id, entry: e })),
      { title: 'Glossary entries in this document', placeHolder: 'Pick an entry to go to its first occurrence', matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked || editor.document.isClosed) return;
    const at = editor.document.positionAt(picked.entry.firstOffset);
    const shownEditor = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    shownEditor.selection = new vscode.Selection(at, at);
    shownEditor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/**
 * Turns the features on for a language (the active document's by default): adds it to
 * `diplomaticAnnotator.languages` where the value in force comes from (see `languagesUpdate`).
 */
async function enableForLanguage(languageId?: string): Promise<void> {
  const id = typeof languageId === 'string' ? languageId : vscode.window.activeTextEditor?.document.languageId;
  if (!id) return;
  const config = vscode.workspace.getConfiguration(SECTION);
  const change = languagesUpdate(config.inspect('languages') ?? {}, vscode.workspace.isTrusted, id, settings.languages());
  if (!change) return;
  const target = change.target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('languages', change.languages, target);
}
