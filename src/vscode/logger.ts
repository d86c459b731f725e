/** The "Diplomatic Annotator" output channel, where errors go instead of the user's face. */
import * as vscode from 'vscode';

/** Logs to the output channel. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Creates the channel-backed logger. */
export function createLogger(): Logger & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Diplomatic Annotator', { log: true });
  return {
    info: (m) => channel.info(m),
    error: (m, e) => channel.error(e instanceof Error ? `${m}: ${e.stack ?? e.message}` : e !== undefined ? `${m}: ${String(e)}` : m),
    dispose: () => channel.dispose(),
  };
}
