/**
 * The words commitment extraction recognises: English verbs with their inflected forms and the
 * commitment type each expresses, adverbs of strength, actor phrases, and the Chinese equivalents.
 */

/** The kinds of commitment. */
export const COMMITMENT_TYPES = ['pledge', 'support', 'oppose', 'affirm', 'request'] as const;
/** One of {@link COMMITMENT_TYPES}. */
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];
/** How firmly a commitment is worded. */
export type Strength = 'strong' | 'normal' | 'weak';

/**
 * Verb form of a predicate: base ("they support", "will support"), third person ("supports"), past
 * ("supported"), or the -ing form, which is a predicate only as a list item ("by: - upholding …").
 */
export type VerbForm = 'base' | 's' | 'ed' | 'ing';

/** Verbs that by themselves make a commitment of a type (their base forms; British -ise spellings are added). */
export const TRIGGER_VERBS: Record<string, CommitmentType> = {
  support: 'support', welcome: 'support', endorse: 'support', back: 'support', appreciate: 'support', champion: 'support', commend: 'support',
  applaud: 'support',
  oppose: 'oppose', reject: 'oppose', condemn: 'oppose', denounce: 'oppose', deplore: 'oppose', resist: 'oppose',
  reaffirm: 'affirm', reiterate: 'affirm', recognize: 'affirm', acknowledge: 'affirm', respect: 'affirm', adhere: 'affirm',
  uphold: 'affirm', abide: 'affirm', affirm: 'affirm', confirm: 'affirm', honor: 'affirm', honour: 'affirm',
  urge: 'request', request: 'request', encourage: 'request', demand: 'request', implore: 'request', ask: 'request',
  pledge: 'pledge', commit: 'pledge', undertake: 'pledge', decide: 'pledge', vow: 'pledge', resolve: 'pledge',
  determine: 'pledge', recommit: 'pledge', reconfirm: 'affirm',
};

/** Verbs that make a pledge only when followed by "to" (agree to, intend to, continue to…), or "on"/"upon" for agree. */
export const INFINITIVE_PLEDGE_VERBS = new Set(['agree', 'aspire', 'decide', 'determine', 'intend', 'undertake', 'commit', 'recommit', 'continue', 'pledge', 'vow', 'resolve', 'plan', 'aim', 'seek', 'strive', 'endeavour', 'endeavor', 'stand', 'promise']);

/** Verbs whose commitment is tentative: "will consider", "explore", "study". */
export const WEAK_VERBS = new Set(['consider', 'explore', 'study', 'examine', 'seek', 'strive', 'endeavour', 'endeavor', 'try', 'look', 'aim', 'plan']);

/** Base forms of other verbs a diplomatic predicate commonly starts with (they continue a chain but make no commitment themselves). */
const OTHER_VERBS = [
  'aspire', 'show', 'deepen', 'advance', 'strengthen', 'maintain', 'follow', 'advocate', 'promote', 'expand', 'enhance', 'work', 'cooperate',
  'implement', 'safeguard', 'build', 'foster', 'facilitate', 'boost', 'increase', 'establish', 'take', 'grant', 'ensure',
  'hold', 'host', 'coordinate', 'create', 'develop', 'improve', 'keep', 'preserve', 'protect', 'upgrade', 'elevate', 'sign',
  'conclude', 'launch', 'accelerate', 'align', 'assist', 'help', 'provide', 'share', 'step', 'make', 'push', 'bring',
  'deliver', 'achieve', 'reach', 'pursue', 'intensify', 'broaden', 'extend', 'open', 'join', 'participate', 'contribute',
  'combat', 'counter', 'fight', 'prevent', 'refrain', 'allow', 'permit', 'tolerate', 'engage', 'consult', 'negotiate',
  'settle', 'address', 'tackle', 'respond', 'meet', 'issue', 'visit', 'review', 'discuss', 'express', 'note', 'emphasize',
  'stress', 'underline', 'underscore', 'highlight', 'speak', 'thank', 'congratulate', 'invite', 'accept', 'wish', 'hail',
  'praise', 'commend', 'applaud', 'believe', 'announce', 'repeat', 'voice', 'embark', 'do', 'declare', 'insist', 'remain', 'play', 'give', 'set',
  'consolidate', 'optimize', 'diversify', 'stabilize', 'revitalize', 'reform', 'modernize', 'prioritize', 'mobilize',
  'attach', 'regard', 'view', 'deem', 'exchange', 'reach', 'agree', 'decide', 'intend', 'continue', 'plan', 'aim', 'seek',
  'strive', 'endeavour', 'endeavor', 'consider', 'explore', 'study', 'examine', 'try', 'look', 'call', 'stand', 'serve',
  'carry', 'bolster', 'expedite', 'finalize', 'initiate', 'organize', 'convene', 'gather', 'welcome', 'recall', 'reach',
  'spare', 'oversee', 'monitor', 'report', 'submit', 'notify', 'inform', 'adopt', 'approve', 'ratify', 'enter', 'designate',
  'appoint', 'cease', 'stop', 'refrain', 'harness', 'leverage', 'utilize', 'unlock', 'sustain', 'secure', 'catalyze', 'catalyse',
  'operationalize', 'scale', 'spur', 'galvanize', 'proclaim', 'renew', 'recommit', 'reconfirm', 'task', 'instruct', 'direct', 'mandate',
  'collaborate', 'synergize', 'connect', 'integrate', 'deploy', 'educate', 'invest', 'identify', 'fulfill', 'fulfil', 'drive',
  'state', 'say', 'indicate',
  'support', 'release', 'resume', 'restore', 'retain', 'guarantee', 'observe', 'comply', 'apply', 
  'accede', 'express', 'pay', 'reaffirm', 'promise', 'emphasize', 'recognize', 'acknowledge', 'propose', 'suggest',
  'exert', 'put', 'seize', 'embrace', 'celebrate', 'commemorate', 'receive', 'witness', 'exchange', 'attend',
  'inaugurate', 'sign', 'co-chair', 'chair', 'lead', 'send', 'dispatch', 'set', 'explore', 'step',
];

