/**
 * `extract`'s work on one input — read it, analyse it, render its report — the same whether it
 * runs on the CLI's own thread (`--jobs 1`) or in a worker (`src/node/cliWorker.ts`), so that the
 * output is byte-identical either way.
 */
import { analyzeText, type CompiledGlossary } from '../core/analyze';
import { escapeJsonControls } from '../core/display';
import { formatProblem, partyNamer, toCsvRows, toDocumentReport, toMarkdown, writeDocumentJson } from '../core/report';
import { LineIndex } from '../core/text';
import { readTextFile } from './files';

/** Output formats of `extract`. */
export type ExtractFormat = 'markdown' | 'json' | 'jsonl' | 'csv';

/** One input to extract, as sent to a worker. */
export interface ExtractTask {
  file: string;
  format: ExtractFormat;
  maxInputBytes: number;
}

/**
 * One input's result: its report in pieces and its warnings as lines, ready to write; or why the
 * file could not be used (a message to print after `file: error: `).
 */
export type ExtractOutcome = { ok: true; output: string[]; warnings: string[] } | { ok: false; message: string };

/**
 * Reads and analyses one input; never throws. Whatever an input does to the analysis costs that
 * input only: the caller still processes the others, and writes a report only once it is complete.
 */
export async function extractFile(task: ExtractTask, compiled: CompiledGlossary): Promise<ExtractOutcome> {
  const read = await readTextFile(task.file, { maxBytes: task.maxInputBytes });
  if (!read.ok) return { ok: false, message: read.message };
  try {
    return { ok: true, ...renderDocument(task.file, read.text, compiled, task.format) };
  } catch (e) {
    return { ok: false, message: `could not be analysed (${errorMessage(e)})` };
  }
}

function renderDocument(file: string, text: string, compiled: CompiledGlossary, format: ExtractFormat): { output: string[]; warnings: string[] } {
  const analysis = analyzeText(text, compiled, { statement: true });
  const lines = new LineIndex(text);
  const warnings = analysis.warnings.map((w) => {
    const p = lines.position(w.start);
    return formatProblem({ file, line: p.line, column: p.column, severity: 'warning', message: w.message });
  });
  const output: string[] = [];
  if (format === 'json' || format === 'jsonl') {
    // One line either way: JSON.stringify escapes every line break inside strings.
    writeDocumentJson(file, text, analysis, (chunk) => output.push(escapeJsonControls(chunk)));
  } else {
    const report = toDocumentReport(file, text, analysis);
    if (format === 'csv') {
      const rows = toCsvRows(report);
      if (rows.length) output.push(rows.join('\n') + '\n');
    } else output.push(toMarkdown(report, analysis.commitments, { nameOf: partyNamer(compiled.glossary, report.parties) }));
  }
  return { output, warnings };
}

/** An exception's message, on one line and of a readable length. */
export function errorMessage(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
  return message.length > 200 ? message.slice(0, 199) + '…' : message;
}
