import * as assert from 'assert';
import { escapeMarkdown } from '../../src/core/display';
import { HOVER_TEXT_LIMIT, clipText, commitmentHover, glossaryMarkdown, markdownLink, notesMarkdown, officialName, spanAt, termHover } from '../../src/core/hover';
import type { Glossary, GlossaryEntry } from '../../src/core/glossary';
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
    assert.match(md, /A state in Eastern Europe\\\./);
    assert.match(md, /\*Also:\* English: Republic of Belarus, Belarusian side · Chinese: 白方 · Russian: Беларусь/);
    assert.match(md, /\*See also:\* China/);
    assert.match(md, /\*Sources:\* \[en\\\.wikipedia\\\.org\]\(https:\/\/en\.wikipedia\.org\/wiki\/Belarus\)$/m);
    assert.doesNotMatch(md, /javascript:|command:/);
    assert.match(md, /\*Defined in\* \[g\\\.yaml\\:2\]\(file:\/\/\/g\.yaml#L2\)/);
  });

  it('renders glossary Markdown without command links or HTML', () => {
    const md = termHover(glossary.byId.get('evil')!, glossary);
    assert.deepStrictEqual(unescapedPunctuation(md), '******'.split(''), md); // **Evil** · *Concept*
    assert.strictEqual(unescape(md.split('\n\n')[1]), 'Click [here](command:workbench.action.quit) or <img src=x onerror=alert(1)> or [ok](https://example.org)');
    assert.strictEqual(escapeMarkdown('*one-China* [x]'), '\\*one\\-China\\* \\[x\\]');
  });

  describe('hostile workspace Markdown', () => {
    const hostile: Record<string, string> = {
      'a remote image': '![](https://x/b.png) and ![beacon](https://evil.example/beacon.png "t")',
      'a reference-style link': '[x][r]\n\n[r]: file:///etc/passwd',
      'a collapsed reference link': '[r][]\n\n[r]: <file:///etc/passwd>',
      'an autolink': '<file:///etc/passwd> <https://evil.example/> <me@evil.example>',
      'a bare URL or e-mail': 'https://evil.example/b.png www.evil.example me@evil.example',
      'a command link': '[a](command:foo) [b]( command:workbench.action.quit "x")',
      'raw HTML': '<img src="https://x/b.png"><a href="file:///etc/passwd">x</a><script>alert(1)</script>',
      'an HTML entity': '&lt;img src=x&gt; &#91;x&#93;(command:foo)',
      'a list, a heading and a code block': '1995. a year\n# Title\n    code\n- item\n---',
    };
    for (const [what, text] of Object.entries(hostile)) {
      it(`shows ${what} literally, in a summary and in the details`, () => {
        const summary = body(entryWith({ summary: text }));
        const details = body(entryWith({ details: text }));
        assert.deepStrictEqual(unescapedPunctuation(summary), [], summary);
        assert.deepStrictEqual(unescapedPunctuation(details), [], details);
        const literal = text
          .split('\n')
          .map((l) => l.trimStart())
          .join('\n');
        assert.strictEqual(unescape(summary), literal);
        assert.strictEqual(unescape(details), literal);
        const md = summary + details;
        assert.doesNotMatch(md, /\]\(|\]\[|\]:|(?<!\\)<[a-z]/i);
      });
    }

    it('keeps bold and italic in the details, with their text escaped', () => {
      assert.strictEqual(glossaryMarkdown('Signed in **San Francisco** on *26 June* 1945.'), 'Signed in **San Francisco** on *26 June* 1945\\.');
      assert.strictEqual(glossaryMarkdown('**[x](command:foo)**'), '**\\[x\\]\\(command\\:foo\\)**');
      assert.strictEqual(glossaryMarkdown('a * b * c'), 'a \\* b \\* c');
    });

    it('links only http(s) sources, with a destination that cannot end early', () => {
      assert.strictEqual(markdownLink('un.org', 'https://www.un.org/en/a (b)'), '[un\\.org](https://www.un.org/en/a%20%28b%29)');
      for (const bad of ['file:///etc/passwd', 'command:foo', 'javascript:alert(1)', 'data:image/png;base64,AA', '//x/b.png', 'https//x']) {
        assert.strictEqual(markdownLink('x', bad), undefined, bad);
      }
      const md = termHover(entryWith({ sources: ['https://x.org/a)](command:foo)', 'file:///etc/passwd'] }), emptyGlossary);
      assert.match(md, /\*Sources:\* \[x\\\.org\]\(https:\/\/x\.org\/a%29\]%28command:foo%29\)$/);
      assert.doesNotMatch(md, /passwd/);
    });

    it('shows the first 2,000 characters of a 10 MB summary, then "…"', () => {
      const huge = 'word '.repeat(2_000_000);
      const md = termHover(entryWith({ summary: huge, details: huge, aliases: Array.from({ length: 10_000 }, (_, i) => `alias ${i}`) }), emptyGlossary);
      const [, summary, details, aliases] = md.split('\n\n');
      assert.strictEqual(summary, huge.slice(0, HOVER_TEXT_LIMIT) + '…');
      assert.strictEqual(details, huge.slice(0, HOVER_TEXT_LIMIT) + '…');
      assert.match(aliases, /alias 29 · and 9970 more$/);
      assert.ok(md.length < 3 * HOVER_TEXT_LIMIT + 2000, `${md.length} characters`);
    });

    it('never cuts a surrogate pair', () => {
      assert.strictEqual(clipText('ab😀cd', 3), 'ab…');
      assert.strictEqual(clipText('ab😀cd', 4), 'ab😀…');
      assert.strictEqual(clipText('abc', 3), 'abc');
    });
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

  it('says what a commitment commits to, clipped, and shows its notes', () => {
    const text = fixture('china-belarus-2022.txt');
    const a = analyze(text);
    const gdi = a.commitments.find((c) => c.trigger === 'supports' && text.slice(c.start, c.end).includes('Global Development'))!;
    const md = commitmentHover(gdi, glossary, a.plain, [{ start: gdi.start, end: gdi.end, note: 'first endorsement by a European state' }]);
    assert.match(md, /\*Committed to:\* the Global Development Initiative and the Global Security Initiative proposed by the Chinese side/);
    assert.match(md, /\*Note:\* first endorsement by a European state$/);
    const long = 'supports ' + 'x'.repeat(2000);
    const clipped = commitmentHover({ ...gdi, start: 0, end: long.length }, glossary, long);
    assert.match(clipped, /\*Committed to:\* x{400}…$/);
  });

  it('shows notes as text: no link, HTML or list can come out of one', () => {
    const hostile = '[click](command:workbench.action.terminal.new) <img src=x> \n- item **bold**';
    const md = notesMarkdown([
      { start: 0, end: 1, note: hostile },
      { start: 0, end: 1, note: hostile },
    ]);
    assert.strictEqual(md, '*Note:* \\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\<img src\\=x\\> \\- item \\*\\*bold\\*\\*');
    assert.strictEqual(notesMarkdown([]), '');
    const term = termHover(glossary.byId.get('BY')!, glossary, { notes: [{ start: 0, end: 1, note: 'the side, not the state' }] });
    assert.match(term, /\n\n\*Note:\* the side\\, not the state$/);
  });

  it('shows bidirectional controls and drops control characters in an annotated actor', () => {
    const detected = analyze(fixture('china-belarus-2022.txt')).commitments[0];
    const md = commitmentHover({ ...detected, actor: '\u202eedis naisuR\u001b[2J ehT' }, glossary);
    assert.ok(!md.includes('\u202e') && !md.includes('\u001b'), md);
    assert.match(md, /\\<U\\\+202E\\>edis naisuR/, 'shown, escaped as Markdown');
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

const emptyGlossary: Glossary = { entries: [], byId: new Map(), problems: [] };

/** The hover of an entry without its first line (the term and kind). */
function body(entry: GlossaryEntry): string {
  return termHover(entry, emptyGlossary).split('\n\n').slice(1).join('\n\n');
}

/** A workspace glossary entry of kind concept with the given fields. */
function entryWith(fields: Partial<GlossaryEntry>): GlossaryEntry {
  return { id: 'x', term: 'X', kind: 'concept', aliases: [], sources: [], see: [], origin: { file: 'w.glossary.yaml', line: 1, column: 1 }, ...fields };
}

/**
 * The ASCII punctuation characters of `md` that are not backslash-escaped: the only characters
 * that can make Markdown structure (a link, an image, an autolink, HTML, a list…).
 */
function unescapedPunctuation(md: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') i++;
    else if (/[!-/:-@[-`{-~]/.test(md[i])) found.push(md[i]);
  }
  return found;
}

/** Markdown with its backslash escapes resolved (what the reader sees of escaped text). */
function unescape(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('hover of dated groups and persons', () => {
  const glossary = parseGlossary(
    joinLines(
      'terms:',
      '  - id: quad',
      '    term: Quad',
      '    kind: institution',
      '    members: [AU, IN, JP, US]',
      '    asOf: 2026-11-30',
      '  - id: albanese',
      '    term: Anthony Albanese',
      '    kind: person',
      '    party: AU',
      '    asOf: 2026-11',
      '  - id: AU',
      '    term: Australia',
      '    kind: party',
      '  - id: IN',
      '    term: India',
      '    kind: party',
      '  - id: JP',
      '    term: Japan',
      '    kind: party',
    ),
    'g.yaml',
  );

  it('names the members of a group by their terms (ids without an entry as they are), and the date of its facts', () => {
    const md = termHover(glossary.byId.get('quad')!, glossary);
    assert.ok(md.includes('*Members (4):* Australia, India, Japan, US'), md);
    assert.ok(md.includes('*As of 30 November 2026*'), md);
  });

  it('names the party a person speaks for, and a month as the date', () => {
    const md = termHover(glossary.byId.get('albanese')!, glossary);
    assert.ok(md.includes('*Speaks for:* Australia'), md);
    assert.ok(md.includes('*As of November 2026*'), md);
  });

  it('says nothing of a date or members where there are none', () => {
    const md = termHover(glossary.byId.get('JP')!, glossary);
    assert.ok(!/As of|Members|Speaks for/.test(md), md);
  });
});
