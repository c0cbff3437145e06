// A slow engine start-up (a busy machine, the tagger model loading) is not a slow document:
// jobs wait for the worker's 'ready' and their time limit starts only then. A worker that dies
// before it is ready fails the waiting jobs instead of leaving them hanging.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerClient } from '../../../src/extension/analysis/workerClient';

const SLOW_START = `
const { parentPort } = require('node:worker_threads');
const until = Date.now() + 2500; while (Date.now() < until) {} // loading the engine
parentPort.postMessage({ kind: 'ready', engineVersion: 'slow-1' });
parentPort.on('message', (req) => {
  if (req.kind !== 'analyze') return;
  const analysis = { documentDate: null, documentDateSource: 'none', entities: [], mentions: [], engineVersion: req.text };
  parentPort.postMessage({ kind: 'analyzed', id: req.id, doc: req.doc, version: req.version, analysis, ms: 1 });
});
`;
const DIES_LOADING = `process.exit(5);`;

describe('WorkerClient start-up', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-worker-start-'));
    fs.writeFileSync(path.join(dir, 'slow.js'), SLOW_START);
    fs.writeFileSync(path.join(dir, 'dies.js'), DIES_LOADING);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a start-up longer than the time limit does not time the first jobs out', async () => {
    const problems: string[] = [];
    const client = new WorkerClient({ scriptPath: path.join(dir, 'slow.js'), timeoutMs: 1000, onProblem: (m) => problems.push(m) });
    try {
      const results = await Promise.all([
        client.analyze({ doc: 'a', version: 1, text: 'first', options: {} }),
        client.analyze({ doc: 'scan:1', version: 0, text: 'background', options: {}, background: true }),
      ]);
      assert.deepStrictEqual(results.map((r) => (r.ok ? r.analysis.engineVersion : r.reason)), ['first', 'background']);
      assert.deepStrictEqual(problems, []);
    } finally {
      client.dispose();
    }
  });

  it('a worker that dies while loading fails the waiting jobs with its reason', async () => {
    const problems: string[] = [];
    const client = new WorkerClient({ scriptPath: path.join(dir, 'dies.js'), timeoutMs: 1000, onProblem: (m) => problems.push(m) });
    try {
      const r = await client.analyze({ doc: 'a', version: 1, text: 'x', options: {} });
      assert.strictEqual(r.ok, false);
      assert.match(r.ok ? '' : (r.message ?? ''), /exited \(code 5\)/);
    } finally {
      client.dispose();
    }
  });
});
