// A window's re-indexed documents, published to the team index: after the index's documents
// change (an edit, a new file, a re-analysis), their text and mentions go to the server a moment
// later (syncDocuments: only what changed, one transaction), which NOTIFYs every other client
// (`documents`) and keeps the server search's counts current. One publish at a time; changes that
// come meanwhile are published right after. Offline or read-only, nothing is sent; the next
// change or reconnect publishes everything that differs.
import type { EntityIndex } from '../types';
import { syncDocuments, type DocumentMeta } from './documents';
import type { TeamDb } from './teamDb';

export interface PublisherOptions {
  /** The connection, or undefined while offline; a TeamDb with a readOnlyReason is never written. */
  db: () => TeamDb | undefined;
  index: () => Promise<EntityIndex | undefined>;
  /** File modification time and size (the server-side document date falls back on the mtime). */
  stat?: (path: string) => Promise<DocumentMeta | undefined>;
  delayMs?: number;
  onProblem?: (message: string) => void;
}

export class DocumentPublisher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private disposed = false;

  constructor(private readonly options: PublisherOptions) {}

  /** Publishes after `delayMs` (a burst of changes is one publish). */
  schedule(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.publish(), this.options.delayMs ?? 500);
  }

  /** Publishes now; resolves to the number of documents written (0 offline or read-only). */
  publish(): Promise<number> {
    clearTimeout(this.timer);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let written = 0;
      do {
        this.again = false;
        written += await this.once();
      } while (this.again && !this.disposed);
      return written;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async once(): Promise<number> {
    const db = this.options.db();
    const index = db && !db.readOnlyReason ? await this.options.index() : undefined;
    if (!db || !index) return 0;
    try {
      const meta = new Map<string, DocumentMeta>();
      if (this.options.stat) {
        const paths = index.documents();
        const stats = await Promise.all(paths.map((p) => this.options.stat!(p).catch(() => undefined)));
        paths.forEach((p, i) => stats[i] && meta.set(p, stats[i]!));
      }
      return (await syncDocuments(db, index, (p) => meta.get(p))).written;
    } catch (err) {
      this.options.onProblem?.(`team index: publishing documents failed: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}
