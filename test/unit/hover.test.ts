import * as assert from 'assert';
import { commitmentHover, escapeMarkdown, officialName, sanitizeMarkdown, spanAt, termHover } from '../../src/core/hover';
import { parseGlossary } from '../../src/core/glossary';
import { analyze, fixture, joinLines } from './helpers';

describe('hover', () => {
  const glossary = parseGlossary(
    joinLines(
      'terms:',
      '  - id: BY',
      '    term: Belarus',
      '    kind: party',
      '    aliases: [Republic of Belarus, Belarusian side, 白方, Беларусь]',
      '    summary: A state in Eastern Europe.',
      '    sources: ["https://en.wikipedia.org/wiki/Belarus", "javascript:alert(1)", "command:workbench.action.quit"]',
      '    see: [CN]',
      '  - id: CN',
      '    term: China',
      '    kind: party',
      '  - id: evil',
      '    term: Evil',
      '    kind: concept',
      '    details: "Click [here](command:workbench.action.quit) or <img src=x onerror=alert(1)> or [ok](https://example.org)"',
    ),
    'g.yaml',
  );

  it('explains a term: name, kind, official name, summary, aliases by script, related entries, http(s) sources, where defined', () => {
    const md = termHover(glossary.byId.get('BY')!, glossary, { definedAt: { label: 'g.yaml:2', uri: 'file:///g.yaml#L2' } });
    assert.match(md, /^\*\*Belarus\*\* · \*Party\* · `BY`/);
    assert.match(md, /Official name: Republic of Belarus/);
    assert.match(md, /A state in Eastern Europe\./);
    assert.match(md, /\*Also:\* English: Republic of Belarus, Belarusian side · Chinese: 白方 · Russian: Беларусь/);
    assert.match(md, /\*See also:\* China/);
    assert.match(md, /\*Sources:\* \[en\.wikipedia\.org\]\(https:\/\/en\.wikipedia\.org\/wiki\/Belarus\)$/m);
    assert.doesNotMatch(md, /javascript:|command:/);
    assert.match(md, /\*Defined in\* \[g\.yaml:2\]\(file:\/\/\/g\.yaml#L2\)/);
  });

  it('renders glossary Markdown without command links or HTML', () => {
    const md = termHover(glossary.byId.get('evil')!, glossary);
    assert.doesNotMatch(md, /command:|<img|onerror/);
    assert.match(md, /Click here or {2}or \[ok\]\(https:\/\/example\.org\)/);
    assert.strictEqual(sanitizeMarkdown('[a](command:x) <b>bold</b>'), 'a bold');
    assert.strictEqual(escapeMarkdown('*one-China* [x]'), '\\*one-China\\* \\[x\\]');
  });

  it('does not repeat the official name when the details start with it', () => {
    const g = parseGlossary(
      'terms:\n  - {id: BY, term: Belarus, kind: party, aliases: [Republic of Belarus], details: "Official name: Republic of Belarus; capital Minsk."}\n',
      'g.yaml',
    );
    assert.strictEqual(termHover(g.byId.get('BY')!, g).match(/Official name/g)?.length, 1);
  });

  it('names the official name of a party', () => {
    assert.strictEqual(officialName(glossary.byId.get('BY')!), 'Republic of Belarus');
    assert.strictEqual(officialName(glossary.byId.get('CN')!), undefined);
  });

  it('describes a commitment: type, strength, actor, parties, trigger', () => {
    const text = fixture('china-belarus-2022.txt');
    const a = analyze(text);
    const firm = a.commitments.find((c) => c.trigger === 'firmly support')!;
    const md = commitmentHover(firm, a.terms[0].entry && glossary);
    assert.match(md, /^\*\*Support\*\* · strength: strong/);
    assert.match(md, /\*Actor:\* The two sides/);
    assert.match(md, /\*Parties:\* China \(`CN`\), Belarus \(`BY`\)/);
    assert.match(md, /\*Trigger:\* “firmly support”/);
  });

  it('finds the span at an offset by binary search', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 10, end: 12 },
      { start: 20, end: 30 },
    ];
    assert.deepStrictEqual(
      [0, 4, 5, 11, 19, 29, 30].map((o) => spanAt(spans, o)?.start),
      [0, 0, undefined, 10, undefined, 20, undefined],
    );
  });
});
