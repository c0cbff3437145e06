// The typed messages between the extension host and the analysis worker (dist/worker.js).
// Plain JSON-cloneable data only: the worker has no vscode import.
import type { Analysis, AnalyzeOptions } from '../../core/model';

export type WorkerRequest =
  | {
      kind: 'analyze';
      id: number;
      /** Document key (uri string); the worker keeps one incremental analyzer per key. */
      doc: string;
      version: number;
      text: string;
      options: AnalyzeOptions;
      /** Background indexing: analyse from scratch and keep no per-document state. */
      oneShot?: boolean;
    }
  /** The document was closed: drop its analyzer and paragraph cache. */
  | { kind: 'forget'; doc: string };

export type WorkerResponse =
  | { kind: 'analyzed'; id: number; doc: string; version: number; analysis: Analysis; ms: number }
  | { kind: 'failed'; id: number; doc: string; version: number; message: string }
  /** Sent once when the worker has loaded the engine. */
  | { kind: 'ready'; engineVersion: string };
