/**
 * The `diplomatic-annotator` command line: the same core as the extension, for batch work.
 *
 *   extract <input…>  terms and commitments of statements (markdown, json, jsonl or csv)
 *   glossary          the merged glossary (json or markdown)
 *   check <input…>    validate glossary files and statements
 *   eval <input…>     score detection against hand-annotated statements
 *   diff OLD NEW      what changed between the commitments of two statements
 *   index <input…>    where and when each glossary term appears, and who commits to it
 *
 * An input is a file, a directory (its statements, recursively) or a glob pattern
 * (src/node/inputs.ts); `extract` spreads its inputs over worker threads (src/node/extractRun.ts).
 *
 * Exit status: 0 on success; 1 when an input or a glossary could not be used, or (`eval`) a file
 * could not be scored (each problem on stderr as `file:line:column: message`, the other files still
 * processed), or when the output could not be written; 2 for a usage error.
 */
import { readFileSync, statSync } from 'fs';
import { availableParallelism } from 'os';
import { parseArgs } from 'util';
import { BlockCache, analyzeText, checkStatement, serializeCompiledGlossary } from './core/analyze';
import { diffCommitments } from './core/diff';
import { INDEX_CSV_HEADER, buildCorpusIndex, corpusIndexToCsvRows, corpusIndexToJson, type CorpusDocument } from './core/corpusIndex';
import { DIFF_CSV_HEADER, diffToCsvRows, diffToJson, diffToMarkdown, toDiffReport, type DiffDocument } from './core/diffReport';
import { displayText, escapeJsonControls } from './core/display';
import { evaluateStatement } from './core/evaluate';
import { DEFAULT_MAX_AGE_DAYS, findStaleEntries, mergeGlossaries, type GlossaryProblem } from './core/glossary';
import { GlossaryStore } from './core/glossaryStore';
import { CSV_HEADER, entryToJson, evaluationsToJson, evaluationsToMarkdown, formatProblem, glossaryToMarkdown, type FileEvaluation } from './core/report';
import { LineIndex } from './core/text';
import { loadBuiltinGlossary, loadBuiltinMatcher, loadBuiltinMatcherBytes, packageRoot } from './node/builtin';
import { errorMessage, type ExtractFormat } from './node/extractFile';
import { extractAll, type SharedGlossary } from './node/extractRun';
import { MAX_INPUT_BYTES, readTextFile } from './node/files';
import { STATEMENT_EXTENSIONS, expandInputs } from './node/inputs';
import { ProgressLine, progressWanted } from './node/progress';

