// The analysis worker client: newest version wins, a stuck request restarts the worker, a
// crashing worker is replaced, and nothing is left hanging. A fake worker stands in for the engine.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerClient, type JobResult } from '../../../src/extension/analysis/workerClient';

const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ kind: 'ready', engineVersion: 'fake-1' });
parentPort.on('message', (req) => {
  if (req.kind !== 'analyze') return;
  if (req.text === 'hang') { const until = Date.now() + 60000; while (Date.now() < until) {} }
  if (req.text === 'crash') process.exit(3);
  if (req.text === 'throw') return parentPort.postMessage({ kind: 'failed', id: req.id, doc: req.doc, version: req.version, message: 'boom' });
  const analysis = { documentDate: null, documentDateSource: 'none', entities: [], mentions: [], engineVersion: req.text };
  setTimeout(() => parentPort.postMessage({ kind: 'analyzed', id: req.id, doc: req.doc, version: req.version, analysis, ms: 1 }), 20);
});
`;

describe('WorkerClient', () => {
  let dir: string;
  let script: string;
  let client: WorkerClient;
  let problems: string[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-worker-'));
    script = path.join(dir, 'fakeWorker.js');
    fs.writeFileSync(script, FAKE_WORKER);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    problems = [];
    client = new WorkerClient({ scriptPath: script, timeoutMs: 1500, onProblem: (m) => problems.push(m) });
  });
  afterEach(() => client.dispose());

  const job = (doc: string, version: number, text: string) => ({ doc, version, text, options: {} });
  const engineOf = (r: JobResult): string | undefined => (r.ok ? r.analysis.engineVersion : undefined);

  it('reports the engine version once the worker is up', async () => {
    assert.strictEqual(await client.ready(), 'fake-1');
  });

  it('analyses a document', async () => {
    assert.strictEqual(engineOf(await client.analyze(job('a', 1, 'hello'))), 'hello');
  });

  it('a newer version supersedes a queued older one of the same document', async () => {
    await client.ready(); // jobs are posted once the worker is up
    const first = client.analyze(job('a', 1, 'v1')); // in flight
    const second = client.analyze(job('a', 2, 'v2')); // queued, then superseded
    const third = client.analyze(job('a', 3, 'v3'));
    const results = await Promise.all([first, second, third]);
    assert.deepStrictEqual(results.map((r) => (r.ok ? r.analysis.engineVersion : r.reason)), ['v1', 'superseded', 'v3']);
  });

  it('editor jobs run before background (indexing) jobs', async () => {
    const order: string[] = [];
    const track = (p: Promise<JobResult>) => p.then((r) => r.ok && order.push(r.analysis.engineVersion));
    const first = track(client.analyze(job('x', 1, 'first')));
    const bg = track(client.analyze({ ...job('scan:1', 0, 'background'), background: true }));
    const editor = track(client.analyze(job('y', 1, 'editor')));
    await Promise.all([first, bg, editor]);
    assert.deepStrictEqual(order, ['first', 'editor', 'background']);
  });

  it('a request past the time limit restarts the worker, reports it, and the next one works', async () => {
    const stuck = await client.analyze(job('a', 1, 'hang'));
    assert.deepStrictEqual(stuck, { ok: false, reason: 'timeout' });
    assert.ok(problems.some((p) => /took longer than/.test(p)), problems.join('\n'));
    assert.strictEqual(engineOf(await client.analyze(job('b', 1, 'after'))), 'after');
  });

  it('a crashed worker fails its request and is replaced', async () => {
    const crashed = await client.analyze(job('a', 1, 'crash'));
    assert.strictEqual(crashed.ok, false);
    assert.ok(problems.some((p) => /exited/.test(p)), problems.join('\n'));
    assert.strictEqual(engineOf(await client.analyze(job('b', 1, 'again'))), 'again');
  });

  it('an engine failure is reported, not thrown', async () => {
    const failed = await client.analyze(job('a', 1, 'throw'));
    assert.deepStrictEqual(failed, { ok: false, reason: 'failed', message: 'boom' });
    await assert.rejects(client.analyzeOrThrow(job('a', 2, 'throw')), /analysis failed: boom/);
  });

  it('dispose settles every pending request', async () => {
    const pending = [client.analyze(job('a', 1, 'one')), client.analyze(job('b', 1, 'two'))];
    client.dispose();
    const results = await Promise.all(pending);
    assert.ok(results.every((r) => !r.ok && r.reason === 'disposed'));
    assert.deepStrictEqual(await client.analyze(job('c', 1, 'late')), { ok: false, reason: 'disposed' });
  });
});
