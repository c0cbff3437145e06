// Live updates from the team index: one dedicated connection LISTENs on dossier_changes and
// reports, per project, which tables another client changed (annotations, entities, documents).
// A dropped connection is re-opened with exponential back-off (1 s doubling to 30 s), and the
// state is reported so the editor's status bar can show it.
import pg from 'pg';

export type ListenerState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface TeamListenerOptions {
  url: string;
  project: string;
  password?: string;
  ssl?: pg.ClientConfig['ssl'];
  /** Changed tables, coalesced over `debounceMs` (default 100). */
  onChange: (tables: Set<string>) => void;
  onState?: (state: ListenerState, detail?: string) => void;
  debounceMs?: number;
}

export class TeamListener {
  private client: pg.Client | undefined;
  private closed = false;
  private delay = 1000;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private pending = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: TeamListenerOptions) {}

  /** Connects (retrying in the background when the server is unreachable). */
  start(): void {
    this.options.onState?.('connecting');
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.options.url, password: this.options.password, ssl: this.options.ssl, connectionTimeoutMillis: 10_000 });
    client.on('error', () => this.lost(client, 'connection lost'));
    client.on('end', () => this.lost(client, 'connection closed'));
    client.on('notification', (n) => this.notified(n.payload));
    try {
      await client.connect();
      await client.query('LISTEN dossier_changes');
      if (this.closed) return void client.end().catch(() => undefined);
      this.client = client;
      this.delay = 1000;
      this.options.onState?.('connected');
    } catch (err) {
      this.lost(client, err instanceof Error ? err.message : String(err));
    }
  }

  private lost(client: pg.Client, why: string): void {
    if (this.closed || (this.client && this.client !== client)) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.retry) return;
    this.options.onState?.('reconnecting', `${why}; retrying in ${Math.round(this.delay / 1000)} s`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, 30_000);
  }

  private notified(payload: string | undefined): void {
    let change: { project?: unknown; table?: unknown };
    try {
      change = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    if (change.project !== this.options.project || typeof change.table !== 'string') return;
    this.pending.add(change.table.replace(/^dossier_/, ''));
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const tables = this.pending;
      this.pending = new Set();
      this.options.onChange(tables);
    }, this.options.debounceMs ?? 100);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  async dispose(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.options.onState?.('closed');
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