const IRREGULAR_PAST: Record<string, string> = {
  meet: 'met', hold: 'held', speak: 'spoke', take: 'took', make: 'made', give: 'gave', undertake: 'undertook', keep: 'kept',
  build: 'built', seek: 'sought', set: 'set', put: 'put', stand: 'stood', bring: 'brought', lead: 'led', send: 'sent',
  pay: 'paid', strive: 'strove', lay: 'laid', uphold: 'upheld', spare: 'spared', oversee: 'oversaw', withstand: 'withstood',
  become: 'became', begin: 'began', see: 'saw', say: 'said', find: 'found', tell: 'told', fight: 'fought', win: 'won',
  partake: 'partook', forgo: 'forwent', undergo: 'underwent',
};
const DOUBLING = new Set(['commit', 'admit', 'permit', 'submit', 'regret', 'plan', 'stop', 'ban', 'transfer', 'refer', 'prefer', 'occur', 'compel', 'control', 'patrol', 'equip', 'step', 'tap', 'chair', 'co-chair']);

/** What a word form is: its base and which finite form. */
export interface VerbInfo {
  base: string;
  form: VerbForm;
}

function thirdPerson(base: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(base)) return base + 'es';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ies';
  return base + 's';
}

function past(base: string): string {
  if (IRREGULAR_PAST[base]) return IRREGULAR_PAST[base];
  if (base.endsWith('e')) return base + 'd';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ied';
  if (DOUBLING.has(base) && base !== 'chair' && base !== 'co-chair') return base + base.slice(-1) + 'ed';
  return base + 'ed';
}

function gerund(base: string): string {
  if (base.endsWith('ie')) return base.slice(0, -2) + 'ying';
  if (/[^aeio]e$/.test(base)) return base.slice(0, -1) + 'ing';
  if (DOUBLING.has(base) && base !== 'chair' && base !== 'co-chair') return base + base.slice(-1) + 'ing';
  return base + 'ing';
}

function buildVerbTable(): Map<string, VerbInfo[]> {
  const table = new Map<string, VerbInfo[]>();
  const add = (word: string, info: VerbInfo) => {
    const list = table.get(word) ?? [];
    if (!list.some((i) => i.base === info.base && i.form === info.form)) list.push(info);
    table.set(word, list);
  };
  const bases = new Set([...Object.keys(TRIGGER_VERBS), ...OTHER_VERBS, ...INFINITIVE_PLEDGE_VERBS]);
  for (const base of [...bases]) {
    // British spellings of -ize verbs: recognise, emphasise, prioritise…
    if (/ize$/.test(base)) bases.add(base.replace(/ize$/, 'ise'));
  }
  for (const base of bases) {
    const canonical = base.replace(/ise$/, 'ize');
    const key = bases.has(canonical) ? canonical : base;
    add(base, { base: key, form: 'base' });
    add(thirdPerson(base), { base: key, form: 's' });
    add(past(base), { base: key, form: 'ed' });
    add(gerund(base), { base: key, form: 'ing' });
    // "re-affirmed", "re-iterate", "re-commit": the hyphenated spelling of a re- verb.
    if (base.startsWith('re') && base.length > 5) {
      const hyphenated = 're-' + base.slice(2);
      add(hyphenated, { base: key, form: 'base' });
      add(thirdPerson(hyphenated), { base: key, form: 's' });
      add(past(hyphenated), { base: key, form: 'ed' });
      add(gerund(hyphenated), { base: key, form: 'ing' });
    }
  }
  return table;
}

const VERB_TABLE = buildVerbTable();

/** The verb readings of a lower-case word ("supports" → support/s), or undefined. */
export function verbInfo(word: string): VerbInfo[] | undefined {
  return VERB_TABLE.get(word);
}

/** The commitment type a verb base expresses by itself, or undefined. */
export function triggerType(base: string): CommitmentType | undefined {
  return TRIGGER_VERBS[base] ?? TRIGGER_VERBS[base.replace(/ise$/, 'ize')];
}

/** Modal verbs that open a pledge ("will", "shall") or a weak one ("may"). */
export const MODALS = new Set(['will', 'shall', 'would', 'should', 'must', 'may', 'might', 'can', 'could']);
/** Modals of ability: what a third party can do ("Russia can end this war") is no commitment of it. */
export const ABILITY_MODALS = new Set(['can', 'could']);
/** Modals of obligation: said of a third party ("Russia must withdraw"), the speakers' view, not its commitment. */
export const OBLIGATION_MODALS = new Set(['must', 'should']);
/** Modals that make the pledge weak. */
export const WEAK_MODALS = new Set(['may', 'might', 'could', 'can']);

