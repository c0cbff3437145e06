// Owns the analysis worker thread: one request in flight at a time, newer versions of a
// document supersede queued older ones, and a request that runs too long restarts the worker.
import { Worker } from 'node:worker_threads';
import type { Analysis, AnalyzeOptions } from '../../core/model';
import type { PreparedCorrections } from '../../core/index/corrections';
import type { WorkerRequest, WorkerResponse } from './protocol';

export type CorrectionsResult = Extract<WorkerResponse, { kind: 'corrected' }>;

/** Adapting to many corrections takes longer than one analysis may. */
const CORRECTIONS_TIMEOUT_MS = 180_000;

export interface AnalysisJob {
  doc: string;
  version: number;
  text: string;
  options: AnalyzeOptions;
  /** Whole-workspace indexing: runs after every editor job and keeps no state in the worker. */
  background?: boolean;
}

export type JobResult =
  | { ok: true; analysis: Analysis; ms: number }
  | { ok: false; reason: 'superseded' | 'failed' | 'timeout' | 'disposed'; message?: string };

interface Pending {
  job: AnalysisJob;
  resolve: (r: JobResult) => void;
}

export interface WorkerClientOptions {
  /** Absolute path of dist/worker.js. */
  scriptPath: string;
  /** A request still running after this long is abandoned and the worker restarted. */
  timeoutMs: number;
  onProblem: (message: string) => void;
}

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  /** Waiting jobs, at most one per document: the newest version. Editor jobs go first. */
  private readonly queue = new Map<string, Pending>();
  private readonly backgroundQueue = new Map<string, Pending>();
  private inFlight: (Pending & { id: number; timer: NodeJS.Timeout }) | undefined;
  private disposed = false;
  /**
   * The current worker has loaded (and warmed) the engine. Jobs are posted only then, so a
   * job's time limit never includes the engine's start-up, which on a busy machine can take
   * longer than any one analysis (the cause of names-less documents under load).
   */
  private started = false;
  private readyWaiters: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  /** Corrections waiting to be sent (the newest wins) and the ones being adapted to. */
  private correctionsQueued: { prepared: PreparedCorrections; resolve: (r: CorrectionsResult | undefined) => void } | undefined;
  private correctionsInFlight: { id: number; timer: NodeJS.Timeout; prepared: PreparedCorrections; resolve: (r: CorrectionsResult | undefined) => void } | undefined;
  /** What the worker follows now, re-sent (from its cached delta) when the worker restarts. */
  private applied: PreparedCorrections | undefined;
  engineVersion: string | undefined;

  constructor(private readonly opts: WorkerClientOptions) {}

  analyze(job: AnalysisJob): Promise<JobResult> {
    if (this.disposed) return Promise.resolve({ ok: false, reason: 'disposed' });
    const queue = job.background ? this.backgroundQueue : this.queue;
    return new Promise((resolve) => {
      const older = queue.get(job.doc);
      older?.resolve({ ok: false, reason: 'superseded' });
      // Re-inserting moves the document to the back, so one busy document cannot starve others.
      queue.delete(job.doc);
      queue.set(job.doc, { job, resolve });
      this.pump();
    });
  }

  /** The key of the corrections the worker's tagger follows ('' = the shipped tagger). */
  get correctionsKey(): string {
    return this.applied?.key ?? '';
  }

  /**
   * Adapts the worker's tagger to the workspace's corrections; every analysis sent afterwards
   * uses it. Resolves undefined when superseded by newer corrections or disposed.
   */
  adaptTo(prepared: PreparedCorrections): Promise<CorrectionsResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.correctionsQueued?.resolve(undefined);
      this.correctionsQueued = { prepared, resolve };
      this.pump();
    });
  }

  /** The engine version, once the worker has loaded the engine (starts the worker). */
  ready(timeoutMs = 60_000): Promise<string> {
    if (this.engineVersion) return Promise.resolve(this.engineVersion);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the analysis worker did not start within ${timeoutMs / 1000} s`)), timeoutMs);
      this.readyWaiters.push({
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      try {
        this.ensureWorker();
      } catch (err) {
        this.settleReady(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /** For the index's Analyzer port, which expects an analysis or an exception. */
  async analyzeOrThrow(job: AnalysisJob): Promise<Analysis> {
    const result = await this.analyze(job);
    if (result.ok) return result.analysis;
    throw new Error(`analysis ${result.reason}${result.message ? `: ${result.message}` : ''}`);
  }

  private settleReady(outcome: string | Error): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) {
      if (typeof outcome === 'string') w.resolve(outcome);
      else w.reject(outcome);
    }
  }

  /** The document was closed: forget its queued job and its analyzer in the worker. */
  forget(doc: string): void {
    this.queue.get(doc)?.resolve({ ok: false, reason: 'superseded' });
    this.queue.delete(doc);
    this.worker?.postMessage({ kind: 'forget', doc } satisfies WorkerRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.opts.scriptPath);
    this.started = false;
    worker.on('message', (msg: WorkerResponse) => this.worker === worker && this.onMessage(msg));
    // A restarted worker starts from the shipped tagger: give it the workspace's again first.
    if (this.applied?.key) worker.postMessage({ kind: 'corrections', id: 0, prepared: this.applied } satisfies WorkerRequest);
    worker.on('error', (err) => this.crashed(worker, `analysis worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.disposed) this.crashed(worker, `analysis worker exited (code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.inFlight || this.correctionsInFlight || this.disposed) return;
    if (this.correctionsQueued) {
      const { prepared, resolve } = this.correctionsQueued;
      this.correctionsQueued = undefined;
      const id = this.nextId++;
      const timer = setTimeout(() => this.correctionsDone(id, undefined, 'adapting the tagger to the corrections took too long; the worker was restarted'), CORRECTIONS_TIMEOUT_MS);
      this.correctionsInFlight = { id, timer, prepared, resolve };
      try {
        this.ensureWorker().postMessage({ kind: 'corrections', id, prepared } satisfies WorkerRequest);
      } catch (err) {
        this.correctionsDone(id, undefined, err instanceof Error ? err.message : String(err));
      }
      return;
    }
    const queue = this.queue.size ? this.queue : this.backgroundQueue;
    const first = queue.entries().next();
    if (first.done) return;
    const [doc, pending] = first.value;
    if (!this.started) {
      try {
        this.ensureWorker(); // the 'ready' message pumps again
      } catch (err) {
        queue.delete(doc);
        pending.resolve({ ok: false, reason: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    queue.delete(doc);
    const id = this.nextId++;
    const timer = setTimeout(() => this.timedOut(id), this.opts.timeoutMs);
    this.inFlight = { ...pending, id, timer };
    const { job } = pending;
    const req: WorkerRequest = {
      kind: 'analyze',
      id,
      doc,
      version: job.version,
      text: job.text,
      options: job.options,
      oneShot: job.background === true,
    };
    try {
      this.ensureWorker().postMessage(req);
    } catch (err) {
      this.finish(id, { ok: false, reason: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  private onMessage(msg: WorkerResponse): void {
    if (msg.kind === 'ready') {
      this.started = true;
      this.engineVersion = msg.engineVersion;
      this.settleReady(msg.engineVersion);
      this.pump();
      return;
    }
    if (msg.kind === 'corrected') {
      if (msg.error) this.opts.onProblem(`the tagger could not adapt to the corrections: ${msg.error}`);
      this.correctionsDone(msg.id, msg);
      return;
    }
    if (msg.kind === 'analyzed') this.finish(msg.id, { ok: true, analysis: msg.analysis, ms: msg.ms });
    else {
      this.opts.onProblem(`analysis of ${msg.doc} failed: ${msg.message}`);
      this.finish(msg.id, { ok: false, reason: 'failed', message: msg.message });
    }
  }

  private finish(id: number, result: JobResult): void {
    const current = this.inFlight;
    if (!current || current.id !== id) return; // a late answer from a restarted worker
    clearTimeout(current.timer);
    this.inFlight = undefined;
    current.resolve(result);
    this.pump();
  }

  private correctionsDone(id: number, result: CorrectionsResult | undefined, problem?: string): void {
    const current = this.correctionsInFlight;
    if (!current || current.id !== id) return;
    clearTimeout(current.timer);
    this.correctionsInFlight = undefined;
    if (problem) {
      this.opts.onProblem(problem);
      this.applied = undefined;
      this.restart();
    } else if (result) {
      // Re-sent after a restart: the cached delta makes that quick.
      this.applied = result.key && !result.error ? { ...current.prepared, cached: result.delta ?? current.prepared.cached } : undefined;
    }
    current.resolve(result);
    this.pump();
  }

  private timedOut(id: number): void {
    const current = this.inFlight;
    if (!current || current.id !== id) return;
    const seconds = Math.round(this.opts.timeoutMs / 1000);
    this.opts.onProblem(`analysis of ${current.job.doc} took longer than ${seconds} s; the worker was restarted`);
    this.restart();
    this.finish(id, { ok: false, reason: 'timeout' });
  }

  private crashed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.opts.onProblem(message);
    this.worker = undefined;
    const beforeReady = !this.started;
    this.started = false;
    if (!this.engineVersion) this.settleReady(new Error(message));
    if (this.correctionsInFlight) this.correctionsDone(this.correctionsInFlight.id, undefined, message);
    if (this.inFlight) this.finish(this.inFlight.id, { ok: false, reason: 'failed', message });
    else if (beforeReady) {
      // The engine never came up: the waiting jobs fail now (their owners retry) rather than hang.
      for (const q of [this.queue, this.backgroundQueue]) {
        for (const p of q.values()) p.resolve({ ok: false, reason: 'failed', message });
        q.clear();
      }
    }
  }

  private restart(): void {
    const old = this.worker;
    this.worker = undefined;
    this.started = false;
    void old?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    for (const q of [this.queue, this.backgroundQueue]) {
      for (const p of q.values()) p.resolve({ ok: false, reason: 'disposed' });
      q.clear();
    }
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      this.inFlight.resolve({ ok: false, reason: 'disposed' });
      this.inFlight = undefined;
    }
    this.correctionsQueued?.resolve(undefined);
    this.correctionsQueued = undefined;
    if (this.correctionsInFlight) {
      clearTimeout(this.correctionsInFlight.timer);
      this.correctionsInFlight.resolve(undefined);
      this.correctionsInFlight = undefined;
    }
    this.settleReady(new Error('the analysis worker was stopped'));
    this.restart();
  }
}
