/**
 * One analysis per document version, shared by every feature (hover, tokens, outline, tree, the
 * problems), made again only when the glossary matches differently ({@link AnalysisCache.invalidate}).
 * After an edit only the changed blocks are analysed again. Features ask in one of two ways:
 *
 * - {@link AnalysisCache.now}: the best analysis to be had at once. A large document's first one
 *   is its terms only (a fraction of the cost: highlighting and term hovers need nothing more),
 *   while the full analysis runs in slices without holding up the host; `onDidComplete` fires
 *   when it is ready, and `now` gives it from then on. Check `termsOnly` when commitments matter.
 * - {@link AnalysisCache.whenReady}: the full analysis, as a promise (in slices when it is long).
 *
 * Documents above the size limit, or with binary content, are not analysed (both answer
 * undefined) instead of the host freezing: {@link AnalysisCache.refusalOf} says why, and the log
 * once. No host API is named here: the editor's adapter passes its documents and settings in.
 */
import { BlockCache, analyzeText, analyzeTextInSlices, type Analysis, type CompiledGlossary } from './analyze';
import { BINARY_PROBE_LENGTH, looksBinary } from './decode';
import { Emitter, type Event } from './events';
import type { Refusal } from './languageStatus';

/**
 * What the cache needs of a document. `text` is read only when an analysis is made (an adapter
 * may read it in a getter); `version` is read again while an analysis runs in slices, so a live
 * document lets the cache drop the analysis of a version edited since.
 */
export interface AnalysisDocument {
  /** Names the document (its URI, as a string). */
  readonly uri: string;
  /** Changes with every edit. */
  readonly version: number;
  /** The whole text. */
  readonly text: string;
  /** The text's length, when the host knows it without copying the text (else `text.length`). */
  readonly length?: number;
  /** The first `length` characters, when the host can give them without copying the whole text. */
  head?(length: number): string;
}

/** Where the cache reports what it does not analyse, and failures. */
export interface AnalysisLog {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

/** Options of an {@link AnalysisCache}. */
export interface AnalysisCacheOptions {
  /** The glossary analyses are made with now. */
  glossary: () => CompiledGlossary;
  /** Documents longer than this many characters are not analysed (read at every request). */
  maxFileSize: () => number;
  log?: AnalysisLog;
  /** Measures `fn` under `name` (the editor's timings); runs it plainly by default. */
  timed?: <T>(name: string, fn: () => T) => T;
  /** Records a duration measured elsewhere under `name`. */
  record?: (name: string, ms: number) => void;
}

/** Above this many characters, a document's first analysis finds terms only (see {@link AnalysisCache.now}). */
export const TERMS_FIRST = 200_000;

interface Entry {
  version: number;
  generation: number;
  /** Undefined while only a terms-only analysis was made (the full one is on its way). */
  analysis: Analysis | undefined;
  /** The terms-only analysis of this version, while the full one is on its way. */
  termsOnly?: Analysis;
  /** Per-block results reused after an edit: only changed blocks are analysed again. */
  blocks: BlockCache;
}

/** A full analysis running in slices. */
interface Job {
  version: number;
  generation: number;
  cancelled: boolean;
  promise: Promise<Analysis | undefined>;
}

/** See module doc. */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<string, Job>();
  private readonly refused = new Set<string>();
  private generation = 0;
  private readonly invalidated = new Emitter<void>();
  private readonly completed = new Emitter<string>();
  private readonly refusedNow = new Emitter<string>();
  /** Fires with a document's URI when its full analysis, made in slices, is ready. */
  readonly onDidComplete: Event<string> = this.completed.event;
  /** Fires when every cached analysis became stale (see {@link invalidate}). */
  readonly onDidInvalidate: Event<void> = this.invalidated.event;
  /** Fires with a document's URI when it is found too large or binary, once until it closes or the limit changes. */
  readonly onDidRefuse: Event<string> = this.refusedNow.event;

  constructor(private readonly options: AnalysisCacheOptions) {}

