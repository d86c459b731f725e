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

  describe('with the calling thread taking tasks (local)', () => {
    async function collectLocal(tasks: number[], script: string, workers: number, local: (n: number) => number | Promise<number>) {
      const delivered: [number, PoolOutcome<number>][] = [];
      const threads = new Set<string>();
      await runInWorkers<number, number>(tasks, { script, workers, local }, (i, outcome) => delivered.push([i, outcome]));
      for (const [, o] of delivered) if (o.ok) threads.add(o.value >= 1000 ? 'worker' : 'main');
      return { delivered, threads };
    }

    it('shares the tasks between this thread and the workers, delivered in task order', async () => {
      // The worker marks its answers (+1000); this thread's are the task itself. The worker takes
      // time to start, so this thread gets tasks; the worker's first two come from its start.
      const script = workerScript('marks', `(n) => n + 1000`);
      const tasks = Array.from({ length: 40 }, (_, i) => i);
      const { delivered, threads } = await collectLocal(tasks, script, 2, async (n) => {
        await new Promise((r) => setTimeout(r, 5));
        return n;
      });
      assert.deepStrictEqual(
        delivered.map(([i, o]) => [i, o.ok && o.value % 1000]),
        tasks.map((n) => [n, n]),
      );
      assert.deepStrictEqual([...threads].sort(), ['main', 'worker']);
    });

    it('starts one worker fewer than workers: with workers 1, no worker at all', async () => {
      const { delivered, threads } = await collectLocal([1, 2, 3], path.join(dir, 'never-started.js'), 1, (n) => n * 2);
      assert.deepStrictEqual(delivered, [
        [0, { ok: true, value: 2 }],
        [1, { ok: true, value: 4 }],
        [2, { ok: true, value: 6 }],
      ]);
      assert.deepStrictEqual([...threads], ['main']);
    });

    it('fails only the task whose work throws on this thread', async () => {
      const { delivered } = await collectLocal([1, 2, 3], path.join(dir, 'never-started-either.js'), 1, (n) => {
        if (n === 2) throw new Error('broken on two');
        return n;
      });
      assert.deepStrictEqual(delivered, [
        [0, { ok: true, value: 1 }],
        [1, { ok: false, reason: 'it failed on the main thread: broken on two' }],
        [2, { ok: true, value: 3 }],
      ]);
    });

    it('finishes every task on this thread when the worker cannot start', async () => {
      const { delivered } = await collectLocal([1, 2, 3, 4, 5, 6], path.join(dir, 'missing-worker.js'), 2, (n) => n);
      // The tasks the worker held when it failed are reported as failed; all the others are done here.
      const failed = delivered.filter(([, o]) => !o.ok).map(([i]) => i);
      assert.ok(failed.length <= 2, `at most the tasks the worker held fail: ${failed.join(', ')}`);
      assert.deepStrictEqual(
        delivered.map(([i]) => i),
        [0, 1, 2, 3, 4, 5],
      );
      for (const [i, o] of delivered) if (o.ok) assert.strictEqual(o.value, i + 1);
    });
  });

  it('ends at once with no tasks', async () => {
    assert.deepStrictEqual(await collect<number, number>([], path.join(dir, 'unused.js'), 4), []);
  });
});
