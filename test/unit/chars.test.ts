/**
 * The character tables of chars.ts against their definitions: the Unicode properties that
 * scripts/char-data.mjs reads one code unit at a time, on the Node.js that runs the tests.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CANONICAL, FOLDED, SEGMENTED_CHAR, WORD_CHAR } from '../../src/core/chars';
import { ROOT } from './helpers';

interface CharData {
  referenceTables(): { wordChar: Uint8Array; segmentedChar: Uint8Array; lower: Uint16Array };
  charDataSource(): string;
}

/** The ES module script, imported as such (TypeScript would turn `import()` into `require`). */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<CharData>;

describe('chars', () => {
  let script: CharData;
  before(async () => {
    script = await importModule(pathToFileURL(path.join(ROOT, 'scripts/char-data.mjs')).href);
  });

  it('has the word and segmented characters the Unicode properties give, code unit by code unit', () => {
    const reference = script.referenceTables();
    for (let c = 0; c < 65536; c++) {
      assert.strictEqual(WORD_CHAR[c], reference.wordChar[c], `word character U+${c.toString(16)}`);
      assert.strictEqual(SEGMENTED_CHAR[c], reference.segmentedChar[c], `segmented character U+${c.toString(16)}`);
    }
  });

  it('folds each code unit to the lower case of its canonical form, where that is one code unit', () => {
    for (let c = 0; c < 65536; c++) {
      const k = CANONICAL[c];
      const lower = String.fromCharCode(k).toLowerCase();
      const expected = k >= 0xd800 && k <= 0xdfff ? k : lower.length === 1 ? lower.charCodeAt(0) : k;
      assert.strictEqual(FOLDED[c], expected, `U+${c.toString(16)}`);
    }
    assert.strictEqual(String.fromCharCode(FOLDED[0x130]), '\u0130', 'İ lower-cases to two code units: kept as it is');
    assert.strictEqual(String.fromCharCode(FOLDED[0x2019]), "'");
  });

  it('is the data the script generates here (else run: node scripts/char-data.mjs)', () => {
    const generated = script.charDataSource().split('\n').slice(2).join('\n');
    const committed = readFileSync(path.join(ROOT, 'src/core/charData.ts'), 'utf8').split('\n').slice(2).join('\n');
    assert.strictEqual(committed, generated);
  });
});
