// The WorkspacePort over node:fs for the CLI and the unit tests: a folder on disk, addressed by
// workspace-relative POSIX paths.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ENGINE_VERSION } from '../core/engine/version';
import type { LoadedTagger } from '../core/engine/tagger/index';
import { MODEL_HASH } from '../core/engine/tagger/modelVersion';
import type { Analysis, AnalyzeOptions } from '../core/model';
import { openEntityIndex, type Annotation, type EntityIndex, type EntityIndexOptions } from '../core/index/index';
import type { FileStat, WorkspacePort } from '../core/ports';
import { writeFileAtomic } from '../core/atomicFile';
import { sourceInfoOf, sourceKindOf, type SourceInfo } from '../core/sources/types';
import { pruneSourceCache } from '../core/sources/cachePrune';
import { analyze as shippedAnalyze, engine, sources } from './lazy';

/** What the CLI indexes: text files and the documents it extracts text from. */
export const CLI_INCLUDE = ['**/*.{txt,md,pdf,html,htm,docx}'];

export class NodeWorkspace implements WorkspacePort {
  readonly root: string;
  private readonly sources = new Map<string, SourceInfo>();
  /** The extracted-text cache key of each document read (failures too). */
  private readonly sourceKeys = new Map<string, string>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private abs(rel: string): string {
    const full = path.resolve(this.root, ...rel.split('/'));
    if (full !== this.root && !full.startsWith(this.root + path.sep)) throw new Error(`${rel} is outside the workspace`);
    return full;
  }

