/**
 * The glossary the features use, as one service for the editor and the command line: the built-in
 * glossary plus any number of glossary files, merged and compiled for matching, with each file's
 * problems. The host only reads files and says when they change ({@link GlossaryStore.setText},
 * {@link GlossaryStore.delete}): the editor through `workspace.fs` and its events, the CLI through
 * `fs`. A broken file never takes the other entries down: its usable entries merge, its problems
 * are reported on it.
 *
 * An edit costs what it changes. The merged glossary is compiled on first use, from the built-in
 * glossary's precompiled matcher while nothing is added to it. After an edit that leaves every
 * field matching depends on as it was ({@link matchingKey}: a summary, the details, sources, `see`
 * or `asOf` edited), the compiled glossary is kept, its entries take the new text in place (so
 * analyses made with it, and the hovers they give, show it), and {@link GlossaryChange.matching}
 * says analyses need not be redone.
 */
import { compileGlossary, loadCompiledGlossary, type CompiledGlossary } from './analyze';
import { Emitter, type Event } from './events';
import { findStaleEntries, mergeGlossaries, type Glossary, type GlossaryEntry, type GlossaryProblem } from './glossary';
import { inThreadGlossaryParser, type GlossaryParser } from './glossaryParser';

/** Options of a {@link GlossaryStore}. */
export interface GlossaryStoreOptions {
  /** The built-in glossary's matcher, precompiled at build time (used while no file adds entries). */
  builtinMatcher?: Uint8Array;
  /** Parses the files' text (a worker in the editor); in the calling thread by default. Disposed with the store. */
  parser?: GlossaryParser;
  /** Whether the built-in glossary is merged under the files (read at every merge); true by default. */
  includeBuiltin?: () => boolean;
  /** Warn about entries whose `asOf` is older than this many days (read when problems are asked for); 0, the default, turns it off. */
  maxAgeDays?: () => number;
  /**
   * The order files merge in (a later file's entry replaces an earlier one with the same id):
   * `added`, the order they were first set in (the CLI's `--glossary` order), by default; `name`,
   * sorted by name, for a host that finds its files in no stable order (the editor).
   */
  mergeOrder?: 'added' | 'name';
  /** Today, for the `asOf` warnings; the clock by default. */
  today?: () => Date;
}

/** What a merge changed (see {@link GlossaryStore.onDidChange}). */
export interface GlossaryChange {
  /**
   * True when the glossary matches differently (an entry, a form, a kind, a party … added,
   * removed or changed): analyses made before are stale. False when only text shown about entries
   * changed, or problems.
   */
  matching: boolean;
}

/** Options of the calls that change a file: `merge: false` defers the merge to a later {@link GlossaryStore.merge}. */
export interface StoreUpdateOptions {
  merge?: boolean;
}

/** See module doc. */
export class GlossaryStore {
  private readonly files = new Map<string, Glossary>();
  /** The latest parse asked for each file: an answer to an older one, or for a file deleted since, is dropped. */
  private readonly latestParse = new Map<string, object>();
  private mergedGlossary: Glossary;
  private compiledGlossary: CompiledGlossary | undefined;
  /** Problems the merge found, by the file they are in (the built-in glossary's are the build's concern). */
  private problemsByFile = new Map<string, GlossaryProblem[]>();
  private readonly parser: GlossaryParser;
  private readonly changed = new Emitter<GlossaryChange>();
  /** Fires after each merge. */
  readonly onDidChange: Event<GlossaryChange> = this.changed.event;

  constructor(
    /** The built-in glossary (merged first, under every file). */
    readonly builtin: Glossary,
    private readonly options: GlossaryStoreOptions = {},
  ) {
    this.parser = options.parser ?? inThreadGlossaryParser();
    this.mergedGlossary = this.includeBuiltin() ? builtin : mergeGlossaries([]);
  }

  /** The merged glossary, compiled for matching (compiled on first use). */
  get current(): CompiledGlossary {
    return (this.compiledGlossary ??=
      this.mergedGlossary === this.builtin ? loadCompiledGlossary(this.builtin, this.options.builtinMatcher) : compileGlossary(this.mergedGlossary));
  }

  /** The merged glossary: the built-in one and every file's entries. */
  get merged(): Glossary {
    return this.mergedGlossary;
  }

  /** The files set now, in merge order. */
  fileNames(): string[] {
    const names = [...this.files.keys()];
    return this.options.mergeOrder === 'name' ? names.sort() : names;
  }

  /** True when `file` is one of the files set. */
  has(file: string): boolean {
    return this.files.has(file);
  }

  /** The glossary parsed from `file` alone, if it is set. */
  glossaryOf(file: string): Glossary | undefined {
    return this.files.get(file);
  }

