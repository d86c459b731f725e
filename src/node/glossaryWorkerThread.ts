/**
 * Glossary workers as Node `worker_threads` (the desktop and remote extension hosts run on Node).
 */
import { Worker, type ResourceLimits } from 'worker_threads';
import type { SpawnGlossaryWorker, WorkerMessage } from '../core/glossaryParser';

/**
 * Old-generation heap of a glossary worker. Parsing the largest glossary accepted (32 MB) with the
 * `yaml` package needs far less; a text that needs more stops the worker with
 * ERR_WORKER_OUT_OF_MEMORY instead of growing the editor's process without bound.
 */
export const GLOSSARY_WORKER_HEAP_MB = 2048;

/** Starts workers running `script` (the bundled `glossaryWorker.js`). */
export function spawnGlossaryWorkerThread(script: string, resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: GLOSSARY_WORKER_HEAP_MB }): SpawnGlossaryWorker {
  return (onMessage, onDeath) => {
    const worker = new Worker(script, { resourceLimits });
    let alive = true;
    const die = (reason: string) => {
      if (!alive) return;
      alive = false;
      void worker.terminate();
      onDeath(reason);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (alive) onMessage(message);
    });
    worker.on('messageerror', (e) => die(`its answer could not be read (${e.message})`));
    worker.on('error', (e: Error & { code?: string }) => die(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the parser ran out of memory' : `the parser failed (${e.message})`));
    worker.on('exit', (code) => die(`the parser stopped (exit code ${code})`));
    return {
      post: (request) => worker.postMessage(request),
      terminate: () => {
        alive = false;
        void worker.terminate();
      },
    };
  };
}
