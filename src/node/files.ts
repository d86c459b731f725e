/**
 * Reading user files safely from Node (the CLI): text encodings, and a clear refusal for what is
 * not a text — a directory, a binary file, a file too large to read.
 */
import { promises as fs } from 'fs';
import { decodeText } from '../core/decode';

/** Files larger than this are refused (the editor has its own, configurable, limit). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** The result of reading a file: its text, or why it cannot be used. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a text file (UTF-8 with or without BOM, or UTF-16 with BOM); never throws. */
export async function readTextFile(path: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory, not a file' };
    if (stat.size > MAX_INPUT_BYTES) return { ok: false, message: `is too large (${stat.size} bytes; the limit is ${MAX_INPUT_BYTES})` };
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: 'cannot be read (permission denied)' };
    return { ok: false, message: `cannot be read (${(e as Error).message})` };
  }
  return decodeText(bytes);
}
