// Generates the TextMate grammar (syntaxes/statement.tmLanguage.json) from a fixed skeleton and
// the built-in glossary's forms by kind, so terms are coloured before the extension activates.
// Forms are compiled into prefix-factored regular expressions (a trie), longest match first.
// The scope of each kind and of commitment triggers comes from src/core/kinds.ts (the one list
// of kinds), handed over by scripts/build.mjs.

const SEPARATOR = '\u0001';
const APOSTROPHE = '\u0002';
const QUOTE = '\u0003';

function tokens(form) {
  // Mirror the matcher's normalisation: separators collapse, quotes and apostrophes unify.
  const out = [];
  for (const ch of form.trim().replace(/[\s\-‐‑‒–—―]+/g, ' ')) {
    if (ch === ' ') out.push(SEPARATOR);
    else if (/['’‘ʼ]/.test(ch)) out.push(APOSTROPHE);
    else if (/["“”„]/.test(ch)) out.push(QUOTE);
    else out.push(ch);
  }
  return out;
}

function escapeChar(ch) {
  if (ch === SEPARATOR) return '[\\s\\-‐‑‒–—]+';
  if (ch === APOSTROPHE) return "['’‘ʼ]";
  if (ch === QUOTE) return '["“”„]';
  return /[\\^$.*+?()[\]{}|/#\s-]/.test(ch) ? `\\${ch}` : ch;
}

/** A regex source matching any of `forms`, longest first (prefix-factored trie). */
export function trieRegex(forms) {
  const root = new Map();
  const END = '';
  for (const form of forms) {
    let node = root;
    for (const t of tokens(form)) {
      if (!node.has(t)) node.set(t, new Map());
      node = node.get(t);
    }
    node.set(END, null);
  }
  const emit = (node) => {
    const branches = [];
    let optional = false;
    // Longer continuations first so the regex prefers the longest form.
    for (const [t, child] of [...node.entries()].sort((a, b) => depth(b[1]) - depth(a[1]))) {
      if (t === END) optional = true;
      else branches.push(escapeChar(t) + emit(child));
    }
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    if (optional) return branches.length === 1 && branches[0].length > 1 ? `(?:${body})?` : `${body}?`;
    return body;
  };
  return emit(root);
}

function depth(node) {
  if (!node) return 0;
  let d = 0;
  for (const child of node.values()) d = Math.max(d, 1 + depth(child));
  return d;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

function isAcronym(form) {
  return /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{N}.&+-]+$/u.test(form.trim());
}

/** The grammar's term patterns for one kind, coloured as `scope`. */
function termPattern(scope, entries) {
  const latin = [];
  const latinExact = [];
  const cjk = [];
  for (const e of entries) {
    for (const form of [e.term, ...e.aliases]) {
      if (CJK.test(form.charAt(0))) cjk.push(form);
      else if (Array.isArray(e.caseSensitive) ? e.caseSensitive.includes(form) || isAcronym(form) : (e.caseSensitive ?? isAcronym(form))) latinExact.push(form);
      else latin.push(form);
    }
  }
  const alternatives = [];
  if (latin.length) alternatives.push(`(?i:(?<!\\w)${trieRegex(latin)}(?!\\w))`);
  if (latinExact.length) alternatives.push(`(?<!\\w)${trieRegex(latinExact)}(?!\\w)`);
  if (cjk.length) alternatives.push(trieRegex(cjk));
  if (!alternatives.length) return null;
  return { name: scope, match: alternatives.join('|') };
}

const TRIGGERS = [
  'reaffirm(?:s|ed)?',
  'reiterate(?:s|d)?',
  'recogni[sz]e(?:s|d)?',
  'acknowledge(?:s|d)?',
  'respect(?:s|ed)?',
  'adhere(?:s|d)? to',
  'uphold(?:s)?|upheld',
  'support(?:s|ed)?',
  'welcome(?:s|d)?',
  'endorse(?:s|d)?',
  'oppose(?:s|d)?',
  'reject(?:s|ed)?',
  'condemn(?:s|ed)?',
  'deplore(?:s|d)?',
  'call(?:s|ed)? (?:up)?on',
  'call(?:s|ed)? for',
  'urge(?:s|d)?',
  'request(?:s|ed)?',
  'encourage(?:s|d)?',
  'demand(?:s|ed)?',
  'agree(?:s|d)? to',
  'decide(?:s|d)? to',
  'decides',
  'commit(?:s|ted)? to',
  'undertake(?:s)? to',
  'intend(?:s|ed)? to',
  'pledge(?:s|d)?',
  'remain(?:s|ed)? committed to',
  '(?:are|is) (?:ready|determined|committed|willing|prepared) to',
  'expressed (?:its|their) readiness to',
];

/**
 * The order in which the term patterns are tried. At one position TextMate takes the first pattern
 * that matches, not the longest, so kinds whose forms tend to contain others' come first: "United
 * Nations Charter" (agreement) before "United Nations" (institution), "China-EU Summit" before
 * "China". Kinds not named here (a new one in kinds.ts) come after these, so none is left out.
 */
const PRECEDENCE = ['agreement', 'institution', 'initiative', 'partnership', 'principle', 'concept', 'person', 'party'];

/**
 * The whole grammar for the given glossary entries. `kinds` is src/core/kinds.ts: `KIND_SCOPES`
 * (the scope of each term kind, in order) and `COMMITMENT_TOKEN.scope` (commitment triggers).
 */
export function generateGrammar(entries, { KIND_SCOPES, COMMITMENT_TOKEN }) {
  const byKind = {};
  for (const e of entries) (byKind[e.kind] ??= []).push(e);
  const unknown = PRECEDENCE.filter((kind) => !(kind in KIND_SCOPES));
  if (unknown.length) throw new Error(`grammar.mjs orders kinds that src/core/kinds.ts does not list: ${unknown.join(', ')}`);
  const order = [...PRECEDENCE, ...Object.keys(KIND_SCOPES).filter((kind) => !PRECEDENCE.includes(kind))];
  const termPatterns = order.map((kind) => byKind[kind] && termPattern(KIND_SCOPES[kind], byKind[kind])).filter(Boolean);
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Diplomatic Statement',
    scopeName: 'text.statement',
    comment: 'Generated by scripts/grammar.mjs from glossary/*.yaml at build time; do not edit.',
    patterns: [{ include: '#front-matter' }, { include: '#body' }],
    repository: {
      'front-matter': {
        begin: '\\A(---)\\s*$',
        beginCaptures: { 1: { name: 'punctuation.definition.frontmatter.begin.statement' } },
        end: '^(---|\\.\\.\\.)\\s*$',
        endCaptures: { 1: { name: 'punctuation.definition.frontmatter.end.statement' } },
        name: 'meta.frontmatter.statement',
        contentName: 'meta.embedded.block.frontmatter',
        patterns: [{ include: 'source.yaml' }],
      },
      body: {
        patterns: [
          { include: '#annotation' },
          { include: '#heading' },
          { include: '#paragraph-label' },
          { include: '#quoted' },
          { include: '#date' },
          { include: '#terms' },
          { include: '#commitment-trigger' },
        ],
      },
      annotation: {
        comment: 'A bracketed span with attributes: [text]{.kind #id key=value}',
        match: '(\\[)([^\\[\\]\\n]*)(\\])(\\{)([^{}\\n]*)(\\})',
        name: 'meta.annotation.statement',
        captures: {
          1: { name: 'punctuation.definition.annotation.begin.statement' },
          2: { name: 'markup.underline.annotation.statement', patterns: [{ include: '#terms' }, { include: '#commitment-trigger' }] },
          3: { name: 'punctuation.definition.annotation.end.statement' },
          4: { name: 'punctuation.definition.attributes.begin.statement' },
          5: { name: 'meta.attributes.statement', patterns: [{ include: '#attribute' }] },
          6: { name: 'punctuation.definition.attributes.end.statement' },
        },
      },
      attribute: {
        patterns: [
          { match: '(\\.)([\\w-]+)', captures: { 1: { name: 'punctuation.definition.entity.statement' }, 2: { name: 'entity.other.attribute-name.class.statement' } } },
          { match: '(#)([\\w.:-]+)', captures: { 1: { name: 'punctuation.definition.entity.statement' }, 2: { name: 'entity.other.attribute-name.id.statement' } } },
          {
            match: '([\\w-]+)(=)(?:("[^"]*")|(\'[^\']*\')|([^\\s"\'}]+))',
            captures: {
              1: { name: 'entity.other.attribute-name.statement' },
              2: { name: 'punctuation.separator.key-value.statement' },
              3: { name: 'string.quoted.double.statement' },
              4: { name: 'string.quoted.single.statement' },
              5: { name: 'string.unquoted.statement' },
            },
          },
        ],
      },
      heading: {
        match: '^\\s*((?:Article|ARTICLE|Section|SECTION|Part|PART|Chapter|CHAPTER|Annex|ANNEX)\\s+[\\dIVXLC]+[A-Za-z]?\\b.*|第[一二三四五六七八九十百\\d]+[条章节].*)$',
        captures: { 1: { name: 'markup.heading.statement entity.name.section.statement' } },
      },
      'paragraph-label': {
        match: '^\\s*(\\d{1,3}(?:\\.\\d{1,3})*[.)]|\\((?:[a-z]{1,2}|[ivxlc]{1,6}|\\d{1,3})\\)|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)(?=\\s|[^\\x00-\\x7f])',
        captures: { 1: { name: 'markup.list.numbered.statement punctuation.definition.list.statement' } },
      },
      quoted: {
        patterns: [
          { match: '"[^"\\n]{1,200}"', name: 'string.quoted.double.statement' },
          { match: '“[^”\\n]{1,200}”', name: 'string.quoted.double.statement' },
          { match: '《[^》\\n]{1,200}》', name: 'string.quoted.other.title.statement' },
        ],
      },
      date: {
        match:
          '\\b(?:\\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2}, \\d{4}|\\d{4}-\\d{2}-\\d{2})\\b|\\d{4}年\\d{1,2}月\\d{1,2}日',
        name: 'constant.numeric.date.statement',
      },
      'commitment-trigger': {
        patterns: [
          { match: '(?i)\\b(?:will|shall|may)(?:\\s+not|\\s+never)?\\b', name: 'keyword.other.modal.statement' },
          { match: `(?i)\\b(?:${TRIGGERS.join('|')})\\b`, name: COMMITMENT_TOKEN.scope },
          { match: '(?:将|同意|决定|愿意?|致力于|继续|支持|欢迎|赞赏|反对|谴责|重申|承认|尊重|恪守|坚持|呼吁|敦促)', name: COMMITMENT_TOKEN.scope },
        ],
      },
      terms: { patterns: termPatterns },
    },
  };
}
