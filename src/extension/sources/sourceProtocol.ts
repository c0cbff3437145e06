// The messages between the extension host and the sources worker (dist/sourcesWorker.js).
import type { ExtractedSource, ExtractLimits, SourceError, SourceKind } from '../../core/sources/types';

export interface SourceRequest {
  id: number;
  kind: SourceKind;
  bytes: Uint8Array;
  limits: ExtractLimits;
  /** Workspace folder on disk whose .dossier/cache/sources/ is used; none when untrusted or remote. */
  cacheRoot?: string;
}

export type SourceResponse =
  | { id: number; key: string; source: ExtractedSource }
  | { id: number; key: string; error: { code: SourceError['code']; message: string } };
