// One of `dossier index`'s analysis threads (bundled to dist/cli-worker.js): text in, analysis out.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/engine/index';
import type { PoolRequest, PoolResponse } from './analysisPool';

parentPort?.on('message', (req: PoolRequest) => {
  let res: PoolResponse;
  try {
    res = { id: req.id, analysis: analyze(req.text, req.options) };
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(res);
});
