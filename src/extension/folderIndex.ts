// Opens the index of the workspace's folders: one EntityIndex per folder (each with its own
// .dossier/, or the team index's stores), combined by MultiRootIndex when there are several.
import { statSync } from 'node:fs';
import { ENGINE_VERSION } from '../core/engine/version';
import { openEntityIndex } from '../core/index/index';
import type { EntityIndex } from '../core/index/types';
import { MultiRootIndex } from '../core/index/multiRootIndex';
import type { DossierConfig } from './config';
import { versionWithCorrections } from './analysis/correctionsLoop';
import type { WorkerClient } from './analysis/workerClient';
import type { TeamConnection } from './team/teamConnection';
import { type VscodeWorkspace, findAuthor } from './vscodeWorkspace';
import type { FolderSet } from './workspaceFolders';

export interface FolderIndexContext {
  config: DossierConfig;
  trusted: boolean;
  worker: WorkerClient;
  team?: TeamConnection;
  /** A fresh id per background analysis job. */
  nextJob(): number;
}

/** Every folder's index; a failure disposes of those already open. */
export async function openFolderSetIndex(folderSet: FolderSet, ctx: FolderIndexContext): Promise<EntityIndex> {
  const { folders } = folderSet;
  if (folders.length === 1) return openFolderIndex(folders[0].workspace, ctx);
  const parts: { name: string; index: EntityIndex }[] = [];
  try {
    for (const f of folders) parts.push({ name: f.name, index: await openFolderIndex(f.workspace, ctx) });
  } catch (err) {
    for (const p of parts) p.index.dispose();
    throw err;
  }
  return new MultiRootIndex(parts);
}

export async function openFolderIndex(ws: VscodeWorkspace, ctx: FolderIndexContext): Promise<EntityIndex> {
  const { config: c, worker } = ctx;
  // The engine version comes from its own small module: opening the index and painting
  // cached analyses never wait for the worker to load the engine.
  // Nor for git: the author (read when an annotation is made) is filled in once known.
  let author: string | undefined;
  void findAuthor(ws.root).then((name) => (author = name));
  const team = await ctx.team?.stores(ws);
  return openEntityIndex(ws, {
    store: team?.store,
    // No registry snapshot in the editor: writing it (checksum and JSON of the whole registry)
    // blocks the extension host for ~100 ms at 1,000 documents; the CLI keeps it.
    analyze: (text, options) => worker.analyzeOrThrow({ doc: `scan:${ctx.nextJob()}`, version: 0, text, options, background: true }),
    // Read at every analysis: the tagger follows the workspace's corrections.
    get engineVersion() {
      return versionWithCorrections(ENGINE_VERSION, worker.correctionsKey);
    },
    get author() {
      return author;
    },
    include: [c.include],
    exclude: c.exclude,
    maxFileSizeMB: c.maxFileSizeMB,
    maxSourceFileSizeMB: c.sources.maxFileSizeMB,
    readOnly: ctx.trusted ? (team?.readOnly ?? false) : true,
    documentDate: (path) => mtimeDate(c, ws, path),
  });
}

/** The file's modification day, when the settings let it stand in for a missing document date. */
function mtimeDate(c: DossierConfig, ws: VscodeWorkspace, path: string): string | undefined {
  if (c.documentDateFallback === 'none' || ws.root.scheme !== 'file') return undefined;
  try {
    return statSync(ws.uri(path).fsPath).mtime.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}
