import * as assert from 'assert';
import fc from 'fast-check';
import { clauseActorAt, tokenize, type Token } from '../../src/core/commitments';
import { analyzeText, compileGlossary } from '../../src/core/analyze';
import { parseGlossary } from '../../src/core/glossary';
import { analyze, describeCommitments, fixture, fixtureGlossary, joinLines } from './helpers';

/** The tokenizer as it was first written, with a Unicode-property regex: the reference for the scanner. */
function referenceTokenize(text: string, from: number, to: number): Token[] {
  const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  let depth = 0;
  let straightQuoteOpen = false;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let t = m[0];
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t)) t = t.slice(0, -1);
    const start = from + m.index;
    const word = t.length > 1 || /[\p{L}\p{N}]/u.test(t);
    if (!word) {
      if (t === '(' || t === '[' || t === '“' || t === '«' || t === '‘') depth++;
      else if ((t === ')' || t === ']' || t === '”' || t === '»' || t === '’') && depth > 0) depth--;
      else if (t === '"') {
        if (straightQuoteOpen) depth = Math.max(0, depth - 1);
        else depth++;
        straightQuoteOpen = !straightQuoteOpen;
      }
    }
    const lower = t.toLowerCase();
    tokens.push({ start, end: start + t.length, w: lower.includes('’') ? lower.replace(/’/g, "'") : lower, t, word, depth });
    if (t.length < m[0].length) tokens.push({ start: start + t.length, end: start + m[0].length, w: '.', t: '.', word: false, depth });
  }
  return tokens;
}

function commitments(text: string): string[] {
  return describeCommitments(text, analyze(text));
}

/** Each commitment's type and the text it covers. */
function describeSpans(text: string): string[] {
  return analyze(text).commitments.map((c) => `${c.type} '${text.slice(c.start, c.end)}'`);
}

