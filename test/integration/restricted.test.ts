/**
 * Restricted Mode, in a real VS Code whose workspace is not trusted: run by
 * `node scripts/vscode-host.mjs test --restricted` (part of `npm run test:integration`); the
 * trusted run leaves this file out (see index.ts). A workspace cannot widen what the extension
 * reads (`languages`) or switch its size guard off (`maxFileSize`), and it cannot have the extension
 * edit its glossaries.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, hoverText, open, positionOf, waitFor, workspaceUri, writeFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('diplomaticAnnotator');

/** The document symbols of the outline, or [] (no polling: the caller waits for the state it expects). */
async function symbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
}

describe('Restricted Mode', () => {
  before(activate);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of ['languages', 'maxFileSize']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('runs in an untrusted workspace', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('ignores the workspace value of `languages`; the user value still applies', async () => {
    const uri = await writeFile('plain.txt', 'The Belarusian side supports the Global Development Initiative.\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const hover = () => hoverText(doc, positionOf(doc, 'Global', 1, 2));
    await config().update('languages', ['statement', 'plaintext'], vscode.ConfigurationTarget.Workspace);
    // The user's own setting turns hovers on in plain text…
    await config().update('languages', ['statement', 'plaintext'], vscode.ConfigurationTarget.Global);
    await waitFor(async () => /Global Development Initiative/.test(await hover()), 'a hover in plain text by the user setting');
    // …and once it is gone, the workspace's identical value must not keep them on.
    await config().update('languages', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await hover()) === '', 'no hover once only the workspace asks for plain text');
  });

  it('ignores a workspace `maxFileSize` that would switch the size guard off', async () => {
    const { document } = await open('china-belarus-2022.statement');
    await config().update('maxFileSize', 1e15, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => (await symbols(document)).length > 0, 'the outline under the default limit');
    // A user limit below the document's size stops its analysis; were the workspace's 1e15
    // honoured, it would override the user value and the outline would stay.
    await config().update('maxFileSize', 1000, vscode.ConfigurationTarget.Global);
    // Any edit makes the analysis cache look at the limit again.
    await vscode.window.activeTextEditor!.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
    await waitFor(async () => (await symbols(document)).length === 0, 'no outline above the user limit');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('turns a language on in the user settings, not in the workspace value that Restricted Mode ignores', async () => {
    await config().update('languages', ['statement', 'markdown'], vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('diplomaticAnnotator.enableForLanguage', 'plaintext');
    assert.deepStrictEqual(config().inspect('languages')?.globalValue, ['statement', 'plaintext']);
    // VS Code hides the ignored workspace value from `inspect`: the workspace's file shows it unchanged.
    const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.vscode/settings.json')));
    assert.match(file, /"diplomaticAnnotator\.languages":\s*\[\s*"statement",\s*"markdown"\s*\]/);
  });

  it('does not edit workspace glossaries', async () => {
    const text = 'terms:\n  - term: Existing\n    kind: concept\n';
    const target = await writeFile('restricted.glossary.yaml', text);
    const editor = await open('china-belarus-2022.statement');
    const start = positionOf(editor.document, 'Samarkand', 1, 0);
    editor.selection = new vscode.Selection(start, start.translate(0, 'Samarkand'.length));
    assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.addToGlossary', 'concept', target), false);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), text);
    const open_ = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    assert.ok(!open_ || !open_.isDirty, 'no unsaved edit either');
    await vscode.workspace.fs.delete(target);
  });
});

describe('Restricted Mode: Compare Commitments with…', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('compares two statements in its script-free report, and its links reveal a sentence', async () => {
    const oldUri = workspaceUri('china-belarus-2022.statement');
    const newUri = workspaceUri('china-belarus-2022-edited.statement');
    const result = await vscode.commands.executeCommand<{ html: string; summary: string }>('diplomaticAnnotator.compareCommitments', oldUri, [oldUri, newUri]);
    assert.ok(result, 'no report in Restricted Mode');
    assert.match(result.summary, /^6 changed, 2 added, 1 dropped, 6 kept/);
    const link = /href="command:diplomaticAnnotator\.revealComparedSentence\?([^"]+)"/.exec(result.html.split('\n').find((l) => l.startsWith('<tr data-change="strengthened"'))!);
    assert.ok(link, 'no reveal link');
    const args = JSON.parse(decodeURIComponent(link[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))));
    await vscode.commands.executeCommand('diplomaticAnnotator.revealComparedSentence', ...args);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === oldUri.toString() && vscode.window.activeTextEditor, 'the reference statement');
    assert.match(editor.document.getText(editor.selection), /^Reiterating its adherence to the one-China principle/);
  });
});
