/**
 * Diplomatic Annotator: activation wires the services to one adapter per feature. Shared by the
 * Node build (`extension.node.ts`) and the web build (`extension.web.ts`), which pass in what
 * their hosts differ in: so nothing here may import a Node module.
 */
import * as vscode from 'vscode';
import { AnalysisCache } from './vscode/analysisCache';
import { registerCommands } from './vscode/commands';
import { registerCompletions } from './vscode/completions';
import { registerCorpusNavigation } from './vscode/corpusNavigation';
import { registerCommitmentsView, type CommitmentsSnapshot } from './vscode/commitmentsView';
import { registerCompare } from './vscode/compare';
import { registerDefinition } from './vscode/definition';
import { registerFolding } from './vscode/folding';
import { registerGettingStarted } from './vscode/gettingStarted';
import { GlossaryService } from './vscode/glossaryService';
import { registerHover } from './vscode/hover';
import { registerLanguageStatus, type LanguageStatusSnapshot } from './vscode/languageStatus';
import { createLogger } from './vscode/logger';
import { registerOutline } from './vscode/outline';
import type { HostPlatform } from './vscode/platform';
import { registerSemanticTokens } from './vscode/semanticTokens';
import { registerQuickFixes } from './vscode/quickFixes';
import { registerStatementDiagnostics } from './vscode/statementDiagnostics';
import { documentSelector, settings } from './vscode/settings';
import { timings } from './vscode/timings';

/**
 * What activation returns to the integration tests, and only to them (the extension runs in
 * `ExtensionMode.Test` when VS Code is started with `--extensionTestsPath`, as both test
 * harnesses do): a promise that settles once workspace glossaries are loaded, and what the tests
 * read of the extension's state. Installed or run with F5, the extension exports nothing: this is
 * not a public API.
 */
export interface DiplomaticAnnotatorApi {
  ready: Promise<void>;
  /** How long activation took, in milliseconds (printed by the performance test). */
  activationMs: number;
  /** Errors logged to the output channel (the integration suite fails when there is one). */
  loggedErrors: readonly string[];
  /** The providers' own recent durations, in milliseconds, by feature. */
  timings: () => Record<string, number[]>;
  /** What the Commitments view shows now. */
  commitmentsView: () => CommitmentsSnapshot;
  /** What the language status items show now, for the active document. */
  languageStatus: () => LanguageStatusSnapshot;
}

/**
 * Activates the extension with its host's services (the build's entry passes them in); returns the
 * test API under tests only (see {@link DiplomaticAnnotatorApi}).
 */
export async function activateWith(context: vscode.ExtensionContext, platform: HostPlatform): Promise<DiplomaticAnnotatorApi | undefined> {
  const started = performance.now();
  const log = createLogger();
  const builtin = await readBuiltinGlossary(context, log);
  const glossary = new GlossaryService(context.extensionUri, builtin.json, log, platform.createGlossaryParser(context.extensionUri, log), builtin.matcher);
  const cache = new AnalysisCache(glossary, log);
  context.subscriptions.push(log, glossary, cache);

  // Language features follow the `languages` setting: re-register when it changes.
  let features: vscode.Disposable | undefined;
  const registerFeatures = () => {
    features?.dispose();
    const selector = documentSelector();
    features = vscode.Disposable.from(
      registerHover(selector, cache, glossary),
      registerSemanticTokens(selector, cache),
      registerOutline(selector, cache),
      registerDefinition(selector, cache, glossary),
      registerQuickFixes(selector, cache, glossary),
      registerFolding(selector, cache),
    );
  };
  registerFeatures();
  const view = registerCommitmentsView(cache, (doc) => settings.languages().includes(doc.languageId));
  context.subscriptions.push(
    new vscode.Disposable(() => features?.dispose()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('diplomaticAnnotator.languages')) registerFeatures();
    }),
    // Trusting the workspace lets its own `languages` and `glossary.files` apply (Restricted Mode ignored them).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      registerFeatures();
      void glossary.reloadAll().catch((e) => log.error('could not load workspace glossaries', e));
    }),
    view,
    registerCommands(cache, glossary, platform.localFiles),
    // Completions read the .statement markup, so they are for statements whatever the `languages` setting.
    registerCompletions({ language: 'statement' }, glossary),
    registerStatementDiagnostics(cache),
  );
  const languageStatus = registerLanguageStatus(cache);
  context.subscriptions.push(languageStatus, registerGettingStarted(context.extensionUri));
  context.subscriptions.push(registerCompare(cache));
  // Across the workspace's statements: references, workspace symbols, term timelines.
  context.subscriptions.push(registerCorpusNavigation(cache, log));
  // Workspace glossaries load in the background: the built-in glossary serves until then.
  const ready = glossary.reloadAll().catch((e) => log.error('could not load workspace glossaries', e));
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { ready, activationMs: performance.now() - started, loggedErrors: log.errors, timings, commitmentsView: view.snapshot, languageStatus: languageStatus.snapshot };
}

/** The built-in glossary shipped beside the bundle, and its precompiled matcher when present. */
async function readBuiltinGlossary(context: vscode.ExtensionContext, log: ReturnType<typeof createLogger>): Promise<{ json: unknown; matcher?: Uint8Array }> {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const [json, matcher] = await Promise.allSettled([
    vscode.workspace.fs.readFile(vscode.Uri.joinPath(dist, 'builtin-glossary.json')),
    vscode.workspace.fs.readFile(vscode.Uri.joinPath(dist, 'builtin-glossary.bin')),
  ]);
  if (matcher.status === 'rejected') log.info('no precompiled matcher for the built-in glossary; it is compiled at first use');
  try {
    if (json.status === 'rejected') throw json.reason;
    return { json: JSON.parse(new TextDecoder().decode(json.value)), matcher: matcher.status === 'fulfilled' ? matcher.value : undefined };
  } catch (e) {
    log.error('could not read the built-in glossary; only workspace glossaries are used', e);
    return { json: { entries: [] } };
  }
}
