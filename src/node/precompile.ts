/**
 * Build step (run by scripts/build.mjs): precompiles the built-in glossary's matcher,
 * `dist/builtin-glossary.json` → `dist/builtin-glossary.bin`, so that the extension and the CLI
 * load it with a few array copies instead of compiling it at first use.
 * Usage: node precompile.js <glossary.json> <out.bin>
 */
import { readFileSync, writeFileSync } from 'fs';
import { compileGlossary, serializeCompiledGlossary } from '../core/analyze';
import { glossaryFromJson } from '../core/glossary';

const [json, out] = process.argv.slice(2);
const compiled = compileGlossary(glossaryFromJson(JSON.parse(readFileSync(json, 'utf8'))));
writeFileSync(out, serializeCompiledGlossary(compiled));
