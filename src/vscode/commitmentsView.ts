/**
 * The Commitments view in the Explorer: the active editor's commitments grouped by the parties
 * that make them or by type (a toggle in the title bar), filterable by type; each item shows its
 * actor's own words, type and notes; clicking one reveals it. It follows the active editor and
 * refreshes as the document changes (debounced).
 */
import { displayText } from '../core/display';
import * as vscode from 'vscode';
import type { Commitment } from '../core/commitments';
import { COMMITMENT_TYPES, type CommitmentType } from '../core/lexicon';
import { noteIndexOf } from '../core/notes';
import { commitmentItemDetail, commitmentLabel } from '../core/outline';
import { groupByParties, partyNamer } from '../core/report';
import type { AnalysisCache } from './analysisCache';
import { toRange } from './convert';

/** The view's id, as contributed in package.json. */
export const VIEW_ID = 'diplomaticAnnotator.commitments';

type Node = { kind: 'group'; label: string; detail: string; items: Commitment[] } | { kind: 'commitment'; commitment: Commitment };

/** Tree data for the view; exported for tests. */
export class CommitmentsTree implements vscode.TreeDataProvider<Node> {
  groupBy: 'party' | 'type' = 'party';
  types = new Set<CommitmentType>(COMMITMENT_TYPES);
  private document: vscode.TextDocument | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly cache: AnalysisCache) {}

  /** Shows the commitments of `doc` (or nothing). */
  show(doc: vscode.TextDocument | undefined): void {
    this.document = doc;
    this.changed.fire(undefined);
  }

  get current(): vscode.TextDocument | undefined {
    return this.document;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'group') return node.items.map((commitment) => ({ kind: 'commitment', commitment }));
    if (node) return [];
    const doc = this.document;
    // A large document's first analysis runs in slices; the view fills in when it is ready.
    const analysis = doc && this.cache.now(doc);
    if (!analysis || analysis.termsOnly) return [];
    const items = analysis.commitments.filter((c) => this.types.has(c.type));
    if (this.groupBy === 'type') {
      return COMMITMENT_TYPES.map((t) => ({ t, list: items.filter((c) => c.type === t) }))
        .filter((g) => g.list.length > 0)
        .map((g) => ({ kind: 'group', label: `${g.t} — ${g.list.length}`, detail: '', items: g.list }));
    }
    const nameOf = partyNamer(this.cache.glossary.current.glossary, analysis.parties);
    return groupByParties(items, nameOf).map((g) => ({
      kind: 'group',
      label: `${displayText(g.label)} — ${g.commitments.length}`,
      detail: g.parties.join(', '),
      items: g.commitments,
    }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = node.detail;
      item.contextValue = 'group';
      item.iconPath = new vscode.ThemeIcon(this.groupBy === 'party' ? 'organization' : 'symbol-enum');
      return item;
    }
    const c = node.commitment;
    const doc = this.document!;
    const analysis = this.cache.now(doc);
    const notes = analysis ? noteIndexOf(analysis.notes).on(c) : [];
    const item = new vscode.TreeItem(commitmentLabel(c, analysis?.plain ?? doc.getText()), vscode.TreeItemCollapsibleState.None);
    item.description = commitmentItemDetail(c, notes);
    item.tooltip = commitmentTooltip(c, notes, doc.positionAt(c.start).line + 1);
    item.iconPath = new vscode.ThemeIcon(ICONS[c.type]);
    item.contextValue = 'commitment';
    item.command = { command: 'diplomaticAnnotator.revealCommitment', title: 'Reveal', arguments: [doc.uri, c.start, c.end] };
    return item;
  }
}

/** The tooltip of an item: actor, trigger, type, line, and each note in full. */
function commitmentTooltip(c: Commitment, notes: readonly { note: string }[], line: number): string {
  const head = `${displayText(c.actor || 'Unattributed')}: ${displayText(c.trigger)} (${commitmentItemDetail({ ...c, actor: '' })}) — line ${line}`;
  return [head, ...[...new Set(notes.map((n) => n.note.trim()).filter(Boolean))].map((n) => `Note: ${displayText(n)}`)].join('\n');
}

