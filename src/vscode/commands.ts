/**
 * The writing commands: "Annotate Selection as…", "Add Selection to Glossary", "Export
 * Commitments". Every change to a text goes through a WorkspaceEdit of an open document, so it is
 * one undo step, is written only when the user saves, and VS Code's own conflict handling protects
 * files changed on disk.
 */
import * as vscode from 'vscode';
import { TERM_KINDS, slugify, type TermKind } from '../core/glossary';
import { annotationFor, appendGlossaryEntry } from '../core/edits';
import { COMMITMENT_TYPES } from '../core/lexicon';
import { CSV_HEADER, partyNamer, toCsvRows, toDocumentReport, toMarkdown } from '../core/report';
import type { AnalysisCache } from './analysisCache';
import { toRange } from './convert';
import type { GlossaryService } from './glossaryService';
import type { LocalFiles } from './platform';

/** Registers the writing commands; `localFiles` where the host has a local disk (not on the web). */
export function registerCommands(cache: AnalysisCache, glossary: GlossaryService, localFiles?: LocalFiles): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('diplomaticAnnotator.annotateSelection', (kind?: string) => annotateSelection(glossary, kind)),
    vscode.commands.registerCommand('diplomaticAnnotator.addToGlossary', (kind?: TermKind, target?: vscode.Uri, entry?: PresetEntry) =>
      addToGlossary(glossary, localFiles, kind, target, entry),
    ),
    vscode.commands.registerCommand('diplomaticAnnotator.exportCommitments', (format?: string, destination?: 'editor' | vscode.Uri) =>
      exportCommitments(cache, format, destination),
    ),
  );
}

async function annotateSelection(glossary: GlossaryService, preset?: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Select the text to annotate first.');
    return false;
  }
  const doc = editor.document;
  let choice = preset;
  if (!choice) {
    const items = [
      ...TERM_KINDS.map((k) => ({ label: k, description: 'term kind' })),
      ...COMMITMENT_TYPES.map((t) => ({ label: `commitment: ${t}`, description: 'commitment' })),
      { label: 'note', description: 'an analyst comment' },
    ];
    choice = (await vscode.window.showQuickPick(items, { title: 'Annotate selection as…' }))?.label;
  }
  if (!choice) return false;
  // One edit per selection, all in one WorkspaceEdit: one undo step.
  const edit = new vscode.WorkspaceEdit();
  for (const selection of editor.selections) {
    if (selection.isEmpty) continue;
    const selected = doc.getText(selection);
    let markup: string;
    if (choice === 'note') {
      const note = await vscode.window.showInputBox({ title: 'Note', prompt: `Comment on “${selected.slice(0, 40)}”` });
      if (note === undefined) return false;
      markup = annotationFor(selected, { note });
    } else if (choice.startsWith('commitment')) {
      markup = annotationFor(selected, { kind: 'commitment', type: choice.split(':')[1]?.trim() || 'pledge' });
    } else {
      const kind = choice as TermKind;
      // A selection that is a known term of that kind links its id ("[the Belarusian side]{#BY}").
      const known = glossary.current.matcher.findAll(selected).find((m) => m.start === 0 && m.end === selected.length && m.value.kind === kind);
      markup = known ? annotationFor(selected, { id: known.value.id }) : annotationFor(selected, { kind });
    }
    edit.replace(doc.uri, selection, markup);
  }
  return vscode.workspace.applyEdit(edit);
}

/** What a quick fix asks to add instead of the selection: a term, and the id it must have (an id a statement already uses). */
interface PresetEntry {
  term: string;
  id?: string;
}

/**
 * Adds the selected term (or the `preset` one, from a quick fix) to a workspace glossary the user picks. The entry is an edit of the open
 * glossary document (or of a new, untitled one that saves to the chosen path): the user sees it,
 * can undo it, and decides whether to save; nothing is written to disk here. Refused, with a
 * message: in Restricted Mode; a target outside every workspace folder once symbolic links are
 * resolved; a folder, a dangling link or anything else that is not a text file.
 */
