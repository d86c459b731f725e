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
import { compileGlossary, loadCompiledGlossary, type CompiledGlossary } from '../core/analyze';
import { decodeText } from '../core/decode';
import { findStaleEntries, glossaryFromJson, mergeGlossaries, type Glossary, type GlossaryEntry, type GlossaryProblem } from '../core/glossary';
import type { GlossaryParser } from '../core/glossaryParser';
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
  private builtin: Glossary;
  private readonly workspaceGlossaries = new Map<string, Glossary>();
  /** Compiled on first use, so activation does not pay for it. */
  private compiledGlossary: CompiledGlossary | undefined;
  private mergedGlossary: Glossary;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('diplomatic-annotator-glossary');
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest parse asked for each file: an answer to an older one, or for a file forgotten since, is dropped. */
  private readonly latestParse = new Map<string, object>();
  /** Fires after the merged glossary changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    builtinJson: unknown,
    private readonly log: Logger,
    /** Parses workspace glossaries; disposed with this service. */
    private readonly parser: GlossaryParser,
    /** The built-in glossary's matcher, precompiled at build time (used while no workspace glossary adds entries). */
    private readonly builtinMatcher?: Uint8Array,
  ) {
    this.builtin = glossaryFromJson(builtinJson);
    this.mergedGlossary = this.builtin;
    this.disposables.push(
      this.changed,
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
    return (this.compiledGlossary ??= this.mergedGlossary === this.builtin ? loadCompiledGlossary(this.builtin, this.builtinMatcher) : compileGlossary(this.mergedGlossary));
  }

  /** Finds and loads every workspace glossary; call once after construction. */
  async reloadAll(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.workspaceGlossaries.clear();
    this.latestParse.clear();
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
    this.rebuild();
  }

  /** True when `uri` is a workspace glossary file (matches the setting). */
  isGlossaryFile(doc: vscode.TextDocument): boolean {
    return settings.glossaryFiles().some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
  }

  /** Where an entry is defined. */
  locate(entry: GlossaryEntry): EntryLocation | undefined {
    const file = entry.origin.file;
    if (!file) return undefined;
    const workspace = this.workspaceGlossaries.has(file);
    const uri = workspace ? vscode.Uri.parse(file) : vscode.Uri.joinPath(this.extensionUri, file);
    return { uri, line: entry.origin.line, column: entry.origin.column, workspace };
  }

  /** The workspace glossary files loaded now. */
  workspaceFiles(): vscode.Uri[] {
    return [...this.workspaceGlossaries.keys()].map((k) => vscode.Uri.parse(k));
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
        void this.setGlossary(doc.uri, doc.getText()).then((set) => set && this.rebuild());
      }, 250),
    );
  }

  private async loadFile(uri: vscode.Uri, rebuild = true): Promise<void> {
    try {
      // An open editor's text is newer than the disk.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string;
      if (open) text = open.getText();
      else {
        const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
        if (!decoded.ok) {
          this.setProblem(uri, `this glossary ${decoded.message}`);
          if (rebuild) this.rebuild();
          return;
        }
        text = decoded.text;
      }
      if (!(await this.setGlossary(uri, text))) return; // superseded: the later load rebuilds
    } catch (e) {
      if (isFileSystemError(e, 'FileIsADirectory')) {
        this.forget(uri, false); // a folder named like a glossary
      } else if (isFileSystemError(e, 'FileNotFound')) {
        // Gone since it was found, or a symbolic link to nothing (which the user should hear about).
        const dangling = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
          () => true,
          () => false,
        );
        if (dangling) this.setProblem(uri, 'this glossary is a symbolic link to a file that does not exist');
        else this.forget(uri, false);
      } else {
        this.log.error(`could not read glossary ${uri.toString()}`, e);
        this.forget(uri, false);
      }
    }
    if (rebuild) this.rebuild();
  }

  /** Parses and records a glossary; false when a later parse or load of that file superseded this one. */
  private async setGlossary(uri: vscode.Uri, text: string): Promise<boolean> {
    const key = uri.toString();
    const ticket = {};
    this.latestParse.set(key, ticket);
    const glossary = await this.parser.parse(text, key);
    if (!glossary || this.latestParse.get(key) !== ticket) return false;
    this.latestParse.delete(key);
    this.workspaceGlossaries.set(key, glossary);
    this.publish(uri);
    return true;
  }

  /** Records a glossary that cannot be read as one problem at its start. */
  private setProblem(uri: vscode.Uri, message: string): void {
    this.latestParse.delete(uri.toString());
    this.workspaceGlossaries.set(uri.toString(), {
      entries: [],
      byId: new Map(),
      problems: [{ file: uri.toString(), line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message }],
    });
    this.publish(uri);
  }

  private forget(uri: vscode.Uri, rebuild = true): void {
    this.latestParse.delete(uri.toString());
    this.workspaceGlossaries.delete(uri.toString());
    this.diagnostics.delete(uri);
    if (rebuild) this.rebuild();
  }

  private publish(uri: vscode.Uri, extra: GlossaryProblem[] = []): void {
    const g = this.workspaceGlossaries.get(uri.toString());
    // A reference to an id the file does not define is a problem only if no glossary defines it:
    // merging decides, and reports it (in `extra`), once. An `asOf` older than the configured age
    // is a warning on the entry; "today" is now.
    const stale = g ? findStaleEntries(g.entries, new Date(), settings.glossaryMaxAgeDays()) : [];
    const problems = [...(g?.problems ?? []).filter((p) => !p.reference), ...stale, ...extra];
    this.diagnostics.set(uri, problems.map(toDiagnostic));
  }

  private rebuild(): void {
    const parts = settings.includeBuiltin() ? [this.builtin] : [];
    const files = [...this.workspaceGlossaries.keys()].sort();
    for (const f of files) parts.push(this.workspaceGlossaries.get(f)!);
    const merged = mergeGlossaries(parts);
    // Problems that come from merging (a form claimed by the built-in glossary and a workspace one,
    // a `see` across files) belong to the workspace file named in them.
    const byFile = new Map<string, GlossaryProblem[]>();
    for (const p of merged.problems) {
      if (!this.workspaceGlossaries.has(p.file)) continue;
      if (this.workspaceGlossaries.get(p.file)!.problems.includes(p)) continue;
      (byFile.get(p.file) ?? byFile.set(p.file, []).get(p.file)!).push(p);
    }
    for (const f of files) this.publish(vscode.Uri.parse(f), byFile.get(f) ?? []);
    // Nothing added to the built-in entries (no workspace glossary, or only empty ones): keep the
    // built-in glossary itself, whose matcher comes precompiled.
    const unchanged = parts[0] === this.builtin && merged.entries.length === this.builtin.entries.length && merged.entries.every((e, i) => e === this.builtin.entries[i]);
    this.mergedGlossary = unchanged ? this.builtin : merged;
    this.compiledGlossary = undefined;
    this.changed.fire();
  }

  dispose(): void {
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.parser.dispose();
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