const HELP = `Usage: diplomatic-annotator <command> [options]

Commands:
  extract <input…>     Find glossary terms and commitments in statements
                       (.txt, .statement, .md …; English and Chinese).
  glossary             Print the merged glossary.
  check <input…>       Validate glossary YAML files and .statement files (for
                       your own CI). References (see, members, party) may name
                       built-in entries (unless --no-builtin) or entries of the
                       other files; a statement's problems are those the editor
                       shows. Exit 1 on a glossary error or a statement problem.
  eval <input…>        Score detection against statements you annotated by
                       hand: each file's annotations are the gold, detection
                       runs on its text without them. Precision, recall and F1
                       per commitment type and overall, F1 with the right
                       parties, term recall and kind accuracy; per file and
                       for all files (micro-averaged).
  diff OLD NEW         What changed between two statements, commitment by
                       commitment: each pair of commitments is negated,
                       retyped, actor-changed, strengthened, weakened,
                       reworded or kept; the rest are added or dropped; and
                       glossary terms found in one of them only. Pairs are
                       found by what they commit to, so reordered or
                       renumbered paragraphs still pair. --format markdown
                       (default, changes first, changed words marked), json
                       or csv.
  index <input…>       Where and when each glossary term appears: a term ×
                       document table with each document's date (the date:
                       of its front matter) and, per commitment type, who
                       commits to the term (the commitments that hold it).
                       --term ID for one term (then every document gets a
                       row, 0 where the term is absent). --format csv
                       (default) or json.

Options:
  --glossary FILE      Add a glossary file over the built-in one (repeatable;
                       later files override entries with the same id).
  --no-builtin         Do not load the built-in glossary.
  --format FORMAT      extract: markdown (default), json, jsonl or csv.
                       glossary: json (default) or markdown.
                       eval: markdown (default) or json.
                       diff: markdown (default), json or csv.
                       index: csv (default) or json.
  --term ID            index: only the glossary term with this id.
  --details            eval: list each file's misses, false alarms, wrong
                       parties and terms not found, by line.
  --max-age-days N     check: warn about entries whose asOf date (when their
                       facts were last checked) is more than N days old
                       (default ${DEFAULT_MAX_AGE_DAYS}; 0 turns the warning off).
  --jobs N             extract: analyse on N threads, this one and N - 1
                       workers (default: one more thread for each 8 MiB of
                       input, up to the cores, ${availableParallelism()} here); the
                       output is the same, in input order, whatever N.
  -h, --help           Show this help.
  -v, --version        Show the version.

Output:
  json   {"documents":[{"file","language","parties":[{"id","name"}],
          "terms":[{"id","kind","text","note"?,"line","column","length"}],
          "commitments":[{"actor","parties","type","trigger","strength",
          "negated","text","note"?,"line","column","length"}],
          "notes":[{"note","text","line","column","length"}],"warnings":[…]}]}
         Lines and columns are 1-based; columns count UTF-16 code units,
         as VS Code does. "note" (the {note="…"} on a term or commitment,
         several joined by "; ") is there only when there is one.
  jsonl  one document per line, as in json's "documents" (for jq, DuckDB,
         Spark …).
  csv    file,line,column,actor,parties,type,trigger,strength,negated,text,
         note

Diff output:
  json   {"old":file,"new":file,"changes":[{"change","old":commitment|null,
          "new":commitment|null}],"terms":{"added":[ids],"dropped":[ids]}}
         each commitment as in extract's json; kept pairs included.
  csv    change,old_line,old_column,old_actor,old_parties,old_type,
         old_trigger,old_strength,old_negated,old_text, the same new_…,
         term (rows term-added / term-dropped give a term's id there)

Index output:
  csv    term,name,kind,document,date,count,pledge,support,oppose,affirm,
         request — one row per term and document it occurs in, by date
         (undated last); each type's cell lists the actors of the
         commitments of that type holding the term, separated by "; ",
         each as party ids ("CN BY") or the actor's words, "not " before a
         negated one.
  json   {"documents":[{"file","date"?,"parties"}],"terms":[{"id","term",
          "kind","occurrences":[{"file","line","column","text",
          "commitment"?:{"type","parties","actor","negated"}}]}]}

Commitment types: pledge, support, oppose, affirm, request.
Strength: strong, normal, weak.

Annotations eval scores against (.statement files):
  [text]{.commitment type=pledge}            a commitment of this type
  [text]{.commitment type="affirm support"}  either type is right
  [text]{.commitment type=pledge parties="US UA"}
                                             the actor's glossary ids, as a
                                             set (without: actor not scored)
  [text]{.commitment type=pledge optional=true}
                                             debatable: neither a miss nor a
                                             false alarm
  [text]{.party}, [text]{#ID}                a term (kind, or glossary id)
A detected commitment matches a gold one whose span it overlaps, of an
accepted type, one to one. Front matter (parties, language) is kept.

Inputs: files, directories and glob patterns. A directory gives its
statements, recursively (extract: *.statement, *.txt, *.md; check: also
*.glossary.yaml, *.glossary.yml; eval: *.statement), skipping hidden folders
and node_modules; a quoted pattern ('corpus/**/*.statement'; *, **, ?,
[…], {a,b}) the files it matches. Each sorted; a file named twice is read
once. A directory with no statements or a pattern matching nothing is an
error, like a missing file.
Inputs: at most ${MAX_INPUT_BYTES / (1024 * 1024)} MiB each (counted as read, so pipes and devices too).
On a terminal (and not in CI), extract shows its progress on stderr
([done/total] file) when it runs for more than a second.

Exit status: 0 success; 1 an input or glossary could not be used, or a file
could not be scored by eval (no annotations, or a malformed one) — problems
on stderr as file:line:column: message, other files are still processed —,
or the output could not be written (a full disk; a closed pipe ends
quietly); 2 usage error.

Examples:
  diplomatic-annotator extract statement.txt
  diplomatic-annotator extract corpus/*.txt --format json > commitments.json
  diplomatic-annotator extract corpus/ --format jsonl --jobs 4 | jq .file
  diplomatic-annotator extract 'corpus/**/*.statement' --format csv
  diplomatic-annotator extract text.statement --glossary my.glossary.yaml
  diplomatic-annotator check my.glossary.yaml annotated/*.statement
  diplomatic-annotator check --max-age-days 180 my.glossary.yaml
  diplomatic-annotator eval annotated/*.statement --details
  diplomatic-annotator diff statement-2022.txt statement-2023.txt
  diplomatic-annotator index corpus/*.statement --term one-china-principle
`;

