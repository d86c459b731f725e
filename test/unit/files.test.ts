import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createWriteStream, mkdtempSync, type WriteStream } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readTextFile } from '../../src/node/files';

describe('files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-files-'));
  });

  /** A named pipe fed by `feed`, or undefined where `mkfifo` is missing. */
  function fifo(name: string, feed: (stream: WriteStream) => void): string | undefined {
    const file = path.join(dir, name);
    if (spawnSync('mkfifo', [file]).status !== 0) return undefined;
    const stream = createWriteStream(file);
    // The reader stops early when the input is too large: the writer then meets a broken pipe.
    stream.on('error', () => stream.destroy());
    stream.on('open', () => feed(stream));
    return file;
  }

  it('reads a pipe whole when it ends within the limit', async function () {
    const file = fifo('short', (stream) => {
      stream.write('The two sides ');
      stream.end('will deepen cooperation.');
    });
    if (!file) this.skip();
    assert.deepStrictEqual(await readTextFile(file, { maxBytes: 1024 }), { ok: true, text: 'The two sides will deepen cooperation.' });
  });

  it('stops reading an endless pipe at the limit (its reported size is 0)', async function () {
    const line = 'The two sides will deepen cooperation.\n'.repeat(1000);
    const file = fifo('endless', (stream) => {
      // Writes for as long as the pipe is open, as fast as it is read.
      const pump = () => {
        while (!stream.destroyed && stream.write(line));
        if (!stream.destroyed) stream.once('drain', pump);
      };
      pump();
    });
    if (!file) this.skip();
    assert.deepStrictEqual(await readTextFile(file, { maxBytes: 1 << 20 }), { ok: false, message: 'is too large (the limit is 1 MiB)' });
  });
});
