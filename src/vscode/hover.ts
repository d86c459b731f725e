/** Hovers: a glossary term explains itself; a commitment trigger tells its type, strength, actor and parties. */
import * as vscode from 'vscode';
import { commitmentAt, termAt } from '../core/analyze';
import { commitmentHover, termHover } from '../core/hover';
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
  const analysis = cache.getForLookup(doc);
  if (!analysis) return undefined;
  const offset = doc.offsetAt(position);
  const g = glossary.current.glossary;
  // Looked up in the block at the offset: a hover right after an edit builds no document-wide array.
  const around = commitmentAt(analysis, offset);
  const trigger = around && offset >= around.triggerSpan.start && offset < around.triggerSpan.end ? around : undefined;
  if (trigger) return new vscode.Hover(untrusted(commitmentHover(trigger, g)), toRange(doc, trigger.triggerSpan));
  const term = termAt(analysis, offset);
  if (!term) return undefined;
  const where = glossary.locate(term.entry);
  const definedAt = where
    ? { label: `${where.uri.path.split('/').pop()}:${where.line}`, uri: where.uri.with({ fragment: `L${where.line},${where.column}` }).toString() }
    : undefined;
  return new vscode.Hover(untrusted(termHover(term.entry, g, { definedAt })), toRange(doc, term));
}

/** Glossary Markdown is data: no command links, no HTML. */
export function untrusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
