// The workspace folders the index covers, and the mapping between uris and index paths. With one
// folder an index path is relative to it (as it always was); with several, each folder has its
// own index and .dossier/ and a path starts with the folder's name: `reports/2024/summary.md`.
import * as vscode from 'vscode';
import type { FileStat, WorkspacePort } from '../core/ports';
import type { SourceService } from './sources/sourceService';
import { VscodeWorkspace } from './vscodeWorkspace';

export interface IndexedFolder {
  /** Unique among the folders, without '/': the first segment of index paths when there are several. */
  name: string;
  workspace: VscodeWorkspace;
}

/** Folder names made unique and path-safe ("notes", "notes (2)"). */
export function folderNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(/[/\\]/g, '-').trim() || 'folder';
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base} (${k})`;
    used.add(name);
    return name;
  });
}

export class FolderSet {
  readonly folders: readonly IndexedFolder[];

  constructor(folders: readonly vscode.WorkspaceFolder[], sources?: SourceService) {
    const names = folderNames(folders.map((f) => f.name));
    this.folders = folders.map((f, i) => ({ name: names[i], workspace: new VscodeWorkspace(f.uri, sources) }));
  }

  get multiRoot(): boolean {
    return this.folders.length > 1;
  }

  /** A key that changes when the folders do (added, removed, renamed, moved). */
  get key(): string {
    return this.folders.map((f) => `${f.name}\u0000${f.workspace.root.toString()}`).join('\u0001');
  }

  /** Index path of a uri (the original of a source's text view); undefined outside every folder. */
  pathOf(uri: vscode.Uri): string | undefined {
    // The deepest folder wins when one folder lies inside another.
    let best: { folder: IndexedFolder; path: string } | undefined;
    for (const folder of this.folders) {
      const path = folder.workspace.relativePath(uri);
      if (path !== undefined && (!best || path.length < best.path.length)) best = { folder, path };
    }
    if (!best) return undefined;
    return this.multiRoot ? `${best.folder.name}/${best.path}` : best.path;
  }

  /** The folder of an index path and the path inside it. */
  locate(path: string): { folder: IndexedFolder; path: string } | undefined {
    if (!this.multiRoot) return this.folders[0] && { folder: this.folders[0], path };
    const slash = path.indexOf('/');
    const folder = slash > 0 ? this.folders.find((f) => f.name === path.slice(0, slash)) : undefined;
    return folder && { folder, path: path.slice(slash + 1) };
  }

  uri(path: string): vscode.Uri | undefined {
    const at = this.locate(path);
    return at && at.folder.workspace.uri(at.path);
  }

  /** The folder name of an index path, shown in the views; undefined with a single folder. */
  folderOf(path: string): string | undefined {
    return this.multiRoot ? this.locate(path)?.folder.name : undefined;
  }

  /**
   * A port over every folder, for what reads documents by index path (the corrections the tagger
   * learns from): `.dossier/` and anything outside the folders is the first folder's.
   */
  port(): WorkspacePort | undefined {
    const first = this.folders[0]?.workspace;
    if (!first || !this.multiRoot) return first;
    const at = (path: string): [VscodeWorkspace, string] => {
      const loc = path.startsWith('.dossier/') ? undefined : this.locate(path);
      return loc ? [loc.folder.workspace, loc.path] : [first, path];
    };
    return {
      listFiles: async (include, exclude) => (await Promise.all(this.folders.map(async (f) => (await f.workspace.listFiles(include, exclude)).map((p) => `${f.name}/${p}`)))).flat(),
      stat: (path): Promise<FileStat | undefined> => at(path)[0].stat(at(path)[1]),
      readFile: (path) => at(path)[0].readFile(at(path)[1]),
      writeFileAtomic: (path, data) => at(path)[0].writeFileAtomic(at(path)[1], data),
      createExclusive: (path, data) => at(path)[0].createExclusive(at(path)[1], data),
      rename: (from, to) => at(from)[0].rename(at(from)[1], at(to)[1]),
      delete: (path) => at(path)[0].delete(at(path)[1]),
      mkdir: (path) => at(path)[0].mkdir(at(path)[1]),
      readDir: (path) => at(path)[0].readDir(at(path)[1]),
    };
  }
}
