/**
 * `extract` over many inputs: on the CLI's own thread, or on it and worker threads (`--jobs N`: N
 * threads in all) that share one compiled glossary, the results handed over in input order either way.
 */
import * as path from 'path';
import type { CompiledGlossary } from '../core/analyze';
import type { Glossary } from '../core/glossary';
import { extractFile, type ExtractOutcome, type ExtractTask } from './extractFile';
import { runInWorkers } from './pool';

/** What a worker needs to analyse: the glossary and its compiled matcher, as bytes. */
export interface SharedGlossary {
  glossary: Glossary;
  matcher: Uint8Array;
}

/** Options of {@link extractAll}. */
export interface ExtractRunOptions {
  /** Threads at most, this one included; 1 (or a single task) works on this thread, without workers. */
  jobs: number;
  /** The glossary compiled, for work on this thread. */
  compiled: () => CompiledGlossary;
  /** The glossary for workers (asked for only when there are workers). */
  shared: () => SharedGlossary;
  /** The worker's script (tests replace it); default `cliWorker.js` beside this code. */
  workerScript?: string;
}

/** The bundled worker (`dist/cliWorker.js`), or the compiled `cliWorker.js` beside this module in tests. */
export const CLI_WORKER_SCRIPT = path.join(__dirname, 'cliWorker.js');

/**
 * Extracts every task and calls `deliver` once per task, in task order. A worker that dies fails
 * its own task (with the reason, named like any other analysis failure); the others go on.
 */
export async function extractAll(tasks: readonly ExtractTask[], options: ExtractRunOptions, deliver: (index: number, outcome: ExtractOutcome) => void): Promise<void> {
  const workers = Math.min(options.jobs, tasks.length);
  if (workers <= 1) {
    const compiled = tasks.length > 0 ? options.compiled() : undefined;
    for (let i = 0; i < tasks.length; i++) deliver(i, await extractFile(tasks[i], compiled!));
    return;
  }
  // This thread takes tasks too: one worker fewer to start and to send the glossary to, and the
  // first files are under way while the workers start.
  const compiled = options.compiled();
  const pool = { script: options.workerScript ?? CLI_WORKER_SCRIPT, workers, workerData: options.shared(), local: (task: ExtractTask) => extractFile(task, compiled) };
  await runInWorkers<ExtractTask, ExtractOutcome>(tasks, pool, (i, outcome) =>
    deliver(i, outcome.ok ? outcome.value : { ok: false, message: `could not be analysed (${outcome.reason})` }),
  );
}