  /**
   * The best analysis of `doc` to be had at once (see module doc): the full one when it is cached
   * or cheap (a small document, or an edit of one analysed before: only changed blocks are
   * redone); for a large document's first one, its terms only, the full analysis being started in
   * slices. Undefined when the document is not analysed (too large, binary) or the analysis
   * failed (logged). Never throws.
   */
  now(doc: AnalysisDocument): Analysis | undefined {
    if (this.cheap(doc)) return this.analyseNow(doc);
    const cached = this.entries.get(doc.uri);
    if (cached?.termsOnly && cached.version === doc.version && cached.generation === this.generation) {
      void this.whenReady(doc);
      return cached.termsOnly;
    }
    const text = this.analysableText(doc);
    if (text === undefined) return undefined;
    try {
      const blocks = cached?.blocks ?? new BlockCache();
      const termsOnly = analyzeText(text, this.options.glossary(), { statement: true, cache: blocks, termsOnly: true });
      // The entry keeps the block cache (the terms found are reused) and the terms-only answer.
      this.entries.set(doc.uri, { version: doc.version, generation: this.generation, analysis: undefined, termsOnly, blocks });
      void this.whenReady(doc, text);
      return termsOnly;
    } catch (e) {
      this.options.log?.error(`could not analyse ${doc.uri}`, e);
      return undefined;
    }
  }

  /**
   * The full analysis of `doc`. When it would take long (a large document's first analysis), it
   * runs in slices, other work being done in between, and is abandoned (undefined) if the document
   * changes or closes, or the glossary changes, first. Undefined too when the document is not
   * analysed. `knownText` is the document's text when the caller has just read and checked it.
   */
  whenReady(doc: AnalysisDocument, knownText?: string): Promise<Analysis | undefined> {
    if (this.cheap(doc)) return Promise.resolve(this.analyseNow(doc));
    const key = doc.uri;
    const running = this.jobs.get(key);
    if (running && running.version === doc.version && running.generation === this.generation) return running.promise;
    this.cancelJob(key);
    const text = knownText ?? this.analysableText(doc);
    if (text === undefined) return Promise.resolve(undefined);
    const cached = this.entries.get(key);
    const blocks = cached?.blocks ?? new BlockCache();
    if (!cached) this.entries.set(key, { version: doc.version, generation: this.generation, analysis: undefined, blocks });
    const job: Job = { version: doc.version, generation: this.generation, cancelled: false, promise: Promise.resolve(undefined) };
    const started = performance.now();
    job.promise = analyzeTextInSlices(text, this.options.glossary(), {
      statement: true,
      cache: blocks,
      cancelled: () => job.cancelled || doc.version !== job.version || this.generation !== job.generation,
    }).then(
      (analysis) => {
        if (this.jobs.get(key) === job) this.jobs.delete(key);
        if (!analysis || job.cancelled) return undefined;
        this.options.record?.('analysis (in slices, wall clock)', performance.now() - started);
        this.entries.set(key, { version: job.version, generation: job.generation, analysis, blocks });
        this.completed.fire(key);
        return analysis;
      },
      (e: unknown) => {
        if (this.jobs.get(key) === job) this.jobs.delete(key);
        this.options.log?.error(`could not analyse ${key}`, e);
        return undefined;
      },
    );
    this.jobs.set(key, job);
    return job.promise;
  }

  /**
   * Why a document is not analysed (too large, or binary), or undefined when it is; the first time,
   * the log says so too (and `onDidRefuse` fires). Cheap: reads only the document's start.
   */
  refusalOf(doc: AnalysisDocument): Refusal | undefined {
    const length = lengthOf(doc);
    const limit = this.options.maxFileSize();
    if (length > limit) {
      this.tell(doc, tooLargeMessage(length, limit));
      return { reason: 'tooLarge', length, limit };
    }
    const head = doc.head ? doc.head(BINARY_PROBE_LENGTH) : doc.text.slice(0, BINARY_PROBE_LENGTH);
    if (!looksBinary(head)) return undefined;
    this.tell(doc, BINARY_MESSAGE);
    return { reason: 'binary' };
  }

  /**
   * Marks every cached analysis stale: the glossary matches differently, or the size limit
   * changed (`limit`: documents refused before are looked at again). Block caches are kept: they
   * notice a new glossary themselves.
   */
  invalidate(options: { limit?: boolean } = {}): void {
    this.generation++;
    if (options.limit) this.refused.clear();
    this.invalidated.fire();
  }

