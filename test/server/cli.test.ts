// The CLI over the team index prints what it prints over the folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { cli, corpus, freshDatabase, query } from './db';

describe('team index: the CLI with --db', () => {
  let url: string;
  let dir: string;

  before(async () => {
    url = await freshDatabase();
    dir = corpus();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes a folder into the server with the same summary as into .dossier/, and a second run analyses nothing', async () => {
    const local = corpus();
    try {
      const onFolder = JSON.parse((await cli(['index', local, '--json'])).stdout);
      const first = await cli(['index', dir, '--db', url, '--json']);
      assert.equal(first.code, 0, first.stderr);
      const onServer = JSON.parse(first.stdout);
      for (const s of [onFolder, onServer]) delete s.ms;
      assert.deepEqual(onServer, onFolder);
      assert.ok(onServer.analysed > 0);
      const again = JSON.parse((await cli(['index', dir, '--json'], { DOSSIER_DB: url })).stdout);
      assert.equal(again.analysed, 0);
      assert.equal(again.fromCache, onServer.documents);
      assert.equal(fs.existsSync(`${dir}/.dossier`), false, 'nothing written to the folder');
    } finally {
      fs.rmSync(local, { recursive: true, force: true });
    }
  });

  it('stores documents, mentions, entities and their names in tables', async () => {
    const [docs] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_documents');
    const [mentions] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_mentions');
    const [entities] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_entities');
    assert.equal(Number(docs.n), fs.readdirSync(dir).length);
    assert.ok(Number(mentions.n) > 0 && Number(entities.n) > 0);
  });

  it('search --db (the server alone) prints the same JSON and text as search --dir on the same corpus', async function () {
    this.timeout(900_000); // 28 CLI runs
    const local = corpus();
    try {
      await cli(['index', local]);
      const entities = JSON.parse((await cli(['export', local, '-f', 'jsonld'])).stdout) as unknown;
      assert.ok(entities);
      for (const q of ['harbour', 'minister', 'relief', 'council', 'march', 'hrbour', 'zzzz-nothing']) {
        for (const fmt of [['--json'], []]) {
          const server = await cli(['search', q, '--db', url, ...fmt]);
          const folder = await cli(['search', q, '--dir', local, ...fmt]);
          assert.equal(server.code, 0, server.stderr);
          // Registry timestamps record when each index first saw the entity: the rest must be identical.
          const untimed = (t: string) => t.replace(/"(created|updated)": "[^"]*"/g, '"$1": "…"');
          assert.equal(untimed(server.stdout), untimed(folder.stdout), `search ${q} ${fmt.join(' ')}`);
        }
      }
    } finally {
      fs.rmSync(local, { recursive: true, force: true });
    }
  });

  it('export --db prints the same entities csv as export of the folder', async () => {
    const server = await cli(['export', '--db', url, '-f', 'csv']);
    await cli(['index', dir]);
    const folder = await cli(['export', dir, '-f', 'csv']);
    assert.equal(server.code, 0, server.stderr);
    assert.equal(server.stdout, folder.stdout);
  });

  it('refuses an unreachable server with a clear message and exit 1, no stack trace', async () => {
    const r = await cli(['search', 'x', '--db', 'postgres://nobody:secret@127.0.0.1:1/none']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^dossier: Cannot use the team index at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    assert.doesNotMatch(r.stderr, /secret/);
  });
});
