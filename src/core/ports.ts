// The file-system port of the core: the index reads and writes the workspace only through this,
// so it runs unchanged over node:fs (CLI, tests) and over vscode.workspace.fs (extension).
// Paths are workspace-relative POSIX paths ("articles/paris.txt", ".dossier/entities.json").
import type { SourceInfo } from './sources/types';

export interface Disposable {
  dispose(): void;
}

export interface FileStat {
  /** Bytes. */
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
}

export interface WorkspacePort {
  /** Files matching any include glob and no exclude glob (picomatch syntax), sorted. */
  listFiles(include: string[], exclude: string[]): Promise<string[]>;
  /** undefined when the file does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * UTF-8 text; undefined when the file does not exist. PDF, HTML and DOCX documents give their
   * extracted text (adapters that read them), or throw the SourceError saying why they have none.
   */
  readFile(path: string): Promise<string | undefined>;
  /** What the last readFile of a PDF, HTML or DOCX document extracted besides its text. */
  sourceInfo?(path: string): SourceInfo | undefined;
  /** After a full scan that listed `paths`: drops the extracted-text cache entries none of them uses. */
  pruneSources?(paths: readonly string[]): Promise<void>;
  /** Writes a temp file beside `path`, fsyncs it and renames it over `path`; creates parent dirs. */
  writeFileAtomic(path: string, data: string): Promise<void>;
  /**
   * Creates `path` only if it does not exist yet (O_EXCL); true when this call created it.
   * The lock under .dossier/ relies on it. Adapters without an exclusive create may stat then
   * write (best effort): merge-on-write still protects the data.
   */
  createExclusive(path: string, data: string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  /** Deleting a missing file is not an error. */
  delete(path: string): Promise<void>;
  /** Recursive; an existing directory is not an error. */
  mkdir(path: string): Promise<void>;
  /** Names (not paths) in a directory; [] when it does not exist. */
  readDir(path: string): Promise<string[]>;
}
