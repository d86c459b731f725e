/**
 * The merged glossary the editor features use: the built-in one (precompiled at build time) plus
 * every workspace glossary matching `diplomaticAnnotator.glossary.files`. Workspace files are read
 * through `vscode.workspace.fs` (remote and virtual workspaces work), re-read when they change on
 * disk or as they are edited, and their problems shown as diagnostics. A broken workspace glossary
 * never takes the built-in entries down: its usable entries merge, its problems are reported.
 * Their text is parsed by the {@link GlossaryParser} given (a worker thread in the extension), so
 * an unusual or hostile glossary never blocks the editor while it is read.
 */
import * as vscode from 'vscode';
import type { CompiledGlossary } from '../core/analyze';
import { decodeText } from '../core/decode';
import type { Event } from '../core/events';
import { glossaryFromJson, type GlossaryEntry, type GlossaryProblem } from '../core/glossary';
import type { GlossaryParser } from '../core/glossaryParser';
import { GlossaryStore, type GlossaryChange } from '../core/glossaryStore';
import type { Logger } from './logger';
import { settings } from './settings';

/** Where a glossary entry is defined, as a URI and 1-based line. */
export interface EntryLocation {
  uri: vscode.Uri;
  line: number;
  column: number;
  /** True for a workspace glossary (its Markdown is shown untrusted). */
  workspace: boolean;
}

/** See module doc. */
export class GlossaryService implements vscode.Disposable {
  /** The merged glossary and each file's problems: the core's store, fed with what is read here. */
  readonly store: GlossaryStore;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('diplomatic-annotator-glossary');
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  /** Fires after the merged glossary changed (`matching` false when only text shown about entries did). */
  readonly onDidChange: Event<GlossaryChange>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    builtinJson: unknown,
    private readonly log: Logger,
    /** Parses workspace glossaries; disposed with this service. */
    parser: GlossaryParser,
    /** The built-in glossary's matcher, precompiled at build time (used while no workspace glossary adds entries). */
    builtinMatcher?: Uint8Array,
  ) {
    this.store = new GlossaryStore(glossaryFromJson(builtinJson), {
      builtinMatcher,
      parser,
      includeBuiltin: () => settings.includeBuiltin(),
      maxAgeDays: () => settings.glossaryMaxAgeDays(),
      mergeOrder: 'name',
    });
    this.onDidChange = this.store.onDidChange;
    this.disposables.push(
      this.store.onDidChange(() => this.publish()),
      this.diagnostics,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('diplomaticAnnotator.glossary')) void this.reloadAll();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reloadAll()),
    );
  }

  /** The merged glossary, compiled for matching. */
  get current(): CompiledGlossary {
    return this.store.current;
  }

  /** Finds and loads every workspace glossary; call once after construction. */
  async reloadAll(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.store.clear();
    this.diagnostics.clear();
    const patterns = settings.glossaryFiles();
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate((uri) => void this.loadFile(uri));
      watcher.onDidChange((uri) => void this.loadFile(uri));
      watcher.onDidDelete((uri) => this.forget(uri));
      this.watchers.push(watcher);
    }
    const found = await Promise.all(patterns.map((p) => vscode.workspace.findFiles(p, '**/node_modules/**')));
    const uris = new Map<string, vscode.Uri>();
    for (const list of found) for (const uri of list) uris.set(uri.toString(), uri);
    await Promise.all([...uris.values()].map((uri) => this.loadFile(uri, false)));
    this.store.merge();
  }

  /** True when `uri` is a workspace glossary file (matches the setting). */
  isGlossaryFile(doc: vscode.TextDocument): boolean {
    return settings.glossaryFiles().some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
  }

  /** Where an entry is defined. */
  locate(entry: GlossaryEntry): EntryLocation | undefined {
    const file = entry.origin.file;
    if (!file) return undefined;
    const workspace = this.store.has(file);
    const uri = workspace ? vscode.Uri.parse(file) : vscode.Uri.joinPath(this.extensionUri, file);
    return { uri, line: entry.origin.line, column: entry.origin.column, workspace };
  }

  /** The workspace glossary files loaded now. */
  workspaceFiles(): vscode.Uri[] {
    return this.store.fileNames().map((k) => vscode.Uri.parse(k));
  }

  private onEdit(doc: vscode.TextDocument): void {
    if (!this.isGlossaryFile(doc)) return;
    // Validate as the user types, a little after the last keystroke.
    const key = doc.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        void this.store.setText(key, doc.getText());
      }, 250),
    );
  }

  private async loadFile(uri: vscode.Uri, merge = true): Promise<void> {
    const key = uri.toString();
    try {
      // An open editor's text is newer than the disk.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (open) {
        await this.store.setText(key, open.getText(), { merge });
        return;
      }
      const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
      if (decoded.ok) await this.store.setText(key, decoded.text, { merge });
      else this.store.setProblem(key, `this glossary ${decoded.message}`, { merge });
    } catch (e) {
      if (isFileSystemError(e, 'FileIsADirectory')) {
        this.forget(uri, merge); // a folder named like a glossary
      } else if (isFileSystemError(e, 'FileNotFound')) {
        // Gone since it was found, or a symbolic link to nothing (which the user should hear about).
        const dangling = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
          () => true,
          () => false,
        );
        if (dangling) this.store.setProblem(key, 'this glossary is a symbolic link to a file that does not exist', { merge });
        else this.forget(uri, merge);
      } else {
        this.log.error(`could not read glossary ${key}`, e);
        this.forget(uri, merge);
      }
    }
  }

  private forget(uri: vscode.Uri, merge = true): void {
    this.diagnostics.delete(uri);
    this.store.delete(uri.toString(), { merge });
  }

  /** Shows every workspace glossary's problems as diagnostics. */
  private publish(): void {
    for (const file of this.store.fileNames()) this.diagnostics.set(vscode.Uri.parse(file), this.store.problemsOf(file).map(toDiagnostic));
  }

  dispose(): void {
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.store.dispose();
  }
}

function toDiagnostic(p: GlossaryProblem): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
  let end = new vscode.Position(Math.max(0, p.endLine - 1), Math.max(0, p.endColumn - 1));
  if (!end.isAfter(start)) end = start.translate(0, 1);
  const d = new vscode.Diagnostic(new vscode.Range(start, end), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'Diplomatic Annotator';
  if (p.code) d.code = p.code;
  return d;
}

/** True when `e` is a FileSystemError of that kind (its `code`, or the provider's name for it in `name`). */
function isFileSystemError(e: unknown, code: 'FileNotFound' | 'FileIsADirectory'): boolean {
  if (!(e instanceof vscode.FileSystemError)) return false;
  const providerName = code === 'FileNotFound' ? 'EntryNotFound' : 'EntryIsADirectory';
  return e.code === code || e.name.includes(providerName);
}
