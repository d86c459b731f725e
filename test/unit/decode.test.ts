import * as assert from 'assert';
import { decodeText } from '../../src/core/decode';

describe('decode', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  /** `n` bytes that are not UTF-8 (each decodes to U+FFFD). */
  const invalid = (n: number) => new Uint8Array(n).fill(0xff);
  const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

  it('decodes UTF-8, dropping a byte order mark', () => {
    assert.deepStrictEqual(decodeText(join(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('双方同意。'))), { ok: true, text: '双方同意。' });
  });

  it('keeps a text with a few invalid bytes (up to 5% of its first 65,536 characters), as replacement characters', () => {
    const text = decodeText(join(utf8('a'.repeat(960)), invalid(40)));
    assert.ok(text.ok && text.text.endsWith('\ufffd'.repeat(40)));
  });

  it('refuses content that is mostly not UTF-8', () => {
    assert.deepStrictEqual(decodeText(join(utf8('a'.repeat(940)), invalid(60))), { ok: false, message: 'is not valid UTF-8 text (binary, or another encoding)' });
    assert.strictEqual(decodeText(invalid(10)).ok, false);
  });

  it('counts only the first 65,536 characters', () => {
    // Valid at first, then nothing but invalid bytes: beyond the sample, so the text is kept.
    assert.strictEqual(decodeText(join(utf8('a'.repeat(65536)), invalid(20000))).ok, true);
    assert.strictEqual(decodeText(join(utf8('a'.repeat(60000)), invalid(20000))).ok, false);
  });
});