const ICONS: Record<CommitmentType, string> = { pledge: 'pass', support: 'thumbsup', oppose: 'thumbsdown', affirm: 'verified', request: 'megaphone' };

/** What the view shows now, as labels (for tests and diagnostics): each group with its items. */
export type CommitmentsSnapshot = {
  label: string;
  description: string;
  /** The items' labels. */
  items: string[];
  /** The items' descriptions and tooltips, in the order of `items`. */
  descriptions: string[];
  tooltips: string[];
}[];

/** Registers the view and its commands; `snapshot` reads what the view shows. */
export function registerCommitmentsView(cache: AnalysisCache, isSupported: (doc: vscode.TextDocument) => boolean): vscode.Disposable & { snapshot: () => CommitmentsSnapshot } {
  const tree = new CommitmentsTree(cache);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const setContext = () => void vscode.commands.executeCommand('setContext', 'diplomaticAnnotator.groupBy', tree.groupBy);
  setContext();
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (editor && isSupported(editor.document)) tree.show(editor.document);
    else if (!editor) tree.show(undefined);
    updateMessage();
  };
  const updateMessage = () => {
    // Without a document the view's welcome content (`viewsWelcome` in package.json) says what to do.
    void vscode.commands.executeCommand('setContext', 'diplomaticAnnotator.viewHasDocument', tree.current !== undefined);
    view.message = tree.current && tree.types.size < COMMITMENT_TYPES.length ? `Showing: ${[...tree.types].join(', ')}` : undefined;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  follow(vscode.window.activeTextEditor);
  const shown = (node: Parameters<typeof tree.getTreeItem>[0]) => {
    const item = tree.getTreeItem(node);
    return { label: String(item.label), description: String(item.description ?? ''), tooltip: String(item.tooltip ?? '') };
  };
  const snapshot = (): CommitmentsSnapshot =>
    tree.getChildren().map((g) => {
      const { label, description } = shown(g);
      const items = tree.getChildren(g).map(shown);
      return { label, description, items: items.map((i) => i.label), descriptions: items.map((i) => i.description), tooltips: items.map((i) => i.tooltip) };
    });
  const disposable = vscode.Disposable.from(
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== tree.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => tree.refresh(), 300);
    }),
    cache.onDidInvalidate(() => tree.refresh()),
    cache.onDidComplete((uri) => {
      if (tree.current?.uri.toString() === uri.toString()) tree.refresh();
    }),
    new vscode.Disposable(() => clearTimeout(timer)),
    vscode.commands.registerCommand('diplomaticAnnotator.groupByType', () => {
      tree.groupBy = 'type';
      setContext();
      tree.refresh();
    }),
    vscode.commands.registerCommand('diplomaticAnnotator.groupByParty', () => {
      tree.groupBy = 'party';
      setContext();
      tree.refresh();
    }),
    vscode.commands.registerCommand('diplomaticAnnotator.filterCommitments', async (types?: CommitmentType[]) => {
      const picks =
        types?.map((label) => ({ label })) ??
        (await vscode.window.showQuickPick(
          COMMITMENT_TYPES.map((t) => ({ label: t, picked: tree.types.has(t) })),
          { canPickMany: true, title: 'Show commitment types' },
        ));
      if (!picks) return;
      tree.types = new Set(picks.map((p) => p.label as CommitmentType).filter((t) => COMMITMENT_TYPES.includes(t)));
      updateMessage();
      tree.refresh();
    }),
    vscode.commands.registerCommand('diplomaticAnnotator.revealCommitment', async (uri: vscode.Uri, start: number, end: number) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
      const range = toRange(doc, { start, end });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('diplomaticAnnotator.showCommitments', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
  );
  return Object.assign(disposable, { snapshot });
}
