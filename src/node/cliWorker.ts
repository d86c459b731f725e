/**
 * The CLI's worker thread (bundled to `dist/cliWorker.js`) for `extract --jobs N`: it loads the
 * glossary the main thread compiled — the glossary itself and its matcher as bytes (see
 * `serializeCompiledGlossary`), so no worker compiles it again — then extracts each file it is given.
 */
import { workerData } from 'worker_threads';
import { loadCompiledGlossary } from '../core/analyze';
import { extractFile, type ExtractTask } from './extractFile';
import { serveTasks } from './pool';
import type { SharedGlossary } from './extractRun';

const shared = workerData as SharedGlossary;
const compiled = loadCompiledGlossary(shared.glossary, shared.matcher);
serveTasks((task: ExtractTask) => extractFile(task, compiled));
