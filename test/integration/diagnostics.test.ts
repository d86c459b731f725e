/**
 * Statement diagnostics and quick fixes in a real VS Code: problems at their exact range, following
 * edits; each quick fix applied through what VS Code hands out, and its diagnostic gone after.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, waitFor, writeFile } from './helpers';

const SOURCE = 'Diplomatic Annotator';

/** The extension's diagnostics on a document, as "line:character-line:character code message". */
function problems(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code ?? '')} ${d.message}`);
}

/** The quick fixes VS Code collects at a range. */
async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

/** The range of the n-th occurrence of `needle`. */
function rangeOf(doc: vscode.TextDocument, needle: string, n = 1): vscode.Range {
  let at = -1;
  for (let i = 0; i < n; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at !== -1, `"${needle}" not found`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

async function openText(relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = await writeFile(relative, text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

describe('statement diagnostics and quick fixes', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows problems at their exact range and follows edits', async () => {
    const editor = await openText('typos.statement', '---\nparties: [CN, BYY]\n---\nThe [Belarusian side]{#belarus-sid} supports [it]{.initiativ}.\n');
    const { document } = editor;
    await waitFor(() => problems(document.uri).length === 3, 'three diagnostics');
    assert.deepStrictEqual(problems(document.uri), [
      '1:14-1:17 unknown-party front matter: party `BYY` is not in any glossary',
      '3:23-3:34 unknown-id annotation names `#belarus-sid`, which no glossary defines',
      '3:51-3:60 unknown-class unknown annotation class `.initiativ` (expected a term kind or .commitment)',
    ]);
    assert.ok(vscode.languages.getDiagnostics(document.uri).every((d) => d.severity === vscode.DiagnosticSeverity.Warning));

    // Fix the party by typing; move the annotations by inserting words before them.
    await editor.edit((e) => {
      e.replace(rangeOf(document, 'BYY'), 'BY');
      e.insert(new vscode.Position(3, 0), 'Today ');
    });
    await waitFor(() => problems(document.uri).length === 2, 'the party diagnostic to go');
    assert.deepStrictEqual(problems(document.uri), [
      '3:29-3:40 unknown-id annotation names `#belarus-sid`, which no glossary defines',
      '3:57-3:66 unknown-class unknown annotation class `.initiativ` (expected a term kind or .commitment)',
    ]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a mistyped party: "Did you mean `BY`?" fixes it', async () => {
    const { document } = await openText('party-typo.statement', '---\nparties: [CN, BYY]\n---\nThe two sides agreed to meet.\n');
    await waitFor(() => problems(document.uri).length === 1, 'the party diagnostic');
    const actions = await quickFixes(document.uri, rangeOf(document, 'BYY'));
    const fix = actions.find((a) => a.title === 'Did you mean `BY` (Belarus)?');
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /parties: \[CN, BY\]/);
    await waitFor(() => problems(document.uri).length === 0, 'the diagnostic to disappear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('an unknown #id: "Change to" the nearest id, or a class to the nearest kind', async () => {
    const { document } = await openText('id-typo.statement', 'The two sides support the [Global Development Initiative]{#global-developement-initiative} and [Kenya]{.prty}.\n');
    await waitFor(() => problems(document.uri).length === 2, 'two diagnostics');
    const change = (await quickFixes(document.uri, rangeOf(document, 'global-developement'))).find((a) => a.title.startsWith('Change to `#global-development-initiative`'));
    assert.ok(change?.edit);
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    const kind = (await quickFixes(document.uri, rangeOf(document, 'prty'))).find((a) => a.title === 'Change to `.party`');
    assert.ok(kind?.edit);
    assert.ok(await vscode.workspace.applyEdit(kind.edit));
    assert.match(document.getText(), /\{#global-development-initiative\} and \[Kenya\]\{\.party\}/);
    await waitFor(() => problems(document.uri).length === 0, 'the diagnostics to disappear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('an unknown #id: "Add it to <glossary>" adds the entry in the open glossary, and the diagnostic goes', async () => {
    const glossary = await writeFile('add-id.glossary.yaml', 'terms:\n  - term: Existing place\n    kind: concept\n');
    const { document } = await openText('add-id.statement', 'The leaders met in [Minsk city]{#minsk-city .concept}.\n');
    await waitFor(() => problems(document.uri).length === 1, 'the unknown id diagnostic');
    // The new glossary is offered once the extension has loaded it.
    const add = await waitFor(
      async () => (await quickFixes(document.uri, rangeOf(document, 'minsk-city'))).find((a) => a.title === 'Add `minsk-city` to add-id.glossary.yaml'),
      'the add action for the workspace glossary',
    );
    assert.ok(add.command);
    assert.strictEqual(await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? [])), true);
    const glossaryDoc = await vscode.workspace.openTextDocument(glossary);
    assert.strictEqual(
      glossaryDoc.getText(),
      'terms:\n  - term: Existing place\n    kind: concept\n  - id: minsk-city\n    term: Minsk city\n    kind: concept\n    summary: ""\n',
    );
    await waitFor(() => problems(document.uri).length === 0, 'the diagnostic to disappear once the glossary defines the id');
    await glossaryDoc.save();
    await vscode.workspace.fs.delete(glossary);
  });

  it('a selected phrase: "Add it to <glossary>"', async () => {
    const glossary = await writeFile('phrases.glossary.yaml', 'terms:\n  - term: Existing phrase\n    kind: concept\n');
    const editor = await openText('phrase.statement', 'The two sides will hold the Minsk Economic Forum in 2026.\n');
    const add = await waitFor(
      async () =>
        (await quickFixes(editor.document.uri, rangeOf(editor.document, 'Minsk Economic Forum'))).find((a) => a.title === 'Add “Minsk Economic Forum” to phrases.glossary.yaml'),
      'the add action for the selected phrase',
    );
    assert.ok(add.command);
    // The kind is asked in a quick pick; answer it as the user would.
    const [, target, entry] = add.command.arguments ?? [];
    assert.strictEqual(await vscode.commands.executeCommand(add.command.command, 'institution', target, entry), true);
    const glossaryDoc = await vscode.workspace.openTextDocument(glossary);
    assert.match(glossaryDoc.getText(), /- id: minsk-economic-forum\n {4}term: Minsk Economic Forum\n {4}kind: institution\n/);
    await glossaryDoc.save();
    await vscode.workspace.fs.delete(glossary);
  });

  it('a glossary file: an unknown kind changes to the nearest known one; a `see` to a built-in entry is no problem, a dangling one is one warning', async () => {
    const uri = await writeFile(
      'kinds.glossary.yaml',
      'terms:\n  - term: Foo Doctrine\n    kind: principal\n  - term: Bar Doctrine\n    kind: principle\n    see: [BY, nowhere]\n',
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor(() => problems(uri).length === 2, 'two diagnostics on the glossary');
    const listed = problems(uri);
    assert.strictEqual(listed.filter((p) => /nowhere/.test(p)).length, 1, JSON.stringify(listed));
    assert.ok(!listed.some((p) => /`BY`/.test(p)), JSON.stringify(listed));
    const kind = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'unknown-kind');
    assert.ok(kind);
    const fix = (await quickFixes(uri, kind.range)).find((a) => a.title === 'Change to `principle`');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(() => problems(uri).length === 1 && /nowhere/.test(problems(uri)[0]), 'the kind diagnostic to disappear');
    await document.save();
    await vscode.workspace.fs.delete(uri);
  });

  it('clears the diagnostics of a statement when it is closed', async () => {
    const { document } = await openText('closing.statement', 'The [sides]{#no-such-id} met.\n');
    await waitFor(() => problems(document.uri).length === 1, 'the diagnostic');
    // VS Code closes a document some time after its editor, when it sees fit; a change of language
    // closes it at once (and opens it again as plain text, which has no statement diagnostics).
    await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await waitFor(() => problems(document.uri).length === 0, 'the diagnostics to clear');
  });
});
