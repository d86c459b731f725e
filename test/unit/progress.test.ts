import * as assert from 'assert';
import { ProgressLine, progressWanted } from '../../src/node/progress';

describe('progress', () => {
  it('is wanted on a terminal only, and never in CI', () => {
    assert.strictEqual(progressWanted({ isTTY: true }, {}), true);
    assert.strictEqual(progressWanted({ isTTY: true }, { CI: 'false' }), true);
    assert.strictEqual(progressWanted({ isTTY: false }, {}), false);
    assert.strictEqual(progressWanted({}, {}), false);
    assert.strictEqual(progressWanted({ isTTY: true }, { CI: 'true' }), false);
    assert.strictEqual(progressWanted({ isTTY: true }, { CI: '1' }), false);
  });

  it('stays silent at first, then redraws one line at most every interval, and clears it', () => {
    let now = 0;
    let written = '';
    const line = new ProgressLine(3, (t) => (written += t), { afterMs: 1000, everyMs: 100, now: () => now });
    line.update(1, 'a.statement');
    line.clear();
    assert.strictEqual(written, '', 'nothing before a second');
    now = 1500;
    line.update(2, 'b.statement');
    now = 1550;
    line.update(3, 'skipped.statement');
    assert.strictEqual(written, '\r\x1b[K[2/3] b.statement');
    line.clear();
    line.clear();
    assert.strictEqual(written, '\r\x1b[K[2/3] b.statement\r\x1b[K');
  });

  it('keeps the line within the terminal, the end of a long name, and strips control characters', () => {
    let written = '';
    const line = new ProgressLine(1, (t) => (written += t), { afterMs: 0, columns: 30, now: () => 0 });
    line.update(1, `corpus/\u001b[2J${'long-name-'.repeat(10)}end.statement`);
    const shown = written.slice('\r\x1b[K'.length);
    assert.ok(!shown.includes('\u001b'), JSON.stringify(shown));
    assert.strictEqual(shown.length, 29);
    assert.strictEqual(shown, '[1/1] …ong-name-end.statement');
    written = '';
    // A terminal that reports no width: 80 columns.
    new ProgressLine(1, (t) => (written += t), { afterMs: 0, columns: 0, now: () => 0 }).update(1, 'x'.repeat(100));
    assert.strictEqual(written.length - '\r\x1b[K'.length, 79);
  });
});
