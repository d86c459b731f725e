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

interface Entry {
  version: number;
  generation: number;
  analysis: Analysis;
  /** Per-block results reused after an edit: only changed blocks are analysed again. */
  blocks: BlockCache;
}

/** See module doc. */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly refused = new Set<string>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  /** Fires when every cached analysis became stale (the glossary changed). */
  readonly onDidInvalidate = this.changed.event;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly log: Logger,
  ) {
    this.disposables = [
      this.changed,
      glossary.onDidChange(() => {
        // Keep the entries (their block caches notice the new glossary); the generation marks them stale.
        this.generation++;
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
    if (cached && cached.version === doc.version && cached.generation === this.generation) return cached.analysis;
    const blocks = cached?.blocks ?? new BlockCache();
    const text = doc.getText();
    const why = this.refusal(text);
    if (why) {
      this.tell(doc, why);
      return undefined;
    }
    try {
      const started = Date.now();
      const analysis = analyzeText(text, this.glossary.current, { statement: true, cache: blocks });
      const ms = Date.now() - started;
      if (ms > 500) this.log.info(`analysed ${doc.uri.toString()} (${text.length} characters) in ${ms} ms`);
      this.entries.set(key, { version: doc.version, generation: this.generation, analysis, blocks });
      return analysis;
    } catch (e) {
      this.log.error(`could not analyse ${doc.uri.toString()}`, e);
      return undefined;
    }
  }

  private refusal(text: string): string | undefined {
    const limit = settings.maxFileSize();
    if (text.length > limit) return `is ${(text.length / 1e6).toFixed(1)} million characters long, above the limit of diplomaticAnnotator.maxFileSize (${(limit / 1e6).toFixed(1)} million): highlighting, hovers and the outline of commitments are off for it. Raise the setting to analyse it.`;
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
