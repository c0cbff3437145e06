// The work queue of parallel indexing: one job per analysis cache key, shared by every process on
// every machine that indexes the same project. A worker claims a few jobs FOR UPDATE SKIP LOCKED
// (so two never wait on, or take, the same job) until `claimed_until`; it renews the claim while
// it works, and a claim that expires (the worker was killed) is taken over by the next claimer.
// A job is completed only by the worker that still holds its claim, so `runs` ends at exactly 1.
import type { PoolClient } from 'pg';
import type { TeamDb } from './teamDb';

export interface Job {
  key: string;
  path: string;
}

export class WorkQueue {
  constructor(
    private readonly db: TeamDb,
    /** Who claims: host and pid, recorded in claimed_by / analysed_by. */
    readonly worker: string,
    private readonly ttlSeconds = 60,
  ) {}

  /** Adds the jobs not queued yet; those whose analysis is already stored are queued as done. */
  async enqueue(jobs: readonly Job[]): Promise<void> {
    const p = this.db.project;
    for (let i = 0; i < jobs.length; i += 1000) {
      const part = jobs.slice(i, i + 1000);
      await this.db.pool.query(
        `INSERT INTO dossier_queue (project, key, path, done)
         SELECT $1, t.key, t.path, EXISTS (SELECT 1 FROM dossier_analyses a WHERE a.project = $1 AND a.key = t.key)
         FROM unnest($2::text[], $3::text[]) AS t(key, path) ON CONFLICT DO NOTHING`,
        [p, part.map((j) => j.key), part.map((j) => j.path)],
      );
    }
  }

  /** Up to `limit` open jobs nobody holds (or whose claim expired), now claimed by this worker. */
  claim(limit: number, skip: readonly string[] = []): Promise<Job[]> {
    return this.db.tx(async (c) => {
      const r = await c.query<Job>(
        `UPDATE dossier_queue q SET claimed_by = $2, claimed_until = now() + make_interval(secs => $3)
         FROM (SELECT key FROM dossier_queue WHERE project = $1 AND NOT done AND (claimed_until IS NULL OR claimed_until < now())
                 AND NOT (key = ANY($5::text[]))
               ORDER BY key LIMIT $4 FOR UPDATE SKIP LOCKED) AS free
         WHERE q.project = $1 AND q.key = free.key RETURNING q.key, q.path`,
        [this.db.project, this.worker, this.ttlSeconds, limit, skip],
      );
      return r.rows;
    }, false);
  }

  /** Extends this worker's claims (called while it works). */
  async renew(keys: readonly string[]): Promise<void> {
    await this.db.pool.query(
      'UPDATE dossier_queue SET claimed_until = now() + make_interval(secs => $3) WHERE project = $1 AND claimed_by = $2 AND NOT done AND key = ANY($4::text[])',
      [this.db.project, this.worker, this.ttlSeconds, keys],
    );
  }

  /** Marks jobs done if this worker still holds them; `ran` are those the engine analysed. Returns those completed. */
  async complete(keys: readonly string[], ran: ReadonlySet<string>, via: Pick<PoolClient, 'query'> = this.db.pool): Promise<string[]> {
    const r = await via.query<{ key: string }>(
      `UPDATE dossier_queue SET done = true, finished = now(), claimed_until = NULL,
         runs = runs + CASE WHEN key = ANY($4::text[]) THEN 1 ELSE 0 END,
         analysed_by = CASE WHEN key = ANY($4::text[]) THEN $2 ELSE analysed_by END
       WHERE project = $1 AND claimed_by = $2 AND NOT done AND key = ANY($3::text[]) RETURNING key`,
      [this.db.project, this.worker, keys, [...ran]],
    );
    return r.rows.map((x) => x.key);
  }

  /** Gives jobs back (this worker cannot do them, e.g. the file is not on this machine). */
  async release(keys: readonly string[]): Promise<void> {
    await this.db.pool.query('UPDATE dossier_queue SET claimed_by = NULL, claimed_until = NULL WHERE project = $1 AND claimed_by = $2 AND NOT done AND key = ANY($3::text[])',
      [this.db.project, this.worker, keys]);
  }

  /** Open jobs of the project, other than `skip`: someone may still be working on them. */
  async remaining(skip: readonly string[] = []): Promise<number> {
    const r = await this.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM dossier_queue WHERE project = $1 AND NOT done AND NOT (key = ANY($2::text[]))', [this.db.project, skip]);
    return Number(r.rows[0].n);
  }

  /** Done and total jobs among `keys` (the whole job of one `dossier index`), or of the project. */
  async progress(keys?: readonly string[]): Promise<{ done: number; total: number }> {
    const r = await this.db.pool.query<{ done: string; total: string }>(
      'SELECT count(*) FILTER (WHERE done) AS done, count(*) AS total FROM dossier_queue WHERE project = $1 AND ($2::text[] IS NULL OR key = ANY($2::text[]))',
      [this.db.project, keys ?? null],
    );
    return { done: Number(r.rows[0].done), total: Number(r.rows[0].total) };
  }
}
