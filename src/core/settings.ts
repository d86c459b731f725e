/**
 * The extension's settings as it uses them, resolved from what the editor reports for each one.
 *
 * In Restricted Mode (an untrusted workspace) a workspace must not widen what the extension reads
 * or runs, so the settings that could (`languages`, `glossary.files`, `maxFileSize`) come only from
 * the user's own settings or the defaults; workspace and folder values are ignored. Whatever their
 * origin, values are checked: `maxFileSize` is capped at {@link MAX_FILE_SIZE_CEILING}, and the
 * language id `*` (every file type) and empty ids are dropped. Each correction comes with a warning.
 */

/** The levels of one setting, as `WorkspaceConfiguration.inspect()` reports them (all optional). */
export interface SettingLevels {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** What {@link resolveSettings} reads: whether the workspace is trusted, and each setting's levels. */
export interface SettingsInput {
  trusted: boolean;
  languages: SettingLevels;
  glossaryFiles: SettingLevels;
  includeBuiltin: SettingLevels;
  maxFileSize: SettingLevels;
  /** `glossary.maxAgeDays`; optional so that callers that predate it still resolve. */
  glossaryMaxAgeDays?: SettingLevels;
}

/** The settings the extension works with. */
export interface EffectiveSettings {
  /** Language ids that get the language features (never `*`, never empty). */
  languages: string[];
  /** Glob patterns of workspace glossary files. */
  glossaryFiles: string[];
  includeBuiltin: boolean;
  /** Workspace glossary entries whose `asOf` is older than this many days get a warning; 0: never. */
  glossaryMaxAgeDays: number;
  /** Documents longer than this many characters are not analysed whole (at most {@link MAX_FILE_SIZE_CEILING}). */
  maxFileSize: number;
}

/** The defaults, as in package.json. */
export const DEFAULT_SETTINGS: Readonly<EffectiveSettings> = {
  languages: ['statement'],
  glossaryFiles: ['**/*.glossary.yaml', '**/*.glossary.yml'],
  includeBuiltin: true,
  glossaryMaxAgeDays: 365,
  maxFileSize: 10_000_000,
};

/**
 * The highest `maxFileSize` honoured, in characters (100 million): above it the size guard would
 * be off in practice, and one document could block the editor for minutes.
 */
export const MAX_FILE_SIZE_CEILING = 100_000_000;

/** Settings a workspace may not set in Restricted Mode (also in package.json's `restrictedConfigurations`). */
export const RESTRICTED_SETTINGS = ['languages', 'glossary.files', 'maxFileSize'] as const;

/** {@link resolveSettings}' answer: the settings, and a message for each value that was ignored or corrected. */
export interface ResolvedSettings {
  settings: EffectiveSettings;
  warnings: string[];
}

/** Resolves the effective settings; see the module doc for the rules. Pure. */
export function resolveSettings(input: SettingsInput): ResolvedSettings {
  const warnings: string[] = [];
  /** The value in force: in Restricted Mode the user's or the default one, else the most specific. */
  const pick = (key: string, levels: SettingLevels): unknown => {
    const fromWorkspace = levels.workspaceFolderValue ?? levels.workspaceValue;
    const own = levels.globalValue ?? levels.defaultValue;
    if (fromWorkspace === undefined) return own;
    if (!input.trusted && (RESTRICTED_SETTINGS as readonly string[]).includes(key)) {
      warnings.push(`Restricted Mode: the workspace value of diplomaticAnnotator.${key} is ignored until you trust this workspace.`);
      return own;
    }
    return fromWorkspace;
  };

  const languageIds = stringList('languages', pick('languages', input.languages), warnings);
  let languages = languageIds ?? DEFAULT_SETTINGS.languages;
  const refused = languages.filter((id) => id.trim() === '' || id.trim() === '*');
  if (refused.length > 0) {
    languages = [...new Set(languages.map((id) => id.trim()).filter((id) => id !== '' && id !== '*'))];
    if (languages.length === 0) languages = DEFAULT_SETTINGS.languages;
    const ignored = refused.map((id) => JSON.stringify(id)).join(', ');
    warnings.push(`diplomaticAnnotator.languages: ${ignored} ignored; name each language (e.g. "plaintext"), not every file type.`);
  }

  const patterns = stringList('glossary.files', pick('glossary.files', input.glossaryFiles), warnings);

  const builtin = pick('glossary.includeBuiltin', input.includeBuiltin);
  if (builtin !== undefined && typeof builtin !== 'boolean') warnings.push('diplomaticAnnotator.glossary.includeBuiltin must be true or false; the default is used.');

  const maxAge = pick('glossary.maxAgeDays', input.glossaryMaxAgeDays ?? {});
  const maxAgeValid = typeof maxAge === 'number' && Number.isInteger(maxAge) && maxAge >= 0;
  if (maxAge !== undefined && !maxAgeValid) warnings.push('diplomaticAnnotator.glossary.maxAgeDays must be a whole number of days, 0 or more; the default is used.');

  const size = pick('maxFileSize', input.maxFileSize);
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0) {
    if (size !== undefined) warnings.push('diplomaticAnnotator.maxFileSize must be a number of characters, 0 or more; the default is used.');
  } else if (size > MAX_FILE_SIZE_CEILING) {
    warnings.push(`diplomaticAnnotator.maxFileSize is capped at ${MAX_FILE_SIZE_CEILING.toLocaleString('en')} characters.`);
    maxFileSize = MAX_FILE_SIZE_CEILING;
  } else maxFileSize = size;

  return {
    settings: {
      languages,
      glossaryFiles: patterns ?? DEFAULT_SETTINGS.glossaryFiles,
      includeBuiltin: typeof builtin === 'boolean' ? builtin : DEFAULT_SETTINGS.includeBuiltin,
      glossaryMaxAgeDays: maxAgeValid ? maxAge : DEFAULT_SETTINGS.glossaryMaxAgeDays,
      maxFileSize,
    },
    warnings,
  };
}

/** `value` when it is a list of strings; undefined when absent or (with a warning) something else. */
function stringList(key: string, value: unknown, warnings: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  warnings.push(`diplomaticAnnotator.${key} must be a list of strings; the default is used.`);
  return undefined;
}
