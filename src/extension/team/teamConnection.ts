// The window's connection to the team index: a TeamDb pool (annotations and registry on the
// server), a TeamListener (LISTEN/NOTIFY, reconnecting with exponential back-off) whose state is
// the connection's, and the OutboxStore the index writes through (queued in .dossier/outbox.json
// while the server is unreachable, sent on reconnect). Changing the settings, connecting or
// disconnecting fires onDidChangeMode: the workspace index then reopens on the other store.
import * as vscode from 'vscode';
import type { IndexStore } from '../../core/index/indexStore';
import { TeamListener } from '../../core/index/pg/listener';
import { OutboxStore } from '../../core/index/pg/outbox';
import { PgIndexStore } from '../../core/index/pg/pgStore';
import { redact, TeamDb } from '../../core/index/pg/teamDb';
import type { WorkspacePort } from '../../core/ports';
import { readTeamSettings, secretKey, SERVER_SECTION, type TeamSettings } from './teamSettings';

export type TeamState = 'off' | 'connecting' | 'connected' | 'offline';

/** What the workspace index opens with while connected. */
export interface TeamStores {
  store: IndexStore;
  /** Why this role may not write (a reader), when known. */
  readOnly?: string;
}

const DISCONNECTED = 'dossier.team.disconnected';

