import * as assert from 'assert';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runInWorkers, type PoolOutcome } from '../../src/node/pool';

/** The compiled pool module, for the worker scripts the tests write. */
const POOL = path.join(__dirname, '../../src/node/pool.js');

describe('pool', () => {
  let dir: string;
  /** A worker script that answers each task with `body` (a function of `task`, may be async). */
  const workerScript = (name: string, body: string) => {
    const file = path.join(dir, `${name}.js`);
    writeFileSync(file, `const { serveTasks } = require(${JSON.stringify(POOL)});\nconst { workerData } = require('worker_threads');\nserveTasks(${body});\n`);
    return file;
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-pool-'));
  });

  async function collect<T, R>(tasks: T[], script: string, workers: number, workerData?: unknown) {
    const delivered: [number, PoolOutcome<R>][] = [];
    await runInWorkers<T, R>(tasks, { script, workers, workerData }, (i, outcome) => delivered.push([i, outcome]));
    return delivered;
  }

  it('delivers every result in task order, whatever order the workers finish in', async () => {
    // Early tasks take longest, so later ones finish first.
    const script = workerScript('slow-first', `async (n) => { await new Promise((r) => setTimeout(r, (10 - n) * 15)); return n * workerData.factor; }`);
    const tasks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const delivered = await collect<number, number>(tasks, script, 3, { factor: 2 });
    assert.deepStrictEqual(
      delivered,
      tasks.map((n) => [n, { ok: true, value: n * 2 }]),
    );
  });

  it('fails only the task whose worker dies, and finishes the others on a new worker', async () => {
    const script = workerScript('dies-on-3', `(n) => { if (n === 3) process.exit(5); return n + 100; }`);
    const delivered = await collect<number, number>([1, 2, 3, 4, 5, 6], script, 2);
    assert.deepStrictEqual(delivered, [
      [0, { ok: true, value: 101 }],
      [1, { ok: true, value: 102 }],
      [2, { ok: false, reason: 'its worker thread stopped with exit code 5' }],
      [3, { ok: true, value: 104 }],
      [4, { ok: true, value: 105 }],
      [5, { ok: true, value: 106 }],
    ]);
  });

  it('names an exception that escapes the worker', async () => {
    const script = workerScript('throws', `(n) => { if (n === 2) throw new Error('broken on two'); return n; }`);
    const delivered = await collect<number, number>([1, 2, 3], script, 2);
    assert.deepStrictEqual(delivered, [
      [0, { ok: true, value: 1 }],
      [1, { ok: false, reason: 'its worker thread failed: broken on two' }],
      [2, { ok: true, value: 3 }],
    ]);
  });

  it('reports every task when no worker can start, and ends', async () => {
    const delivered = await collect<number, number>([1, 2, 3], path.join(dir, 'no-such-worker.js'), 2);
    assert.deepStrictEqual(
      delivered.map(([i, o]) => [i, o.ok]),
      [
        [0, false],
        [1, false],
        [2, false],
      ],
    );
    assert.match((delivered[0][1] as { reason: string }).reason, /^its worker thread failed: Cannot find module/);
  });

  it('ends at once with no tasks', async () => {
    assert.deepStrictEqual(await collect<number, number>([], path.join(dir, 'unused.js'), 4), []);
  });
});