/** Adverbs that make a commitment strong. */
export const STRONG_ADVERBS = new Set([
  'firmly', 'resolutely', 'fully', 'unswervingly', 'strongly', 'steadfastly', 'unequivocally', 'unwaveringly', 'categorically',
  'vigorously', 'unconditionally', 'wholeheartedly', 'staunchly', 'unreservedly', 'consistently', 'always', 'unshakably',
]);
/** Verbs that give others a task: "We tasked the Foreign Ministers to develop …" is a request. */
export const DIRECTIVE_VERBS = new Set(['task', 'instruct', 'direct', 'mandate']);
/** Adverbials of emphasis between a verb and its stance noun: "reaffirmed in the strongest terms their condemnation of". */
export const EMPHASIS_PHRASES: readonly (readonly string[])[] = [['in', 'the', 'strongest', 'possible', 'terms'], ['in', 'the', 'strongest', 'terms'], ['once', 'again']];
/** What an invitation to others may ask of them without being a request: a visit, attendance. */
export const COURTESY_INVITED_TO = new Set(['visit', 'attend', 'come', 'pay', 'participate']);
/** Phrases that may stand between "and" and the next verb of a chain ("and to that end requests …"). */
export const CONNECTIVE_PHRASES: readonly (readonly string[])[] = [['to', 'that', 'end'], ['to', 'this', 'end'], ['in', 'this', 'regard'], ['in', 'that', 'regard'], ['in', 'particular']];
/** Two-word adverbials that may stand where an adverb does ("shall in particular encourage"). */
export const ADVERBIAL_PAIRS: readonly (readonly string[])[] = ['in particular', 'inter alia', 'as appropriate', 'where appropriate', 'as necessary', 'where possible', 'as needed'].map((p) => p.split(' '));
/** Adverbs that may stand between an actor and its verb without changing the strength. */
export const OTHER_ADVERBS = new Set([
  'also', 'further', 'jointly', 'actively', 'again', 'once', 'hereby', 'continuously', 'constantly', 'together', 'sincerely',
  'earnestly', 'highly', 'deeply', 'closely', 'mutually', 'both', 'all', 'each', 'still', 'therefore', 'thus', 'hence',
  'likewise', 'similarly', 'equally', 'now', 'herein', 'duly', 'immediately', 'promptly', 'readily', 'gradually', 'steadily',
  'positively', 'substantively', 'comprehensively', 'effectively', 'proactively', 'collectively', 'separately', 'not', 'never',
  'reciprocally', 'swiftly', 'urgently', 'warmly', 'respectively', 'particularly', 'especially', 'expressly', 'today',
]);
/** Phrases anywhere in a commitment that make it strong. */
export const STRONG_PHRASES = /\b(?:in the strongest (?:possible )?terms|unswerving(?:ly)?|firm(?:ly)? (?:support|oppose|commit)|under no circumstances)\b/i;
/** Phrases that make a commitment tentative. */
export const WEAK_PHRASES = /\b(?:explore the possibility|consider the possibility|as appropriate|where appropriate|where possible|if necessary|in principle|to the extent possible|best efforts)\b/i;

/** Predicate adjectives that make "are/is/remain ADJ to V" a pledge. */
export const READINESS_ADJECTIVES = new Set(['ready', 'prepared', 'willing', 'determined', 'resolved', 'committed', 'eager', 'keen', 'poised', 'proud']);
/** Copulas that open "are ready to", "remain committed to", and the verb form each stands for. */
export const COPULA_FORMS: Record<string, VerbForm> = {
  are: 'base', is: 's', were: 'ed', was: 'ed', remain: 'base', remains: 's', remained: 'ed', stand: 'base', stands: 's', stood: 'ed',
  stay: 'base', stays: 's',
};
/** Possessives before a stance noun ("reaffirm their commitment to", "express our support for"). */
export const POSSESSIVES = new Set(['its', 'their', 'our', 'his', 'her']);
/** Adjectives that make "expressed (their) ADJ support for" strong. */
export const EXPRESSED_STRONG_ADJECTIVES = new Set(['firm', 'strong', 'full', 'unwavering', 'steadfast', 'resolute', 'continued', 'sincere']);
/** Adjectives that may stand in "underscored their ADJ commitment to" (they do not change the strength). */
export const COMMITMENT_ADJECTIVES = new Set(['firm', 'strong', 'full', 'unwavering', 'steadfast', 'shared', 'continued', 'resolute', 'enduring', 'renewed']);
/** Verbs whose present perfect is a commitment made now ("have committed to develop", "has agreed to"). */
/** Verbs whose present perfect with an object and "to V" gives a task now ("have asked senior officials to finalise …"). */
export const PERFECT_REQUEST_VERBS = new Set([...DIRECTIVE_VERBS, 'ask', 'request']);
export const PERFECT_PLEDGE_VERBS = new Set(['agree', 'commit', 'decide', 'pledge', 'resolve', 'undertake', 'vow', 'promise']);
/**
 * Nouns of a new undertaking after "announce (the)": "announced the establishment of", "announce
 * the launch of" — an announced action, as "is launching" is.
 */
export const ANNOUNCED_NOUNS = new Set(['establishment', 'launch', 'creation', 'formation', 'start', 'opening', 'inauguration']);
/** Money or aid an announcement gives ("announced an additional $1 million contribution to …"). */
export const ANNOUNCED_FUNDING_NOUNS = new Set(['contribution', 'contributions', 'funding', 'grant', 'grants', 'package', 'donation', 'loan', 'loans', 'assistance', 'aid']);
/** Actions an announcement launches when "to" + a verb follows ("announced further steps to deepen …"). */
export const ANNOUNCED_STEP_NOUNS = new Set(['steps', 'measures', 'plans', 'plan', 'initiatives', 'initiative', 'actions', 'action']);
/** Words that set an announcement in the past ("previously announced", "announced last year"). */
export const PAST_TIME_WORDS = new Set(['previously', 'earlier', 'already', 'last', 'ago', 'formerly']);
/** Outcomes after a modal, which no one commits to ("Russia must not prevail", "… will not succeed"). */
export const OUTCOME_VERBS = new Set(['prevail', 'succeed', 'win', 'fail', 'triumph']);
/** Aims held in common that pledge with "to V" or "of V-ing" ("share the goal of continuing to …", "share a desire to deepen …"). */
export const SHARED_AIM_NOUNS = new Set(['goal', 'desire', 'aim', 'objective', 'ambition', 'determination', 'intention', 'commitment', 'resolve', 'aspiration']);
/** Adjectives between "share a" and its aim ("share a common goal of …"). */
export const SHARED_AIM_ADJECTIVES = new Set(['common', 'strong', 'deep', 'same', 'mutual', 'firm']);
/** Adjectives of announced steps ("announced further steps to …"). */
export const ANNOUNCED_STEP_ADJECTIVES = new Set(['further', 'new', 'additional', 'concrete', 'practical', 'joint']);
/** Words after a capitalised first word that make it a noun, not an imperative ("Support for …", "Hold is …"). */
export const NOT_AFTER_IMPERATIVE = new Set(['for', 'of', 'is', 'are', 'was', 'were', 'and', 'to']);
/** Reflexive pronouns of "commit themselves to". */
export const REFLEXIVE_PRONOUNS = new Set(['themselves', 'itself', 'ourselves']);
/** Trigger verbs that pledge only with "to" ("resolve to", "vow to") or, for "decide", "Decides that"; bare they make none. */
export const BARE_PLEDGE_VERBS = new Set(['resolve', 'decide', 'determine', 'undertake', 'vow']);
/** Words after "to" that show it is a preposition, not an infinitive marker ("agreed to the plan"). */
// prettier-ignore
export const NOT_VERBS_AFTER_TO = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'all', 'any', 'each', 'every', 'some', 'such',
  'no', 'further', 'more', 'both', 'which', 'what', 'whom', 'them', 'it', 'us', 'one', 'other', 'another', 'date', 'be',
]);
/** Endings of nouns that read like a bare word after "to" ("agreed to cooperation"): not an infinitive's verb. */
export const NOUN_ENDINGS = /(?:tion|ment|ness|ity|ship|ance|ence|ism)$/;
/**
 * Endings that rule out a base-form verb for a word the lexicon does not know (list items: "- upholding",
 * "- regional", "- talks"): the noun endings, and those of participles, adjectives and plurals.
 */
