import * as assert from 'assert';
import { TOKEN_MODIFIERS, TOKEN_TYPES, semanticTokens } from '../../src/core/tokens';
import { analyze, fixture, joinLines } from './helpers';

function describeTokens(text: string) {
  const lines = text.split('\n');
  return semanticTokens(text, analyze(text)).map((t) => {
    const mods = TOKEN_MODIFIERS.filter((_, bit) => t.modifiers & (1 << bit));
    return `${t.line}:${lines[t.line].slice(t.character, t.character + t.length)}=${TOKEN_TYPES[t.type]}${mods.length ? '.' + mods.join('.') : ''}`;
  });
}

describe('semantic tokens', () => {
  it('types terms by kind and commitment triggers with their modifiers', () => {
    const tokens = describeTokens(fixture('china-belarus-2022.txt'));
    // Lines are 0-based here: line 6 is the statement's line 7.
    for (const t of [
      '6:one-China principle=principle',
      '6:Belarusian side=party',
      '6:recognizes=commitment',
      '4:firmly support=commitment.strong',
      '7:Global Development Initiative=initiative',
      '9:jointly advocate=commitment',
    ]) {
      assert.ok(tokens.includes(t), `${t} not in ${JSON.stringify(tokens)}`);
    }
  });

  it('marks weak and negated commitments', () => {
    const tokens = describeTokens(joinLines('China and Kenya met.', 'The two sides may consider it.', 'Neither side shall use force.'));
    assert.ok(tokens.includes('1:may consider=commitment.weak'), JSON.stringify(tokens));
    assert.ok(tokens.includes('2:shall use=commitment.negated'), JSON.stringify(tokens));
  });

  it('splits a term that crosses a line break, sorted and without overlaps', () => {
    const text = 'China and Belarus met. The Belarusian side supports the Global Development\r\nInitiative.';
    const tokens = semanticTokens(text, analyze(text));
    const split = tokens.filter((t) => t.type === TOKEN_TYPES.indexOf('initiative'));
    assert.deepStrictEqual(
      split.map((t) => [t.line, t.character, t.length]),
      [
        [0, 56, 18],
        [1, 0, 10],
      ],
    );
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1];
      const b = tokens[i];
      assert.ok(b.line > a.line || b.character >= a.character + a.length);
    }
  });
});
