/**
 * Where glossary text is parsed. The `yaml` package reads ~0.5 MB/s, and a workspace glossary may
 * be up to 32 MB: parsed in the editor's own thread, an unusual glossary would freeze it (and every
 * other extension) for a minute. So glossaries are parsed by a worker behind a small interface: the
 * worker runs {@link answerParseRequest}; the editor's side is {@link workerGlossaryParser}, which
 * keeps one worker, queues requests, drops superseded ones and survives the worker's death. No
 * platform API is named here: the caller says how to start a worker ({@link SpawnGlossaryWorker}),
 * a Node `worker_threads` Worker today, a Web Worker in a web extension host tomorrow.
 */
import { glossaryFromJson, parseGlossary, type Glossary, type GlossaryEntry, type GlossaryProblem } from './glossary';
import { GlossaryParseCache } from './glossaryEntries';

/** Parses glossary files, somewhere. */
export interface GlossaryParser {
  /**
   * The glossary in `text`, named `file` in its origins and problems; `undefined` when a later
   * call for the same `file` superseded this one (only the latest text of a file matters) or the
   * parser was disposed. Never rejects: whatever goes wrong becomes a problem of that file.
   */
  parse(text: string, file: string): Promise<Glossary | undefined>;
  /** Stops the worker, if any; pending calls resolve to `undefined`. */
  dispose(): void;
}

/** What the editor sends a glossary worker. */
export interface ParseRequest {
  id: number;
  text: string;
  file: string;
}

/** What a glossary worker sends back: `ready` once loaded, then one answer per request. */
export type WorkerMessage = { type: 'ready' } | { type: 'parsed'; id: number; entries: GlossaryEntry[]; problems: GlossaryProblem[] };

/**
 * Answers one request (what the worker runs). The glossary travels as plain data (structured
 * clone); the receiving side rebuilds `byId` with {@link glossaryFromJson}. `cache` keeps the
 * entries of earlier requests (the worker keeps one), so an edit parses only what changed.
 */
export function answerParseRequest(request: ParseRequest, cache?: GlossaryParseCache): WorkerMessage {
  const { entries, problems } = parseGlossary(request.text, request.file, { cache });
  return { type: 'parsed', id: request.id, entries, problems };
}

/** A running worker, as {@link workerGlossaryParser} needs it. */
export interface GlossaryWorkerHandle {
  post(request: ParseRequest): void;
  /** Stops the worker; no callback of this handle is called afterwards. */
  terminate(): void;
}

/**
 * Starts a worker that answers {@link ParseRequest}s; `onMessage` gets each {@link WorkerMessage},
 * `onDeath` is called once if the worker stops by itself (an uncaught error, out of memory, an
 * exit), with a short reason.
 */
export type SpawnGlossaryWorker = (onMessage: (message: WorkerMessage) => void, onDeath: (reason: string) => void) => GlossaryWorkerHandle;

/**
 * Texts up to this many characters are parsed in the calling thread. Measured (Node 20, 2 shared
 * cores; medians of 15): with the `yaml` package (flow mappings) 8.5 K characters take 11.6 ms in
 * the thread and 11.6 ms as a worker round trip, 17 K take 20 and 22 ms, 2 K take 5.5 and 11 ms;
 * the first round trip also starts the worker (~70 ms). So a small glossary costs the editor at
 * most ~20 ms here the first time, never more than a round trip would take, and a workspace of
 * small glossaries never starts a thread at all; after an edit only the entries it changed are
 * parsed again (see `GlossaryParseCache`). Above this size a first parse blocks longer (~1 ms per
 * K, seconds per MB), so the worker takes it.
 */
export const IN_THREAD_MAX_CHARS = 16 * 1024;

/** Parses in the calling thread: where no worker is available. Entries unchanged since the last parse of a file are not parsed again. */
export function inThreadGlossaryParser(): GlossaryParser {
  let disposed = false;
  const cache = new GlossaryParseCache();
  return {
    parse: (text, file) => Promise.resolve(disposed ? undefined : parseGlossary(text, file, { cache })),
    dispose: () => void (disposed = true),
  };
}

