// The typed messages between the extension host and the analysis worker (dist/worker.js).
// Plain JSON-cloneable data only: the worker has no vscode import.
import type { Analysis, AnalyzeOptions } from '../../core/model';
import type { AdaptedDelta, PreparedCorrections } from '../../core/index/corrections';

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
  | { kind: 'forget'; doc: string }
  /** Adapt the tagger to the workspace's corrections (key '' = the shipped tagger again). */
  | { kind: 'corrections'; id: number; prepared: PreparedCorrections };

export type WorkerResponse =
  | { kind: 'analyzed'; id: number; doc: string; version: number; analysis: Analysis; ms: number }
  | { kind: 'failed'; id: number; doc: string; version: number; message: string }
  /** The tagger now follows these corrections; `delta` is set when it was built (to cache). */
  | { kind: 'corrected'; id: number; key: string; origin: 'none' | 'cache' | 'built'; delta?: AdaptedDelta; ms: number; error?: string }
  /** Sent once when the worker has loaded the engine. */
  | { kind: 'ready'; engineVersion: string };
