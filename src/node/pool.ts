/**
 * A small pool of Node worker threads for the CLI's per-file work: each worker takes one task at a
 * time, results are handed over in task order (so the output of `--jobs N` is that of `--jobs 1`),
 * and a worker that dies costs its own task only — the task is reported as failed, a new worker
 * takes the remaining ones.
 */
import { Worker, parentPort } from 'worker_threads';

/** A task's result, or why the worker running it stopped without one. */
export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; reason: string };

/** Options of {@link runInWorkers}. */
export interface PoolOptions {
  /** The worker's script: it calls {@link serveTasks}. */
  script: string;
  /** How many workers at most (never more than there are tasks). */
  workers: number;
  /** Given to every worker as `workerData` (structured clone: done once per worker). */
  workerData?: unknown;
}

interface TaskMessage<T> {
  index: number;
  task: T;
}

interface ResultMessage<R> {
  index: number;
  result: R;
}

/**
 * Runs every task on worker threads and calls `deliver` once per task, in task order (a result
 * that comes early waits for those before it). Resolves when every task is delivered.
 */
export function runInWorkers<T, R>(tasks: readonly T[], options: PoolOptions, deliver: (index: number, outcome: PoolOutcome<R>) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const finished: (PoolOutcome<R> | undefined)[] = new Array(tasks.length);
    let nextTask = 0;
    let nextDelivery = 0;
    let settled = false;
    const flush = () => {
      try {
        while (nextDelivery < tasks.length && finished[nextDelivery]) {
          const outcome = finished[nextDelivery]!;
          finished[nextDelivery] = undefined;
          deliver(nextDelivery++, outcome);
        }
      } catch (e) {
        settled = true;
        reject(e);
        return;
      }
      if (nextDelivery === tasks.length && !settled) {
        settled = true;
        resolve();
      }
    };
    const start = () => {
      const worker = new Worker(options.script, { workerData: options.workerData });
      let current = -1;
      let ended = false;
      const giveNext = () => {
        if (nextTask >= tasks.length || settled) {
          ended = true;
          void worker.terminate();
          return;
        }
        current = nextTask++;
        worker.postMessage({ index: current, task: tasks[current] } satisfies TaskMessage<T>);
      };
      worker.on('message', (message: ResultMessage<R>) => {
        if (ended || message.index !== current) return;
        finished[current] = { ok: true, value: message.result };
        current = -1;
        giveNext();
        flush();
      });
      const die = (reason: string) => {
        if (ended) return;
        ended = true;
        void worker.terminate();
        if (current >= 0) {
          finished[current] = { ok: false, reason };
          current = -1;
        }
        // The tasks left need a worker: this one's replacement.
        if (nextTask < tasks.length && !settled) start();
        flush();
      };
      worker.on('error', (e: Error & { code?: string }) =>
        die(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'its worker thread ran out of memory' : `its worker thread failed: ${e.message}`),
      );
      worker.on('messageerror', (e) => die(`its worker thread's answer could not be read: ${e.message}`));
      worker.on('exit', (code) => die(`its worker thread stopped with exit code ${code}`));
      giveNext();
    };
    if (tasks.length === 0) {
      settled = true;
      resolve();
      return;
    }
    for (let i = 0; i < Math.min(Math.max(1, options.workers), tasks.length); i++) start();
  });
}

/** In a worker started by {@link runInWorkers}: answers each task with `handle`'s result. */
export function serveTasks<T, R>(handle: (task: T) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', async (message: TaskMessage<T>) => {
    port.postMessage({ index: message.index, result: await handle(message.task) } satisfies ResultMessage<R>);
  });
}
