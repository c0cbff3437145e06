// .dossier/cache/analyses.snapshot: every live cache entry of the last full scan in ONE file, so
// a warm reopen of a large corpus reads one file instead of one per document. A derived cache
// (git-ignored with the rest of cache/): each line is exactly a per-document cache file's
// content, `{"key":"…","analysis":…}`, after a header line. Entries are content-addressed by
// their key, so a stale snapshot can only miss, never answer wrongly; a damaged line or a
// truncated file falls back to the per-document files and the next full scan rewrites it.
import type { WorkspacePort } from '../ports';

export const SNAPSHOT_FORMAT = 'dossier-analyses';
export const SNAPSHOT_VERSION = 1;
const KEY_PREFIX = '{"key":"';

export interface SnapshotHeader {
  format: string;
  version: number;
  entries: number;
}

/** key -> the entry's line, unparsed (parsed on first use, so unused entries cost nothing). */
export type SnapshotLines = Map<string, string>;

/** The snapshot's entries, or an empty map when it is missing, damaged or of another format. */
export async function readAnalysisSnapshot(port: WorkspacePort, file: string): Promise<{ lines: SnapshotLines; valid: boolean }> {
  const lines: SnapshotLines = new Map();
  let text: string | undefined;
  try {
    text = await port.readFile(file);
  } catch {
    text = undefined;
  }
  if (!text) return { lines, valid: false };
  const rows = text.split('\n');
  let header: Partial<SnapshotHeader> | undefined;
  try {
    header = JSON.parse(rows[0]) as Partial<SnapshotHeader>;
  } catch {
    header = undefined;
  }
  if (header?.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION) return { lines, valid: false };
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const key = entryKey(row);
    if (key) lines.set(key, row);
  }
  // A truncated or hand-edited file: use what is there, but say it must be rewritten.
  return { lines, valid: lines.size === header.entries && rows.length === header.entries + 2 };
}

/** The key of a line `{"key":"…",…`, read without parsing the analysis. */
export function entryKey(line: string): string | undefined {
  if (!line.startsWith(KEY_PREFIX)) return undefined;
  const end = line.indexOf('"', KEY_PREFIX.length);
  return end > KEY_PREFIX.length ? line.slice(KEY_PREFIX.length, end) : undefined;
}

/** The snapshot's text for these entry lines (each one a cache file's content). */
export function snapshotText(lines: readonly string[]): string {
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, entries: lines.length };
  return `${JSON.stringify(header)}\n${lines.join('\n')}\n`;
}