async function addToGlossary(...args: Parameters<typeof addToGlossaryUnguarded>): Promise<boolean> {
  try {
    return await addToGlossaryUnguarded(...args);
  } catch (e) {
    void vscode.window.showErrorMessage(`Cannot add the term to the glossary: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

async function addToGlossaryUnguarded(
  glossary: GlossaryService,
  localFiles: LocalFiles | undefined,
  presetKind?: TermKind,
  presetTarget?: vscode.Uri,
  preset?: PresetEntry,
): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (preset !== undefined && (typeof preset?.term !== 'string' || (preset.id !== undefined && (typeof preset.id !== 'string' || !/^[\w.:-]+$/.test(preset.id))))) {
    void vscode.window.showErrorMessage('Cannot add to the glossary: the entry must have a term and, optionally, an id of letters, digits and `_.:-`.');
    return false;
  }
  const term = (preset ? preset.term : editor?.document.getText(editor.selection))?.replace(/\s+/g, ' ').trim();
  if (!term) {
    void vscode.window.showInformationMessage('Select the term to add first.');
    return false;
  }
  if (!vscode.workspace.isTrusted) {
    const manage = 'Manage Workspace Trust';
    void vscode.window
      .showWarningMessage('Restricted Mode: Diplomatic Annotator does not edit workspace glossaries until you trust this workspace.', manage)
      .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
    return false;
  }
  if (presetKind !== undefined && !(TERM_KINDS as readonly string[]).includes(presetKind)) {
    void vscode.window.showErrorMessage(`Cannot add “${term}”: “${String(presetKind)}” is not a kind of term (${TERM_KINDS.join(', ')}).`);
    return false;
  }
  const kind = presetKind ?? ((await vscode.window.showQuickPick([...TERM_KINDS], { title: `Kind of “${term}”` })) as TermKind | undefined);
  if (!kind) return false;
  let target = presetTarget;
  if (!target) {
    const files = glossary.workspaceFiles();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const create = folder ? vscode.Uri.joinPath(folder.uri, 'terms.glossary.yaml') : undefined;
    const items = [
      ...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      ...(create && !files.some((f) => f.toString() === create.toString()) ? [{ label: '$(new-file) terms.glossary.yaml', description: 'create', uri: create }] : []),
    ];
    if (items.length === 0) {
      void vscode.window.showWarningMessage('Open a folder to keep a workspace glossary in it.');
      return false;
    }
    target = items.length === 1 ? items[0].uri : (await vscode.window.showQuickPick(items, { title: 'Add to which glossary?' }))?.uri;
  }
  if (!target) return false;
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showErrorMessage(`Cannot add “${term}”: the target glossary must be a file URI.`);
    return false;
  }

  const checked = await checkGlossaryTarget(target, localFiles);
  if ('refusal' in checked) {
    void vscode.window.showErrorMessage(`Cannot add “${term}” to ${vscode.workspace.asRelativePath(target)}: ${checked.refusal}`);
    return false;
  }
  // An existing glossary is edited in its document; a new one starts as an untitled document that
  // saves to the chosen path. Either way the file on disk changes only when the user saves.
  const doc = await vscode.workspace.openTextDocument(checked.exists ? target : target.with({ scheme: 'untitled' }));
  const text = doc.getText();
  // An id a statement already uses is kept as it is: that is what makes the statement's annotation known.
  const id = preset?.id ?? (kind === 'party' ? undefined : slugify(term));
  const unique = !preset?.id && id && glossary.current.glossary.byId.has(id) ? `${id}-2` : id;
  const result = appendGlossaryEntry(text, { id: unique, term, kind });
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Cannot add to ${vscode.workspace.asRelativePath(target)}: ${result.error}`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, toRange(doc, result.edit), result.edit.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const shown = await vscode.window.showTextDocument(doc);
  // Put the cursor on the empty summary so the user can write it.
  const entryText = doc.getText().slice(result.entryOffset);
  const summaryAt = entryText.indexOf('summary:');
  const pos = doc.positionAt(result.entryOffset + (summaryAt === -1 ? 0 : summaryAt + 'summary: '.length));
  shown.selection = new vscode.Selection(pos, doc.lineAt(pos.line).range.end);
  shown.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/**
 * Whether a new entry may go into `target`: it must lie inside a workspace folder once every
 * symbolic link is resolved (a link to a file elsewhere is refused), and be a text file or not
 * exist yet. Symbolic links are resolved on the host's disk (`localFiles`, Node) for `file` URIs;
 * other file systems, and a host without a local disk (the web), cannot say where a link points, so
 * a link there is refused.
 */
async function checkGlossaryTarget(target: vscode.Uri, localFiles: LocalFiles | undefined): Promise<{ exists: boolean } | { refusal: string }> {
  if (!vscode.workspace.getWorkspaceFolder(target)) return { refusal: 'it is not inside a workspace folder.' };
  let type: vscode.FileType | undefined;
  try {
    type = (await vscode.workspace.fs.stat(target)).type;
  } catch {
    type = undefined; // does not exist: a new glossary
  }
  if (type !== undefined) {
    if (type & vscode.FileType.Directory) return { refusal: 'it is a folder, not a glossary file.' };
    if (!(type & vscode.FileType.File)) {
      return { refusal: type & vscode.FileType.SymbolicLink ? 'it is a symbolic link to a file that does not exist.' : 'it is not a regular file.' };
    }
  }
  if (target.scheme !== 'file' || !localFiles) {
    return type !== undefined && type & vscode.FileType.SymbolicLink
      ? { refusal: 'it is a symbolic link, and where it points cannot be checked here.' }
      : { exists: type !== undefined };
  }
  const real = await localFiles.realPath(target.fsPath, type !== undefined);
  if (real === undefined) return { refusal: 'its folder does not exist.' };
  const roots = await Promise.all((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => localFiles.realPath(f.uri.fsPath, true)));
  const inside = roots.some((root) => root !== undefined && localFiles.isInside(root, real));
  if (!inside) return { refusal: `it resolves to ${real}, outside the workspace folders (through a symbolic link); the extension writes only inside the workspace.` };
  return { exists: type !== undefined };
}

async function exportCommitments(cache: AnalysisCache, presetFormat?: string, destination?: 'editor' | vscode.Uri): Promise<string | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  const analysis = doc && (await cache.whenReady(doc));
  if (!doc || !analysis) {
    void vscode.window.showInformationMessage('Open a statement to export its commitments.');
    return undefined;
  }
  const format =
    presetFormat ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'markdown', description: 'Markdown table' },
          { label: 'csv', description: 'CSV' },
          { label: 'json', description: 'JSON (the CLI schema)' },
        ],
        { title: 'Export commitments as…' },
      )
    )?.label;
  if (!format) return undefined;
  const report = toDocumentReport(vscode.workspace.asRelativePath(doc.uri), doc.getText(), analysis);
  const content =
    format === 'json'
      ? JSON.stringify({ documents: [report] }, null, 2) + '\n'
      : format === 'csv'
        ? [CSV_HEADER, ...toCsvRows(report)].join('\n') + '\n'
        : toMarkdown(report, analysis.commitments, { view: 'table', nameOf: partyNamer(cache.glossary.current.glossary, report.parties) });
  let where = destination;
  if (!where) {
    const pick = await vscode.window.showQuickPick(['New editor', 'Save to file…'], { title: 'Export to' });
    if (!pick) return undefined;
    if (pick === 'New editor') where = 'editor';
    else {
      const ext = format === 'markdown' ? 'md' : format;
      where = await vscode.window.showSaveDialog({ defaultUri: doc.uri.with({ path: doc.uri.path.replace(/\.[^./]*$/, '') + `.commitments.${ext}` }) });
      if (!where) return undefined;
    }
  }
  if (where === 'editor') {
    const language = format === 'markdown' ? 'markdown' : format === 'json' ? 'json' : 'plaintext';
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content, language }));
  } else {
    await vscode.workspace.fs.writeFile(where, new TextEncoder().encode(content));
    void vscode.window.showInformationMessage(`Exported ${report.commitments.length} commitments to ${vscode.workspace.asRelativePath(where)}.`);
  }
  return content;
}
