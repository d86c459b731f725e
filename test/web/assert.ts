/**
 * The few `assert` functions the web suite uses (its own and those of test/integration/helpers.ts),
 * for the browser bundle: Node's `assert` module is not there. scripts/build-web-tests.mjs maps
 * `assert` to this file; type checks still see Node's signatures, which these follow.
 */

/** Throws unless `value` is truthy. */
export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

/** Throws unless `actual === expected`. */
export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) throw new AssertionError(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

/** Throws unless the two values have the same structure and primitives (plain data only). */
export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (show(actual) !== show(expected)) throw new AssertionError(message ?? `expected ${show(expected)},\n     got ${show(actual)}`);
}

/** Throws unless `text` matches `pattern`. */
export function match(text: string, pattern: RegExp, message?: string): void {
  if (typeof text !== 'string' || !pattern.test(text)) throw new AssertionError(message ?? `expected ${show(text)} to match ${pattern}`);
}

/** An assertion that failed (mocha prints its message). */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

/** Plain data as canonical JSON (object keys sorted), so that key order does not matter. */
function show(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    ) ?? String(value)
  );
}
