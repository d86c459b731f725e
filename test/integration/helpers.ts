/** Helpers for integration tests inside VS Code: activation, documents, polling with a deadline. */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'diplomatic-annotator.diplomatic-annotator';

/** Activates the extension and waits until workspace glossaries are loaded. */
export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  // The extension exports its test API only in ExtensionMode.Test (started with --extensionTestsPath).
  assert.ok(api, `${EXTENSION_ID} returned no test API: is VS Code running the suite with --extensionTestsPath?`);
  await api.ready;
}

/** The workspace folder's URI for a relative path. */
export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a workspace file in an editor. */
export async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc);
}

/** Polls `probe` until it returns a truthy value or the deadline passes (no fixed sleeps). */
export async function waitFor<T>(probe: () => PromiseLike<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The position of the n-th occurrence (1-based) of `needle` in a document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, n = 1, delta = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at !== -1, `"${needle}" (occurrence ${n}) not found`);
  }
  return doc.positionAt(at + delta);
}

/** The Markdown of every hover at a position, joined, as the provider returned it. */
export async function hoverMarkdown(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** The hover Markdown at a position with its backslash escapes resolved: the text as the reader sees it. */
export async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  return (await hoverMarkdown(doc, pos)).replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Writes a workspace file through the file system API. */
export async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The document's outline, once it has one (the provider may still be analysing). */
export function outlineOf(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return waitFor(async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    return s && s.length > 0 && s;
  }, 'document symbols');
}

/** Semantic tokens as text, type, modifiers and line, decoded with their legend. */
export function decodeTokens(data: Uint32Array, legend: vscode.SemanticTokensLegend, doc: vscode.TextDocument) {
  const out: { text: string; type: string; modifiers: string[]; line: number }[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const range = new vscode.Range(line, char, line, char + data[i + 2]);
    const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push({ text: doc.getText(range), type: legend.tokenTypes[data[i + 3]], modifiers, line });
  }
  return out;
}

/** The document's semantic tokens, once the extension gives them, decoded with its legend. */
export async function semanticTokensOf(document: vscode.TextDocument) {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const tokens = await waitFor(() => vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri), 'semantic tokens');
  return decodeTokens(tokens.data, legend, document);
}
