/**
 * The progress line of long CLI runs: `[37/100] corpus/file.statement` on stderr, redrawn in place,
 * only on a terminal — never in a pipe or a log file, and never in CI, whose logs keep every
 * carriage return as a new line.
 */
import { displayText } from '../core/display';

/** Whether a progress line suits this stderr: a terminal, outside CI (`CI` set and not `false`/`0`). */
export function progressWanted(stderr: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return stderr.isTTY === true && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

/** Options of {@link ProgressLine}. */
export interface ProgressOptions {
  /** Nothing is shown before this many milliseconds: short runs stay silent. */
  afterMs: number;
  /** At most one redraw per this many milliseconds (default 100). */
  everyMs?: number;
  /** The terminal's width, to keep the line on one row (default, and when 0, 80). */
  columns?: number;
  /** The clock (tests). */
  now?: () => number;
}

/**
 * A line `[done/total] file` redrawn with a carriage return. Call {@link clear} before writing
 * anything else to the same stream, and at the end.
 */
export class ProgressLine {
  private readonly started: number;
  private lastDrawn = -Infinity;
  private shown = false;
  private readonly now: () => number;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** `done` of the inputs are finished, the last being `file`. */
  update(done: number, file: string): void {
    const now = this.now();
    if (now - this.started < this.options.afterMs || now - this.lastDrawn < (this.options.everyMs ?? 100)) return;
    this.lastDrawn = now;
    const count = `[${done}/${this.total}] `;
    const name = displayText(file);
    // One row (a wrapped line could not be redrawn in place); a long name keeps its end, the file's own name.
    // A terminal that reports no width (0) is taken as 80 columns.
    const room = Math.max(10, (this.options.columns || 80) - 1 - count.length);
    this.write(`\r\x1b[K${count}${name.length > room ? '…' + name.slice(name.length - room + 1) : name}`);
    this.shown = true;
  }

  /** Erases the line if it is shown (it comes back at the next update). */
  clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}
