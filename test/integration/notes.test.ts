import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CommitmentsSnapshot } from '../../src/vscode/commitmentsView';
import { EXTENSION_ID, activate, hoverText, open, outlineOf, positionOf, waitFor } from './helpers';

/**
 * Notes (`{note="…"}`) and grouping by resolved parties, on a statement whose commitments name
 * Chile and Viet Nam in four ways, with a hand-annotated commitment that names no parties.
 */
describe('notes and parties in the editor', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const view = () => vscode.extensions.getExtension<{ commitmentsView: () => CommitmentsSnapshot }>(EXTENSION_ID)!.exports.commitmentsView();

  it('shows a note in the hover of the words it is on: a term, a commitment, words with nothing else', async () => {
    const { document } = await open('chile-viet-nam.statement');
    const term = await waitFor(async () => {
      const t = await hoverText(document, positionOf(document, 'comprehensive partnership', 1, 3));
      return t.includes('Note:') && t;
    }, 'a note in the hover of the annotated term');
    assert.match(term, /Partnership title/);
    assert.match(term, /\*Note:\* the first such title for either side in Latin America/);

    const commitment = await waitFor(() => hoverText(document, positionOf(document, 'reaffirm their', 1, 2)), 'a hover on "reaffirm"');
    assert.match(commitment, /\*\*Affirmation\*\*/);
    assert.match(commitment, /\*Actor:\* The Republic of Chile and the Socialist Republic of Viet Nam/);
    assert.match(commitment, /\*Parties:\* Chile \(`CL`\), Viet Nam \(`VN`\)/);
    assert.match(commitment, /\*Committed to:\* their commitment to the Charter of the United Nations/);
    assert.match(commitment, /\*Note:\* wording of the 2017 statement/);

    const plain = await waitFor(() => hoverText(document, positionOf(document, 'their commitment', 1, 2)), 'a hover on noted words');
    assert.strictEqual(plain, '*Note:* wording of the 2017 statement');
  });

  it('outlines one group per set of parties, the actor’s words and notes as detail', async () => {
    const { document } = await open('chile-viet-nam.statement');
    const symbols = await outlineOf(document);
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['Chile, Viet Nam — 4 commitments', 'CL, VN'],
        ['Chile — 1 commitment', 'CL'],
      ],
    );
    assert.deepStrictEqual(
      symbols[0].children.map((c) => c.detail),
      [
        'The two sides · pledge · note: the first such title for either side in Latin America',
        'Both sides · pledge',
        'Chile and Viet Nam · support',
        'The Republic of Chile and the Socialist Republic of Viet Nam · affirm · note: wording of the 2017 statement',
      ],
    );
    const [chilean] = symbols[1].children;
    assert.strictEqual(chilean.detail, 'The Chilean side · support');
    assert.strictEqual(document.getText(chilean.range), 'took note with appreciation of the proposal for a direct shipping route');
  });

  it('shows the same groups in the Commitments view, with the actor’s words and notes on the items', async () => {
    await open('chile-viet-nam.statement');
    await vscode.commands.executeCommand('diplomaticAnnotator.showCommitments');
    const groups = await waitFor(
      () => {
        const g = view();
        return g.length === 2 && g[0].label.startsWith('Chile, Viet Nam') && g;
      },
      `the Commitments view of the Chile–Viet Nam statement (now: ${JSON.stringify(view().map((g) => g.label))})`,
    );
    assert.deepStrictEqual(
      groups.map((g) => [g.label, g.description]),
      [
        ['Chile, Viet Nam — 4', 'CL, VN'],
        ['Chile — 1', 'CL'],
      ],
    );
    assert.strictEqual(groups[0].descriptions[3], 'The Republic of Chile and the Socialist Republic of Viet Nam · affirm · note: wording of the 2017 statement');
    assert.match(groups[0].tooltips[0], /^The two sides: agreed to elevate \(pledge\) — line 8\nNote: the first such title for either side in Latin America$/);
    assert.strictEqual(groups[1].descriptions[0], 'The Chilean side · support');
    assert.doesNotMatch(groups.map((g) => g.label).join(' '), /Unattributed/);
  });

  it('exports each commitment with its note', async () => {
    await open('chile-viet-nam.statement');
    const json = JSON.parse(await vscode.commands.executeCommand<string>('diplomaticAnnotator.exportCommitments', 'json', 'editor')).documents[0];
    assert.deepStrictEqual(
      json.commitments.map((c: { note?: string }) => c.note ?? null),
      ['the first such title for either side in Latin America', null, null, 'wording of the 2017 statement', null],
    );
    // The JSON opened in an editor of its own: back to the statement.
    await open('chile-viet-nam.statement');
    const table = await vscode.commands.executeCommand<string>('diplomaticAnnotator.exportCommitments', 'markdown', 'editor');
    assert.match(table, /\| Note \|\n/);
    assert.match(table, /\| wording of the 2017 statement \|\n/);
  });
});
