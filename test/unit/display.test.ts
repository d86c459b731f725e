import * as assert from 'assert';
import fc from 'fast-check';
import { csvField, displayText, escapeJsonControls, escapeMarkdown, showBidiControls, stripControls } from '../../src/core/display';

const ESC = '\u001b';
const RLO = '\u202e';
const CSI = '\u009b';

/** Strings rich in what the module is about: controls, bidi controls, formula starts. */
const hostileString = fc
  .array(fc.oneof(fc.constantFrom(ESC, CSI, RLO, '\u2066', '\u200f', '\u061c', '\u007f', '\u0000', '\t', '\r', '\n', '=', '+', '-', '@', '"', ','), fc.string()), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('display', () => {
  it('strips terminal escape sequences down to harmless text, keeping tabs and line breaks', () => {
    assert.strictEqual(stripControls(`${ESC}c${ESC}[2JThe two sides${CSI}31m\u0007\tagree\r\n`), 'c[2JThe two sides31m\tagree\r\n');
  });

  it('shows bidirectional controls instead of obeying them', () => {
    assert.strictEqual(showBidiControls(`The ${RLO}edis naisuR${'\u202c'} side`), 'The <U+202E>edis naisuR<U+202C> side');
    assert.strictEqual(displayText(`${ESC}[31m\u2067x\u2069\u200e\u061c`), '[31m<U+2067>x<U+2069><U+200E><U+061C>');
    assert.strictEqual(displayText('白方 supports — “Belt and Road”'), '白方 supports — “Belt and Road”');
  });

  it('leaves no control or bidi character and is idempotent', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const shown = displayText(s);
        // eslint-disable-next-line no-control-regex -- what must not reach the terminal
        assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(shown), JSON.stringify(shown));
        assert.strictEqual(displayText(shown), shown);
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it('escapes CSV cells that a spreadsheet would run as a formula', () => {
    assert.strictEqual(csvField('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
    assert.strictEqual(csvField('+1+2'), `"'+1+2"`);
    assert.strictEqual(csvField("-2+3+cmd|' /C calc'!A0"), `"'-2+3+cmd|' /C calc'!A0"`);
    assert.strictEqual(csvField('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.strictEqual(csvField('\t=1'), `"'\t=1"`);
    assert.strictEqual(csvField('\r=1'), `"'\r=1"`);
    // A control character in front does not hide a formula: it is stripped first.
    assert.strictEqual(csvField(`${ESC}=1`), `"'=1"`);
    assert.strictEqual(csvField('The two sides, together'), '"The two sides, together"');
    assert.strictEqual(csvField('supports'), 'supports');
    assert.strictEqual(csvField(17), '17');
  });

  it('never gives a cell a spreadsheet would read as a formula', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const field = csvField(s);
        // The value a spreadsheet sees: the field unquoted.
        const value = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        assert.ok(!/^[=+\-@\t\r]/.test(value), JSON.stringify(field));
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it('escapes in JSON what JSON.stringify leaves raw, without changing the value', () => {
    const value = { actor: `${CSI}2J${RLO}edis eht`, text: `a${ESC}b\u007f\u2066` };
    const json = escapeJsonControls(JSON.stringify(value));
    assert.strictEqual(json, '{"actor":"\\u009b2J\\u202eedis eht","text":"a\\u001bb\\u007f\\u2066"}');
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeJsonControls(JSON.stringify({ s }));
        assert.deepStrictEqual(JSON.parse(escaped), { s });
        assert.ok(!/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(escaped));
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it('escapes Markdown fully for hovers and only its syntax for reports read raw', () => {
    const text = '  *one-China* [link](http://x) <b> a|b (1.5) ' + RLO;
    assert.strictEqual(escapeMarkdown(text), '\\*one\\-China\\* \\[link\\]\\(http\\:\\/\\/x\\) \\<b\\> a\\|b \\(1\\.5\\) ' + RLO);
    assert.strictEqual(escapeMarkdown(text, 'syntax'), '  \\*one-China\\* \\[link\\](http://x) \\<b\\> a\\|b (1.5) <U+202E>');
  });
});
