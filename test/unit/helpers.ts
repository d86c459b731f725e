/** Shared helpers for unit tests: fixtures, the fixture glossary, line numbers. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeText, compileGlossary, type Analysis, type CompiledGlossary } from '../../src/core/analyze';
import { parseGlossary } from '../../src/core/glossary';
import { runCli } from '../../src/cli';

/** The repository root (tests run from out/test/unit). */
export const ROOT = path.resolve(__dirname, '../../..');

/** A file of test/fixtures, as text. */
export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8');
}

let corpusGlossary: CompiledGlossary | undefined;
/** The small glossary of test/fixtures/corpus.glossary.yaml, compiled once. */
export function fixtureGlossary(): CompiledGlossary {
  if (!corpusGlossary) {
    const g = parseGlossary(fixture('corpus.glossary.yaml'), 'corpus.glossary.yaml');
    if (g.problems.length) throw new Error(`fixture glossary has problems: ${JSON.stringify(g.problems)}`);
    corpusGlossary = compileGlossary(g);
  }
  return corpusGlossary;
}

/** Analyses text with the fixture glossary. */
export function analyze(text: string, glossary: CompiledGlossary = fixtureGlossary()): Analysis {
  return analyzeText(text, glossary);
}

/** Joins lines with \n (inputs read better as a list of lines). */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** The 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A compact view of commitments for deep-equality assertions: "L4 pledge 'agreed to upgrade' [BY,CN]". */
export function describeCommitments(text: string, analysis: Analysis): string[] {
  return analysis.commitments.map((c) => {
    const flags = [c.strength !== 'normal' ? c.strength : '', c.negated ? 'negated' : ''].filter(Boolean).join(' ');
    return `L${lineOf(text, c.start)} ${c.type} '${c.trigger}' [${[...c.parties].sort().join(',')}]${flags ? ' ' + flags : ''}`;
  });
}

/** What two analyses of the same text must agree on, for deep-equality assertions (entries compared by id). */
export function comparableAnalysis(a: Analysis) {
  return { terms: a.terms.map((t) => [t.id, t.start, t.end]), commitments: a.commitments, segments: a.segments, parties: a.parties };
}

/** The CLI run in this process with `argv`: its exit status and what it wrote to stdout and stderr. */
export async function runCliCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The path of a file of test/fixtures. */
export const fixturePath = (name: string): string => path.join(ROOT, 'test/fixtures', name);

/** CLI options that read the fixture glossary alone. */
export const FIXTURE_GLOSSARY_ARGS = ['--no-builtin', '--glossary', fixturePath('corpus.glossary.yaml')];
