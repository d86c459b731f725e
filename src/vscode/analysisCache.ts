/**
 * The editor's side of the core's {@link CoreAnalysisCache}: it passes VS Code's documents in,
 * and tells the cache when the glossary matches differently, the size limit changes or a document
 * closes. Features ask {@link AnalysisCache.now} (the best analysis at once: a large document's
 * first is its terms only while the full one runs in slices) or {@link AnalysisCache.whenReady}
 * (the full analysis, as a promise).
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { AnalysisCache as CoreAnalysisCache, type AnalysisDocument } from '../core/analysisCache';
import type { Refusal } from '../core/languageStatus';
import type { GlossaryService } from './glossaryService';
import type { Logger } from './logger';
import { settings } from './settings';
import { record, timed } from './timings';

/** A VS Code document as the core cache reads it: live (version and text are read when asked). */
export function analysisDocument(doc: vscode.TextDocument): AnalysisDocument {
  return {
    uri: doc.uri.toString(),
    get version() {
      // A closed document will not be asked for again: its analysis in slices can stop.
      return doc.isClosed ? -1 : doc.version;
    },
    get text() {
      return doc.getText();
    },
    // Without copying the text.
    get length() {
      return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    },
    head: (length) => doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(length))),
  };
}

/** See module doc. */
export class AnalysisCache implements vscode.Disposable {
  private readonly cache: CoreAnalysisCache;
  private readonly disposables: { dispose(): void }[];
  /** Fires when a full analysis made in slices is ready (after {@link now} gave a terms-only one, say). */
  readonly onDidComplete: (listener: (uri: vscode.Uri) => void) => vscode.Disposable;
  /** Fires when every cached analysis became stale (the glossary matches differently, or the size limit changed). */
  readonly onDidInvalidate: (listener: () => void) => vscode.Disposable;
  /** Fires when a document is found too large or binary, once until it closes or the limit changes. */
  readonly onDidRefuse: (listener: (uri: vscode.Uri) => void) => vscode.Disposable;

  constructor(
    /** The glossaries analyses are made with (features name parties and terms from it). */
    readonly glossary: GlossaryService,
    log: Logger,
  ) {
    this.cache = new CoreAnalysisCache({ glossary: () => glossary.current, maxFileSize: () => settings.maxFileSize(), log, timed, record });
    this.onDidComplete = (listener) => this.cache.onDidComplete((uri) => listener(vscode.Uri.parse(uri)));
    this.onDidInvalidate = (listener) => this.cache.onDidInvalidate(listener);
    this.onDidRefuse = (listener) => this.cache.onDidRefuse((uri) => listener(vscode.Uri.parse(uri)));
    this.disposables = [
      this.cache,
      glossary.onDidChange((change) => {
        // Only text shown about entries changed (a summary, say): the analyses stand.
        if (change.matching) this.cache.invalidate();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('diplomaticAnnotator.maxFileSize')) this.cache.invalidate({ limit: true });
      }),
      // Trusting the workspace lets its own maxFileSize apply.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.cache.invalidate({ limit: true })),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.close(d.uri.toString())),
    ];
  }

  /** The best analysis at once; undefined when the document is not analysed (see the core's `now`). */
  now(doc: vscode.TextDocument): Analysis | undefined {
    return this.cache.now(analysisDocument(doc));
  }

  /** The full analysis, in slices when it is long; undefined when abandoned or not analysed (see the core's `whenReady`). */
  whenReady(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    return this.cache.whenReady(analysisDocument(doc));
  }

  /**
   * The full analysis of a file that is not open, its text read by the caller: cached under its
   * URI and modification time (`mtime`, so a file changed on disk is analysed again; an editor
   * opening it analyses its own versions). Undefined when it is not analysed (too large, binary).
   */
  whenReadyFile(uri: vscode.Uri, text: string, mtime: number): Promise<Analysis | undefined> {
    // Negative: never the version of an open document (those count from 1).
    return this.cache.whenReady({ uri: uri.toString(), version: -1 - Math.max(0, mtime), text });
  }

  /** Why a document is not analysed (too large, or binary), or undefined when it is; logged once. Cheap. */
  refusalOf(doc: vscode.TextDocument): Refusal | undefined {
    return this.cache.refusalOf(analysisDocument(doc));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
