import * as assert from 'assert';
import * as path from 'path';
import { parseGlossary, type Glossary } from '../../src/core/glossary';
import { answerParseRequest, IN_THREAD_MAX_CHARS, workerGlossaryParser, type GlossaryParser, type SpawnGlossaryWorker } from '../../src/core/glossaryParser';
import { spawnGlossaryWorkerThread } from '../../src/node/glossaryWorkerThread';

/** The worker's entry point as compiled next to this test (out/src/node/glossaryWorker.js). */
const WORKER_SCRIPT = path.resolve(__dirname, '../../src/node/glossaryWorker.js');

/** A glossary of `count` entries written as flow mappings: the `yaml` package's path, not the fast reader's. */
function flowGlossary(count: number, prefix = 'Flow term'): string {
  const lines = ['terms:'];
  for (let i = 0; i < count; i++) lines.push(`  - {term: "${prefix} ${i}", kind: concept, summary: "Entry ${i}."}`);
  return lines.join('\n') + '\n';
}

/** Starts real worker threads, counting starts and terminations. */
function countingSpawn(spawn: SpawnGlossaryWorker = spawnGlossaryWorkerThread(WORKER_SCRIPT)) {
  const counts = { started: 0, terminated: 0 };
  const counted: SpawnGlossaryWorker = (onMessage, onDeath) => {
    counts.started++;
    const handle = spawn(onMessage, onDeath);
    return {
      post: (r) => handle.post(r),
      terminate: () => {
        counts.terminated++;
        handle.terminate();
      },
    };
  };
  return { counts, spawn: counted };
}

describe('glossaryParser', () => {
  let parser: GlossaryParser | undefined;
  afterEach(() => parser?.dispose());

  it('answers a request with plain data that survives a structured clone', () => {
    const text = flowGlossary(3) + '  - {term: Bad, kind: weapon}\n';
    const answer = answerParseRequest({ id: 7, text, file: 'g.yaml' });
    assert.deepStrictEqual(structuredClone(answer), answer);
    assert.ok(answer.type === 'parsed' && answer.id === 7);
    const direct = parseGlossary(text, 'g.yaml');
    assert.deepStrictEqual(answer.entries, direct.entries);
    assert.deepStrictEqual(answer.problems, direct.problems);
  });

  it('parses a large glossary in a worker thread while this thread stays free, with the same result as in the thread', async () => {
    const text = flowGlossary(3000); // ~170 K characters: ~0.3 s on the slow path
    assert.ok(text.length > IN_THREAD_MAX_CHARS);
    const { counts, spawn } = countingSpawn();
    parser = workerGlossaryParser(spawn);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const parsing = parser.parse(text, 'file:///w/big.glossary.yaml');
    const glossary = await parsing;
    assert.ok(timerRan, 'a timer ran while the glossary was being parsed: the parse did not block this thread');
    assert.strictEqual(counts.started, 1);
    assert.deepStrictEqual(glossary, parseGlossary(text, 'file:///w/big.glossary.yaml'));
    assert.strictEqual(glossary?.byId.get('flow-term-2999')?.summary, 'Entry 2999.');
  });

  it('reuses one worker for successive requests, and parses small texts in the thread', async () => {
    const { counts, spawn } = countingSpawn();
    parser = workerGlossaryParser(spawn);
    const small = await parser.parse(flowGlossary(2), 'small');
    assert.strictEqual(counts.started, 0, 'a small glossary does not start a worker');
    assert.strictEqual(small?.entries.length, 2);
    const sizes = [400, 500, 600];
    const results = await Promise.all(sizes.map((n, i) => parser!.parse(flowGlossary(n), `file${i}`)));
    assert.deepStrictEqual(
      results.map((g) => g?.entries.length),
      sizes,
    );
    assert.deepStrictEqual(counts, { started: 1, terminated: 0 });
  });

  it('keeps only the latest text of a file: a queued request is replaced, a running one stopped', async () => {
    const { counts, spawn } = countingSpawn();
    parser = workerGlossaryParser(spawn);
    const other = parser.parse(flowGlossary(2000, 'Other'), 'other');
    const queued = parser.parse(flowGlossary(1000, 'Old'), 'file');
    const latest = parser.parse(flowGlossary(1000, 'New'), 'file');
    assert.strictEqual(await queued, undefined, 'superseded while queued');
    assert.strictEqual((await other)?.entries[0].term, 'Other 0');
    assert.strictEqual((await latest)?.entries[0].term, 'New 0');
    assert.deepStrictEqual(counts, { started: 1, terminated: 0 });

    const running = parser.parse(flowGlossary(3000, 'Slow'), 'file');
    await new Promise((r) => setTimeout(r, 0)); // posted to the worker
    const replacing = parser.parse(flowGlossary(500, 'Fast'), 'file');
    assert.strictEqual(await running, undefined, 'superseded while running');
    assert.strictEqual((await replacing)?.entries[0].term, 'Fast 0');
    assert.deepStrictEqual(counts, { started: 2, terminated: 1 }, 'the busy worker was stopped and a new one started');
  });

  it('reports a worker that runs out of memory as a problem of that file, and starts a new worker for the next one', async () => {
    const { counts, spawn } = countingSpawn(spawnGlossaryWorkerThread(WORKER_SCRIPT, { maxOldGenerationSizeMb: 16 }));
    parser = workerGlossaryParser(spawn);
    const killer = await parser.parse(flowGlossary(40_000), 'file:///w/huge.glossary.yaml');
    assert.deepStrictEqual(
      killer?.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}`),
      ['file:///w/huge.glossary.yaml:1:1 error this glossary could not be parsed: the parser ran out of memory. The other glossaries are still used.'],
    );
    assert.strictEqual(killer?.entries.length, 0);
    const next = await parser.parse(flowGlossary(500), 'file:///w/next.glossary.yaml');
    assert.strictEqual(next?.entries.length, 500);
    assert.deepStrictEqual(next?.problems, []);
    assert.strictEqual(counts.started, 2);
  });

  it('falls back to the thread when no worker can start, saying why once', async () => {
    const reasons: string[] = [];
    parser = workerGlossaryParser(spawnGlossaryWorkerThread(path.join(__dirname, 'no-such-worker.js')), { onUnavailable: (r) => reasons.push(r) });
    const first = await parser.parse(flowGlossary(500), 'first');
    assert.match(first?.problems[0]?.message ?? '', /^this glossary could not be parsed: the parser failed \(Cannot find module/);
    const second = await parser.parse(flowGlossary(500), 'second');
    assert.strictEqual(second?.entries.length, 500);
    assert.strictEqual(reasons.length, 1);
  });

  it('stops its worker on dispose and answers pending requests with nothing', async () => {
    const { counts, spawn } = countingSpawn();
    parser = workerGlossaryParser(spawn);
    const pending: Promise<Glossary | undefined>[] = [parser.parse(flowGlossary(3000), 'a'), parser.parse(flowGlossary(3000), 'b')];
    parser.dispose();
    assert.deepStrictEqual(await Promise.all(pending), [undefined, undefined]);
    assert.deepStrictEqual(counts, { started: 1, terminated: 1 });
    assert.strictEqual(await parser.parse(flowGlossary(1), 'c'), undefined);
  });
});
