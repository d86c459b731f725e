/** What a new user meets first: the walkthrough, the sample it opens, and the editor defaults for statements. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DiplomaticAnnotatorApi } from '../../src/extension';
import { EXTENSION_ID, activate, waitFor } from './helpers';

interface Manifest {
  contributes: {
    walkthroughs: { steps: { description: string; media: { markdown?: string; image?: string } }[] }[];
    viewsWelcome: { view: string; contents: string }[];
  };
}

describe('getting started', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('ships every walkthrough file, and every button runs a registered command', async () => {
    const ext = vscode.extensions.getExtension<DiplomaticAnnotatorApi>(EXTENSION_ID)!;
    const { contributes } = ext.packageJSON as Manifest;
    const commands = new Set(await vscode.commands.getCommands(true));
    const texts = [...contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.description)), ...contributes.viewsWelcome.map((v) => v.contents)];
    const linked = texts.flatMap((t) => [...t.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
    assert.ok(linked.includes('diplomaticAnnotator.openSample') && linked.includes('diplomaticAnnotator.newGlossary'), JSON.stringify(linked));
    for (const id of linked) assert.ok(commands.has(id), `${id} is not a command`);
    for (const step of contributes.walkthroughs.flatMap((w) => w.steps)) {
      for (const file of [step.media.markdown, step.media.image].filter((f): f is string => !!f)) {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, file));
        // Images a Markdown page shows sit beside it.
        const markdown = file.endsWith('.md') ? new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, file))) : '';
        for (const [, image] of markdown.matchAll(/src="([^"]+)"/g)) await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, file, '..', image));
      }
    }
  });

  it('opens the sample statement, whose commitments fill the Commitments view', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('diplomaticAnnotator.openSample');
    assert.strictEqual(editor.document.languageId, 'statement');
    assert.ok(editor.document.isUntitled, 'a copy: the installed sample is not edited');
    assert.match(editor.document.getText(), /The two sides agreed to upgrade/);
    const api = vscode.extensions.getExtension<DiplomaticAnnotatorApi>(EXTENSION_ID)!.exports;
    await waitFor(() => api.commitmentsView().length >= 2, 'the Commitments view');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('starts a glossary from the template, under a name the extension reads', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('diplomaticAnnotator.newGlossary');
    assert.match(editor.document.uri.path, /\.glossary\.yaml$/);
    assert.match(editor.document.getText(), /^terms:$/m);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('wraps statements and does not box their dashes', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'statement' });
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    // Other languages keep VS Code's defaults.
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'typescript' }).get('unicodeHighlight.ambiguousCharacters'), true);
  });
});
