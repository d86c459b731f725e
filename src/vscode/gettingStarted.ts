/**
 * The commands behind the Commitments view's welcome content and the walkthrough: open the sample
 * statement that ships with the extension, and start a workspace glossary from a template.
 */
import * as vscode from 'vscode';

/** The sample statement, in the extension's folder. */
const SAMPLE = ['samples', 'china-belarus-2022.statement'];
/** The glossary template, in the extension's folder. */
const GLOSSARY_TEMPLATE = ['walkthrough', 'example.glossary.yaml'];

/** Registers `diplomaticAnnotator.openSample` and `diplomaticAnnotator.newGlossary`. */
export function registerGettingStarted(extensionUri: vscode.Uri): vscode.Disposable {
  const read = async (parts: string[]) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...parts)));
  return vscode.Disposable.from(
    // An untitled copy: the reader may annotate it without touching the installed extension.
    vscode.commands.registerCommand('diplomaticAnnotator.openSample', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'statement', content: await read(SAMPLE) });
      return vscode.window.showTextDocument(doc);
    }),
    vscode.commands.registerCommand('diplomaticAnnotator.newGlossary', async () => {
      const template = await read(GLOSSARY_TEMPLATE);
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: template });
        return vscode.window.showTextDocument(doc);
      }
      // A file named *.glossary.yaml in the workspace is merged over the built-in glossary once saved.
      const file = vscode.Uri.joinPath(folder.uri, 'my.glossary.yaml');
      const exists = await vscode.workspace.fs.stat(file).then(
        () => true,
        () => false,
      );
      if (exists) return vscode.window.showTextDocument(file);
      const doc = await vscode.workspace.openTextDocument(file.with({ scheme: 'untitled' }));
      const editor = await vscode.window.showTextDocument(doc);
      if (doc.getText() === '') await editor.edit((e) => e.insert(new vscode.Position(0, 0), template));
      return editor;
    }),
  );
}
