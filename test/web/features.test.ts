/**
 * The web build's features in the web worker extension host (vscode.dev, github.dev): files come
 * through `workspace.fs` from the workspace's file system provider, and no Node API exists.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, hoverText, open, outlineOf, positionOf, semanticTokensOf, waitFor, writeFile } from '../integration/helpers';
import type { DiplomaticAnnotatorApi } from '../../src/extension';

const api = () => vscode.extensions.getExtension<DiplomaticAnnotatorApi>(EXTENSION_ID)!.exports;

describe('the web build in the web worker extension host', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('runs where there is no Node: no `process`, a web UI', () => {
    // The extension under test and this suite share the extension host: no `process` here means
    // it is a web worker, so the extension activated from its `browser` entry.
    assert.strictEqual(typeof process, 'undefined');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('explains a glossary term of a statement in its hover', async () => {
    const { document } = await open('china-belarus-2022.statement');
    assert.strictEqual(document.languageId, 'statement');
    const text = await waitFor(async () => {
      const t = await hoverText(document, positionOf(document, 'one-China principle', 1, 3));
      return t.includes('one-China') && t;
    }, 'a hover on the one-China principle');
    assert.match(text, /Taiwan/);
    const side = await waitFor(() => hoverText(document, positionOf(document, 'Belarusian side', 1, 4)), 'a hover on the Belarusian side');
    assert.match(side, /Republic of Belarus/);
  });

  it('colours terms and commitments with semantic tokens', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const decoded = await semanticTokensOf(document);
    const find = (text: string) => decoded.find((t) => t.text === text);
    assert.strictEqual(find('Global Development Initiative')?.type, 'initiative');
    assert.strictEqual(find('Belarusian side')?.type, 'party');
    assert.strictEqual(find('one-China principle')?.type, 'principle');
    assert.deepStrictEqual(find('firmly support'), { text: 'firmly support', type: 'commitment', modifiers: ['strong'], line: 4 });
  });

  it('outlines commitments by the parties that make them', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const symbols = await outlineOf(document);
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['China, Belarus — 9 commitments', 'Belarus — 4 commitments'],
    );
    assert.deepStrictEqual(
      symbols[1].children.map((c) => c.name.split(' — ')[0]),
      ['recognizes', 'opposes', 'supports', 'supports'],
    );
  });

  it('fills the Commitments view', async () => {
    await open('china-belarus-2022.statement');
    await vscode.commands.executeCommand('diplomaticAnnotator.showCommitments');
    const labels = () =>
      api()
        .commitmentsView()
        .map((g) => g.label)
        .join(' | ');
    await waitFor(() => labels() === 'China, Belarus — 9 | Belarus — 4', `groups by party (now: ${labels()})`);
    assert.match(api().commitmentsView()[1].items[3], /^supports — the Global Development Initiative/);
  });

  it('reads a workspace glossary through workspace.fs and shows its entry in the hover', async () => {
    const { document } = await open('china-belarus-2022.statement');
    const at = positionOf(document, 'Samarkand', 1, 2);
    const glossary = await writeFile('places.glossary.yaml', 'terms:\n  - term: Samarkand\n    kind: concept\n    summary: A city in Uzbekistan, host of the 2022 SCO summit.\n');
    await waitFor(async () => (await hoverText(document, at)).includes('host of the 2022 SCO summit'), 'the workspace entry in the hover', 20_000);
    await vscode.workspace.fs.delete(glossary);
    await waitFor(async () => !(await hoverText(document, at)).includes('host of the 2022 SCO summit'), 'the entry to disappear with its file', 20_000);
  });

  it('locates the problems of a workspace glossary', async () => {
    const uri = await writeFile('broken.glossary.yaml', 'terms:\n  - term: Foo\n    kind: principal\n');
    const [problem] = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 && d;
    }, 'a diagnostic on the broken glossary');
    assert.match(problem.message, /unknown kind/);
    assert.deepStrictEqual([problem.range.start.line, problem.range.start.character], [2, 10]);
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'the diagnostic to go with its file');
  });

  it('has logged no error', () => {
    assert.deepStrictEqual(api().loggedErrors, []);
  });
});
