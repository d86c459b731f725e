/** Folding in a real editor: front matter, articles, numbered paragraphs and the lists under lead-ins. */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, open, waitFor } from './helpers';

/** The folding ranges VS Code gets for a document, as "first-last" with 1-based lines. */
async function foldingOf(doc: vscode.TextDocument): Promise<string[]> {
  const ranges = await waitFor(async () => {
    const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    return r && r.length > 0 && r;
  }, 'folding ranges');
  return ranges.map((r) => `${r.start + 1}-${r.end + 1}`);
}

describe('folding', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('folds the items under "WE HEREBY COMMIT TO:", across the titles between them', async () => {
    const { document } = await open('asean-us-aoip-2023.statement');
    assert.strictEqual(document.lineAt(12).text, 'WE HEREBY COMMIT TO:');
    assert.deepStrictEqual(await foldingOf(document), ['13-31']);
  });

  it('folds the front matter and each article of a treaty', async () => {
    // The treaty sample, given front matter: two lines of it, so every line below moves down by four.
    const treaty = readFileSync(path.resolve(__dirname, '../../../samples/treaty-excerpt.statement'), 'utf8');
    const doc = await vscode.workspace.openTextDocument({ language: 'statement', content: `---\ntitle: Fisheries\nparties: [CL, PE]\n---\n${treaty}` });
    await vscode.window.showTextDocument(doc);
    assert.deepStrictEqual(await foldingOf(doc), ['1-4', '13-15', '17-22', '24-27', '29-31', '33-35']);
    assert.strictEqual(doc.lineAt(16).text, 'Article 2');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
