/**
 * What the language status of a document says (the `{}` entry of the status bar): how many
 * glossary entries the document uses, that a large document is analysed only in part, or — on a
 * plain-text or Markdown file the extension is not configured for — that its features are off,
 * with an action to turn them on. Pure: the editor adapter turns each item into a
 * `LanguageStatusItem` and runs its command.
 */
import type { Analysis } from './analyze';
import { DEFAULT_SETTINGS, type SettingLevels } from './settings';

/** Languages whose documents are offered the action that turns the features on. */
export const OFFERED_LANGUAGES: readonly string[] = ['plaintext', 'markdown'];

/** Why a document is not analysed whole (see `AnalysisCache.refusalOf`). */
export type Refusal = { reason: 'tooLarge'; length: number; limit: number } | { reason: 'binary' };

/** What the status of one document depends on. */
export interface LanguageStatusInput {
  languageId: string;
  /** The language ids the features are on for (the effective `diplomaticAnnotator.languages`). */
  enabledLanguages: readonly string[];
  /** Why the document is not analysed whole, if it is not. */
  refusal?: Refusal;
  /** The document's analysis, when it is ready; undefined while it runs. */
  analysis?: Pick<Analysis, 'terms' | 'commitments'>;
}

/** A command an item offers. */
export interface StatusCommand {
  title: string;
  command: string;
  arguments?: unknown[];
}

/** One language status item. */
export interface StatusItem {
  /** Stable id: `terms`, `partial` or `off`. */
  id: 'terms' | 'partial' | 'off';
  /** The item's name in the list of language status items. */
  name: string;
  text: string;
  detail: string;
  severity: 'information' | 'warning';
  /** True while the answer is being computed. */
  busy?: boolean;
  command?: StatusCommand;
}

/** The command that lists the glossary entries a document uses. */
export const SHOW_TERMS_COMMAND = 'diplomaticAnnotator.showTermsInUse';
/** The command that adds a language to `diplomaticAnnotator.languages`. */
export const ENABLE_LANGUAGE_COMMAND = 'diplomaticAnnotator.enableForLanguage';

/** The items for one document (none for a language neither enabled nor offered). */
export function languageStatusItems(input: LanguageStatusInput): StatusItem[] {
  if (!input.enabledLanguages.includes(input.languageId)) {
    if (!OFFERED_LANGUAGES.includes(input.languageId)) return [];
    return [
      {
        id: 'off',
        name: 'Diplomatic Annotator',
        text: 'Diplomatic Annotator: off',
        detail: `glossary hovers, highlighting and the outline of commitments are off for ${input.languageId} files`,
        severity: 'information',
        command: { title: 'Turn On', command: ENABLE_LANGUAGE_COMMAND, arguments: [input.languageId] },
      },
    ];
  }
  const refusal = input.refusal;
  if (refusal?.reason === 'binary') {
    return [{ id: 'partial', name: 'Diplomatic Annotator analysis', text: 'Not analysed', detail: 'the document looks binary', severity: 'warning' }];
  }
  if (refusal?.reason === 'tooLarge') {
    return [
      {
        id: 'partial',
        name: 'Diplomatic Annotator analysis',
        text: 'Partial analysis',
        detail: `${millions(refusal.length)} characters, above diplomaticAnnotator.maxFileSize (${millions(refusal.limit)}): only the visible part is highlighted; no hovers or outline`,
        severity: 'warning',
        command: { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['diplomaticAnnotator.maxFileSize'] },
      },
    ];
  }
  if (!input.analysis) {
    return [{ id: 'terms', name: 'Glossary entries in use', text: 'Glossary…', detail: 'analysing', severity: 'information', busy: true }];
  }
  const { entries, occurrences } = countEntries(input.analysis);
  const commitments = input.analysis.commitments.length;
  return [
    {
      id: 'terms',
      name: 'Glossary entries in use',
      text: `${entries} glossary ${entries === 1 ? 'entry' : 'entries'}`,
      detail: `${occurrences} ${occurrences === 1 ? 'term' : 'terms'}, ${commitments} ${commitments === 1 ? 'commitment' : 'commitments'}`,
      severity: 'information',
      command: entries > 0 ? { title: 'Show', command: SHOW_TERMS_COMMAND } : undefined,
    },
  ];
}

/** One glossary entry used in a document: how often, and where first. */
export interface EntryInUse {
  id: string;
  name: string;
  kind: string;
  count: number;
  /** Offset of its first occurrence. */
  firstOffset: number;
}

/** The glossary entries a document uses, most used first (then by first occurrence). */
export function entriesInUse(analysis: Pick<Analysis, 'terms'>): EntryInUse[] {
  const byId = new Map<string, EntryInUse>();
  for (const t of analysis.terms) {
    const seen = byId.get(t.entry.id);
    if (seen) seen.count++;
    else byId.set(t.entry.id, { id: t.entry.id, name: t.entry.term, kind: t.entry.kind, count: 1, firstOffset: t.start });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.firstOffset - b.firstOffset);
}

function countEntries(analysis: Pick<Analysis, 'terms'>): { entries: number; occurrences: number } {
  return { entries: new Set(analysis.terms.map((t) => t.entry.id)).size, occurrences: analysis.terms.length };
}

function millions(n: number): string {
  return `${(n / 1e6).toFixed(1)} million`;
}

/** Where {@link languagesUpdate} writes, and what. */
export interface LanguagesUpdate {
  target: 'workspace' | 'user';
  languages: string[];
}

/**
 * How to turn the features on for `languageId`: add it to `diplomaticAnnotator.languages` where
 * the value in force comes from. A trusted workspace that sets the list gets it added there (a
 * user value would not apply); otherwise the user's own list (or the default) gets it — also in
 * Restricted Mode, which ignores the workspace's value. Undefined when it is already on.
 */
export function languagesUpdate(levels: SettingLevels, trusted: boolean, languageId: string, effective: readonly string[]): LanguagesUpdate | undefined {
  if (effective.includes(languageId)) return undefined;
  const list = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);
  const workspace = list(levels.workspaceValue);
  if (trusted && workspace) return { target: 'workspace', languages: [...workspace, languageId] };
  const own = list(levels.globalValue) ?? list(levels.defaultValue) ?? DEFAULT_SETTINGS.languages;
  return { target: 'user', languages: [...own.filter((id) => id !== languageId), languageId] };
}
