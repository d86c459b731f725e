/**
 * Editor figures on a 1 MB statement, measured inside a real VS Code and printed (never asserted
 * on time): semantic tokens, tokens after a one-line edit, outline, hover, completions, activation,
 * bundle size.
 */
import * as assert from 'assert';
import { statSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, waitFor, writeFile } from './helpers';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(fn: () => Thenable<T> | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

describe('editor performance (figures printed, not asserted)', () => {
  before(activate);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('measures a 1 MB statement', async function () {
    this.timeout(180_000);
    // Distinct paragraphs (numbered lines of the workspace statements), so that nothing is shared
    // between repeated blocks: every block is analysed for real.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const sources = await Promise.all(
      ['china-belarus-2022.statement', 'joint-statement.statement', 'zh-joint-statement.statement'].map(async (f) =>
        (await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, f))).toString(),
      ),
    );
    const body = sources.map((t) => t.replace(/^---[\s\S]*?\n---\n/, '')).join('\n\n');
    let n = 0;
    const parts: string[] = [];
    for (let size = 0; size < 1_000_000;) {
      const numbered = body.replace(/^(?=\S)/gm, () => `(${++n}) `);
      parts.push(numbered);
      size += numbered.length;
    }
    const text = parts.join('\n\n');
    const uri = await writeFile('big.statement', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const figures: Record<string, string> = {};
    const api = vscode.extensions.getExtension<{ activationMs: number; timings: () => Record<string, number[]> }>(EXTENSION_ID)!.exports;
    const tokens = async () => timed(() => vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri));
    // Provider samples from earlier tests (small documents) are left out of the figures.
    const samplesBefore = Object.fromEntries(Object.entries(api.timings()).map(([k, v]) => [k, v.length]));

    const first = await waitFor(
      async () => {
        const r = await tokens();
        return r.value && r.value.data.length > 0 && r;
      },
      'semantic tokens on the big file',
      60_000,
    );
    figures['semantic tokens, first request (cold: analyses 1 MB)'] = `${first.ms.toFixed(1)} ms, ${first.value.data.length / 5} tokens`;
    const again: number[] = [];
    for (let i = 0; i < 3; i++) again.push((await tokens()).ms);
    figures['semantic tokens, full, unchanged document (median of 3)'] = `${median(again).toFixed(1)} ms`;

    // One-line edits in the middle, as typing does; VS Code then asks the provider for token edits.
    const edits = () => api.timings()['semantic tokens (edits)']?.length ?? 0;
    const middle = doc.positionAt(text.indexOf('\n', text.length / 2) + 1);
    const afterEdit: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = edits();
      await editor.edit((e) => e.insert(middle.translate(0, 4), `word${i} `));
      // VS Code asks for token edits on its own after a change (the editor is visible).
      await waitFor(() => edits() > before, 'VS Code asking for semantic token edits', 10_000).catch(() => undefined);
      afterEdit.push((await tokens()).ms);
    }
    figures['semantic tokens after a one-line edit, full request (median of 7)'] = `${median(afterEdit).toFixed(1)} ms`;
    const outline = await timed(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri));
    figures['outline (cached analysis)'] = `${outline.ms.toFixed(1)} ms, ${outline.value.length} actors`;
    const at = doc.positionAt(text.lastIndexOf('Global Development Initiative') + 3);
    const hovers: number[] = [];
    for (let i = 0; i < 5; i++) hovers.push((await timed(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at))).ms);
    figures['hover (median of 5, includes the command round trip)'] = `${median(hovers).toFixed(1)} ms`;
    // Completions: every glossary id after `{#`, at the end of the 1 MB statement.
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), '\n[the Belarusian side]{#'));
    const end = doc.positionAt(doc.getText().length);
    const completions: number[] = [];
    let offered = 0;
    for (let i = 0; i < 5; i++) {
      const r = await timed(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end, '#'));
      completions.push(r.ms);
      offered = r.value.items.length;
    }
    figures['completions after {# (median of 5, includes the round trip)'] = `${median(completions).toFixed(1)} ms, ${offered} items`;
    figures['activation'] = `${api.activationMs.toFixed(1)} ms`;
    for (const [name, all] of Object.entries(api.timings())) {
      // The timings keep the last 1,000 samples (far more than the suite takes): this test's are at the end.
      const fresh = Math.max(0, all.length - (samplesBefore[name] ?? 0));
      const samples = all.slice(all.length - fresh);
      if (samples.length === 0) continue;
      figures[`  inside: ${name} (first; median of last ${Math.min(samples.length, 5)})`] = `${samples[0].toFixed(1)} ms; ${median(samples.slice(-5)).toFixed(1)} ms`;
    }
    const bundle = statSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'extension.js')).size;
    figures['bundle dist/extension.js'] = `${(bundle / 1024).toFixed(0)} KB`;
    console.log(`\n    Editor figures, ${(text.length / 1e6).toFixed(2)} M characters:`);
    for (const [k, v] of Object.entries(figures)) console.log(`      ${k.padEnd(56)} ${v}`);
    assert.ok(outline.value.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
