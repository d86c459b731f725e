/**
 * One analysis per document version, shared by every feature (hover, tokens, outline, tree), and
 * invalidated when the glossary changes. Documents above `diplomaticAnnotator.maxFileSize`, or
 * with binary content, are not analysed: the user is told once, plainly, instead of the editor freezing.
 */
import * as vscode from 'vscode';
import { BlockCache, analyzeText, type Analysis } from '../core/analyze';
import type { GlossaryService } from './glossaryService';
import type { Logger } from './logger';
import { settings } from './settings';
import { timed } from './timings';

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
  /** Per-block results reused after an edit: only changed blocks are analysed again. */
  blocks: BlockCache;
}

/** See module doc. */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly refused = new Set<string>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly completed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's full analysis is ready after {@link forTokens} gave a terms-only one. */
  readonly onDidComplete = this.completed.event;
  private readonly disposables: vscode.Disposable[];
  /** Fires when every cached analysis became stale (the glossary changed). */
  readonly onDidInvalidate = this.changed.event;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly log: Logger,
  ) {
    this.disposables = [
      this.changed,
      this.completed,
      glossary.onDidChange(() => {
        // Keep the entries (their block caches notice the new glossary); the generation marks them stale.
        this.generation++;
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('diplomaticAnnotator.maxFileSize')) return;
        this.generation++;
        this.refused.clear();
        this.changed.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.entries.delete(d.uri.toString());
        this.refused.delete(d.uri.toString());
      }),
    ];
  }

  /** The analysis of a document, or undefined when it is too large or not a text. Never throws. */
  get(doc: vscode.TextDocument): Analysis | undefined {
    const key = doc.uri.toString();
    const cached = this.entries.get(key);
    if (cached?.analysis && cached.version === doc.version && cached.generation === this.generation) return this.isTooLarge(doc) ? undefined : cached.analysis;
    const blocks = cached?.blocks ?? new BlockCache();
    const text = timed('getText', () => doc.getText());
    const why = this.refusal(text);
    if (why) {
      this.tell(doc, why);
      return undefined;
    }
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
   * The analysis to highlight a document with. The first time a large document is seen (or after
   * the glossary changed), that is a terms-only analysis — its glossary terms at once, for a
   * fraction of the cost — and the full analysis runs right after, off the request:
   * `onDidComplete` fires when it is ready. Every other time it is the full analysis, which after
   * an edit costs only the blocks that changed.
   */
  forTokens(doc: vscode.TextDocument): Analysis | undefined {
    const key = doc.uri.toString();
    const cached = this.entries.get(key);
    const warm = cached !== undefined && cached.generation === this.generation;
    if (warm || lengthOf(doc) < TERMS_FIRST || this.isTooLarge(doc)) return this.get(doc);
    const text = doc.getText();
    const why = this.refusal(text);
    if (why) {
      this.tell(doc, why);
      return undefined;
    }
    try {
      const blocks = cached?.blocks ?? new BlockCache();
      const quick = analyzeText(text, this.glossary.current, { statement: true, cache: blocks, termsOnly: true });
      // The entry keeps the block cache (the terms found are reused) but no analysis yet.
      this.entries.set(key, { version: doc.version, generation: this.generation, analysis: undefined, blocks });
      setTimeout(() => {
        if (doc.isClosed || !this.entries.has(key)) return;
        if (this.get(doc)) this.completed.fire(doc.uri);
      }, 0);
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

  private refusal(text: string): string | undefined {
    const limit = settings.maxFileSize();
    if (text.length > limit)
      return `is ${(text.length / 1e6).toFixed(1)} million characters long, above the limit of diplomaticAnnotator.maxFileSize (${(limit / 1e6).toFixed(1)} million): only the visible part is highlighted, and hovers and the outline of commitments are off for it. Raise the setting to analyse it whole.`;
    if (text.slice(0, 8192).includes('\u0000')) return 'looks like a binary file: Diplomatic Annotator does not analyse it.';
    return undefined;
  }

  private tell(doc: vscode.TextDocument, why: string): void {
    const key = doc.uri.toString();
    if (this.refused.has(key)) return;
    this.refused.add(key);
    const name = doc.uri.path.split('/').pop() ?? key;
    this.log.info(`${name} ${why}`);
    void vscode.window.showInformationMessage(`Diplomatic Annotator: ${name} ${why}`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'diplomaticAnnotator.maxFileSize');
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