/** Options of {@link workerGlossaryParser}. */
export interface WorkerGlossaryParserOptions {
  /** Parse texts up to this many characters in the calling thread; {@link IN_THREAD_MAX_CHARS} by default. */
  inThreadMaxChars?: number;
  /** Told when the worker cannot start at all (the parser then works in the calling thread). */
  onUnavailable?: (reason: string) => void;
}

interface Pending extends ParseRequest {
  resolve: (glossary: Glossary | undefined) => void;
}

/**
 * A {@link GlossaryParser} backed by one worker, started on first need and reused. Requests are
 * answered in order, one at a time; a request for a file replaces the one still queued for it,
 * and stops the worker if it is busy with that file (its answer could only be discarded). If the
 * worker dies while parsing (say, out of memory), that file gets one problem at its start saying
 * so and the next request starts a new worker: nothing is retried, so a text that kills the worker
 * cannot kill it in a loop. If a worker dies before it is even ready, workers are taken as
 * unavailable here and later texts are parsed in the calling thread.
 */
export function workerGlossaryParser(spawn: SpawnGlossaryWorker, options: WorkerGlossaryParserOptions = {}): GlossaryParser {
  const inThreadMax = options.inThreadMaxChars ?? IN_THREAD_MAX_CHARS;
  // Entries of the texts parsed in this thread (the worker keeps its own).
  const cache = new GlossaryParseCache();
  const queue: Pending[] = [];
  let worker: GlossaryWorkerHandle | undefined;
  let ready = false;
  let inFlight: Pending | undefined;
  let unavailable = false;
  let disposed = false;
  let nextId = 1;

  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
    ready = false;
  };
  const pump = () => {
    if (inFlight || disposed) return;
    const next = queue.shift();
    if (!next) return;
    if (unavailable) {
      next.resolve(parseGlossary(next.text, next.file, { cache }));
      pump();
      return;
    }
    if (!worker) start();
    inFlight = next;
    worker!.post({ id: next.id, text: next.text, file: next.file });
  };
  const start = () => {
    ready = false;
    let handle: GlossaryWorkerHandle | undefined;
    const onMessage = (message: WorkerMessage) => {
      if (handle !== worker) return; // a worker stopped since
      if (message.type === 'ready') {
        ready = true;
        return;
      }
      const pending = inFlight;
      if (!pending || pending.id !== message.id) return;
      inFlight = undefined;
      pending.resolve(glossaryFromJson({ entries: message.entries, problems: message.problems }));
      pump();
    };
    const onDeath = (reason: string) => {
      if (handle !== worker) return;
      const wasReady = ready;
      worker = undefined;
      ready = false;
      const pending = inFlight;
      inFlight = undefined;
      if (!wasReady) {
        unavailable = true;
        options.onUnavailable?.(reason);
      }
      // Not parsed again here, even when the worker never started: the text may be what killed it.
      pending?.resolve(failed(pending.file, `this glossary could not be parsed: ${reason}. The other glossaries are still used.`));
      pump();
    };
    try {
      handle = worker = spawn(onMessage, onDeath);
    } catch (e) {
      // Unreachable in practice for a Node worker (it reports failures through onDeath).
      handle = worker = { post: () => onDeath(`the worker could not start (${String(e)})`), terminate: () => {} };
    }
  };

  return {
    parse(text, file) {
      if (disposed) return Promise.resolve(undefined);
      const id = nextId++;
      const queued = queue.findIndex((p) => p.file === file);
      if (queued !== -1) queue.splice(queued, 1)[0].resolve(undefined);
      if (inFlight?.file === file) {
        // Busy with an older text of this very file: stop rather than wait for an answer to drop.
        inFlight.resolve(undefined);
        inFlight = undefined;
        stopWorker();
      }
      if (text.length <= inThreadMax || unavailable) {
        const glossary = parseGlossary(text, file, { cache });
        pump(); // the worker may have been stopped above with other files queued
        return Promise.resolve(glossary);
      }
      return new Promise((resolve) => {
        queue.push({ id, text, file, resolve });
        pump();
      });
    },
    dispose() {
      disposed = true;
      stopWorker();
      inFlight?.resolve(undefined);
      inFlight = undefined;
      for (const p of queue.splice(0)) p.resolve(undefined);
    },
  };
}

/** A glossary with no entries and one error at the start of its file. */
function failed(file: string, message: string): Glossary {
  return { entries: [], byId: new Map(), problems: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message }] };
}
