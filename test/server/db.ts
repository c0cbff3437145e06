// Test helpers for the team-index suites: a fresh database per test on the cluster that
// `node scripts/test.mjs --server` started ($DOSSIER_TEST_DB), and a corpus folder to index.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { createDatabase } from './pgDatabase';

const admin = process.env.DOSSIER_TEST_DB;
let n = 0;

/** A new empty database on the test cluster; its URL. */
export function freshDatabase(): Promise<string> {
  if (!admin) throw new Error('DOSSIER_TEST_DB is not set: run the server suites with `node scripts/test.mjs --server`.');
  return createDatabase(admin, `dossier_t${process.pid}_${++n}`);
}

export const root = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');

/** A copy of the sample articles (plus `extra` files) in a temp folder, without any .dossier/. */
export function corpus(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-'));
  for (const f of fs.readdirSync(path.join(root, 'samples'))) {
    if (/\.(txt|md)$/.test(f)) fs.copyFileSync(path.join(root, 'samples', f), path.join(dir, f));
  }
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** A generated corpus of `n` articles (scripts/pg/corpus.mjs) in a temp folder. */
export function generatedCorpus(n: number, seed = 1): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-gen-'));
  const r = spawnSync('node', [path.join(root, 'scripts', 'pg', 'corpus.mjs'), dir, String(n), String(seed)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`corpus.mjs failed: ${r.stderr}`);
  return dir;
}

/** The CLI as a child process the test can watch and kill. */
export function cliProcess(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn('node', [CLI, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}
