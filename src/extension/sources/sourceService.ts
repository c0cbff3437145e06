// What the editor knows about PDF, HTML and DOCX documents: extracts them through the sources
// worker (never on this thread) and remembers, per file, its page map and date, or why it has
// no text. The index's port, the text views, the hover and the Documents view all ask here.
import * as vscode from 'vscode';
import { pageAt, SourceError, sourceInfoOf, type ExtractedSource, type SourceInfo } from '../../core/sources/types';
import type { ConfigMonitor } from '../config';
import type { TrustState } from '../trustState';
import { SourceClient } from './sourceClient';
import { sourceKindOfUri } from './sourceUri';

export interface SourceFailure {
  uri: vscode.Uri;
  code: SourceError['code'];
  message: string;
}

type Outcome = { uri: vscode.Uri; key?: string } & ({ info: SourceInfo } | { error: SourceError });

export class SourceService implements vscode.Disposable {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the original file's uri when what is known about it changed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly client: SourceClient,
    private readonly config: ConfigMonitor,
    private readonly trust: TrustState,
  ) {}

  /** The extraction of `file` (read from disk unless `bytes` are given); throws a SourceError. */
  async extract(file: vscode.Uri, bytes?: Uint8Array): Promise<ExtractedSource> {
    const kind = sourceKindOfUri(file);
    if (!kind) throw new SourceError('wrong-kind', 'not a PDF, HTML or Word document');
    const data = bytes ?? (await vscode.workspace.fs.readFile(file));
    const { maxFileSizeMB, maxExtractSeconds } = this.config.current.sources;
    const limits = { maxBytes: maxFileSizeMB * 1024 * 1024, maxMs: maxExtractSeconds * 1000, maxChars: 5_000_000 };
    const result = await this.client.extract({ kind, bytes: data, limits, cacheRoot: this.cacheRoot(file) });
    const outcome: Outcome = 'source' in result ? { uri: file, key: result.key, info: sourceInfoOf(result.source) } : { uri: file, key: result.key, error: result.error };
    this.outcomes.set(file.toString(), outcome);
    this.emitter.fire(file);
    if ('error' in result) throw result.error;
    return result.source;
  }

  /** Page map, date and kind of a document extracted before; undefined otherwise. */
  info(file: vscode.Uri): SourceInfo | undefined {
    const o = this.outcomes.get(file.toString());
    return o && 'info' in o ? o.info : undefined;
  }

  /** 1-based page of an offset into a PDF's text. */
  pageAt(file: vscode.Uri, offset: number): number | undefined {
    return pageAt(this.info(file)?.pages, offset);
  }

  /** The cache key of the file's last extraction (failures too). */
  cacheKey(file: vscode.Uri): string | undefined {
    return this.outcomes.get(file.toString())?.key;
  }

  /** Documents that could not be read, with why. */
  failures(): SourceFailure[] {
    return [...this.outcomes.values()].flatMap((o) => ('error' in o ? [{ uri: o.uri, code: o.error.code, message: o.error.message }] : []));
  }

  failureOf(file: vscode.Uri): SourceFailure | undefined {
    return this.failures().find((f) => f.uri.toString() === file.toString());
  }

  forget(file: vscode.Uri): void {
    if (this.outcomes.delete(file.toString())) this.emitter.fire(file);
  }

  /** Extractions are cached beside the index, on disk and only in a trusted folder. */
  private cacheRoot(file: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(file);
    return folder && folder.uri.scheme === 'file' && this.trust.trusted ? folder.uri.fsPath : undefined;
  }

  dispose(): void {
    this.client.dispose();
    this.emitter.dispose();
  }
}
