/**
 * The CLI's inputs as the user names them — files, directories and glob patterns — turned into the
 * list of files to read: a directory gives the statements under it (recursively), a pattern the
 * files it matches; each expansion sorted, duplicates dropped, so a run is repeatable.
 * Globs go through `tinyglobby` (fdir + picomatch): `fs.glob` needs Node 22, and we support 20.
 */
import { statSync } from 'fs';
import * as path from 'path';
import type * as Tinyglobby from 'tinyglobby';

/**
 * tinyglobby's `globSync`, loaded on first use: most runs name files only, and start-up counts.
 * `require`, not `import`, also makes esbuild take the package's CommonJS build, whose dependency
 * fdir does not need `import.meta.url` (empty in our CommonJS bundle).
 */
function globSync(patterns: string[], options: Tinyglobby.GlobOptions): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('tinyglobby') as typeof Tinyglobby).globSync(patterns, options);
}

/** File name endings a directory is searched for, per command (compared case-insensitively). */
export const STATEMENT_EXTENSIONS = {
  /** `extract`: statements in the `.statement` format, plain text and Markdown. */
  extract: ['statement', 'txt', 'md'],
  /** `check`: statements and glossaries (the extension's default `glossary.files`). */
  check: ['statement', 'glossary.yaml', 'glossary.yml'],
  /** `eval`: annotated statements. */
  eval: ['statement'],
} as const;

/** One input after expansion: a file to read, or an argument that gave none, with why. */
export type ExpandedInput = { file: string } | { problem: { file: string; message: string } };

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /** Name endings searched for in a directory, without the dot (e.g. `statement`, `glossary.yaml`). */
  extensions: readonly string[];
  /** Where relative arguments are read from (default: the process's working directory). */
  cwd?: string;
}

const GLOB_CHARS = /[*?{}[\]]/;

/**
 * Expands the inputs in argument order. An argument that exists is taken as it is: a file (whatever
 * its name: the user chose it), or a directory, which gives its files ending in one of
 * `extensions` — recursively, skipping hidden folders, `node_modules` and symbolic links to folders
 * (no loops), sorted. An argument that does not exist but holds `*`, `?`, `[…]` or `{a,b}` is a
 * pattern (`**` crosses folders), giving the files it matches, sorted. Anything else is kept, so
 * that reading it names the problem ("no such file", "is a broken symbolic link"). A file named
 * twice, by any of these routes, is kept where it first appears. A directory without statements
 * and a pattern that matches nothing are problems, in their place in the list.
 */
export function expandInputs(args: readonly string[], options: ExpandOptions): ExpandedInput[] {
  const cwd = options.cwd ?? process.cwd();
  const seen = new Set<string>();
  const out: ExpandedInput[] = [];
  const add = (file: string) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file });
  };
  for (const arg of args) {
    const kind = kindOf(path.resolve(cwd, arg));
    if (kind === 'directory') {
      const files = statementsIn(arg, cwd, options.extensions);
      if (files.length === 0) {
        const names = options.extensions.map((e) => `*.${e}`).join(', ');
        out.push({ problem: { file: arg, message: `is a directory with no statements (${names}, searched recursively)` } });
      }
      for (const file of files) add(file);
    } else if (kind === 'missing' && GLOB_CHARS.test(arg)) {
      const files = matchPattern(arg, cwd);
      if (files.length === 0) out.push({ problem: { file: arg, message: 'matches no file' } });
      for (const file of files) add(file);
    } else add(arg);
  }
  return out;
}

function kindOf(absolute: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(absolute).isDirectory() ? 'directory' : 'other';
  } catch {
    // A broken link is "missing" too; reading it later says what it is.
    return 'missing';
  }
}

/** The files under `dir` ending in one of `extensions`, as `dir/relative/path`, sorted. */
function statementsIn(dir: string, cwd: string, extensions: readonly string[]): string[] {
  // `{a}` with one alternative is no alternative (picomatch reads it as the text `{a}`).
  const pattern = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
  const found = globSync([pattern], {
    cwd: path.resolve(cwd, dir),
    caseSensitiveMatch: false,
    ignore: ['**/node_modules/**'],
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  return sortPaths(found).map((f) => path.join(dir, f));
}

/** The files a pattern matches, relative to `cwd` (absolute for an absolute pattern), sorted. */
function matchPattern(pattern: string, cwd: string): string[] {
  const absolute = path.isAbsolute(pattern);
  return sortPaths(globSync([pattern.split(path.sep).join('/')], { cwd, absolute, expandDirectories: false, followSymbolicLinks: false }));
}

/** Sorted by UTF-16 code units (not by locale), so every machine gives the same order. */
function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
