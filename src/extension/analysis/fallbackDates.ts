// The document date the engine falls back on when an article names none of its own
// (`dossier.documentDateFallback`: the file's modification date, or nothing).
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ConfigMonitor } from '../config';

export class FallbackDates {
  /** Per document uri; stat() once per document, not per keystroke. */
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly config: ConfigMonitor) {}

  /** File mtime as YYYY-MM-DD; undefined for untitled documents or when turned off. */
  async of(d: vscode.TextDocument): Promise<string | undefined> {
    if (this.config.current.documentDateFallback === 'none' || d.isUntitled) return undefined;
    const key = d.uri.toString();
    if (this.cache.has(key)) return this.cache.get(key);
    let date: string | undefined;
    try {
      // node:fs for files on disk: workspace.fs waits on the window, seconds while it loads.
      const mtime = d.uri.scheme === 'file' ? (await stat(d.uri.fsPath)).mtimeMs : (await vscode.workspace.fs.stat(d.uri)).mtime;
      date = new Date(mtime).toISOString().slice(0, 10);
    } catch {
      date = undefined;
    }
    this.cache.set(key, date);
    return date;
  }

  forget(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}
