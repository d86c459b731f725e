/**
 * The statements of the workspace, open or not, for the features that look across them (Find All
 * References, Go to Symbol in Workspace, the term timeline). Files are found by the endings of
 * the `diplomaticAnnotator.languages` (see `corpusFileGlob`), read through `workspace.fs` (so it
 * works on the web and in virtual workspaces) and analysed through the shared analysis cache,
 * one at a time and only when asked, now and then giving the host its turn and checking the
 * cancellation token. An open document is read from its editor (unsaved edits count). Files above
 * `diplomaticAnnotator.maxFileSize`, binary files and files that cannot be read are left out.
 * The list of files and the closed files read are kept between requests (Go to Symbol asks at
 * every keystroke): the list until a file is created or deleted, a file until it changes on disk
 * or the analyses become stale (another glossary, another size limit).
 */
import * as vscode from 'vscode';
import type { CorpusDocument } from '../core/corpusIndex';
import { termAt } from '../core/analyze';
import { corpusFileGlob, entryAtGlossaryLine, type LanguageContribution } from '../core/corpusIndex';
import type { GlossaryEntry } from '../core/glossary';
import { decodeText } from '../core/decode';
import type { AnalysisCache } from './analysisCache';
import type { Logger } from './logger';
import { settings } from './settings';

/** A document of the workspace corpus, with its URI (its `file` is the path relative to the workspace). */
export interface WorkspaceCorpusDocument extends CorpusDocument {
  uri: vscode.Uri;
}

/** The most files looked at (a workspace with more is cut there, and the log says so once). */
export const MAX_CORPUS_FILES = 5000;

/** How long the corpus works before giving the host its turn, in milliseconds. */
const SLICE_MS = 15;

/** See module doc. */
export class WorkspaceCorpus implements vscode.Disposable {
  private toldCut = false;
  /** The files the glob found, until one is created or deleted (or the glob changes). */
  private found: { glob: string | undefined; files: Promise<vscode.Uri[]> } | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** Closed files read and analysed, until they change on disk or the analyses become stale. */
  private readonly read = new Map<string, WorkspaceCorpusDocument>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly log: Logger,
  ) {
    this.disposables = [cache.onDidInvalidate(() => this.read.clear())];
  }

  /** The files of the corpus: those the glob finds, and the open documents of the languages. */
  async files(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const languages = settings.languages();
    const found = await this.foundFiles(corpusFileGlob(languages, languageContributions()));
    if (token?.isCancellationRequested) return [];
    const open = vscode.workspace.textDocuments.filter((d) => languages.includes(d.languageId)).map((d) => d.uri);
    const seen = new Set<string>();
    const out: vscode.Uri[] = [];
    for (const uri of [...open, ...found]) {
      const key = uri.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(uri);
    }
    return out.sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  /** The files `glob` finds, searched again only when files were created or deleted since. */
  private foundFiles(glob: string | undefined): Promise<vscode.Uri[]> {
    if (this.found && this.found.glob === glob) return this.found.files;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.read.clear();
    if (!glob) {
      this.found = { glob, files: Promise.resolve([]) };
      return this.found.files;
    }
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    const forget = (uri: vscode.Uri) => this.read.delete(uri.toString());
    watcher.onDidCreate(() => (this.found = undefined));
    watcher.onDidDelete((uri) => {
      this.found = undefined;
      forget(uri);
    });
    watcher.onDidChange(forget);
    this.watcher = watcher;
    // Not cancelled with a request's token: other requests wait for the same search.
    const files = Promise.resolve(vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_CORPUS_FILES)).then((list) => {
      if (list.length >= MAX_CORPUS_FILES && !this.toldCut) {
        this.toldCut = true;
        this.log.info(`the workspace has more than ${MAX_CORPUS_FILES} statements: references, symbols and timelines look at the first ${MAX_CORPUS_FILES}`);
      }
      return list;
    });
    this.found = { glob, files };
    return files;
  }

  /**
   * The analysed documents of the corpus, one at a time (see module doc); stops when `token` is
   * cancelled.
   */
  async *documents(token?: vscode.CancellationToken): AsyncGenerator<WorkspaceCorpusDocument> {
    const files = await this.files(token);
    let sliceStart = performance.now();
    for (const uri of files) {
      if (token?.isCancellationRequested) return;
      const doc = await this.document(uri);
      if (doc) yield doc;
      // Give the host its turn now and then: typing stays responsive during a long search.
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
    this.read.clear();
  }

  /** One analysed document; undefined when it is left out (see module doc). */
  async document(uri: vscode.Uri): Promise<WorkspaceCorpusDocument | undefined> {
    const file = vscode.workspace.asRelativePath(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    try {
      if (open) {
        const analysis = await this.cache.whenReady(open);
        return analysis && { uri, file, text: open.getText(), analysis };
      }
      const known = this.read.get(uri.toString());
      if (known) return known;
      const stat = await vscode.workspace.fs.stat(uri);
      // A character takes at most 3 bytes of UTF-8 (4 for two UTF-16 units): more bytes than
      // that cannot fit the limit, and the file is not even read.
      if (stat.size > 3 * settings.maxFileSize()) return undefined;
      const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) return undefined;
      const analysis = await this.cache.whenReadyFile(uri, decoded.text, stat.mtime);
      if (!analysis) return undefined;
      const read = { uri, file, text: decoded.text, analysis };
      this.read.set(uri.toString(), read);
      return read;
    } catch (e) {
      // Deleted since it was found, or unreadable: left out, as the module doc says.
      this.log.info(`${file} is left out of the workspace's statements: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}

/**
 * The glossary entry at `position`: the term there in a statement, or the entry whose `id:` or
 * `term:` line it is in a workspace glossary file. Undefined elsewhere.
 */
export function entryAtPosition(doc: vscode.TextDocument, position: vscode.Position, cache: AnalysisCache): GlossaryEntry | undefined {
  const glossary = cache.glossary;
  if (glossary.isGlossaryFile(doc)) {
    return entryAtGlossaryLine(glossary.current.glossary.entries, doc.uri.toString(), position.line + 1, doc.lineAt(position.line).text);
  }
  if (!settings.languages().includes(doc.languageId)) return undefined;
  const analysis = cache.now(doc);
  return analysis && termAt(analysis, doc.offsetAt(position))?.entry;
}

/** The languages the installed extensions contribute, with their file endings. */
function languageContributions(): LanguageContribution[] {
  const out: LanguageContribution[] = [];
  for (const extension of vscode.extensions.all) {
    const languages: unknown = (extension.packageJSON as { contributes?: { languages?: unknown } } | undefined)?.contributes?.languages;
    if (!Array.isArray(languages)) continue;
    for (const l of languages as { id?: unknown; extensions?: unknown }[]) {
      if (typeof l?.id !== 'string') continue;
      const extensions = Array.isArray(l.extensions) ? l.extensions.filter((e): e is string => typeof e === 'string') : [];
      out.push({ id: l.id, extensions });
    }
  }
  return out;
}
