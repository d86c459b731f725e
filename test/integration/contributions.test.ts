// package.json against the running extension: once activated, every command it contributes is
// registered, and every `diplomaticAnnotator.*` command registered is one it contributes
// (test/unit/contributions.test.ts reads the same from the sources, and shows the check can fail).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate } from './helpers';

describe('contributions', () => {
  it('registers exactly the commands package.json contributes', async () => {
    await activate();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const declared = ((ext.packageJSON.contributes.commands ?? []) as { command: string }[]).map((c) => c.command).sort();
    const views = ((ext.packageJSON.contributes.views?.explorer ?? []) as { id: string }[]).map((v) => v.id);
    // VS Code adds `<view id>.focus` and the like for each view: those are not ours to declare.
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('diplomaticAnnotator.') && !views.some((v) => c.startsWith(`${v}.`))).sort();
    assert.deepStrictEqual(registered, declared);
  });
});
