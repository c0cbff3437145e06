// Extracted text cached in .dossier/cache/, keyed by the file's content hash and the extractor
// version: a reopen never re-extracts, and a failure (no text layer, encrypted…) is remembered too.
// A subfolder, because the analysis cache prunes every .json of its own folder it does not use.
import { contentHash } from '../index/contentHash';
import { SOURCES_DIR } from './cachePrune';
import { extractSource } from './index';
import { EXTRACTOR_VERSION, SourceError, type ExtractedSource, type ExtractLimits, type SourceKind } from './types';

export interface TextCachePort {
  readFile(path: string): Promise<string | undefined>;
  writeFileAtomic(path: string, data: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

type Entry = { ok: ExtractedSource } | { error: { code: SourceError['code']; message: string } };

export function sourceCacheKey(bytes: Uint8Array): string {
  return `${SOURCES_DIR}/${EXTRACTOR_VERSION}-${contentHash(Buffer.from(bytes).toString('latin1'))}.json`;
}

/** The extraction of `bytes`, from the cache when it has it; throws the (cached) SourceError. */
export async function extractCached(
  port: TextCachePort | undefined,
  kind: SourceKind,
  bytes: Uint8Array,
  limits: Partial<ExtractLimits> = {},
  key = sourceCacheKey(bytes),
): Promise<ExtractedSource> {
  const cached = port ? await port.readFile(key).catch(() => undefined) : undefined;
  if (cached) {
    try {
      const entry = JSON.parse(cached) as Entry;
      if ('ok' in entry) return entry.ok;
      // Limits can change between runs: an entry that only says "too large" is never trusted.
      if (entry.error.code !== 'too-large') throw new SourceError(entry.error.code, entry.error.message);
    } catch (err) {
      if (err instanceof SourceError) throw err;
      // an unreadable cache entry is extracted again and rewritten
    }
  }
  let entry: Entry;
  try {
    entry = { ok: await extractSource(kind, bytes, limits) };
  } catch (err) {
    // A slow machine may do better next time, and a higher limit may admit a large file.
    if (!(err instanceof SourceError) || err.code === 'timeout' || err.code === 'too-large') throw err;
    entry = { error: { code: err.code, message: err.message } };
  }
  if (port) {
    await port.mkdir(SOURCES_DIR).catch(() => undefined);
    await port.writeFileAtomic(key, JSON.stringify(entry)).catch(() => undefined);
  }
  if ('error' in entry) throw new SourceError(entry.error.code, entry.error.message);
  return entry.ok;
}
