// The index's WorkspacePort over one workspace folder. `file:` folders use node:fs: real atomic
// writes (temp file, fsync, rename), exclusive creates, and reads that do not wait on the
// window (in a remote window workspace.fs goes through the UI and back, seconds while the
// window is still loading: the first highlights come from these reads). Other schemes go
// through workspace.fs, best effort (the index's merge-on-write still protects the data).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { FileStat, WorkspacePort } from '../core/ports';
import { writeFileAtomic } from '../core/atomicFile';
import { sourceKindOf, type SourceInfo } from '../core/sources/types';
import { pruneSourceCache } from '../core/sources/cachePrune';
import type { SourceService } from './sources/sourceService';

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'ENOENT' || code === 'FileNotFound' || (err instanceof vscode.FileSystemError && err.code === 'FileNotFound');
}

export class VscodeWorkspace implements WorkspacePort {
  private readonly native: boolean;

  /** With `sources`, PDF, HTML and DOCX files read as their extracted text (in the sources worker). */
  constructor(
    readonly root: vscode.Uri,
    private readonly sources?: SourceService,
  ) {
    this.native = root.scheme === 'file';
  }

  /** Workspace-relative POSIX path of a uri inside the root, else undefined. */
  relativePath(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority) return undefined;
    const rootPath = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    if (!uri.path.startsWith(rootPath)) return undefined;
    return uri.path.slice(rootPath.length);
  }

  uri(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...relative.split('/').filter(Boolean));
  }

  private fsPath(relative: string): string {
    return path.join(this.root.fsPath, ...relative.split('/'));
  }

  async listFiles(include: string[], exclude: string[]): Promise<string[]> {
    const isIncluded = picomatch(include, { dot: true });
    const isExcluded = picomatch(exclude, { dot: true });
    const glob = include.length === 1 ? include[0] : `{${include.join(',')}}`;
    const excludeGlob = exclude.length ? `{${exclude.join(',')}}` : null;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.root, glob), excludeGlob);
    // findFiles' glob dialect differs slightly from picomatch's; the index promises picomatch.
    return uris
      .map((u) => this.relativePath(u))
      .filter((p): p is string => p !== undefined && isIncluded(p) && !isExcluded(p))
      .sort();
  }

  async stat(relative: string): Promise<FileStat | undefined> {
    try {
      if (this.native) {
        const s = await fs.stat(this.fsPath(relative));
        return { size: s.size, mtime: s.mtimeMs };
      }
      const s = await vscode.workspace.fs.stat(this.uri(relative));
      return { size: s.size, mtime: s.mtime };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async readFile(relative: string): Promise<string | undefined> {
    try {
      if (this.sources && !relative.startsWith('.dossier/') && sourceKindOf(relative)) return (await this.sources.extract(this.uri(relative))).text;
      const bytes = this.native ? await fs.readFile(this.fsPath(relative)) : await vscode.workspace.fs.readFile(this.uri(relative));
      return new TextDecoder('utf-8').decode(bytes);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  sourceInfo(relative: string): SourceInfo | undefined {
    return this.sources?.info(this.uri(relative));
  }

  async pruneSources(paths: readonly string[]): Promise<void> {
    const sources = this.sources;
    if (!sources || !this.native) return;
    // node:fs here: a missing cache folder is normal and need not be logged as an error.
    const folder = { readDir: (rel: string) => fs.readdir(this.fsPath(rel)).catch(() => []), delete: (rel: string) => fs.rm(this.fsPath(rel), { force: true }) };
    await pruneSourceCache(folder, new Set(paths.flatMap((p) => sources.cacheKey(this.uri(p)) ?? [])));
  }

  async writeFileAtomic(relative: string, data: string): Promise<void> {
    if (!this.native) {
      await vscode.workspace.fs.writeFile(this.uri(relative), new TextEncoder().encode(data));
      return;
    }
    await writeFileAtomic(this.fsPath(relative), data);
  }

  async createExclusive(relative: string, data: string): Promise<boolean> {
    if (!this.native) {
      if (await this.stat(relative)) return false;
      await vscode.workspace.fs.writeFile(this.uri(relative), new TextEncoder().encode(data));
      return true;
    }
    const target = this.fsPath(relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.writeFile(target, data, { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') return false;
      throw err;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    if (this.native) await fs.rename(this.fsPath(from), this.fsPath(to));
    else await vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: true });
  }

  async delete(relative: string): Promise<void> {
    try {
      if (this.native) await fs.rm(this.fsPath(relative), { recursive: true });
      else await vscode.workspace.fs.delete(this.uri(relative), { recursive: true, useTrash: false });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async mkdir(relative: string): Promise<void> {
    if (this.native) await fs.mkdir(this.fsPath(relative), { recursive: true });
    else await vscode.workspace.fs.createDirectory(this.uri(relative));
  }

  async readDir(relative: string): Promise<string[]> {
    try {
      if (this.native) return (await fs.readdir(this.fsPath(relative))).sort();
      const entries = await vscode.workspace.fs.readDirectory(this.uri(relative));
      return entries.map(([name]) => name).sort();
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }
}

/** Who annotations are attributed to: git's user.name in the folder, else the OS user. */
export function findAuthor(root: vscode.Uri): Promise<string> {
  const fallback = (): string => {
    try {
      return os.userInfo().username || 'unknown';
    } catch {
      return 'unknown';
    }
  };
  if (root.scheme !== 'file') return Promise.resolve(fallback());
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: root.fsPath, timeout: 3000 }, (err, stdout) => {
      const name = String(stdout ?? '').trim();
      resolve(!err && name ? name : fallback());
    });
  });
}