export const NOT_BASE_VERB_ENDINGS = /(?:tion|sion|ment|ness|ity|ship|ance|ence|ism|ing|ed|al|ic|tive|sive|ous|ful|[^s]s)$/;
/** Stance nouns after a verb of emphasis and the type each gives ("support for", "opposition to", "commitment to"). */
export const STANCE_NOUNS: Record<string, { type: CommitmentType; after: readonly string[] }> = {
  commitment: { type: 'affirm', after: ['to'] },
  // "reiterates its full support to the work of UNAMA".
  support: { type: 'support', after: ['for', 'to'] },
  opposition: { type: 'oppose', after: ['to'] },
  condemnation: { type: 'oppose', after: ['of'] },
  // "Reiterates its call upon all States to refrain …": the request renewed.
  call: { type: 'request', after: ['upon', 'on', 'for'] },
};
/** What says a stance named as the subject holds ("Our commitment to … will never waver", "… remains unwavering"). */
export const STANCE_KEPT: readonly (readonly string[])[] = [
  ['will', 'never', 'waver'], ['will', 'not', 'waver'], ['remains', 'unwavering'], ['remains', 'steadfast'], ['remains', 'unshakeable'],
  ['remains', 'firm'], ['remains', 'resolute'], ['remains', 'strong'], ['is', 'unwavering'], ['is', 'unshakeable'], ['is', 'steadfast'],
  ['remains', 'undiminished'], ['is', 'undiminished'], ['endures'],
];
/** Adjectives of "are ADJ in our commitment to" (an affirmation). */
export const UNITED_ADJECTIVES = new Set(['steadfast', 'united', 'unwavering', 'resolute', 'firm', 'unanimous']);
/** What "are united in our …" is about: "commitment to" and "pursuit of" affirm, "support of/for" supports. */
export const UNITED_STANCES: Record<string, { type: CommitmentType; after: readonly string[] }> = {
  commitment: { type: 'affirm', after: ['to'] },
  pursuit: { type: 'affirm', after: ['of'] },
  support: { type: 'support', after: ['of', 'for'] },
  resolve: { type: 'affirm', after: ['to'] },
};
/** Words in -ing that are nouns, not the gerund of an action ("committed to mutual understanding"). */
export const ING_NOUNS = new Set(['understanding', 'meeting', 'meetings', 'wellbeing', 'housing', 'being', 'thing', 'clothing', 'evening', 'morning', 'ceiling', 'king', 'spring', 'offspring']);
/** Verbs that, followed by "(their) commitment to", make an affirmation ("underscored their commitment to"). */
export const COMMITMENT_NOUN_VERBS = new Set([
  'underscore', 'underline', 'emphasize', 'emphasise', 'stress', 'highlight', 'express', 'confirm', 'renew', 'restate', 'demonstrate', 'reiterate',
  'reaffirm', 'affirm', 'announce', 'repeat', 'voice',
]);
/** Verbs that are requests only in a resolution's operative paragraphs ("Invites the Secretary-General to…"). */
export const OPERATIVE_REQUEST_VERBS = new Set(['invite', 'call', 'appeal']);
/** In an operative paragraph, "Declares that …", "Proclaims …" affirm what they state. */
export const OPERATIVE_AFFIRM_VERBS = new Set(['declare', 'proclaim']);
/**
 * Verbs of emphasis that affirm what they stress when it is an importance, a need or principles
 * ("stress the importance of a rules-based order", "underscored the fundamental principles …").
 */
export const EMPHASIS_VERBS = new Set(['emphasize', 'emphasise', 'stress', 'underline', 'underscore', 'highlight', 'reiterate', 'reconfirm']);
/** What a verb of emphasis affirms: "the importance of", "the need for", "the (fundamental) principles". */
export const EMPHASIZED_NOUNS = new Set(['importance', 'significance', 'need', 'necessity', 'principles', 'value', 'centrality']);
/** Verbs that, with a readiness noun ("confirmed our intention to …", "showed their willingness to …"), pledge like "expressed". */
export const READINESS_VERBS = new Set(['announce', 'confirm', 'affirm', 'reaffirm', 'reiterate', 'restate', 'renew', 'show', 'demonstrate', 'indicate', 'underline', 'underscore', 'stress', 'emphasize', 'emphasise']);
/** Nouns that make "expressed their NOUN to V" a pledge. */
export const READINESS_NOUNS = new Set(['readiness', 'willingness', 'determination', 'commitment', 'intention', 'intent', 'resolve', 'desire']);
/** Nouns that make "expresses its NOUN for" support ("expresses its appreciation for the work …"). */
export const EXPRESSED_SUPPORT_NOUNS = new Set(['support', 'appreciation', 'gratitude']);