/** Where output goes; injectable for tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Show a progress line on `err` once a run has lasted this many milliseconds; undefined: never. */
  progressAfterMs?: number;
  /** The width of the terminal `err` writes to. */
  columns?: number;
}

/** Limits of a run; injectable so tests need not write 64 MiB. */
export interface CliLimits {
  /** Inputs (statements and glossaries) larger than this many bytes are refused. */
  maxInputBytes: number;
  /** The script of `extract`'s worker threads (tests replace it); default `dist/cliWorker.js`. */
  workerScript?: string;
  /** Without `--jobs`, one more thread for each this many bytes of input (tests lower it); default {@link BYTES_PER_THREAD}. */
  bytesPerThread?: number;
}

/** How long a run goes before it shows progress on a terminal. */
const PROGRESS_AFTER_MS = 1000;

const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  progressAfterMs: progressWanted(process.stderr, process.env) ? PROGRESS_AFTER_MS : undefined,
  columns: process.stderr.columns,
};

/** The options each command takes (besides --help and --version). */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  extract: ['glossary', 'no-builtin', 'format', 'jobs'],
  glossary: ['glossary', 'no-builtin', 'format'],
  check: ['glossary', 'no-builtin', 'max-age-days'],
  eval: ['glossary', 'no-builtin', 'format', 'details'],
  diff: ['glossary', 'no-builtin', 'format'],
  index: ['glossary', 'no-builtin', 'format', 'term'],
};

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit status. */
export async function runCli(argv: string[], io: CliIO = processIO, limits: CliLimits = { maxInputBytes: MAX_INPUT_BYTES }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        glossary: { type: 'string', multiple: true },
        'no-builtin': { type: 'boolean' },
        format: { type: 'string' },
        details: { type: 'boolean' },
        'max-age-days': { type: 'string' },
        term: { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(`diplomatic-annotator: ${displayText((e as Error).message)}\nRun 'diplomatic-annotator --help' for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.version) {
    io.out(`${readVersion()}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  const usage = (message: string) => {
    io.err(`diplomatic-annotator: ${displayText(message)}\nRun 'diplomatic-annotator --help' for usage.\n`);
    return 2;
  };
  // An option another command takes is a usage error here, not silently ignored.
  const allowed = COMMAND_OPTIONS[command ?? ''];
  if (allowed) {
    for (const name of Object.keys(values)) {
      if (allowed.includes(name)) continue;
      const takers = Object.keys(COMMAND_OPTIONS).filter((c) => COMMAND_OPTIONS[c].includes(name));
      return usage(`--${name} is not an option of ${command}${takers.length ? ` (${takers.join(', ')} ${takers.length === 1 ? 'takes' : 'take'} it)` : ''}`);
    }
  }
  switch (command) {
    case 'extract': {
      const format = values.format ?? 'markdown';
      if (!['markdown', 'json', 'jsonl', 'csv'].includes(format)) return usage(`unknown format '${format}' for extract (use markdown, json, jsonl or csv)`);
      if (files.length === 0) return usage('extract needs at least one file');
      const jobsText = values.jobs ?? String(Math.min(availableParallelism(), MAX_JOBS));
      if (!/^\d{1,4}$/.test(jobsText) || Number(jobsText) < 1 || Number(jobsText) > MAX_JOBS)
        return usage(`--jobs takes a whole number of worker threads, 1 to ${MAX_JOBS} (got '${jobsText}')`);
      // Without --jobs, a small input stays on this thread: a worker's start-up would cost more than it saves.
      const jobs = values.jobs === undefined ? { default: Number(jobsText) } : Number(jobsText);
      return extract(files, values.glossary ?? [], !values['no-builtin'], format as ExtractFormat, jobs, io, limits);
    }
    case 'glossary': {
      const format = values.format ?? 'json';
      if (!['markdown', 'json'].includes(format)) return usage(`unknown format '${format}' for glossary (use json or markdown)`);
      if (files.length > 0) return usage(`glossary takes no file arguments; use --glossary FILE`);
      const { store, failed } = await loadGlossaries(values.glossary ?? [], !values['no-builtin'], io, limits);
      const entries = store.merged.entries;
      if (format === 'json') io.out(escapeJsonControls(JSON.stringify({ entries: entries.map(entryToJson) }, null, 2)) + '\n');
      else io.out(glossaryToMarkdown(entries));
      return failed ? 1 : 0;
    }
    case 'check': {
      if (files.length === 0) return usage('check needs at least one glossary file or statement');
      const maxAgeText = values['max-age-days'] ?? String(DEFAULT_MAX_AGE_DAYS);
      if (!/^\d{1,6}$/.test(maxAgeText)) return usage(`--max-age-days takes a whole number of days, 0 or more (got '${maxAgeText}')`);
      return check(files, values.glossary ?? [], !values['no-builtin'], Number(maxAgeText), io, limits);
    }
    case 'eval': {
      const format = values.format ?? 'markdown';
      if (!['markdown', 'json'].includes(format)) return usage(`unknown format '${format}' for eval (use markdown or json)`);
      if (files.length === 0) return usage('eval needs at least one annotated statement');
      return evaluate(files, values.glossary ?? [], !values['no-builtin'], format as 'markdown' | 'json', values.details ?? false, io, limits);
    }
    case 'diff': {
      const format = values.format ?? 'markdown';
      if (!['markdown', 'json', 'csv'].includes(format)) return usage(`unknown format '${format}' for diff (use markdown, json or csv)`);
      if (files.length !== 2) return usage(`diff needs two files, the old statement and the new one (got ${files.length})`);
      return diff(files[0], files[1], values.glossary ?? [], !values['no-builtin'], format as 'markdown' | 'json' | 'csv', io, limits);
    }
    case 'index': {
      const format = values.format ?? 'csv';
      if (!['csv', 'json'].includes(format)) return usage(`unknown format '${format}' for index (use csv or json)`);
      if (files.length === 0) return usage('index needs at least one statement');
      return index(files, values.term, values.glossary ?? [], !values['no-builtin'], format as 'csv' | 'json', io, limits);
    }
    case undefined:
      io.out(HELP);
      return 2;
    default:
      return usage(`unknown command '${command}'`);
  }
}

/**
 * `check`: validates glossary files and `.statement` files. A glossary's references (`see`,
 * `members`, `party`) may name entries of the built-in glossary (unless --no-builtin), of the other
 * glossaries given, or of --glossary files; statements are read with all of them. Fails on a
 * glossary error or on any problem in a statement (each means an annotation not read as written).
 */
async function check(inputs: string[], glossaryFiles: string[], builtin: boolean, maxAgeDays: number, io: CliIO, limits: CliLimits): Promise<number> {
  const { files, failed: inputsFailed } = expandOrReport(inputs, STATEMENT_EXTENSIONS.check, io);
  const statements = files.filter((f) => /\.statement$/i.test(f));
  const glossaries = files.filter((f) => !/\.statement$/i.test(f));
  const given = [...glossaryFiles, ...glossaries];
  const { store, failed: glossaryFailed } = await loadGlossaries(given, builtin, io, limits);
  const glossary = store.merged;
  let failed = glossaryFailed || inputsFailed;
  // Entries of the checked files whose `asOf` is older than the age allowed: warnings (exit unchanged).
  const checked = new Set(glossaries);
  const own = glossary.entries.filter((e) => checked.has(e.origin.file));
  for (const p of findStaleEntries(own, new Date(), maxAgeDays)) io.err(formatProblem(p) + '\n');
  if (glossaries.length > 0 && !glossaryFailed) {
    const entries = glossaries.reduce((n, f) => n + (store.glossaryOf(f)?.entries.length ?? 0), 0);
    io.err(`${glossaries.length} glossary file${glossaries.length === 1 ? '' : 's'} OK: ${entries} entries\n`);
  }
  if (statements.length === 0) return failed ? 1 : 0;
  const compiled = store.current;
  let clean = 0;
  for (const file of statements) {
    const text = await readOrReport(file, io, limits);
    if (text === undefined) {
      failed = true;
      continue;
    }
    const problems = checkStatement(text, compiled);
    const lines = new LineIndex(text);
    for (const p of problems) io.err(formatProblem({ file, ...lines.position(p.start), severity: 'warning', message: p.message }) + '\n');
    if (problems.length > 0) failed = true;
    else clean++;
  }
  if (clean > 0) io.err(`${clean} statement${clean === 1 ? '' : 's'} OK\n`);
  return failed ? 1 : 0;
}

/**
 * Loads the built-in glossary (when asked) and the given files into a {@link GlossaryStore} (the
 * editor's, read through `fs` here), reporting every problem of those files; `failed` when any is
 * an error. The store's `current` is the glossary to analyse with.
 */
async function loadGlossaries(files: string[], builtin: boolean, io: CliIO, limits: CliLimits): Promise<{ store: GlossaryStore; failed: boolean }> {
  const store = new GlossaryStore(builtin ? loadBuiltinGlossary() : mergeGlossaries([]), {
    builtinMatcher: builtin ? loadBuiltinMatcher() : undefined,
    includeBuiltin: () => builtin,
  });
  let failed = false;
  for (const file of files) {
    const text = await readOrReport(file, io, limits);
    if (text === undefined) failed = true;
    else await store.setText(file, text, { merge: false });
  }
  store.merge();
  // Problems of the built-in glossary are the build's concern, not the user's: report only theirs.
  for (const file of new Set(files)) {
    for (const p of store.problemsOf(file)) {
      if (p.severity === 'error') failed = true;
      io.err(formatProblem(p) + '\n');
    }
  }
  return { store, failed };
}

/** The files the inputs name (see `expandInputs`), after reporting those that name none. */
function expandOrReport(inputs: string[], extensions: readonly string[], io: CliIO): { files: string[]; failed: boolean } {
  const files: string[] = [];
  let failed = false;
  for (const e of expandInputs(inputs, { extensions })) {
    if ('file' in e) files.push(e.file);
    else {
      reportFileError(e.problem.file, e.problem.message, io);
      failed = true;
    }
  }
  return { files, failed };
}

/** A file's text, or undefined after reporting why it cannot be used. */
async function readOrReport(file: string, io: CliIO, limits: CliLimits): Promise<string | undefined> {
  const read = await readTextFile(file, { maxBytes: limits.maxInputBytes });
  if (read.ok) return read.text;
  reportFileError(file, read.message, io);
  return undefined;
}

/** Reports a problem with a whole file: `file: error: message`, as display text. */
function reportFileError(file: string, message: string, io: CliIO): void {
  io.err(displayText(`${file}: error: ${message}`) + '\n');
}

async function evaluate(inputs: string[], glossaryFiles: string[], builtin: boolean, format: 'markdown' | 'json', details: boolean, io: CliIO, limits: CliLimits): Promise<number> {
  const { store, failed: glossaryFailed } = await loadGlossaries(glossaryFiles, builtin, io, limits);
  const { files, failed: inputsFailed } = expandOrReport(inputs, STATEMENT_EXTENSIONS.eval, io);
  let failed = glossaryFailed || inputsFailed;
  const compiled = store.current;
  const scored: FileEvaluation[] = [];
  for (const file of files) {
    const text = await readOrReport(file, io, limits);
    if (text === undefined) {
      failed = true;
      continue;
    }
    let result: ReturnType<typeof evaluateStatement>;
    try {
      result = evaluateStatement(text, compiled);
    } catch (e) {
      reportFileError(file, `could not be scored (${errorMessage(e)})`, io);
      failed = true;
      continue;
    }
    if (!result.ok) {
      failed = true;
      const lines = new LineIndex(text);
      for (const p of result.problems) io.err(formatProblem({ file, ...lines.position(p.start), severity: 'error', message: p.message }) + '\n');
      io.err(displayText(`${file}: not scored`) + '\n');
      continue;
    }
    scored.push({ file, evaluation: result.evaluation });
  }
  if (format === 'json') io.out(escapeJsonControls(JSON.stringify(evaluationsToJson(scored), null, 2)) + '\n');
  else if (scored.length > 0) io.out(evaluationsToMarkdown(scored, details));
  return failed ? 1 : 0;
}

/** `--jobs` above this is surely a typo: each worker holds its own copy of the glossary. */
const MAX_JOBS = 256;

async function extract(
  inputs: string[],
  glossaryFiles: string[],
  builtin: boolean,
  format: ExtractFormat,
  jobs: number | { default: number },
  io: CliIO,
  limits: CliLimits,
): Promise<number> {
  const { store, failed: glossaryFailed } = await loadGlossaries(glossaryFiles, builtin, io, limits);
  let failed = glossaryFailed;
  const expanded = expandInputs(inputs, { extensions: STATEMENT_EXTENSIONS.extract });
  const files = expanded.flatMap((e, at) => ('file' in e ? [{ file: e.file, at }] : []));
  const tasks = files.map(({ file }) => ({ file, format, maxInputBytes: limits.maxInputBytes }));
  const progress = io.progressAfterMs === undefined ? undefined : new ProgressLine(tasks.length, io.err, { afterMs: io.progressAfterMs, columns: io.columns });
  const reportError = (file: string, message: string) => {
    progress?.clear();
    reportFileError(file, message, io);
    failed = true;
  };
  let first = true;
  if (format === 'json') io.out('{"documents":[');
  if (format === 'csv') io.out(CSV_HEADER + '\n');
  // Inputs that gave no file (an empty directory, a pattern matching nothing) are reported in
  // their place among the others: before the outcome of the task that follows them.
  let reported = 0;
  const reportProblemsBefore = (at: number) => {
    for (; reported < at; reported++) {
      const e = expanded[reported];
      if ('problem' in e) reportError(e.problem.file, e.problem.message);
    }
  };
  await extractAll(
    tasks,
    {
      jobs: typeof jobs === 'number' ? jobs : defaultJobs(tasks, jobs.default, limits.bytesPerThread ?? BYTES_PER_THREAD),
      compiled: () => store.current,
      shared: () => sharedFor(store, glossaryFiles, builtin),
      workerScript: limits.workerScript,
    },
    (index, outcome) => {
      const { file, at } = files[index];
      reportProblemsBefore(at);
      reported = at + 1;
      if (!outcome.ok) reportError(file, outcome.message);
      else {
        if (outcome.warnings.length > 0) progress?.clear();
        for (const warning of outcome.warnings) io.err(warning + '\n');
        if (format === 'json') io.out(first ? '\n' : ',\n');
        else if (format === 'markdown' && !first) io.out('\n');
        for (const chunk of outcome.output) io.out(chunk);
        if (format === 'jsonl') io.out('\n');
        first = false;
      }
      progress?.update(index + 1, file);
    },
  );
  reportProblemsBefore(expanded.length);
  progress?.clear();
  if (format === 'json') io.out('\n]}\n');
  return failed ? 1 : 0;
}

/**
 * Without `--jobs`, `extract` adds a thread for each this many bytes of input, up to the cores: a
 * worker costs about a second of CPU before it pays (starting, loading the glossary, and above
 * all the JIT compiling the extractor again, since threads share no compiled code), the time to
 * analyse about 3 MB on a second core — measured with `BENCH_ONLY=corpus` (`BENCH_CORPUS_KB=50`:
 * 5 MB on two threads was slower than on one; `300`: 30 MB, 1.4× on a machine whose ceiling was 1.6×).
 */
const BYTES_PER_THREAD = 8 * 1024 * 1024;

/** `--jobs` by default: one thread, and one more for each `perThread` bytes of input, up to the cores. */
function defaultJobs(tasks: readonly { file: string }[], cores: number, perThread: number): number {
  let bytes = 0;
  for (const { file } of tasks) {
    try {
      bytes += statSync(file).size;
    } catch {
      // Reading it will say what is wrong.
    }
    if (bytes >= perThread * (cores - 1)) return cores;
  }
  return Math.max(1, Math.min(cores, 1 + Math.floor(bytes / perThread)));
}

/** The glossary as workers get it: the built-in one's precompiled matcher as it is, anything else compiled once here. */
function sharedFor(store: GlossaryStore, glossaryFiles: string[], builtin: boolean): SharedGlossary {
  const bytes = builtin && glossaryFiles.length === 0 ? loadBuiltinMatcherBytes() : undefined;
  return { glossary: store.merged, matcher: bytes ?? serializeCompiledGlossary(store.current) };
}

/**
 * `diff`: the commitment diff of two statements (see `core/diff.ts`) as Markdown, JSON or CSV.
 * Both are read first: a file that cannot be used is named, and nothing is printed.
 */
async function diff(
  oldFile: string,
  newFile: string,
  glossaryFiles: string[],
  builtin: boolean,
  format: 'markdown' | 'json' | 'csv',
  io: CliIO,
  limits: CliLimits,
): Promise<number> {
  const { store, failed } = await loadGlossaries(glossaryFiles, builtin, io, limits);
  const compiled = store.current;
  const texts = [await readOrReport(oldFile, io, limits), await readOrReport(newFile, io, limits)];
  if (texts[0] === undefined || texts[1] === undefined) return 1;
  const documents: DiffDocument[] = [];
  // One block cache for both: the paragraphs the new statement shares with the old are not analysed again.
  const cache = new BlockCache();
  for (const [i, file] of [oldFile, newFile].entries()) {
    try {
      documents.push({ file, text: texts[i]!, analysis: analyzeText(texts[i]!, compiled, { statement: true, cache }) });
    } catch (e) {
      reportFileError(file, `could not be analysed (${errorMessage(e)})`, io);
      return 1;
    }
  }
  const [oldDoc, newDoc] = documents;
  const report = toDiffReport(oldDoc, newDoc, diffCommitments(oldDoc.analysis, newDoc.analysis), compiled.glossary);
  if (format === 'json') io.out(escapeJsonControls(JSON.stringify(diffToJson(report), null, 2)) + '\n');
  else if (format === 'csv') io.out([DIFF_CSV_HEADER, ...diffToCsvRows(report)].join('\n') + '\n');
  else io.out(diffToMarkdown(report));
  return failed ? 1 : 0;
}

/**
 * `index`: where and when each glossary term (or the one `term`) appears in the files (or the
 * statements of directories and patterns, as `extract` takes them), and who commits to it (see
 * `core/corpusIndex.ts`). A file that cannot be used is named and left out; the
 * others are indexed. An id the glossary does not have is a usage error.
 */
async function index(inputs: string[], term: string | undefined, glossaryFiles: string[], builtin: boolean, format: 'csv' | 'json', io: CliIO, limits: CliLimits): Promise<number> {
  const { store, failed: glossaryFailed } = await loadGlossaries(glossaryFiles, builtin, io, limits);
  const compiled = store.current;
  if (term !== undefined && !compiled.glossary.byId.has(term)) {
    io.err(displayText(`diplomatic-annotator: no glossary entry has the id '${term}'`) + "\nRun 'diplomatic-annotator glossary' for the ids.\n");
    return 2;
  }
  // Directories and patterns as `extract` takes them.
  const { files, failed: inputsFailed } = expandOrReport(inputs, STATEMENT_EXTENSIONS.extract, io);
  let failed = glossaryFailed || inputsFailed;
  const documents: CorpusDocument[] = [];
  for (const file of files) {
    const text = await readOrReport(file, io, limits);
    if (text === undefined) {
      failed = true;
      continue;
    }
    try {
      documents.push({ file, text, analysis: analyzeText(text, compiled, { statement: true }) });
    } catch (e) {
      reportFileError(file, `could not be analysed (${errorMessage(e)})`, io);
      failed = true;
    }
  }
  const corpus = buildCorpusIndex(documents, compiled.glossary, { term });
  if (format === 'json') io.out(escapeJsonControls(JSON.stringify(corpusIndexToJson(corpus), null, 2)) + '\n');
  else io.out([INDEX_CSV_HEADER, ...corpusIndexToCsvRows(corpus, { all: term !== undefined })].join('\n') + '\n');
  return failed ? 1 : 0;
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// Run when executed directly (the bundle's bin entry), not when imported by tests.
if (require.main === module) {
  // A failed write must not end in status 0 with a truncated output. A reader that went away
  // (`| head`) needs no message; anything else (a full disk, an I/O error) does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`diplomatic-annotator: cannot write the output: ${e.message}\n`);
    process.exit(1);
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`diplomatic-annotator: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}

export type { GlossaryProblem };
