// The index's open / scan / reopen sequence, free of vscode so the unit suite can stress it.
// Each opening is a session with its own scan signal: a reopen cancels that session's scan and
// waits for it to stop before the index is disposed, so no scan ever runs on a disposed index
// or reports progress for an index that is gone. Failed analyses are retried with back-off.
import type { EntityIndex, ScanProgress, ScanSummary } from '../../core/index/types';
import { RetryScheduler, type Timers } from './retryScheduler';

export interface LifecycleHooks {
  /** Opens a fresh index (reads the current settings and trust). */
  open(): Promise<EntityIndex>;
  onOpened?(index: EntityIndex): void;
  onClosing?(index: EntityIndex): void;
  onScanned?(index: EntityIndex, summary: ScanSummary): void;
  onOpenFailed?(err: unknown): void;
  onScanFailed?(err: unknown): void;
  /** Progress of the live session's newest scan; undefined when it ends. */
  onProgress?(p: ScanProgress | undefined): void;
  /** Retries of failed analyses changed (scheduled, succeeded, failed again). */
  onRetriesChanged?(): void;
  /** Awaited before a session's first scan: the visible documents are analysed first. */
  beforeScan?(): Promise<void>;
  timers?: Timers;
}

interface Session {
  index: EntityIndex;
  signal: { cancelled: boolean };
  scanning: Promise<unknown>;
  retries: RetryScheduler;
}

export class IndexLifecycle {
  private session: Session | undefined;
  private current: Promise<EntityIndex | undefined>;
  private disposed = false;

  constructor(private readonly hooks: LifecycleHooks) {
    this.current = this.openSession();
  }

  /** The index once loaded (undefined when it could not open); replaced by reopen(). */
  get index(): Promise<EntityIndex | undefined> {
    return this.current;
  }

  /** Closes the index and opens a new one; the running scan is cancelled at once. */
  reopen(): Promise<EntityIndex | undefined> {
    if (this.session) this.session.signal.cancelled = true;
    this.current = this.current.then(async () => {
      await this.closeSession();
      return this.openSession();
    });
    return this.current;
  }

  /** Scans the live index again; a scan already running in this session is cancelled first. */
  async rescan(): Promise<ScanSummary | undefined> {
    await this.current;
    return this.session ? this.scan(this.session) : undefined;
  }

  /** Documents whose analysis failed and when their next retry is due. */
  pendingRetries(): { path: string; error: string; attempts: number; dueAt: number }[] {
    return this.session?.retries.pending() ?? [];
  }

  /** Resolves when the current session's scans and due retries have finished. */
  async settled(): Promise<void> {
    await this.current;
    for (let s = this.session; s; ) {
      await s.scanning;
      await s.retries.idle();
      if (s === this.session) return;
      s = this.session;
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.session) this.session.signal.cancelled = true;
    await this.current.catch(() => undefined);
    await this.closeSession();
  }

  private async openSession(): Promise<EntityIndex | undefined> {
    if (this.disposed) return undefined;
    let index: EntityIndex;
    try {
      index = await this.hooks.open();
    } catch (err) {
      this.hooks.onOpenFailed?.(err);
      return undefined;
    }
    const retries = new RetryScheduler(index, this.hooks.timers, () => this.hooks.onRetriesChanged?.());
    const session: Session = { index, signal: { cancelled: false }, scanning: Promise.resolve(), retries };
    this.session = session;
    this.hooks.onOpened?.(index);
    const first = this.hooks.beforeScan?.().catch(() => undefined);
    session.scanning = first ?? Promise.resolve();
    void this.scan(session);
    return index;
  }

  private async closeSession(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.session = undefined;
    s.signal.cancelled = true;
    s.retries.dispose();
    await s.scanning.catch(() => undefined);
    this.hooks.onClosing?.(s.index);
    await s.index.flush().catch(() => undefined);
    s.index.dispose();
    this.hooks.onProgress?.(undefined);
  }

  private async scan(session: Session): Promise<ScanSummary | undefined> {
    session.signal.cancelled = true;
    await session.scanning.catch(() => undefined);
    if (this.session !== session) return undefined;
    const signal = { cancelled: false };
    session.signal = signal;
    const live = () => this.session === session && session.signal === signal;
    const run = (async () => {
      this.hooks.onProgress?.({ done: 0, total: 0, path: '' });
      try {
        const summary = await session.index.scan((p) => live() && this.hooks.onProgress?.(p), signal);
        if (this.session === session) {
          session.retries.refresh();
          this.hooks.onScanned?.(session.index, summary);
        }
        return summary;
      } catch (err) {
        if (this.session === session) this.hooks.onScanFailed?.(err);
        return undefined;
      } finally {
        if (live()) this.hooks.onProgress?.(undefined);
      }
    })();
    session.scanning = run;
    return run;
  }
}
