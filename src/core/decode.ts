/**
 * Decoding file bytes into text: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM, and a clear
 * refusal for binary content. Pure, so the CLI and the editor's file-system reads share it.
 */

/** How many characters (or bytes) from the start are looked at to tell binary content from text. */
export const BINARY_PROBE_LENGTH = 8192;

/**
 * True when text looks like binary content: a NUL among its first {@link BINARY_PROBE_LENGTH}
 * characters (no text format uses one). The one test for text already decoded (an editor's
 * document); {@link decodeText} applies the same rule to bytes.
 */
export function looksBinary(text: string): boolean {
  return text.slice(0, BINARY_PROBE_LENGTH).includes('\u0000');
}

/** Decoded text, or why the bytes are not a text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/** Decodes bytes (see module doc). Binary means a NUL byte in UTF-8 content, or mostly invalid UTF-8. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const probe = bytes.subarray(start, Math.min(bytes.length, start + BINARY_PROBE_LENGTH));
  if (probe.includes(0)) {
    // UTF-16 without a BOM has a NUL in every other byte for Latin text.
    if (looksLikeUtf16WithoutBom(probe)) return { ok: false, message: 'looks like UTF-16 without a byte order mark; save it as UTF-8' };
    return { ok: false, message: 'is a binary file, not a text' };
  }
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  let replacements = 0;
  const sample = Math.min(text.length, 65536);
  // Counted from the first one on (a valid text has none: one search, not a loop over the sample).
  for (let i = text.indexOf('\ufffd'); i !== -1 && i < sample; i = text.indexOf('\ufffd', i + 1)) replacements++;
  if (sample > 0 && replacements / sample > 0.05) return { ok: false, message: 'is not valid UTF-8 text (binary, or another encoding)' };
  return { ok: true, text };
}

function looksLikeUtf16WithoutBom(probe: Uint8Array): boolean {
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = probe.length / 2;
  return (oddZeros > half * 0.4 && evenZeros < half * 0.05) || (evenZeros > half * 0.4 && oddZeros < half * 0.05);
}
