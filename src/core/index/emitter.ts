// A minimal typed event emitter for the core (vscode's EventEmitter is not available here).
import type { Disposable } from '../ports';

export class Emitter<T> implements Disposable {
  private listeners = new Set<(e: T) => void>();

  event = (listener: (e: T) => void): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(e: T): void {
    for (const listener of [...this.listeners]) {
      // One failing view must not stop the others from hearing about the change.
      try {
        listener(e);
      } catch (err) {
        console.error('dossier: index listener failed', err);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
