// dossier index --db --workers: the work queue analyses every document exactly once, shared by
// several processes (as by several machines), and a SIGKILLed worker's claim is taken over.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { cli, cliProcess, freshDatabase, generatedCorpus, query } from './db';

const N = 80;

async function jobs(url: string): Promise<{ runs: number; done: boolean }[]> {
  return query<{ runs: number; done: boolean }>(url, 'SELECT runs, done FROM dossier_queue');
}

function assertExactlyOnce(rows: { runs: number; done: boolean }[], n: number): void {
  assert.equal(rows.length, n, 'one job per document');
  assert.deepEqual(rows.filter((r) => !r.done || r.runs !== 1), [], 'every job done, analysed exactly once');
}

describe('team index: the work queue of dossier index --workers', () => {
  let dir: string;
  before(() => {
    dir = generatedCorpus(N);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('analyses every document exactly once with 3 workers, prints the usual summary, and a rerun analyses nothing', async () => {
    const url = await freshDatabase();
    const r = await cli(['index', dir, '--db', url, '--workers', '3', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.documents, N);
    assert.equal(s.analysed, N, 'this process (its workers) analysed them all');
    assert.equal(s.fromCache, 0);
    assertExactlyOnce(await jobs(url), N);
    const [docs] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_documents');
    assert.equal(Number(docs.n), N);
    const again = JSON.parse((await cli(['index', dir, '--db', url, '--workers', '2', '--json'])).stdout);
    assert.equal(again.analysed, 0);
    assert.equal(again.fromCache, N);
    assertExactlyOnce(await jobs(url), N);
  });

  it('two processes (two machines) share one job: each document analysed once, by one of them', async () => {
    const url = await freshDatabase();
    const a = cliProcess(['index', dir, '--db', url, '--workers', '1', '--json']);
    const b = cliProcess(['index', dir, '--db', url, '--workers', '1', '--json']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    const sa = JSON.parse(ra.stdout);
    const sb = JSON.parse(rb.stdout);
    assert.equal(sa.documents, N);
    assert.equal(sb.documents, N);
    assert.equal(sa.analysed + sb.analysed, N, 'between them, each document once');
    assertExactlyOnce(await jobs(url), N);
    const by = await query<{ n: string }>(url, 'SELECT count(DISTINCT analysed_by) AS n FROM dossier_queue');
    assert.ok(Number(by[0].n) >= 1);
  });

  it('a worker killed with SIGKILL mid-job: its claim expires, another worker takes it over, the job completes', async () => {
    const url = await freshDatabase();
    const run = cliProcess(['index', dir, '--db', url, '--workers', '2', '--claim-ttl', '2', '--json']);
    let victim: number | undefined;
    while (victim === undefined) {
      await new Promise((r) => setTimeout(r, 200));
      const held = await query<{ by: string }>(url, 'SELECT claimed_by AS by FROM dossier_queue WHERE NOT done AND claimed_by IS NOT NULL AND EXISTS (SELECT 1 FROM dossier_queue WHERE done) LIMIT 1')
        .catch(() => []);
      if (held[0]) victim = Number(held[0].by.split(':').pop());
    }
    process.kill(victim, 'SIGKILL');
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.documents, N);
    assertExactlyOnce(await jobs(url), N);
    const stolen = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_queue WHERE analysed_by LIKE $1', [`%:${victim}`]);
    assert.ok(Number(stolen[0].n) < N, 'the killed worker did not do it all');
  });

  it('--workers without --db says what is missing', async () => {
    const r = await cli(['index', dir, '--workers', '2'], { DOSSIER_DB: '' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /--workers needs the team index/);
  });
});
