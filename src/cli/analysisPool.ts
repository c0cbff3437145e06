// Worker threads for `dossier index`, one per core, started on the first document that needs
// the engine (a warm run over unchanged files starts none). Without the bundled worker file
// (tests running the TypeScript output) it analyses on the calling thread.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analysis, AnalyzeOptions } from '../core/model';
import type { Analyzer } from '../core/index/types';

export interface PoolRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type PoolResponse = { id: number; analysis: Analysis } | { id: number; error: string };

interface Pending {
  resolve(a: Analysis): void;
  reject(e: Error): void;
}

export class AnalysisPool {
  private readonly workers: { worker: Worker; busy: Set<number> }[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(
    readonly size: number,
    private readonly file: string,
  ) {}

  /** The bundled worker beside this file, or null when there is none (unbundled runs). */
  static create(size = defaultThreads()): AnalysisPool | null {
    const file = path.join(__dirname, 'cli-worker.js');
    return size > 0 && fs.existsSync(file) ? new AnalysisPool(size, file) : null;
  }

  readonly analyze: Analyzer = (text, options) => {
    const id = ++this.next;
    const slot = this.pick();
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.busy.add(id);
      slot.worker.ref();
      slot.worker.postMessage({ id, text, options } satisfies PoolRequest);
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers.length = 0;
  }

  /** The least busy worker; a new one while there are fewer than `size`. */
  private pick(): { worker: Worker; busy: Set<number> } {
    const idle = this.workers.find((w) => w.busy.size === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
  }

  private spawn(): { worker: Worker; busy: Set<number> } {
    const worker = new Worker(this.file);
    const slot = { worker, busy: new Set<number>() };
    worker.on('message', (res: PoolResponse) => {
      const p = this.pending.get(res.id);
      this.pending.delete(res.id);
      slot.busy.delete(res.id);
      // An idle thread must not keep the process alive once the command is done.
      if (!slot.busy.size) worker.unref();
      if ('analysis' in res) p?.resolve(res.analysis);
      else p?.reject(new Error(res.error));
    });
    // A worker that dies fails its documents (the index records and retries them), not the run.
    const fail = (err: Error) => {
      for (const id of slot.busy) this.pending.get(id)?.reject(err);
      for (const id of slot.busy) this.pending.delete(id);
      slot.busy.clear();
      const i = this.workers.indexOf(slot);
      if (i >= 0) this.workers.splice(i, 1);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`analysis thread exited with code ${code}`)));
    this.workers.push(slot);
    return slot;
  }
}

/** One thread per core; DOSSIER_THREADS overrides (0: analyse on the main thread). */
export function defaultThreads(): number {
  const env = Number(process.env.DOSSIER_THREADS);
  if (process.env.DOSSIER_THREADS !== undefined && Number.isInteger(env) && env >= 0) return env;
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
