/**
 * Hovers: a glossary term explains itself; a commitment trigger tells its type, strength, actor,
 * parties and object; the analyst's notes (`{note="…"}`) show on the words they are on.
 */
import * as vscode from 'vscode';
import { commitmentAt, termAt } from '../core/analyze';
import { commitmentHover, notesMarkdown, termHover } from '../core/hover';
import { noteIndexOf } from '../core/notes';
import type { AnalysisCache } from './analysisCache';
import { toRange } from './convert';
import type { GlossaryService } from './glossaryService';
import { timed } from './timings';

/** Registers the hover provider. */
export function registerHover(selector: vscode.DocumentSelector, cache: AnalysisCache, glossary: GlossaryService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      return timed('hover', () => hoverAt(doc, position, cache, glossary));
    },
  });
}

function hoverAt(doc: vscode.TextDocument, position: vscode.Position, cache: AnalysisCache, glossary: GlossaryService): vscode.Hover | undefined {
  const analysis = cache.now(doc);
  if (!analysis) return undefined;
  const offset = doc.offsetAt(position);
  const g = glossary.current.glossary;
  const notes = analysis.notes.length > 0 ? noteIndexOf(analysis.notes) : undefined;
  // Looked up in the block at the offset: a hover right after an edit builds no document-wide array.
  const around = commitmentAt(analysis, offset);
  const trigger = around && offset >= around.triggerSpan.start && offset < around.triggerSpan.end ? around : undefined;
  if (trigger) return new vscode.Hover(untrusted(commitmentHover(trigger, g, analysis.plain, notes?.on(trigger))), toRange(doc, trigger.triggerSpan));
  const here = notes?.at(offset) ?? [];
  const term = termAt(analysis, offset);
  if (!term) {
    // Words with a note and nothing else to explain: the note alone, on the innermost noted span.
    const innermost = here[here.length - 1];
    return innermost && new vscode.Hover(untrusted(notesMarkdown(here)), toRange(doc, innermost));
  }
  const where = glossary.locate(term.entry);
  const definedAt = where
    ? { label: `${where.uri.path.split('/').pop()}:${where.line}`, uri: where.uri.with({ fragment: `L${where.line},${where.column}` }).toString() }
    : undefined;
  return new vscode.Hover(untrusted(termHover(term.entry, g, { definedAt, notes: here })), toRange(doc, term));
}

/** Glossary Markdown is data: no command links, no HTML. */
export function untrusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
