import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, MAX_FILE_SIZE_CEILING, RESTRICTED_SETTINGS, resolveSettings, type SettingLevels, type SettingsInput } from '../../src/core/settings';
import { ROOT } from './helpers';

/** What VS Code reports with nothing set but the defaults, plus the given levels. */
function input(trusted: boolean, levels: Partial<Record<'languages' | 'glossaryFiles' | 'includeBuiltin' | 'maxFileSize', SettingLevels>> = {}): SettingsInput {
  return {
    trusted,
    languages: { defaultValue: DEFAULT_SETTINGS.languages, ...levels.languages },
    glossaryFiles: { defaultValue: DEFAULT_SETTINGS.glossaryFiles, ...levels.glossaryFiles },
    includeBuiltin: { defaultValue: DEFAULT_SETTINGS.includeBuiltin, ...levels.includeBuiltin },
    maxFileSize: { defaultValue: DEFAULT_SETTINGS.maxFileSize, ...levels.maxFileSize },
  };
}

describe('settings', () => {
  it('uses the defaults when nothing is set, without a warning', () => {
    for (const trusted of [true, false]) assert.deepStrictEqual(resolveSettings(input(trusted)), { settings: DEFAULT_SETTINGS, warnings: [] });
  });

  it('takes the most specific value in a trusted workspace', () => {
    const { settings, warnings } = resolveSettings(
      input(true, {
        languages: { globalValue: ['markdown'], workspaceValue: ['statement', 'plaintext'] },
        glossaryFiles: { workspaceFolderValue: ['terms/*.yaml'], workspaceValue: ['x/*.yaml'] },
        includeBuiltin: { workspaceValue: false },
        maxFileSize: { globalValue: 5, workspaceValue: 50_000_000 },
      }),
    );
    assert.deepStrictEqual(settings, {
      languages: ['statement', 'plaintext'],
      glossaryFiles: ['terms/*.yaml'],
      includeBuiltin: false,
      glossaryMaxAgeDays: 365,
      maxFileSize: 50_000_000,
    });
    assert.deepStrictEqual(warnings, []);
  });

  it('ignores workspace values that widen what is read in Restricted Mode, and says so', () => {
    const { settings, warnings } = resolveSettings(
      input(false, {
        languages: { workspaceValue: ['*'] },
        glossaryFiles: { workspaceValue: ['/etc/**'] },
        maxFileSize: { workspaceValue: 1e15 },
      }),
    );
    assert.deepStrictEqual(settings, DEFAULT_SETTINGS);
    assert.deepStrictEqual(warnings, [
      'Restricted Mode: the workspace value of diplomaticAnnotator.languages is ignored until you trust this workspace.',
      'Restricted Mode: the workspace value of diplomaticAnnotator.glossary.files is ignored until you trust this workspace.',
      'Restricted Mode: the workspace value of diplomaticAnnotator.maxFileSize is ignored until you trust this workspace.',
    ]);
  });

  it("keeps the user's own values in Restricted Mode, and a workspace folder's value is ignored like the workspace's", () => {
    const { settings } = resolveSettings(
      input(false, {
        languages: { globalValue: ['statement', 'markdown'], workspaceFolderValue: ['*'] },
        maxFileSize: { globalValue: 20_000_000, workspaceFolderValue: 1e15 },
        includeBuiltin: { workspaceValue: false },
      }),
    );
    assert.deepStrictEqual(settings.languages, ['statement', 'markdown']);
    assert.strictEqual(settings.maxFileSize, 20_000_000);
    // Turning the built-in glossary off only narrows what is shown: a workspace may.
    assert.strictEqual(settings.includeBuiltin, false);
  });

  it('caps maxFileSize at 100 million characters, wherever it is set', () => {
    for (const levels of [{ globalValue: 1e15 }, { workspaceValue: Infinity }]) {
      const { settings, warnings } = resolveSettings(input(true, { maxFileSize: levels }));
      assert.strictEqual(settings.maxFileSize, MAX_FILE_SIZE_CEILING);
      assert.deepStrictEqual(warnings, ['diplomaticAnnotator.maxFileSize is capped at 100,000,000 characters.']);
    }
    assert.strictEqual(resolveSettings(input(true, { maxFileSize: { workspaceValue: MAX_FILE_SIZE_CEILING } })).settings.maxFileSize, MAX_FILE_SIZE_CEILING);
    assert.strictEqual(resolveSettings(input(true, { maxFileSize: { workspaceValue: 0 } })).settings.maxFileSize, 0);
  });

  it('refuses "*" and empty language ids, keeping the others', () => {
    const { settings, warnings } = resolveSettings(input(true, { languages: { workspaceValue: ['*', 'plaintext', ' ', ' plaintext '] } }));
    assert.deepStrictEqual(settings.languages, ['plaintext']);
    assert.deepStrictEqual(warnings, ['diplomaticAnnotator.languages: "*", " " ignored; name each language (e.g. "plaintext"), not every file type.']);
    assert.deepStrictEqual(resolveSettings(input(true, { languages: { globalValue: ['*'] } })).settings.languages, ['statement']);
  });

  it('falls back to the default, with a warning, on a value of the wrong type', () => {
    const { settings, warnings } = resolveSettings(
      input(true, {
        languages: { workspaceValue: 'statement' },
        glossaryFiles: { workspaceValue: [1, 2] },
        includeBuiltin: { workspaceValue: 'no' },
        maxFileSize: { workspaceValue: -1 },
      }),
    );
    assert.deepStrictEqual(settings, DEFAULT_SETTINGS);
    assert.strictEqual(warnings.length, 4, warnings.join('\n'));
    assert.strictEqual(resolveSettings(input(true, { maxFileSize: { workspaceValue: NaN } })).settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
  });

  it('agrees with package.json: defaults, the ceiling and the restricted settings', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties;
    assert.deepStrictEqual(properties['diplomaticAnnotator.languages'].default, DEFAULT_SETTINGS.languages);
    assert.deepStrictEqual(properties['diplomaticAnnotator.glossary.files'].default, DEFAULT_SETTINGS.glossaryFiles);
    assert.strictEqual(properties['diplomaticAnnotator.glossary.includeBuiltin'].default, DEFAULT_SETTINGS.includeBuiltin);
    assert.strictEqual(properties['diplomaticAnnotator.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
    assert.strictEqual(properties['diplomaticAnnotator.glossary.maxAgeDays'].default, DEFAULT_SETTINGS.glossaryMaxAgeDays);
    assert.strictEqual(properties['diplomaticAnnotator.maxFileSize'].maximum, MAX_FILE_SIZE_CEILING);
    assert.deepStrictEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), RESTRICTED_SETTINGS.map((key) => `diplomaticAnnotator.${key}`).sort());
  });

  it('reads glossary.maxAgeDays as a whole number of days, 0 or more, with a warning for anything else', () => {
    const levels = (value: unknown): SettingsInput => ({ ...input(true), glossaryMaxAgeDays: { defaultValue: 365, workspaceValue: value } });
    assert.strictEqual(resolveSettings(levels(90)).settings.glossaryMaxAgeDays, 90);
    assert.strictEqual(resolveSettings(levels(0)).settings.glossaryMaxAgeDays, 0);
    for (const bad of [-1, 1.5, 'a year']) {
      const { settings, warnings } = resolveSettings(levels(bad));
      assert.strictEqual(settings.glossaryMaxAgeDays, DEFAULT_SETTINGS.glossaryMaxAgeDays);
      assert.deepStrictEqual(warnings, ['diplomaticAnnotator.glossary.maxAgeDays must be a whole number of days, 0 or more; the default is used.']);
    }
  });
});
