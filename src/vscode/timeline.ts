/**
 * "Show Term Timeline": where and when a glossary term appears in the statements of the workspace
 * and who commits to it (see `termTimeline`), in a webview beside the editor, oldest first by the
 * `date` of each statement's front matter. The term is the one under the cursor (in a statement,
 * or on an entry's `id:`/`term:` line in a glossary), the one passed by id, or else picked from
 * the terms the statements use. Like the compare report, the page has no script (its
 * Content-Security-Policy allows only its own style): each occurrence is a `command:` link to the
 * reveal command, which selects it in its document.
 */
import * as vscode from 'vscode';
import { buildCorpusIndex, termTimeline, timelineSummary, timelineToHtml, type CorpusIndex } from '../core/corpusIndex';
import type { AnalysisCache } from './analysisCache';
import { nonce, revealLink, showReport } from './compare';
import { entryAtPosition, type WorkspaceCorpus, type WorkspaceCorpusDocument } from './corpus';

/** The command that shows a term's timeline. */
export const TIMELINE_COMMAND = 'diplomaticAnnotator.showTermTimeline';

/** What the command returns (for tests): the report page, its one-line summary and the term's id. */
export interface TimelineResult {
  id: string;
  html: string;
  summary: string;
}

/** Registers the timeline command. */
export function registerTimeline(cache: AnalysisCache, corpus: WorkspaceCorpus): vscode.Disposable {
  return vscode.commands.registerCommand(TIMELINE_COMMAND, (id?: unknown) => showTimeline(cache, corpus, typeof id === 'string' ? id : undefined));
}

async function showTimeline(cache: AnalysisCache, corpus: WorkspaceCorpus, givenId?: string): Promise<TimelineResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  let id = givenId ?? (editor && entryAtPosition(editor.document, editor.selection.active, cache)?.id);
  const read = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Reading the statements of the workspace…', cancellable: true },
    async (_progress, token) => {
      const documents: WorkspaceCorpusDocument[] = [];
      for await (const d of corpus.documents(token)) documents.push(d);
      return token.isCancellationRequested ? undefined : documents;
    },
  );
  if (!read) return undefined;
  const glossary = cache.glossary.current.glossary;
  const index = buildCorpusIndex(read, glossary, id ? { term: id } : {});
  id ??= await pickTerm(index);
  if (!id) return undefined;
  const timeline = termTimeline(index, id);
  if (!timeline) return undefined;
  const uris = new Map(read.map((d) => [d.file, d.uri]));
  const html = timelineToHtml(timeline, {
    nonce: nonce(),
    glossary,
    revealLink: (o) => {
      const uri = uris.get(o.file);
      return uri && revealLink(uri, o.start, o.end);
    },
  });
  showReport('diplomaticAnnotator.timeline', `Timeline: ${timeline.term}`, html);
  const summary = timelineSummary(timeline);
  if (timeline.rows.length === 0) void vscode.window.showInformationMessage(`${summary}.`);
  return { id, html, summary };
}

/** A term picked from those the statements use, the most widespread first. */
async function pickTerm(index: CorpusIndex): Promise<string | undefined> {
  const items = index.terms
    .map((t) => ({ t, documents: new Set(t.occurrences.map((o) => o.file)).size }))
    .sort((a, b) => b.documents - a.documents || a.t.term.localeCompare(b.t.term))
    .map(({ t, documents }) => ({
      label: t.term,
      description: `${t.id} · ${t.kind}`,
      detail: `${t.occurrences.length} time${t.occurrences.length === 1 ? '' : 's'} in ${documents} statement${documents === 1 ? '' : 's'}`,
      id: t.id,
    }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('The statements of the workspace use no glossary term.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Show the timeline of…', matchOnDescription: true });
  return picked?.id;
}
