import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, hoverText, open, outlineOf, positionOf, semanticTokensOf, waitFor, workspaceUri, writeFile } from './helpers';

describe('editor features on the reference statement', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens .statement files in the statement language', async () => {
    const editor = await open('china-belarus-2022.statement');
    assert.strictEqual(editor.document.languageId, 'statement');
  });

  it('explains the one-China principle, mentioning Taiwan', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const text = await waitFor(async () => {
      const t = await hoverText(document, positionOf(document, 'one-China principle', 1, 3));
      return t.includes('one-China') && t;
    }, 'a hover on the one-China principle');
    assert.match(text, /Taiwan/);
    assert.match(text, /Principle/);
  });

  it('names the Republic of Belarus on the Belarusian side', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const text = await waitFor(() => hoverText(document, positionOf(document, 'Belarusian side', 1, 4)), 'a hover on the Belarusian side');
    assert.match(text, /Republic of Belarus/);
  });

  it('describes a commitment on its trigger', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const text = await waitFor(() => hoverText(document, positionOf(document, 'opposes any form', 1, 2)), 'a hover on "opposes"');
    assert.match(text, /Opposition/);
    assert.match(text, /the Belarusian side/);
    assert.match(text, /Belarus \(`BY`\)/);
  });

  it('outlines commitments by the parties that make them', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const symbols = await outlineOf(document);
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['China, Belarus — 9 commitments', 'Belarus — 4 commitments'],
    );
    const belarus = symbols[1];
    assert.deepStrictEqual(
      belarus.children.map((c) => c.name.split(' — ')[0]),
      ['recognizes', 'opposes', 'supports', 'supports'],
    );
    assert.strictEqual(belarus.children[2].detail, 'the Belarusian side · support');
    const gdi = belarus.children[3];
    assert.match(gdi.name, /^supports — the Global Development Initiative/);
    assert.strictEqual(gdi.range.start.line, 7);
    assert.strictEqual(document.getText(gdi.selectionRange), 'supports');
  });

  it('colours parties and initiatives with semantic tokens', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const decoded = await semanticTokensOf(document);
    const find = (text: string) => decoded.find((t) => t.text === text);
    assert.strictEqual(find('Global Development Initiative')?.type, 'initiative');
    assert.strictEqual(find('Belarusian side')?.type, 'party');
    assert.strictEqual(find('one-China principle')?.type, 'principle');
    assert.deepStrictEqual(find('firmly support'), { text: 'firmly support', type: 'commitment', modifiers: ['strong'], line: 4 });
  });

  it('goes to the definition of a term in its glossary file', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const locations = await waitFor(
      () =>
        vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          document.uri,
          positionOf(document, 'Global Development Initiative', 1, 3),
        ),
      'a definition',
    );
    const loc = locations[0] as vscode.Location;
    assert.match(loc.uri.path, /glossary\/initiatives\.yaml$/);
    const glossary = await vscode.workspace.openTextDocument(loc.uri);
    assert.match(glossary.lineAt(loc.range.start.line).text + glossary.lineAt(loc.range.start.line + 1).text, /global-development-initiative|Global Development Initiative/);
  });

  it('works on the Chinese statement', async () => {
    const { document } = await open('zh-joint-statement.statement');
    const text = await waitFor(() => hoverText(document, positionOf(document, '白方', 1, 1)), 'a hover on 白方');
    assert.match(text, /Belarus/);
    const symbols = await outlineOf(document);
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['China, Belarus — 5 commitments', 'Belarus — 5 commitments'],
    );
  });
});

describe('workspace glossaries', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a workspace glossary edited during the session changes the hover, without a reload', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const at = positionOf(document, 'Samarkand', 1, 2);
    const glossary = await writeFile('places.glossary.yaml', 'terms:\n  - term: Samarkand\n    kind: concept\n    summary: A city in Uzbekistan, host of the 2022 SCO summit.\n');
    await waitFor(async () => (await hoverText(document, at)).includes('host of the 2022 SCO summit'), 'the workspace entry in the hover');
    await writeFile('places.glossary.yaml', 'terms:\n  - term: Samarkand\n    kind: concept\n    summary: Edited summary of Samarkand.\n');
    await waitFor(async () => (await hoverText(document, at)).includes('Edited summary'), 'the edited entry in the hover');
    await vscode.workspace.fs.delete(glossary);
    await waitFor(async () => !(await hoverText(document, at)).includes('Edited summary'), 'the entry to disappear with its file');
  });

  it('a broken glossary gets diagnostics at the right line while built-in hovers keep working; fixing it clears them', async () => {
    const uri = await writeFile('broken.glossary.yaml', 'terms:\n  - term: Foo\n    kind: principal\n  - term: Bar\n    kind: concept\n    see: [nowhere]\n');
    const diagnostics = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length >= 2 && d;
    }, 'diagnostics on the broken glossary');
    const kind = diagnostics.find((d) => /unknown kind/.test(d.message));
    assert.ok(kind, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.strictEqual(kind.range.start.line, 2);
    assert.strictEqual(kind.range.start.character, 10);
    assert.strictEqual(kind.severity, vscode.DiagnosticSeverity.Error);
    const see = diagnostics.find((d) => /nowhere/.test(d.message));
    assert.strictEqual(see?.severity, vscode.DiagnosticSeverity.Warning);

    const { document } = await open('china-belarus-2022.statement');
    assert.match(await waitFor(() => hoverText(document, positionOf(document, 'Belarusian side', 1, 4)), 'built-in hover'), /Republic of Belarus/);

    await writeFile('broken.glossary.yaml', 'terms:\n  - term: Foo\n    kind: principle\n');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics to clear');
    await vscode.workspace.fs.delete(uri);
  });

  it('a YAML syntax error is an error at its line', async () => {
    const uri = await writeFile('syntax.glossary.yaml', 'terms:\n  - term: Foo\n    kind: concept\n  - term: "Bar\n    kind: concept\n');
    const [d] = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.length > 0 && list;
    }, 'a syntax diagnostic');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.range.start.line, 3);
    await vscode.workspace.fs.delete(uri);
  });

  it('an entry whose asOf is older than glossary.maxAgeDays gets a warning at its line; 0 turns it off', async () => {
    const config = vscode.workspace.getConfiguration('diplomaticAnnotator');
    const uri = await writeFile('dated.glossary.yaml', 'terms:\n  - term: Foo\n    kind: concept\n  - term: Old\n    kind: concept\n    asOf: 2000-01-01\n');
    const [d] = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.length > 0 && list;
    }, 'a staleness warning');
    assert.match(d.message, /`old` was last checked \d+ days ago \(asOf 2000-01-01, more than 365 days\)/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(d.range.start.line, 3);
    try {
      await config.update('glossary.maxAgeDays', 0, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'the warning to go with maxAgeDays 0');
    } finally {
      await config.update('glossary.maxAgeDays', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(uri);
    }
  });
});

