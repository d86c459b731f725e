/**
 * Folding of statements: front matter, headings and articles, numbered paragraphs and the lists
 * under lead-ins, as the core finds them. A document above the size limit is not read.
 */
import * as vscode from 'vscode';
import { findFoldingRegions } from '../core/folding';
import type { AnalysisCache } from './analysisCache';
import { timed } from './timings';

/** Registers the folding range provider. */
export function registerFolding(selector: vscode.DocumentSelector, cache: AnalysisCache): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(selector, {
    provideFoldingRanges(doc) {
      if (cache.refusalOf(doc)?.reason === 'tooLarge') return [];
      return timed('folding', () => findFoldingRegions(doc.getText()).map((r) => new vscode.FoldingRange(r.startLine, r.endLine)));
    },
  });
}