/**
 * Actor phrases that stand for every party of the document, as lower-case word sequences
 * (matched case-insensitively at a clause start).
 */
export const COLLECTIVE_ACTORS: string[][] = [
  'the two sides', 'both sides', 'the sides', 'the two parties', 'both parties', 'the parties', 'the contracting parties',
  'the high contracting parties', 'the participants', 'both participants', 'the two participants', 'the two heads of state',
  'both heads of state', 'the heads of state', 'the two leaders', 'both leaders', 'the leaders', 'the two presidents',
  'both presidents', 'the presidents', 'the two countries', 'both countries', 'the two governments', 'both governments',
  'the two prime ministers', 'both prime ministers', 'the prime ministers', 'the two foreign ministers', 'the foreign ministers',
  'the ministers', 'the two ministers', 'the two nations', 'both nations', 'each party', 'each side', 'neither party',
  'neither side', 'each participant', 'neither participant', 'each contracting party', 'neither contracting party',
  'the signatories', 'all parties', 'the member states', 'member states', 'we', 'each of the parties', 'either party',
  'leaders', 'ministers', 'prime ministers', 'presidents', 'foreign ministers', 'participants', 'the two delegations', 'both delegations', 'the alliance', 'our alliance',
  ...collectiveNumbered(),
].map((p) => p.split(' '));

/**
 * "our nations", "our three countries", "the four leaders", "our governments": the speakers
 * counted or named by what they are. ("the countries" alone is not one: it names others as often.)
 */
