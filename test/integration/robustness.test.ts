/** Bad input in the editor: binary and oversized files get a notice instead of a freeze; rapid typing; other languages by setting. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, hoverText, open, positionOf, waitFor, writeFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('diplomaticAnnotator');

describe('robustness in the editor', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('does not analyse binary content in a statement editor', async () => {
    // VS Code itself refuses to open a binary file as text; content pasted or decoded wrongly can still hold NULs.
    const doc = await vscode.workspace.openTextDocument({ language: 'statement', content: 'China\u0000\u0001\u0002 supports \u0000 the Global Development Initiative' });
    await vscode.window.showTextDocument(doc);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(symbols ?? [], []);
    assert.strictEqual(await hoverText(doc, positionOf(doc, 'Global', 1, 2)), '');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('stops above diplomaticAnnotator.maxFileSize and resumes when it is raised', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const at = positionOf(document, 'Belarusian side', 1, 4);
    await waitFor(async () => /Republic of Belarus/.test(await hoverText(document, at)), 'a hover before the limit');
    await config().update('maxFileSize', 100, vscode.ConfigurationTarget.Workspace);
    try {
      // Any edit makes the cache look again; the limit then applies.
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
      await waitFor(async () => (await hoverText(document, at.translate(0, 1))) === '', 'hovers to stop above the limit');
    } finally {
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 0, 1)));
    await waitFor(async () => /Republic of Belarus/.test(await hoverText(document, at)), 'hovers to come back');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('still highlights the visible part of a document above the size limit', async () => {
    const { document } = await open('china-belarus-2022.statement');
    await config().update('maxFileSize', 1000, vscode.ConfigurationTarget.Workspace);
    try {
      const range = new vscode.Range(6, 0, 8, 0);
      const tokens = await waitFor(async () => {
        const full = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
        if (full && full.data.length > 0) return undefined; // the whole document is no longer analysed
        const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentRangeSemanticTokens', document.uri, range);
        return t && t.data.length > 0 && t;
      }, 'range tokens above the limit');
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentRangeSemanticTokensLegend', document.uri);
      let line = 0;
      let char = 0;
      const found: string[] = [];
      for (let i = 0; i < tokens.data.length; i += 5) {
        line += tokens.data[i];
        char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
        found.push(`${document.getText(new vscode.Range(line, char, line, char + tokens.data[i + 2]))}=${legend.tokenTypes[tokens.data[i + 3]]}`);
      }
      assert.ok(found.includes('Global Development Initiative=initiative'), JSON.stringify(found));
      assert.ok(found.includes('one-China principle=principle'), JSON.stringify(found));
    } finally {
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('keeps up with rapid typing in a large statement', async function () {
    this.timeout(60_000);
    const base = (await vscode.workspace.fs.readFile((await open('china-belarus-2022.statement')).document.uri)).toString();
    const uri = await writeFile('typing.statement', Array.from({ length: 200 }, () => base).join('\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const pending: Thenable<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      await editor.edit((e) => e.insert(new vscode.Position(3, 0), i % 2 ? 'x' : 'The two sides will meet. '));
      pending.push(vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri));
      pending.push(vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri));
    }
    await Promise.all(pending);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('colours a large document at once by its terms, then adds the commitments', async function () {
    this.timeout(60_000);
    const base = (await vscode.workspace.fs.readFile((await open('china-belarus-2022.statement')).document.uri)).toString();
    // Over 200,000 characters and distinct lines, so the first answer is terms-only.
    let n = 0;
    const uri = await writeFile('large.statement', Array.from({ length: 120 }, () => base.replace(/^(?=\S)/gm, () => `(${++n}) `)).join('\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const commitment = legend.tokenTypes.indexOf('commitment');
    const party = legend.tokenTypes.indexOf('party');
    const types = (data: Uint32Array) => new Set(Array.from({ length: data.length / 5 }, (_, i) => data[i * 5 + 3]));
    const first = await waitFor(() => vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri), 'semantic tokens');
    assert.ok(types(first.data).has(party), 'the terms are there from the first answer');
    // Terms are explained at once, whether or not the full analysis has finished.
    assert.match(await hoverText(doc, positionOf(doc, 'Global Development Initiative', 1, 3)), /Global Development Initiative/);
    // The full analysis follows without any edit, and the triggers appear.
    await waitFor(
      async () => types((await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri)).data).has(commitment),
      'commitment tokens',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('adds hovers to plaintext when the languages setting says so', async () => {
    const uri = await writeFile('plain.txt', 'The Belarusian side supports the Global Development Initiative.\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'plaintext');
    assert.strictEqual(await hoverText(doc, positionOf(doc, 'Global', 1, 2)), '');
    await config().update('languages', ['statement', 'plaintext'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(async () => /Global Development Initiative/.test(await hoverText(doc, positionOf(doc, 'Global', 1, 2))), 'a hover in plaintext');
    } finally {
      await config().update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.workspace.fs.delete(uri);
  });
});