describe('commitments', () => {
  it('extracts exactly the commitments of the reference statement (China–Belarus 2022)', () => {
    const text = fixture('china-belarus-2022.txt');
    assert.deepStrictEqual(commitments(text), [
      "L4 pledge 'agreed to upgrade' [BY,CN]",
      "L5 affirm 'respect and support' [BY,CN]",
      "L5 support 'firmly support' [BY,CN] strong",
      "L7 affirm 'recognizes' [BY]",
      "L7 oppose 'opposes' [BY]",
      "L7 support 'supports' [BY]",
      "L8 support 'supports' [BY]",
      "L9 pledge 'will deepen' [BY,CN]",
      "L9 pledge 'continue to advance' [BY,CN]",
      "L10 pledge 'will continue to strengthen' [BY,CN]",
      "L10 pledge 'maintain' [BY,CN]",
      "L10 pledge 'follow' [BY,CN]",
      "L10 pledge 'jointly advocate' [BY,CN]",
    ]);
  });

  it('gives each commitment its actor text and a span that covers its object', () => {
    const text = fixture('china-belarus-2022.txt');
    const a = analyze(text);
    const line8 = a.commitments.find((c) => c.trigger === 'supports' && text.slice(c.start, c.end).includes('Global Development'))!;
    assert.strictEqual(line8.actor, 'The Belarusian side');
    assert.strictEqual(text.slice(line8.start, line8.end), 'supports the Global Development Initiative and the Global Security Initiative proposed by the Chinese side');
    assert.strictEqual(text.slice(line8.triggerSpan.start, line8.triggerSpan.end), 'supports');
    assert.deepStrictEqual(
      a.parties.map((p) => p.id),
      ['CN', 'BY'],
    );
  });

  it('reads a "We, the Leaders" communiqué', () => {
    assert.deepStrictEqual(commitments(fixture('leaders-communique.txt')), [
      "L4 affirm 'reaffirm' [DK,FI,IS,NO]",
      "L6 affirm 'remain committed to' [DK,FI,IS,NO]",
      "L7 oppose 'condemn' [DK,FI,IS,NO] strong",
      "L8 pledge 'will continue to support' [DK,FI,IS,NO]",
      "L9 support 'welcome' [DK,FI,IS,NO]",
      "L12 pledge 'will work together' [DK,FI,IS,NO]",
      "L13 pledge 'will explore' [IS,NO] weak",
      "L14 pledge 'are determined to keep' [DK,FI,IS,NO]",
      "L14 support 'support' [DK,FI,IS,NO]",
      "L15 pledge 'will host' [DK]",
      "L18 oppose 'reject' [DK,FI,IS,NO]",
      "L18 pledge 'commit to' [DK,FI,IS,NO]",
      "L19 oppose 'will not tolerate' [DK,FI,IS,NO]",
      "L19 pledge 'will coordinate' [DK,FI,IS,NO]",
    ]);
  });

  it('reads a numbered bilateral joint statement, leaving out reports and courtesies', () => {
    assert.deepStrictEqual(commitments(fixture('numbered-joint-statement.txt')), [
      "L6 pledge 'decided to elevate' [ID,VN]",
      "L7 affirm 'reaffirmed' [ID,VN]",
      "L8 pledge 'agreed to increase' [ID,VN]",
      "L8 pledge 'to resolve' [ID,VN]",
      "L9 support 'welcomed' [VN]",
      "L10 support 'supports' [ID]",
      "L11 pledge 'will not allow' [ID,VN] negated",
      // "both sides emphasised the importance of maintaining peace, stability, and freedom of navigation".
      "L12 affirm 'emphasised' [ID,VN]",
      "L12 request 'called for' [ID,VN]",
      "L13 pledge 'expressed their readiness to work' [ID,VN]",
    ]);
  });

  it('reads a treaty: "The Parties shall", "Each Party shall", "Neither Party shall", "may"', () => {
    assert.deepStrictEqual(commitments(fixture('treaty-excerpt.txt')), [
      "L15 pledge 'shall exchange' [CL,PE]",
      "L16 pledge 'shall take' [CL,PE]",
      "L17 pledge 'shall grant' [CL,PE] negated",
      "L18 pledge 'may establish' [CL,PE] weak",
      "L22 pledge 'hereby establish' [CL,PE]",
    ]);
  });

  it('reads a Chinese joint statement', () => {
    assert.deepStrictEqual(commitments(fixture('zh-joint-statement.txt')), [
      "L4 pledge '同意' [BY,CN]",
      "L5 affirm '尊重和支持' [BY,CN]",
      "L5 support '支持' [BY,CN] strong",
      "L6 affirm '重申' [BY]",
      "L6 affirm '承认' [BY]",
      "L6 oppose '反对' [BY]",
      "L6 support '支持' [BY]",
      "L7 support '支持' [BY]",
      // "将深化…，继续推进落实…", "将继续加强…，…保持…": a chain of plain verbs under one 将 is one pledge.
      "L8 pledge '将深化' [BY,CN]",
      "L9 pledge '将继续加强' [BY,CN]",
    ]);
  });

  it('reads an MoU: "The Participants will / intend to"', () => {
    const text = joinLines(
      "Memorandum of Understanding between the Government of the Republic of Kenya and the Government of the People's Republic of China on Cooperation in Agriculture",
      '',
      'The Government of the Republic of Kenya and the Government of the People\'s Republic of China (hereinafter referred to as "the Participants") have reached the following understanding:',
      'Paragraph 1',
      'The Participants will promote cooperation in agricultural research and intend to establish a joint laboratory.',
      'The Participants may exchange experts on a voluntary basis.',
      'This Memorandum of Understanding does not create legally binding obligations.',
    );
    assert.deepStrictEqual(commitments(text), ["L5 pledge 'will promote' [CN,KE]", "L5 pledge 'intend to establish' [CN,KE]", "L6 pledge 'may exchange' [CN,KE] weak"]);
  });

  it('reads a UN resolution: operative paragraphs commit the organ, preambular ones do not', () => {
    const text = joinLines(
      'Resolution 9999 (2026)',
      'The Security Council,',
      'Recalling its previous resolutions on the situation,',
      'Noting with concern the humanitarian situation,',
      '1. Condemns in the strongest terms all attacks against civilians;',
      '2. Calls upon all parties to respect international humanitarian law;',
      '3. Urges Member States to support the mediation efforts;',
      '4. Requests the Secretary-General to report within 90 days;',
      '5. Decides to remain seized of the matter.',
    );
    assert.deepStrictEqual(commitments(text), [
      "L5 oppose 'Condemns' [un-security-council] strong",
      "L6 request 'Calls upon' [un-security-council]",
      "L7 request 'Urges' [un-security-council]",
      "L8 request 'Requests' [un-security-council]",
      "L9 pledge 'Decides to remain' [un-security-council]",
    ]);
  });

  it('reads requests coordinated later in an operative paragraph ("…, and invites …")', () => {
    const head = joinLines('The General Assembly,', '1. Welcomes the report of the Court, and calls upon all States to cooperate with it');
    assert.deepStrictEqual(commitments(head + ';'), ["L2 support 'Welcomes' [un-general-assembly]", "L2 request 'calls upon' [un-general-assembly]"]);
    assert.deepStrictEqual(commitments(head + ', and invites States not Parties to consider acceding to it;'), [
      "L2 support 'Welcomes' [un-general-assembly]",
      "L2 request 'calls upon' [un-general-assembly]",
      "L2 request 'invites' [un-general-assembly]",
    ]);
  });

  it('reads the noun items of an operative lead-in as its requests, and "Determines to" as a pledge', () => {
    // Real text: UN General Assembly resolution 80/45 (2025), ¶2 and ¶3 (a)–(f).
    const text = joinLines(
      'The General Assembly,',
      '2. Determines to pursue practical steps for systematic and progressive efforts;',
      '3. Calls for practical steps to be taken by all nuclear-weapon States:',
      '(a) Increased transparency by the nuclear-weapon States with regard to capabilities;',
      '(b) The further reduction of non-strategic nuclear weapons;',
      '4. Determines that the situation constitutes a threat;',
    );
    assert.deepStrictEqual(commitments(text), [
      "L2 pledge 'Determines to pursue' [un-general-assembly]",
      "L3 request 'Calls for' [un-general-assembly]",
      "L4 request 'Increased' [un-general-assembly]",
      "L5 request 'further' [un-general-assembly]",
    ]);
  });

  it('does not take the modal of a recalled obligation of others for a pledge of the organ', () => {
    const recalled =
      'Recalls article 3 of the Relationship Agreement, according to which the United Nations and the Court shall cooperate closely, and shall respect each other’s status';
    assert.deepStrictEqual(commitments(joinLines('The General Assembly,', `13. ${recalled}, and requests the Secretary-General to report;`)), [
      "L2 request 'requests' [un-general-assembly]",
    ]);
    // Without the relative clause, the same modal continues the organ's own chain.
    assert.deepStrictEqual(commitments(joinLines('The General Assembly,', '13. Decides to cooperate closely, and shall respect the status of the Court;')), [
      "L2 pledge 'Decides to cooperate' [un-general-assembly]",
      "L2 pledge 'shall respect' [un-general-assembly]",
    ]);
  });

  it('keeps the type of a position verb after a modal or "continue to", and reads "expresses its appreciation for"', () => {
    assert.deepStrictEqual(commitments('Chile will not support the proposal.'), ["L1 support 'will not support' [CL] negated"]);
    assert.deepStrictEqual(commitments('Chile will not join the proposal.'), ["L1 pledge 'will not join' [CL] negated"]);
    const organ = (line: string) => commitments(joinLines('The General Assembly,', line));
    assert.deepStrictEqual(organ('22. Continues to welcome the statement by the President;'), ["L2 support 'Continues to welcome' [un-general-assembly]"]);
    assert.deepStrictEqual(organ('22. Continues to monitor the statement by the President;'), ["L2 pledge 'Continues to monitor' [un-general-assembly]"]);
    assert.deepStrictEqual(organ('23. Expresses its appreciation for the work of the office;'), ["L2 support 'Expresses its appreciation for' [un-general-assembly]"]);
  });

  it('reads a modal separated from its verb by item labels or a phrase between commas', () => {
    assert.deepStrictEqual(commitments('The United States will (i) modify its rules and (ii) adopt new standards.'), ["L1 pledge 'will (i) modify' [US]"]);
    assert.deepStrictEqual(commitments('The Parties shall, at the request of either Party, immediately meet.'), [
      "L1 pledge 'shall, at the request of either Party, immediately meet' []",
    ]);
    // A phrase between commas with no verb after it is not skipped.
    assert.deepStrictEqual(commitments('The United States will, in the event of an attack, the talks.'), []);
  });

  it('reads the list inside a sentence after "intend to:" as one commitment from its first item (U.S.–EU 2021)', () => {
    const text = 'The United States and Kenya intend to: (i) expand joint research; (ii) launch a fellowship; and (iii) convene a dialogue.';
    assert.deepStrictEqual(commitments(text), ["L1 pledge 'intend to: (i) expand' [KE,US]"]);
    // A label not followed by a verb is not an item: nothing is read into "to: (a) the Council".
    assert.deepStrictEqual(commitments('The United States and Kenya intend to: (a) the Council; (b) the Assembly.'), []);
  });

  it('reads the predicate after a definition in brackets that follows the actor (IMEC MoU 2023)', () => {
    assert.deepStrictEqual(commitments('The United States and Kenya (the “Participants”) commit to deepen cooperation in clean energy.'), ["L1 pledge 'commit to deepen' [KE,US]"]);
    assert.deepStrictEqual(commitments('Kenya (hereinafter “the Host”) will provide the venue.'), ["L1 pledge 'will provide' [KE]"]);
  });

  it('reads no commitment in a subordinate clause that opens the sentence, and the main clause after it', () => {
    assert.deepStrictEqual(commitments('As the United States and Kenya continue to lead on climate adaptation, we will launch a new fund.'), ["L1 pledge 'will launch' []"]);
    assert.deepStrictEqual(commitments('If requested, Chile will host the meeting.'), ["L1 pledge 'will host' [CL]"]);
    // "As partners we support …": no comma before an actor, nothing skipped.
    assert.deepStrictEqual(commitments('As partners we support the initiative, the fund and the dialogue.'), ["L1 support 'support' []"]);
  });

  it('ends an object at a bare comma before "we" or "they", except inside a "that" clause', () => {
    assert.deepStrictEqual(describeSpans('Chile supports the fund, we will launch a new fund.'), ["support 'supports the fund'", "pledge 'will launch a new fund'"]);
    assert.deepStrictEqual(describeSpans('We affirm that by investing in our people, we will release innovation.'), [
      "affirm 'affirm that by investing in our people, we will release innovation'",
    ]);
  });

  it('keeps adjectives coordinated with "and" in the object ("a free and open Indo-Pacific"), verbs apart', () => {
    assert.deepStrictEqual(describeSpans('We remain committed to a free and open Indo-Pacific.'), ["affirm 'remain committed to a free and open Indo-Pacific'"]);
    assert.deepStrictEqual(describeSpans('We will build a peaceful, stable and secure region.'), ["pledge 'will build a peaceful, stable and secure region'"]);
    // A verb after "and" with an object of its own is coordinated with the chain.
    assert.deepStrictEqual(describeSpans('We will support the fund and open an office.'), ["support 'will support the fund'", "pledge 'open an office'"]);
    assert.deepStrictEqual(describeSpans('We will build a stable region and secure new markets.'), ["pledge 'will build a stable region'", "pledge 'secure new markets'"]);
  });

  it('reads stances English used to miss: "does not support", "stated that it opposes", "said it supports"', () => {
    assert.deepStrictEqual(commitments('Chile supports the proposal.'), ["L1 support 'supports' [CL]"]);
    assert.deepStrictEqual(commitments('Chile does not support the proposal.'), ["L1 support 'does not support' [CL] negated"]);
    assert.deepStrictEqual(commitments('Chile did not discuss the proposal.'), []);
    assert.deepStrictEqual(commitments('Chile stated that it firmly opposes the proposal.'), ["L1 oppose 'firmly opposes' [CL] strong"]);
    assert.deepStrictEqual(commitments('Chile said it supports the proposal.'), ["L1 support 'supports' [CL]"]);
    assert.deepStrictEqual(commitments('Chile said that the proposal was discussed.'), []);
    // A reaffirmation of something else stays one.
    assert.deepStrictEqual(commitments('Chile reiterated that it supports the proposal.'), ["L1 support 'supports' [CL]"]);
    // A support restated is a support: the stance noun gives the type, as "reiterated its opposition to" opposes.
    assert.deepStrictEqual(commitments('Chile reiterated its support for the proposal.'), ["L1 support 'reiterated its support for' [CL]"]);
  });

  it('reads "committed to", "steadfast in their commitment to", "continue working", "express the intent to"', () => {
    assert.deepStrictEqual(commitments('Chile committed to open, fair and predictable trade.'), ["L1 pledge 'committed to' [CL]"]);
    assert.deepStrictEqual(commitments('Chile committed to open new markets.'), ["L1 pledge 'committed to open' [CL]"]);
    assert.deepStrictEqual(commitments('Chile and Peru are steadfast in their commitment to the alliance.'), ["L1 affirm 'are steadfast in their commitment to' [CL,PE]"]);
    assert.deepStrictEqual(commitments('Chile and Peru are steadfast in their support.'), []);
    assert.deepStrictEqual(commitments('Chile and Peru continue working on supply chains.'), ["L1 pledge 'continue working' [CL,PE]"]);
    assert.deepStrictEqual(commitments('Chile and Peru express the intent to hold a summit.'), ["L1 pledge 'express the intent to hold' [CL,PE]"]);
  });

  it('reads the speakers counted or named by what they are, after an opening adverb, and a group by its members', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('Our three nations resolve to promote growth.'), ["L2 pledge 'resolve to promote' [CL,PE]"]);
    assert.deepStrictEqual(doc('In June, our two governments commit to facilitating trade.'), ["L2 pledge 'commit to facilitating' [CL,PE]"]);
    assert.deepStrictEqual(doc('Together we intend to hold an event.'), ["L2 pledge 'intend to hold' [CL,PE]"]);
    assert.deepStrictEqual(doc('Our nations’ ministers met in Lima.'), []);
    assert.deepStrictEqual(doc('The countries of the region support the plan.'), []);
    assert.deepStrictEqual(doc('ASEAN partners also intend to work together.'), ["L2 pledge 'also intend to work' [ASEAN]"]);
  });

  it('keeps verbs coordinated inside an infinitive of the object with that infinitive, not the chain', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    // Real text: US–ROK Washington Declaration 2023, US–Viet Nam 2023, G20 Bali 2022, G7 2022.
    assert.deepStrictEqual(doc('The Alliance will work to enable joint planning and improve combined exercises.'), ["L2 pledge 'will work' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two Leaders will direct their agencies to cooperate and effectively implement the programs.'), ["L2 pledge 'will direct' [CL,PE]"]);
    assert.deepStrictEqual(doc('We will strengthen AMIS as a tool, to enhance transparency, reduce uncertainties, and support coordinated responses.'), [
      "L2 pledge 'will strengthen' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('We will coordinate mechanisms to provide support, coordinate further funding, and encourage reform.'), ["L2 pledge 'will coordinate' [CL,PE]"]);
    assert.deepStrictEqual(doc('Participants intend to meet within sixty days to develop and commit to an action plan.'), ["L2 pledge 'intend to meet' [CL,PE]"]);
    // Without the infinitive, or with a modal of its own, the chain goes on.
    assert.deepStrictEqual(doc('We will strengthen AMIS, enhance transparency, and support coordinated responses.'), [
      "L2 pledge 'will strengthen' [CL,PE]",
      "L2 pledge 'enhance' [CL,PE]",
      "L2 pledge 'support' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('We will work to enable joint planning and will support the exercises.'), ["L2 pledge 'will work' [CL,PE]", "L2 support 'will support' [CL,PE]"]);
    // ", and" right after the infinitive's object goes back to the chain.
    assert.deepStrictEqual(commitments('The Parties may decide to develop responses, and implement them.'), ["L1 pledge 'may decide' [] weak", "L1 pledge 'implement' [] weak"]);
    // A list item's "support" coordinated inside "to V" is part of the item.
    assert.deepStrictEqual(commitments(joinLines('We commit to:', '- Take action to promote food security and support stability of markets.')).slice(1), ["L2 pledge 'Take' []"]);
  });

  it('reads "we" after a short opening phrase without a comma', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    // Real text: G7 Carbis Bay communiqué 2021.
    assert.deepStrictEqual(doc('At the same time we will create the appropriate frameworks.'), ["L2 pledge 'will create' [CL,PE]"]);
    assert.deepStrictEqual(doc('As democratic societies we support global institutions.'), ["L2 support 'support' [CL,PE]"]);
    // Not past a comma or a verb, and not in the middle of a sentence.
    assert.deepStrictEqual(doc('As the report shows we support global institutions.'), []);
    assert.deepStrictEqual(doc('The plan that at last we support is new.'), []);
  });

  it('reads bilateral statements as the Australia–New Zealand and China–Australia ones of 2013 and 2022 are written', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    // "They" opening a paragraph: the actor of the paragraph before.
    assert.deepStrictEqual(doc('The two sides welcomed the progress.', 'They also agreed to support people-to-people exchanges.'), [
      "L2 support 'welcomed' [CL,PE]",
      "L3 pledge 'also agreed to support' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('They also agreed to support people-to-people exchanges.'), []);
    // A plural title, with or without the names after it.
    assert.deepStrictEqual(doc('Prime Ministers welcomed the progress.'), ["L2 support 'welcomed' [CL,PE]"]);
    assert.deepStrictEqual(doc('Presidents Gabriel Boric and Dina Boluarte welcomed the progress.'), ["L2 support 'welcomed' [CL,PE]"]);
    // "agreed to a …" and "agreed that … would" are pledges; "agreed that" alone states a shared view.
    assert.deepStrictEqual(doc('The two sides agreed to a relationship based on mutual respect.'), ["L2 pledge 'agreed to' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two sides agreed that officials would work on arrangements.'), ["L2 pledge 'agreed that' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two sides agreed that cooperation is essential.'), ["L2 affirm 'agreed that' [CL,PE]"]);
    assert.deepStrictEqual(doc('We aspire to vaccinate two thirds of the world’s population.'), ["L2 pledge 'aspire to vaccinate' [CL,PE]"]);
  });

  it('reads list items that lost their bullets, and leaves headings of a labelled list alone', () => {
    // China–Australia Foreign and Strategic Dialogue 2022 (Xinhua text): six items without markers.
    const lead = 'The two sides agreed to maintain high-level engagement, and to restart dialogue in areas including:';
    const title = 'Joint Statement of Chile and Peru';
    assert.deepStrictEqual(
      commitments(joinLines(title, lead, 'Bilateral relations', 'Consular affairs', 'Defence, and', 'Climate change', 'They also agreed to support exchanges.')),
      [
        "L2 pledge 'agreed to maintain' [CL,PE]",
        "L3 pledge 'Bilateral' [CL,PE]",
        "L4 pledge 'Consular' [CL,PE]",
        "L5 pledge 'Defence' [CL,PE]",
        "L6 pledge 'Climate' [CL,PE]",
        "L7 pledge 'also agreed to support' [CL,PE]",
      ],
    );
    // A heading before labelled items stays a heading; a sentence after a lead-in ends it.
    assert.deepStrictEqual(commitments(joinLines('We commit to:', 'Maritime Cooperation', '- promote maritime security.')), ["L1 pledge 'commit to' []", "L3 pledge 'promote' []"]);
    assert.deepStrictEqual(commitments(joinLines('We commit to:', 'The meeting was held in Canberra on Monday afternoon at the Parliament.')), ["L1 pledge 'commit to' []"]);
  });

  it('makes no commitment of courtesies, of what another party can do, or of a noted item', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('They reiterated their expressions of deep sympathy for the victims of the floods.'), []);
    assert.deepStrictEqual(doc('The President expressed his gratitude for the warm reception.'), []);
    assert.deepStrictEqual(doc('Russia can end this war immediately by ceasing its attacks.'), []);
    assert.deepStrictEqual(doc('The two sides can deepen cooperation in trade.'), ["L2 pledge 'can deepen' [CL,PE] weak"]);
    assert.deepStrictEqual(doc('WE HEREBY COMMIT TO:', '1. NOTE the General Assembly resolution 77/248;', '2. EXPAND cooperation on fisheries.'), ["L4 pledge 'EXPAND' [CL,PE]"]);
  });

  it('reads a readiness confirmed or shown as a pledge, and "agreed it was important" as an affirmation', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    // BRICS Ufa 2015, Japan–Viet Nam 2006, Pacific Islands Forum 2016.
    assert.deepStrictEqual(doc('We confirmed our intention to further enhance the role of our countries.'), ["L2 pledge 'confirmed our intention to further enhance' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two sides showed their willingness to foster all types of dialogue.'), ["L2 pledge 'showed their willingness to foster' [CL,PE]"]);
    // A commitment reaffirmed stays an affirmation.
    assert.deepStrictEqual(doc('The two sides reaffirmed their commitment to promote cooperation.'), ["L2 affirm 'reaffirmed' [CL,PE]"]);
    assert.deepStrictEqual(doc('Ministers agreed it was important to clarify the powers.'), ["L2 affirm 'agreed' [CL,PE]"]);
  });

  it('reads a list of "1." items with "-" sub-items: a verb heading is the item, the sub-items are sentences (U.S.–Canada 2023)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement between Chile and Peru', ...lines));
    assert.deepStrictEqual(
      doc(
        'To that end, Chile and Peru will work together to:',
        '1. Catalyze Clean Energy and Create Good Jobs: Deepening integration is essential to growth.',
        '- Chile and Peru launched a task force.',
        '2. Strengthen Supply Chains: The two countries will create a minerals supply chain.',
        '- Peru announced new funding.',
        '3. Protecting Our Shared Waters: Chile and Peru committed to fight climate change.',
      ),
      [
        "L2 pledge 'will work together' [CL,PE]",
        "L3 pledge 'Catalyze' [CL,PE]",
        "L5 pledge 'Strengthen' [CL,PE]",
        "L5 pledge 'will create' [CL,PE]",
        // Money announced is an undertaking of the party announcing it.
        "L6 pledge 'announced new funding' [PE]",
        "L7 pledge 'Protecting' [CL,PE]",
        "L7 pledge 'committed to fight' [CL,PE]",
      ],
    );
    // A heading without a verb is no commitment.
    assert.deepStrictEqual(doc('Chile and Peru will work together to:', '1. Energy Security: The two sides will meet.'), [
      "L2 pledge 'will work together' [CL,PE]",
      "L3 pledge 'will meet' [CL,PE]",
    ]);
  });

  it('reads "announced a renewed commitment to" an action as a pledge, to a value as an affirmation, and "Declares"/"Proclaims" in a resolution', () => {
    assert.deepStrictEqual(commitments('Chile and Peru announced a renewed commitment to preserving the Great Lakes.'), [
      "L1 pledge 'announced a renewed commitment to preserving' [CL,PE]",
    ]);
    assert.deepStrictEqual(commitments('Chile and Peru announced a renewed commitment to the Great Lakes.'), ["L1 affirm 'announced a renewed commitment to' [CL,PE]"]);
    const resolution = joinLines(
      'The General Assembly,',
      'Recalling its resolutions,',
      '1. Proclaims it a responsibility of all States to keep outer space peaceful;',
      '2. Declares that the preservation of outer space is a norm;',
    );
    assert.deepStrictEqual(commitments(resolution), ["L3 affirm 'Proclaims' [un-general-assembly]", "L4 affirm 'Declares' [un-general-assembly]"]);
  });

  it('reads a verb of emphasis on an importance, a need, principles or a that-clause as an affirmation, and nothing else it stresses', () => {
    assert.deepStrictEqual(commitments('Chile and Peru stress the importance of a rules-based economic order.'), ["L1 affirm 'stress' [CL,PE]"]);
    assert.deepStrictEqual(commitments('Chile and Peru underscored the fundamental principles guiding their relations.'), ["L1 affirm 'underscored' [CL,PE]"]);
    assert.deepStrictEqual(commitments('Chile and Peru highlighted the role of youth.'), []);
    assert.deepStrictEqual(commitments('Chile and Peru noted the importance of trade.'), []);
    // What is stressed in a that-clause (Quad 2022); a stance of their own after "that we" is that stance.
    assert.deepStrictEqual(commitments('Chile and Peru underscored unequivocally that the centerpiece of the order is international law.'), ["L1 affirm 'underscored' [CL,PE]"]);
    assert.deepStrictEqual(commitments('Chile and Peru stressed that they will support the plan.'), ["L1 support 'will support' [CL,PE]"]);
    assert.deepStrictEqual(commitments('Chile and Peru noted that the plan is useful.'), []);
  });

  it('reads the simple present of an action verb after "We" as a pledge of policy (U.S.–EU 2021), not reports or other subjects', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement between Chile and Peru', line));
    assert.deepStrictEqual(doc('We promote open and transparent investment screening.'), ["L2 pledge 'promote' [CL,PE]"]);
    assert.deepStrictEqual(doc('We meet at a time of crisis.'), []);
    assert.deepStrictEqual(doc('The Houthis promote violence.'), []);
    assert.deepStrictEqual(doc('We do not promote violence.'), []);
  });

  it('reads stances of unity, desire and commitment to an action (G7 2023, India–Australia 2009, U.S.–ROK 2023)', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement between Chile and Peru', line));
    assert.deepStrictEqual(doc('We remain united and resolute in our support of the UN Charter.'), ["L2 support 'remain united and resolute in our support of' [CL,PE]"]);
    assert.deepStrictEqual(doc('Both Presidents remain steadfast in their pursuit of dialogue.'), ["L2 affirm 'remain steadfast in their pursuit of' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two Prime Ministers affirmed their desire to intensify their contacts.'), ["L2 pledge 'affirmed their desire to intensify' [CL,PE]"]);
    assert.deepStrictEqual(doc('We remain committed to presenting a united front.'), ["L2 pledge 'remain committed to presenting' [CL,PE]"]);
    assert.deepStrictEqual(doc('We remain committed to mutual understanding.'), ["L2 affirm 'remain committed to' [CL,PE]"]);
  });

  it('reads verbs in a row that share one object as one predicate, and a two-word adverbial after the modal (G7 2023, Netherlands–Oman 1987)', () => {
    assert.deepStrictEqual(describeSpans('Chile will maintain, fully implement and expand the measures it has imposed.'), [
      "pledge 'will maintain, fully implement and expand the measures it has imposed'",
    ]);
    // Verbs with objects of their own are commitments apart; so is a position verb after a verb without one.
    assert.deepStrictEqual(describeSpans('Chile will deepen trade, expand investment and promote growth.'), [
      "pledge 'will deepen trade'",
      "pledge 'expand investment'",
      "pledge 'promote growth'",
    ]);
    assert.deepStrictEqual(commitments('Chile shall in particular promote economic cooperation.'), ["L1 pledge 'shall in particular promote' [CL]"]);
  });

  it('reads recommit, reconfirm, renewed support and invitations to act; what a third party continues to do is a report (Quad 2023, UK–Japan 2012, Atlantic 2022)', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement between Chile and Peru', line));
    assert.deepStrictEqual(doc('We recommit to working in partnership with Pacific island countries.'), ["L2 pledge 'recommit to working' [CL,PE]"]);
    assert.deepStrictEqual(doc('We reconfirm the distinctive importance of the partnership.'), ["L2 affirm 'reconfirm' [CL,PE]"]);
    assert.deepStrictEqual(doc('We renew our support for the group.'), ["L2 support 'renew our support for' [CL,PE]"]);
    assert.deepStrictEqual(doc('We invite other coastal countries to join us.'), ["L2 request 'invite' [CL,PE]"]);
    assert.deepStrictEqual(doc('Chile invited Peru to visit Santiago.'), []);
    assert.deepStrictEqual(doc('Ukraine continues to defend itself.'), []);
    assert.deepStrictEqual(doc('Chile continues to support the fund.'), ["L2 support 'continues to support' [CL]"]);
    const resolution = joinLines('The General Assembly,', '1. Affirms the value of the Register, and to that end requests the Secretary-General to report;');
    assert.deepStrictEqual(commitments(resolution), ["L2 affirm 'Affirms' [un-general-assembly]", "L2 request 'requests' [un-general-assembly]"]);
  });

  it('reads a task given to others as a request, and a stance noun after "in the strongest terms" (ASEAN 2022, G7 2022)', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement between Chile and Peru', line));
    assert.deepStrictEqual(doc('We tasked the Foreign Ministers to develop a plan.'), ["L2 request 'tasked' [CL,PE]"]);
    assert.deepStrictEqual(doc('We reaffirmed in the strongest terms our condemnation of the attack.'), [
      "L2 oppose 'reaffirmed in the strongest terms our condemnation of' [CL,PE] strong",
    ]);
  });

  it('keeps the new rules from misfiring on ordinary text (review of the rules above)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement between Chile and Peru', ...lines));
    // A bulleted item with a run-in heading is read as its own sentence (US–Singapore CET 2023).
    assert.deepStrictEqual(doc('We intend to work in six main areas:', '- Biotechnology: The two sides will convene our science agencies.'), [
      "L2 pledge 'intend to work' [CL,PE]",
      "L3 pledge 'will convene' [CL,PE]",
    ]);
    // A one-word item, a determiner alone: no crash.
    assert.doesNotThrow(() => doc('We support the following:', '- the', '- all'));
    // "They" after a paragraph that ends on a third party, or on a subject not read, is nobody.
    assert.deepStrictEqual(doc('The Houthis have attacked ships, and Russia supports them.', 'They must stop these attacks immediately.'), []);
    assert.deepStrictEqual(doc('Chile and Peru discussed Myanmar. The junta will hold sham elections.', 'They will continue to suppress dissent.'), []);
    // Courtesy nouns only after a verb of expression.
    assert.deepStrictEqual(doc('We will strengthen the reception of refugees in host countries.'), ["L2 pledge 'will strengthen' [CL,PE]"]);
    // One short line after a lead-in is a heading; "Done at …" is no item.
    assert.deepStrictEqual(doc('The two sides agreed on the following:', 'Economic Cooperation', 'The two sides will expand trade.'), [
      "L2 pledge 'agreed on' [CL,PE]",
      "L4 pledge 'will expand' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('We reaffirm the following:', 'Done at Lima, 5 May 2024', 'Signed by the ministers'), ["L2 affirm 'reaffirm' [CL,PE]"]);
    // "agreed that" a third party or an event will …: a view, not a pledge; "agreed to the importance of": none.
    assert.deepStrictEqual(doc('The two sides agreed that the conflict would have serious consequences.'), ["L2 affirm 'agreed that' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two sides agreed to the importance of a free Indo-Pacific.'), []);
    // A readiness of someone else's ("the intent to harm civilians") is no pledge.
    assert.deepStrictEqual(doc('Both sides confirmed the intent to harm civilians was evident.'), ["L2 affirm 'confirmed' [CL,PE]"]);
  });

  it('reads "will ask", "will urge" and "…, and ask them to" as requests', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('We will urge all parties to respect the ceasefire.'), ["L2 request 'will urge' [CL,PE]"]);
    assert.deepStrictEqual(doc('We will each designate a representative, and ask them to convene in January.'), [
      "L2 pledge 'will each designate' [CL,PE]",
      "L2 request 'ask' [CL,PE]",
    ]);
  });

  it('does not continue a chain with a purpose clause (", to V") or what is coordinated inside it', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('We intend to deepen cooperation through a dialogue, to advance the program.'), ["L2 pledge 'intend to deepen' [CL,PE]"]);
    assert.deepStrictEqual(doc('We intend to work, within national contexts, to collaborate on research and to increase funding.'), ["L2 pledge 'intend to work' [CL,PE]"]);
    assert.deepStrictEqual(doc('We agreed to increase trade, and to resolve disputes.'), ["L2 pledge 'agreed to increase' [CL,PE]", "L2 pledge 'to resolve' [CL,PE]"]);
  });

  it("reads the vocabulary of intent and position of leaders' statements", () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('We intend to further expand our engagement.'), ["L2 pledge 'intend to further expand' [CL,PE]"]);
    assert.deepStrictEqual(doc('We underscore our support for Pacific Island countries.'), ["L2 support 'underscore our support for' [CL,PE]"]);
    assert.deepStrictEqual(doc('We underscore our nations’ unwavering commitment to freedom of navigation.'), [
      "L2 affirm 'underscore our nations’ unwavering commitment to' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('We reiterate our strong opposition to any attempts to change the status quo.'), ["L2 oppose 'reiterate our strong opposition to' [CL,PE]"]);
    assert.deepStrictEqual(doc('Chile and Peru commend the efforts of the mediators.'), ["L2 support 'commend' [CL,PE]"]);
    assert.deepStrictEqual(doc('Our two countries look forward to holding the first dialogue.'), ["L2 pledge 'look forward to holding' [CL,PE] weak"]);
    assert.deepStrictEqual(doc('We look forward to the next summit.'), []);
    assert.deepStrictEqual(doc('We unequivocally stand for the maintenance of peace.'), ["L2 support 'unequivocally stand for' [CL,PE] strong"]);
    assert.deepStrictEqual(doc('We are united in our commitment to upholding an open system.'), ["L2 affirm 'are united in our commitment to' [CL,PE]"]);
    assert.deepStrictEqual(doc('Today we are proud to announce a partnership.'), ["L2 pledge 'are proud to announce' [CL,PE]"]);
    assert.deepStrictEqual(doc('We are proud to have hosted the summit.'), []);
  });

  it('reads an agency by its party, the verb after a phrase between commas, and announcements in the progressive', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('The Chile Development Finance Corporation (DFC) also intends to open an office.'), ["L2 pledge 'also intends to open' [CL]"]);
    assert.deepStrictEqual(doc('Chile, under the Visitor Program, plans to manage a training program.'), ["L2 pledge 'plans to manage' [CL] weak"]);
    assert.deepStrictEqual(doc('Chile, subject to notification, and Peru, with support from industry, intend to provide funds.'), ["L2 pledge 'intend to provide' [CL,PE]"]);
    assert.deepStrictEqual(doc('Ukraine, which has suffered, must be helped.'), []);
    assert.deepStrictEqual(doc('Peru is providing medical equipment, and is contributing to the fund.'), ["L2 pledge 'is providing' [PE]"]);
    assert.deepStrictEqual(doc('Today we are launching the Corridor.'), ["L2 pledge 'are launching' [CL,PE]"]);
    // A party of others, a group at work and a lead-in: no announcement.
    assert.deepStrictEqual(doc('China is providing loans.'), []);
    assert.deepStrictEqual(doc('ASEAN is harnessing its strengths.'), []);
    assert.deepStrictEqual(doc('Chile was providing loans.'), []);
  });

  it('reads an institution of the glossary that speaks for a party, with its abbreviation in parentheses', () => {
    const glossary = compileGlossary(
      parseGlossary(
        [
          'terms:',
          '  - {id: CL, term: Chile, kind: party}',
          '  - {id: PE, term: Peru, kind: party}',
          '  - {id: cdfc, term: Chile Development Finance Corporation, kind: institution, party: CL, aliases: [CDFC]}',
        ].join('\n'),
        'inline.yaml',
      ),
    );
    const doc = (line: string) => {
      const text = joinLines('Joint Statement of Chile and Peru', line);
      return describeCommitments(text, analyzeText(text, glossary));
    };
    assert.deepStrictEqual(doc('The Chile Development Finance Corporation (CDFC) intends to open an office.'), ["L2 pledge 'intends to open' [CL]"]);
    assert.deepStrictEqual(doc('The Chile Development Finance Corporation intends to open an office.'), ["L2 pledge 'intends to open' [CL]"]);
  });

  it('reads announcements of a new undertaking by the parties, not reports of earlier ones', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('The two Presidents announced the establishment of a new Consultative Group.'), ["L2 pledge 'announced the establishment of' [CL,PE]"]);
    assert.deepStrictEqual(doc('We announce the launch of a joint fund.'), ["L2 pledge 'announce the launch of' [CL,PE]"]);
    assert.deepStrictEqual(doc('In 2023, we announced the launch of a joint fund.'), []);
    assert.deepStrictEqual(doc('China announced the establishment of a new fund.'), []);
    assert.deepStrictEqual(doc('Chile announced USD 150 million in programs.'), []);
  });

  it('reads the present perfect of a verb of commitment as a pledge made now, other perfects as reports', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('The two Presidents have committed to develop an ever-stronger relationship.'), ["L2 pledge 'have committed to develop' [CL,PE]"]);
    assert.deepStrictEqual(doc('Chile has agreed to host the next meeting.'), ["L2 pledge 'has agreed to host' [CL]"]);
    assert.deepStrictEqual(doc('Chile has long supported the initiative.'), []);
    assert.deepStrictEqual(doc('The two sides have signed an agreement.'), []);
  });

  it('reads renewed calls and condemnations by their noun, and "ask … to" as a request', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('We reiterate our strong condemnation of the seizure of the plant.'), ["L2 oppose 'reiterate our strong condemnation of' [CL,PE]"]);
    assert.deepStrictEqual(doc('We ask our Finance Ministers to convene shortly.'), ["L2 request 'ask' [CL,PE]"]);
    assert.deepStrictEqual(
      commitments(joinLines('The General Assembly,', '3. Reiterates its call upon all States to refrain from such measures;')).slice(-1)[0].split(' ')[1],
      'request',
    );
  });

  it('reads "committed to" a noun as an affirmation, "committed to" an action (-ing) as a pledge', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('We are committed to peace and stability.'), ["L2 affirm 'are committed to' [CL,PE]"]);
    assert.deepStrictEqual(doc('We are committed to addressing food insecurity.'), ["L2 pledge 'are committed to addressing' [CL,PE]"]);
  });

  it('reads a title of office the document ties to a party as that party ("the Prime Minister", "Prime Minister Howard")', () => {
    const head = joinLines(
      'Joint Communique on the visit of the Prime Minister of Chile to Peru',
      '1. At the invitation of Dina Boluarte, President of Peru, the Prime Minister of Chile paid a visit.',
    );
    const doc = (line: string) => commitments(joinLines(head, line)).slice(-1);
    assert.deepStrictEqual(doc('2. The Prime Minister reaffirmed support for the reforms.'), ["L3 support 'reaffirmed support for' [CL]"]);
    assert.deepStrictEqual(doc('2. Prime Minister Howard welcomed the reforms.'), ["L3 support 'welcomed' [CL]"]);
    assert.deepStrictEqual(doc('2. The President and the Prime Minister welcomed the reforms.'), ["L3 support 'welcomed' [CL,PE]"]);
    // A title the head does not tie to one party names nobody.
    assert.deepStrictEqual(commitments(joinLines('Joint Statement of Chile and Peru', 'The Chancellor welcomed the reforms.')), []);
  });

  it('reads "<title> <Name> of <party>" as that party, and the name alone later on', () => {
    // As in the Japan–Australia joint statement of 2008 ("Prime Minister Yasuo Fukuda of Japan and …").
    const head = joinLines('Joint Statement', 'President Gabriel Boric of Chile and President Dina Boluarte of Peru met in Lima.');
    const doc = (line: string) => commitments(joinLines(head, line));
    assert.deepStrictEqual(doc('President Boric confirmed his commitment to the partnership.'), ["L3 affirm 'confirmed' [CL]"]);
    assert.deepStrictEqual(doc('President Boluarte and President Boric welcomed the agreement.'), ["L3 support 'welcomed' [CL,PE]"]);
    assert.deepStrictEqual(commitments('President Gabriel Boric of Chile welcomed the agreement.'), ["L1 support 'welcomed' [CL]"]);
    // A name the document never ties to a party names nobody.
    assert.deepStrictEqual(doc('President Sato welcomed the agreement.'), []);
  });

  it('reads a glossary person after a title as their party, or as the party after "of"', () => {
    // The Japan–Australia joint statement of 2008, once both prime ministers are glossary persons.
    const glossary = compileGlossary(
      parseGlossary(
        [
          'terms:',
          '  - {id: JP, term: Japan, kind: party}',
          '  - {id: AU, term: Australia, kind: party}',
          '  - {id: KR, term: Republic of Korea, kind: party}',
          '  - {id: yasuo-fukuda, term: Yasuo Fukuda, kind: person, party: JP}',
          '  - {id: kevin-rudd, term: Kevin Rudd, kind: person, party: AU}',
          '  - {id: fumio-kishida, term: Fumio Kishida, kind: person, party: JP, aliases: [Kishida]}',
          '  - {id: yoon, term: Yoon Suk Yeol, kind: person, party: KR}',
        ].join('\n'),
        'inline.yaml',
      ),
    );
    const doc = (...lines: string[]) => {
      const text = joinLines(...lines);
      return describeCommitments(text, analyzeText(text, glossary));
    };
    assert.deepStrictEqual(
      doc(
        'Joint Statement',
        'On 12 June 2008, Prime Minister Yasuo Fukuda of Japan and Prime Minister Kevin Rudd of Australia met in Tokyo to reaffirm the importance of the relationship.',
      ),
      ["L2 affirm 'reaffirm' [AU,JP]"],
    );
    assert.deepStrictEqual(doc('Joint Statement', 'Prime Minister Kishida and Prime Minister Kevin Rudd welcomed the agreement.'), ["L2 support 'welcomed' [AU,JP]"]);
    assert.deepStrictEqual(doc('Joint Statement', 'President Yoon Suk Yeol of the Republic of Korea welcomed the agreement.'), ["L2 support 'welcomed' [KR]"]);
  });

  it("reads a title and the surname of a glossary person of a document party, a name's possessive support, aid announced, and no position in welcoming a visitor (Australia–Lebanon 2012)", () => {
    const glossary = compileGlossary(
      parseGlossary(
        [
          'terms:',
          '  - {id: AU, term: Australia, kind: party}',
          '  - {id: LB, term: Lebanon, kind: party}',
          '  - {id: NZ, term: New Zealand, kind: party}',
          '  - {id: julia-gillard, term: Julia Gillard, kind: person, party: AU}',
          '  - {id: john-key, term: John Key, kind: person, party: NZ}',
        ].join('\n'),
        'inline.yaml',
      ),
    );
    const text = joinLines(
      'Joint Statement of Australia and Lebanon',
      'Prime Minister Gillard warmly welcomed President Sleiman and his accompanying delegation to Australia.',
      'Prime Minister Gillard reiterated Australia’s support for de-mining in Lebanon and announced an additional $1 million contribution to clear land.',
      'Prime Minister Key welcomed the agreement.',
      'Australia welcomed President Sleiman’s invitation to Canberra.',
    );
    assert.deepStrictEqual(describeCommitments(text, analyzeText(text, glossary)), [
      "L3 support 'reiterated Australia’s support for' [AU]",
      "L3 pledge 'announced an additional $1 million contribution' [AU]",
      "L5 support 'welcomed' [AU]",
    ]);
  });

  it('reads an officeholder named in the head by name, where two parties share the title', () => {
    const head = joinLines(
      'Joint Statement',
      '1. The Prime Minister of Chile, H.E. Gabriel Boric, visited Peru at the invitation of the Prime Minister of Peru, H.E. Dr. Gustavo Adrianzen.',
    );
    const doc = (line: string) => commitments(joinLines(head, line)).slice(-1);
    assert.deepStrictEqual(doc('2. Prime Minister Adrianzen welcomed the reforms.'), ["L3 support 'welcomed' [PE]"]);
    assert.deepStrictEqual(doc('2. Prime Minister Boric welcomed the reforms.'), ["L3 support 'welcomed' [CL]"]);
    // The title alone is ambiguous here: nobody.
    assert.deepStrictEqual(commitments(joinLines(head, '2. The Prime Minister welcomed the reforms.')).slice(1), []);
  });

  it('opens a list after a verb of complements and adverbials, after a bare "we, the …:", and after an operative paragraph', () => {
    const treaty = joinLines(
      'Agreement between Chile and Peru',
      'The Contracting Parties undertake in particular, and on a basis of reciprocity:',
      'a. to further the exchange of professors;',
      'b. to promote co-operation between specialists.',
    );
    assert.deepStrictEqual(commitments(treaty), ["L3 pledge 'to further' [CL,PE]", "L4 pledge 'to promote' [CL,PE]"]);
    const verbless = joinLines(
      'Joint Statement of Chile and Peru',
      'Having followed the uncertainties, we, the Foreign Ministers:',
      '1. Reiterate our commitment to peace.',
      '2. Reaffirm the need for unity.',
    );
    assert.deepStrictEqual(commitments(verbless), ["L3 affirm 'Reiterate' [CL,PE]", "L4 affirm 'Reaffirm' [CL,PE]"]);
    const resolution = joinLines(
      'The General Assembly,',
      '7. Requests the Secretary-General, within available resources:',
      '(a) To continue the practice of sending a note verbale;',
      '(b) To circulate annually a note verbale.',
    );
    assert.deepStrictEqual(
      commitments(resolution).map((c) => c.split(' ').slice(0, 2).join(' ')),
      ['L2 request', 'L3 request', 'L4 request'],
    );
  });

  it('carries the actor to "he" and to "they" after a short opening phrase; a call on a person is a visit', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('Chile welcomed the plan. He affirmed that Chile would continue to help.'), ["L2 support 'welcomed' [CL]", "L2 affirm 'affirmed' [CL]"]);
    assert.deepStrictEqual(doc('The two sides met. In this regard, they expressed their intention to hold a dialogue.'), ["L2 pledge 'expressed their intention to hold' [CL,PE]"]);
    assert.deepStrictEqual(doc('The two sides expressed their shared commitment to the partnership.'), ["L2 affirm 'expressed their shared commitment to' [CL,PE]"]);
    assert.deepStrictEqual(doc('The President of Chile called on H.E. the Speaker of Congress.'), []);
    assert.deepStrictEqual(doc('The two sides called on all parties to exercise restraint.'), ["L2 request 'called on' [CL,PE]"]);
  });

  it('reads "agreed that …" as an affirmation agreed on', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('The two sides agreed that stronger cooperation is required.'), ["L2 affirm 'agreed that' [CL,PE]"]);
  });

  it('reads "the Alliance" as the parties, and a commitment highlighted as "the X commitment to"', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('The Alliance will maintain robust communication.'), ["L2 pledge 'will maintain' [CL,PE]"]);
    assert.deepStrictEqual(doc('Chile highlighted the U.S. commitment to extend deterrence.'), ["L2 affirm 'highlighted the U.S. commitment to' [CL]"]);
  });

  it('does not continue a chain of finite verbs with a modal after a bare comma (another subject)', () => {
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('ACKNOWLEDGING that in 2022, Chile announced USD 150 million in programs that combined with other funds, will support the plan.'), []);
    assert.deepStrictEqual(doc('Chile welcomed the plan, and will support its implementation.'), ["L2 support 'welcomed' [CL]", "L2 support 'will support' [CL]"]);
  });

  it('reads "It is the policy of X to V" as a pledge of X', () => {
    assert.deepStrictEqual(commitments('It is the policy of the United States to assist Ukraine.'), ["L1 pledge 'It is the policy of the United States to assist' [US]"]);
    assert.deepStrictEqual(commitments('It is the view of the United States that Ukraine deserves help.'), []);
  });

  it('takes two verbs sharing one object for one predicate', () => {
    assert.deepStrictEqual(commitments('The Parties may decide to develop and implement additional responses.'), ["L1 pledge 'may decide' [] weak"]);
    assert.deepStrictEqual(commitments('The Parties may decide to develop responses, and implement them.'), ["L1 pledge 'may decide' [] weak", "L1 pledge 'implement' [] weak"]);
  });

  it('makes the items of a "… by:" lead-in pledges whatever its verb', () => {
    assert.deepStrictEqual(commitments(joinLines('We will champion shared values by:', '- promoting human rights.')).slice(1), ["L2 pledge 'promoting' []"]);
    // Without "by", the items are what is championed, a noun item as much as a verb item.
    assert.deepStrictEqual(commitments(joinLines('We will champion:', '- human rights;', '- promoting human rights.')).slice(1), [
      "L2 support 'human' []",
      "L3 support 'promoting' []",
    ]);
    // Every item under a lead-in is its own commitment, a noun item too ("agreed on the following steps:" + "- Entry into force of …")…
    assert.deepStrictEqual(commitments(joinLines('We commit to:', '- human rights;', '- promoting human rights.')).slice(1), ["L2 pledge 'human' []", "L3 pledge 'promoting' []"]);
    // …except where the items only spell out what the lead-in's object may include (US–Ukraine BSA 2024).
    assert.deepStrictEqual(
      commitments(joinLines('We commit to:', '3. To bolster cooperation, which may include:', 'a) Training programs;', 'b) Provision of defense articles.')).slice(1),
      ["L2 pledge 'To bolster' []"],
    );
  });

  it('splits coordinated predicates and carries the subject over a participial opener', () => {
    const text = 'Reaffirming its commitment to the UN Charter, the Kenyan side welcomes the initiative, rejects unilateral sanctions, and urges all parties to show restraint.';
    assert.deepStrictEqual(commitments(text), ["L1 support 'welcomes' [KE]", "L1 oppose 'rejects' [KE]", "L1 request 'urges' [KE]"]);
  });

  it('does not take nouns in a list for coordinated verbs', () => {
    const text = 'China and Kenya issued a statement. The two sides will strengthen cooperation in trade, investment, support for industry and exchange of experts.';
    assert.deepStrictEqual(commitments(text), ["L1 pledge 'will strengthen' [CN,KE]"]);
  });

  it('marks hedged and negated commitments', () => {
    const text = joinLines(
      'China and Kenya met.',
      'The two sides will consider the possibility of a free trade agreement.',
      'Neither side shall use force.',
      'The Chinese side will never accept interference.',
    );
    assert.deepStrictEqual(commitments(text), ["L2 pledge 'will consider' [CN,KE] weak", "L3 pledge 'shall use' [CN,KE] negated", "L4 oppose 'will never accept' [CN]"]);
  });

  it('leaves out reports of events, courtesies and assessments', () => {
    const text = joinLines(
      'China and Kenya held talks in Beijing.',
      'The two heads of state met and exchanged views.',
      'The Kenyan side thanked the Chinese side for its hospitality and invited President Xi to visit.',
      'The two sides spoke highly of the results and noted the progress.',
    );
    assert.deepStrictEqual(commitments(text), []);
  });

  it('reads a task given in the present perfect, an announced commitment to act, and a restated support (Australia–Malaysia 2011, ARF 2005)', () => {
    const text = joinLines(
      'China and Kenya issued a statement.',
      'The two Governments have today announced a commitment to enter into a new arrangement.',
      'The two Governments have asked senior officials to finalise a Memorandum of Understanding.',
      'The two Governments have signed the agreement and have asked whether it applies.',
      'We announced our commitment to democracy. The Ministers reiterated their support for ASEAN as the primary driving force of ARF.',
    );
    assert.deepStrictEqual(commitments(text), [
      "L2 pledge 'have today announced a commitment to enter' [CN,KE]",
      "L3 request 'have asked' [CN,KE]",
      "L5 affirm 'announced our commitment to' [CN,KE]",
      "L5 support 'reiterated their support for' [CN,KE]",
    ]);
  });

  it('is unaffected by CRLF line endings', () => {
    const lf = fixture('china-belarus-2022.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyze(lf).commitments.map((c) => [c.type, c.trigger, lf.slice(c.start, c.end)]);
    const b = analyze(crlf).commitments.map((c) => [c.type, c.trigger, crlf.slice(c.start, c.end)]);
    assert.deepStrictEqual(b, a);
  });

  it('reads a list marker before a sentence as if it were not there', () => {
    const plain = commitments('We call on China to engage with us.');
    assert.deepStrictEqual(plain, ["L1 request 'call on' []"]);
    assert.deepStrictEqual(commitments('- We call on China to engage with us.'), plain);
    assert.deepStrictEqual(commitments('• We call on China to engage with us.'), plain);
  });

  it('makes each verb item under a lead-in a commitment of its actor, type and strength', () => {
    const text = fixture('lead-in-lists.txt');
    assert.deepStrictEqual(commitments(text), [
      "L2 affirm 'reaffirmed' [KE,US]",
      // "WE HEREBY COMMIT TO:" and four numbered items in capitals, a heading between them.
      "L4 pledge 'EXPAND' [KE,US]",
      "L6 pledge 'PROMOTE' [KE,US]",
      "L7 support 'SUPPORT' [KE,US]",
      "L8 pledge 'FURTHER strengthen' [KE,US]",
      // An item with a subject of its own is a sentence.
      "L10 pledge 'will exchange' [KE,US]",
      // "The Parties agree:" with lettered items; the nested noun items (i), (ii) are not commitments.
      "L12 pledge 'to meet' [KE,US]",
      "L13 pledge 'To further' [KE,US]",
      "L16 oppose 'to oppose' [KE,US]",
      // A modal separated from its verb by a phrase between commas.
      "L17 pledge 'will, as appropriate, consult' [KE,US] weak",
      // "… by:" with -ing items: one per item, one more for a coordinated verb of another type.
      "L18 pledge 'intend to cooperate' [KE,US]",
      "L19 pledge 'promoting' [KE,US]",
      "L19 affirm 'reaffirming' [KE,US]",
      "L20 affirm 'upholding' [KE,US]",
    ]);
  });

  it('reads list items only under a lead-in, and ends the lead-in at a paragraph that is not an item', () => {
    const items = ['- support a free and open Indo-Pacific;', '- promote the evolution of the Multilateral Development Banks.'];
    assert.deepStrictEqual(commitments(joinLines('We, the Leaders of the G7, are determined to work together to:', ...items)).slice(1), [
      "L2 support 'support' []",
      "L3 pledge 'promote' []",
    ]);
    // Without the lead-in, or after a sentence that ends it, the same items are no commitments.
    assert.deepStrictEqual(commitments(joinLines('We, the Leaders of the G7, met in Hiroshima.', ...items)), []);
    assert.deepStrictEqual(commitments(joinLines('We are determined to work together to:', 'The Leaders met in Hiroshima.', ...items)).slice(1), []);
    // An item labelled like the lead-in's own paragraph ends it: "3." after "2. … by:".
    assert.deepStrictEqual(
      commitments(joinLines('2. We will champion shared values by:', '- promoting human rights;', '3. The Leaders met in Hiroshima.', '- promoting gender equality.')).map((c) =>
        c.slice(0, 3),
      ),
      ['L1 ', 'L2 '],
    );
  });

  it('takes a list of nouns under "which may include:" for no commitments', () => {
    assert.deepStrictEqual(
      commitments(joinLines('The Parties agree:', '1. To cooperate on defence, which may include:', 'a) Training programs;', 'b) Continued joint planning.')),
      ["L2 pledge 'To cooperate' []"],
    );
  });

  it('reads "Forum Leaders" as the speakers, skips "while respecting …" before their verb, and makes each noun item a commitment (Biketawa 2000)', () => {
    const text = joinLines(
      'Declaration of Chile and Peru',
      'Forum Leaders while respecting the principle of non-interference in the affairs of another member state committed themselves to a number of guiding principles:',
      '(i) Commitment to good governance.',
      '(ii) Belief in the liberty of the individual.',
      '(iii) Upholding democratic processes.',
    );
    assert.deepStrictEqual(commitments(text), [
      "L2 pledge 'committed themselves to' [CL,PE]",
      "L3 pledge 'Commitment' [CL,PE]",
      "L4 pledge 'Belief' [CL,PE]",
      "L5 affirm 'Upholding' [CL,PE]",
    ]);
    const doc = (line: string) => commitments(joinLines('Joint Statement of Chile and Peru', line));
    assert.deepStrictEqual(doc('Commonwealth Heads of Government committed to peace.'), ["L2 pledge 'committed to peace' [CL,PE]"]);
    // Names of parties and verbs are not a body's name; a capitalised word alone is no actor.
    assert.deepStrictEqual(doc('Chile Leaders committed to peace.'), doc('Chile committed to peace.'));
    assert.deepStrictEqual(doc('Forum committed to peace.'), []);
  });

  it('reads "re-affirmed", "agreed" without "that" before a named body that would act, and steps announced (Australia–New Zealand 2012)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('The Prime Ministers re-affirmed their strong commitment to close relations. They agreed to conduct further joint meetings.'), [
      "L2 affirm 're-affirmed' [CL,PE]",
      "L2 pledge 'agreed to conduct' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('The Prime Ministers agreed the Productivity Commissions of each country would conduct a joint study.'), ["L2 pledge 'agreed' [CL,PE]"]);
    assert.deepStrictEqual(doc('The Prime Ministers agreed the situation would improve.'), ["L2 affirm 'agreed' [CL,PE]"]);
    assert.deepStrictEqual(doc('The Prime Ministers announced further steps to deepen cooperation.'), ["L2 pledge 'announced further steps' [CL,PE]"]);
    assert.deepStrictEqual(doc('The Prime Ministers announced the steps taken.'), []);
  });

  it('reads no commitment into what a third party must do, nor into "It" after "We" (G7 February 2024)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('Russia must not succeed in wrecking the economy.'), []);
    assert.deepStrictEqual(doc('Chile must not give up its claims.'), ["L2 pledge 'must not give' [CL] negated"]);
    assert.deepStrictEqual(doc('We welcome the Ukraine Facility. It will provide financial support.'), ["L2 support 'welcome' [CL,PE]"]);
    assert.deepStrictEqual(doc('Chile welcomes the plan. It will provide financial support.'), ["L2 support 'welcomes' [CL]", "L2 pledge 'will provide' [CL]"]);
  });

  it('reads a pronoun after an opening subordinate clause as its subject, and an aim shared to act as a pledge (U.S.–France 2021, U.S.–Mongolia 2023)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('As Chile assumes the Presidency of the Council in 2022, it will keep Peru closely informed.'), ["L2 pledge 'will keep' [CL]"]);
    // A subject that is no party: "it" is not the last actor.
    assert.deepStrictEqual(doc('Peru welcomes the plan. As the Council meets in May, it will decide.'), ["L2 support 'welcomes' [PE]"]);
    assert.deepStrictEqual(doc('Chile and Peru share the goal of continuing to bolster deterrence.'), ["L2 pledge 'share the goal of continuing' [CL,PE]"]);
    assert.deepStrictEqual(doc('Our countries share a desire to deepen the relationship.'), ["L2 pledge 'share a desire to deepen' [CL,PE]"]);
    assert.deepStrictEqual(doc('Chile and Peru share a border and a commitment to democracy.'), []);
  });

  it('reads a stance named as the subject and said to hold, "and we" as a new clause, and a call repeated (G7 December 2023)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('Our steadfast commitment to supporting Ukraine’s fight for its independence will never waver.'), [
      "L2 pledge 'Our steadfast commitment to' [CL,PE] strong",
    ]);
    assert.deepStrictEqual(doc('Our commitment remains to restrict exports of all items critical to Russia.'), ["L2 pledge 'Our commitment remains to restrict' [CL,PE] strong"]);
    assert.deepStrictEqual(doc('Our support for Ukraine remains unwavering.'), ["L2 support 'Our support for' [CL,PE] strong"]);
    // Not said to hold: a description.
    assert.deepStrictEqual(doc('Our support for Ukraine has taken many forms.'), []);
    assert.deepStrictEqual(doc('We will restrict exports of all items and we call on third parties to take equivalent action.'), [
      "L2 pledge 'will restrict' [CL,PE]",
      "L2 request 'call on' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('We repeat our call for third parties to cease providing material support.'), ["L2 request 'repeat our call for' [CL,PE]"]);
  });

  it('reads "and is committed to" in a chain, "they" after an opening participle, intent announced, support voiced or given "to", and an effort embarked on (U.S.–Brazil 2023, U.S.–Israel 2022, AUKUS 2021)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('Chile welcomes these developments and is committed to continue playing an active role.'), [
      "L2 support 'welcomes' [CL]",
      "L2 pledge 'is committed to continue' [CL]",
    ]);
    assert.deepStrictEqual(doc('Chile welcomes the plan and is deepening its ties.'), ["L2 support 'welcomes' [CL]"]);
    assert.deepStrictEqual(doc('The two leaders met. Recognizing the importance of supply chains, especially now, they committed to continue cooperation.'), [
      "L2 pledge 'committed to continue' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('The two leaders met. While fully respecting freedom of expression, they firmly reject the campaign.'), [
      "L2 oppose 'firmly reject' [CL,PE] strong",
    ]);
    assert.deepStrictEqual(doc('Chile announced its intent to work with Congress.'), ["L2 pledge 'announced its intent to work' [CL]"]);
    assert.deepStrictEqual(doc('Chile voiced support for the Grain Initiative. Peru reiterates its full support to the work of the Mission.'), [
      "L2 support 'voiced support for' [CL]",
      "L2 support 'reiterates its full support to' [PE]",
    ]);
    assert.deepStrictEqual(doc('Chile is committed to do whatever it takes.'), ["L2 pledge 'is committed to do' [CL]"]);
    assert.deepStrictEqual(doc('Today, we embark on a trilateral effort. In 2020, we embarked on a review.'), ["L2 pledge 'embark on' [CL,PE]"]);
  });

  it('reads titles "of" their states in a list of actors, and takes the parties from an opening "Today, the President of X and the Chancellor of Y" (Washington Declaration 2021)', () => {
    const text = joinLines(
      'Washington Declaration',
      'Today, the President of Chile and the Prime Minister of Peru affirm their commitment to close bilateral cooperation.',
      'Together, we will uphold the rule of law.',
    );
    assert.deepStrictEqual(commitments(text), ["L2 affirm 'affirm' [CL,PE]", "L3 pledge 'will uphold' [CL,PE]"]);
    // Without the adverbial, and another title, the same.
    assert.deepStrictEqual(commitments(joinLines('Washington Declaration', 'The Chancellor of Chile and the Prime Minister of Peru affirm their commitment to peace.')), [
      "L2 affirm 'affirm' [CL,PE]",
    ]);
  });

  it('reads "o " before a capital as a bullet, and an action agreed in the passive ("agreed that … would be handed over") as a pledge (Australia–PNG 2014)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('• Ministers affirmed the urgency of the investigations.', 'o Ministers also agreed to facilitate interviews.'), [
      "L2 affirm 'affirmed' [CL,PE]",
      "L3 pledge 'also agreed to facilitate' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('Ministers agreed that all relevant information from the independent administrative reviews would be handed over to the police.'), [
      "L2 pledge 'agreed that' [CL,PE]",
    ]);
    assert.deepStrictEqual(doc('Ministers agreed that cooperation is required.'), ["L2 affirm 'agreed that' [CL,PE]"]);
  });

  it('reads no commitment into an outcome after a modal, and a request continued as a request (European Council 2024, U.S.–Spain 2022)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('Russia must not prevail. We will not fail. We will succeed in building the network.'), []);
    assert.deepStrictEqual(doc('We continue to encourage China to uphold its commitments. We continue to welcome the plan.'), [
      "L2 request 'continue to encourage' [CL,PE]",
      "L2 support 'continue to welcome' [CL,PE]",
    ]);
  });

  it('leads in items with "We are:" and with "Focus areas … are intended to include:" after the actor\'s sentence, and reads "are calling for" as a request (G7 Apulia 2024, U.S.–UK 2025)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('We are:', '- standing in solidarity with Ukraine.', '- reaffirming our commitment to gender equality.', '- engaging with African countries.'), [
      "L3 pledge 'standing' [CL,PE]",
      "L4 affirm 'reaffirming' [CL,PE]",
      "L5 pledge 'engaging' [CL,PE]",
    ]);
    assert.deepStrictEqual(
      doc(
        'The Participants intend to leverage this infrastructure. Focus areas for collaboration are intended to include:',
        '- establishing joint research programs;',
        '- quantum computing;',
      ),
      ["L2 pledge 'intend to leverage' [CL,PE]", "L3 pledge 'establishing' [CL,PE]"],
    );
    // Without an actor before it, no lead-in.
    assert.deepStrictEqual(doc('Focus areas are intended to include:', '- establishing joint research programs;'), []);
    assert.deepStrictEqual(doc('We are calling for action from the international community.'), ["L2 request 'are calling' [CL,PE]"]);
  });

  it('takes the parties from a long title naming two leaders "of" their states (U.S.–Colombia 2022)', () => {
    const title =
      'Joint Statement by President Joseph R. Biden Jr. of Chile and President Iván Duque Márquez of Peru on the Chile-Peru Bicentennial Partnership of the Two Republics';
    assert.ok(title.length > 160);
    assert.deepStrictEqual(commitments(joinLines(title, 'We committed to expanding security cooperation.')), ["L2 pledge 'committed to expanding' [CL,PE]"]);
  });

  it("reads a numbered item in the imperative as a pledge of the document's parties, not a noun or a heading (BRICS Sanya Action Plan 2011)", () => {
    const text = joinLines(
      'Action Plan of Chile and Peru',
      'We formulated the Action Plan.',
      'I. Enhance existing cooperation programs',
      '1. Hold the third Meeting of High Representatives in the latter half of 2011.',
      '2. Support for the initiative is strong.',
      '3. Strengthen financial cooperation between the two countries.',
    );
    assert.deepStrictEqual(commitments(text), ["L4 pledge 'Hold' [CL,PE]", "L6 pledge 'Strengthen' [CL,PE]"]);
    // In a resolution the organ speaks; without parties nobody.
    assert.deepStrictEqual(commitments(joinLines('Plan', '1. Hold the third Meeting of High Representatives.')), []);
  });

  it('reads a past tense the lexicon does not know as committing to nothing, so its actor carries on (EU–UK 2024)', () => {
    const doc = (...lines: string[]) => commitments(joinLines('Joint Statement of Chile and Peru', ...lines));
    assert.deepStrictEqual(doc('The leaders reflected on the events overnight and condemned the attack. They recognised the right to self-defence.'), [
      "L2 oppose 'condemned' [CL,PE]",
      "L2 affirm 'recognised' [CL,PE]",
    ]);
  });

  it('tokenizes exactly as the Unicode-property regex it replaced', () => {
    const unit = fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      '.',
      "'",
      '’',
      '-',
      '"',
      '“',
      '”',
      '(',
      ')',
      '中',
      'é',
      'Ж',
      '\u00a0',
      '\u3000',
      '\n',
      '\t',
      '😀',
      '𝐀',
      '\ud800',
      '\udc00',
      '١',
      '½',
      '_',
      '—',
      'ʼ',
    );
    const text = fc
      .array(fc.oneof(unit, fc.constantFrom('U.S.', 'e.g.', "People's", 'one-China', 'co-operate.', 'Mr.', '3.5', 'a.b.c')), { maxLength: 40 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        assert.deepStrictEqual(tokenize(t, from, to), referenceTokenize(t, from, to));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), seed: 11 },
    );
    for (const f of ['china-belarus-2022.txt', 'zh-joint-statement.txt', 'treaty-excerpt.txt']) {
      const t = fixture(f);
      assert.deepStrictEqual(tokenize(t, 0, t.length), referenceTokenize(t, 0, t.length));
    }
  });
});

