/**
 * The Node build's entry (dist/extension.js, the manifest's `main`): desktop VS Code and remote
 * windows. Workspace glossaries are parsed in a worker thread; "Add Selection to Glossary" resolves
 * symbolic links on the local disk.
 */
import type * as vscode from 'vscode';
import { activateWith, type DiplomaticAnnotatorApi } from './extension';
import { nodePlatform } from './node/platform';

/** Activates the extension in the Node extension host. */
export function activate(context: vscode.ExtensionContext): Promise<DiplomaticAnnotatorApi | undefined> {
  return activateWith(context, nodePlatform);
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