  async listFiles(include: string[], exclude: string[]): Promise<string[]> {
    const isIncluded = picomatch(include, { dot: false });
    const isExcluded = picomatch(exclude, { dot: true });
    const out: string[] = [];
    const walk = async (dirRel: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(this.abs(dirRel), { withFileTypes: true });
      } catch {
        return; // unreadable folder: nothing to index there
      }
      for (const e of entries) {
        const rel = dirRel ? `${dirRel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          // Excluded folders are not even entered (node_modules can hold 100k files).
          if (!isExcluded(rel) && !isExcluded(`${rel}/`) && !isExcluded(`${rel}/x`)) await walk(rel);
        } else if (e.isFile() && isIncluded(rel) && !isExcluded(rel)) {
          out.push(rel);
        }
      }
    };
    await walk('');
    return out.sort();
  }

  async stat(rel: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.promises.stat(this.abs(rel));
      return { size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  /** UTF-8 text; for PDF, HTML and DOCX the extracted text (cached), or the reason it has none. */
  async readFile(rel: string): Promise<string | undefined> {
    try {
      const kind = rel.startsWith('.dossier/') ? undefined : sourceKindOf(rel);
      if (kind) {
        this.sources.delete(rel);
        const bytes = await fs.promises.readFile(this.abs(rel));
        const key = sources().sourceCacheKey(bytes);
        this.sourceKeys.set(rel, key);
        const source = await sources().extractCached(this, kind, bytes, {}, key);
        this.sources.set(rel, sourceInfoOf(source));
        return source.text;
      }
      return await fs.promises.readFile(this.abs(rel), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  sourceInfo(rel: string): SourceInfo | undefined {
    return this.sources.get(rel);
  }

  async pruneSources(paths: readonly string[]): Promise<void> {
    await pruneSourceCache(this, new Set(paths.flatMap((p) => this.sourceKeys.get(p) ?? [])));
  }

  async writeFileAtomic(rel: string, data: string): Promise<void> {
    return writeFileAtomic(this.abs(rel), data);
  }

  async createExclusive(rel: string, data: string): Promise<boolean> {
    const target = this.abs(rel);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.promises.writeFile(target, data, { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.abs(to)), { recursive: true });
    await fs.promises.rename(this.abs(from), this.abs(to));
  }

  async delete(rel: string): Promise<void> {
    await fs.promises.rm(this.abs(rel), { force: true });
  }

  async mkdir(rel: string): Promise<void> {
    await fs.promises.mkdir(this.abs(rel), { recursive: true });
  }

  async readDir(rel: string): Promise<string[]> {
    try {
      return (await fs.promises.readdir(this.abs(rel))).sort();
    } catch {
      return [];
    }
  }
}

/** git user.name in `dir`, else the OS user: the author recorded on annotations. */
export function findAuthor(dir: string): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: dir, encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // not a git checkout, or git missing: fall back to the OS user
  }
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface FolderIndexOptions {
  maxFileSizeMB?: number;
  readOnly?: boolean | string;
  /** The team index (--db): annotations, registry and analyses there instead of .dossier/. */
  stores?: Pick<EntityIndexOptions, 'store' | 'analyses'>;
  /** Analysis off the main thread (`dossier index`'s worker threads) and how many at once. */
  analyzer?: { analyze: EntityIndexOptions['analyze']; concurrency: number };
}

const TEACHING_KINDS: ReadonlySet<string> = new Set(['add', 'confirm', 'reject', 'relabel', 'link']);

/** Annotations on mentions teach the tagger (the analyses then depend on them). */
export function teachesTagger(annotations: readonly Annotation[]): boolean {
  return annotations.some((a) => TEACHING_KINDS.has(a.kind) && a.target);
}

/** Opens the index of a folder with the engine, as every CLI command does. */
export async function openFolderIndex(
  dir: string,
  options: FolderIndexOptions = {},
): Promise<{ index: EntityIndex; workspace: NodeWorkspace; analyze: (text: string, opts: AnalyzeOptions) => Analysis }> {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new Error(`${dir} is not a folder.`);
  const workspace = new NodeWorkspace(dir);
  // The tagger follows the workspace's corrections, known once the annotations are loaded.
  // Undefined: the shipped tagger, inside the lazily loaded engine (a warm index never loads it).
  let tagger: LoadedTagger | null | undefined;
  let corrections = '';
  const analyze = (text: string, opts: AnalyzeOptions): Analysis => (tagger === undefined ? shippedAnalyze(text, opts) : engine().analyzeWith(tagger, text, opts));
  const index = await openEntityIndex(workspace, {
    // Worker threads run the shipped tagger: with corrections, analysis stays on this thread.
    analyze: (text, opts) => (options.analyzer && !corrections ? options.analyzer.analyze(text, opts) : analyze(text, opts)),
    scanConcurrency: options.analyzer?.concurrency,
    get engineVersion() {
      return corrections ? `${ENGINE_VERSION}+corrections.${corrections}` : ENGINE_VERSION;
    },
    author: findAuthor(workspace.root),
    maxFileSizeMB: options.maxFileSizeMB,
    include: CLI_INCLUDE,
    readOnly: options.readOnly,
    // One snapshot file instead of one cache file per document on a warm run (not with --db).
    snapshot: !options.stores,
    ...options.stores,
    writeDelayMs: 0,
    // The same fallback as the editor's default (dossier.documentDateFallback = "mtime"), so the
    // CLI and VS Code compute the same analyses and share .dossier/cache/.
    documentDate: (rel) => mtimeDate(workspace.root, rel),
  });
  // Only annotations on mentions teach the tagger: without any, the engine need not load.
  if (teachesTagger(index.annotations())) {
    const e = engine();
    const base = e.shippedTagger();
    if (base) {
      const adapted = await e.loadWorkspaceTagger(workspace, index.annotations(), base, MODEL_HASH, index.readOnly);
      tagger = adapted.tagger;
      corrections = adapted.key;
    }
  }
  return { index, workspace, analyze };
}

/** The file's modification date (YYYY-MM-DD): the documents' date fallback. */
export function mtimeDate(root: string, rel: string): string | undefined {
  try {
    return fs.statSync(path.join(root, ...rel.split('/'))).mtime.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}
