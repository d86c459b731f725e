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

  it('colours the words that name an actor as a party, where no term already does', () => {
    const tokens = describeTokens(fixture('china-belarus-2022.txt'));
    for (const t of ['3:The two sides=party', '8:The two sides=party', '6:Belarusian side=party']) {
      assert.ok(tokens.includes(t), `${t} not in ${JSON.stringify(tokens)}`);
    }
    // "the Belarusian side" is a glossary term: its actor words add no second token.
    assert.ok(!tokens.some((t) => t.startsWith('6:the Belarusian side')), JSON.stringify(tokens));
    // "The two heads of state" commit to nothing: not an actor, not coloured.
    assert.ok(!tokens.some((t) => t.startsWith('2:The two')), JSON.stringify(tokens));
  });

  it('colours "Both sides", "the Parties" and 双方 as parties, and never a list label', () => {
    const en = describeTokens(
      joinLines('China and Kenya met.', 'Both sides agreed to expand trade.', 'The Parties shall exchange data.', 'The Parties agree:', '(a) to meet on a regular basis;'),
    );
    assert.ok(en.includes('1:Both sides=party'), JSON.stringify(en));
    assert.ok(en.includes('2:The Parties=party'), JSON.stringify(en));
    // The item's commitment has the lead-in's actor; its label "(a)" is not an actor's words.
    assert.ok(en.includes('4:to meet=commitment') && !en.some((t) => t.startsWith('4:(a)')), JSON.stringify(en));
    const zh = describeTokens(joinLines('中华人民共和国和白俄罗斯共和国联合声明', '双方同意将中白关系提升为全天候全面战略伙伴关系。'));
    assert.ok(zh.includes('1:双方=party'), JSON.stringify(zh));
  });
});
