/**
 * The extension's settings, read in one place: a thin adapter over `resolveSettings` in the core,
 * which applies the Restricted Mode rules and the limits. Each warning it gives is shown once.
 */
import * as vscode from 'vscode';
import { resolveSettings, type EffectiveSettings, type SettingLevels } from '../core/settings';

/** The configuration section. */
export const SECTION = 'diplomaticAnnotator';

const shownWarnings = new Set<string>();

/** The effective settings now (cheap: read at each use, so a change applies at once). */
function current(): EffectiveSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const levels = (key: string): SettingLevels => config.inspect(key) ?? {};
  const { settings: resolved, warnings } = resolveSettings({
    trusted: vscode.workspace.isTrusted,
    languages: levels('languages'),
    glossaryFiles: levels('glossary.files'),
    includeBuiltin: levels('glossary.includeBuiltin'),
    maxFileSize: levels('maxFileSize'),
    glossaryMaxAgeDays: levels('glossary.maxAgeDays'),
  });
  for (const warning of warnings) {
    if (shownWarnings.has(warning)) continue;
    shownWarnings.add(warning);
    void vscode.window.showWarningMessage(`Diplomatic Annotator: ${warning}`);
  }
  return resolved;
}

/** Typed access to the settings. */
export const settings = {
  languages: (): string[] => current().languages,
  glossaryFiles: (): string[] => current().glossaryFiles,
  includeBuiltin: (): boolean => current().includeBuiltin,
  maxFileSize: (): number => current().maxFileSize,
  glossaryMaxAgeDays: (): number => current().glossaryMaxAgeDays,
};

/** The document selector for the configured languages (files and unsaved documents alike). */
export function documentSelector(): vscode.DocumentSelector {
  return settings.languages().map((language) => ({ language }));
}
