/** Completions in statements: glossary ids, kinds, attributes and front matter (see core/completions.ts). */
import * as vscode from 'vscode';
import { COMPLETION_TRIGGER_CHARACTERS, completeStatement, type StatementCompletion } from '../core/completions';
import type { TermKind } from '../core/glossary';
import { termHover } from '../core/hover';
import { toRange } from './convert';
import { untrusted } from './hover';
import type { GlossaryService } from './glossaryService';
import { timed } from './timings';

/** Icons of entries, after the semantic token types' super types in package.json. */
const ENTRY_ICONS: Record<TermKind, vscode.CompletionItemKind> = {
  party: vscode.CompletionItemKind.Class,
  principle: vscode.CompletionItemKind.EnumMember,
  initiative: vscode.CompletionItemKind.Function,
  institution: vscode.CompletionItemKind.Module,
  partnership: vscode.CompletionItemKind.Interface,
  agreement: vscode.CompletionItemKind.Struct,
  person: vscode.CompletionItemKind.Variable,
  concept: vscode.CompletionItemKind.Property,
};

const ICONS: Record<Exclude<StatementCompletion['kind'], 'entry'>, vscode.CompletionItemKind> = {
  class: vscode.CompletionItemKind.Keyword,
  attribute: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  field: vscode.CompletionItemKind.Field,
};

/** An item that remembers what it offers, so its documentation is made only when it is shown. */
class Item extends vscode.CompletionItem {
  constructor(readonly completion: StatementCompletion) {
    super({ label: completion.label, description: completion.description });
  }
}

/** Registers the completion provider for statements (markup only: prose gets no suggestion). */
export function registerCompletions(selector: vscode.DocumentSelector, glossary: GlossaryService): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    selector,
    {
      provideCompletionItems(doc, position) {
        return timed('completion', () => completionsAt(doc, position, glossary));
      },
      resolveCompletionItem(item) {
        const entry = item instanceof Item ? item.completion.entry : undefined;
        if (entry) item.documentation = untrusted(termHover(entry, glossary.current.glossary));
        return item;
      },
    },
    ...COMPLETION_TRIGGER_CHARACTERS,
  );
}

function completionsAt(doc: vscode.TextDocument, position: vscode.Position, glossary: GlossaryService): vscode.CompletionList | undefined {
  const result = completeStatement(doc.getText(), doc.offsetAt(position), glossary.current.glossary);
  if (!result) return undefined;
  const range = toRange(doc, result.range);
  const items = result.items.map((c) => {
    const item = new Item(c);
    item.kind = c.entry ? ENTRY_ICONS[c.entry.kind] : ICONS[c.kind as keyof typeof ICONS];
    item.detail = c.detail;
    item.insertText = c.snippet ? new vscode.SnippetString(c.insertText) : c.insertText;
    item.filterText = c.filterText;
    item.sortText = c.sortText;
    item.range = range;
    if (c.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
    return item;
  });
  return new vscode.CompletionList(items, result.incomplete);
}
