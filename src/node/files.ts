/**
 * Reading user files safely from Node (the CLI): text encodings, and a clear refusal for what is
 * not a text — a directory, a binary file, a broken link, a file too large to read.
 */
import { promises as fs } from 'fs';
import { decodeText } from '../core/decode';

/**
 * Inputs larger than this are refused (the editor has its own, configurable, limit). An analysis
 * takes about 30 times its input in memory, so 64 MiB stays well inside Node's default heap; a
 * larger limit would only turn the refusal into an out-of-memory abort.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The result of reading a file: its text, or why it cannot be used. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Options of {@link readTextFile}. */
export interface ReadOptions {
  /** Refuse inputs larger than this many bytes (default {@link MAX_INPUT_BYTES}). */
  maxBytes?: number;
}

/**
 * Reads a text file (UTF-8 with or without BOM, or UTF-16 with BOM); never throws. The bytes are
 * counted as they are read, not taken from the reported size, so a device (`/dev/zero`), a pipe or
 * a file that grows is cut off at the limit too.
 */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(path, maxBytes);
  } catch (e) {
    return { ok: false, message: await describeError(path, e as NodeJS.ErrnoException) };
  }
  if (bytes === undefined) return { ok: false, message: `is too large (the limit is ${formatBytes(maxBytes)})` };
  try {
    return decodeText(bytes);
  } catch (e) {
    // TextDecoder refuses to build a string longer than the engine allows.
    return { ok: false, message: `cannot be decoded (${(e as Error).message})` };
  }
}

/** The file's bytes, or undefined when there are more than `maxBytes` of them. */
async function readAtMost(path: string, maxBytes: number): Promise<Buffer | undefined> {
  const handle = await fs.open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > maxBytes) return undefined;
    // A regular file in one read (plus one byte, to see it grow); anything else in 1 MiB pieces.
    const pieceSize = stat.isFile() && stat.size > 0 ? Math.min(stat.size + 1, maxBytes + 1) : Math.min(1 << 20, maxBytes + 1);
    const pieces: Buffer[] = [];
    let total = 0;
    for (;;) {
      const piece = Buffer.allocUnsafe(Math.min(pieceSize, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(piece, 0, piece.length, null);
      if (bytesRead === 0) break;
      // A short read from a pipe keeps a copy of what came, not the whole 1 MiB piece.
      pieces.push(bytesRead * 2 >= piece.length ? piece.subarray(0, bytesRead) : Buffer.from(piece.subarray(0, bytesRead)));
      total += bytesRead;
      if (total > maxBytes) return undefined;
    }
    return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, total);
  } finally {
    await handle.close();
  }
}

/** Why a file could not be opened or read, in words. */
async function describeError(path: string, e: NodeJS.ErrnoException): Promise<string> {
  switch (e.code) {
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOENT': {
      const target = await fs.readlink(path).catch(() => undefined);
      return target === undefined ? 'no such file' : `is a broken symbolic link (to ${target}, which does not exist)`;
    }
    case 'ELOOP':
      return 'is a symbolic link that loops';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read (${e.message})`;
  }
}

/** `64 MiB` for whole mebibytes, else a byte count. */
function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}
