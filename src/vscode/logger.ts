/** The "Diplomatic Annotator" output channel, where errors go instead of the user's face. */
import * as vscode from 'vscode';

/** Logs to the output channel. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  /** Every error logged so far (the integration suite fails when there is one). */
  readonly errors: readonly string[];
}

/** Creates the channel-backed logger. */
export function createLogger(): Logger & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Diplomatic Annotator', { log: true });
  const errors: string[] = [];
  return {
    info: (m) => channel.info(m),
    error: (m, e) => {
      const line = e instanceof Error ? `${m}: ${e.stack ?? e.message}` : e !== undefined ? `${m}: ${String(e)}` : m;
      errors.push(line);
      channel.error(line);
    },
    errors,
    dispose: () => channel.dispose(),
  };
}
