/**
 * Finding the built-in glossary from Node: the precompiled `dist/builtin-glossary.json` beside the
 * bundle, or — in a source checkout before a build — the YAML files of `glossary/` themselves.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { loadCompiledGlossary, type CompiledGlossary } from '../core/analyze';
import { glossaryFromJson, mergeGlossaries, parseGlossary, type Glossary } from '../core/glossary';

/** The folder holding `package.json`, found upwards from `start`. */
export function packageRoot(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'glossary'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(start, '..');
}

/** The YAML files of the built-in glossary, in merge order. */
export function builtinGlossaryFiles(root = packageRoot()): string[] {
  const dir = path.join(root, 'glossary');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Parses the built-in YAML files (what the build precompiles), with file names relative to the package root. */
export function parseBuiltinGlossary(root = packageRoot()): Glossary {
  return mergeGlossaries(builtinGlossaryFiles(root).map((f) => parseGlossary(readFileSync(f, 'utf8'), path.relative(root, f))));
}

/** The built-in glossary: precompiled JSON when present, else parsed from YAML. */
export function loadBuiltinGlossary(bundleDir: string = __dirname): Glossary {
  const json = path.join(bundleDir, 'builtin-glossary.json');
  if (existsSync(json)) return glossaryFromJson(JSON.parse(readFileSync(json, 'utf8')));
  return parseBuiltinGlossary(packageRoot(bundleDir));
}

/** The built-in glossary's matcher precompiled at build time (`dist/builtin-glossary.bin`), when it is there. */
export function loadBuiltinMatcher(bundleDir: string = __dirname): Uint8Array | undefined {
  const bin = path.join(bundleDir, 'builtin-glossary.bin');
  return existsSync(bin) ? readFileSync(bin) : undefined;
}

/**
 * The built-in glossary compiled: from the matcher precompiled at build time
 * (`dist/builtin-glossary.bin`) when it is there and fits, else compiled now.
 */
export function loadBuiltinCompiled(glossary: Glossary, bundleDir: string = __dirname): CompiledGlossary {
  return loadCompiledGlossary(glossary, loadBuiltinMatcher(bundleDir));
}

/** The built-in glossary's precompiled matcher as bytes (`dist/builtin-glossary.bin`), if it is there. */
export function loadBuiltinMatcherBytes(bundleDir: string = __dirname): Uint8Array | undefined {
  const bin = path.join(bundleDir, 'builtin-glossary.bin');
  return existsSync(bin) ? readFileSync(bin) : undefined;
}
