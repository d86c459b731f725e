/**
 * "Compare Commitments with…": the commitment diff of two statements (see `core/diff.ts`) in a
 * webview beside the editor, old on the left and new on the right, each item's line a link that
 * reveals and selects its sentence in its document. From a statement (the editor, its title or
 * the Explorer) the other statement is picked from the workspace or an open dialog; from the
 * Explorer with two statements selected, those two are compared. The older one by the `date` of
 * their front matter is the old side; without dates, the one picked (or selected first) is.
 *
 * The page has no script (its Content-Security-Policy allows only its own style): the links are
 * `command:` URIs the webview may run, limited to the reveal command. That works in Restricted
 * Mode and on the web alike.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { diffCommitments, olderFirst } from '../core/diff';
import { diffSummary, diffToHtml, toDiffReport, type DiffDocument } from '../core/diffReport';
import type { AnalysisCache } from './analysisCache';

/** The command that compares two statements. */
export const COMPARE_COMMAND = 'diplomaticAnnotator.compareCommitments';
/** The command a report's links run: reveal and select a sentence of a compared document. */
export const REVEAL_COMMAND = 'diplomaticAnnotator.revealComparedSentence';

/** What the compare command returns (for tests): the report page and its one-line summary. */
export interface CompareResult {
  html: string;
  summary: string;
  old: string;
  new: string;
}

/** Registers the compare and reveal commands. */
export function registerCompare(cache: AnalysisCache): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMPARE_COMMAND, (uri?: vscode.Uri, uris?: vscode.Uri[]) => compare(cache, uri, uris)),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealSentence),
  );
}

async function compare(cache: AnalysisCache, uri?: vscode.Uri, uris?: vscode.Uri[]): Promise<CompareResult | undefined> {
  // The Explorer passes the clicked file and the whole selection.
  const selected = (uris ?? []).filter((u) => u instanceof vscode.Uri);
  if (selected.length > 2) {
    void vscode.window.showErrorMessage(`Select two statements to compare (${selected.length} are selected).`);
    return undefined;
  }
  let pair: [vscode.Uri, vscode.Uri];
  if (selected.length === 2) pair = [selected[0], selected[1]];
  else {
    const current = (uri instanceof vscode.Uri ? uri : undefined) ?? vscode.window.activeTextEditor?.document.uri;
    if (!current) {
      void vscode.window.showInformationMessage('Open a statement to compare its commitments with another one.');
      return undefined;
    }
    const other = await pickOther(current);
    if (!other) return undefined;
    pair = [other, current];
  }
  const sides: (DiffDocument & { uri: vscode.Uri })[] = [];
  for (const u of pair) {
    const side = await analysed(cache, u);
    if (!side) return undefined;
    sides.push({ ...side, uri: u });
  }
  const [oldDoc, newDoc] = olderFirst(sides[0], sides[1]);
  const report = toDiffReport(oldDoc, newDoc, diffCommitments(oldDoc.analysis, newDoc.analysis), cache.glossary.current.glossary);
  const html = diffToHtml(report, {
    nonce: nonce(),
    revealLink: (item, side) => {
      const s = item[side];
      if (!s) return undefined;
      return revealLink(side === 'old' ? oldDoc.uri : newDoc.uri, s.sentence.start, s.sentence.end);
    },
  });
  showReport('diplomaticAnnotator.compare', `Commitments: ${baseName(oldDoc.file)} ↔ ${baseName(newDoc.file)}`, html);
  return { html, summary: diffSummary(report), old: oldDoc.file, new: newDoc.file };
}

/** A statement to compare with `current`: one of the workspace's, or any file through an open dialog. */
async function pickOther(current: vscode.Uri): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles('**/*.statement', '**/node_modules/**', 500);
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === 'statement' && !d.isUntitled).map((d) => d.uri);
  const seen = new Set([current.toString()]);
  const candidates: vscode.Uri[] = [];
  for (const u of [...open, ...found]) {
    if (seen.has(u.toString())) continue;
    seen.add(u.toString());
    candidates.push(u);
  }
  const browse = { label: '$(folder-opened) Browse…', description: 'choose a file', uri: undefined as vscode.Uri | undefined };
  const items = [
    ...candidates
      .map((u) => ({ label: baseName(u.path), description: vscode.workspace.asRelativePath(u), uri: u as vscode.Uri | undefined }))
      .sort((a, b) => a.description.localeCompare(b.description)),
    browse,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Compare the commitments of ${baseName(current.path)} with…`, placeHolder: 'the earlier statement' });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Compare', defaultUri: vscode.Uri.joinPath(current, '..') });
  return chosen?.[0];
}

/** A document's name, text and full analysis; undefined after telling the user why there is none. */
async function analysed(cache: AnalysisCache, uri: vscode.Uri): Promise<DiffDocument | undefined> {
  const name = vscode.workspace.asRelativePath(uri);
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    void vscode.window.showErrorMessage(`${name} cannot be compared: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  let analysis: Analysis | undefined;
  try {
    analysis = await cache.whenReady(doc);
  } catch {
    analysis = undefined;
  }
  if (!analysis) {
    const why = cache.refusalOf(doc);
    const reason =
      why?.reason === 'tooLarge'
        ? `it has ${why.length} characters, more than diplomaticAnnotator.maxFileSize (${why.limit})`
        : why?.reason === 'binary'
          ? 'it is not a text'
          : 'it could not be analysed';
    void vscode.window.showErrorMessage(`${name} cannot be compared: ${reason}.`);
    return undefined;
  }
  return { file: name, text: doc.getText(), analysis };
}

/** Opens a compared document beside the report and selects the sentence (offsets of the analysed version). */
async function revealSentence(uriText: string, start: number, end: number): Promise<boolean> {
  if (typeof uriText !== 'string' || !Number.isInteger(start) || !Number.isInteger(end)) return false;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
  const selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A link of a report that selects `[start, end)` of a document (see {@link REVEAL_COMMAND}). */
export function revealLink(uri: vscode.Uri, start: number, end: number): string {
  return `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([uri.toString(), start, end]))}`;
}

/** Opens a report beside the editor: a webview without scripts whose only commands are its reveal links. */
export function showReport(viewType: string, title: string, html: string): void {
  const panel = vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    { enableScripts: false, enableCommandUris: [REVEAL_COMMAND], localResourceRoots: [] },
  );
  panel.webview.html = html;
}

/** A random nonce for the page's style element. */
export function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
