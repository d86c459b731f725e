/**
 * Loads mocha's browser build (`mocha/mocha.js`, which needs no Node module and keeps its own
 * `process` shim to itself) and defines the BDD globals (`describe`, `it` …) before the test files
 * are evaluated: index.ts imports this module first.
 */
import 'mocha/mocha.js';

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, slow: 2_000 });
// The output is forwarded to the terminal as plain text.
(globalThis as unknown as { Mocha: { reporters: { Base: { useColors: boolean } } } }).Mocha.reporters.Base.useColors = false;
