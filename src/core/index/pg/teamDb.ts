// One connection pool to the team index for one project. Every connection says which project it
// works on (the `dossier.project` setting that row-level security checks), and the schema is
// migrated before first use.
import pg from 'pg';
import { migrate } from './schema';

export interface TeamDbOptions {
  /** Project (a team's corpus); default "default" or $DOSSIER_PROJECT. */
  project?: string;
  /** Overrides the URL's password (from SecretStorage, or $PGPASSWORD). */
  password?: string;
  /** TLS: true, or node tls options; default from the URL's sslmode. */
  ssl?: pg.PoolConfig['ssl'];
  max?: number;
  /** Give up connecting after this long (ms; default 10 s), so an unreachable server fails rather than hangs. */
  connectTimeoutMs?: number;
}

/**
 * pg_trgm's thresholds for the server search's fuzzy candidates: similarity 0.5 (a swapped pair of
 * letters in a two-word name passes; 0.3 let thousands of names sharing a first name through),
 * word similarity 0.6 (one typo in one word of a long name).
 */
export const TRIGRAM_THRESHOLDS = { similarity: 0.5, word: 0.6 };

export class TeamDb {
  readonly pool: pg.Pool;
  readonly project: string;
  /** Why this role may not write (a `dossier_reader`), or undefined when it may. */
  readOnlyReason: string | undefined;

  private constructor(pool: pg.Pool, project: string) {
    this.pool = pool;
    this.project = project;
  }

  static async open(url: string, options: TeamDbOptions = {}): Promise<TeamDb> {
    const project = options.project ?? process.env.DOSSIER_PROJECT ?? 'default';
    if (!project || project.includes('\u0000')) throw new Error('The project name must be a non-empty text without NUL characters.');
    // The project travels in the startup packet, so it is set before any query on every connection.
    const setting = `-c dossier.project=${project.replace(/[\\ ]/g, (c) => `\\${c}`)}`;
    // The trigram thresholds of the server search's `%` and `<%` (pg/search.ts), set once per connection.
    const trigrams = `-c pg_trgm.similarity_threshold=${TRIGRAM_THRESHOLDS.similarity} -c pg_trgm.word_similarity_threshold=${TRIGRAM_THRESHOLDS.word}`;
    const pool = new pg.Pool({ connectionString: url, password: options.password, ssl: options.ssl, max: options.max ?? 4, options: `${setting} ${trigrams}`, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
    // A dropped idle connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new TeamDb(pool, project);
    try {
      await migrate(pool);
      db.readOnlyReason = await access(pool, project);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new Error(`Cannot use the team index at ${redact(url)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return db;
  }

  /** Runs `body` in one transaction, serialised with the project's other writers when `lock`. */
  async tx<T>(body: (c: pg.PoolClient) => Promise<T>, lock = true): Promise<T> {
    const client = await this.pool.connect();
    // The server going away between two statements is an 'error' event, not a failed query:
    // it must fail this transaction, never crash the process.
    let broken: Error | undefined;
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      if (lock) await client.query("SELECT pg_advisory_xact_lock(hashtext('dossier:' || $1))", [this.project]);
      const out = await body(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.off('error', onError);
      // A broken connection is closed rather than returned to the pool.
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Checks this role's access to `project` (row-level security): throws when it has none, returns why it cannot write. */
async function access(pool: pg.Pool, project: string): Promise<string | undefined> {
  const r = await pool.query<{ who: string; admin: boolean; read: boolean; write: boolean }>(
    `SELECT current_user AS who,
       (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
         OR pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'dossier_annotations' AND schemaname = current_schema()), 'MEMBER') AS admin,
       dossier_can($1, false) AS read, dossier_can($1, true) AND has_table_privilege('dossier_annotations', 'INSERT') AS write`, [project]);
  const a = r.rows[0];
  if (a.admin) return undefined;
  if (!a.read) throw new Error(`the role ${a.who} is not a member of the project "${project}" (an administrator adds it with dossier_add_member).`);
  return a.write ? undefined : `The role ${a.who} has read-only access to the team index project "${project}": search and export work, annotations cannot be saved.`;
}

/** A URL fit for messages: never the password. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** PostgreSQL text cannot hold NUL: searchable copies get U+FFFD; the json truth keeps "\u0000". */
export function searchable(s: string): string {
  return s.includes('\u0000') ? s.split('\u0000').join('\uFFFD') : s;
}
