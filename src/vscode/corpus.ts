/**
 * The statements of the workspace, open or not, for the features that look across them (Find All
 * References, Go to Symbol in Workspace, the term timeline). Files are found by the endings of
 * the `diplomaticAnnotator.languages` (see `corpusFileGlob`), read through `workspace.fs` (so it
 * works on the web and in virtual workspaces) and analysed through the shared analysis cache,
 * one at a time and only when asked, between them giving the host its turn and checking the
 * cancellation token. An open document is read from its editor (unsaved edits count). Files above
 * `diplomaticAnnotator.maxFileSize`, binary files and files that cannot be read are left out.
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

/** See module doc. */
export class WorkspaceCorpus {
  private toldCut = false;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly log: Logger,
  ) {}

  /** The files of the corpus: those the glob finds, and the open documents of the languages. */
  async files(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const languages = settings.languages();
    const glob = corpusFileGlob(languages, languageContributions());
    const found = glob ? await vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_CORPUS_FILES, token) : [];
    if (found.length >= MAX_CORPUS_FILES && !this.toldCut) {
      this.toldCut = true;
      this.log.info(`the workspace has more than ${MAX_CORPUS_FILES} statements: references, symbols and timelines look at the first ${MAX_CORPUS_FILES}`);
    }
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

  /**
   * The analysed documents of the corpus, one at a time (see module doc); stops when `token` is
   * cancelled.
   */
  async *documents(token?: vscode.CancellationToken): AsyncGenerator<WorkspaceCorpusDocument> {
    const files = await this.files(token);
    for (const uri of files) {
      if (token?.isCancellationRequested) return;
      const doc = await this.document(uri);
      if (doc) yield doc;
      // Give the host its turn between files: typing stays responsive during a long search.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
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
      const stat = await vscode.workspace.fs.stat(uri);
      // A character takes at most 3 bytes of UTF-8 (4 for two UTF-16 units): more bytes than
      // that cannot fit the limit, and the file is not even read.
      if (stat.size > 3 * settings.maxFileSize()) return undefined;
      const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) return undefined;
      const analysis = await this.cache.whenReadyFile(uri, decoded.text, stat.mtime);
      return analysis && { uri, file, text: decoded.text, analysis };
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
