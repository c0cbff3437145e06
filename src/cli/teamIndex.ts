// The CLI's side of the team index (--db URL or $DOSSIER_DB): the same EntityIndex as over a
// folder, with annotations, registry and analyses in PostgreSQL, and the documents either read
// from the folder (index, push) or from the server itself (search, export, import, pull).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option } from 'commander';
import { ENGINE_VERSION } from '../core/engine/version';
import { analyze } from './lazy';
import { openEntityIndex, type EntityIndex } from '../core/index/index';
import { ServerDocuments, syncDocuments } from '../core/index/pg/documents';
import { PgAnalysisStore, PgIndexStore } from '../core/index/pg/pgStore';
import { TeamDb } from '../core/index/pg/teamDb';
import { ReadThroughAnalysisStore } from '../core/index/pg/transfer';
import type { AnalysisStore } from '../core/index/indexStore';
import { findAuthor, openFolderIndex, type FolderIndexOptions } from './nodeWorkspace';

export const dbOption = () => new Option('--db <url>', 'the team index (postgres://…); default $DOSSIER_DB').env('DOSSIER_DB');

export interface TeamIndex {
  index: EntityIndex;
  db: TeamDb;
  /** Publishes documents and mentions after a scan or an annotation change. */
  publish(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An index over the folder `dir` whose persistence is the team index (`url`, or an open TeamDb
 * that close() then closes). With `readThrough`, analyses missing on the server are taken from it.
 */
export async function openFolderTeamIndex(url: string | TeamDb, dir: string, options: FolderIndexOptions = {}, readThrough?: AnalysisStore): Promise<TeamIndex> {
  const db = typeof url === 'string' ? await TeamDb.open(url) : url;
  try {
    const server = new PgAnalysisStore(db);
    const analyses = readThrough ? new ReadThroughAnalysisStore(server, readThrough) : server;
    const { index, workspace } = await openFolderIndex(dir, { readOnly: db.readOnlyReason, ...options, stores: { store: new PgIndexStore(db), analyses } });
    const meta = (rel: string) => {
      const st = fs.statSync(path.join(workspace.root, ...rel.split('/')), { throwIfNoEntry: false });
      return st && { mtime: st.mtimeMs, size: st.size };
    };
    return wrap(index, db, meta);
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** An index over the documents stored on the server (nothing local needed). */
export async function openServerIndex(url: string, options: { author?: string; writeDelayMs?: number; project?: string } = {}): Promise<TeamIndex> {
  const db = await TeamDb.open(url, { project: options.project });
  try {
    const docs = new ServerDocuments(db);
    const stats = await docs.all();
    const index = await openEntityIndex(docs, {
      analyze,
      engineVersion: ENGINE_VERSION,
      author: options.author ?? findAuthor(process.cwd()),
      store: new PgIndexStore(db),
      analyses: new PgAnalysisStore(db),
      writeDelayMs: options.writeDelayMs ?? 0,
      readOnly: db.readOnlyReason,
      // The folder's fallback date came from the file's mtime: the server keeps that mtime.
      documentDate: (p) => docs.dateOf(p),
    });
    return wrap(index, db, (p) => stats.get(p));
  } catch (err) {
    await db.close();
    throw err;
  }
}

function wrap(index: EntityIndex, db: TeamDb, meta: (p: string) => { mtime: number; size: number } | undefined): TeamIndex {
  return {
    index,
    db,
    publish: async () => {
      await index.flush();
      await syncDocuments(db, index, meta);
    },
    close: async () => {
      index.dispose();
      await db.close();
    },
  };
}

export type CommandIndex = Omit<TeamIndex, 'db'>;

/** --db without a folder: the server's documents; --db with a folder: that folder, stored on the server; else the folder. */
export async function openCommandIndex(db: string | undefined, dir: string | undefined, options: FolderIndexOptions = {}): Promise<CommandIndex> {
  if (db) return dir === undefined ? openServerIndex(db) : openFolderTeamIndex(db, dir, options);
  const { index } = await openFolderIndex(dir ?? '.', options);
  return { index, publish: () => index.flush(), close: async () => index.dispose() };
}