function collectiveNumbered(): string[] {
  const phrases: string[] = [];
  for (const head of ['nations', 'countries', 'governments', 'leaders', 'heads of state', 'heads of government']) {
    phrases.push(`our ${head}`);
    for (const count of ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']) phrases.push(`our ${count} ${head}`, `the ${count} ${head}`);
  }
  return phrases;
}

/** Plural heads after a body's name that speak for its members ("Forum Leaders", "Commonwealth Heads of Government"). */
export const BODY_HEADS = [
  'leaders', 'ministers', 'foreign ministers', 'prime ministers', 'presidents', 'heads of state', 'heads of government',
  'heads of state and government', 'heads of state or government',
];

/** Prepositions that open a short phrase before "we" without a comma ("At the same time we will …", "As democratic societies we support …"). */
export const OPENING_PHRASE_PREPOSITIONS = new Set(['at', 'as', 'in', 'on', 'with', 'through', 'under', 'for', 'by', 'from', 'since', 'after', 'following', 'beyond', 'within', 'over']);

/** Words that may open a sentence before its actor without a comma: "Together we intend …", "Today we are launching …". */

export const ACTOR_OPENING_ADVERBS = new Set(['together', 'today', 'additionally', 'furthermore', 'moreover', 'finally', 'also', 'now', 'likewise', 'similarly', 'separately', 'jointly', 'collectively', 'further']);

/** The subject of a sentence that carries on the previous actor ("They will…"). */
export const PRONOUN_ACTORS = new Set(['they', 'it', 'he', 'she']);
/**
 * Nouns of courtesy: a verb of expression whose object they head states no position ("reiterated
 * their expressions of deep sympathy", "expressed his gratitude for the warm reception").
 */
export const COURTESY_NOUNS = new Set(['sympathy', 'sympathies', 'condolence', 'condolences', 'gratitude', 'thanks', 'congratulations']);
/** The verbs of expression {@link COURTESY_NOUNS} go with. */
export const COURTESY_EXPRESSING_VERBS = new Set(['express', 'reiterate', 'convey', 'extend', 'offer', 'renew', 'reaffirm', 'repeat']);
/** Words after "called on" that name a person called on (a visit), not those asked to act. */
export const COURTESY_CALLED = new Set(['h.e', 'h.e.', 'his', 'her', 'president', 'prime', 'king', 'queen', 'chairman', 'speaker', 'vice', 'premier', 'chancellor', 'their']);

/**
 * Titles of office that a document ties to one party ("the Prime Minister of Australia", "President
 * of the Republic of Indonesia"); a later "the Prime Minister" or "Prime Minister Howard" speaks for
 * that party. Lower case, longest first.
 */
export const OFFICE_TITLES = [
  'minister for foreign affairs', 'minister of foreign affairs', 'foreign minister', 'secretary of state', 'vice president',
  'prime minister', 'president', 'premier', 'chancellor', 'king', 'queen', 'emperor', 'crown prince', 'emir', 'sultan',
  'state councilor', 'chairman', 'taoiseach',
];

/** Honorifics before a surname ("Dr Singh", "Mr Rudd"): the name, not the honorific, names the party. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.']);

/** Titles of office that only one state has: "the Taoiseach" is Ireland's head of government. */
export const SINGLE_STATE_TITLES: Readonly<Record<string, string>> = { taoiseach: 'IE' };

/** Words after a party name that still belong to the actor phrase ("the Chinese side", "China's government"). */
export const ACTOR_HEAD_NOUNS = new Set([
  'side', 'government', 'governments', 'delegation', 'authorities', 'leadership', 'president', 'leader', 'leaders', 'administration', 'state',
  'people', 'parties', 'partners', 'members', 'member', 'states', 'countries', 'nations',
]);

/** Words before "of <party>" that make an actor ("the Government of Kenya"). */
export const ACTOR_OF_NOUNS = new Set(['government', 'governments', 'president', 'prime', 'delegation', 'people', 'peoples', 'ministry', 'leaders', 'leader', 'head', 'heads', 'authorities', 'state']);

/**
 * Verbs whose complements a colon may introduce after adverbials: "the Contracting Parties
 * undertake in particular, and on a basis of reciprocity: a. to further …".
 */
export const COMPLEMENT_LEAD_IN_VERBS = new Set(['undertake', 'agree', 'decide', 'commit', 'resolve', 'pledge', 'intend']);

/** Last words before the colon of a lead-in ("… commit to:", "… by:", "… as follows:", "We are:"), besides modals and trigger verbs. */
export const LEAD_IN_ENDINGS = new Set(['to', 'by', 'through', 'following', 'follows', 'are', 'remain']);

/**
 * Conjunctions that open a subordinate clause at the start of a sentence ("As the United States
 * and Kenya continue to lead …, we will …"): what stands before the comma is circumstance, not a
 * commitment. ("While" is left out: "While welcoming …, we …" often states a position too.)
 */
export const SUBORDINATING_OPENERS = new Set(['as', 'if', 'when', 'whenever', 'although', 'though', 'since', 'because', 'unless', 'until', 'once', 'given']);

/**
 * Words that are verbs and adjectives alike: after "a free and", "a stable and", they are the
 * adjective of a noun ("a free and open Indo-Pacific", "a stable and secure region"), not a verb
 * coordinated with the chain.
 */
export const VERB_ADJECTIVE_HOMOGRAPHS = new Set(['open', 'secure', 'free', 'clean', 'clear', 'complete', 'direct', 'sound', 'close', 'better', 'correct', 'equal', 'even', 'separate', 'level', 'right', 'steady', 'smooth', 'safe', 'calm', 'lower', 'slow', 'fit']);

/** Adjectives of diplomatic noun phrases that have no adjective ending ("a free and open …", "a just and lasting peace"). */
export const PLAIN_ADJECTIVES = new Set(['free', 'open', 'fair', 'just', 'safe', 'secure', 'strong', 'clean', 'clear', 'new', 'stable', 'full', 'whole', 'broad', 'deep', 'firm', 'green', 'rich', 'modern', 'smart', 'true', 'vital', 'key', 'equal', 'direct', 'close', 'lasting', 'robust', 'mutual', 'common']);

/** Endings of adjectives ("peaceful", "prosperous", "inclusive", "predictable", "sustainable", "democratic"). */
export const ADJECTIVE_ENDINGS = /(?:ful|ous|ive|able|ible|al|ic|ent|ant|ary|less|ile)$/;

/** Determiners and possessives that open a noun phrase ("drive the transition", "deliver our goal"). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'all', 'any', 'each', 'every', 'such']);

/** Verbs that report a stance ("stated that it opposes", "said it supports"): the stance is the commitment. */
export const REPORTING_VERBS = new Set(['state', 'say', 'reiterate', 'reaffirm', 'declare', 'indicate', 'emphasize', 'stress', 'underline', 'affirm', 'confirm']);

/** Words that open a relative clause, whose modal belongs to another subject ("according to which X shall …"). */
export const RELATIVE_PRONOUNS = new Set(['which', 'whom', 'who', 'whose', 'whereby']);

/** Verbs reporting an event; a purpose clause after them ("met … to reaffirm") can carry a commitment. */
export const GATHERING_VERBS = new Set(['meet', 'gather', 'convene', 'assemble']);

// ---------------------------------------------------------------------------------------------
// Chinese

/** Chinese trigger words and their types, longest first when matched. */
export const ZH_TRIGGERS: Record<string, CommitmentType> = {
  一致同意: 'pledge', 同意: 'pledge', 决定: 'pledge', 愿意: 'pledge', 愿: 'pledge', 致力于: 'pledge', 继续: 'pledge', 承诺: 'pledge',
  商定: 'pledge', 决心: 'pledge', 准备: 'pledge', 计划: 'pledge', 断绝: 'pledge',
  支持: 'support', 欢迎: 'support', 赞赏: 'support', 赞同: 'support', 拥护: 'support',
  反对: 'oppose', 谴责: 'oppose', 抵制: 'oppose', 拒绝: 'oppose',
  重申: 'affirm', 承认: 'affirm', 尊重: 'affirm', 恪守: 'affirm', 坚持: 'affirm', 遵守: 'affirm', 遵循: 'affirm', 维护: 'affirm', 确认: 'affirm',
  奉行: 'affirm', 肯定: 'affirm',
  呼吁: 'request', 敦促: 'request', 促请: 'request', 要求: 'request', 鼓励: 'request',
};
/** Chinese triggers of willingness (愿): like the future 将, they govern the plain verbs of the clauses after them. */
export const ZH_WILLING = ['愿', '愿意'];
/** Chinese verbs that continue a 将-chain as pledges ("将深化…，继续推进…，保持…"). */
/**
 * Action verbs whose simple present after "We" states the declarants' policy, a pledge ("We promote
 * open and transparent investment screening", "We strengthen our cooperation …"); not verbs of
 * report ("We meet", "We note") or of belief.
 */
export const PRESENT_POLICY_VERBS = new Set([
  'promote', 'strengthen', 'deepen', 'expand', 'advance', 'enhance', 'foster', 'pursue', 'uphold', 'protect', 'build', 'launch',
  'establish', 'reinforce', 'intensify', 'accelerate', 'prioritize', 'prioritise', 'safeguard', 'preserve', 'bolster', 'broaden',
]);
/** What states undertake not to do, after 不: "不参加任何同盟", "不允许利用其领土", "不干涉内政". */
export const ZH_REFRAIN_VERBS = ['参加', '参与', '加入', '允许', '缔结', '从事', '谋求', '干涉', '使用', '利用', '结盟', '建立', '发展'];
/** "Each other": 相互尊重 (mutual respect), 彼此视为 (regard each other as). */
export const ZH_RECIPROCAL = ['相互', '互相', '彼此'];
/** Prepositions that name the principles a clause acts on: "本着…", "基于…". */
export const ZH_PRINCIPLE_OPENERS = /本着|基于|根据|遵循|按照|秉持/;
/** "Regard as": 视为 says something of its subject without committing it. */
export const ZH_REGARD_VERBS = ['视为', '视作', '看作'];
export const ZH_VERBS = [
  '深化', '加强', '推进', '推动', '促进', '扩大', '保持', '开展', '落实', '提升', '拓展', '发展', '建设', '打造', '完善', '巩固',
  '加快', '提高', '增进', '深入', '共同', '携手', '积极', '进一步', '不断', '持续', '用好', '办好', '做好', '举办', '签署', '建立',
  '探讨', '研究', '考虑', '共建', '实施', '挖掘', '加大', '鼓励', '支持', '保障', '维护', '坚持', '反对', '协调', '合作', '参与', '提供',
  '采取', '实现', '强化', '拓宽', '构建',
];
/** Chinese adverbs that make a commitment strong. */
export const ZH_STRONG = ['坚定', '坚决', '全力', '始终', '毫不动摇', '全面', '强烈', '严厉'];
/** Chinese verbs that make a commitment tentative. */
/** Words that look like a Chinese predicate's verb but only qualify one ("共同", "进一步"). */
export const ZH_ADVERB_ONLY = new Set(['共同', '积极', '进一步', '不断', '持续', '深入', '携手']);
export const ZH_WEAK = ['探讨', '研究', '考虑', '可', '可以'];
/** Chinese actor phrases that stand for every party of the document. */
export const ZH_COLLECTIVE_ACTORS = ['双方', '两国', '两国元首', '两国领导人', '双方元首', '各方', '我们', '缔约双方', '缔约各方', '缔约方', '两国政府', '双方领导人', '与会领导人', '我们领导人'];
/**
 * What follows the parties' initials in a compound subject ("中阿双方", "中俄两国", "中巴两国领导人"):
 * the initials name the parties, these words make it a subject.
 */
export const ZH_COMPOUND_ACTOR_HEADS = ['双方', '两国元首', '两国领导人', '两国政府', '两国'];
/**
 * Words of the form "X方" that are not a party's short form: X方 names a party only when X is not
 * one of these ("双方", "对方", "西方" in most texts…), checked before the document's parties.
 */
export const ZH_NOT_SHORT_FORMS = ['双方', '各方', '对方', '一方', '多方', '有关方', '官方', '地方', '军方', '警方', '校方', '东方', '北方', '南方', '买方', '卖方', '三方', '四方'];
/**
 * Short forms "X方" that are also a common word of diplomatic texts: 西方 is Spain in a China–Spain
 * statement and "the West" everywhere. A clause's subject reads them as the party (ZH_NOT_SHORT_FORMS
 * aside), but they are not reported as the party's term, which would mark every "西方国家".
 */
export const ZH_SHORT_FORMS_NOT_MARKED = ['西方'];
/** Words after a party or a person that still belong to the actor ("中国政府", "习近平主席"). */
export const ZH_ACTOR_HEADS = ['政府', '方面', '领导人', '人民', '国家主席', '主席', '总统', '总理', '首相', '国王', '王储', '总书记', '外长', '外交部长', '元首'];
/** Verbs after which a subject stands but the clause commits to nothing: thanks, congratulations, assessments. */
export const ZH_COURTESY_VERBS = ['感谢', '祝贺', '祝愿', '致谢', '高度评价', '积极评价', '评价', '高度重视', '重视', '回顾'];
/** Verbs of opinion: what follows them in the sentence is an assessment, not a commitment ("双方认为，维护…符合…"). */
export const ZH_OPINION_VERBS = ['一致认为', '认为', '指出', '注意到'];
/**
 * Stance verbs that end an opinion's content: after "双方认为，各国均有权…，" a clause without a
 * subject that opens with one of them ("反对干涉…", "严厉谴责…", "呼吁…") is the actor's own stance.
 */
export const ZH_OPINION_STANCES = ['反对', '谴责', '呼吁', '敦促', '促请', '支持'];
/** "…，重申将遵循…": 重申 ends an opinion's content when what is reaffirmed is the actor's own course (将, 继续, 坚持, 坚定, 愿). */
export const ZH_REAFFIRMED_COURSE = ['重申将', '重申继续', '重申坚持', '重申坚定', '重申愿'];
/** Verbs of belief or awareness: the clause commits to nothing, but a clause after it may ("深信…，决定…"). */
export const ZH_BELIEF_VERBS = ['充分认识到', '深刻认识到', '认识到', '意识到', '深信', '坚信', '相信', '考虑到'];
/** What ends an opinion that something matters ("一致认为…至关重要"): the opinion is an affirmation. */
export const ZH_IMPORTANCE = ['至关重要', '十分重要', '非常重要', '尤为重要', '极为重要', '具有重要意义', '必不可少', '不可或缺'];
/** Verbs that report the subject's speech: the commitment is what follows ("阿方强调支持…"). */
export const ZH_SPEECH_VERBS = ['强调', '表示', '声明', '宣布'];
/** Adverbs of the past before a predicate: it reports what was done ("双方已签署…"), commits to nothing. */
export const ZH_PAST_MARKERS = ['已经', '业已', '曾经', '早已', '已', '曾'];
/** Prepositions naming what a stance is expressed on ("对…表示欢迎", "就…予以谴责"). */
export const ZH_EXPRESSED_ON = ['对', '就', '向'];
/** Verbs that express a stance named after them ("表示欢迎", "予以谴责", "表达支持"). */
export const ZH_EXPRESSING_VERBS = ['表示', '予以', '表达', '给予'];
/** Words opening a purpose clause: it and the clauses after it in the sentence commit to nothing ("以深化…，促进…"). */
export const ZH_PURPOSE_OPENERS = ['以便', '以期', '以', '从而', '进而', '旨在'];
/** Words opening an elaboration of the previous clause ("特别是…"), which is no commitment of its own. */
export const ZH_ELABORATION_OPENERS = ['特别是', '尤其是', '包括', '例如', '比如'];
/**
 * Verbs that close the object-marker construction "将 + object + verb" ("将两国关系提升至更高水平",
 * "将发展…作为优先方向"), where 将 marks the object and is not the future "will".
 */
export const ZH_DISPOSAL_VERBS = [
  '作为', '视为', '当作', '看作', '列为', '纳入', '提升至', '提升到', '提升为', '提高到', '提高至', '推向', '推进到', '打造成', '打造为',
  '建设成', '建设为', '建成', '转化为', '转变为', '落到实处', '升级为', '扩大到', '扩大至', '延长至', '上升为',
];
/** Disposal verbs that make their object a priority ("将…作为优先方向") with a word of {@link ZH_PRIORITY_WORDS}. */
export const ZH_PRIORITY_MAKERS = ['作为', '视为', '列为', '当作'];
/** Priority: "优先方向", "优先事项", "重点". */
export const ZH_PRIORITY_WORDS = ['优先', '重点', '首要'];
/** Adverbs that may stand before a modal or a verb without changing the reading ("都", "还", "一致"). */
export const ZH_LIGHT_ADVERBS = ['都', '也', '均', '还', '更', '一致', '共同', '同样', '再次', '进一步', '衷心'];
/** Verbs of a wish for others ("祝愿中国人民…继续…迈进"): what follows is the wish, not a commitment. */
export const ZH_WISH_VERBS = ['祝愿', '预祝'];
/** Words where the topic of a Chinese title begins; the parties stand before them ("中法关于…的联合声明"). */
export const ZH_TITLE_TOPIC_WORDS = ['关于', '联合声明', '联合公报', '共同声明', '联合宣言'];
/** Chinese prepositions that open an adverbial phrase before the verb ("在…上", "就…"). */
export const ZH_PREPOSITIONS = ['在', '就', '对', '同', '与', '为', '通过', '围绕', '按照', '根据', '从', '向', '以', '于', '基于', '本着', '面对', '针对', '随着'];
/**
 * Chinese characters that stand as words by themselves next to a name: prepositions, conjunctions,
 * particles and adverbs ("和白俄罗斯", "安理会同意"), and after a name 人 "the people of", 方 "the
 * side of", 国 "the state of" and 间 "between" ("以色列人", "日本国", "中比间"). A glossary match
 * next to one of them is on a word boundary, even where word segmentation joins them into a
 * word (和白, 会同; see `wordEdges.ts`). Left out: characters that often make a word with the edge
 * of a glossary form, such as 能 and 可 after 方 (方能, 方可). 向 stays: in statements "X方向Y" is
 * "the X side, to Y" (中方向白方表示感谢), so much more often than 方向 "direction".
 */
export const ZH_STANDALONE_CHARACTERS = [
  '和与同及跟并或而', // conjunctions
  '对向在从自由将把给为于以据经至到', // prepositions
  '的了之所', // particles
  '也都已就即各等均亦又还仍再皆', // adverbs
  '是被让使令请称说应会须愿拟致访赴抵', // verbs that take a name as subject or object
  '人方国间', // after a name
].join('');

/**
 * Words a commitment diff leaves out when it compares what two commitments are about (see
 * `diff.ts`): articles, pronouns, prepositions, conjunctions, auxiliaries. What is left (nouns,
 * verbs, adjectives, names) says what the commitment commits to.
 */
// prettier-ignore
export const DIFF_FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'your', 'my', 'it', 'they', 'them',
  'we', 'us', 'he', 'she', 'him', 'which', 'who', 'whom', 'whose', 'what', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with',
  'from', 'into', 'onto', 'upon', 'as', 'about', 'between', 'among', 'within', 'through', 'over', 'under', 'and', 'or', 'nor',
  'but', 'so', 'if', 'than', 'then', 'also', 'be', 'is', 'are', 'was', 'were', 'been', 'being', 'has', 'have', 'had', 'do',
  'does', 'did', 'will', 'shall', 'would', 'should', 'can', 'could', 'may', 'might', 'must', 'other', 'each', 'both', 'all',
  'any', 'such', 'well', 'including', 'further', 'there', 'here', 'not', 'no',
]);

