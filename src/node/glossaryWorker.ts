/**
 * The glossary worker's entry point (bundled to `dist/glossaryWorker.js`): answers each
 * {@link ParseRequest} from the thread that started it. See `core/glossaryParser.ts`.
 */
import { parentPort } from 'worker_threads';
import { GlossaryParseCache } from '../core/glossaryEntries';
import { answerParseRequest, type ParseRequest, type WorkerMessage } from '../core/glossaryParser';

const port = parentPort;
if (port) {
  const cache = new GlossaryParseCache();
  port.on('message', (request: ParseRequest) => port.postMessage(answerParseRequest(request, cache) satisfies WorkerMessage));
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
