/**
 * One analysis per document version, shared by every feature (hover, tokens, outline, tree), and
 * invalidated when the glossary changes. After an edit only the changed blocks are analysed
 * again. A large document's first analysis is made without holding up the extension host: its
 * terms at once for highlighting (forTokens), the rest in slices (getInSlices). Documents above
 * `diplomaticAnnotator.maxFileSize`, or with binary content, are not analysed instead of the
 * editor freezing: the language status item says so (see `refusalOf`), and the log once.
 */
import * as vscode from 'vscode';
import { BlockCache, analyzeText, analyzeTextInSlices, type Analysis } from '../core/analyze';
import type { Refusal } from '../core/languageStatus';
import type { GlossaryService } from './glossaryService';
import type { Logger } from './logger';
import { settings } from './settings';
import { record, timed } from './timings';

/** A document's length in UTF-16 code units, without copying its text. */
function lengthOf(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/** The most text analysed for the visible part of a document above the size limit. */
const MAX_WINDOW = 200_000;

/** Above this many characters, a document's first analysis for highlighting finds terms only (see {@link AnalysisCache.forTokens}). */
const TERMS_FIRST = 200_000;

interface Entry {
  version: number;
  generation: number;
  /** Undefined while only a terms-only analysis was made (the full one is on its way). */
  analysis: Analysis | undefined;
  /** The terms-only analysis of this version, while the full one is on its way. */
  quick?: Analysis;
  /** Per-block results reused after an edit: only changed blocks are analysed again. */
  blocks: BlockCache;
}

/** A full analysis running in slices (see {@link AnalysisCache.getInSlices}). */
interface Job {
  version: number;
  generation: number;
  cancelled: boolean;
  promise: Promise<Analysis | undefined>;
}

/** See module doc. */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<string, Job>();
  private readonly refused = new Set<string>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly completed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a full analysis made in slices is ready (after {@link forTokens} gave a terms-only one, say). */
  readonly onDidComplete = this.completed.event;
  private readonly disposables: vscode.Disposable[];
  /** Fires when every cached analysis became stale (the glossary changed). */
  readonly onDidInvalidate = this.changed.event;
  private readonly refusedNow = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document is found too large or binary, once until it closes or the limit changes. */
  readonly onDidRefuse = this.refusedNow.event;

  constructor(
    /** The glossaries analyses are made with (features name parties and terms from it). */
    readonly glossary: GlossaryService,
    private readonly log: Logger,
  ) {
    this.disposables = [
      this.changed,
      this.completed,
      this.refusedNow,
      glossary.onDidChange(() => {
        // Keep the entries (their block caches notice the new glossary); the generation marks them stale.
        this.generation++;
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('diplomaticAnnotator.maxFileSize')) this.limitChanged();
      }),
      // Trusting the workspace lets its own maxFileSize apply.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.limitChanged()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancelJob(d.uri.toString());
        this.entries.delete(d.uri.toString());
        this.refused.delete(d.uri.toString());
      }),
    ];
  }

  private limitChanged(): void {
    this.generation++;
    this.refused.clear();
    this.changed.fire();
  }

  /** The analysis of a document, or undefined when it is too large or not a text. Never throws. */
  get(doc: vscode.TextDocument): Analysis | undefined {
    const key = doc.uri.toString();
    const cached = this.entries.get(key);
    if (cached?.analysis && cached.version === doc.version && cached.generation === this.generation) return this.isTooLarge(doc) ? undefined : cached.analysis;
    // Asked for now: an analysis running in slices would only repeat this one.
    this.cancelJob(key);
    const blocks = cached?.blocks ?? new BlockCache();
    const text = this.analysableText(doc);
    if (text === undefined) return undefined;
    try {
      const started = Date.now();
      const analysis = timed(cached ? 'analysis (incremental)' : 'analysis (first)', () => analyzeText(text, this.glossary.current, { statement: true, cache: blocks }));
      const ms = Date.now() - started;
      if (ms > 500) this.log.info(`analysed ${doc.uri.toString()} (${text.length} characters) in ${ms} ms`);
      this.entries.set(key, { version: doc.version, generation: this.generation, analysis, blocks });
      return analysis;
    } catch (e) {
      this.log.error(`could not analyse ${doc.uri.toString()}`, e);
      return undefined;
    }
  }

  /**
   * True when {@link get} is cheap for this document now: its analysis is cached, or the document
   * is small, or an earlier version was analysed (only changed blocks are redone), or it is not
   * analysed at all (too large). False for a large document's first full analysis.
   */
  private cheap(doc: vscode.TextDocument): boolean {
    const cached = this.entries.get(doc.uri.toString());
    return (cached?.analysis !== undefined && cached.generation === this.generation) || lengthOf(doc) < TERMS_FIRST || this.isTooLarge(doc);
  }

  /**
   * The analysis of a document without holding up the extension host: when it would take long
   * (a large document's first analysis), it runs in slices, other requests being served in
   * between, and is abandoned if the document changes or closes first (then undefined).
   * `knownText` is the document's text when the caller has just read (and checked) it.
   * `onDidComplete` fires when such an analysis is ready.
   */
  getInSlices(doc: vscode.TextDocument, knownText?: string): Promise<Analysis | undefined> {
    if (this.cheap(doc)) return Promise.resolve(this.get(doc));
    const key = doc.uri.toString();
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
    job.promise = analyzeTextInSlices(text, this.glossary.current, {
      statement: true,
      cache: blocks,
      cancelled: () => job.cancelled || doc.isClosed || doc.version !== job.version || this.generation !== job.generation,
    }).then(
      (analysis) => {
        if (this.jobs.get(key) === job) this.jobs.delete(key);
        if (!analysis || job.cancelled) return undefined;
        record('analysis (in slices, wall clock)', performance.now() - started);
        this.entries.set(key, { version: job.version, generation: job.generation, analysis, blocks });
        this.completed.fire(doc.uri);
        return analysis;
      },
      (e: unknown) => {
        if (this.jobs.get(key) === job) this.jobs.delete(key);
        this.log.error(`could not analyse ${key}`, e);
        return undefined;
      },
    );
    this.jobs.set(key, job);
    return job.promise;
  }

  /** The analysis if it can be had cheaply now (see {@link get}); else undefined, and it is started in slices. */
  getIfReady(doc: vscode.TextDocument): Analysis | undefined {
    if (this.cheap(doc)) return this.get(doc);
    void this.getInSlices(doc);
    return undefined;
  }

  /**
   * For looking up what is at a position (hover, definition): the full analysis when it is cheap
   * now; while a large document's full analysis runs in slices, its terms-only analysis (terms
   * are answered at once, commitments once the full one is ready); else the full one, now.
   */
  getForLookup(doc: vscode.TextDocument): Analysis | undefined {
    if (this.cheap(doc)) return this.get(doc);
    return this.pendingQuick(doc) ?? this.get(doc);
  }

  /** The terms-only analysis made for this version while its full one runs in slices (which it makes sure of), if any. */
  private pendingQuick(doc: vscode.TextDocument): Analysis | undefined {
    const cached = this.entries.get(doc.uri.toString());
    if (!cached?.quick || cached.version !== doc.version || cached.generation !== this.generation) return undefined;
    void this.getInSlices(doc);
    return cached.quick;
  }

  /** The document's text, or undefined after telling the user (once) why it is not analysed. */
  private analysableText(doc: vscode.TextDocument): string | undefined {
    const text = timed('getText', () => doc.getText());
    const why = this.refusal(text);
    if (!why) return text;
    this.tell(doc, why);
    return undefined;
  }

  private cancelJob(key: string): void {
    const job = this.jobs.get(key);
    if (!job) return;
    job.cancelled = true;
    this.jobs.delete(key);
  }

  /**
   * The analysis to highlight a document with. The first time a large document is seen (or after
   * the glossary changed), that is a terms-only analysis — its glossary terms at once, for a
   * fraction of the cost — while the full analysis runs in slices ({@link getInSlices}):
   * `onDidComplete` fires when it is ready. Every other time it is the full analysis, which after
   * an edit costs only the blocks that changed.
   */
  forTokens(doc: vscode.TextDocument): Analysis | undefined {
    if (this.cheap(doc)) return this.get(doc);
    const pending = this.pendingQuick(doc);
    if (pending) return pending;
    const text = this.analysableText(doc);
    if (text === undefined) return undefined;
    const key = doc.uri.toString();
    const cached = this.entries.get(key);
    try {
      const blocks = cached?.blocks ?? new BlockCache();
      const quick = analyzeText(text, this.glossary.current, { statement: true, cache: blocks, termsOnly: true });
      // The entry keeps the block cache (the terms found are reused) and the quick answer.
      this.entries.set(key, { version: doc.version, generation: this.generation, analysis: undefined, quick, blocks });
      void this.getInSlices(doc, text);
      return quick;
    } catch (e) {
      this.log.error(`could not analyse ${doc.uri.toString()}`, e);
      return undefined;
    }
  }

  /**
   * The analysis of part of a document too large to analyse whole: the lines around `range`
   * (at most {@link MAX_WINDOW} characters), with offsets in document terms. Used to highlight
   * the visible part of a huge file. Undefined for binary content.
   */
  window(doc: vscode.TextDocument, range: vscode.Range): { analysis: Analysis; offset: number; text: string } | undefined {
    const startLine = Math.max(0, range.start.line - 50);
    const endLine = Math.min(doc.lineCount - 1, range.end.line + 50);
    let start = doc.offsetAt(new vscode.Position(startLine, 0));
    let end = doc.offsetAt(doc.lineAt(endLine).range.end);
    if (end - start > MAX_WINDOW) {
      const middle = doc.offsetAt(range.start);
      start = Math.max(start, middle - MAX_WINDOW / 2);
      end = Math.min(end, start + MAX_WINDOW);
    }
    const text = doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
    if (text.slice(0, 8192).includes('\u0000')) return undefined;
    try {
      return { analysis: analyzeText(text, this.glossary.current, { statement: start === 0 }), offset: start, text };
    } catch (e) {
      this.log.error(`could not analyse part of ${doc.uri.toString()}`, e);
      return undefined;
    }
  }

  /** True when the document is too large to analyse whole (its visible part can still be highlighted). */
  isTooLarge(doc: vscode.TextDocument): boolean {
    return lengthOf(doc) > settings.maxFileSize();
  }

  /** Why a document is not analysed whole (too large, or binary), or undefined when it is. Cheap. */
  refusalOf(doc: vscode.TextDocument): Refusal | undefined {
    const length = lengthOf(doc);
    const limit = settings.maxFileSize();
    if (length > limit) return { reason: 'tooLarge', length, limit };
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(8192)));
    return head.includes('\u0000') ? { reason: 'binary' } : undefined;
  }

  private refusal(text: string): string | undefined {
    const limit = settings.maxFileSize();
    if (text.length > limit)
      return `is ${(text.length / 1e6).toFixed(1)} million characters long, above the limit of diplomaticAnnotator.maxFileSize (${(limit / 1e6).toFixed(1)} million): only the visible part is highlighted, and hovers and the outline of commitments are off for it. Raise the setting to analyse it whole.`;
    if (text.slice(0, 8192).includes('\u0000')) return 'looks like a binary file: Diplomatic Annotator does not analyse it.';
    return undefined;
  }

  /** Logs, once per document, why it is not analysed (the language status item shows it meanwhile). */
  private tell(doc: vscode.TextDocument, why: string): void {
    const key = doc.uri.toString();
    if (this.refused.has(key)) return;
    this.refused.add(key);
    const name = doc.uri.path.split('/').pop() ?? key;
    this.log.info(`${name} ${why}`);
    this.refusedNow.fire(doc.uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