describe('writing commands', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('annotates the selection in one undo step', async () => {
    const editor = await open('china-belarus-2022.statement');
    const doc = editor.document;
    const original = doc.getText();
    const start = positionOf(doc, 'Global Development Initiative', 1, 0);
    editor.selection = new vscode.Selection(start, start.translate(0, 'Global Development Initiative'.length));
    assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.annotateSelection', 'initiative'), true);
    assert.match(doc.getText(), /\[Global Development Initiative\]\{#global-development-initiative\}/);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
  });

  it('wraps a commitment with its type', async () => {
    const editor = await open('china-belarus-2022.statement');
    const doc = editor.document;
    const start = positionOf(doc, 'will deepen', 1, 0);
    editor.selection = new vscode.Selection(start, start.translate(0, 'will deepen'.length));
    await vscode.commands.executeCommand('diplomaticAnnotator.annotateSelection', 'commitment: pledge');
    assert.match(doc.getText(), /\[will deepen\]\{\.commitment type=pledge\}/);
    await vscode.commands.executeCommand('undo');
  });

  it('adds the selection to a workspace glossary, keeping the file as it was', async () => {
    const target = await writeFile('mine.glossary.yaml', '# My terms\nterms:\n  - term: Existing   # keep this comment\n    kind: concept\n');
    const editor = await open('china-belarus-2022.statement');
    const start = positionOf(editor.document, 'Samarkand', 1, 0);
    editor.selection = new vscode.Selection(start, start.translate(0, 'Samarkand'.length));
    assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.addToGlossary', 'concept', target), true);
    const glossary = await vscode.workspace.openTextDocument(target);
    assert.strictEqual(
      glossary.getText(),
      '# My terms\nterms:\n  - term: Existing   # keep this comment\n    kind: concept\n  - id: samarkand\n    term: Samarkand\n    kind: concept\n    summary: ""\n',
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    await glossary.save();
  });

  it('exports the commitments as JSON in the CLI schema', async () => {
    await open('china-belarus-2022.statement');
    const content = await vscode.commands.executeCommand<string>('diplomaticAnnotator.exportCommitments', 'json', 'editor');
    const doc = JSON.parse(content).documents[0];
    assert.strictEqual(doc.commitments.length, 13);
    assert.deepStrictEqual(
      doc.parties.map((p: { id: string }) => p.id),
      ['CN', 'BY'],
    );
  });

  it('exports a CSV file', async () => {
    await open('china-belarus-2022.statement');
    const target = workspaceUri('export.csv');
    await vscode.commands.executeCommand('diplomaticAnnotator.exportCommitments', 'csv', target);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.strictEqual(csv.trim().split('\n').length, 14);
  });

  it('shows the Commitments view: by party, by type, filtered, following the text as it is typed', async () => {
    const editor = await open('china-belarus-2022.statement');
    await vscode.commands.executeCommand('diplomaticAnnotator.showCommitments');
    const view = vscode.extensions.getExtension<{ commitmentsView: () => { label: string; items: string[] }[] }>(EXTENSION_ID)!.exports.commitmentsView;
    const labels = () =>
      view()
        .map((g) => g.label)
        .join(' | ');
    await waitFor(() => labels() === 'China, Belarus — 9 | Belarus — 4', `groups by party (now: ${labels()})`);
    assert.match(view()[1].items[3], /^supports — the Global Development Initiative/);
    await vscode.commands.executeCommand('diplomaticAnnotator.groupByType');
    assert.strictEqual(labels(), 'pledge — 7 | support — 3 | oppose — 1 | affirm — 2');
    await vscode.commands.executeCommand('diplomaticAnnotator.filterCommitments', ['oppose', 'affirm']);
    assert.strictEqual(labels(), 'oppose — 1 | affirm — 2');
    await vscode.commands.executeCommand('diplomaticAnnotator.filterCommitments', ['pledge', 'support', 'oppose', 'affirm', 'request']);
    await vscode.commands.executeCommand('diplomaticAnnotator.groupByParty');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\nThe Belarusian side welcomes the agreement.'));
    await waitFor(() => labels() === 'China, Belarus — 9 | Belarus — 5', `the view to follow the edit (now: ${labels()})`);
    await vscode.commands.executeCommand('undo');
  });
});
