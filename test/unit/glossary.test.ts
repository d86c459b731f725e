import * as assert from 'assert';
import { findStaleEntries, formatAsOf, glossaryFromJson, mergeGlossaries, parseAsOf, parseGlossary, slugify } from '../../src/core/glossary';
import { GlossaryParseCache } from '../../src/core/glossaryEntries';
import { entryToJson } from '../../src/core/report';
import { joinLines } from './helpers';

/** Problems as "line:column severity message" for exact assertions. */
function problems(text: string): string[] {
  return parseGlossary(text, 'g.yaml').problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

describe('glossary', () => {
  it('parses entries with defaults', () => {
    const g = parseGlossary(
      joinLines(
        'terms:',
        '  - term: one-China principle',
        '    kind: principle',
        '    aliases: [One China principle, 一个中国原则]',
        '    summary: A principle.',
        '    sources: [https://example.org/a]',
        '  - id: BY',
        '    term: Belarus',
        '    kind: party',
        '    caseSensitive: false',
      ),
      'g.yaml',
    );
    // The alias that adds nothing is dropped, and said.
    assert.deepStrictEqual(
      g.problems.map((x) => `${x.line}:${x.severity}`),
      ['4:warning'],
    );
    assert.strictEqual(g.entries.length, 2);
    const [p, by] = g.entries;
    assert.strictEqual(p.id, 'one-china-principle');
    assert.deepStrictEqual(p.aliases, ['一个中国原则'], 'an alias equal to the term after normalisation is dropped');
    assert.deepStrictEqual(p.origin, { file: 'g.yaml', line: 2, column: 5 });
    assert.strictEqual(by.caseSensitive, false);
    assert.strictEqual(g.byId.get('BY'), by);
  });

  it('keeps `members` and `party` through the JSON form the built-in glossary ships in', () => {
    const yaml = joinLines(
      'terms:',
      '  - {id: US, term: United States, kind: party}',
      '  - {id: JP, term: Japan, kind: party}',
      '  - {id: g7, term: Group of Seven, kind: institution, members: [US, JP]}',
      '  - {id: joe-biden, term: Joe Biden, kind: person, party: US}',
    );
    const g = parseGlossary(yaml, 'g.yaml');
    const back = glossaryFromJson(JSON.parse(JSON.stringify({ entries: g.entries.map(entryToJson) })));
    assert.deepStrictEqual(back.byId.get('g7')?.members, ['US', 'JP']);
    assert.strictEqual(back.byId.get('joe-biden')?.party, 'US');
  });

  it('reads a `caseSensitive` list of forms, keeps it through JSON, and warns, located, about an item that is no form', () => {
    const yaml = joinLines(
      'terms:',
      '  - id: CL',
      '    term: Chile',
      '    kind: party',
      '    aliases: [Чили, Republic of Chile]',
      '    caseSensitive: [Chile, Чили, chile, Chilli]',
    );
    const g = parseGlossary(yaml, 'g.yaml');
    assert.deepStrictEqual(g.entries[0].caseSensitive, ['Chile', 'Чили']);
    assert.deepStrictEqual(
      g.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`),
      [
        "6:34 warning `caseSensitive` lists `chile`, which is not one of the entry's forms or blocks (written exactly): ignored",
        "6:41 warning `caseSensitive` lists `Chilli`, which is not one of the entry's forms or blocks (written exactly): ignored",
      ],
    );
    assert.deepStrictEqual(glossaryFromJson(JSON.parse(JSON.stringify({ entries: g.entries.map(entryToJson) }))).entries[0].caseSensitive, ['Chile', 'Чили']);
  });

  it('reads `blocks`, keeps them through JSON, and warns, located, about one that contains no form', () => {
    const yaml = joinLines('terms:', '  - id: NE', '    term: Niger', '    kind: party', '    aliases: [尼日尔]', '    blocks: [Niger Delta, Lake Chad, niger, 尼日尔河]');
    const g = parseGlossary(yaml, 'g.yaml');
    assert.deepStrictEqual(g.entries[0].blocks, ['Niger Delta', '尼日尔河']);
    assert.deepStrictEqual(
      g.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`),
      [
        '6:27 warning `Lake Chad` in `blocks` contains none of the forms of `NE`, so it blocks nothing; it is ignored',
        '6:38 warning `niger` in `blocks` is a form of `NE` itself; it is ignored',
      ],
    );
    const back = glossaryFromJson(JSON.parse(JSON.stringify({ entries: g.entries.map(entryToJson) })));
    assert.deepStrictEqual(back.entries[0].blocks, ['Niger Delta', '尼日尔河']);
    assert.deepStrictEqual(problems(joinLines('terms:', '  - term: A', '    kind: concept', '    blocks: 7')), [
      '4:13 warning `7` in `blocks` contains none of the forms of `a`, so it blocks nothing; it is ignored',
    ]);
  });

  it('reports a YAML syntax error at its line and column', () => {
    assert.deepStrictEqual(problems(joinLines('terms:', '  - term: A', '    kind: party', '  - term: "B', '    kind: party')), ['4:11 error Missing closing "quote']);
  });

  it('reports a missing term or kind, and an unknown kind on the line of `kind:`', () => {
    assert.deepStrictEqual(problems(joinLines('terms:', '  - term: A', '    kind: principal', '  - kind: party', '  - term: B')), [
      '3:11 error unknown kind `principal` (expected one of party, principle, initiative, institution, partnership, agreement, person, concept)',
      '4:5 error entry has no `term`',
      '5:5 error entry has no `kind`',
    ]);
  });

  it('reports duplicate ids and an alias claimed by two entries', () => {
    assert.deepStrictEqual(
      problems(joinLines('terms:', '  - {id: X, term: Alpha, kind: concept}', '  - {id: X, term: Beta, kind: concept}', '  - {term: Gamma, kind: concept, aliases: [ALPHA]}')),
      ['3:10 error duplicate id `X` (first defined at line 2)', '4:44 error `ALPHA` is already a form of `X` (line 2)'],
    );
  });

  it('warns, at the alias, about a form that matches the same text as another of its entry', () => {
    const text = joinLines('terms:', '  - term: Blue Dot Network', '    kind: initiative', '    aliases: [Blue dot network, Blue-Dot Network, BDN]');
    assert.deepStrictEqual(problems(text), [
      '4:15 warning `Blue dot network` matches the same text as `Blue Dot Network` (forms match in any case), so it adds nothing; use `caseSensitive` if the case matters',
      '4:33 warning `Blue-Dot Network` matches the same text as `Blue Dot Network` (forms match in any case), so it adds nothing; use `caseSensitive` if the case matters',
    ]);
    // With the case made to matter, each form is its own.
    assert.deepStrictEqual(problems(joinLines('terms:', '  - term: Georgia', '    kind: party', '    aliases: [GEORGIA]', '    caseSensitive: true')), []);
  });

  it('warns about `see` ids that do not exist, at the id', () => {
    assert.deepStrictEqual(problems(joinLines('terms:', '  - term: A', '    kind: concept', '    see: [b, missing]', '  - term: B', '    kind: concept')), [
      '4:14 warning `see` names `missing`, which this glossary does not define',
    ]);
  });

  it('reads `members` of a group and the `party` a person speaks for, and warns about unknown ids', () => {
    const text = joinLines(
      'terms:',
      '  - {id: US, term: United States, kind: party}',
      '  - {id: JP, term: Japan, kind: party}',
      '  - id: g7',
      '    term: Group of Seven',
      '    kind: institution',
      '    members: [US, JP, XX]',
      '  - term: Fumio Kishida',
      '    kind: person',
      '    party: JP',
      '  - term: Nobody',
      '    kind: person',
      '    party: ZZ',
    );
    const g = parseGlossary(text, 'g.yaml');
    assert.deepStrictEqual(g.byId.get('g7')?.members, ['US', 'JP', 'XX']);
    assert.strictEqual(g.byId.get('fumio-kishida')?.party, 'JP');
    assert.strictEqual(g.byId.get('US')?.members, undefined);
    assert.deepStrictEqual(problems(text), [
      '7:23 warning `members` names `XX`, which this glossary does not define',
      '13:12 warning `party` names `ZZ`, which this glossary does not define',
    ]);
    const merged = mergeGlossaries([g]);
    assert.deepStrictEqual(
      merged.problems.map((p) => p.message),
      ['`members` of `g7` names `XX`, which no glossary defines', '`party` of `nobody` names `ZZ`, which no glossary defines'],
    );
  });

  it('a reference to an entry of another glossary is no problem once merged; a dangling one is one warning, at the id', () => {
    const base = parseGlossary(joinLines('terms:', '  - {id: BY, term: Belarus, kind: party}'), 'base.yaml');
    const text = joinLines('terms:', '  - term: Minsk', '    kind: concept', '    see: [BY, nowhere]', '    party: BY');
    const mine = parseGlossary(text, 'mine.yaml');
    const merged = mergeGlossaries([base, mine]);
    assert.deepStrictEqual(
      merged.problems.map((p) => `${p.file}:${p.line}:${p.column}-${p.endColumn} ${p.severity} ${p.message}`),
      ['mine.yaml:4:15-22 warning `see` of `minsk` names `nowhere`, which no glossary defines'],
    );
    // Alone, the file cannot know BY: the same references, one problem each, at each id.
    assert.deepStrictEqual(
      mergeGlossaries([mine]).problems.map((p) => `${p.line}:${p.column} ${p.message}`),
      [
        '4:11 `see` of `minsk` names `BY`, which no glossary defines',
        '4:15 `see` of `minsk` names `nowhere`, which no glossary defines',
        '5:12 `party` of `minsk` names `BY`, which no glossary defines',
      ],
    );
    // The references survive the trip through a worker (plain data).
    const cloned = glossaryFromJson(JSON.parse(JSON.stringify({ entries: mine.entries, problems: mine.problems })));
    assert.deepStrictEqual(mergeGlossaries([base, cloned]).problems, merged.problems);
  });

  it('marks an unknown kind for the quick fix', () => {
    const g = parseGlossary(joinLines('terms:', '  - term: Foo', '    kind: principal'), 'g.yaml');
    assert.deepStrictEqual(
      g.problems.map((p) => [p.code, p.line, p.column, p.endColumn]),
      [['unknown-kind', 3, 11, 20]],
    );
    assert.strictEqual(glossaryFromJson(JSON.parse(JSON.stringify(g))).problems[0].code, 'unknown-kind');
  });

  it('rebuilds a glossary from plain data (a structured clone, or JSON) with every field, its problems and `byId`', () => {
    const g = parseGlossary(
      joinLines(
        'terms:',
        '  - {id: US, term: United States, kind: party, aliases: [USA], caseSensitive: true}',
        '  - id: g7',
        '    term: Group of Seven',
        '    kind: institution',
        '    members: [US, XX]',
        '    summary: A group.',
        '    details: More.',
        '    sources: [https://example.org/g7]',
        '    see: [US]',
        '  - {term: Antony Blinken, kind: person, party: US}',
        '  - {term: Broken, kind: nonsense}',
      ),
      'file:///w/g.glossary.yaml',
    );
    assert.strictEqual(g.problems.length, 2, 'an unknown kind and an unknown member');
    for (const data of [structuredClone({ entries: g.entries, problems: g.problems }), JSON.parse(JSON.stringify({ entries: g.entries, problems: g.problems }))]) {
      const copy = glossaryFromJson(data);
      assert.deepStrictEqual(copy, g);
      assert.strictEqual(copy.byId.get('g7'), copy.entries[1]);
    }
  });

  it('drops malformed entries and problems from plain data rather than trusting them', () => {
    const copy = glossaryFromJson({
      entries: [{ id: 'a', term: 'A', kind: 'concept', origin: { file: 'f', line: 2, column: 3 } }, { id: 'b', term: 'B', kind: 'weapon' }, null],
      problems: [{ file: 'f', line: 0, message: 'm', severity: 'fatal' }, { file: 'f' }, 'x'],
    });
    assert.deepStrictEqual(
      copy.entries.map((e) => e.id),
      ['a'],
    );
    assert.deepStrictEqual(copy.problems, [{ file: 'f', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message: 'm' }]);
  });

  it('refuses a non-mapping document, a non-list `terms`, and wrong field types', () => {
    assert.deepStrictEqual(problems('- a\n- b\n'), ['1:1 error a glossary must be a mapping with a `terms:` list']);
    assert.deepStrictEqual(problems('terms: 3\n'), ['1:8 error `terms` must be a list of entries']);
    assert.deepStrictEqual(problems(joinLines('terms:', '  - term: A', '    kind: concept', '    aliases: {a: 1}', '    caseSensitive: maybe')), [
      '4:14 error `aliases` must be a list',
      "5:20 error `caseSensitive` must be true, false or a list of the entry's forms",
    ]);
  });

  it('refuses an alias bomb quickly without expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 30; i++)
      lines.push(`${String.fromCharCode(98 + (i % 20))}${i}: &${'r' + i} [*${i === 0 ? 'a' : 'r' + (i - 1)},*${i === 0 ? 'a' : 'r' + (i - 1)},*${i === 0 ? 'a' : 'r' + (i - 1)}]`);
    lines.push('terms:', '  - term: A', '    kind: concept', '    aliases: *r29');
    const started = Date.now();
    const g = parseGlossary(lines.join('\n'), 'bomb.yaml');
    assert.ok(Date.now() - started < 5000);
    assert.strictEqual(g.entries.length, 1);
    assert.ok(g.problems.some((p) => p.severity === 'error'));
  });

  it('refuses absurdly deep nesting with a located error', () => {
    const text = 'terms: ' + '['.repeat(100000) + ']'.repeat(100000);
    const g = parseGlossary(text, 'deep.yaml');
    assert.deepStrictEqual(
      g.problems.map((p) => `${p.line}:${p.column} ${p.message}`),
      ['1:72 YAML nesting deeper than 64 levels is refused'],
    );
  });

  it('merges in order: a later entry with the same id overrides, a form claimed twice stays with the first', () => {
    const builtin = parseGlossary(
      joinLines('terms:', '  - {id: BY, term: Belarus, kind: party, aliases: [Belarusian side]}', '  - {id: KE, term: Kenya, kind: party}'),
      'builtin.yaml',
    );
    const user = parseGlossary(
      joinLines('terms:', '  - {id: BY, term: Belarus, kind: party, summary: Mine}', '  - {id: kenyans, term: Kenyans, kind: concept, aliases: [Kenya]}'),
      'user.yaml',
    );
    const merged = mergeGlossaries([builtin, user]);
    assert.strictEqual(merged.byId.get('BY')!.summary, 'Mine');
    assert.deepStrictEqual(merged.byId.get('kenyans')!.aliases, []);
    assert.deepStrictEqual(
      merged.problems.map((p) => `${p.file}:${p.line} ${p.message.split(' (')[0]}`),
      ['user.yaml:3 `Kenya` of `kenyans` is already a form of `KE`'],
    );
  });

  it('slugifies terms into ids', () => {
    assert.strictEqual(slugify("People's Republic of China"), 'peoples-republic-of-china');
    assert.strictEqual(slugify('Türkiye – EU'), 'turkiye-eu');
  });
});

