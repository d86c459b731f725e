/**
 * Hostile and broken input in the editor (issue 15): writes only where the user chose, through an
 * edit they can undo and save; hovers without remote images or non-http(s) links; risky settings
 * refused; the extension host survives and keeps answering while hostile files are open.
 */
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, hoverMarkdown, hoverText, open, positionOf, waitFor, workspaceUri, writeFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('diplomaticAnnotator');

/** Opens the reference statement with "Samarkand" selected, ready for "Add Selection to Glossary". */
async function selectSamarkand(): Promise<void> {
  const editor = await open('china-belarus-2022.statement');
  const start = positionOf(editor.document, 'Samarkand', 1, 0);
  editor.selection = new vscode.Selection(start, start.translate(0, 'Samarkand'.length));
}

/** Removes workspace paths made by a test, whatever they are (file, folder, link). */
function remove(...uris: vscode.Uri[]): void {
  for (const uri of uris) rmSync(uri.fsPath, { recursive: true, force: true });
}

describe('hostile input in the editor', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  describe('Add Selection to Glossary', () => {
    it('refuses a glossary that is a symbolic link to a file outside the workspace, leaving that file as it was', async () => {
      const link = workspaceUri('linked.glossary.yaml');
      assert.strictEqual(link.scheme, 'file', 'the workspace is on the local file system of the extension host');
      const outsideDir = mkdtempSync(path.join(tmpdir(), 'da-outside-'));
      const outside = path.join(outsideDir, 'victim.yaml');
      const original = 'terms:\n  - term: Victim\n    kind: concept\n';
      writeFileSync(outside, original);
      symlinkSync(outside, link.fsPath);
      try {
        await selectSamarkand();
        assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.addToGlossary', 'concept', link), false);
        assert.strictEqual(readFileSync(outside, 'utf8'), original);
        const opened = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === link.fsPath || d.uri.fsPath === outside);
        assert.ok(!opened?.isDirty, 'no edit of the linked glossary is pending either');
      } finally {
        remove(link);
        rmSync(outsideDir, { recursive: true, force: true });
      }
    });

    it('edits a workspace glossary in its editor, unsaved and undoable: the disk changes only on save', async () => {
      const original = 'terms:\n  - term: Existing\n    kind: concept\n';
      const target = await writeFile('draft.glossary.yaml', original);
      try {
        await selectSamarkand();
        assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.addToGlossary', 'concept', target), true);
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
        assert.ok(doc, 'the glossary is open');
        assert.ok(doc.isDirty, 'the edit is not saved');
        assert.match(doc.getText(), /term: Samarkand/);
        assert.strictEqual(readFileSync(target.fsPath, 'utf8'), original);
        assert.strictEqual(vscode.window.activeTextEditor?.document, doc);
        await vscode.commands.executeCommand('undo');
        assert.strictEqual(doc.getText(), original);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } finally {
        remove(target);
      }
    });

    it('starts a new glossary as an unsaved document: nothing is created on disk before save', async () => {
      const target = workspaceUri('new-terms.glossary.yaml');
      await selectSamarkand();
      assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.addToGlossary', 'concept', target), true);
      const doc = vscode.window.activeTextEditor?.document;
      assert.ok(doc);
      assert.strictEqual(doc.uri.scheme, 'untitled');
      assert.strictEqual(doc.uri.path, target.path);
      // (The id is samarkand-2 when an earlier test left a Samarkand entry in the workspace.)
      assert.match(doc.getText(), /^terms:\n {2}- id: samarkand(-2)?\n {4}term: Samarkand\n {4}kind: concept\n {4}summary: ""\n$/);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file on disk yet');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('answers a folder or a dangling link named like the glossary with a clear refusal, not an error', async () => {
      const folder = workspaceUri('folder.glossary.yaml');
      const dangling = workspaceUri('dangling.glossary.yaml');
      mkdirSync(folder.fsPath);
      symlinkSync(path.join(tmpdir(), 'da-does-not-exist', 'x.yaml'), dangling.fsPath);
      try {
        await selectSamarkand();
        for (const target of [folder, dangling]) {
          assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.addToGlossary', 'concept', target), false, target.path);
        }
        // As a workspace glossary, the dangling link is a problem at its name; the folder is no glossary at all.
        await waitFor(() => vscode.languages.getDiagnostics(dangling).some((d) => /symbolic link to a file that does not exist/.test(d.message)), 'a diagnostic');
        assert.deepStrictEqual(vscode.languages.getDiagnostics(folder), []);
      } finally {
        remove(folder, dangling);
      }
    });
  });

  describe('hovers on a hostile workspace glossary', () => {
    const hostile = [
      '![](https://x.example/beacon.png) [x][r] <file:///etc/passwd> [a](command:workbench.action.quit)',
      '<img src="https://x.example/b.png"> me@x.example www.x.example',
      '',
      '[r]: file:///etc/passwd',
    ].join('\n');

    it('shows no image and links only to its http(s) sources, whatever the link syntax', async () => {
      const glossary = await writeFile(
        'hostile-links.glossary.yaml',
        [
          'terms:',
          '  - term: Zorblat Accord',
          '    kind: agreement',
          `    summary: ${JSON.stringify(hostile)}`,
          `    details: ${JSON.stringify(hostile)}`,
          '    sources: ["https://example.org/zorblat", "file:///etc/passwd", "command:workbench.action.quit"]',
          '',
        ].join('\n'),
      );
      const statement = await writeFile('hostile-links.statement', 'The two sides signed the Zorblat Accord.\n');
      try {
        const doc = await vscode.workspace.openTextDocument(statement);
        await vscode.window.showTextDocument(doc);
        const at = positionOf(doc, 'Zorblat', 1, 2);
        await waitFor(async () => (await hoverText(doc, at)).includes('Zorblat Accord'), 'the workspace entry in the hover');
        const md = await hoverMarkdown(doc, at);
        // The reader sees the hostile text, literally.
        assert.ok((await hoverText(doc, at)).includes('![](https://x.example/beacon.png) [x][r] <file:///etc/passwd>'), md);
        // What Markdown would act on: the text without its backslash-escaped characters.
        const structure = md.replace(/\\[\s\S]/g, '');
        assert.doesNotMatch(structure, /!\[|<|\]\[|\]:/, md);
        const destinations = [...structure.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
        assert.deepStrictEqual(
          destinations.filter((d) => !d.startsWith(glossary.with({ fragment: '' }).toString())),
          ['https://example.org/zorblat'],
          md,
        );
      } finally {
        remove(glossary, statement);
      }
    });
  });

  describe('settings', () => {
    it('does not turn the extension on in every file type with languages: ["*"]', async () => {
      const uri = await writeFile('wildcard.txt', 'The Belarusian side supports the Global Development Initiative.\n');
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        await config().update('languages', ['*'], vscode.ConfigurationTarget.Workspace);
        try {
          // The statement language stays on (the default), so the setting has been applied when a statement answers.
          const { document } = await open('china-belarus-2022.statement');
          await waitFor(async () => /Republic of Belarus/.test(await hoverText(document, positionOf(document, 'Belarusian side', 1, 4))), 'a hover in the statement');
          assert.strictEqual(await hoverText(doc, positionOf(doc, 'Global', 1, 2)), '');
        } finally {
          await config().update('languages', undefined, vscode.ConfigurationTarget.Workspace);
        }
      } finally {
        remove(uri);
      }
    });
  });

  describe('the extension host under hostile files', () => {
    const created: vscode.Uri[] = [];
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      remove(...created.splice(0));
    });

    it('survives two glossary files nested 100,000 deep, reports them and still answers hovers', async function () {
      this.timeout(120_000);
      const nested = 'terms:\n  - ' + '- '.repeat(100_000) + 'x';
      for (const name of ['a.glossary.yaml', 'b.glossary.yaml']) created.push(await writeFile(name, nested));
      for (const uri of created) {
        const errors = await waitFor(
          () => {
            const found = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
            return found.length > 0 && found;
          },
          `a located error on ${path.basename(uri.fsPath)}`,
          60_000,
        );
        assert.ok(errors[0].message.length > 0);
      }
      const { document } = await open('china-belarus-2022.statement');
      await waitFor(async () => /Republic of Belarus/.test(await hoverText(document, positionOf(document, 'Belarusian side', 1, 4))), 'a hover');
    });

    it('answers hovers in another file within 3 s while hostile statements are opened and analysed', async function () {
      this.timeout(180_000);
      const { document } = await open('china-belarus-2022.statement');
      const at = positionOf(document, 'Belarusian side', 1, 4);
      await waitFor(async () => /Republic of Belarus/.test(await hoverText(document, at)), 'a first hover');
      const brackets = 'a]{ '.repeat(100_000); // 400 KB
      const words = Array.from({ length: 10_000 }, () => 'word '.repeat(20)).join('\n'); // 1 MB, no punctuation
      for (const [name, text] of [
        ['brackets.statement', brackets],
        ['words.statement', words],
      ]) {
        const uri = await writeFile(name, text);
        created.push(uri);
        const hostileDoc = await vscode.workspace.openTextDocument(uri);
        // Show it and ask for its colours (what the editor does), without waiting for either.
        void vscode.window.showTextDocument(hostileDoc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
        void vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
        // For 5 s, hover again and again: each round trip (and the host between them) must stay under 3 s.
        const rounds: number[] = [];
        for (const end = Date.now() + 5000; Date.now() < end;) {
          const started = Date.now();
          assert.match(await hoverText(document, at), /Republic of Belarus/);
          await new Promise((resolve) => setTimeout(resolve, 50));
          rounds.push(Date.now() - started);
        }
        // 2 s is 20 times less than the host was blocked before; a loaded 2-core machine has come near it.
        assert.ok(Math.max(...rounds) < 3000, `with ${name} open, hovers took up to ${Math.max(...rounds)} ms (${rounds.length} hovers)`);
      }
    });

    it('answers hovers within 1 s while a 5 MB glossary the yaml package must read is parsed, then uses its entries', async function () {
      this.timeout(180_000);
      const { document } = await open('china-belarus-2022.statement');
      const at = positionOf(document, 'Belarusian side', 1, 4);
      await waitFor(async () => /Republic of Belarus/.test(await hoverText(document, at)), 'a first hover');
      // Flow mappings are not the fast reader's subset: the `yaml` package reads this, ~seconds per MB.
      const details = 'A long explanation of an unusual entry, written on one line as a quoted flow scalar. '.repeat(5);
      const lines = ['terms:'];
      for (let i = 0; i < 10_000; i++) lines.push(`  - {term: "Flow term ${i}", kind: concept, summary: "Flow entry ${i}.", details: "${details}"}`);
      const text = lines.join('\n') + '\n';
      assert.ok(text.length > 5_000_000, `${text.length} characters`);
      const probe = await writeFile('flow-probe.statement', 'The two sides support Flow term 9999.\n');
      created.push(probe);
      const probeDoc = await vscode.workspace.openTextDocument(probe);
      const probeAt = positionOf(probeDoc, 'Flow term 9999', 1, 2);
      assert.doesNotMatch(await hoverText(probeDoc, probeAt), /Flow entry 9999/);
      created.push(await writeFile('big-flow.glossary.yaml', text));
      // Hover again and again until the new entries arrive: each round trip must stay under 1 s.
      const rounds: number[] = [];
      for (const end = Date.now() + 120_000; ;) {
        const started = Date.now();
        assert.match(await hoverText(document, at), /Republic of Belarus/);
        const arrived = /Flow entry 9999/.test(await hoverText(probeDoc, probeAt));
        rounds.push(Date.now() - started);
        if (arrived) break;
        assert.ok(Date.now() < end, 'the entries of the large glossary never became available');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const slowest = Math.max(...rounds);
      const sorted = [...rounds].sort((a, b) => a - b);
      console.log(
        `      5 MB yaml-path glossary: ${rounds.length} hover rounds until its entries arrived; ` +
          `median ${sorted[sorted.length >> 1]} ms, slowest ${slowest} ms (${rounds.join(' ')})`,
      );
      // The last round is the one in which the 10,000 entries are merged and compiled on the host's
      // thread and the open statements analysed again: a one-off cost, bounded apart (before the
      // worker, the host was blocked ~40 s).
      const whileParsed = Math.max(...rounds.slice(0, -1));
      assert.ok(whileParsed < 1000, `while the glossary was parsed, hovers took up to ${whileParsed} ms (${rounds.length} rounds)`);
      assert.ok(slowest < 5000, `when its entries arrived, a hover took ${slowest} ms`);
      assert.ok(rounds.length > 3, `the glossary was ready after ${rounds.length} rounds: too quick to show anything`);
    });
  });
});
