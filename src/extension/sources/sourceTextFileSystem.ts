// The read-only `dossier-source:` file system: each file is the extracted text of a PDF, HTML or
// DOCX document, so every editor feature (highlights, hover, F12, symbols, annotations) works on
// it as on a .txt. It follows the original: replacing the file reloads the text.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SourceError } from '../../core/sources/types';
import type { SourceService } from './sourceService';
import { originalUriOf } from './sourceUri';

export class SourceTextFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly sources: SourceService) {}

  watch(uri: vscode.Uri): vscode.Disposable {
    const original = originalUriOf(uri);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(original, '..'), path.posix.basename(original.path)));
    const changed = (type: vscode.FileChangeType) => () => this.emitter.fire([{ type, uri }]);
    return vscode.Disposable.from(
      watcher,
      watcher.onDidChange(changed(vscode.FileChangeType.Changed)),
      watcher.onDidCreate(changed(vscode.FileChangeType.Changed)),
      watcher.onDidDelete(changed(vscode.FileChangeType.Deleted)),
    );
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // The original's times: the text changes exactly when the file does.
    const s = await vscode.workspace.fs.stat(originalUriOf(uri));
    return { type: vscode.FileType.File, ctime: s.ctime, mtime: s.mtime, size: s.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const original = originalUriOf(uri);
    try {
      return new TextEncoder().encode((await this.sources.extract(original)).text);
    } catch (err) {
      if (err instanceof SourceError) throw vscode.FileSystemError.Unavailable(`${path.posix.basename(original.path)}: ${err.message}`);
      throw err;
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
