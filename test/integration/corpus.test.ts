import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, open, positionOf, waitFor, workspaceUri, writeFile } from './helpers';

const BELARUS = 'china-belarus-2022.statement';
const BANGLADESH = 'zh-china-bangladesh-2019.statement';
const UAE = 'zh-china-uae-2019.statement';

const isOpen = (relative: string) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === workspaceUri(relative).toString());
const nameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The text a location covers, read from disk (without opening the document). */
async function textAt(location: vscode.Location): Promise<string> {
  const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(location.uri)).split('\n');
  const { start, end } = location.range;
  assert.strictEqual(start.line, end.line, 'a term on one line');
  return lines[start.line].slice(start.character, end.character);
}

describe('Corpus navigation', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Find All References on a term lists it in every statement of the workspace, closed ones included', async () => {
    assert.ok(!isOpen(BANGLADESH) && !isOpen(UAE), 'the Chinese statements must not be open yet');
    const editor = await open(BELARUS);
    const at = positionOf(editor.document, 'one-China principle', 1, 3);
    const locations = await waitFor(
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at).then((l) => (l && l.length > 0 ? l : undefined)),
      'references',
    );
    const files = new Set(locations.map((l) => nameOf(l.uri)));
    for (const f of [BELARUS, 'china-belarus-2022-edited.statement', BANGLADESH, UAE]) assert.ok(files.has(f), `${f} is missing from ${[...files].join(', ')}`);
    // Read through the file system, not opened.
    assert.ok(!isOpen(BANGLADESH), 'the closed statement was opened');
    for (const l of locations.filter((l) => nameOf(l.uri) === BANGLADESH || nameOf(l.uri) === UAE)) assert.strictEqual(await textAt(l), '一个中国原则');
    for (const l of locations.filter((l) => nameOf(l.uri) === BELARUS)) assert.strictEqual(editor.document.getText(l.range), 'one-China principle');
    // As many as each text has.
    const inUae = locations.filter((l) => nameOf(l.uri) === UAE).length;
    const uaeText = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(UAE)));
    assert.strictEqual(inUae, (uaeText.match(/一个中国原则/g) ?? []).length);
  });

  it('Find All References sees a statement created after the first search, and an edit on disk of a closed one', async () => {
    const editor = await open(BELARUS);
    const at = positionOf(editor.document, 'one-China principle', 1, 3);
    const references = () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    const inNew = async () => (await references()).filter((l) => nameOf(l.uri) === 'corpus-new.statement').length;
    assert.strictEqual(await inNew(), 0);
    const created = await writeFile('corpus-new.statement', '---\ndate: 2026-01-01\n---\nThe two sides reaffirm the one-China principle.\n');
    try {
      await waitFor(async () => (await inNew()) === 1, 'the new statement among the references');
      await writeFile('corpus-new.statement', '---\ndate: 2026-01-01\n---\nThe one-China principle. The one-China principle.\n');
      await waitFor(async () => (await inNew()) === 2, 'the edited statement read again');
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitFor(async () => (await inNew()) === 0, 'the deleted statement gone');
  });

  it('Find All References on an entry of a workspace glossary lists where the statements use it', async () => {
    const glossaryUri = await writeFile(
      'corpus-test.glossary.yaml',
      ['terms:', '  - id: global-development-initiative', '    term: Global Development Initiative', '    kind: initiative', '    aliases: [GDI]', ''].join('\n'),
    );
    try {
      const doc = await vscode.workspace.openTextDocument(glossaryUri);
      await vscode.window.showTextDocument(doc);
      const at = new vscode.Position(1, '  - id: global'.length);
      const locations = await waitFor(
        () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at).then((l) => l?.some((x) => nameOf(x.uri) === BELARUS) && l),
        'references from the glossary',
      );
      const belarus = locations.filter((l) => nameOf(l.uri) === BELARUS);
      assert.ok(belarus.length >= 1);
      for (const l of belarus) assert.strictEqual(await textAt(l), 'Global Development Initiative');
      // On another line of the entry: none.
      const none = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, new vscode.Position(3, 8));
      assert.deepStrictEqual(none ?? [], []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(glossaryUri);
    }
  });

  it('Go to Symbol in Workspace finds commitments by the term they commit to, and terms, with the file as container', async () => {
    const symbols = await waitFor(
      () =>
        vscode.commands
          .executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'supports Global Development')
          .then((s) => (s && s.length > 0 ? s : undefined)),
      'workspace symbols',
    );
    const gdi = symbols.find((s) => s.name === 'supports — Global Development Initiative' && s.containerName === BELARUS);
    assert.ok(gdi, symbols.map((s) => `${s.name} (${s.containerName})`).join('\n'));
    assert.strictEqual(gdi.kind, vscode.SymbolKind.Event);
    const doc = await vscode.workspace.openTextDocument(gdi.location.uri);
    assert.match(doc.getText(gdi.location.range), /^supports the Global Development Initiative/);

    const terms = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'one-China principle');
    const containers = new Set(terms.filter((s) => s.name === 'one-China principle').map((s) => s.containerName));
    for (const f of [BELARUS, BANGLADESH, UAE]) assert.ok(containers.has(f), `${f} is missing from ${[...containers].join(', ')}`);
  });

  it('Show Term Timeline on the term under the cursor reports it by date, with who commits to it, each occurrence a link', async () => {
    const editor = await open(BELARUS);
    editor.selection = new vscode.Selection(positionOf(editor.document, 'one-China principle', 1, 2), positionOf(editor.document, 'one-China principle', 1, 2));
    const result = await vscode.commands.executeCommand<{ id: string; html: string; summary: string }>('diplomaticAnnotator.showTermTimeline');
    assert.ok(result, 'the command returned no report');
    assert.strictEqual(result.id, 'one-china-principle');
    assert.match(result.summary, /^one-China principle \(one-china-principle\): in \d+ of \d+ documents, 2019-07-07 to 2019-07-23$/);
    const html = result.html;
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /default-src 'none'/);
    // Oldest first, the undated statements last.
    const order = [BANGLADESH, UAE, BELARUS].map((f) => html.indexOf(`<td>${f}</td>`));
    assert.ok(order.every((i) => i > 0) && order[0] < order[1] && order[1] < order[2], String(order));
    // China supports the principle in the China–Bangladesh statement.
    const bangladeshRow = html.split('\n').find((l) => l.includes(`<td>${BANGLADESH}</td>`))!;
    assert.match(bangladeshRow, /<span class="type">support<\/span> China/);
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Timeline: one-China principle'),
      'the report tab',
    );

    // The link of the occurrence in the closed statement selects it there.
    const link = /href="command:diplomaticAnnotator\.revealComparedSentence\?([^"]+)"/.exec(bangladeshRow);
    assert.ok(link, bangladeshRow);
    const args = JSON.parse(decodeURIComponent(link[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))))) as [string, number, number];
    await vscode.commands.executeCommand('diplomaticAnnotator.revealComparedSentence', ...args);
    const shown = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && nameOf(e.document.uri) === BANGLADESH && e;
    }, 'the statement in an editor');
    assert.strictEqual(shown.document.getText(shown.selection), '一个中国原则');
  });
});