describe('glossary asOf', () => {
  const entry = (asOf: string) => joinLines('terms:', '  - id: g7', '    term: Group of Seven', '    kind: institution', `    asOf: ${asOf}`);

  it('keeps a valid date or month, read whole or entry by entry', () => {
    for (const cache of [undefined, new GlossaryParseCache()]) {
      assert.strictEqual(parseGlossary(entry('2026-11-30'), 'g.yaml', { cache }).entries[0].asOf, '2026-11-30');
      assert.strictEqual(parseGlossary(entry('"2024-02"'), 'g.yaml', { cache }).entries[0].asOf, '2024-02');
    }
  });

  it('reports a date that is not a date where it is written, and keeps the entry without it', () => {
    for (const [value, shown] of [
      ['2026-02-30', '`2026-02-30`'],
      ['30 November 2026', '`30 November 2026`'],
      ['2026', '`2026`'],
      ['[2026-11-30]', 'a list or mapping'],
    ]) {
      const g = parseGlossary(entry(value), 'g.yaml');
      assert.deepStrictEqual(
        g.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`),
        [`5:11 error \`asOf\` must be a date written YYYY-MM-DD (e.g. 2026-11-30) or YYYY-MM; got ${shown}`],
        value,
      );
      assert.deepStrictEqual([g.entries.length, g.entries[0].asOf], [1, undefined]);
    }
  });

  it('reads only real calendar dates', () => {
    assert.deepStrictEqual(parseAsOf('2026-11-30'), { year: 2026, month: 11, day: 30 });
    assert.deepStrictEqual(parseAsOf('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.deepStrictEqual(parseAsOf('2026-11'), { year: 2026, month: 11 });
    for (const bad of ['2025-02-29', '2026-04-31', '2026-13-01', '2026-00', '2026-11-00', '1899-12-31', '2026-1-5', '20261130', ''])
      assert.strictEqual(parseAsOf(bad), undefined, bad);
  });

  it('writes a date for reading', () => {
    assert.strictEqual(formatAsOf('2026-11-30'), '30 November 2026');
    assert.strictEqual(formatAsOf('2026-01'), 'January 2026');
  });

  it('warns about entries checked longer ago than the age allowed, or dated in the future, at their line', () => {
    const g = parseGlossary(
      joinLines(
        'terms:',
        '  - id: old',
        '    term: Old',
        '    kind: concept',
        '    asOf: 2025-11-29',
        '  - id: fresh',
        '    term: Fresh',
        '    kind: concept',
        '    asOf: 2025-11-30',
        '  - id: month',
        '    term: Month',
        '    kind: concept',
        '    asOf: 2025-11',
        '  - id: future',
        '    term: Future',
        '    kind: concept',
        '    asOf: 2026-12-01',
        '  - id: undated',
        '    term: Undated',
        '    kind: concept',
      ),
      'g.yaml',
    );
    const today = new Date(Date.UTC(2026, 10, 30, 23, 59));
    assert.deepStrictEqual(
      findStaleEntries(g.entries, today, 365).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}`),
      [
        'g.yaml:2:5 warning `old` was last checked 366 days ago (asOf 2025-11-29, more than 365 days): check its facts and update `asOf`',
        'g.yaml:10:5 warning `month` was last checked 394 days ago (asOf 2025-11, more than 365 days): check its facts and update `asOf`',
        'g.yaml:14:5 warning `future` has an `asOf` in the future (2026-12-01)',
      ],
    );
    assert.deepStrictEqual(findStaleEntries(g.entries, today, 0), [], '0 turns the check off');
    assert.strictEqual(findStaleEntries(g.entries, today).length, 3, 'a year by default');
  });

  it('survives the JSON round trip, and drops a malformed asOf from JSON', () => {
    const g = parseGlossary(entry('2026-11-30'), 'g.yaml');
    assert.strictEqual(glossaryFromJson({ entries: g.entries.map(entryToJson) }).entries[0].asOf, '2026-11-30');
    assert.strictEqual(glossaryFromJson({ entries: [{ ...entryToJson(g.entries[0]), asOf: 'soon' }] }).entries[0].asOf, undefined);
  });
});
