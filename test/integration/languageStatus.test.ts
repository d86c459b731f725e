/**
 * The language status items in a real editor: glossary entries in use, a partial analysis instead
 * of a pop-up, and the action that turns the features on for a plain-text file.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DiplomaticAnnotatorApi } from '../../src/extension';
import { EXTENSION_ID, activate, hoverText, open, positionOf, waitFor, writeFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('diplomaticAnnotator');

/** What the extension's language status shows now. */
function status() {
  return vscode.extensions.getExtension<DiplomaticAnnotatorApi>(EXTENSION_ID)!.exports.languageStatus();
}

describe('language status', () => {
  before(activate);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('languages', undefined, vscode.ConfigurationTarget.Global);
  });

  it('counts the glossary entries a statement uses, and goes to one picked from the list', async () => {
    const editor = await open('china-belarus-2022.statement');
    const item = await waitFor(() => status().find((i) => i.id === 'terms' && !i.busy), 'the glossary entries item');
    assert.match(item.text, /^\d{2,} glossary entries$/);
    assert.match(item.detail, /^\d+ terms, 13 commitments$/);
    assert.strictEqual(item.command?.command, 'diplomaticAnnotator.showTermsInUse');
    // The list opens; accepting its first (most used) entry moves the cursor to its first occurrence.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const shown = vscode.commands.executeCommand(item.command.command);
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return editor.selection.active.line < end.line - 1;
    }, 'the cursor on the entry');
    await shown;
    assert.notStrictEqual(await hoverText(editor.document, editor.selection.active.translate(0, 1)), '');
  });

  it('says a document above maxFileSize is analysed in part, as a warning with the setting to open', async () => {
    const editor = await open('china-belarus-2022.statement');
    await config().update('maxFileSize', 1000, vscode.ConfigurationTarget.Workspace);
    const item = await waitFor(() => status().find((i) => i.id === 'partial'), 'the partial-analysis item');
    assert.strictEqual(item.severity, 'warning');
    assert.match(item.detail, /above diplomaticAnnotator\.maxFileSize/);
    assert.deepStrictEqual(item.command?.arguments, ['diplomaticAnnotator.maxFileSize']);
    assert.ok(!status().some((i) => i.id === 'terms'));
    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => status().find((i) => i.id === 'terms' && !i.busy), 'the entries item back under the limit');
    assert.strictEqual(editor.document.isDirty, false);
  });

  it('offers, on a plain-text file, to turn the features on, and they work once it is used', async () => {
    const uri = await writeFile('status-plain.txt', 'China and Belarus met. The Belarusian side supports the Global Development Initiative.\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const hover = () => hoverText(doc, positionOf(doc, 'Global', 1, 2));
    assert.strictEqual(await hover(), '');
    const item = await waitFor(() => status().find((i) => i.id === 'off'), 'the turn-on item');
    assert.deepStrictEqual(item.command?.arguments, ['plaintext']);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    // No workspace value: the user's list gets the language.
    assert.deepStrictEqual(config().inspect('languages')?.globalValue, ['statement', 'plaintext']);
    assert.strictEqual(config().inspect('languages')?.workspaceValue, undefined);
    await waitFor(async () => /Global Development Initiative/.test(await hover()), 'a hover in the plain-text file');
    await waitFor(() => status().find((i) => i.id === 'terms' && !i.busy), 'the entries item on the plain-text file');
    await vscode.workspace.fs.delete(uri);
  });
});
