/**
 * Events for the core's services, in the shape VS Code's `Event` has (subscribe with a listener,
 * get back something to dispose), so an adapter can pass them on or push them into a
 * `Disposable.from(…)` as they are, and the core needs no `vscode` import.
 */

/** Something to release: a subscription, a service. */
export interface Disposable {
  dispose(): void;
}

/** Subscribes `listener`; disposing the result unsubscribes it. */
export type Event<T> = (listener: (e: T) => void) => Disposable;

/** Fires an {@link Event} to its listeners, in the order they subscribed. */
export class Emitter<T> implements Disposable {
  private listeners: ((e: T) => void)[] = [];

  /** The event listeners subscribe to. */
  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  /** Calls every listener with `e`; one that throws does not stop the others (its error is rethrown after them). */
  fire(e: T): void {
    let failure: unknown;
    let failed = false;
    for (const listener of [...this.listeners]) {
      try {
        listener(e);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
    if (failed) throw failure;
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners = [];
  }
}
