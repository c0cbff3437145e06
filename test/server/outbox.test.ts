// Offline annotations: the server stops while a researcher annotates; what could not be sent is
// queued in .dossier/outbox.json (atomically), survives a window reload, and is delivered in order,
// exactly once, after the server is back. Runs on its own cluster, since this test stops it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeWorkspace, openFolderIndex } from '../../src/cli/nodeWorkspace';
import { TeamListener } from '../../src/core/index/pg/listener';
import { OUTBOX_FILE, OutboxStore } from '../../src/core/index/pg/outbox';
import { PgIndexStore } from '../../src/core/index/pg/pgStore';
import { TeamDb } from '../../src/core/index/pg/teamDb';
import type { EntityIndex } from '../../src/core/index/types';
import { corpus, query, root } from './db';

interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}
type ClusterModule = { startCluster(o: { dir?: string; keep?: boolean }): Promise<Cluster>; stopCluster(dir: string): void };
// scripts/pg/cluster.mjs is an ES module: import() it as one (tsc would turn import() into require()).
const importEsm = new Function('p', 'return import(p)') as (p: string) => Promise<ClusterModule>;

/** The editor's wiring (src/extension/team/teamConnection.ts) without the editor. */
class Window {
  index!: EntityIndex;
  outbox!: OutboxStore;
  listener!: TeamListener;
  problems: string[] = [];

  static async open(dir: string, db: TeamDb, url: string): Promise<Window> {
    const w = new Window();
    const store = new PgIndexStore(db);
    w.listener = new TeamListener({
      url, project: 'default',
      onChange: () => void w.index?.reload(),
      onState: (s) => void (s === "connected" && w.outbox.drain().then((n) => (n > 0 ? w.index.reload() : undefined))),
    });
    w.outbox = new OutboxStore({ port: new NodeWorkspace(dir), server: () => (w.listener.connected ? store : undefined), onProblem: (m) => w.problems.push(m) });
    w.index = (await openFolderIndex(dir, { stores: { store: w.outbox } })).index;
    w.listener.start();
    return w;
  }

  async close(): Promise<void> {
    await this.listener.dispose();
    this.index.dispose();
  }
}

async function until(what: string, probe: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('team index: the outbox while the server is down', function () {
  this.timeout(240_000);
  let cluster: Cluster;
  let mod: ClusterModule;
  let home: string;
  let dir: string;
  let db: TeamDb;

  before(async () => {
    mod = await importEsm(path.join(root, 'scripts', 'pg', 'cluster.mjs'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-outbox-pg-'));
    cluster = await mod.startCluster({ dir: home, keep: true });
    dir = corpus();
    db = await TeamDb.open(cluster.url);
  });
  after(async () => {
    await db?.close().catch(() => undefined);
    try {
      mod.stopCluster(home);
    } catch {
      // already stopped
    }
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('annotations made across a server stop are queued, survive a reload, and all arrive in order after the restart', async () => {
    let w = await Window.open(dir, db, cluster.url);
    await w.index.scan();
    await until('the listener connects', () => w.listener.connected);
    const entity = w.index.entities().find((e) => e.type === 'PERSON') ?? w.index.entities()[0];
    const made: string[] = [];
    const note = async (i: number) => {
      const a = await w.index.annotate({ kind: 'note', entity: entity.id, note: `note ${i}` });
      made.push(a.id);
      await w.index.flush().catch(() => undefined);
    };
    for (let i = 0; i < 5; i++) await note(i);
    // The server stops while annotations are being made.
    const writing = (async () => {
      for (let i = 5; i < 25; i++) await note(i);
    })();
    await new Promise((r) => setTimeout(r, 50));
    mod.stopCluster(home);
    await writing;
    await until('the listener sees the server gone', () => !w.listener.connected);
    for (let i = 25; i < 30; i++) await note(i);
    assert.equal(w.index.annotations().length, 30, 'every annotation is in the window');
    const queued = JSON.parse(fs.readFileSync(path.join(dir, OUTBOX_FILE), 'utf8')) as { ops: { annotation: { id: string } }[] };
    assert.ok(queued.ops.length >= 5, `the outbox holds what the server could not take (${queued.ops.length})`);
    assert.ok(!fs.readdirSync(path.join(dir, '.dossier')).some((f) => f.endsWith('.tmp')), 'no temp file is left behind');

    // A window reload while the server is still down: the outbox is read back.
    await w.close();
    w = await Window.open(dir, db, cluster.url);
    assert.equal(w.outbox.queued, queued.ops.length, 'the outbox survives the reload');
    for (const op of queued.ops) assert.ok(w.index.annotations().some((a) => a.id === op.annotation.id), 'queued annotations are shown after the reload');
    await w.index.scan();
    await note(30);

    cluster = await mod.startCluster({ dir: home, keep: true });
    await until('the outbox is delivered', async () => w.outbox.queued === 0 && (await count(cluster.url)) === 31);
    const rows = await query<{ id: string; n: string }>(cluster.url, 'SELECT id, count(*) AS n FROM dossier_annotations GROUP BY id');
    assert.deepEqual(rows.map((r) => r.id).sort(), [...made].sort(), 'every annotation is on the server');
    assert.ok(rows.every((r) => r.n === '1'), 'none twice');
    const log = await query<{ id: string }>(cluster.url, "SELECT id FROM dossier_annotation_log WHERE op = 'put' ORDER BY seq");
    const firsts = [...new Set(log.map((r) => r.id))];
    assert.deepEqual(firsts, made, 'they reached the server in the order they were made');
    await until('the window shows the whole set', () => w.index.annotations().length === 31);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, OUTBOX_FILE), 'utf8')).ops.length, 0, 'the outbox is empty');
    await w.close();
  });
});

async function count(url: string): Promise<number> {
  try {
    return Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_annotations'))[0].n);
  } catch {
    return -1;
  }
}
