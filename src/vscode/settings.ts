/** The extension's settings, read in one place. */
import * as vscode from 'vscode';

/** The configuration section. */
export const SECTION = 'diplomaticAnnotator';

/** Typed access to the settings. */
export const settings = {
  languages: (): string[] => vscode.workspace.getConfiguration(SECTION).get<string[]>('languages', ['statement']),
  glossaryFiles: (): string[] => vscode.workspace.getConfiguration(SECTION).get<string[]>('glossary.files', ['**/*.glossary.yaml', '**/*.glossary.yml']),
  includeBuiltin: (): boolean => vscode.workspace.getConfiguration(SECTION).get<boolean>('glossary.includeBuiltin', true),
  maxFileSize: (): number => vscode.workspace.getConfiguration(SECTION).get<number>('maxFileSize', 10_000_000),
};

/** The document selector for the configured languages (files and unsaved documents alike). */
export function documentSelector(): vscode.DocumentSelector {
  return settings.languages().map((language) => ({ language }));
}
