/**
 * Provider timings (the last few durations of each feature, in milliseconds), recorded inside the
 * extension host so the performance test can print the providers' own cost beside the command
 * round trip. Recording is two `performance.now()` calls.
 */
const samples = new Map<string, number[]>();

/** Runs `fn`, recording how long it took under `name`. */
export function timed<T>(name: string, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    record(name, performance.now() - started);
  }
}

/** Records one duration under `name` (the last 1,000 are kept). */
export function record(name: string, ms: number): void {
  const list = samples.get(name) ?? [];
  list.push(ms);
  if (list.length > 1000) list.shift();
  samples.set(name, list);
}

/** The recorded samples, by feature name. */
export function timings(): Record<string, number[]> {
  return Object.fromEntries(samples);
}