export class TeamConnection implements vscode.Disposable {
  private settings: TeamSettings;
  private key = '';
  private password: string | undefined;
  private db: TeamDb | undefined;
  private opening: Promise<TeamDb | undefined> | undefined;
  private listener: TeamListener | undefined;
  private outbox: OutboxStore | undefined;
  private stateValue: TeamState = 'off';
  private detailValue = '';
  private retry: NodeJS.Timeout | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  private readonly modeEmitter = new vscode.EventEmitter<void>();
  private readonly remoteEmitter = new vscode.EventEmitter<Set<string>>();
  private readonly subscriptions: vscode.Disposable[] = [this.stateEmitter, this.modeEmitter, this.remoteEmitter];
  /** State, detail or queue length changed (the status bar). */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Connected, disconnected or the settings changed: the index must reopen. */
  readonly onDidChangeMode = this.modeEmitter.event;
  /** Another client changed these tables (annotations, entities, documents); also after a reconnect. */
  readonly onDidChangeRemote = this.remoteEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly root: vscode.Uri | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.settings = readTeamSettings(root);
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SERVER_SECTION) && void this.refresh()),
      context.secrets.onDidChange((e) => e.key === secretKey(this.settings.url) && void this.refresh()),
    );
  }

  /** True when this workspace uses the team index (a URL is set and the user did not disconnect). */
  get enabled(): boolean {
    return !!this.settings.url && !this.settings.problem && this.context.workspaceState.get(DISCONNECTED) !== this.settings.url;
  }
  get state(): TeamState {
    return this.stateValue;
  }
  get detail(): string {
    return this.detailValue;
  }
  get queued(): number {
    return this.outbox?.queued ?? 0;
  }
  get url(): string {
    return this.settings.url;
  }
  /** The pool while connected (what the document publisher writes through); undefined otherwise. */
  get database(): TeamDb | undefined {
    return this.stateValue === 'connected' ? this.db : undefined;
  }
  get problem(): string | undefined {
    return this.settings.problem;
  }

  /** The stores for an index over `port`, or undefined when the workspace uses its files. */
  async stores(port: WorkspacePort): Promise<TeamStores | undefined> {
    if (!this.enabled) return undefined;
    await this.start();
    this.outbox ??= new OutboxStore({
      port,
      // Only while the listener holds its connection: offline, writes go to the outbox at once.
      server: () => (this.db && this.listener?.connected ? new PgIndexStore(this.db) : undefined),
      onProblem: (m) => this.log.warn(m),
      onQueued: () => this.stateEmitter.fire(),
    });
    return { store: this.outbox, readOnly: this.db?.readOnlyReason };
  }

  /** Re-reads settings and password; reconnects when they changed (one refresh at a time). */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.refreshNow()).catch((err: unknown) => this.log.warn(`team index: ${String(err)}`));
    return this.refreshing;
  }
  private refreshing = Promise.resolve();

  private async refreshNow(): Promise<void> {
    this.settings = readTeamSettings(this.root);
    if (this.settings.problem) this.log.warn(this.settings.problem);
    const password = this.settings.url ? await this.context.secrets.get(secretKey(this.settings.url)) : undefined;
    const key = this.keyOf(password);
    if (key === this.key) return;
    await this.stop();
    this.key = key;
    this.modeEmitter.fire();
  }

  /** What a connection depends on: when it changes, the connection is made afresh. */
  private keyOf(password: string | undefined): string {
    const { url, project, ssl } = this.settings;
    return JSON.stringify([this.enabled, url, project, ssl ?? null, password ?? null]);
  }

  /** Turns the team index on again for this workspace (after Disconnect). */
  async reconnect(): Promise<void> {
    await this.context.workspaceState.update(DISCONNECTED, undefined);
    await this.refresh();
  }

  /** Back to the workspace files (the URL stays in the settings for a later Connect). */
  async disconnect(): Promise<void> {
    await this.context.workspaceState.update(DISCONNECTED, this.settings.url);
    await this.refresh();
  }

  /** Delivers the outbox now; -1 when the server did not take it. */
  drain(): Promise<number> {
    return this.outbox?.drain() ?? Promise.resolve(0);
  }

  private async start(): Promise<void> {
    if (this.listener) {
      await this.opening;
      return;
    }
    this.password = this.settings.url ? await this.context.secrets.get(secretKey(this.settings.url)) : undefined;
    this.key = this.keyOf(this.password);
    const { url, project, ssl } = this.settings;
    this.setState('connecting');
    this.listener = new TeamListener({
      url, project, ssl, password: this.password || undefined,
      onChange: (tables) => this.remoteEmitter.fire(tables),
      onState: (s, detail) => {
        if (s === 'connected') void this.online();
        else if (s === 'reconnecting') this.setState('offline', detail ?? '');
      },
    });
    this.listener.start();
    await this.openDb();
  }

  private openDb(): Promise<TeamDb | undefined> {
    if (this.db) return Promise.resolve(this.db);
    const { url, project, ssl } = this.settings;
    this.opening ??= TeamDb.open(url, { project, ssl, password: this.password || undefined, max: 2 })
      .then((db) => {
        this.db = db;
        this.log.info(`team index: connected to ${redact(url)} (project "${project}")${db.readOnlyReason ? `; ${db.readOnlyReason}` : ''}`);
        return db;
      })
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        this.log.warn(`team index: ${message}`);
        this.setState('offline', message);
        // The listener retries with back-off; the pool is retried with it (see online()).
        return undefined;
      })
      .finally(() => (this.opening = undefined));
    return this.opening;
  }

  /** The listener is connected: open the pool if need be, send the outbox, catch up on what was missed. */
  private async online(): Promise<void> {
    const db = await this.openDb();
    if (!db || !this.listener?.connected) {
      clearTimeout(this.retry);
      if (this.listener) this.retry = setTimeout(() => void this.online(), 5000);
      return;
    }
    this.setState('connected');
    const sent = await this.drain();
    if (sent > 0) this.log.info(`team index: sent ${sent} queued change(s) from .dossier/outbox.json`);
    this.remoteEmitter.fire(new Set(['annotations', 'entities']));
  }

  private setState(state: TeamState, detail = ''): void {
    this.stateValue = state;
    this.detailValue = detail;
    this.stateEmitter.fire();
  }

  private async stop(): Promise<void> {
    clearTimeout(this.retry);
    const listener = this.listener;
    const db = this.db ?? (await this.opening);
    this.listener = undefined;
    this.db = undefined;
    this.outbox = undefined;
    this.key = '';
    this.setState('off');
    await listener?.dispose();
    await db?.close().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
    for (const s of this.subscriptions) s.dispose();
  }
}
