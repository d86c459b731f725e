import * as assert from 'assert';
import { ENABLE_LANGUAGE_COMMAND, SHOW_TERMS_COMMAND, entriesInUse, languageStatusItems, languagesUpdate } from '../../src/core/languageStatus';
import { analyze, fixture } from './helpers';

describe('language status', () => {
  const enabled = ['statement'];

  it('counts the glossary entries a statement uses, and offers to list them', () => {
    const analysis = analyze(fixture('china-belarus-2022.txt'));
    const [item] = languageStatusItems({ languageId: 'statement', enabledLanguages: enabled, analysis });
    const entries = new Set(analysis.terms.map((t) => t.entry.id)).size;
    assert.ok(entries > 10, `${entries} entries`);
    assert.strictEqual(item.text, `${entries} glossary entries`);
    assert.strictEqual(item.detail, `${analysis.terms.length} terms, ${analysis.commitments.length} commitments`);
    assert.strictEqual(item.severity, 'information');
    assert.strictEqual(item.command?.command, SHOW_TERMS_COMMAND);
  });

  it('lists the entries in use, most used first, each with its first occurrence', () => {
    const text = fixture('china-belarus-2022.txt');
    const entries = entriesInUse(analyze(text));
    const belarus = entries.find((e) => e.id === 'BY');
    assert.ok(belarus && belarus.count >= 5, JSON.stringify(belarus));
    assert.strictEqual(text.slice(belarus.firstOffset, belarus.firstOffset + 7), 'Belarus');
    for (let i = 1; i < entries.length; i++) assert.ok(entries[i - 1].count >= entries[i].count);
    assert.strictEqual(
      entries.reduce((n, e) => n + e.count, 0),
      analyze(text).terms.length,
    );
  });

  it('says a large document is analysed only in part, as a warning with the setting to raise', () => {
    const [item] = languageStatusItems({ languageId: 'statement', enabledLanguages: enabled, refusal: { reason: 'tooLarge', length: 12_345_678, limit: 10_000_000 } });
    assert.strictEqual(item.text, 'Partial analysis');
    assert.strictEqual(item.severity, 'warning');
    assert.match(item.detail, /12\.3 million characters, above diplomaticAnnotator\.maxFileSize \(10\.0 million\)/);
    assert.deepStrictEqual(item.command, { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['diplomaticAnnotator.maxFileSize'] });
  });

  it('shows the analysis as busy until it is ready', () => {
    const [item] = languageStatusItems({ languageId: 'statement', enabledLanguages: enabled });
    assert.strictEqual(item.busy, true);
  });

  it('offers to turn the features on for plain text and Markdown, and nothing for other languages', () => {
    const [plain] = languageStatusItems({ languageId: 'plaintext', enabledLanguages: enabled });
    assert.strictEqual(plain.id, 'off');
    assert.deepStrictEqual(plain.command, { title: 'Turn On', command: ENABLE_LANGUAGE_COMMAND, arguments: ['plaintext'] });
    assert.strictEqual(languageStatusItems({ languageId: 'markdown', enabledLanguages: enabled })[0].id, 'off');
    assert.deepStrictEqual(languageStatusItems({ languageId: 'typescript', enabledLanguages: enabled }), []);
    // Once on, a Markdown file is a statement like any other.
    const analysis = analyze('China and Belarus met. The two sides will deepen cooperation.');
    assert.strictEqual(languageStatusItems({ languageId: 'markdown', enabledLanguages: ['statement', 'markdown'], analysis })[0].id, 'terms');
  });

  describe('turning a language on', () => {
    const defaults = { defaultValue: ['statement'] };

    it('adds it to the user settings when the workspace does not set the list', () => {
      assert.deepStrictEqual(languagesUpdate(defaults, true, 'plaintext', ['statement']), { target: 'user', languages: ['statement', 'plaintext'] });
      assert.deepStrictEqual(languagesUpdate({ ...defaults, globalValue: ['statement', 'markdown'] }, true, 'plaintext', ['statement', 'markdown']), {
        target: 'user',
        languages: ['statement', 'markdown', 'plaintext'],
      });
    });

    it('adds it to a trusted workspace that sets the list (a user value would not apply)', () => {
      const levels = { ...defaults, globalValue: ['statement'], workspaceValue: ['statement', 'markdown'] };
      assert.deepStrictEqual(languagesUpdate(levels, true, 'plaintext', ['statement', 'markdown']), { target: 'workspace', languages: ['statement', 'markdown', 'plaintext'] });
    });

    it('adds it to the user settings in Restricted Mode, which ignores the workspace value', () => {
      const levels = { ...defaults, workspaceValue: ['statement', 'markdown'] };
      assert.deepStrictEqual(languagesUpdate(levels, false, 'plaintext', ['statement']), { target: 'user', languages: ['statement', 'plaintext'] });
    });

    it('changes nothing when the language is already on', () => {
      assert.strictEqual(languagesUpdate(defaults, true, 'statement', ['statement']), undefined);
    });
  });
});
