/**
 * What differs between the extension hosts the extension runs in: the Node host of desktop VS Code
 * and remote windows (`src/extension.node.ts` → dist/extension.js) and the web worker host of
 * vscode.dev and github.dev (`src/extension.web.ts` → dist/web/extension.js). Everything else in
 * `src/vscode` and `src/core` is shared by both builds and reads files through `workspace.fs`, so
 * it may not import Node's modules (a lint rule checks it); what needs them comes in here.
 */
import type * as vscode from 'vscode';
import type { GlossaryParser } from '../core/glossaryParser';
import type { Logger } from './logger';

/** Local files seen through the host's own disk (Node only): symbolic links resolved. */
export interface LocalFiles {
  /** The real path of `file` (of its folder, for a file that does not exist yet), or undefined when it cannot be resolved. */
  realPath(file: string, exists: boolean): Promise<string | undefined>;
  /** True when `file` is `root` or lies under it (both absolute, resolved). */
  isInside(root: string, file: string): boolean;
}

/** The host's own services. */
export interface HostPlatform {
  /** Where workspace glossaries are parsed (a worker thread on Node, the host's own thread on the web). */
  createGlossaryParser(extensionUri: vscode.Uri, log: Logger): GlossaryParser;
  /** Absent on the web, where no file is on a local disk of the host. */
  localFiles?: LocalFiles;
}
