/**
 * Property tests on random and mutated statements: the matcher, segmenter, extractor and statement
 * parser never throw, keep every range inside the text, never overlap term matches, are
 * deterministic, and give CRLF files the same lines and columns as LF ones.
 * Fixed seed in `npm test`; `npm run fuzz` runs many more cases (FUZZ_RUNS, FUZZ_SEED).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { BlockCache, analyzeText, commitmentAt, termAt } from '../../src/core/analyze';
import { spanAt } from '../../src/core/hover';
import { compileMatcher } from '../../src/core/matcher';
import { segmentSentences } from '../../src/core/sentences';
import { parseGlossary } from '../../src/core/glossary';
import { MAX_SPAN_DEPTH, MAX_STATEMENT_PROBLEMS, parseStatement } from '../../src/core/statement';
import { findExcessiveYamlNesting, MAX_YAML_DEPTH } from '../../src/core/yamlDepth';
import { isMap, isSeq, parseDocument } from 'yaml';
import { LineIndex } from '../../src/core/text';
import { encodeSemanticTokens, encodeTokens, semanticTokens, semanticTokensInLines } from '../../src/core/tokens';
import { comparableAnalysis, fixture, fixtureGlossary } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20221115);
const params = { numRuns: RUNS, seed: SEED };

const CORPUS = [
  'china-belarus-2022.txt',
  'zh-joint-statement.txt',
  'leaders-communique.txt',
  'numbered-joint-statement.txt',
  'treaty-excerpt.txt',
  'unseen-us-india-unga.txt',
  'lead-in-lists.txt',
].map(fixture);
const PIECES = [
  'the two sides',
  ' will ',
  'support',
  ', and ',
  'Belarusian side',
  '白方',
  '支持',
  '，',
  '。',
  '[',
  ']{',
  '.party}',
  '---\n',
  'title: x\n',
  '\r\n',
  '\n',
  '"',
  '“',
  '’',
  '-',
  '—',
  '1. ',
  '(a) ',
  '- ',
  'We commit to:\n',
  'WE HEREBY COMMIT TO:\n',
  'Article 2',
  'China',
  'one-China principle',
  'We, the Leaders of ',
  'shall not',
  '\u0000',
  '😀',
  'U.S.',
  ' ',
];

/** Text made of statement-like pieces and random characters. */
const statementish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.constantFrom(...CORPUS.map((c) => c.slice(0, 200)))), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** A corpus text with random edits: deletions, insertions, duplications. */
const mutated = fc.tuple(fc.constantFrom(...CORPUS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(...PIECES)), { maxLength: 8 })).map(([text, edits]) =>
  edits.reduce((t, [at, del, ins]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + ins + t.slice(i + del);
  }, text),
);

const anyText = fc.oneof(statementish, mutated, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));

