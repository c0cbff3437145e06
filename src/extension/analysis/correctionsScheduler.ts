// When the tagger follows the researcher's corrections: at opening (a cached adapted model only,
// so the first scan already uses it) and after a pause in annotating (building a model if needed),
// then every document is analysed again.
import type { EntityIndex } from '../../core/index/types';
import type { WorkspacePort } from '../../core/ports';
import { type CorrectionsLog, followCorrections } from './correctionsLoop';
import type { WorkerClient } from './workerClient';

export interface CorrectionsHost {
  index(): Promise<EntityIndex | undefined>;
  port(): WorkspacePort | undefined;
  /** The tagger changed: every analysis is stale. */
  changed(): Promise<unknown>;
}

/** The pause in annotating after which the tagger adapts (an annotation undone by then costs nothing). */
export const CORRECTIONS_DELAY_MS = 3000;

export class CorrectionsScheduler {
  private timer: NodeJS.Timeout | undefined;
  /**
   * One adaptation at a time: two overlapping ones would both compare against the worker's old
   * key, and the slower (possibly staler) one would win, leaving the tagger taught rulings
   * that were undone meanwhile.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: CorrectionsHost,
    private readonly worker: WorkerClient,
    private readonly log: CorrectionsLog,
  ) {}

  /** At opening, before the first scan: follows a cached model now, else builds one soon. */
  async atOpen(index: EntityIndex): Promise<void> {
    const port = this.host.port();
    if (!port) return;
    const followed = await this.serial(() => followCorrections(index, port, this.worker, this.log, true)).catch((err: unknown) => {
      this.log.warn(`corrections: ${err instanceof Error ? err.message : String(err)}`);
      return 'same' as const;
    });
    if (followed === 'deferred') this.schedule(0);
  }

  schedule(delayMs = CORRECTIONS_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void (async () => {
        // The index is awaited outside the queue: opening an index adapts through the queue too.
        const index = await this.host.index();
        const port = this.host.port();
        if (!index || !port) return;
        if ((await this.serial(() => followCorrections(index, port, this.worker, this.log))) === 'changed') await this.host.changed();
      })().catch((err: unknown) => this.log.warn(`corrections: ${err instanceof Error ? err.message : String(err)}`));
    }, delayMs);
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
