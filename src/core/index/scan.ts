// A full pass over the workspace: list the included files, skip the too-large, re-analyse only
// what changed (the cache answers the rest), and drop documents that disappeared.
import type { WorkspacePort } from '../ports';
import { SourceError, sourceKindOf } from '../sources/types';
import type { AnalysisOrigin } from './documentState';
import type { IndexDiagnostic, ScanProgress, ScanSummary } from './types';

export interface ScanRequest {
  port: WorkspacePort;
  include: string[];
  exclude: string[];
  maxFileSizeMB: number;
  /** Lets the port prune its extracted-text cache after a full scan (not when read-only). */
  pruneSources?: boolean;
  /** The limit for PDF, HTML and DOCX files. */
  maxSourceFileSizeMB?: number;
  known: () => string[];
  analyse: (path: string, text: string) => Promise<AnalysisOrigin>;
  remove: (path: string) => void;
  report: (d: IndexDiagnostic) => void;
  onProgress?: (p: ScanProgress) => void;
  signal?: { cancelled: boolean };
  /** Documents analysed at once (the CLI's worker threads); default 1. */
  concurrency?: number;
  /** Runs once at the end (apply annotations, build the registry, write). */
  done: () => Promise<void>;
}

export async function scanWorkspace(req: ScanRequest): Promise<ScanSummary> {
  const started = Date.now();
  const summary: ScanSummary = { documents: 0, analysed: 0, fromCache: 0, removed: 0, skipped: [], ms: 0 };
  const files = await req.port.listFiles(req.include, req.exclude);
  const seen = new Set<string>();
  const maxBytes = req.maxFileSizeMB * 1024 * 1024;
  let done = 0;
  const one = async (path: string): Promise<void> => {
    req.onProgress?.({ done, total: files.length, path });
    const skip = (reason: string, severity: IndexDiagnostic['severity'] = 'warning', code = 'too-large') => {
      summary.skipped.push({ path, reason, code });
      req.report({ severity, code, path, message: `${path}: ${reason}` });
    };
    try {
      const stat = await req.port.stat(path);
      if (!stat) return; // deleted while we were listing
      const source = sourceKindOf(path) !== undefined;
      const limitMB = source ? (req.maxSourceFileSizeMB ?? 50) : req.maxFileSizeMB;
      if (stat.size > (source ? limitMB * 1024 * 1024 : maxBytes)) {
        skip(`${(stat.size / 1024 / 1024).toFixed(1)} MB is above the ${limitMB} MB limit (${source ? 'dossier.sources.maxFileSizeMB' : 'dossier.maxFileSizeMB'}); not indexed.`);
        return;
      }
      const text = await req.port.readFile(path);
      if (text === undefined) return;
      if (text.includes('\u0000')) {
        skip('looks like a binary file; not indexed.', 'info', 'binary');
        return;
      }
      seen.add(path);
      const origin = await req.analyse(path, text);
      summary.documents++;
      if (origin === 'engine') summary.analysed++;
      else if (origin === 'cache') summary.fromCache++;
      else if (origin === 'failed') summary.analysed++;
    } catch (err) {
      // A document with no text (scanned, encrypted, damaged…) is listed with its reason, not an error.
      if (err instanceof SourceError) skip(err.message, 'warning', `source-${err.code}`);
      else skip(`could not be read: ${err instanceof Error ? err.message : String(err)}`, 'error', 'read-failed');
    }
  };
  // Lanes take the next file in order; with one lane this is the plain sequential scan.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length && !req.signal?.cancelled) {
      await one(files[next++]);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, req.concurrency ?? 1) }, lane));
  // Lanes finish in any order: the summary lists skipped files in file order, as before.
  const order = new Map(files.map((f, i) => [f, i]));
  summary.skipped.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  if (!req.signal?.cancelled) {
    for (const path of req.known()) {
      if (!seen.has(path)) {
        req.remove(path);
        summary.removed++;
      }
    }
    if (req.pruneSources) await req.port.pruneSources?.(files).catch(() => undefined);
  }
  req.onProgress?.({ done: files.length, total: files.length, path: '' });
  await req.done();
  summary.ms = Date.now() - started;
  return summary;
}
