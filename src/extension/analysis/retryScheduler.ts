// Retries failed analyses with exponential back-off (1 s, 2 s, 4 s … capped at 5 min), so a
// worker that crashed or timed out once does not leave a document without mentions for good.
import type { EntityIndex } from '../../core/index/types';

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60_000;

interface Pending {
  error: string;
  attempts: number;
  dueAt: number;
  timer: unknown;
}

export class RetryScheduler {
  private readonly pendingByPath = new Map<string, Pending>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly subscription: { dispose(): void };
  private disposed = false;

  constructor(
    private readonly index: EntityIndex,
    private readonly timers: Timers = realTimers,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.subscription = index.onDidChange(() => this.refresh());
  }

  /** Matches the schedule to the index's current failures: new ones are scheduled, fixed ones dropped. */
  refresh(): void {
    if (this.disposed) return;
    const failures = new Map(this.index.analysisFailures().map((f) => [f.path, f.error]));
    let changed = false;
    for (const [path, p] of this.pendingByPath) {
      if (failures.has(path)) continue;
      this.timers.clearTimeout(p.timer);
      this.pendingByPath.delete(path);
      changed = true;
    }
    for (const [path, error] of failures) {
      const p = this.pendingByPath.get(path);
      if (p) p.error = error;
      else {
        this.schedule(path, error, 0);
        changed = true;
      }
    }
    if (changed) this.onChange();
  }

  pending(): { path: string; error: string; attempts: number; dueAt: number }[] {
    return [...this.pendingByPath].map(([path, p]) => ({ path, error: p.error, attempts: p.attempts, dueAt: p.dueAt }));
  }

  /** Resolves when no retry is running (scheduled ones may still be waiting). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    for (const p of this.pendingByPath.values()) this.timers.clearTimeout(p.timer);
    this.pendingByPath.clear();
  }

  private schedule(path: string, error: string, attempts: number): void {
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempts);
    const entry: Pending = { error, attempts, dueAt: this.timers.now() + delay, timer: undefined };
    entry.timer = this.timers.setTimeout(() => this.retry(path, entry), delay);
    this.pendingByPath.set(path, entry);
  }

  private retry(path: string, entry: Pending): void {
    if (this.disposed || this.pendingByPath.get(path) !== entry) return;
    const text = this.index.getText(path);
    if (text === undefined) {
      this.pendingByPath.delete(path);
      return;
    }
    const run = this.index
      .updateDocument(path, text)
      .then((record) => {
        if (this.disposed || this.pendingByPath.get(path) !== entry) return;
        if (record.analysisError === undefined) this.pendingByPath.delete(path);
        else this.schedule(path, record.analysisError, entry.attempts + 1);
        this.onChange();
      })
      .catch(() => {
        if (!this.disposed && this.pendingByPath.get(path) === entry) this.schedule(path, entry.error, entry.attempts + 1);
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