/**
 * Adverbs that make a commitment firmer in a commitment diff ("supports" → "actively supports"):
 * the engine's {@link STRONG_ADVERBS}, and these, which leave a commitment's strength as it is
 * but still say more than the bare verb.
 */
export const DIFF_INTENSIFYING_ADVERBS = new Set([
  ...STRONG_ADVERBS, 'actively', 'earnestly', 'sincerely', 'deeply', 'highly', 'greatly', 'substantially', 'significantly',
  'comprehensively', 'effectively', 'vigorously', 'resolutely', 'decisively', 'urgently', 'immediately', 'promptly', 'steadily',
  'continuously', 'constantly', 'closely', 'wholly', 'completely', 'entirely', 'absolutely', 'truly', 'genuinely',
]);

/** Words that hedge a commitment in a commitment diff ("gradually", "where appropriate" is a phrase of {@link WEAK_PHRASES}). */
export const DIFF_HEDGING_WORDS = new Set(['gradually', 'possibly', 'eventually', 'partially', 'partly', 'perhaps', 'broadly', 'generally', 'may', 'might', 'could']);

/** Chinese adverbs that make a commitment firmer in a commitment diff: {@link ZH_STRONG} and these. */
export const ZH_DIFF_INTENSIFIERS = [...ZH_STRONG, '积极', '大力', '深入', '切实', '全力', '高度'];
