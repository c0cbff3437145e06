// Owns the sources worker thread: one extraction at a time, and one that outlives its time
// budget is answered with a timeout while the worker is restarted (pdf.js cannot be interrupted).
import { Worker } from 'node:worker_threads';
import { SourceError, type ExtractedSource } from '../../core/sources/types';
import type { SourceRequest, SourceResponse } from './sourceProtocol';

export type Extraction = { key: string; source: ExtractedSource } | { key?: string; error: SourceError };

interface Job {
  req: Omit<SourceRequest, 'id'>;
  resolve: (r: Extraction) => void;
}

/** Past its own budget the extractor gets this much longer before the worker is stopped. */
const GRACE_MS = 5_000;

export class SourceClient {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private inFlight: (Job & { id: number; timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly scriptPath: string,
    private readonly onProblem: (message: string) => void,
  ) {}

  extract(req: Omit<SourceRequest, 'id'>): Promise<Extraction> {
    if (this.disposed) return Promise.resolve({ error: new SourceError('damaged', 'Dossier is shutting down') });
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath);
    worker.on('message', (res: SourceResponse) => this.answered(res));
    worker.on('error', (err) => this.crashed(worker, `sources worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.disposed) this.crashed(worker, `sources worker exited (code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    const id = this.nextId++;
    const seconds = job.req.limits.maxMs / 1000;
    const timer = setTimeout(() => {
      this.onProblem(`text extraction took longer than ${seconds} s; the sources worker was restarted`);
      const old = this.worker;
      this.worker = undefined;
      void old?.terminate();
      this.finish(id, { error: new SourceError('timeout', `extraction took longer than ${seconds} s, the limit for one document (dossier.sources.maxExtractSeconds); not read`) });
    }, job.req.limits.maxMs + GRACE_MS);
    this.inFlight = { ...job, id, timer };
    try {
      this.ensureWorker().postMessage({ ...job.req, id } satisfies SourceRequest);
    } catch (err) {
      this.finish(id, { error: new SourceError('damaged', `could not be read (${err instanceof Error ? err.message : String(err)})`) });
    }
  }

  private answered(res: SourceResponse): void {
    if ('source' in res) this.finish(res.id, { key: res.key, source: res.source });
    else this.finish(res.id, { key: res.key, error: new SourceError(res.error.code, res.error.message) });
  }

  private finish(id: number, result: Extraction): void {
    const current = this.inFlight;
    if (!current || current.id !== id) return; // a late answer from a restarted worker
    clearTimeout(current.timer);
    this.inFlight = undefined;
    current.resolve(result);
    this.pump();
  }

  private crashed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.onProblem(message);
    this.worker = undefined;
    if (this.inFlight) this.finish(this.inFlight.id, { error: new SourceError('damaged', `could not be read (${message})`) });
  }

  dispose(): void {
    this.disposed = true;
    const error = new SourceError('damaged', 'Dossier is shutting down');
    for (const job of this.queue.splice(0)) job.resolve({ error });
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      this.inFlight.resolve({ error });
      this.inFlight = undefined;
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
