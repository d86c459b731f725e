/**
 * The built-in glossary stays healthy (schema-valid, no clashes, every `see` resolves, party ids
 * are ISO codes or organisation acronyms, every entry explained, coverage minimums), and the
 * reference texts read the same with it as with the test glossary.
 */
import * as assert from 'assert';
import Ajv from 'ajv';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { analyzeText, compileGlossary } from '../../src/core/analyze';
import { formsOf, glossaryFromJson, parseAsOf } from '../../src/core/glossary';
import { termHover } from '../../src/core/hover';
import { entryToJson } from '../../src/core/report';
import { builtinGlossaryFiles, parseBuiltinGlossary } from '../../src/node/builtin';
import { ROOT, describeCommitments, fixture, fixtureGlossary, joinLines } from './helpers';

const ISO_3166_ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ ' +
    'OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK'
  ).split(' '),
);
/** Organisations that act as parties; ids that are not ISO codes must be one of these. */
const ORGANISATIONS = new Set(['EU', 'ASEAN', 'african-union', 'UN', 'GCC', 'LAS', 'ECOWAS', 'CARICOM', 'MERCOSUR', 'CELAC']);

/** Sources that are encyclopedias: an entry that cites nothing else rests on an encyclopedia alone. */
const ENCYCLOPEDIA = /^https?:\/\/(?:[^/]+\.)?(?:wikipedia\.org|wikidata\.org|britannica\.com|encyclopedia\.com)(?:[/:?#]|$)/i;
/** How a summary presents a group of states ("the regional organisation of eight South Asian states"). */
const GROUP_OF_STATES =
  /\b(?:grouping|group|alliance|bloc|union|community|association|organi[sz]ation|forum|format|coalition|club|confederation|cooperation)\b of\b(?:(?![.;]).)*?\b(?:states|countries|economies|democracies|producers|monarchies|nations)\b/i;
describe('built-in glossary', () => {
  const glossary = parseBuiltinGlossary(ROOT);
  const entries = glossary.entries;

  it('loads without errors or warnings', () => {
    assert.deepStrictEqual(
      glossary.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
      [],
    );
  });

  it('validates against the shipped JSON schema', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'glossary/glossary.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const file of builtinGlossaryFiles(ROOT)) {
      const ok = validate(parse(readFileSync(file, 'utf8')));
      assert.ok(ok, `${path.basename(file)}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
    }
  });

  it('gives parties ISO 3166-1 alpha-2 codes or organisation acronyms', () => {
    const bad = entries.filter((e) => e.kind === 'party' && !ISO_3166_ALPHA2.has(e.id) && !ORGANISATIONS.has(e.id)).map((e) => e.id);
    assert.deepStrictEqual(bad, []);
  });

  it('explains every entry with a summary, and sources most of them', () => {
    assert.deepStrictEqual(
      entries.filter((e) => !e.summary).map((e) => e.id),
      [],
    );
    const sourced = entries.filter((e) => e.sources.length > 0).length;
    assert.ok(sourced / entries.length >= 0.8, `${sourced} of ${entries.length} entries have sources`);
    assert.deepStrictEqual(
      entries.flatMap((e) => e.sources.filter((s) => !/^https?:\/\//.test(s)).map((s) => `${e.id}: ${s}`)),
      [],
    );
  });

  it('meets the coverage minimums by kind, with Chinese forms', () => {
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    const minimums: Record<string, number> = { party: 150, principle: 60, initiative: 40, institution: 60, partnership: 10, agreement: 20 };
    const principles = count('principle') + count('concept');
    const short = Object.entries(minimums)
      .map(([kind, min]) => [kind, kind === 'principle' ? principles : count(kind), min] as const)
      .filter(([, n, min]) => n < min);
    assert.deepStrictEqual(short, []);
    const chinese = entries.filter((e) => e.aliases.some((a) => /[\u4e00-\u9fff]/.test(a))).length;
    assert.ok(chinese >= 150, `${chinese} entries have Chinese aliases`);
    // Issue #11: at least 800 entries (921 when this floor was set).
    assert.ok(entries.length >= 800, `${entries.length} entries`);
  });

  it('names contested places and formulas by entries of their own, not by the states inside them', () => {
    const compiled = compileGlossary(glossary);
    const found = (text: string) => analyzeText(text, compiled).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    assert.deepStrictEqual(found('The Turkish Republic of Northern Cyprus; the Turkish Cypriot and Greek Cypriot leaders met.'), [
      'northern-cyprus:Turkish Republic of Northern Cyprus',
      'cypriot-communities:Turkish Cypriot',
      'cypriot-communities:Greek Cypriot',
    ]);
    assert.deepStrictEqual(found('约旦河西岸和加沙地带局势。中国式现代化。'), ['west-bank:约旦河西岸', 'gaza-strip:加沙地带', 'chinese-modernization:中国式现代化']);
    assert.deepStrictEqual(found('We reiterate that the award rendered by the Arbitral Tribunal on 12 July 2016 is a significant milestone.'), [
      'south-china-sea-arbitration:award rendered by the Arbitral Tribunal on 12 July 2016',
    ]);
    assert.deepStrictEqual(found('Russia calls it a special military operation; the Assembly sought a comprehensive, just and lasting peace in Ukraine.'), [
      'RU:Russia',
      'special-military-operation:special military operation',
      'comprehensive-just-and-lasting-peace:comprehensive, just and lasting peace in Ukraine',
    ]);
  });

  describe('meets the quality floors, computed from the files', () => {
    it('gives Russian forms to at least 90 % of parties', () => {
      const parties = entries.filter((e) => e.kind === 'party');
      const without = parties.filter((e) => !formsOf(e).some((f) => /\p{Script=Cyrillic}/u.test(f))).map((e) => e.id);
      assert.ok(without.length <= parties.length * 0.1, `${parties.length - without.length} of ${parties.length} parties have Russian forms; none: ${without.join(', ')}`);
    });

    it('gives Russian forms to at least 90 % of principles', () => {
      const principles = entries.filter((e) => e.kind === 'principle');
      const without = principles.filter((e) => !formsOf(e).some((f) => /\p{Script=Cyrillic}/u.test(f))).map((e) => e.id);
      assert.ok(
        without.length <= principles.length * 0.1,
        `${principles.length - without.length} of ${principles.length} principles have Russian forms; none: ${without.join(', ')}`,
      );
    });

    it('rests at most a quarter of entries on an encyclopedia alone', () => {
      const encyclopediaOnly = entries.filter((e) => e.sources.length > 0 && e.sources.every((s) => ENCYCLOPEDIA.test(s))).map((e) => e.id);
      assert.ok(
        encyclopediaOnly.length <= entries.length / 4,
        `${encyclopediaOnly.length} of ${entries.length} entries cite only an encyclopedia: ${encyclopediaOnly.slice(0, 30).join(', ')}…`,
      );
    });

    it('lists the members of every group: organisations that are parties, and bodies whose summary calls them a group of states', () => {
      const groups = entries.filter((e) => (e.kind === 'party' && !ISO_3166_ALPHA2.has(e.id)) || (e.kind === 'institution' && GROUP_OF_STATES.test(e.summary ?? '')));
      assert.ok(groups.length >= 30, `${groups.length} groups found: the rule no longer finds them`);
      // Issue #11: every group entry with members, the coalitions that speak through a chair (G77, NAM) too.
      const without = groups.filter((e) => !e.members?.length).map((e) => e.id);
      assert.deepStrictEqual(without, [], 'groups without members');
    });
  });

  it('reads the reference statements as the test glossary does', () => {
    const compiled = compileGlossary(glossary);
    for (const name of ['china-belarus-2022.txt', 'zh-joint-statement.txt', 'leaders-communique.txt', 'numbered-joint-statement.txt', 'treaty-excerpt.txt']) {
      const text = fixture(name);
      const withBuiltin = describeCommitments(text, analyzeText(text, compiled));
      const withFixture = describeCommitments(text, analyzeText(text, fixtureGlossary()));
      assert.deepStrictEqual(withBuiltin, withFixture, name);
    }
  });

  it('recognises terms and commitments of statements it was not tuned on, in English and Chinese', () => {
    const compiled = compileGlossary(glossary);
    const en = fixture('unseen-eu-japan.txt');
    const a = analyzeText(en, compiled);
    const kinds = a.terms.map((t) => `${t.kind}:${en.slice(t.start, t.end)}`);
    for (const expected of [
      'party:European Union',
      'party:Japan',
      'principle:rules-based international order',
      'initiative:Global Gateway',
      'initiative:Partnership for Global Infrastructure and Investment',
      'concept:South China Sea',
      'institution:G20',
      'institution:United Nations Security Council',
      'agreement:Paris Agreement',
      'agreement:UNCLOS',
    ]) {
      assert.ok(kinds.includes(expected), `${expected} not in ${JSON.stringify(kinds)}`);
    }
    assert.deepStrictEqual(
      a.parties.map((p) => p.id),
      ['EU', 'JP'],
    );
    assert.deepStrictEqual(describeCommitments(en, a), [
      "L2 affirm 'reaffirmed' [EU,JP]",
      "L3 support 'welcomed' [EU,JP]",
      // "stressed the importance of peace and stability across the Taiwan Strait": an affirmation.
      "L4 affirm 'stressed' [EU,JP]",
      "L5 pledge 'will cooperate' [EU,JP]",
      "L5 pledge 'support' [EU,JP]",
      "L6 support 'welcomed' [JP]",
    ]);
    const zh = fixture('unseen-zh-kenya.txt');
    const b = analyzeText(zh, compiled);
    const zhKinds = b.terms.map((t) => `${t.kind}:${zh.slice(t.start, t.end)}`);
    for (const expected of [
      'party:肯尼亚共和国',
      'partnership:全面战略合作伙伴关系',
      'party:肯方',
      'principle:一个中国原则',
      'initiative:全球发展倡议',
      'initiative:一带一路',
      'institution:中非合作论坛',
      'institution:二十国集团',
      'principle:多边主义',
    ]) {
      assert.ok(zhKinds.includes(expected), `${expected} not in ${JSON.stringify(zhKinds)}`);
    }
    assert.deepStrictEqual(describeCommitments(zh, b), [
      "L2 pledge '同意' [CN,KE]",
      "L3 affirm '重申' [KE] strong",
      "L3 support '支持' [KE]",
      "L4 support '欢迎' [CN]",
      "L4 pledge '将共同推进' [CN,KE]",
      "L5 support '支持' [CN,KE]",
      "L5 pledge '愿' [CN,KE]",
      "L5 affirm '维护' [CN,KE]",
    ]);
  });

  it('reads a US–India statement and a General Assembly resolution it was not tuned on', () => {
    const text = fixture('unseen-us-india-unga.txt');
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, compileGlossary(glossary))), [
      "L2 affirm 'reaffirm' [IN,US]",
      "L2 affirm 'underscored their commitment to' [IN,US]",
      "L2 support 'welcomed' [IN,US]",
      "L2 pledge 'agreed to expand' [IN,US]",
      "L2 pledge 'to hold' [IN,US]",
      "L3 pledge 'shall not be' [KE] negated",
      "L3 support 'welcomed' [KE]",
      "L4 pledge 'will continue to host' [IN]",
      "L4 pledge 'will provide' [US]",
      "L7 request 'Encourages' [un-general-assembly]",
      "L8 request 'Invites' [un-general-assembly]",
      "L10 pledge 'Decides to include' [un-general-assembly]",
    ]);
  });

  it('recognises the terms of the reference statement with their kinds', () => {
    const text = fixture('china-belarus-2022.txt');
    const found = analyzeText(text, compileGlossary(glossary)).terms.map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
    for (const expected of [
      'party:Belarusian side',
      'principle:one-China principle',
      'principle:territorial integrity',
      'principle:win-win cooperation',
      'initiative:Global Development Initiative',
      'initiative:Global Security Initiative',
      'partnership:all-weather comprehensive strategic partnership',
      'institution:Council of Heads of State of the Shanghai Cooperation Organization',
      "agreement:Agreement on Economic and Trade Cooperation Between the People's Republic of China and the Eurasian Economic Union",
    ]) {
      assert.ok(found.includes(expected), `${expected} not in ${JSON.stringify(found)}`);
    }
  });

  it('reads "the President" and "the Taoiseach" by the officeholders the text names first (U.S.–Ireland 2021)', () => {
    const compiled = compileGlossary(glossary);
    const text = joinLines(
      'Joint Statement by President Biden and Taoiseach Martin',
      'On March 17, President Joe Biden hosted Taoiseach Micheál Martin for a virtual meeting. The leaders reaffirmed the partnership, and they committed to working together.',
      '- The President and the Taoiseach agreed to cooperate in global efforts to defeat the pandemic.',
      '- The President and the Taoiseach agreed on the importance of a strong relationship.',
    );
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, compiled)), [
      "L2 affirm 'reaffirmed' [IE,US]",
      "L2 pledge 'committed to working' [IE,US]",
      "L3 pledge 'agreed to cooperate' [IE,US]",
      "L4 affirm 'agreed on' [IE,US]",
    ]);
  });

  it('reads "President Widodo" by the person the text named in full before (U.S.–Indonesia 2023)', () => {
    const compiled = compileGlossary(glossary);
    const text = joinLines(
      'Joint Statement from the Leaders of the United States and the Republic of Indonesia',
      'President Joseph R. Biden, Jr. is honored to welcome Indonesian President Joko Widodo to Washington.',
      'President Biden and President Widodo commit to elevate the relationship.',
    );
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, compiled)), ["L3 pledge 'commit to elevate' [ID,US]"]);
  });

  it('reads "Dr Singh and Mr Rudd" by the names the head tied to parties, and "To …, they commit" by the paragraph before (India–Australia 2009, U.S.–Indonesia 2023)', () => {
    const compiled = compileGlossary(glossary);
    const text = joinLines(
      'India–Australia Joint Statement',
      'Prime Minister Kevin Rudd welcomed Prime Minister Manmohan Singh of India to Canberra.',
      'Dr Singh and Mr Rudd reaffirmed the strong security ties between India and Australia.',
      'To advance this work, they commit to develop an action plan.',
    );
    // Welcoming a visitor to Canberra is a courtesy, no commitment; the names it gives decide line 3.
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, compiled)), ["L3 affirm 'reaffirmed' [AU,IN]", "L4 pledge 'commit to develop' [AU,IN]"]);
  });

  it('reads two leaders each named with "of" their state, a ", Jr." inside the name (Washington Declaration 2023)', () => {
    const compiled = compileGlossary(glossary);
    const text = joinLines(
      'Washington Declaration',
      'President Yoon Suk Yeol of the Republic of Korea and President Joseph R. Biden, Jr. of the United States reaffirmed the alliance.',
    );
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, compiled)), ["L2 affirm 'reaffirmed' [KR,US]"]);
  });

  it('reads "Prime Ministers Najib and Gillard" as both parties when only one name is in the glossary (Australia–Malaysia 2011)', () => {
    const compiled = compileGlossary(glossary);
    const text = joinLines('Joint Statement of Australia and Malaysia', 'Prime Ministers Najib and Gillard have agreed to expand cooperation.');
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, compiled)), ["L2 pledge 'have agreed to expand' [AU,MY]"]);
  });

  it('resolves leaders to the party they speak for, and groups to their members', () => {
    const compiled = compileGlossary(glossary);
    const zh = '中华人民共和国和阿拉伯联合酋长国联合声明\n习近平主席强调支持多边主义。阿方支持共建“一带一路”倡议。';
    assert.deepStrictEqual(describeCommitments(zh, analyzeText(zh, compiled)), ["L2 support '支持' [CN]", "L2 support '支持' [AE]"]);
    const en = joinLines(
      'Joint Vision Statement from the Leaders of Japan, the Philippines, and the United States',
      'President Marcos appreciates Japan’s contribution. Prime Minister Anthony Albanese welcomed the plan.',
    );
    assert.deepStrictEqual(describeCommitments(en, analyzeText(en, compiled)), ["L2 support 'appreciates' [PH]", "L2 support 'welcomed' [AU]"]);
    // The European Council speaks for the Union (its conclusions of June 2024).
    const euco = joinLines('European Council meeting (27 June 2024) – Conclusions', 'The European Council strongly condemns the escalation of hostilities.');
    assert.deepStrictEqual(describeCommitments(euco, analyzeText(euco, compiled)), ["L2 oppose 'strongly condemns' [EU] strong"]);
    // So does the European Commission, its President beside a head of government (EU–UK 2024).
    const euuk = joinLines('Statement', 'The President of the European Commission and the Prime Minister of the United Kingdom agreed to strengthen the relationship.');
    assert.deepStrictEqual(describeCommitments(euuk, analyzeText(euuk, compiled)), ["L2 pledge 'agreed to strengthen' [EU,GB]"]);
    const byId = compiled.glossary.byId;
    assert.deepStrictEqual(byId.get('g7')?.members, ['CA', 'FR', 'DE', 'IT', 'JP', 'GB', 'US'], 'the seven members; the EU takes part but is not one');
    for (const entry of compiled.glossary.entries) {
      if (entry.kind === 'person') assert.ok(entry.party, `person ${entry.id} has no party`);
    }
  });

  it('lists the members of every group that speaks as a party or a collective actor, as party ids', () => {
    const groups = ['g7', 'g20', 'brics', 'sco', 'quad', 'aukus', 'eaeu', 'csto', 'cis', 'union-state', 'nato', 'opec', 'opec-plus', 'commonwealth'];
    const organisations = ['EU', 'ASEAN', 'GCC', 'african-union', 'LAS', 'ECOWAS', 'MERCOSUR', 'saarc', 'bimstec', 'arctic-council'];
    const without = [...groups, ...organisations].filter((id) => !(glossary.byId.get(id)?.members?.length ?? 0));
    assert.deepStrictEqual(without, [], 'groups without members');
    const unknown = entries.flatMap((e) => (e.members ?? []).filter((m) => glossary.byId.get(m)?.kind !== 'party').map((m) => `${e.id}: ${m}`));
    assert.deepStrictEqual(unknown, [], 'members that are not parties');
    const sizes = Object.fromEntries(['EU', 'ASEAN', 'GCC', 'african-union', 'nato', 'commonwealth'].map((id) => [id, glossary.byId.get(id)?.members?.length]));
    assert.deepStrictEqual(sizes, { EU: 27, ASEAN: 11, GCC: 6, 'african-union': 55, nato: 32, commonwealth: 56 });
  });

  it('reads a coalition that acts as its members, and a text that only mentions coalitions as before', () => {
    const compiled = compileGlossary(glossary);
    const partiesOf = (text: string) => analyzeText(text, compiled).commitments.map((c) => c.parties);
    const [g77] = partiesOf('The Group of 77 reaffirms its commitment to the Charter of the United Nations.');
    assert.strictEqual(g77.length, 133);
    assert.ok(g77.includes('IN') && g77.includes('PS') && !g77.includes('CN'), 'China is not a member');
    // "The Group of 77 and China" speak jointly: the members and China, and the two lists stay together.
    const [withChina] = partiesOf('The Group of 77 and China reaffirm their commitment to the Charter of the United Nations.');
    assert.deepStrictEqual(withChina, [...g77, 'CN']);
    assert.deepStrictEqual(glossary.byId.get('g77-and-china')?.members, [...(glossary.byId.get('g77')?.members ?? []), 'CN']);
    // A General Assembly resolution that names the coalitions gains none of their members as parties.
    const resolution = joinLines(
      'The General Assembly,',
      'Recalling the Ministerial Declaration of the Group of 77 and China and the final document of the Non-Aligned Movement,',
      '1. Welcomes the cooperation between the United Nations, the Organization of American States and the Organisation internationale de la Francophonie;',
    );
    const analysis = analyzeText(resolution, compiled);
    assert.deepStrictEqual(analysis.parties, []);
    assert.deepStrictEqual(describeCommitments(resolution, analysis), ["L3 support 'Welcomes' [un-general-assembly]"]);
    // Memberships as of the entries' check: admissions, withdrawals and disputed cases of the details.
    const members = (id: string) => new Set(glossary.byId.get(id)?.members);
    assert.ok(members('non-aligned-movement').has('SS') && !members('non-aligned-movement').has('CN'), 'South Sudan since 2024; China observes');
    assert.ok(!members('oas').has('NI') && members('oas').has('VE') && members('oas').has('CU'), 'Nicaragua left in 2023');
    const oif = members('francophonie');
    assert.ok(oif.has('GH') && oif.has('CY') && !['BF', 'ML', 'NE'].some((id) => oif.has(id)), 'Villers-Cotterêts 2024; the Sahel withdrawals of 2025');
  });

  it('has at least 40 persons, each speaking for a party that exists, and the current UN Secretary-General', () => {
    const persons = entries.filter((e) => e.kind === 'person');
    const withParty = persons.filter((e) => e.party && glossary.byId.has(e.party));
    assert.ok(withParty.length >= 40, `${withParty.length} persons with a party`);
    assert.deepStrictEqual(
      persons.filter((e) => !withParty.includes(e)).map((e) => e.id),
      [],
    );
    // A former officeholder says so, with the term, so that a hover never presents them as current.
    const former = [
      'joko-widodo',
      'vo-van-thuong',
      'joe-biden',
      'fumio-kishida',
      'rishi-sunak',
      'olaf-scholz',
      'justin-trudeau',
      'kamala-harris',
      'yoon-suk-yeol',
      'shigeru-ishiba',
      'nguyen-phu-trong',
      'barack-obama',
      'shinzo-abe',
      'manmohan-singh',
      'li-keqiang',
      'li-zhanshu',
      'sheikh-hasina',
      'megawati-soekarnoputri',
      'john-howard',
      'alexander-downer',
      'chris-patten',
      'jiang-zemin',
      'wang-qishan',
      'zhang-dejiang',
      'askar-akayev',
      'imran-khan',
      'truong-tan-sang',
      'mark-vaile',
      'kevin-rudd',
      'julia-gillard',
      'john-key',
      'yasuo-fukuda',
      'susilo-bambang-yudhoyono',
      'hassan-wirajuda',
      'hamzah-haz',
      'boediono',
      'max-van-der-stoel',
    ];
    assert.deepStrictEqual(
      former.filter((id) => !/^Former .*\bfrom .*\d{4}.* (?:to|until) .*\d{4}/.test(glossary.byId.get(id)?.summary ?? '')),
      [],
    );
    assert.deepStrictEqual(
      persons.filter((e) => !former.includes(e.id) && /^Former /.test(e.summary ?? '')).map((e) => e.id),
      [],
      'listed above',
    );
    assert.strictEqual(glossary.byId.get('antonio-guterres')?.party, 'UN');
  });

  it('shows the members, the party and the date of the facts in hovers', () => {
    const g7 = termHover(glossary.byId.get('g7')!, glossary);
    assert.ok(g7.includes('*Members (7):* Canada, France, Germany, Italy, Japan, United Kingdom, United States'), g7);
    assert.ok(g7.includes('*As of 30 November 2026*'), g7);
    const person = termHover(glossary.byId.get('maxim-ryzhenkov')!, glossary);
    assert.ok(person.includes('*Speaks for:* Belarus') && person.includes('*As of 30 November 2026*'), person);
  });

  it('dates every person and every group (asOf), each a real date no later than the glossary was checked', () => {
    const undated = entries.filter((e) => (e.kind === 'person' || e.members?.length) && !e.asOf).map((e) => e.id);
    assert.deepStrictEqual(undated, []);
    const bad = entries.filter((e) => e.asOf !== undefined && (!parseAsOf(e.asOf) || e.asOf > '2026-11-30')).map((e) => `${e.id}: ${e.asOf}`);
    assert.deepStrictEqual(bad, []);
  });

  it('ships as JSON (`glossary --format json`, read back at activation) without losing a field', () => {
    const shipped = glossaryFromJson(JSON.parse(JSON.stringify({ entries: glossary.entries.map(entryToJson) })));
    assert.deepStrictEqual(shipped.entries, glossary.entries);
    assert.deepStrictEqual(shipped.byId.get('g7')?.members, ['CA', 'FR', 'DE', 'IT', 'JP', 'GB', 'US']);
  });

  describe('blocks the misfires the audit confirmed (glossary-audit.md 4.1, 4.2)', () => {
    const compiled = compileGlossary(glossary);
    const found = (text: string) => analyzeText(text, compiled).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    // Each probe of the audit, and the entry it must no longer produce.
    const probes: [string, string][] = [
      ['The Governor of Georgia spoke in Atlanta, Georgia, about South Georgia.', 'GE'],
      ['Oil spills in the Niger Delta reach the Niger River.', 'NE'],
      ['The island of New Guinea reported cases of guinea worm and of Guinea worm disease.', 'GN'],
      ['Michael Jordan toured the Jordan Valley and the Jordan River.', 'JO'],
      ['Chad Smith spoke.', 'TD'],
      ['Power-sharing in Northern Ireland under the Good Friday Agreement.', 'IE'],
      ['American Samoa is a US territory.', 'WS'],
      ['New Mexico is a US state.', 'MX'],
      ['Inner Mongolia is a region of China.', 'MN'],
      ['The West Philippine Sea.', 'PH'],
      ['The Security Council of the Republic of Belarus and the Security Council of Armenia met.', 'un-security-council'],
      ['the General Assembly of the OAS', 'un-general-assembly'],
      ['Union State aid rules', 'union-state'],
      ['The ethnic Chinese in Malaysia.', 'CN'],
      ['The Russian-speaking population of Latvia.', 'RU'],
      ['A working language of the Secretariat: the French language, in French-speaking countries.', 'FR'],
      ['Courses in the Chinese language and the German language.', 'CN'],
      ['Courses in the German language for German-speaking staff.', 'DE'],
      ['American Indian tribes.', 'IN'],
      ['Kazakh and Uyghur minorities.', 'KZ'],
      ['Lao Cai province.', 'LA'],
      ['The use of force was authorised by the Council, which authorized the use of force.', 'non-use-of-force'],
      ['The Five Principles of the EU policy on Russia.', 'five-principles-of-peaceful-coexistence'],
      ['Strive for low tension in trade.', 'high-north-low-tension'],
      ['Work as long as it takes.', 'for-as-long-as-it-takes'],
      ["Kosovo's declaration of independence.", 'independence'],
      ['The Gender Development Index (GDI).', 'global-development-initiative'],
      ['The Global Cybersecurity Index (GCI).', 'global-civilization-initiative'],
      ['APT groups.', 'asean-plus-three'],
      ['ISA, the International Solar Alliance.', 'international-seabed-authority'],
      ['The EU–Mongolia Agreement (PCA).', 'pca'],
      ['The Human Rights Council of Ukraine.', 'un-human-rights-council'],
      ['The Charter names the Republic of China as a permanent member.', 'TW'],
      ['文莱苏丹哈吉·哈桑纳尔·博尔基亚陛下。', 'SD'],
      ['克里米亚是俄罗斯不可分割的一部分。', 'inalienable-part-of-chinas-territory'],
      ['这并不妨碍双方合作。', 'without-prejudice-to'],
      ['思想完全统一。', 'national-reunification'],
      ['1945年中华民国签署了联合国宪章。', 'TW'],
      ['双方认识到合作的重要性。', 'acknowledge-vs-recognize'],
      ['主权债务问题。', 'sovereignty'],
      ['成立独立调查委员会。', 'independence'],
      ['其中方案已定，集中方式和空中方面。', 'CN'],
      ['欧美方面提出完美方案。', 'US'],
      ['欧美国家对此表示关切。', 'US'],
      ['加快沿海地区和渤海地区开放。', 'HT'],
      ['加强执法国际合作，推动合法国家利益，深化司法国际协作。', 'FR'],
      ['打印方式和复印方面。', 'IN'],
      ['马里乌波尔。', 'ML'],
      ['约旦河西岸。', 'JO'],
      ['美属萨摩亚。', 'WS'],
      ['法属圭亚那。', 'GY'],
      ['朝鲜族，朝鲜战争。', 'KP'],
      ['印度支那，印度教。', 'IN'],
      // Forms inside words that no block covers: word boundaries hide them.
      ['包括阿拉伯国家在内的发展中国家的代表性。', 'CN'],
      ['打击违法国际贸易。', 'FR'],
    ];
    for (const [text, id] of probes) {
      it(`${text} → no ${id}`, () => {
        assert.deepStrictEqual(
          found(text).filter((t) => t.startsWith(`${id}:`)),
          [],
        );
      });
    }
    it('reads "Hong Kong, China" and "Macao, China" as the SARs, neither as China', () => {
      assert.deepStrictEqual(found('Hong Kong, China and Macao, China joined; China welcomed it.'), ['HK:Hong Kong, China', 'MO:Macao, China', 'CN:China']);
    });

    it('keeps the correct matches around them', () => {
      assert.deepStrictEqual(found('海地支持。美国支持。中方支持这一倡议。美方、印方和法国表示欢迎。'), ['HT:海地', 'US:美国', 'CN:中方', 'US:美方', 'IN:印方', 'FR:法国']);
      assert.deepStrictEqual(found('约旦、朝鲜、印度和马里。'), ['JO:约旦', 'KP:朝鲜', 'IN:印度', 'ML:马里']);
      assert.deepStrictEqual(found('Georgia and the European Union signed an Association Agreement; Guinea, Niger and Jordan welcomed it.'), [
        'GE:Georgia',
        'EU:European Union',
        'eu-association-agreement:Association Agreement',
        'GN:Guinea',
        'NE:Niger',
        'JO:Jordan',
      ]);
      assert.deepStrictEqual(found('Ireland, Mexico, Samoa and Mongolia; the Philippines and the Security Council.'), [
        'IE:Ireland',
        'MX:Mexico',
        'WS:Samoa',
        'MN:Mongolia',
        'PH:Philippines',
        'un-security-council:Security Council',
      ]);
      assert.deepStrictEqual(found('the Security Council of the United Nations; the Security Council of 12 February 2013'), [
        'un-security-council:Security Council of the United Nations',
        'un-security-council:Security Council',
      ]);
      assert.deepStrictEqual(found('the Security Council of the Republic of Belarus'), ['BY:Belarus']);
      assert.deepStrictEqual(found('the General Assembly of the United Nations and the General Assembly'), [
        'un-general-assembly:General Assembly of the United Nations',
        'un-general-assembly:General Assembly',
      ]);
      assert.deepStrictEqual(found('中华人民共和国和白俄罗斯共和国联合声明。满足以色列人和巴勒斯坦人的期盼。中方向白方表示感谢。'), [
        'CN:中华人民共和国',
        'BY:白俄罗斯共和国',
        'IL:以色列',
        'PS:巴勒斯坦',
        'CN:中方',
        'BY:白方',
      ]);
      assert.deepStrictEqual(found('维护国家主权和独立。the Union State'), ['sovereignty:国家主权', 'independence:独立', 'union-state:Union State']);
      assert.deepStrictEqual(found('Refrain from the threat or use of force; China and India reaffirmed the Five Principles; High North, low tension; for as long as it takes.'), [
        'non-use-of-force:Refrain from the threat or use of force',
        'CN:China',
        'IN:India',
        'five-principles-of-peaceful-coexistence:Five Principles',
        'high-north-low-tension:High North, low tension',
        'for-as-long-as-it-takes:for as long as it takes',
      ]);
      assert.deepStrictEqual(found('The Human Rights Council and China’s Global Development Initiative (GDI).'), [
        'un-human-rights-council:Human Rights Council',
        'CN:China',
        'global-development-initiative:Global Development Initiative',
        'global-development-initiative:GDI',
      ]);
      assert.deepStrictEqual(found('文莱苏丹哈吉·哈桑纳尔·博尔基亚；苏丹支持。台湾是中国领土不可分割的一部分。实现祖国完全统一。'), [
        'BN:文莱',
        'SD:苏丹',
        'TW:台湾',
        'inalienable-part-of-chinas-territory:中国领土不可分割的一部分',
        'national-reunification:祖国完全统一',
      ]);
    });
  });

  it('does not read a national security council as the UN Security Council', () => {
    const text = 'The National Security Council met, as did the Security Council of the Russian Federation; the Security Council adopted resolution 2231.';
    const ids = analyzeText(text, compileGlossary(glossary)).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    assert.deepStrictEqual(ids, [
      'national-security-council:National Security Council',
      'russian-security-council:Security Council of the Russian Federation',
      'un-security-council:Security Council',
    ]);
  });

  describe('reads the shared values of real statements as principles, without taking over longer terms or other words', () => {
    const compiled = compileGlossary(glossary);
    const found = (text: string) => analyzeText(text, compiled).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    it('in English, as the G7 and Quad statements list them', () => {
      assert.deepStrictEqual(found('our shared values of freedom, democracy, equality and solidarity, and democratic values'), [
        'freedom:freedom',
        'democracy:democracy',
        'equality:equality',
        'solidarity:solidarity',
        'democracy:democratic values',
      ]);
    });
    it('leaves the longer terms and other words to themselves', () => {
      assert.deepStrictEqual(
        found('freedom of navigation, fundamental freedoms, the Freedom House index, sovereign equality, gender equality, the democratization of international relations'),
        [
          'freedom-of-navigation-and-overflight:freedom of navigation',
          'sovereign-equality:sovereign equality',
          'gender-equality:gender equality',
          'democratization-of-international-relations:democratization of international relations',
        ],
      );
      assert.deepStrictEqual(found('the Cuban Liberty and Democratic Solidarity (LIBERTAD) Act'), ['helms-burton-act:Cuban Liberty and Democratic Solidarity (LIBERTAD) Act']);
      assert.deepStrictEqual(found('双方坚持平等互利，发扬民主，美国民主党和民主党派'), ['equality-and-mutual-benefit:平等互利', 'democracy:民主', 'US:美国']);
    });
    it('in Russian', () => {
      assert.deepStrictEqual(found('Стороны выступают за равенство, солидарность и суверенное равенство государств; свободы и демократии.'), [
        'equality:равенство',
        'solidarity:солидарность',
        'sovereign-equality:суверенное равенство',
        'freedom:свободы',
        'democracy:демократии',
      ]);
    });
  });

  describe('keeps apart what the audit found conflated (glossary-audit.md 3.2)', () => {
    const compiled = compileGlossary(glossary);
    const found = (text: string) => analyzeText(text, compiled).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    it('reads the three generations of EU framework agreements as three agreements, none as the Permanent Court of Arbitration', () => {
      assert.deepStrictEqual(found('The Partnership and Cooperation Agreement (PCA) between the EU and Kazakhstan.'), [
        'partnership-and-cooperation-agreement:Partnership and Cooperation Agreement (PCA)',
        'EU:EU',
        'KZ:Kazakhstan',
      ]);
      assert.deepStrictEqual(found('the EPCA, and the Comprehensive and Enhanced Partnership Agreement; a case at the PCA'), [
        'enhanced-partnership-and-cooperation-agreement:EPCA',
        'comprehensive-and-enhanced-partnership-agreement:Comprehensive and Enhanced Partnership Agreement',
        'pca:PCA',
      ]);
      const kinds = ['partnership-and-cooperation-agreement', 'enhanced-partnership-and-cooperation-agreement', 'comprehensive-and-enhanced-partnership-agreement'];
      assert.deepStrictEqual(
        kinds.map((id) => glossary.byId.get(id)?.kind),
        ['agreement', 'agreement', 'agreement'],
      );
    });
    it('reads decoupling as decoupling, not as de-risking', () => {
      assert.deepStrictEqual(found('We oppose decoupling. We pursue de-risking, not decoupling. 反对脱钩断链。'), [
        'decoupling:decoupling',
        'de-risking:de-risking',
        'decoupling:decoupling',
        'decoupling:脱钩断链',
      ]);
    });
    it('reads the G8 as the G8 of eight members, not as the G7', () => {
      assert.deepStrictEqual(found('The G8 summit of 2006 in St Petersburg; the G7 summit of 2023.'), ['g8:G8', 'g7:G7']);
      assert.deepStrictEqual(glossary.byId.get('g8')?.members, ['CA', 'FR', 'DE', 'IT', 'JP', 'GB', 'US', 'RU']);
    });
    it('reads the Nordic Council of Ministers, highly migratory fish stocks and the Palestinian Authority as entries of their own', () => {
      assert.deepStrictEqual(found('The Nordic Council of Ministers and the Nordic Council.'), [
        'nordic-council-of-ministers:Nordic Council of Ministers',
        'nordic-council:Nordic Council',
      ]);
      assert.deepStrictEqual(found('straddling fish stocks and highly migratory fish stocks'), [
        'straddling-fish-stocks:straddling fish stocks',
        'highly-migratory-fish-stocks:highly migratory fish stocks',
      ]);
      assert.deepStrictEqual(found('The Palestinian Authority and the State of Palestine.'), ['palestinian-authority:Palestinian Authority', 'PS:State of Palestine']);
    });
    it('reads the "no-limits partnership" as the relationship, not as the 2022 joint statement', () => {
      assert.deepStrictEqual(found('the no-limits partnership'), ['comprehensive-strategic-partnership-of-coordination-for-a-new-era:no-limits partnership']);
    });
  });

  describe('matches names case-sensitively where the lower-case word is another word', () => {
    const compiled = compileGlossary(glossary);
    const found = (text: string) => analyzeText(text, compiled).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    it('in English', () => {
      assert.deepStrictEqual(found('Chad, Chile, Turkey, Guinea and Panama; a hanging chad, chile peppers, roast turkey, shoe polish, a panama hat, a danish; we go dutch.'), [
        'TD:Chad',
        'CL:Chile',
        'TR:Turkey',
        'GN:Guinea',
        'PA:Panama',
      ]);
    });
    it('in Russian, while the side forms still match at the start of a sentence', () => {
      assert.deepStrictEqual(found('Чад, Чили, Перу, Панама и Бутан. В чаду, перец чили, по перу, панама, пропан-бутан. Чадская сторона и Чилийская сторона.'), [
        'TD:Чад',
        'CL:Чили',
        'PE:Перу',
        'PA:Панама',
        'BT:Бутан',
        'TD:Чадская сторона',
        'CL:Чилийская сторона',
      ]);
    });
  });

  describe('has Russian forms that respect Russian words', () => {
    const compiled = compileGlossary(glossary);
    const found = (text: string) => analyzeText(text, compiled).terms.map((t) => `${t.id}:${text.slice(t.start, t.end)}`);
    it('matches short and formal names, their genitives and the side', () => {
      assert.deepStrictEqual(found('Правительство Республики Ангола и Ангола; Президент Анголы; ангольская сторона.'), [
        'AO:Республики Ангола',
        'AO:Ангола',
        'AO:Анголы',
        'AO:ангольская сторона',
      ]);
    });
    it('matches principles in the cases Russian statements put them in', () => {
      const text =
        'Российская сторона подтверждает приверженность принципу одного Китая и принципу «одна страна, две системы». ' +
        'Стороны уважают суверенитет и территориальную целостность друг друга, поддерживают центральную роль АСЕАН, ' +
        'укрепление верховенства права и многосторонности на основе пяти принципов мирного сосуществования.';
      assert.deepStrictEqual(found(text), [
        'RU:Российская сторона',
        'one-china-principle:принципу одного Китая',
        'one-country-two-systems:одна страна, две системы',
        'sovereignty:суверенитет',
        'territorial-integrity:территориальную целостность',
        'asean-centrality:центральную роль АСЕАН',
        'rule-of-law:верховенства права',
        'multilateralism:многосторонности',
        'five-principles-of-peaceful-coexistence:пяти принципов мирного сосуществования',
      ]);
    });
    it('does not read a pronoun, a place or another state as a state', () => {
      assert.deepStrictEqual(found('Того же мнения придерживается Республика Того.'), ['TG:Республика Того']);
      assert.deepStrictEqual(found('Сальвадор Альенде; Сальвадор и Чили.'), ['SV:Сальвадор', 'CL:Чили']);
      assert.deepStrictEqual(found('Северная Ирландия и Ирландия; Американское Самоа и Самоа; дельта Нигера и Нигер.'), ['IE:Ирландия', 'WS:Самоа', 'NE:Нигер']);
      assert.deepStrictEqual(found('Папуа — Новой Гвинеи, Гвинеи-Бисау, Экваториальной Гвинеи и Гвинеи; Новая Гвинея — остров.'), [
        'PG:Папуа — Новой Гвинеи',
        'GW:Гвинеи-Бисау',
        'GQ:Экваториальной Гвинеи',
        'GN:Гвинеи',
      ]);
      // The entity in the north of Cyprus has its own entry (recognised by Türkiye alone), never Cyprus.
      assert.deepStrictEqual(found('Южного Судана и Судана; Турецкая Республика Северного Кипра и Республика Кипр.'), [
        'SS:Южного Судана',
        'SD:Судана',
        'northern-cyprus:Турецкая Республика Северного Кипра',
        'CY:Республика Кипр',
      ]);
    });
  });
});