  /** Forgets a closed document (its analysis running in slices is abandoned). */
  close(uri: string): void {
    this.cancelJob(uri);
    this.entries.delete(uri);
    this.refused.delete(uri);
  }

  /** Drops the listeners. */
  dispose(): void {
    for (const key of [...this.jobs.keys()]) this.cancelJob(key);
    this.invalidated.dispose();
    this.completed.dispose();
    this.refusedNow.dispose();
  }

  /** The full analysis, made now if it is not cached. */
  private analyseNow(doc: AnalysisDocument): Analysis | undefined {
    const key = doc.uri;
    const cached = this.entries.get(key);
    if (cached?.analysis && cached.version === doc.version && cached.generation === this.generation) {
      return lengthOf(doc) > this.options.maxFileSize() ? undefined : cached.analysis;
    }
    // Made now: an analysis running in slices would only repeat this one.
    this.cancelJob(key);
    const blocks = cached?.blocks ?? new BlockCache();
    const text = this.analysableText(doc);
    if (text === undefined) return undefined;
    try {
      const started = performance.now();
      const analyse = () => analyzeText(text, this.options.glossary(), { statement: true, cache: blocks });
      const name = cached ? 'analysis (incremental)' : 'analysis (first)';
      const analysis = this.options.timed ? this.options.timed(name, analyse) : analyse();
      const ms = performance.now() - started;
      if (ms > 500) this.options.log?.info(`analysed ${key} (${text.length} characters) in ${Math.round(ms)} ms`);
      this.entries.set(key, { version: doc.version, generation: this.generation, analysis, blocks });
      return analysis;
    } catch (e) {
      this.options.log?.error(`could not analyse ${key}`, e);
      return undefined;
    }
  }

  /**
   * True when the full analysis is cheap now: it is cached, or the document is small, or an
   * earlier version was analysed (only changed blocks are redone), or it is not analysed at all
   * (too large). False for a large document's first full analysis.
   */
  private cheap(doc: AnalysisDocument): boolean {
    const cached = this.entries.get(doc.uri);
    const length = lengthOf(doc);
    return (cached?.analysis !== undefined && cached.generation === this.generation) || length < TERMS_FIRST || length > this.options.maxFileSize();
  }

  /** The document's text, or undefined after telling (once) why it is not analysed. */
  private analysableText(doc: AnalysisDocument): string | undefined {
    const text = this.options.timed ? this.options.timed('getText', () => doc.text) : doc.text;
    const limit = this.options.maxFileSize();
    if (text.length > limit) this.tell(doc, tooLargeMessage(text.length, limit));
    else if (looksBinary(text)) this.tell(doc, BINARY_MESSAGE);
    else return text;
    return undefined;
    return text;
  }

  private cancelJob(key: string): void {
    const job = this.jobs.get(key);
    if (!job) return;
    job.cancelled = true;
    this.jobs.delete(key);
  }

  /** Logs, once per document, why it is not analysed (the language status item shows it meanwhile). */
  private tell(doc: AnalysisDocument, why: string): void {
    if (this.refused.has(doc.uri)) return;
    this.refused.add(doc.uri);
    this.options.log?.info(`${fileNameOf(doc.uri)} ${why}`);
    this.refusedNow.fire(doc.uri);
  }
}

/** What the log says about a document above the size limit. */
function tooLargeMessage(length: number, limit: number): string {
  return (
    `is ${(length / 1e6).toFixed(1)} million characters long, above the limit of diplomaticAnnotator.maxFileSize (${(limit / 1e6).toFixed(1)} million): ` +
    'only the visible part is highlighted, and hovers and the outline of commitments are off for it. Raise the setting to analyse it whole.'
  );
}

const BINARY_MESSAGE = 'looks like a binary file: Diplomatic Annotator does not analyse it.';

function lengthOf(doc: AnalysisDocument): number {
  return doc.length ?? doc.text.length;
}

/** The last segment of a URI's path, decoded ("my%20file.txt" → "my file.txt"). */
function fileNameOf(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
