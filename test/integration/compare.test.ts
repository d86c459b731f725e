import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, waitFor, workspaceUri } from './helpers';

/** The arguments of the reveal links of a report page, in page order. */
function revealLinks(html: string): { row: string; args: [string, number, number] }[] {
  const out: { row: string; args: [string, number, number] }[] = [];
  for (const row of html.split('\n').filter((l) => l.startsWith('<tr data-change='))) {
    for (const m of row.matchAll(/href="command:diplomaticAnnotator\.revealComparedSentence\?([^"]+)"/g)) {
      out.push({ row, args: JSON.parse(decodeURIComponent(m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))))) });
    }
  }
  return out;
}

describe('Compare Commitments with…', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('compares two statements selected in the Explorer in a report beside the editor; a link selects the sentence', async () => {
    const oldUri = workspaceUri('china-belarus-2022.statement');
    const newUri = workspaceUri('china-belarus-2022-edited.statement');
    const result = await vscode.commands.executeCommand<{ html: string; summary: string; old: string; new: string }>('diplomaticAnnotator.compareCommitments', oldUri, [
      oldUri,
      newUri,
    ]);
    assert.ok(result, 'the command returned no report');
    assert.deepStrictEqual([result.old, result.new], ['china-belarus-2022.statement', 'china-belarus-2022-edited.statement']);
    assert.strictEqual(result.summary, '6 changed, 2 added, 1 dropped, 6 kept; terms: 0 added, 3 dropped');
    for (const heading of ['Negated (1)', 'Retyped (1)', 'Actor changed (1)', 'Strengthened (1)', 'Weakened (1)', 'Reworded (1)', 'Added (2)', 'Dropped (1)']) {
      assert.ok(result.html.includes(`>${heading}</h2>`), heading);
    }
    assert.match(result.html, /<ins>firmly<\/ins> supports all efforts/);
    assert.match(result.html, /<del>firmly<\/del> support each other/);
    assert.doesNotMatch(result.html, /<script/);
    // The report is open as a tab of its own.
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Commitments:')),
      'the report tab',
    );

    // The negated item's new side: the sentence of its own in the edited statement.
    const negated = revealLinks(result.html).filter((l) => l.row.startsWith('<tr data-change="negated"'));
    assert.strictEqual(negated.length, 2);
    const [uri, start, end] = negated[1].args;
    assert.strictEqual(uri, newUri.toString());
    assert.strictEqual(await vscode.commands.executeCommand('diplomaticAnnotator.revealComparedSentence', uri, start, end), true);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === newUri.toString() && e;
    }, 'the edited statement in an editor');
    assert.strictEqual(editor.document.getText(editor.selection), 'The Belarusian side does not oppose any form of "Taiwan independence."');

    // And the old side of the same item, in the reference statement.
    const [oldTarget, oldStart, oldEnd] = negated[0].args;
    await vscode.commands.executeCommand('diplomaticAnnotator.revealComparedSentence', oldTarget, oldStart, oldEnd);
    const oldEditor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === oldUri.toString() && e;
    }, 'the reference statement in an editor');
    assert.match(oldEditor.document.getText(oldEditor.selection), /^Reiterating its adherence to the one-China principle, .* opposes any form of "Taiwan independence,"/);
  });

  it('refuses more than two selected statements with a message, opening nothing', async () => {
    const uris = ['china-belarus-2022.statement', 'china-belarus-2022-edited.statement', 'chile-viet-nam.statement'].map(workspaceUri);
    const result = await vscode.commands.executeCommand('diplomaticAnnotator.compareCommitments', uris[0], uris);
    assert.strictEqual(result, undefined);
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.startsWith('Commitments:')));
  });
});