describe('commitments: Chinese actors and predicates', () => {
  // Parties with their Chinese names only (no "X方" alias), so short forms must come from the names.
  const glossary = compileGlossary(
    parseGlossary(
      [
        'terms:',
        '  - {id: CN, term: China, kind: party, aliases: [中国, 中华人民共和国, 中方]}',
        '  - {id: AE, term: United Arab Emirates, kind: party, aliases: [阿联酋, 阿拉伯联合酋长国]}',
        '  - {id: AR, term: Argentina, kind: party, aliases: [阿根廷, 阿根廷共和国]}',
        '  - {id: PK, term: Pakistan, kind: party, aliases: [巴基斯坦, 巴基斯坦伊斯兰共和国]}',
        '  - {id: BR, term: Brazil, kind: party, aliases: [巴西, 巴西联邦共和国]}',
        '  - {id: SB, term: Solomon Islands, kind: party, aliases: [所罗门群岛]}',
        '  - {id: RU, term: Russia, kind: party, aliases: [俄罗斯, 俄罗斯联邦]}',
        '  - {id: BD, term: Bangladesh, kind: party, aliases: [孟加拉国, 孟加拉人民共和国]}',
        '  - {id: xi, term: Xi Jinping, kind: person, party: CN, aliases: [习近平]}',
      ].join('\n'),
      'inline.yaml',
    ),
  );
  const zh = (...lines: string[]) => {
    const text = joinLines(...lines);
    return describeCommitments(text, analyzeText(text, glossary));
  };
  const title = (other: string) => `中华人民共和国和${other}联合声明`;

  it("reads the stance after an opinion, and the verb after an item's opening phrase (China–Viet Nam 2013)", () => {
    // "一致认为…，重申将遵循…": the opinion's content ends where the sides reaffirm.
    assert.deepStrictEqual(zh(title('巴基斯坦伊斯兰共和国'), '双方一致认为中巴友好是两国人民共同的宝贵财富，重申将遵循两国领导人达成的重要共识。'), ["L2 affirm '重申' [CN,PK]"]);
    assert.deepStrictEqual(zh(title('巴基斯坦伊斯兰共和国'), '双方一致认为中巴友好是两国人民共同的宝贵财富，符合两国根本利益。'), []);
    // "（一）通过…等形式，保持高层接触": the item's verb opens its second clause.
    assert.deepStrictEqual(
      zh(title('巴基斯坦伊斯兰共和国'), '三、双方同意在以下领域深化合作：', '（一）通过双边互访、热线电话等灵活多样的形式，保持高层接触，加强战略沟通。').slice(1),
      ["L3 pledge '保持' [CN,PK]"],
    );
  });

  it("ends an opinion only at the actor's own course: not at a subject phrase or a longer word", () => {
    const t = title('巴基斯坦伊斯兰共和国');
    assert.deepStrictEqual(zh(t, '双方一致认为世界正在变化，同意这一观点的国家越来越多。'), []);
    assert.deepStrictEqual(zh(t, '双方一致认为世界正在变化，决定性因素在于各国人民的选择。'), []);
    assert.deepStrictEqual(zh(t, '双方一致认为世界正在变化，重申承诺的国家应当履行义务。'), []);
  });

  it('resolves "X方" to the document party whose Chinese name starts with X', () => {
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '阿方支持中方维护国家主权。'), ["L2 support '支持' [AE]"]);
    assert.deepStrictEqual(zh(title('阿根廷共和国'), '阿方支持中方维护国家主权。'), ["L2 support '支持' [AR]"]);
    assert.deepStrictEqual(zh(title('巴基斯坦伊斯兰共和国'), '巴方支持中方维护国家主权。'), ["L2 support '支持' [PK]"]);
    assert.deepStrictEqual(zh(title('巴西联邦共和国'), '巴方支持中方维护国家主权。'), ["L2 support '支持' [BR]"]);
    // No party of the document starts with 阿: no actor, no commitment.
    assert.deepStrictEqual(zh(title('所罗门群岛'), '阿方支持中方维护国家主权。'), []);
    // Words of the form X方 that are no party.
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '地方支持中方维护国家主权。'), []);
  });

  it('resolves compounds of the parties\' initials ("中阿双方", "中俄两国") and persons who speak for a party', () => {
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '中阿双方同意加强合作。'), ["L2 pledge '同意' [AE,CN]"]);
    assert.deepStrictEqual(zh(title('俄罗斯联邦'), '中俄两国将深化交流。'), ["L2 pledge '将深化' [CN,RU]"]);
    assert.deepStrictEqual(zh(title('俄罗斯联邦'), '习近平主席强调支持多边主义。'), ["L2 support '支持' [CN]"]);
  });

  it('carries the subject over the clauses and sentences of a paragraph', () => {
    assert.deepStrictEqual(zh(title('所罗门群岛'), '所方坚定奉行一个中国原则，坚决反对任何形式的分裂活动。支持中国政府的立场。'), [
      "L2 affirm '奉行' [SB] strong",
      "L2 oppose '反对' [SB] strong",
      "L2 support '支持' [SB]",
    ]);
    // A new paragraph starts without a subject.
    assert.deepStrictEqual(zh(title('所罗门群岛'), '所方坚定奉行一个中国原则。', '支持中国政府的立场。'), ["L2 affirm '奉行' [SB] strong"]);
  });

  it('keeps the subject of a clause that commits to nothing ("双方积极评价…，愿…")', () => {
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方积极评价两国经贸合作取得的成果，愿进一步提高贸易便利化水平。'), ["L2 pledge '愿' [AE,CN]"]);
    // "两国" before a noun is a modifier, not the subject.
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '两国友好关系进一步加强，继续深化双边关系。'), []);
  });

  it('reads nothing into thanks and opinions, but reads what is stressed', () => {
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '阿方感谢中方支持和确认出席世博会，将积极支持中方参会。'), ["L2 pledge '将积极支持' [AE]"]);
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方认为，维护中东地区的和平符合地区国家的共同利益。'), []);
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方强调，维护中东地区的和平符合地区国家的共同利益。'), ["L2 affirm '维护' [AE,CN]"]);
  });

  it('tells the object marker 将 from the future 将', () => {
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方将加强交流。'), ["L2 pledge '将加强' [AE,CN]"]);
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方将两国关系提升为全面战略伙伴关系。'), []);
    // Under the future 将, the object-marker clause continues the pledge (one commitment); after a
    // purpose 以 it does not.
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方将加强交流，将两国关系提升至更高水平。'), ["L2 pledge '将加强' [AE,CN]"]);
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方将加强交流，以深化双边合作，将两国关系提升至更高水平，促进各自发展。'), ["L2 pledge '将加强' [AE,CN]"]);
    // "将发展…关系作为优先方向": 将 + a verbal object, not "will develop"; making it a priority pledges.
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '双方将发展两国关系作为优先方向。'), ["L2 pledge '作为' [AE,CN]"]);
    // Right after the subject, 将 is the future before any verb.
    assert.deepStrictEqual(zh(title('巴基斯坦伊斯兰共和国'), '巴方将采取一切措施保障中国人员安全。'), ["L2 pledge '将采取' [PK]"]);
    // The chain of a future 将 ends at a clause with a subject of its own.
    assert.deepStrictEqual(zh(title('阿拉伯联合酋长国'), '两国将共庆建交35周年，双边关系在建交以来实现长足进展，实现全面发展。'), ["L2 pledge '将共庆' [AE,CN]"]);
  });

  it('counts a chain of plain verbs under 将 or 愿 once, and a trigger or a subject of its own apart', () => {
    const ru = title('俄罗斯联邦');
    const chain = '双方将以元首外交为引领，推动两国关系全方位发展，继续保持密切高层交往，在合作机制框架下开展互信对话。';
    assert.deepStrictEqual(zh(ru, chain), ["L2 pledge '将' [CN,RU]"]);
    // The one pledge spans the whole chain.
    const text = joinLines(ru, chain);
    const [only] = analyzeText(text, glossary).commitments;
    assert.strictEqual(text.slice(only.start, only.end), chain.slice(2, -1));
    assert.deepStrictEqual(zh(ru, '双方愿加强交流，推动两国关系全方位发展。'), ["L2 pledge '愿' [CN,RU]"]);
    // A trigger of its own, a new subject or a new 将 starts a commitment of its own.
    assert.deepStrictEqual(zh(ru, '双方将深化交流，支持多边主义。'), ["L2 pledge '将深化' [CN,RU]", "L2 support '支持' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '双方将深化交流，继续支持多边主义。'), ["L2 pledge '将深化' [CN,RU]", "L2 support '继续支持' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '双方将深化交流，呼吁各方保持克制。'), ["L2 pledge '将深化' [CN,RU]", "L2 request '呼吁' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '双方将深化交流，俄方将推动投资。'), ["L2 pledge '将深化' [CN,RU]", "L2 pledge '将推动' [RU]"]);
    // Each sentence is a commitment of its own.
    assert.deepStrictEqual(zh(ru, '双方将深化交流。双方将推动投资。'), ["L2 pledge '将深化' [CN,RU]", "L2 pledge '将推动' [CN,RU]"]);
  });

  it('reads no trigger inside the object of another verb ("建立…相互尊重…的伙伴关系")', () => {
    const sb = title('所罗门群岛');
    assert.deepStrictEqual(zh(sb, '双方一致同意，建立相互尊重、共同发展的全面战略伙伴关系。'), ["L2 pledge '一致同意' [CN,SB]"]);
    assert.deepStrictEqual(zh(sb, '双方一致同意，相互尊重各自的发展道路。'), ["L2 pledge '一致同意' [CN,SB]", "L2 affirm '尊重' [CN,SB]"]);
  });

  it('reads 应 (should), 继续 + a position verb, 给予…支持 and a second predicate after 并', () => {
    const uae = title('阿拉伯联合酋长国');
    assert.deepStrictEqual(zh(uae, '双方强调应积极维护能源安全。'), ["L2 pledge '应积极维护' [AE,CN]"]);
    assert.deepStrictEqual(zh(uae, '双方强调维护能源安全。'), ["L2 affirm '维护' [AE,CN]"]);
    assert.deepStrictEqual(zh(uae, '双方适应发展需要。'), []);
    assert.deepStrictEqual(zh(uae, '双方继续支持多边主义。'), ["L2 support '继续支持' [AE,CN]"]);
    assert.deepStrictEqual(zh(uae, '双方继续推进交流。'), ["L2 pledge '继续推进' [AE,CN]"]);
    assert.deepStrictEqual(zh(uae, '双方继续在涉及国家主权的问题上给予对方坚定支持。'), ["L2 support '给予对方坚定支持' [AE,CN] strong"]);
    assert.deepStrictEqual(zh(uae, '阿方支持共建倡议并愿积极参与相关建设。'), ["L2 support '支持' [AE]", "L2 pledge '愿' [AE]"]);
    assert.deepStrictEqual(zh(uae, '双方赞赏并愿深化国防合作。'), ["L2 support '赞赏并愿' [AE,CN]"]);
    assert.deepStrictEqual(zh(uae, '双方肯定多边贸易体制的重要性。'), ["L2 affirm '肯定' [AE,CN]"]);
  });

  it('reads a pledge whose verb comes in the next clause once ("愿通过…机制，继续支持…")', () => {
    const uae = title('阿拉伯联合酋长国');
    assert.deepStrictEqual(zh(uae, '双方愿通过经贸联委会机制，继续支持贸易投资伙伴关系。'), ["L2 pledge '愿' [AE,CN]"]);
    assert.deepStrictEqual(zh(uae, '双方愿加强经贸合作，继续支持贸易投资伙伴关系。'), ["L2 pledge '愿' [AE,CN]", "L2 support '继续支持' [AE,CN]"]);
  });

  it('reads a subject of initials alone before what is said of them ("中俄支持…"), not before a noun ("中俄关系…")', () => {
    const ru = title('俄罗斯联邦');
    assert.deepStrictEqual(zh(ru, '中俄支持通过对话解决争端。'), ["L2 support '支持' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '中俄一致同意加强协调。'), ["L2 pledge '一致同意' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '中俄关系支持两国发展。'), []);
    // A numbered item with no space after its number ("3.中俄两国…").
    assert.deepStrictEqual(zh(ru, '3.中俄两国重申支持联合国的核心作用。'), ["L2 support '重申支持' [CN,RU]"]);
  });

  it('reads a stance expressed on a prepositional object ("对…表示欢迎"), not a trigger inside that object', () => {
    const pk = title('巴基斯坦伊斯兰共和国');
    assert.deepStrictEqual(zh(pk, '双方对巴方承认一个中国原则表示欢迎。'), ["L2 support '表示欢迎' [CN,PK]"]);
    assert.deepStrictEqual(zh(pk, '双方就恐怖袭击事件表示强烈谴责。'), ["L2 oppose '表示强烈谴责' [CN,PK] strong"]);
    // Without a verb of expression, the phrase is an adverbial and the trigger is the predicate.
    assert.deepStrictEqual(zh(pk, '双方对此支持加强合作。'), ["L2 support '支持' [CN,PK]"]);
  });

  it('reads no commitment into a report of the past ("已", "自2013年起"), but keeps its subject', () => {
    const ru = title('俄罗斯联邦');
    assert.deepStrictEqual(zh(ru, '中方自2013年起支持该倡议，对俄方加入再次表示欢迎。'), ["L2 support '表示欢迎' [CN]"]);
    assert.deepStrictEqual(zh(ru, '双方已同意建立对话机制，将继续加强合作。'), ["L2 pledge '将继续加强合作' [CN,RU]"]);
  });

  it('reads no commitment into a belief, but keeps its subject for the clauses after it', () => {
    const ru = title('俄罗斯联邦');
    assert.deepStrictEqual(zh(ru, '两国元首深信双边对话的重要性，决定加强战略协作。'), ["L2 pledge '决定' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '中俄充分认识到气候变化的严峻挑战，致力于落实《巴黎协定》。'), ["L2 pledge '致力于' [CN,RU]"]);
    // The belief's content in the clauses after it is reported.
    assert.deepStrictEqual(zh(ru, '双方深信，两国将继续深化合作。'), []);
  });

  it('reads an opinion that something matters as an affirmation, other opinions as nothing', () => {
    const ru = title('俄罗斯联邦');
    assert.deepStrictEqual(zh(ru, '双方一致认为，维护地区和平稳定，加强互联互通至关重要。'), ["L2 affirm '认为' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '双方一致认为，两国关系处于历史最好时期。'), []);
  });

  it("ends an opinion's content at a stance verb of the actor's own (China–Russia 2024)", () => {
    const ru = title('俄罗斯联邦');
    const text = '双方认为，各国均有权自主选择发展模式，反对干涉主权国家内政，反对以意识形态划线。';
    assert.deepStrictEqual(zh(ru, text), ["L2 oppose '反对' [CN,RU]", "L2 oppose '反对' [CN,RU]"]);
    const condemn = '双方指出，必须进行正确的历史观教育，严厉谴责美化纳粹主义行径。';
    assert.deepStrictEqual(zh(ru, condemn), ["L2 oppose '谴责' [CN,RU] strong"]);
    // A plain verb in the opinion's content stays content.
    assert.deepStrictEqual(zh(ru, '双方认为，两国应加强合作，维护地区稳定。'), []);
  });

  it('reads no commitment into a wish for others, a belief about a later clause, or the examples after 包括 (China–Bangladesh 2019)', () => {
    const bd = title('孟加拉人民共和国');
    assert.deepStrictEqual(zh(bd, '孟方祝贺中华人民共和国成立70周年，衷心祝愿中国人民继续朝着奋斗目标迈进。'), []);
    assert.deepStrictEqual(zh(bd, '中方赞赏孟加拉国经济快速发展，相信在哈西娜总理领导下，孟加拉国将顺利完成目标。'), ["L2 support '赞赏' [CN]"]);
    const principles = '双方重申将继续坚持中孟关系发展的重要原则，包括发展双边关系，尊重和支持彼此的核心利益。';
    assert.deepStrictEqual(zh(bd, principles), ["L2 affirm '重申' [BD,CN]"]);
  });

  it('reads an item under a pledge lead-in as after 将, and the verb after an opening phrase (China–Tajikistan 1996)', () => {
    const ru = title('俄罗斯联邦');
    const items = joinLines(
      '双方将采取积极和具体的步骤：',
      '——根据和平共处五项原则，维护和发展两国睦邻友好关系；',
      '——在反对恐怖主义和其他犯罪活动的斗争中加强合作；',
      '——反对任何形式的民族分裂主义。',
    );
    assert.deepStrictEqual(zh(ru, items).slice(1), ["L3 pledge '维护' [CN,RU]", "L4 pledge '加强合作' [CN,RU]", "L5 oppose '反对' [CN,RU]"]);
  });

  it('carries a subject that regards ("彼此视为…") to the pledge after 并, and reads 相互尊重、 as a principle, not a trigger (China–Kyrgyzstan 1996)', () => {
    assert.deepStrictEqual(commitments('中国和白俄罗斯彼此视为友好邻邦，并愿发展两国关系。'), ["L1 pledge '愿' [BY,CN]"]);
    assert.deepStrictEqual(commitments('中国和白俄罗斯本着相互尊重、平等互利的精神处理问题。'), []);
    // A verb after 相互 is still a trigger.
    assert.deepStrictEqual(commitments('中国和白俄罗斯相互尊重主权。'), ["L1 affirm '尊重' [BY,CN]"]);
  });

  it('reads an undertaking not to act (不参加, 不允许) as a negated pledge, also when reaffirmed ("重申，不参加…")', () => {
    assert.deepStrictEqual(commitments('中国和白俄罗斯不参加任何军事政治同盟；不允许利用其领土从事危害对方安全的活动。'), [
      "L1 pledge '不参加' [BY,CN] negated",
      "L1 pledge '不允许' [BY,CN] negated",
    ]);
    assert.deepStrictEqual(commitments('中国和白俄罗斯重申，不参加任何有损对方主权的同盟。'), ["L1 pledge '不参加' [BY,CN] negated"]);
    // What is reaffirmed otherwise stays an affirmation; a difference (不同) is no undertaking.
    assert.deepStrictEqual(commitments('中国和白俄罗斯重申，台湾是中国领土不可分割的一部分。'), ["L1 affirm '重申' [BY,CN]"]);
    assert.deepStrictEqual(commitments('中国和白俄罗斯国情不同。'), []);
  });

  it('reads no trigger in 愿望 (wish) nor in 相互尊重 named as a principle after 本着/基于 (China–Mongolia 2014)', () => {
    assert.deepStrictEqual(commitments('中国和白俄罗斯决定，本着共同愿望，将两国关系提升为全面战略伙伴关系。'), ["L1 pledge '决定' [BY,CN]"]);
    assert.deepStrictEqual(commitments('中国和白俄罗斯表示，将本着相互尊重独立、主权的原则发展关系。'), ["L1 pledge '将' [BY,CN]"]);
    assert.deepStrictEqual(commitments('中国和白俄罗斯愿发展关系。'), ["L1 pledge '愿' [BY,CN]"]);
  });

  it('reads a position reaffirmed (重申支持) as that position, and 不与…建立 as an undertaking not to act (China–Turkmenistan 2006)', () => {
    assert.deepStrictEqual(commitments('中方重申支持白俄罗斯维护国家独立的努力。'), ["L1 support '重申支持' [CN]"]);
    assert.deepStrictEqual(commitments('白方不与台湾建立任何形式的官方关系。'), ["L1 pledge '不与台湾建立' [BY] negated"]);
  });

  it('carries a subject that stands alone in its clause to the decision after it, and reads 断绝 as an undertaking (China–Honduras 2023)', () => {
    assert.deepStrictEqual(commitments('中国和白俄罗斯，根据两国人民的利益，兹决定建立外交关系。'), ["L1 pledge '决定' [BY,CN]"]);
    assert.deepStrictEqual(commitments('白俄罗斯政府即日断绝同台湾的外交关系。'), ["L1 pledge '断绝' [BY]"]);
  });

  it('reads 计划 after a subject as a pledge, not the noun 计划 (plan)', () => {
    const ru = title('俄罗斯联邦');
    assert.deepStrictEqual(zh(ru, '双方计划于2025年隆重庆祝胜利80周年。'), ["L2 pledge '计划' [CN,RU]"]);
    assert.deepStrictEqual(zh(ru, '双方签署了《2025年至2030年行动计划》。'), []);
  });

  it('reads 将 marking an object made a priority ("将…作为…优先方向") as a pledge, other objects moved as nothing (China–Iran 2016, China–Georgia 2023)', () => {
    const ae = title('阿拉伯联合酋长国');
    assert.deepStrictEqual(zh(ae, '双方将深化双边关系作为各自对外政策中的优先事项。'), ["L2 pledge '作为' [AE,CN]"]);
    assert.deepStrictEqual(zh(ae, '双方将两国关系作为典范。'), []);
  });

  it("reads what a request asks for as its content, not as the actor's own commitment", () => {
    const ru = title('俄罗斯联邦');
    assert.deepStrictEqual(zh(ru, '双方呼吁各方履行承诺，避免采取任何可能违背承诺的行动。'), ["L2 request '呼吁' [CN,RU]"]);
    // A trigger of the actor's own that opens the next clause is its own commitment.
    assert.deepStrictEqual(zh(ru, '双方呼吁国际社会加强合作，愿同各方一道维护和平。'), ["L2 request '呼吁' [CN,RU]", "L2 pledge '愿' [CN,RU]"]);
  });
});

describe('the actor of a clause (for hand-annotated commitments)', () => {
  const actorAt = (text: string, at: string) => {
    const a = analyze(text);
    const input = { text: a.plain, segments: a.segments, terms: a.terms, documentParties: ['CN', 'BY'], glossary: fixtureGlossary().glossary };
    const found = clauseActorAt(input, text.indexOf(at));
    return found && [found.text, found.parties.join(' '), text.slice(found.span.start, found.span.end)];
  };

  it('reads the subject that opens the clause, as detection would before a predicate', () => {
    assert.deepStrictEqual(actorAt('The Belarusian side took note with interest of the plan.', 'took note'), ['The Belarusian side', 'BY', 'The Belarusian side']);
    assert.deepStrictEqual(actorAt('China noted the plan, and the two sides took note of the report.', 'took note'), ['the two sides', 'CN BY', 'the two sides']);
    assert.deepStrictEqual(actorAt('We took note of the report.', 'We took'), ['We', 'CN BY', 'We']);
  });

  it('gives none where no clause opens with an actor, and none in Chinese', () => {
    assert.strictEqual(actorAt('It was noted that the plan is useful.', 'noted'), null);
    assert.strictEqual(actorAt('双方注意到该计划。', '注意到'), null);
  });
});
