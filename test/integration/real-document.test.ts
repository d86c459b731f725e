import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, hoverText, open, outlineOf, positionOf, waitFor } from './helpers';

/**
 * A published statement as it comes (no annotations): its commitments are list items under a
 * lead-in in capitals ("WE HEREBY COMMIT TO:" + "1. FULFILL …"), and its actor is "WE", the
 * leaders of ASEAN and the United States. The outline, the Commitments view, hovers and semantic
 * tokens must all show them.
 */
describe('a real statement: list items under a lead-in', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('outlines every item as a commitment of the lead-in\u2019s actor', async () => {
    const { document } = await open('asean-us-aoip-2023.statement');
    const symbols = await outlineOf(document);
    assert.strictEqual(symbols.length, 1, symbols.map((s) => s.name).join(' | '));
    const [we] = symbols;
    assert.match(we.name, /^Association of Southeast Asian Nations, United States — \d+ commitments$/);
    const items = we.children.map((c) => c.name.split(' — ')[0]);
    assert.ok(items.length >= 14, `${items.length} items`);
    for (const verb of ['FULFILL', 'EXPAND', 'PROMOTE', 'DEEPEN', 'SEEK to engage']) assert.ok(items.includes(verb), `${verb} in ${items.join(', ')}`);
    const fulfil = we.children[items.indexOf('FULFILL')];
    assert.strictEqual(document.lineAt(fulfil.range.start.line).text.slice(0, 11), '1. FULFILL ');
    assert.strictEqual(fulfil.detail, 'WE · pledge');
  });

  it('shows the items in the Commitments view under their parties, and hovers name both', async () => {
    const { document } = await open('asean-us-aoip-2023.statement');
    const view = vscode.extensions.getExtension<{ commitmentsView: () => { label: string; items: string[] }[] }>(EXTENSION_ID)!.exports.commitmentsView;
    const groups = await waitFor(() => {
      const g = view();
      return g.length > 0 && g[0].items.length >= 14 && g;
    }, 'the Commitments view of the ASEAN–U.S. statement');
    assert.match(groups[0].label, /^Association of Southeast Asian Nations, United States — \d+$/);
    const text = await waitFor(() => hoverText(document, positionOf(document, 'FULFILL', 1, 2)), 'a hover on FULFILL');
    assert.match(text, /Pledge/);
    assert.match(text, /ASEAN/);
    assert.match(text, /United States/);
  });

  it('marks the item verbs as commitment triggers with semantic tokens', async () => {
    const { document } = await open('asean-us-aoip-2023.statement');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await waitFor(() => vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri), 'semantic tokens');
    const commitment = legend.tokenTypes.indexOf('commitment');
    const triggers: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
      if (tokens.data[i + 3] === commitment) triggers.push(document.getText(new vscode.Range(line, char, line, char + tokens.data[i + 2])));
    }
    for (const verb of ['FULFILL', 'EXPAND', 'DEEPEN']) assert.ok(triggers.includes(verb), `${verb} in ${triggers.join(', ')}`);
  });
});
