import * as assert from 'assert';
import { AnalysisCache, TERMS_FIRST, type AnalysisDocument } from '../../src/core/analysisCache';
import { compileGlossary, type CompiledGlossary } from '../../src/core/analyze';
import { parseGlossary } from '../../src/core/glossary';
import { fixture, fixtureGlossary } from './helpers';

/** A document whose text and version the test changes, as an editor's document changes. */
class TestDocument implements AnalysisDocument {
  version = 1;
  reads = 0;
  constructor(
    readonly uri: string,
    private content: string,
  ) {}
  get text(): string {
    this.reads++;
    return this.content;
  }
  /** Known without reading the text, as an editor knows it. */
  get length(): number {
    return this.content.length;
  }
  edit(content: string): void {
    this.content = content;
    this.version++;
  }
}

/** A cache over the fixture glossary (or `glossary()`), with its log and events recorded. */
function cacheWithLog(options: { maxFileSize?: number; glossary?: () => CompiledGlossary } = {}) {
  const log: string[] = [];
  const events: string[] = [];
  let maxFileSize = options.maxFileSize ?? 10_000_000;
  const cache = new AnalysisCache({
    glossary: options.glossary ?? fixtureGlossary,
    maxFileSize: () => maxFileSize,
    log: { info: (m) => log.push(`info ${m}`), error: (m) => log.push(`error ${m}`) },
  });
  cache.onDidComplete((uri) => events.push(`complete ${uri}`));
  cache.onDidInvalidate(() => events.push('invalidate'));
  cache.onDidRefuse((uri) => events.push(`refuse ${uri}`));
  return { cache, log, events, setLimit: (n: number) => void (maxFileSize = n) };
}

const STATEMENT = fixture('china-belarus-2022.txt');

/** The fixture statement repeated past {@link TERMS_FIRST} characters: a large document. */
function largeText(): string {
  const parts: string[] = [];
  for (let size = 0, i = 0; size <= TERMS_FIRST; i++) {
    const part = STATEMENT.replace(/^(?=\S)/gm, () => `(${i}) `);
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join('\n\n');
}

describe('AnalysisCache', () => {
  it('analyses a small document in full at once, once per version', () => {
    const { cache } = cacheWithLog();
    const doc = new TestDocument('file:///a.statement', STATEMENT);
    const first = cache.now(doc);
    assert.ok(first && !first.termsOnly && first.commitments.length > 0);
    assert.strictEqual(cache.now(doc), first, 'cached');
    assert.strictEqual(doc.reads, 1, 'the text is read once, to analyse it');
    doc.edit(STATEMENT + '\nChina supports the Belarusian side.\n');
    const second = cache.now(doc);
    assert.notStrictEqual(second, first);
    assert.strictEqual(second!.commitments.length, first.commitments.length + 1);
  });

  it('whenReady gives the same analysis as now for a small document', async () => {
    const { cache } = cacheWithLog();
    const doc = new TestDocument('file:///a.statement', STATEMENT);
    const ready = await cache.whenReady(doc);
    assert.strictEqual(cache.now(doc), ready);
  });

  it('analyses again after invalidate (the glossary matches differently), with the glossary of now', () => {
    let glossary = fixtureGlossary();
    const { cache, events } = cacheWithLog({ glossary: () => glossary });
    const doc = new TestDocument('file:///a.statement', 'The Blue Widget Initiative.');
    assert.deepStrictEqual(cache.now(doc)!.terms, []);
    glossary = compileGlossary(parseGlossary('terms:\n  - term: Blue Widget Initiative\n    kind: initiative\n', 'w.yaml'));
    assert.deepStrictEqual(cache.now(doc)!.terms, [], 'cached until invalidated');
    cache.invalidate();
    assert.deepStrictEqual(
      cache.now(doc)!.terms.map((t) => t.entry.id),
      ['blue-widget-initiative'],
    );
    assert.deepStrictEqual(events, ['invalidate']);
  });

  it('gives a large document its terms at once, then its full analysis in slices, and says when it is ready', async () => {
    const { cache, events } = cacheWithLog();
    const doc = new TestDocument('file:///large.statement', largeText());
    const first = cache.now(doc);
    assert.ok(first?.termsOnly, 'terms only at first');
    assert.ok(first.terms.length > 0);
    assert.strictEqual(cache.now(doc), first, 'the same terms-only answer while the full one runs');
    const pending = cache.whenReady(doc);
    assert.strictEqual(cache.whenReady(doc), pending, 'one analysis in slices, not two');
    const full = await pending;
    assert.ok(full && !full.termsOnly && full.commitments.length > 0);
    assert.deepStrictEqual(events, ['complete file:///large.statement']);
    assert.strictEqual(cache.now(doc), full);
    assert.deepStrictEqual(
      full.terms.map((t) => [t.start, t.entry.id]),
      first.terms.map((t) => [t.start, t.entry.id]),
      'the same terms',
    );
  });

  it('abandons an analysis in slices when the document changes, or closes, first', async () => {
    const { cache, events } = cacheWithLog();
    const doc = new TestDocument('file:///large.statement', largeText());
    const pending = cache.whenReady(doc);
    doc.edit(largeText() + '\nMore.\n');
    assert.strictEqual(await pending, undefined);
    const again = cache.whenReady(doc);
    cache.close(doc.uri);
    assert.strictEqual(await again, undefined);
    assert.deepStrictEqual(events, []);
  });

  it('refuses a document above the size limit, says why once, and looks again when the limit changes', async () => {
    const { cache, log, events, setLimit } = cacheWithLog({ maxFileSize: 1000 });
    const doc = new TestDocument('file:///dir/big%20one.statement', STATEMENT);
    assert.strictEqual(cache.now(doc), undefined);
    assert.strictEqual(await cache.whenReady(doc), undefined);
    assert.deepStrictEqual(cache.refusalOf(doc), { reason: 'tooLarge', length: STATEMENT.length, limit: 1000 });
    assert.strictEqual(log.length, 1);
    assert.match(log[0], /^info big one\.statement is 0\.0 million characters long, above the limit of diplomaticAnnotator\.maxFileSize/);
    assert.deepStrictEqual(events, ['refuse file:///dir/big%20one.statement']);
    setLimit(10_000_000);
    cache.invalidate({ limit: true });
    assert.ok(cache.now(doc)?.commitments.length);
    assert.strictEqual(cache.refusalOf(doc), undefined);
  });

  it('refuses binary content (a NUL near the start), reading only the start when the document can give it', () => {
    const { cache, log } = cacheWithLog();
    const text = 'PK\u0003\u0004\u0000\u0000' + STATEMENT;
    const doc: AnalysisDocument = { uri: 'file:///x.statement', version: 1, text, head: (n) => text.slice(0, n) };
    assert.deepStrictEqual(cache.refusalOf(doc), { reason: 'binary' });
    assert.strictEqual(cache.now(doc), undefined);
    assert.deepStrictEqual(log, ['info x.statement looks like a binary file: Diplomatic Annotator does not analyse it.']);
  });

  it('logs an analysis that fails and answers undefined instead of throwing', () => {
    const { cache, log } = cacheWithLog({
      glossary: () => {
        throw new Error('no glossary');
      },
    });
    assert.strictEqual(cache.now(new TestDocument('file:///a.statement', STATEMENT)), undefined);
    assert.deepStrictEqual(log, ['error could not analyse file:///a.statement']);
  });
});
