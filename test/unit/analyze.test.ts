/**
 * The analysis facade's block structure: blocks and annotations, the per-block cache across edits,
 * and the memory that cache keeps over a long editing session.
 */
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { BlockCache, analyzeText, analyzeTextInSlices, compileGlossary, splitBlocks, type Analysis } from '../../src/core/analyze';
import { parseGlossary } from '../../src/core/glossary';
import { comparableAnalysis, fixture, fixtureGlossary, joinLines } from './helpers';

describe('analysis', () => {
  const glossary = fixtureGlossary();

  it('cuts blocks after lines that end a sentence and at blank lines, and keeps an annotation in one block', () => {
    const text = joinLines('The two sides agreed.', 'They will meet', 'again soon.', '', 'Next.');
    assert.deepStrictEqual(
      splitBlocks(text).map((b) => text.slice(b.start, b.end)),
      ['The two sides agreed.\n', 'They will meet\nagain soon.\n', '\n', 'Next.'],
    );
    const markup = { start: text.indexOf('agreed'), end: text.indexOf('They') + 4 };
    assert.deepStrictEqual(
      splitBlocks(text, [markup]).map((b) => text.slice(b.start, b.end)),
      ['The two sides agreed.\nThey will meet\nagain soon.\n', '\n', 'Next.'],
    );
  });

  it('shares the results of unchanged blocks with the analysis before an edit', () => {
    const text = fixture('china-belarus-2022.txt');
    const cache = new BlockCache();
    const before = analyzeText(text, glossary, { cache });
    const at = text.indexOf('\n', text.length / 2) + 1;
    const after = analyzeText(text.slice(0, at) + 'Indeed, ' + text.slice(at), glossary, { cache });
    const shared = after.blocks.filter((b) => before.blocks.some((p) => p.result === b.result)).length;
    assert.strictEqual(after.blocks.length, before.blocks.length);
    assert.strictEqual(shared, after.blocks.length - 1, 'only the edited block is analysed again');
  });

  it('finds the unchanged blocks of a long document by place, before and after an edit anywhere, with results equal to a fresh analysis', () => {
    // Long enough that the shared start and end are found over several comparisons.
    const paragraph = fixture('china-belarus-2022.txt');
    const text = Array.from({ length: 40 }, (_, i) => paragraph.replace(/^/gm, `(${i}) `)).join('\n\n');
    const at = (fraction: number) => text.indexOf('\n', Math.floor(text.length * fraction)) + 1;
    const edits = [
      text.slice(0, at(0.5)) + 'Indeed, ' + text.slice(at(0.5)),
      text.slice(0, at(0.1)) + text.slice(at(0.1) + 40),
      'The two sides met.\n' + text,
      text + '\nThe two sides will meet again.',
      text.slice(0, at(0.7)) + paragraph + '\n' + text.slice(at(0.7)),
      text,
    ];
    const cache = new BlockCache();
    let before = analyzeText(text, glossary, { cache });
    for (const version of edits) {
      const after = analyzeText(version, glossary, { cache });
      assert.deepStrictEqual(comparableAnalysis(after), comparableAnalysis(analyzeText(version, glossary)));
      // Most blocks keep the result objects of the analysis before.
      const kept = after.blocks.filter((b) => before.blocks.some((p) => p.result === b.result)).length;
      assert.ok(kept > after.blocks.length * 0.8, `${kept} of ${after.blocks.length} blocks kept`);
      before = after;
    }
  });

  it('shares one cache between two statements (the sides of a diff): the second reuses the paragraphs they share, each analysed as alone', () => {
    const pairs = [
      [fixture('china-belarus-2022.txt'), fixture('diff/china-belarus-2022-edited.txt')],
      // Consecutive resolutions, most paragraphs word for word the same.
      [fixture('diff/unga-79-7-cuba-embargo.txt'), fixture('diff/unga-80-4-cuba-embargo.txt')],
      // Other parties and another organ: the second's results are its own, only terms and sentences of shared text carry.
      [fixture('real/g7-leaders-statement-2022.statement'), fixture('real/unsc-242-1967.statement')],
      [fixture('real/zh-china-france-ai-2024.statement'), fixture('real/zh-china-france-2025.statement')],
    ];
    for (const [oldText, newText] of pairs) {
      const cache = new BlockCache();
      const first = analyzeText(oldText, glossary, { statement: true, cache });
      const second = analyzeText(newText, glossary, { statement: true, cache });
      for (const [analysis, text] of [
        [first, oldText],
        [second, newText],
      ] as const) {
        const alone = analyzeText(text, glossary, { statement: true });
        assert.deepStrictEqual(comparableAnalysis(analysis), comparableAnalysis(alone));
        assert.deepStrictEqual(analysis.warnings, alone.warnings);
      }
    }
    const [oldText, newText] = pairs[1];
    const cache = new BlockCache();
    const first = analyzeText(oldText, glossary, { cache });
    const second = analyzeText(newText, glossary, { cache });
    const shared = second.blocks.filter((b) => first.blocks.some((p) => p.result === b.result)).length;
    assert.ok(shared >= second.blocks.length / 2, `${shared} of ${second.blocks.length} paragraphs taken from the first statement`);
  });

  it('reuses the results of unchanged annotated blocks too, and re-reads a block whose markup changed', () => {
    const text = joinLines(
      '---',
      'parties: [CN, BY]',
      '---',
      '[The Belarusian side supports the Global Development Initiative]{.commitment type=support parties="BY"}.',
      '',
      'The two sides agreed to deepen cooperation.',
      '',
      'The [Chinese side]{#CN} welcomes it.',
    );
    const cache = new BlockCache();
    const before = analyzeText(text, glossary, { cache });
    const edited = text.replace('deepen cooperation', 'deepen their cooperation');
    const after = analyzeText(edited, glossary, { cache });
    assert.deepStrictEqual(comparableAnalysis(after), comparableAnalysis(analyzeText(edited, glossary)));
    const shared = after.blocks.filter((b) => before.blocks.some((p) => p.result === b.result)).length;
    assert.strictEqual(shared, after.blocks.length - 1, 'only the edited block is analysed again');
    // Same plain text, other markup: not the cached result.
    const retyped = edited.replace('type=support', 'type=affirm');
    const again = analyzeText(retyped, glossary, { cache });
    assert.deepStrictEqual(comparableAnalysis(again), comparableAnalysis(analyzeText(retyped, glossary)));
    assert.strictEqual(again.commitments.find((c) => c.explicit)?.type, 'affirm');
  });

  it("matches the forms a `caseSensitive` list names case-sensitively, and the entry's other forms in any case", () => {
    const yaml = joinLines(
      'terms:',
      '  - id: TD',
      '    term: Chad',
      '    kind: party',
      '    aliases: [Republic of Chad, Чад, Чада, чадская сторона, TCD]',
      '    caseSensitive: [Chad, Чад, Чада]',
    );
    const g = compileGlossary(parseGlossary(yaml, 'g.yaml'));
    const found = (text: string) => analyzeText(text, g).terms.map((t) => text.slice(t.start, t.end));
    assert.deepStrictEqual(found('Chad and the Republic of Chad met; a hanging chad.'), ['Chad', 'Republic of Chad']);
    assert.deepStrictEqual(found('REPUBLIC OF CHAD; tcd; TCD'), ['REPUBLIC OF CHAD', 'TCD'], 'unlisted forms keep the default rule');
    assert.deepStrictEqual(found('Чад и Чада; в чаду, чад. Чадская сторона приветствовала.'), ['Чад', 'Чада', 'Чадская сторона']);
  });

  it('takes document parties from where the document names them, never from mentions; a group stands for its members', () => {
    const yaml = joinLines(
      'terms:',
      '  - {id: US, term: United States, kind: party}',
      '  - {id: JP, term: Japan, kind: party}',
      '  - {id: UA, term: Ukraine, kind: party}',
      '  - {id: RU, term: Russia, kind: party}',
      '  - {id: g7, term: Group of Seven, kind: institution, aliases: [G7], members: [US, JP]}',
    );
    const g7 = compileGlossary(parseGlossary(yaml, 'g.yaml'));
    const body = joinLines('We are determined to work together to:', '- support Ukraine against the war of Russia;', '- promote the rule of law.');
    const opened = analyzeText(joinLines('Leaders’ Communiqué', 'We, the Leaders of the Group of Seven (G7), met in Hiroshima.', body), g7);
    assert.deepStrictEqual(
      opened.parties.map((p) => p.id),
      ['US', 'JP'],
    );
    assert.deepStrictEqual([...new Set(opened.commitments.map((c) => c.parties.join(',')))], ['US,JP']);
    // Names with articles and an Oxford comma: the appositive runs to the comma before the verb.
    const named = analyzeText('We, the leaders of Japan, the United States, and the Group of Seven, met in Kyiv with Ukraine.', g7);
    assert.deepStrictEqual(
      named.parties.map((p) => p.id),
      ['JP', 'US'],
    );
    // The states a text mentions most are not its parties.
    assert.deepStrictEqual(analyzeText(joinLines('Leaders’ Communiqué', body), g7).parties, []);
  });

  it('reads a group named in a title as its members only when the title is the group’s own, and never in a resolution’s paragraphs', () => {
    const yaml = joinLines(
      'terms:',
      '  - {id: UN, term: United Nations, kind: party}',
      '  - {id: US, term: United States, kind: party}',
      '  - {id: MX, term: Mexico, kind: party}',
      '  - {id: CU, term: Cuba, kind: party}',
      '  - {id: un-general-assembly, term: General Assembly, kind: institution}',
      '  - {id: oas, term: Organization of American States, kind: institution, aliases: [OAS], members: [US, MX]}',
      '  - {id: nam, term: Non-Aligned Movement, kind: institution, members: [MX, CU]}',
    );
    const g = compileGlossary(parseGlossary(yaml, 'g.yaml'));
    const parties = (...lines: string[]) => analyzeText(joinLines(...lines), g).parties.map((p) => p.id);
    assert.deepStrictEqual(parties('OAS Declaration on Democracy', 'The ministers met in Lima.'), ['US', 'MX']);
    // The title of a General Assembly resolution: the group is the United Nations' partner.
    const title = 'Cooperation between the United Nations and the Organization of American States';
    assert.deepStrictEqual(parties(title, 'The General Assembly,', 'Welcomes the cooperation.'), []);
    const welcomes = '1. Welcomes the cooperation between the United Nations and the Organization of American States;';
    assert.deepStrictEqual(parties('Resolution 80/1', 'The General Assembly,', welcomes), []);
    // "The General Assembly," opens the body: the paragraphs after it are no title, group or no group.
    const recalling = 'Recalling the final document of the Non-Aligned Movement and the cooperation of Cuba and Mexico,';
    assert.deepStrictEqual(parties('Resolution adopted by the General Assembly', 'The General Assembly,', recalling, '1. Requests a report;'), []);
  });

  it('takes the parties from leaders who open the text ("President X of A and President Y of B met")', () => {
    const yaml = joinLines(
      'terms:',
      '  - {id: US, term: United States of America, kind: party, aliases: [United States]}',
      '  - {id: KR, term: Republic of Korea, kind: party, aliases: [ROK]}',
      '  - {id: KP, term: DPRK, kind: party}',
      '  - {id: yoon, term: Yoon Suk Yeol, kind: person, party: KR}',
      '  - {id: biden, term: Joseph R. Biden, kind: person, party: US}',
    );
    const g = compileGlossary(parseGlossary(yaml, 'g.yaml'));
    const parties = (...lines: string[]) => analyzeText(joinLines(...lines), g).parties.map((p) => p.id);
    const opening = 'President Joseph R. Biden of the United States of America and President Yoon Suk Yeol of the Republic of Korea (ROK) met today.';
    assert.deepStrictEqual(parties('Washington Declaration', opening), ['US', 'KR']);
    // A leader's name alone stands for the leader's party.
    assert.deepStrictEqual(parties('Washington Declaration', 'President Joseph R. Biden and President Yoon Suk Yeol met today.'), ['US', 'KR']);
    // A definition names the parties before it; "between" only the parties right after it.
    const mou =
      'Pursuant to this Memorandum, the Governments of the Republic of Korea and the United States of America (the “Participants”) commit to build a corridor between Asia and the DPRK.';
    assert.deepStrictEqual(parties('Memorandum of Understanding', mou), ['KR', 'US']);
    assert.deepStrictEqual(parties('Memorandum of Understanding', 'Trade between Asia and Europe grows; the DPRK and the United States of America watch.'), []);
    assert.deepStrictEqual(parties('Agreement between the Republic of Korea and the United States of America', 'Article 1'), ['KR', 'US']);
    // The delegations that open the text ("ministers and senior officials from …").
    const met = '1. On 29 July 2017 ministers and senior officials from the Republic of Korea and the United States of America met in Seoul.';
    assert.deepStrictEqual(parties('Joint Statement', met), ['KR', 'US']);
    // "We, the <group's name> Foreign Ministers": the group.
    const asean = compileGlossary(parseGlossary(joinLines('terms:', '  - {id: ASEAN, term: Association of Southeast Asian Nations, kind: party, aliases: [ASEAN]}'), 'a.yaml'));
    assert.deepStrictEqual(
      analyzeText('We, the ASEAN Foreign Ministers, recall the Declaration.', asean).parties.map((p) => p.id),
      ['ASEAN'],
    );
    // A leader who is the object, not the opener, names no party of the document.
    assert.deepStrictEqual(parties('Washington Declaration', 'The DPRK threatened President Yoon Suk Yeol and the United States.'), []);
  });

  it('takes the parties of a Chinese statement from its title before 关于, by name or initials, or from its visit opening', () => {
    const yaml = joinLines(
      'terms:',
      '  - {id: CN, term: China, kind: party, aliases: [中国, 中华人民共和国]}',
      '  - {id: RU, term: Russia, kind: party, aliases: [俄罗斯, 俄罗斯联邦]}',
      '  - {id: UA, term: Ukraine, kind: party, aliases: [乌克兰]}',
      '  - {id: PK, term: Pakistan, kind: party, aliases: [巴基斯坦, 巴基斯坦伊斯兰共和国]}',
      '  - {id: PS, term: Palestine, kind: party, aliases: [巴勒斯坦]}',
      '  - {id: KZ, term: Kazakhstan, kind: party, aliases: [哈萨克斯坦, 哈萨克斯坦共和国]}',
      '  - {id: xi, term: Xi Jinping, kind: person, party: CN, aliases: [习近平]}',
    );
    const g = compileGlossary(parseGlossary(yaml, 'g.yaml'));
    const parties = (...lines: string[]) => analyzeText(joinLines(...lines), g).parties.map((p) => p.id);
    const opening = '应中华人民共和国主席习近平邀请，俄罗斯联邦总统于5月16日至17日对中国进行国事访问。';
    // The topic after 关于 names no party of the document.
    assert.deepStrictEqual(parties('中华人民共和国和俄罗斯联邦关于乌克兰问题的联合声明', opening), ['CN', 'RU']);
    // Initials: each stands for the party of that first character the text names ("中巴": Pakistan,
    // named in the opening, not Palestine of the title's topic).
    assert.deepStrictEqual(parties('中俄关于乌克兰问题的联合声明', opening), ['CN', 'RU']);
    const pk = '应中华人民共和国主席习近平邀请，巴基斯坦伊斯兰共和国总理对中国进行正式访问。双方支持巴勒斯坦人民。';
    assert.deepStrictEqual(parties('中巴关于巴勒斯坦问题的联合声明', pk), ['CN', 'PK']);
    assert.deepStrictEqual(parties('中巴联合声明', pk), ['CN', 'PK']);
    // No party in the title: the visit opening names them (the inviter through its president).
    assert.deepStrictEqual(parties('联合声明', '应习近平主席邀请，哈萨克斯坦共和国总统对中国进行国事访问。'), ['CN', 'KZ']);
    // An unknown initial resolves nothing; a title of one party is no title of parties.
    assert.deepStrictEqual(parties('中德关于乌克兰问题的联合声明', '中国和乌克兰支持和平。'), ['CN', 'UA']);
  });

  it('carries a lead-in into the blocks of its items: editing it re-analyses them, an edit elsewhere does not', () => {
    const text = fixture('lead-in-lists.txt');
    const cache = new BlockCache();
    const before = analyzeText(text, glossary, { cache });
    const itemParties = (a: Analysis) => a.commitments.filter((c) => /^(?:to meet|To further|to oppose)$/.test(c.trigger)).map((c) => c.parties.join(','));
    assert.deepStrictEqual(itemParties(before), ['US,KE', 'US,KE', 'US,KE']);
    const edited = text.replace('The Parties agree:', 'Kenya agrees:');
    const after = analyzeText(edited, glossary, { cache });
    assert.deepStrictEqual(itemParties(after), ['KE', 'KE', 'KE']);
    assert.deepStrictEqual(comparableAnalysis(after), comparableAnalysis(analyzeText(edited, glossary)));
    // A one-line edit outside any list re-analyses that block only.
    const elsewhere = analyzeText(edited.replace('held talks', 'held useful talks'), glossary, { cache });
    const shared = elsewhere.blocks.filter((b) => after.blocks.some((p) => p.result === b.result)).length;
    assert.strictEqual(shared, elsewhere.blocks.length - 1);
  });

  it('analyses in slices to the same result, and can be abandoned between slices', async () => {
    const base = fixture('china-belarus-2022.txt') + '\n' + fixture('zh-joint-statement.txt');
    const text = Array.from({ length: 30 }, (_, k) => base.replace(/^(?=\S)/gm, `(${k}) `)).join('\n');
    const strip = (a: Analysis) => ({ ...comparableAnalysis(a), blocks: a.blocks.length });
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    const cache = new BlockCache();
    const sliced = await analyzeTextInSlices(text, glossary, { cache, sliceMs: 0, pause });
    assert.ok(sliced && pauses > 5, `${pauses} pauses`);
    assert.deepStrictEqual(strip(sliced), strip(analyzeText(text, glossary)));
    // Abandoned after a few slices: nothing is returned, and the cache still gives right answers.
    const other = new BlockCache();
    let left = 3;
    assert.strictEqual(await analyzeTextInSlices(text, glossary, { cache: other, sliceMs: 0, pause, cancelled: () => --left < 0 }), undefined);
    assert.deepStrictEqual(strip(analyzeText(text, glossary, { cache: other })), strip(analyzeText(text, glossary)));
  });

  it('pauses within long blocks too: no step covers much more than one 32 K block', async () => {
    // 1 MB without sentence punctuation: 32 blocks of 32 K characters, fewer than a step's 64 blocks.
    const text = Array.from({ length: 14000 }, (_, i) => `the two sides will deepen cooperation in field ${i}`).join('\n');
    const blocks = splitBlocks(text).length;
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    await analyzeTextInSlices(text, glossary, { sliceMs: 0, pause });
    // Terms and commitments each pause before every block but the first.
    assert.ok(pauses >= 2 * (blocks - 1), `${pauses} pauses for ${blocks} blocks`);
  });

  it('does not keep earlier versions of a document alive through its cache', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const base = fixture('china-belarus-2022.txt');
    let n = 0;
    let text = Array.from({ length: 200 }, () => base.replace(/^(?=\S)/gm, () => `(${++n}) `)).join('\n');
    const cache = new BlockCache();
    analyzeText(text, glossary, { cache });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 60; k++) {
      // An edit in another paragraph each time, on a fresh flat string as an editor hands it over.
      const at = text.indexOf('\n', Math.floor((((k * 7919) % 1000) / 1000) * text.length)) + 1;
      text = Buffer.from(text.slice(0, at) + 'x' + text.slice(at)).toString();
      analyzeText(text, glossary, { cache });
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Keeping each version (~1 MB, two bytes a character) would grow the heap by ~60 MB.
    assert.ok(grown < 8e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 60 edits of a ${(text.length / 1e6).toFixed(2)} M-character text`);
  });
});

describe('hand-annotated commitments', () => {
  const glossary = fixtureGlossary();
  const statement = (...body: string[]) => analyzeText(joinLines('---', 'parties: [CN, BY]', '---', ...body), glossary, { statement: true });
  const actors = (a: Analysis) => a.commitments.map((c) => [c.actor, c.parties.join(' '), c.explicit === true]);

  it('keep the parties they name, with the actor detection reads', () => {
    assert.deepStrictEqual(actors(statement('The two sides [will deepen cooperation]{.commitment type=pledge parties="BY"}.')), [['The two sides', 'BY', true]]);
  });

  it('take the actor that opens their clause when detection finds no commitment there', () => {
    const a = statement('The [Belarusian side]{.party} [took note with interest of the plan]{.commitment type=support}.');
    assert.deepStrictEqual(actors(a), [['The Belarusian side', 'BY', true]]);
    // The actor's span runs over the markup inside it, from "The" to "side".
    const c = a.commitments[0];
    assert.strictEqual(a.plain.slice(c.actorSpan.start, c.actorSpan.end).replace(/\s+/g, ' '), 'The Belarusian side');
  });

  it('take their actor from the text as written: markup inside a Chinese clause does not split it', () => {
    const a = analyzeText(
      joinLines('---', 'parties: [CN, BY]', 'language: zh', '---', '[[中白]{note="白俄罗斯首次使用"}两国重申坚持多边主义]{.commitment type=affirm}。'),
      glossary,
      {
        statement: true,
      },
    );
    assert.deepStrictEqual(actors(a), [['中白两国', 'CN BY', true]]);
  });

  it('resolve the parties of an actor they name without parties', () => {
    assert.deepStrictEqual(actors(statement('[will deepen cooperation]{.commitment type=pledge actor="the Belarusian side"}.')), [['the Belarusian side', 'BY', true]]);
  });

  it("in a resolution, are the organ's when nothing else names an actor", () => {
    const a = analyzeText(joinLines('The Security Council,', '', '[Underlines the importance of dialogue]{.commitment type=affirm}.'), glossary, { statement: true });
    assert.deepStrictEqual(actors(a), [['The Security Council', 'un-security-council', true]]);
  });

  it('read words annotated with a kind as the glossary entry they are a form of', () => {
    const a = analyzeText('[中华人民共和国]{.party}和[白俄罗斯]{.party}发表联合声明。', glossary, { statement: true });
    assert.deepStrictEqual(
      a.terms.map((t) => [t.id, t.explicit]),
      [
        ['CN', true],
        ['BY', true],
      ],
    );
    assert.deepStrictEqual(
      analyzeText('[Narnia]{.party} spoke.', glossary, { statement: true }).terms.map((t) => t.id),
      ['Narnia'],
    );
  });
  it('takes the states a statement lists after "We," as its parties (Atlantic Cooperation 2022)', () => {
    const text = joinLines('Joint Statement on Cooperation', 'We, Chile, Peru, the United States, and Kenya, as coastal countries, share a commitment to a peaceful region.');
    assert.deepStrictEqual(
      analyzeText(text, fixtureGlossary()).parties.map((p) => p.id),
      ['CL', 'PE', 'US', 'KE'],
    );
  });
});
