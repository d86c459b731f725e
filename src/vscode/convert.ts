/** Conversions between the core's offsets and VS Code's positions. */
import * as vscode from 'vscode';
import type { Span } from '../core/text';

/** The range of a span in a document. */
export function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** The span of a range in a document. */
export function toSpan(doc: vscode.TextDocument, range: vscode.Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}
