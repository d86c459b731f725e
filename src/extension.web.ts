/**
 * The web build's entry (dist/web/extension.js, the manifest's `browser`): VS Code for the Web
 * (vscode.dev, github.dev) runs it in a web worker, with no Node API. Every feature but the local
 * symbolic-link check of "Add Selection to Glossary" works there: files are read through
 * `workspace.fs`, and workspace glossaries are parsed in the extension host's own thread.
 */
import type * as vscode from 'vscode';
import { inThreadGlossaryParser } from './core/glossaryParser';
import { activateWith, type DiplomaticAnnotatorApi } from './extension';
import type { HostPlatform } from './vscode/platform';

const webPlatform: HostPlatform = {
  createGlossaryParser: () => inThreadGlossaryParser(),
};

/** Activates the extension in the web worker extension host. */
export function activate(context: vscode.ExtensionContext): Promise<DiplomaticAnnotatorApi | undefined> {
  return activateWith(context, webPlatform);
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
