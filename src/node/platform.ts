/**
 * The Node extension host's services (desktop VS Code and remote windows): glossaries parsed in a
 * worker thread, symbolic links resolved with `fs.realpath`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { inThreadGlossaryParser, workerGlossaryParser } from '../core/glossaryParser';
import type { HostPlatform, LocalFiles } from '../vscode/platform';
import { spawnGlossaryWorkerThread } from './glossaryWorkerThread';

const localFiles: LocalFiles = {
  async realPath(file, exists) {
    try {
      return exists ? await fs.realpath(file) : path.join(await fs.realpath(path.dirname(file)), path.basename(file));
    } catch {
      return undefined;
    }
  },
  isInside(root, file) {
    const relative = path.relative(root, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  },
};

/** The Node host's platform. */
export const nodePlatform: HostPlatform = {
  /**
   * Workspace glossaries are parsed in a worker thread beside the bundle (`dist/glossaryWorker.js`);
   * in the calling thread only where the extension's files are not on a local disk of the host.
   */
  createGlossaryParser(extensionUri, log) {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'glossaryWorker.js');
    if (script.scheme !== 'file') return inThreadGlossaryParser();
    return workerGlossaryParser(spawnGlossaryWorkerThread(script.fsPath), {
      onUnavailable: (reason) => log.error(`the glossary worker could not start (${reason}); glossaries are parsed in the editor's thread`),
    });
  },
  localFiles,
};