describe('properties', () => {
  const glossary = fixtureGlossary();

  it('matcher: ranges inside the text, sorted, never overlapping, deterministic', () => {
    const matcher = compileMatcher(['China', 'one-China principle', '白方', 'the two', 'two sides', 'U.S.', 'WHO'].map((t) => ({ text: t, caseSensitive: t === 'WHO', value: t })));
    fc.assert(
      fc.property(anyText, (text) => {
        const hits = matcher.findAll(text);
        let last = 0;
        for (const h of hits) {
          assert.ok(h.start >= last && h.start < h.end && h.end <= text.length, JSON.stringify(h));
          last = h.end;
        }
        assert.deepStrictEqual(matcher.findAll(text), hits);
      }),
      params,
    );
  });

  it('segmenter: segments inside the text, in order, not overlapping, never empty', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const s of segmentSentences(text)) {
          assert.ok(s.start >= last && s.end > s.start && s.end <= text.length);
          if (s.label) assert.ok(s.label.start >= last && s.label.end <= s.start);
          last = s.end;
        }
      }),
      params,
    );
  });

  it('statement parser: the plain text keeps every offset and line break', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const p = parseStatement(text);
        assert.strictEqual(p.plain.length, text.length);
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') assert.strictEqual(p.plain[i], '\n');
        for (const a of p.annotations) assert.ok(a.markup.start <= a.span.start && a.span.end <= a.markup.end && a.markup.end <= text.length);
        for (const w of p.problems) assert.ok(w.start >= 0 && w.end <= text.length && w.start <= w.end);
      }),
      params,
    );
  });

  it('extractor: no throw, every span inside the text, deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = analyzeText(text, glossary);
        for (const c of a.commitments) {
          assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length, JSON.stringify(c));
          assert.ok(c.triggerSpan.start >= 0 && c.triggerSpan.end <= text.length);
        }
        let last = 0;
        for (const t of a.terms) {
          assert.ok(t.start >= last && t.end <= text.length);
          last = t.end;
        }
        const again = analyzeText(text, glossary);
        assert.deepStrictEqual(again.commitments, a.commitments);
        assert.deepStrictEqual(
          again.terms.map((t) => [t.id, t.start]),
          a.terms.map((t) => [t.id, t.start]),
        );
      }),
      params,
    );
  });

  it('incremental analysis (a block cache reused across edits) equals a fresh analysis', () => {
    const cache = new BlockCache();
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (versions) => {
        for (const text of versions) assert.deepStrictEqual(comparableAnalysis(analyzeText(text, glossary, { cache })), comparableAnalysis(analyzeText(text, glossary)));
      }),
      params,
    );
  });

  it('semantic tokens assembled per block (and reused across edits) equal tokens computed over the whole text', () => {
    const cache = new BlockCache();
    fc.assert(
      fc.property(fc.array(fc.oneof(mutated, statementish), { minLength: 1, maxLength: 4 }), (versions) => {
        for (const text of versions) {
          const analysis = analyzeText(text, glossary, { cache });
          assert.deepStrictEqual(Array.from(encodeSemanticTokens(analysis)), Array.from(encodeTokens(semanticTokens(text, analysis))));
        }
      }),
      params,
    );
  });

  it('a terms-only analysis finds the same terms, and the full analysis after it is unchanged', () => {
    const cache = new BlockCache();
    fc.assert(
      fc.property(fc.array(fc.tuple(mutated, fc.boolean()), { minLength: 1, maxLength: 4 }), (versions) => {
        for (const [text, quickFirst] of versions) {
          const fresh = analyzeText(text, glossary);
          if (quickFirst) {
            const quick = analyzeText(text, glossary, { cache, termsOnly: true });
            assert.strictEqual(quick.termsOnly, true);
            assert.deepStrictEqual(
              quick.terms.map((t) => [t.id, t.start, t.end]),
              fresh.terms.map((t) => [t.id, t.start, t.end]),
            );
            assert.deepStrictEqual(quick.commitments, []);
          }
          assert.deepStrictEqual(comparableAnalysis(analyzeText(text, glossary, { cache })), comparableAnalysis(fresh));
        }
      }),
      params,
    );
  });

  it('tokens of a range of lines are those of the whole text on those lines', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, statementish), fc.nat(), fc.nat({ max: 12 }), (text, from, span) => {
        const analysis = analyzeText(text, glossary);
        const lineCount = new LineIndex(text).lineCount;
        const first = from % lineCount;
        const last = first + span;
        const all = semanticTokens(text, analysis).filter((t) => t.line >= first && t.line <= last);
        assert.deepStrictEqual(semanticTokensInLines(analysis, first, last), all);
      }),
      params,
    );
  });

  it('terms and commitments looked up in their block are those of the document-wide arrays', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, statementish), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (text, offsets) => {
        const analysis = analyzeText(text, glossary);
        for (const o of offsets) {
          const offset = o % (text.length + 1);
          assert.deepStrictEqual(termAt(analysis, offset), spanAt(analysis.terms, offset));
          assert.deepStrictEqual(commitmentAt(analysis, offset), spanAt(analysis.commitments, offset));
        }
        for (const t of analysis.terms.slice(0, 20)) assert.deepStrictEqual(termAt(analysis, t.start), t);
      }),
      params,
    );
  });

  it('CRLF files give the same lines and columns as LF files', () => {
    fc.assert(
      fc.property(fc.oneof(statementish, mutated), (raw) => {
        const lf = raw.replace(/\r/g, '');
        const crlf = lf.replace(/\n/g, '\r\n');
        const where = (text: string) => {
          const lines = new LineIndex(text);
          const a = analyzeText(text, glossary);
          return {
            terms: a.terms.map((t) => [t.id, lines.position(t.start), lines.position(t.end)]),
            commitments: a.commitments.map((c) => [c.type, c.trigger, lines.position(c.start)]),
          };
        };
        assert.deepStrictEqual(where(crlf), where(lf));
      }),
      params,
    );
  });

  it('statement parser on deep and repeated markup: never throws, problems and annotations stay bounded', () => {
    const unit = fc.constantFrom('[', ']{', '.party}', ']{.party}', 'a]{ ', '"', "'", '{', '}', '\n', '\n\n', 'x ', '[[x ');
    const deepMarkup = fc
      .tuple(fc.array(fc.tuple(unit, fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 6 }))
      .map(([parts]) => parts.map(([u, n]) => u.repeat(n)).join(''));
    fc.assert(
      fc.property(deepMarkup, (text) => {
        const p = parseStatement(text);
        assert.strictEqual(p.plain.length, text.length);
        assert.ok(p.problems.length <= MAX_STATEMENT_PROBLEMS + 2);
        assert.ok(p.annotations.every((a) => a.markup.end <= text.length));
        const depth = Math.max(0, ...p.annotations.map((a) => p.annotations.filter((b) => b.markup.start <= a.markup.start && a.markup.end <= b.markup.end).length));
        assert.ok(depth <= MAX_SPAN_DEPTH);
      }),
      { ...params, numRuns: Math.min(RUNS, 60) },
    );
  });

  it('YAML depth guard: what it lets through is never deeper than the limit once parsed, and glossary reading never throws', () => {
    const piece = fc.constantFrom('- ', '? ', 'k: ', '[', '{', ']', '}', ', ', '\n', '\n  ', '\n    ', ' ', '"', "'", '# ', '|\n', 'x');
    const nesting = fc
      .array(fc.tuple(piece, fc.integer({ min: 1, max: 120 })), { minLength: 1, maxLength: 12 })
      .map((parts) => 'terms:\n  - ' + parts.map(([p, n]) => p.repeat(n)).join(''));
    fc.assert(
      fc.property(nesting, (text) => {
        const g = parseGlossary(text, 'fuzz.yaml');
        assert.ok(Array.isArray(g.problems));
        if (findExcessiveYamlNesting(text) === -1) assert.ok(yamlDepth(text) <= MAX_YAML_DEPTH, 'the guard let through deeper YAML');
      }),
      params,
    );
  });
});

/** The depth of the collections `yaml` builds from `text`, walked without recursion. */
function yamlDepth(text: string): number {
  const doc = parseDocument(text);
  let max = 0;
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isSeq(node)) {
      max = Math.max(max, depth);
      for (const item of node.items) stack.push([item, depth + 1]);
    } else if (isMap(node)) {
      max = Math.max(max, depth);
      for (const pair of node.items) stack.push([pair.key, depth + 1], [pair.value, depth + 1]);
    }
  }
  return max;
}
