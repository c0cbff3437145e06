// Extracts the text of PDF, HTML and DOCX files off the extension host's thread (bundled to
// dist/sourcesWorker.js). Its own thread, so a 20-second PDF never delays the open editor's
// analysis. With a folder, extractions are cached in its .dossier/cache/sources/.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { writeFileAtomic } from '../../core/atomicFile';
import { SourceError } from '../../core/sources/types';
import { extractCached, sourceCacheKey, type TextCachePort } from '../../core/sources/textCache';
import type { SourceRequest, SourceResponse } from '../sources/sourceProtocol';

/** The cache port over a local folder (the workspace root). */
function folderPort(root: string): TextCachePort {
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  return {
    readFile: (rel) => fs.readFile(abs(rel), 'utf8').catch(() => undefined),
    writeFileAtomic: (rel, data) => writeFileAtomic(abs(rel), data),
    mkdir: async (rel) => void (await fs.mkdir(abs(rel), { recursive: true })),
  };
}

async function handle(req: SourceRequest): Promise<SourceResponse> {
  const key = sourceCacheKey(req.bytes);
  try {
    const source = await extractCached(req.cacheRoot ? folderPort(req.cacheRoot) : undefined, req.kind, req.bytes, req.limits, key);
    return { id: req.id, key, source };
  } catch (err) {
    const code = err instanceof SourceError ? err.code : 'damaged';
    const message = err instanceof SourceError ? err.message : `could not be read (${err instanceof Error ? err.message : String(err)})`;
    return { id: req.id, key, error: { code, message } };
  }
}

parentPort?.on('message', (req: SourceRequest) => {
  void handle(req).then((res) => parentPort?.postMessage(res));
});
