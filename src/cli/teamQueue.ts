// `dossier index DIR --db URL --workers N`: the folder's documents become jobs in the team index's
// work queue (one per analysis cache key), N worker processes of this CLI claim and analyse them
// (so do the workers of any other machine indexing the same project), a progress bar follows the
// whole job, and the final scan then finds every analysis on the server.
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
// The version module only: `dossier index` imports this file, and a warm run never loads the engine.
import { ENGINE_VERSION } from '../core/engine/version';
import type { Lexicon } from '../core/model';
import { contentHash } from '../core/index/contentHash';
import { analyseDocument, analysisKey } from '../core/index/documentState';
import { DEFAULT_EXCLUDE } from '../core/index/entityIndex';
import { deriveLexicon, lexiconForText } from '../core/index/lexicon';
import { PgAnalysisStore, PgIndexStore } from '../core/index/pg/pgStore';
import { WorkQueue, type Job } from '../core/index/pg/queue';
import { TeamDb } from '../core/index/pg/teamDb';
import type { ScanSummary } from '../core/index/types';
import { CLI_INCLUDE, mtimeDate, NodeWorkspace } from './nodeWorkspace';
import { analyze } from './lazy';
import { dbOption, type TeamIndex } from './teamIndex';

const BATCH = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const me = () => `${os.hostname()}:${process.pid}`;

/** Every file scan() would analyse, keyed as its analysis is cached (one job per distinct key). */
export async function folderJobs(dir: string, lexicon: Lexicon, maxFileSizeMB: number): Promise<Job[]> {
  const ws = new NodeWorkspace(dir);
  const jobs = new Map<string, Job>();
  for (const path of await ws.listFiles(CLI_INCLUDE, DEFAULT_EXCLUDE)) {
    const st = await ws.stat(path);
    if (!st || st.size > maxFileSizeMB * 1024 * 1024) continue;
    const text = await ws.readFile(path).catch(() => undefined);
    if (text === undefined || text.includes('\u0000')) continue; // scan() reports these
    const key = analysisKey(contentHash(text), lexiconForText(lexicon, text), ENGINE_VERSION, mtimeDate(ws.root, path));
    if (!jobs.has(key)) jobs.set(key, { key, path });
  }
  return [...jobs.values()];
}

/** One worker: claims, analyses and completes jobs until none is open; returns how many it analysed. */
export async function runQueueWorker(dir: string, url: string, ttlSeconds: number): Promise<number> {
  const db = await TeamDb.open(url, { max: 2 });
  try {
    const ws = new NodeWorkspace(dir);
    const lexicon = deriveLexicon((await new PgIndexStore(db).loadAnnotations()).items);
    const analyses = new PgAnalysisStore(db);
    const queue = new WorkQueue(db, me(), ttlSeconds);
    const skip: string[] = [];
    let analysed = 0;
    for (;;) {
      const jobs = await queue.claim(BATCH, skip);
      if (!jobs.length) {
        // Open jobs held by others may still come free (their worker died): wait for the claim to expire.
        if (!(await queue.remaining(skip))) return analysed;
        await sleep(Math.min(1000, ttlSeconds * 250));
        continue;
      }
      const keys = jobs.map((j) => j.key);
      const heartbeat = setInterval(() => void queue.renew(keys).catch(() => undefined), (ttlSeconds * 1000) / 3);
      try {
        const ran = new Set<string>();
        const absent: string[] = [];
        for (const job of jobs) {
          const text = await ws.readFile(job.path).catch(() => undefined);
          if (text === undefined) {
            absent.push(job.key); // not on this machine: another worker may have it
            continue;
          }
          const { state, origin } = await analyseDocument({
            path: job.path, text, previous: undefined, lexicon, engineVersion: ENGINE_VERSION, analyze, cache: analyses, documentDate: mtimeDate(ws.root, job.path),
          });
          if (origin === 'engine' && state.key === job.key) ran.add(job.key);
        }
        if (absent.length) {
          skip.push(...absent);
          await queue.release(absent);
        }
        // The analyses and the completion commit together: a kill in between leaves the job open.
        const done = await db.tx(async (c) => {
          const completed = await queue.complete(keys.filter((k) => !absent.includes(k)), ran, c);
          await analyses.flush(c);
          return completed;
        }, false);
        analysed += done.filter((k) => ran.has(k)).length;
      } finally {
        clearInterval(heartbeat);
      }
    }
  } finally {
    await db.close();
  }
}

export interface WorkersOptions {
  workers: number;
  claimTtl: number;
  maxSize: number;
}

/** Queues the folder, runs the workers with a progress bar, then scans: every analysis is on the server by then. */
export async function indexWithWorkers(team: TeamIndex, dir: string, url: string, opts: WorkersOptions): Promise<ScanSummary> {
  const jobs = await folderJobs(dir, team.index.lexicon(), opts.maxSize);
  const queue = new WorkQueue(team.db, me(), opts.claimTtl);
  await queue.enqueue(jobs);
  const keys = jobs.map((j) => j.key);
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'indexing [{bar}] {value}/{total} documents, {workers} workers', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic) : undefined;
  let analysed = 0;
  let alive = 0;
  let spawned = 0;
  const start = () => {
    spawned++;
    alive++;
    const child = spawn(process.execPath, [process.argv[1] as string, 'queue-worker', dir, '--db', url, '--claim-ttl', String(opts.claimTtl)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => {
      alive--;
      analysed += Number(/"analysed":\s*(\d+)/.exec(out)?.[1] ?? 0);
    });
  };
  for (let i = 0; i < opts.workers; i++) start();
  try {
    let p = await queue.progress(keys);
    bar?.start(p.total, p.done, { workers: alive });
    while (p.done < p.total || alive > 0) {
      await sleep(250);
      p = await queue.progress(keys);
      bar?.update(p.done, { workers: alive });
      if (alive === 0 && p.done < p.total) {
        // Every worker here died (killed, crashed): start one more, which also takes over expired claims.
        if (spawned >= opts.workers * 4) throw new Error(`The indexing workers keep failing; ${p.total - p.done} documents were not analysed (see the messages above).`);
        start();
      }
    }
  } finally {
    bar?.stop();
  }
  const s = await team.index.scan();
  // This process's workers analysed what the scan then found on the server.
  const moved = Math.min(analysed, s.fromCache);
  return { ...s, analysed: s.analysed + moved, fromCache: s.fromCache - moved };
}

export function registerQueueWorker(program: Command): void {
  program
    .command('queue-worker', { hidden: true })
    .description('(internal) one worker of `dossier index --workers`')
    .argument('<dir>')
    .addOption(dbOption())
    .option('--claim-ttl <seconds>', 'claim lifetime', Number, 60)
    .action(async (dir: string, opts: { db?: string; claimTtl: number }) => {
      if (!opts.db) throw new Error('queue-worker needs --db');
      const analysed = await runQueueWorker(dir, opts.db, opts.claimTtl);
      process.stdout.write(JSON.stringify({ analysed }) + '\n');
    });
}