  /**
   * Parses `text` as the glossary file `file` and merges it. False when a later `setText` or
   * `delete` of that file came first (this text is then dropped, and the later call merges).
   */
  async setText(file: string, text: string, options: StoreUpdateOptions = {}): Promise<boolean> {
    const ticket = {};
    this.latestParse.set(file, ticket);
    let glossary: Glossary | undefined;
    try {
      glossary = await this.parser.parse(text, file);
    } catch (e) {
      // A parser never rejects by contract; if one does, the file says so rather than vanishing.
      glossary = problemGlossary(file, `this glossary could not be parsed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!glossary || this.latestParse.get(file) !== ticket) return false;
    this.latestParse.delete(file);
    this.files.set(file, glossary);
    if (options.merge !== false) this.merge();
    return true;
  }

  /** Records `file` as a glossary that cannot be read: no entries, one error at its start (`message`). */
  setProblem(file: string, message: string, options: StoreUpdateOptions = {}): void {
    this.latestParse.delete(file);
    this.files.set(file, problemGlossary(file, message));
    if (options.merge !== false) this.merge();
  }

  /** Forgets `file` (deleted, or no longer a glossary). */
  delete(file: string, options: StoreUpdateOptions = {}): void {
    this.latestParse.delete(file);
    const had = this.files.delete(file);
    if (had && options.merge !== false) this.merge();
  }

  /** Forgets every file, without merging (call {@link merge} once they are set again). */
  clear(): void {
    this.files.clear();
    this.latestParse.clear();
  }

  /**
   * The problems of `file`: its own (syntax, validation), those of the merge (a form claimed by
   * an entry of another file, a reference no glossary defines), and entries whose `asOf` is old.
   */
  problemsOf(file: string): GlossaryProblem[] {
    const own = this.files.get(file);
    if (!own) return [];
    const maxAgeDays = this.options.maxAgeDays?.() ?? 0;
    const stale = maxAgeDays > 0 ? findStaleEntries(own.entries, this.options.today?.() ?? new Date(), maxAgeDays) : [];
    return [...(this.problemsByFile.get(file) ?? []), ...stale];
  }

  /**
   * Merges the built-in glossary and the files again, then fires {@link onDidChange}. Called by
   * every change unless it was asked not to (to merge many files once).
   */
  merge(): void {
    const parts = this.includeBuiltin() ? [this.builtin] : [];
    for (const name of this.fileNames()) parts.push(this.files.get(name)!);
    const merged = mergeGlossaries(parts);
    this.problemsByFile = new Map();
    for (const p of merged.problems) {
      if (!this.files.has(p.file)) continue;
      (this.problemsByFile.get(p.file) ?? this.problemsByFile.set(p.file, []).get(p.file)!).push(p);
    }
    // Nothing added to the built-in entries (no file, or only empty ones): keep the built-in
    // glossary itself, whose matcher comes precompiled.
    const unchanged = parts[0] === this.builtin && merged.entries.length === this.builtin.entries.length && merged.entries.every((e, i) => e === this.builtin.entries[i]);
    const next = unchanged ? this.builtin : merged;
    const previous = this.mergedGlossary;
    if (next === previous) {
      this.changed.fire({ matching: false });
      return;
    }
    const kept = this.keepEntries(previous, next);
    if (kept) {
      this.mergedGlossary = kept;
      if (this.compiledGlossary) this.compiledGlossary.glossary = kept;
      this.changed.fire({ matching: false });
      return;
    }
    this.mergedGlossary = next;
    this.compiledGlossary = undefined;
    this.changed.fire({ matching: true });
  }

  /**
   * When `next` matches as `previous` does (entry by entry, see {@link matchingKey}): `next` made of
   * `previous`'s entry objects, each given its new text — the compiled matcher and the analyses
   * made with it refer to those objects. Undefined when anything matching depends on changed, or
   * when a built-in entry would have to take another entry's text (the built-in glossary is never
   * changed).
   */
  private keepEntries(previous: Glossary, next: Glossary): Glossary | undefined {
    if (previous.entries.length !== next.entries.length) return undefined;
    const builtin = new Set(this.builtin.entries);
    for (let i = 0; i < next.entries.length; i++) {
      const before = previous.entries[i];
      const after = next.entries[i];
      if (before === after) continue;
      if (builtin.has(before) || builtin.has(after) || matchingKey(before) !== matchingKey(after)) return undefined;
    }
    const entries = previous.entries;
    for (let i = 0; i < entries.length; i++) if (entries[i] !== next.entries[i]) takeFields(entries[i], next.entries[i]);
    return { entries, byId: new Map(entries.map((e) => [e.id, e])), problems: next.problems };
  }

  /** Stops the parser. */
  dispose(): void {
    this.changed.dispose();
    this.parser.dispose();
  }

  private includeBuiltin(): boolean {
    return this.options.includeBuiltin?.() ?? true;
  }
}

/**
 * What of an entry matching and analysis depend on — its id, forms, kind, case rule, blocks,
 * members and party — as one string: two entries with the same key find the same terms and
 * commitments. Its summary, details, sources, `see`, `asOf` and origin are left out (hovers and
 * links read them from the entry when they are shown).
 */
export function matchingKey(entry: GlossaryEntry): string {
  return JSON.stringify([entry.id, entry.term, entry.kind, entry.aliases, entry.caseSensitive ?? null, entry.blocks ?? [], entry.members ?? [], entry.party ?? null]);
}

/** Makes `target` a copy of `source`, field for field (fields `source` lacks are removed). */
function takeFields(target: GlossaryEntry, source: GlossaryEntry): void {
  const t = target as unknown as Record<string, unknown>;
  for (const key of Object.keys(t)) if (!(key in source)) delete t[key];
  Object.assign(target, source);
}

/** A glossary with no entries and one error at the start of `file`. */
function problemGlossary(file: string, message: string): Glossary {
  return { entries: [], byId: new Map(), problems: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message }] };
}
