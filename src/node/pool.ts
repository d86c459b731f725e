/**
 * A small pool of Node worker threads for the CLI's per-file work: each worker runs one task at a
 * time, results are handed over in task order (so the output of `--jobs N` is that of `--jobs 1`),
 * and a worker that dies costs its own task only — the task is reported as failed, a new worker
 * takes the remaining ones. The calling thread may take tasks too (`local`): then `workers`
 * threads work with one worker fewer to start, and work starts at once, not once a worker is up.
 */
import { Worker, parentPort } from 'worker_threads';

/** A task's result, or why the worker running it stopped without one. */
export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; reason: string };

/** Options of {@link runInWorkers}. */
export interface PoolOptions<T = unknown, R = unknown> {
  /** The worker's script: it calls {@link serveTasks}. */
  script: string;
  /** How many threads at most (never more than there are tasks), the calling thread included when it takes tasks. */
  workers: number;
  /** Given to every worker as `workerData` (structured clone: done once per worker). */
  workerData?: unknown;
  /**
   * The task's work on the calling thread, which then takes tasks as one of `workers`: the same
   * results as a worker's, between two tasks it serves the workers' messages. An exception fails
   * its own task, like a worker that fails.
   */
  local?: (task: T) => R | Promise<R>;
}

/**
 * Tasks a worker holds at once: the one it runs and the next, so that it never waits for the main
 * thread between two (a task that is not under way when its worker dies goes to another).
 */
const TASKS_HELD = 2;

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
export function runInWorkers<T, R>(tasks: readonly T[], options: PoolOptions<T, R>, deliver: (index: number, outcome: PoolOutcome<R>) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const finished: (PoolOutcome<R> | undefined)[] = new Array(tasks.length);
    let nextTask = 0;
    // Tasks given to a worker that died before starting them: given again first.
    const retry: number[] = [];
    const pending = () => retry.length > 0 || nextTask < tasks.length;
    const take = () => (retry.length > 0 ? retry.shift()! : nextTask++);
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
      // The tasks this worker holds, in the order it runs them: the first is the one under way.
      const held: number[] = [];
      let ended = false;
      const fill = () => {
        while (held.length < TASKS_HELD && pending() && !settled) {
          const index = take();
          held.push(index);
          worker.postMessage({ index, task: tasks[index] } satisfies TaskMessage<T>);
        }
        if (held.length === 0) {
          ended = true;
          void worker.terminate();
        }
      };
      worker.on('message', (message: ResultMessage<R>) => {
        if (ended || message.index !== held[0]) return;
        held.shift();
        finished[message.index] = { ok: true, value: message.result };
        fill();
        flush();
      });
      const die = (reason: string) => {
        if (ended) return;
        ended = true;
        void worker.terminate();
        // The task under way is the one that killed it; the others it held go to another worker.
        const [current, ...waiting] = held;
        if (current !== undefined) finished[current] = { ok: false, reason };
        retry.unshift(...waiting);
        if (pending() && !settled) start();
        flush();
      };
      // An error is followed by 'exit'; the answers the worker posted before it arrive in between,
      // so the task blamed is the one that was under way.
      let failure: string | undefined;
      worker.on('error', (e: Error & { code?: string }) => {
        failure ??= e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'its worker thread ran out of memory' : `its worker thread failed: ${e.message}`;
      });
      worker.on('messageerror', (e) => die(`its worker thread's answer could not be read: ${e.message}`));
      worker.on('exit', (code) => die(failure ?? `its worker thread stopped with exit code ${code}`));
      fill();
    };
    // The calling thread's share: one task after the other, as long as there are tasks left.
    const runLocally = async (handle: (task: T) => R | Promise<R>) => {
      while (pending() && !settled) {
        const index = take();
        try {
          finished[index] = { ok: true, value: await handle(tasks[index]) };
        } catch (e) {
          finished[index] = { ok: false, reason: `it failed on the main thread: ${e instanceof Error ? e.message : String(e)}` };
        }
        flush();
      }
    };
    if (tasks.length === 0) {
      settled = true;
      resolve();
      return;
    }
    const threads = Math.min(Math.max(1, options.workers), tasks.length);
    for (let i = options.local ? 1 : 0; i < threads; i++) start();
    if (options.local) void runLocally(options.local);
  });
}

/**
 * In a worker started by {@link runInWorkers}: answers each task with `handle`'s result, one task
 * after the other in the order they came (even when `handle` is asynchronous).
 */
export function serveTasks<T, R>(handle: (task: T) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) return;
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: TaskMessage<T>) => {
    previous = previous.then(async () => {
      port.postMessage({ index: message.index, result: await handle(message.task) } satisfies ResultMessage<R>);
    });
  });
}
